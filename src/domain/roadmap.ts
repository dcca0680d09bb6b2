import { addDays } from "./dates.js";
import type { Role } from "./programme.js";

// The roadmap (дорожная карта): the methodology's seven stages (Р-145, seed 002), each with a
// start, a deadline, the role responsible and the expected result; pre-filled with the typical
// months of a school's roadmap (seed 000) and edited by the curator.

/** The seven stages, in order; a stage is named by its number 1..7 everywhere else. */
export const STAGES = ["conditions", "mentee-base", "mentor-base", "mentor-training", "pairing", "pair-work", "completion"] as const;
export type StageName = (typeof STAGES)[number];
export const STAGE_COUNT = STAGES.length;
export type StageNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const STAGE_NUMBERS: readonly StageNumber[] = [1, 2, 3, 4, 5, 6, 7];
export const isStageNumber = (n: number): n is StageNumber => Number.isInteger(n) && n >= 1 && n <= STAGE_COUNT;

/** The roles a stage can be the responsibility of (the administration is the director). */
export type StageRole = Extract<Role, "curator" | "director" | "mentor">;

/**
 * The typical months, as offsets from September of the academic year's first year (0 = September,
 * -1 = August, 9 = June), from seed 000: 1 — August–November (administration: orders, the
 * roadmap); 2 — November–December (curator); 3 — December–January (curator); 4 — January–February
 * (administration); 5 — January–February (curator with the administration); 6 — January–May
 * (mentors); 7 — May–June (curator: reports, feedback, monitoring).
 */
export const TYPICAL: Record<StageNumber, { from: number; to: number; role: StageRole }> = {
  1: { from: -1, to: 2, role: "director" },
  2: { from: 2, to: 3, role: "curator" },
  3: { from: 3, to: 4, role: "curator" },
  4: { from: 4, to: 5, role: "director" },
  5: { from: 4, to: 5, role: "curator" },
  6: { from: 4, to: 8, role: "mentor" },
  7: { from: 8, to: 9, role: "curator" },
};
/** The typical plan spans August..June: 11 months. */
const TYPICAL_FIRST = -1;
const TYPICAL_MONTHS = 11;
/** A mid-year programme still gets at least a month per stage. */
export const MIN_PLAN_MONTHS = STAGE_COUNT;

/** The stage's expected result's message key (the methodology's wording, in the locales). */
export const stageNameKey = (stage: StageNumber): string => `stage-${STAGES[stage - 1]}`;
export const stageResultKey = (stage: StageNumber): string => `stage-${STAGES[stage - 1]}-result`;

/** The curator's short result when marking a stage done. */
export const STAGE_RESULT_MAX = 300;

export interface StagePlan {
  stage: StageNumber;
  /** First and last day of the stage (UTC midnights of school days). */
  start: Date;
  deadline: Date;
  role: StageRole;
}

const monthStart = (year: number, monthIndex: number): Date => new Date(Date.UTC(year, monthIndex, 1));
const monthEnd = (year: number, monthIndex: number): Date => new Date(Date.UTC(year, monthIndex + 1, 0));

/**
 * The default roadmap of a programme of academic year `Y/Y+1` that starts on `startDay` (a school
 * day). Started by the end of September of Y (or earlier): the typical months. Started later: the
 * same sequence and proportions squeezed into the months from the start month to the end of June
 * of Y+1 (at least seven months, so each stage has one; past June if the start is that late).
 */
export function defaultRoadmap(academicYear: string, startDay: Date): StagePlan[] {
  const y = Number(academicYear.slice(0, 4));
  // Months counted from September of Y.
  const startOffset = (startDay.getUTCFullYear() - y) * 12 + startDay.getUTCMonth() - 8;
  const at = (offset: number) => ({ year: y + Math.floor((8 + offset) / 12), month: (((8 + offset) % 12) + 12) % 12 });
  if (startOffset <= 0) {
    return STAGE_NUMBERS.map((stage) => {
      const { from, to, role } = TYPICAL[stage];
      const a = at(from);
      const b = at(to);
      return { stage, start: monthStart(a.year, a.month), deadline: monthEnd(b.year, b.month), role };
    });
  }
  const months = Math.max(9 - startOffset + 1, MIN_PLAN_MONTHS);
  const scale = (typicalOffset: number) => Math.floor(((typicalOffset - TYPICAL_FIRST) * months) / TYPICAL_MONTHS);
  return STAGE_NUMBERS.map((stage) => {
    const { from, to, role } = TYPICAL[stage];
    const first = startOffset + scale(from);
    const last = Math.max(first, startOffset + scale(to + 1) - 1);
    const a = at(first);
    const b = at(last);
    return { stage, start: monthStart(a.year, a.month), deadline: monthEnd(b.year, b.month), role };
  });
}

/** A stage as kept: its plan, and when it was marked done with what result. */
export interface StageState extends StagePlan {
  doneOn: Date | null;
  result: string | null;
}

/** The current stage: the first one not done (the methodology's order), or null when all are. */
export function currentStage<S extends StageState>(stages: readonly S[]): S | null {
  return [...stages].sort((a, b) => a.stage - b.stage).find((s) => s.doneOn === null) ?? null;
}

export type DateEdge = "start" | "deadline";
export type DatesProblem = "roadmap-start-after-deadline";

/** A stage's dates are valid when the start is not after the deadline. */
export function datesProblem(start: Date, deadline: Date): DatesProblem | null {
  return start.getTime() > deadline.getTime() ? "roadmap-start-after-deadline" : null;
}

/** The stage's dates with one edge set to `day`. */
export function withEdge(stage: Pick<StagePlan, "start" | "deadline">, edge: DateEdge, day: Date): { start: Date; deadline: Date } {
  return edge === "start" ? { start: day, deadline: stage.deadline } : { start: stage.start, deadline: day };
}

/** The stage's dates with one edge moved by whole weeks (±1 week buttons). */
export function shiftEdge(stage: Pick<StagePlan, "start" | "deadline">, edge: DateEdge, weeks: number): { start: Date; deadline: Date } {
  return withEdge(stage, edge, addDays(edge === "start" ? stage.start : stage.deadline, weeks * 7));
}

// ---------------------------------------------------------------------------------------------
// Nudges before and after a deadline.

export type StageNudge = "7d" | "1d" | "overdue";
/**
 * Each nudge has a window of days in which it is due, so a bot that was down on the day still
 * sends it the next day or two, and never a stale one: 7 days before (up to 5 days before),
 * 1 day before (up to the deadline itself), overdue the day after (up to 3 days after).
 */
export const NUDGE_WINDOWS: Record<StageNudge, { from: number; to: number }> = {
  "7d": { from: -7, to: -5 },
  "1d": { from: -1, to: 0 },
  overdue: { from: 1, to: 3 },
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** Whole days from `a` to `b` (both school days). */
export const daysBetween = (a: Date, b: Date): number => Math.round((b.getTime() - a.getTime()) / DAY_MS);

/** The nudge due about a stage not done with this deadline, on school day `today`, if any. */
export function stageNudgeDue(deadline: Date, today: Date): StageNudge | null {
  const offset = daysBetween(deadline, today);
  for (const kind of ["7d", "1d", "overdue"] as const) {
    const w = NUDGE_WINDOWS[kind];
    if (offset >= w.from && offset <= w.to) return kind;
  }
  return null;
}
