// A school's calendar day. A date people type or read (an order's date, a pair's start, "today")
// is a day in the school's time zone, not in UTC: at 01:00 in Moscow or 09:00 in Vladivostok the
// UTC day is still yesterday. Days are kept as the UTC midnight of that calendar day, so that a
// stored day reads the same wherever it is formatted (with timeZone "UTC").

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC midnight of the calendar day that `now` falls on in `timeZone`. */
export function schoolToday(now: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return new Date(Date.UTC(get("year"), get("month") - 1, get("day")));
}

/** The day `days` after (or before, when negative) a day. */
export const addDays = (day: Date, days: number): Date => new Date(day.getTime() + days * DAY_MS);

/** The UTC midnight of a Date's own UTC day (a day already kept as such stays the same). */
export const utcDay = (date: Date): Date => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

export type DayProblem = "not-a-date" | "in-the-future" | "before-start";

/**
 * A typed day: dd.mm.yyyy (one-digit day and month allowed; also with / or -), or yyyy-mm-dd.
 * Null for anything else, and for a day that does not exist (31.02.2027).
 */
export function parseDay(text: string): Date | null {
  const t = text.trim();
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const [day, month, year] = dmy ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])] : ymd ? [Number(ymd[3]), Number(ymd[2]), Number(ymd[1])] : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || year < 2000 || year > 2099) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/**
 * Checks a day against the school's today and an optional earliest day: a past or present
 * event (an order signed, a meeting held) may not be in the future, nor before the start.
 */
export function checkPastDay(day: Date, today: Date, notBefore?: Date): DayProblem | null {
  if (day.getTime() > today.getTime()) return "in-the-future";
  if (notBefore && day.getTime() < utcDay(notBefore).getTime()) return "before-start";
  return null;
}

/** A typed day read and checked in one step: the day, or what is wrong with it. */
export function readPastDay(text: string, today: Date, notBefore?: Date): { ok: true; day: Date } | { ok: false; problem: DayProblem } {
  const day = parseDay(text);
  if (!day) return { ok: false, problem: "not-a-date" };
  const problem = checkPastDay(day, today, notBefore);
  return problem ? { ok: false, problem } : { ok: true, day };
}
