import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The layers, checked from the source itself: every import and re-export of every file in src/
// (type-only ones too), with relative paths resolved to files.
//   domain ← store ← services ← jobs; bot and flows on top; flows never import bot/features;
//   grammY only in bot and flows; no file imports (through others) a file that imports it back.

const root = resolve(import.meta.dirname, "../..");
const src = join(root, "src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** "from" specifiers of import/export statements, side-effect imports and dynamic imports. */
export function specifiersOf(code: string): string[] {
  return importsOf(code).map((i) => i.spec);
}

/** The imports of a file; typeOnly for `import type …` / `export type … from` (erased at run time). */
function importsOf(code: string): { spec: string; typeOnly: boolean }[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found: { spec: string; typeOnly: boolean }[] = [];
  const patterns = [
    // import x from "…", import { a, b } from "…", import type …, export { … } from "…", export * from "…"
    /^\s*(?:import|export)\s+(type\s+)?[^;()="'`]*?\bfrom\s*["']([^"']+)["']/gm,
    // import "…"
    /^\s*import\s*()["']([^"']+)["']/gm,
    // import("…")
    /\bimport\(\s*()["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push({ spec: m[2]!, typeOnly: Boolean(m[1]) });
  return found;
}

/** The file a relative specifier points to ("./x.js" is "./x.ts" in the source). */
function resolveRelative(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = [base.replace(/\.js$/, ".ts"), base, `${base}.ts`, join(base, "index.ts")];
  return candidates.find((c) => c.startsWith(src) && existsSync(c) && statSync(c).isFile()) ?? null;
}

const rel = (path: string) => relative(src, path).replace(/\\/g, "/");

interface Graph {
  /** file (relative to src) → the files of ours it imports */
  ours: Map<string, string[]>;
  /** file → the packages it imports */
  packages: Map<string, string[]>;
  /** relative imports that point to no file */
  unresolved: string[];
  /** "a → b" edges made only of type imports */
  typeOnly: Set<string>;
}

function buildGraph(): Graph {
  const ours = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const unresolved: string[] = [];
  const typeOnly = new Set<string>();
  const valueEdges = new Set<string>();
  for (const file of filesUnder(src)) {
    const mine: string[] = [];
    const theirs: string[] = [];
    for (const { spec, typeOnly: isType } of importsOf(readFileSync(file, "utf8"))) {
      if (spec.startsWith(".")) {
        const target = resolveRelative(file, spec);
        if (!target) {
          unresolved.push(`${rel(file)} → ${spec}`);
          continue;
        }
        mine.push(rel(target));
        const edge = `${rel(file)} → ${rel(target)}`;
        if (isType && !valueEdges.has(edge)) typeOnly.add(edge);
        if (!isType) {
          valueEdges.add(edge);
          typeOnly.delete(edge);
        }
      } else theirs.push(spec);
    }
    ours.set(rel(file), [...new Set(mine)]);
    packages.set(rel(file), [...new Set(theirs)]);
  }
  return { ours, packages, unresolved, typeOnly };
}

/** Every cycle's strongly connected set (Tarjan), each shown as one concrete cycle a → b → … → a. */
function cycles(graph: Map<string, string[]>, typeOnly: Set<string>): string[] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indices.has(v)) visit(v);
  return components.map((component) => {
    // The shortest way back to the first file, inside the component.
    const inside = new Set(component);
    const start = [...component].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    let end: string | null = null;
    while (queue.length && !end) {
      const v = queue.shift()!;
      for (const w of graph.get(v) ?? []) {
        if (!inside.has(w)) continue;
        if (w === start) {
          end = v;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = end!; v !== start; v = previous.get(v)!) path.splice(1, 0, v);
    const shown = [...path, start].map((f, i, all) => (i === 0 ? f : `${typeOnly.has(`${all[i - 1]} → ${f}`) ? " →(type) " : " → "}${f}`)).join("");
    return `${shown}${component.length > path.length ? ` (and ${component.length - path.length} more files in the same knot: ${component.filter((f) => !path.includes(f)).sort().join(", ")})` : ""}`;
  });
}

/** The layer of a file: its folder under src (bot/features apart), or the file itself at the top. */
function layerOf(file: string): string {
  if (file.startsWith("bot/features/")) return "bot/features";
  const [first, ...rest] = file.split("/");
  return rest.length ? first! : file.replace(/\.ts$/, "");
}

/** What each layer may import of ours (besides itself). Layers not named here are free. */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  store: ["domain"],
  services: ["store", "domain"],
  jobs: ["services", "store", "domain"],
};
/** What a layer may never import. */
const FORBIDDEN: Record<string, readonly string[]> = {
  flows: ["bot/features"],
};
const GRAMMY_FREE = ["domain", "store", "services", "jobs"];
const isGrammy = (spec: string) => spec === "grammy" || spec.startsWith("grammy/") || spec.startsWith("@grammyjs/");

const graph = buildGraph();

describe("architecture", () => {
  it("reads the imports of every file in src", () => {
    expect(graph.ours.size).toBeGreaterThan(20);
    expect(specifiersOf(`import type { A } from "./a.js";\nexport * from "./b.js";\nimport {\n  c,\n  d,\n} from "../c.js";\nimport "./side.js";\nconst x = await import("./lazy.js");`)).toEqual(["./a.js", "./b.js", "../c.js", "./side.js", "./lazy.js"]);
    expect(graph.unresolved).toEqual([]);
  });

  it("has no circular imports between files", () => {
    // Type-only imports count too ("→(type)" in the report): a file that needs another's types
    // and is needed back is one knot all the same.
    expect(cycles(graph.ours, graph.typeOnly)).toEqual([]);
  });

  it("keeps grammY out of domain, store, services and jobs", () => {
    const found = [...graph.packages].flatMap(([file, specs]) => (GRAMMY_FREE.includes(layerOf(file)) ? specs.filter(isGrammy).map((s) => `${file} imports ${s}`) : []));
    expect(found).toEqual([]);
  });

  it("keeps the layers: domain ← store ← services ← jobs, and flows off the features", () => {
    const broken: string[] = [];
    for (const [file, targets] of graph.ours) {
      const layer = layerOf(file);
      for (const target of targets) {
        const to = layerOf(target);
        const toTop = to === "bot/features" ? "bot" : to;
        if (to === layer || toTop === layer) continue;
        const allowed = ALLOWED[layer];
        if (allowed && !allowed.includes(toTop)) broken.push(`${file} (${layer}) imports ${target} (${to}); ${layer} may import only ${allowed.length ? allowed.join(", ") : "nothing of ours outside it"}`);
        if (FORBIDDEN[layer]?.includes(to)) broken.push(`${file} (${layer}) imports ${target} (${to}); ${layer} may not import ${to}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
