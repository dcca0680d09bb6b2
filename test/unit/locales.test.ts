import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { INTAKE_STATUSES } from "../../src/domain/consent.js";
import { CATEGORIES, FORMS, ROLES } from "../../src/domain/programme.js";
import { RUSSIAN_TIME_ZONES } from "../../src/domain/text.js";
import { MEETING_FORMATS, MEETING_STATUSES, MEETING_TYPES, meetingFormatKey, meetingStatusKey, meetingTypeKey } from "../../src/domain/meetings.js";

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

  it("parse: every message written in a file is one Fluent reads (a missing brace drops it)", () => {
    for (const [file, keys] of [["ru.ftl", ru], ["en.ftl", en]] as const) {
      const bundle = new FluentBundle(file.slice(0, 2), { useIsolating: false });
      const errors = bundle.addResource(new FluentResource(readFileSync(resolve(root, "locales", file), "utf8")));
      expect(errors, file).toEqual([]);
      expect([...keys].filter((k) => !bundle.hasMessage(k)), file).toEqual([]);
    }
  });

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
      // Keys passed to refuse(), and both sides of t(cond ? "a" : "b").
      for (const m of text.matchAll(/\brefuse\(\s*\w+,\s*"([a-z][a-z0-9-]*)"/g)) used.add(m[1]!);
      // Services: refusals' reasons, notices' keys and message references.
      for (const m of text.matchAll(/\brefuse\(\s*"[a-z-]+",\s*"([a-z][a-z0-9-]*)"/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\bmsg\(\s*"([a-z][a-z0-9-]*)"/g)) used.add(m[1]!);
      // A notice's key (message keys have a hyphen; a column's or a field's key has none).
      for (const m of text.matchAll(/\bkey:\s*"([a-z][a-z0-9]*-[a-z0-9-]*)"/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\bt\((?!\s*`)[^()`]*?\?\s*"([a-z][a-z0-9-]*)"\s*:\s*"([a-z][a-z0-9-]*)"/g)) {
        used.add(m[1]!);
        used.add(m[2]!);
      }
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((k) => !ru.has(k))).toEqual([]);
  });

  it("define every key the code builds from domain values", () => {
    const built = [
      ...INTAKE_STATUSES.map((s) => `intake-${s}`),
      ...["parent", "questionnaire", "ready"].map((s) => `consent-already-${s}`),
      ...["invited", "parent", "declined"].map((s) => `questionnaire-not-yet-${s}`),
      ...["accepted", "declined", "withdrawn"].map((s) => `consent-decision-${s}`),
      ...["bot", "paper"].map((s) => `consent-method-${s}`),
      ...["self", "parent"].map((s) => `consent-relation-${s}`),
      ...["not-text", "empty", "too-long", "not-a-number", "out-of-range", "unknown-option", "too-few", "too-many", "required"].map((p) => (p === "too-long" ? "input-too-long" : `answer-${p}`)),
      ...["usable", "expired", "revoked", "used-up"].map((s) => `invite-status-${s}`),
      ...["text", "number", "choice", "multi"].map((k) => `question-hint-${k}`),
      ...["consent", "parent", "questionnaire"].map((k) => `remind-${k}`),
      ...["mentor", "mentee"].flatMap((r) => [`xlsx-sheet-${r}`, `bases-${r}s`]),
      ...ROLES.map((r) => `role-${r}`),
      ...CATEGORIES.map((c) => `category-${c}`),
      ...FORMS.map((f) => `form-${f}`),
      ...RUSSIAN_TIME_ZONES.map((tz) => `tz-${tz.split("/")[1]!.toLowerCase()}`),
      ...MEETING_TYPES.map(meetingTypeKey),
      ...MEETING_FORMATS.map(meetingFormatKey),
      ...MEETING_STATUSES.map(meetingStatusKey),
      ...["not-a-date", "in-the-future", "before-start"].map((p) => `meeting-day-${p}`),
      ...["not-a-number", "too-short", "too-long"].map((p) => `meeting-duration-${p}`),
      ...["in-the-past", "before-start", "after-end"].map((p) => `meeting-planned-${p}`),
      ...["logged", "cancelled", "confirmed"].map((o) => `meeting-held-${o}`),
      "meeting-ask-plan-duration",
      "consent-adult-v1",
      "consent-parent-v1",
    ];
    expect(built.filter((k) => !ru.has(k))).toEqual([]);
  });

  it("keep Cyrillic out of the code: user-facing text lives in the locales", () => {
    const offenders = sourceFiles(resolve(root, "src")).filter((f) => !f.endsWith(".test.ts") && /[А-Яа-яЁё]/.test(readFileSync(f, "utf8").replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "")));
    expect(offenders.map((f) => f.slice(root.length + 1))).toEqual([]);
  });
});
