#!/usr/bin/env bash
# Builds FerretDB (SQLite backend) once into a cache folder, for the tests and for `npm start`
# without MONGODB_URI. Prints the path of the binary on its last line.
#
#   bash scripts/ferretdb.sh              build if missing, print the path
#   bash scripts/ferretdb.sh --if-needed  skip quietly when a `mongod` is on PATH
#
# Order of versions: v1.24.1 (the one we want), then v1.24.2 and v1.24.0, each tried once.
# `go install <pkg>@<version>` is tried first. Two things in this workplace make it fail, so we
# fall back to building the same module version from the Go module proxy's source:
#   - the proxy refuses the module's version list, which `go install pkg@v` reads for
#     deprecation notices ("403 Forbidden ... @v/list");
#   - the released module has no build/version/version.txt, and FerretDB's own CLI panics at
#     start without it (the file is generated from git in FerretDB's own build). We write it.
set -euo pipefail

versions=(v1.24.1 v1.24.2 v1.24.0)
cache_root="${FERRETDB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mentorship-bot/ferretdb}"
module="github.com/FerretDB/FerretDB"

log() { printf '[ferretdb] %s\n' "$*" >&2; }

if [[ "${1:-}" == "--if-needed" ]] && command -v mongod >/dev/null 2>&1; then
  log "mongod found on PATH; FerretDB build skipped"
  exit 0
fi

for v in "${versions[@]}"; do
  bin="$cache_root/$v/ferretdb"
  if [[ -x "$bin" ]] && "$bin" --version >/dev/null 2>&1; then
    echo "$bin"
    exit 0
  fi
done

if ! command -v go >/dev/null 2>&1; then
  log "blocked: Go is not installed; FerretDB cannot be built (install Go 1.24+ or set MONGODB_URI)"
  exit 1
fi

errors=()
for v in "${versions[@]}"; do
  dir="$cache_root/$v"
  mkdir -p "$dir"
  log "building FerretDB $v into $dir (once; takes a minute or two)"

  if out=$(GOBIN="$dir" GOFLAGS=-mod=mod go install "$module/cmd/ferretdb@$v" 2>&1) \
    && "$dir/ferretdb" --version >/dev/null 2>&1; then
    echo "$dir/ferretdb"
    exit 0
  fi
  errors+=("go install $v: $(printf '%s' "$out" | tail -n 2 | tr '\n' ' ')")
  rm -f "$dir/ferretdb"

  # Fallback: download exactly this version's module source and build its CLI.
  if ! json=$(GOFLAGS=-mod=mod go mod download -json "$module@$v" 2>&1); then
    errors+=("go mod download $v: $(printf '%s' "$json" | grep -o '"Error": *"[^"]*"' | head -1)")
    continue
  fi
  src=$(printf '%s' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' | head -1)
  if [[ -z "$src" || ! -d "$src" ]]; then
    errors+=("go mod download $v: $(printf '%s' "$json" | grep -o '"Error": *"[^"]*"' | head -1)")
    continue
  fi
  work="$dir/src"
  rm -rf "$work"
  cp -r "$src" "$work"
  chmod -R u+w "$work"
  echo "$v" >"$work/build/version/version.txt"
  if out=$(cd "$work" && GOTOOLCHAIN=local GOFLAGS=-mod=mod go build -o "$dir/ferretdb" ./cmd/ferretdb 2>&1) \
    && "$dir/ferretdb" --version >/dev/null 2>&1; then
    rm -rf "$work"
    log "built $dir/ferretdb"
    echo "$dir/ferretdb"
    exit 0
  fi
  errors+=("go build $v: $(printf '%s' "$out" | tail -n 3 | tr '\n' ' ')")
  rm -rf "$work"
done

log "blocked: no FerretDB version could be built. Errors:"
for e in "${errors[@]}"; do log "  $e"; done
exit 1
