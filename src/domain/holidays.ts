import { parseDay } from "./dates.js";
import type { Holiday } from "./courtesy.js";

// The programme's holidays (каникулы): periods of whole days, both inclusive, kept as UTC
// midnights. The curator types a period «дд.мм.гггг – дд.мм.гггг» in one message (easiest on a
// phone); it must lie within the academic year (1 August – 31 August of the next year) and last
// at most HOLIDAY_MAX_DAYS. A period that overlaps or touches another is merged with it.

const DAY_MS = 86_400_000;
/** The longest period: the summer holidays, about three months. */
export const HOLIDAY_MAX_DAYS = 100;
/** At most this many periods (a year has four or five). */
export const HOLIDAYS_MAX = 20;
/** Periods per page on the curator's screen. */
export const HOLIDAYS_PAGE = 8;

export type HolidayProblem = "not-a-period" | "ends-before-start" | "too-long" | "outside-year";

/** «28.12.2026 – 08.01.2027» (any dash, or a space): the two days; null for anything else. */
export function parseHolidayPeriod(text: string): Holiday | null {
  const parts = text.trim().split(/\s*(?:[–—-]|\s)\s*/u).filter((p) => p.length > 0);
  if (parts.length === 1) {
    const day = parseDay(parts[0]!);
    return day ? { from: day, to: day } : null;
  }
  if (parts.length !== 2) return null;
  const [from, to] = [parseDay(parts[0]!), parseDay(parts[1]!)];
  return from && to ? { from, to } : null;
}

/** The academic year's bounds, «2026/2027» → 1 Aug 2026 … 31 Aug 2027. */
export function academicYearBounds(academicYear: string): Holiday {
  const first = Number(academicYear.slice(0, 4));
  return { from: new Date(Date.UTC(first, 7, 1)), to: new Date(Date.UTC(first + 1, 7, 31)) };
}

/** Why a period cannot be the programme's holidays, or null. */
export function holidayProblem(period: Holiday, academicYear: string): HolidayProblem | null {
  if (period.to.getTime() < period.from.getTime()) return "ends-before-start";
  if ((period.to.getTime() - period.from.getTime()) / DAY_MS + 1 > HOLIDAY_MAX_DAYS) return "too-long";
  const year = academicYearBounds(academicYear);
  if (period.from.getTime() < year.from.getTime() || period.to.getTime() > year.to.getTime()) return "outside-year";
  return null;
}

/** A problem's message key. */
export const holidayProblemKey = (problem: HolidayProblem | "too-many"): string => `holidays-problem-${problem}`;

/** The list with a period added: sorted, and periods that overlap or touch merged into one. */
export function addHoliday(holidays: readonly Holiday[], period: Holiday): Holiday[] {
  const all = [...holidays, period].map((h) => ({ from: h.from, to: h.to })).sort((a, b) => a.from.getTime() - b.from.getTime());
  const merged: Holiday[] = [];
  for (const h of all) {
    const last = merged.at(-1);
    if (last && h.from.getTime() <= last.to.getTime() + DAY_MS) {
      if (h.to.getTime() > last.to.getTime()) last.to = h.to;
    } else merged.push({ ...h });
  }
  return merged;
}

/** The list without the period that starts on `from` (a removal names its row by its first day). */
export function removeHoliday(holidays: readonly Holiday[], from: Date): Holiday[] {
  return holidays.filter((h) => h.from.getTime() !== from.getTime());
}

/** A period's first day as a button's field: «20261228». */
export const holidayDayCode = (day: Date): string => day.toISOString().slice(0, 10).replaceAll("-", "");
export function dayOfCode(code: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(code);
  return m ? parseDay(`${m[3]}.${m[2]}.${m[1]}`) : null;
}

/**
 * The typical Russian school holidays of an academic year (осенние, зимние, весенние), as the
 * ministry's recommended calendar usually sets them; the curator adjusts them after.
 */
export function typicalHolidays(academicYear: string): Holiday[] {
  const y = Number(academicYear.slice(0, 4));
  const d = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
  return [
    { from: d(y, 10, 27), to: d(y, 11, 4) },
    { from: d(y, 12, 29), to: d(y + 1, 1, 11) },
    { from: d(y + 1, 3, 24), to: d(y + 1, 3, 31) },
  ];
}
