import { describe, expect, it } from "vitest";
import { FORMS } from "../../src/domain/programme.js";
import { PLAN_TEMPLATES, templateTitleKey, templatesFor } from "../../src/domain/planTemplates.js";
import { PLAN_ITEM_KINDS, PLAN_TITLE_MAX, afterChange, byDue, canSend, checkDueDay, checkPlanTitle, dayAtShare, dueOf, progressOf } from "../../src/domain/plans.js";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// The individual plan's rules (2.11–2.12): kinds, statuses and versions, titles, due days, progress, templates.

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const start = day("2026-09-01");
const end = day("2027-05-31");

describe("plan items", () => {
  it("has the eight kinds of 2.11, in the regulation's order", () => {
    expect(PLAN_ITEM_KINDS).toEqual(["acquaintance", "duties", "adaptation", "theory", "practice", "consolidation", "assistance", "other"]);
  });

  it("takes a title that is not empty and not over the limit, trimmed", () => {
    expect(checkPlanTitle("  Посещение   уроков ")).toEqual({ ok: true, value: "Посещение уроков" });
    expect(checkPlanTitle("   ")).toEqual({ ok: false, problem: "empty" });
    expect(checkPlanTitle(undefined)).toEqual({ ok: false, problem: "not-text" });
    expect(checkPlanTitle("а".repeat(PLAN_TITLE_MAX)).ok).toBe(true);
    expect(checkPlanTitle("а".repeat(PLAN_TITLE_MAX + 1))).toEqual({ ok: false, problem: "too-long" });
  });

  it("takes a due day within the pair's term only", () => {
    expect(checkDueDay(start, start, end)).toBeNull();
    expect(checkDueDay(end, start, end)).toBeNull();
    expect(checkDueDay(day("2026-08-31"), start, end)).toBe("before-start");
    expect(checkDueDay(day("2027-06-01"), start, end)).toBe("after-end");
  });

  it("offers due days from today (or the start, if later) and none past the term's end", () => {
    expect(dueOf("week", day("2026-10-01"), start, end)).toEqual(day("2026-10-08"));
    expect(dueOf("week", day("2026-08-20"), start, end)).toEqual(day("2026-09-08"));
    expect(dueOf("end", day("2026-10-01"), start, end)).toEqual(end);
    expect(dueOf("three-months", day("2027-04-01"), start, end)).toBeNull();
    expect(dueOf("month", day("2027-05-15"), start, end)).toBeNull();
  });

  it("places a template's day at a share of the term, always inside it", () => {
    expect(dayAtShare(start, end, 0)).toEqual(start);
    expect(dayAtShare(start, end, 1)).toEqual(end);
    expect(dayAtShare(start, end, 2)).toEqual(end);
    const mid = dayAtShare(start, end, 0.5);
    expect(checkDueDay(mid, start, end)).toBeNull();
  });

  it("counts progress: done of all («выполнено 4 из 9»)", () => {
    const items = [{ done: { at: start, by: "m" } }, { done: null }, { done: null }];
    expect(progressOf(items)).toEqual({ done: 1, total: 3 });
    expect(progressOf([])).toEqual({ done: 0, total: 0 });
  });

  it("orders items by due day, then as added", () => {
    const items = [{ id: "b", due: day("2026-10-01") }, { id: "a", due: day("2026-09-15") }, { id: "c", due: day("2026-10-01") }];
    expect(byDue(items).map((i) => i.id)).toEqual(["a", "b", "c"]);
  });
});

describe("plan statuses", () => {
  it("a change of a draft or a sent plan keeps the version; of an acknowledged or approved one starts a new version", () => {
    expect(afterChange("draft")).toEqual({ status: "draft", newVersion: false });
    expect(afterChange("sent")).toEqual({ status: "draft", newVersion: false });
    expect(afterChange("acknowledged")).toEqual({ status: "draft", newVersion: true });
    expect(afterChange("approved")).toEqual({ status: "draft", newVersion: true });
  });

  it("is sent only as a draft with items", () => {
    expect(canSend("draft", 1)).toBe(true);
    expect(canSend("draft", 0)).toBe(false);
    expect(canSend("sent", 3)).toBe(false);
    expect(canSend("approved", 3)).toBe(false);
  });
});

describe("plan templates", () => {
  const ru = readFileSync(resolve(import.meta.dirname, "../../locales/ru.ftl"), "utf8");
  const en = readFileSync(resolve(import.meta.dirname, "../../locales/en.ftl"), "utf8");

  it("has one for every form, offered first for its form", () => {
    for (const form of FORMS) expect(templatesFor(form)[0]!.form).toBe(form);
    expect(new Set(PLAN_TEMPLATES.map((t) => t.id)).size).toBe(PLAN_TEMPLATES.length);
  });

  it("words every item in both languages, with a kind of 2.11 and a place inside the term", () => {
    for (const t of PLAN_TEMPLATES) {
      expect(t.items.length).toBeGreaterThan(3);
      t.items.forEach((item, i) => {
        const key = templateTitleKey(t.id, i + 1);
        expect(ru, key).toMatch(new RegExp(`^${key} = \\S`, "m"));
        expect(en, key).toMatch(new RegExp(`^${key} = \\S`, "m"));
        expect(PLAN_ITEM_KINDS).toContain(item.kind);
        expect(item.share).toBeGreaterThanOrEqual(0);
        expect(item.share).toBeLessThanOrEqual(1);
      });
    }
  });

  it("the teacher–teacher template follows the regulation's list: workplace and team first", () => {
    const tt = PLAN_TEMPLATES.find((t) => t.form === "teacher-teacher")!;
    expect(tt.items[0]!.kind).toBe("acquaintance");
    expect(ru).toMatch(/^plan-tpl-tt-1 = Ознакомление с рабочим местом и коллективом/m);
  });
});
