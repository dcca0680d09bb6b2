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

/** A paper consent's date: dd.mm.yyyy, not in the future, not before the programme could exist. */
export function parsePaperDate(text: string, now: Date): Date | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (date.getTime() > now.getTime() || year < 2019) return null;
  return date;
}
