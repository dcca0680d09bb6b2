import { checkText, type TextProblem } from "./text.js";
import { addDays, utcDay } from "./dates.js";

// The individual plan (индивидуальный план прохождения наставничества, regulation 2.11–2.12, 3.1):
// the mentor writes it for each mentee, the mentee acknowledges it (2.12: «знакомится»), and the
// director — or the curator for them — approves it (3.1: «утверждает индивидуальный план»).
// Time is passed in; words live in the locales (`plan-kind-<id>`, `plan-status-<id>`).

/**
 * The kinds of item the regulation lists (2.11), in its order: getting to know the workplace and
 * team; duties and qualification requirements; professional adaptation; theory and practice of
 * the duties; practical tasks; consolidating knowledge and skills; help with the duties; other.
 */
export const PLAN_ITEM_KINDS = ["acquaintance", "duties", "adaptation", "theory", "practice", "consolidation", "assistance", "other"] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];
export const planKindKey = (kind: PlanItemKind): string => `plan-kind-${kind}`;

/**
 * draft: the mentor is writing it (or changing it); sent: waiting for the mentee's «Ознакомлен(а)»;
 * acknowledged: the mentee has read it, waiting for the director's or curator's «Утверждаю»;
 * approved: in force. A change after the acknowledgement starts a new version as a draft.
 */
export const PLAN_STATUSES = ["draft", "sent", "acknowledged", "approved"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const planStatusKey = (status: PlanStatus): string => `plan-status-${status}`;

/** An item's title: short enough to read on a phone and to fit a button's neighbourhood. */
export const PLAN_TITLE_MAX = 200;
/** Items in one plan: a term of a school year holds no more than this many measures. */
export const PLAN_ITEMS_MAX = 40;

/**
 * What a change of the plan does to its status: a draft stays a draft; a sent plan goes back to
 * draft (nobody has acknowledged it yet, so the version stays); a plan already acknowledged or
 * approved keeps that version as it was and starts the next one, which asks again.
 */
export function afterChange(status: PlanStatus): { status: "draft"; newVersion: boolean } {
  return { status: "draft", newVersion: status === "acknowledged" || status === "approved" };
}

/** Whether the mentor can send the plan for acknowledgement now. */
export const canSend = (status: PlanStatus, items: number): boolean => status === "draft" && items > 0;

export type PlanTitleProblem = TextProblem;

/** A title typed by the mentor: trimmed, not empty, at most PLAN_TITLE_MAX characters. */
export function checkPlanTitle(text: string | undefined): { ok: true; value: string } | { ok: false; problem: PlanTitleProblem } {
  return checkText(text, PLAN_TITLE_MAX);
}
export const planTitleProblemKey = (problem: PlanTitleProblem): string => `plan-title-${problem}`;

export type DueProblem = "before-start" | "after-end";

/** A due day lies within the pair's term: not before its start, not after its planned end. */
export function checkDueDay(due: Date, start: Date, plannedEnd: Date): DueProblem | null {
  const day = utcDay(due).getTime();
  if (day < utcDay(start).getTime()) return "before-start";
  if (day > utcDay(plannedEnd).getTime()) return "after-end";
  return null;
}
export const dueProblemKey = (problem: DueProblem): string => `plan-due-${problem}`;

/** The due days offered as buttons, counted from today (or the pair's start, if later). */
export const DUE_CHOICES = ["week", "two-weeks", "month", "three-months", "end"] as const;
export type DueChoice = (typeof DUE_CHOICES)[number];
const DUE_DAYS: Record<Exclude<DueChoice, "end">, number> = { week: 7, "two-weeks": 14, month: 30, "three-months": 91 };

/** The day a choice stands for; null when that day falls outside the term (the button is not offered). */
export function dueOf(choice: DueChoice, today: Date, start: Date, plannedEnd: Date): Date | null {
  const from = utcDay(today).getTime() < utcDay(start).getTime() ? utcDay(start) : utcDay(today);
  const day = choice === "end" ? utcDay(plannedEnd) : addDays(from, DUE_DAYS[choice]);
  return checkDueDay(day, start, plannedEnd) ? null : day;
}

/** A day at `share` (0..1) of the term, for templates: always inside the term. */
export function dayAtShare(start: Date, plannedEnd: Date, share: number): Date {
  const from = utcDay(start).getTime();
  const to = utcDay(plannedEnd).getTime();
  const days = Math.max(0, Math.round((to - from) / 86_400_000));
  return addDays(utcDay(start), Math.round(Math.min(1, Math.max(0, share)) * days));
}

export interface Progress {
  done: number;
  total: number;
}

/** «выполнено 4 из 9»: items the mentor has marked done, of all items. */
export function progressOf(items: readonly { done: unknown }[]): Progress {
  return { done: items.filter((i) => i.done !== null && i.done !== undefined).length, total: items.length };
}

/** Items are shown by due day, then in the order they were added. */
export function byDue<T extends { due: Date }>(items: readonly T[]): T[] {
  return items.map((item, i) => ({ item, i })).sort((a, b) => a.item.due.getTime() - b.item.due.getTime() || a.i - b.i).map((x) => x.item);
}
