import { readPastDay, type DayProblem } from "./dates.js";
import type { Category } from "./programme.js";

// Consent to the processing of personal data (152-ФЗ): an adult's own, a minor's parent's.

/** The consent text's version; the texts are `consent-adult-v<N>` and `consent-parent-v<N>` in the locales. */
export const CONSENT_VERSION = 1;
export const consentTextKey = (relation: "self" | "parent", version = CONSENT_VERSION) => `consent-${relation === "self" ? "adult" : "parent"}-v${version}`;

/** A student (mentee or student mentor) is a minor; others say whether they are under 18. */
export function needsParent(category: Category | null, saidUnder18: boolean | null): boolean {
  return category === "student" || saidUnder18 === true;
}

/** Where a participant is on the way into the programme's bases. */
export const INTAKE_STATUSES = ["invited", "parent", "declined", "questionnaire", "ready"] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/** Statuses at which a reminder helps: the person (or their parent) has a step to take. */
export const STUCK_STATUSES: readonly IntakeStatus[] = ["invited", "parent", "questionnaire"];

export const PARENT_LINK_DAYS = 14;

/** The earliest day a paper consent can carry: before it the programme could not exist. */
const PAPER_NOT_BEFORE = new Date(Date.UTC(2019, 0, 1));

/**
 * A paper consent's date, read and checked: a day (dates.ts `parseDay`), not after the school's
 * `today` (dates.ts `schoolToday`), not before the programme could exist.
 */
export function readPaperDate(text: string, today: Date): { ok: true; day: Date } | { ok: false; problem: DayProblem } {
  return readPastDay(text, today, PAPER_NOT_BEFORE);
}

/** A paper consent's date, or null when it is not a date, in the future or too early. */
export function parsePaperDate(text: string, today: Date): Date | null {
  const read = readPaperDate(text, today);
  return read.ok ? read.day : null;
}
