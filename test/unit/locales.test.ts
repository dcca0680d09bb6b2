import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const keysOf = (file: string) =>
  new Set(
    readFileSync(resolve(root, "locales", file), "utf8")
      .split("\n")
      .map((line) => /^([a-zA-Z][a-zA-Z0-9_-]*)\s*=/.exec(line)?.[1])
      .filter((k): k is string => k !== undefined),
  );

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(resolve(dir, e.name)) : e.name.endsWith(".ts") ? [resolve(dir, e.name)] : []));
}

describe("locales", () => {
  const ru = keysOf("ru.ftl");
  const en = keysOf("en.ftl");

  it("have the same keys in Russian and English", () => {
    expect([...ru].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !ru.has(k))).toEqual([]);
    expect(ru.size).toBeGreaterThan(50);
  });

  it("define every key the code uses literally", () => {
    const used = new Set<string>();
    for (const file of sourceFiles(resolve(root, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !ru.has(k))).toEqual([]);
  });

  it("keep Cyrillic out of the code: user-facing text lives in the locales", () => {
    const offenders = sourceFiles(resolve(root, "src")).filter((f) => !f.endsWith(".test.ts") && /[А-Яа-яЁё]/.test(readFileSync(f, "utf8").replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "")));
    expect(offenders.map((f) => f.slice(root.length + 1))).toEqual([]);
  });
});
