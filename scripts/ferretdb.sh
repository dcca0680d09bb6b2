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
#
# One fix is applied to the source before building (so the build is always from source):
# FerretDB 1.24's SQLite backend filters `_id` with the expression `_ferretdb_sjson->'$._id'`
# while the unique `_id_` index it creates is on `_ferretdb_sjson->"_id"`. SQLite matches an
# index only to the same expression, so every find, update and delete by `_id` scanned the
# whole table (22-83 ms at 10,000 documents against 2 ms at 100). Writing the filter as the
# index is written (`->'_id'`, the same JSON key) lets SQLite use the index: 2-3 ms at 10,000.
# Only that constant changes; `bench/storeShapes.ts` measures both builds (README "Performance").
set -euo pipefail

versions=(v1.24.1 v1.24.2 v1.24.0)
cache_root="${FERRETDB_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mentorship-bot/ferretdb}"
module="github.com/FerretDB/FerretDB"

log() { printf '[ferretdb] %s\n' "$*" >&2; }

if [[ "${1:-}" == "--if-needed" ]] && command -v mongod >/dev/null 2>&1; then
  log "mongod found on PATH; FerretDB build skipped"
  exit 0
fi

# The folder names the fix, so a machine with an unpatched build from before builds again.
flavour="id-index"

for v in "${versions[@]}"; do
  bin="$cache_root/$v-$flavour/ferretdb"
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
  dir="$cache_root/$v-$flavour"
  mkdir -p "$dir"
  log "building FerretDB $v ($flavour) into $dir (once; takes a minute or two)"

  # The module source of exactly this version from the Go module proxy.
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

  # The `_id` index fix (see the top of this file); refuse to build if the line is not there.
  meta="$work/internal/backends/sqlite/metadata/metadata.go"
  if ! grep -q "IDColumn = DefaultColumn + \"->'\$._id'\"" "$meta"; then
    errors+=("patch $v: the _id expression in $meta is not the one this script fixes")
    rm -rf "$work"
    continue
  fi
  sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \"->'_id'\"|" "$meta"

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
