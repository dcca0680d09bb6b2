// Courtesy: when a message may reach a person. A student's messages (audience "child") wait out
// the night, 21:00–08:00 school time, and the holidays (каникулы) the programme lists; they go at
// 08:00 the morning after. An adult's messages go at once: an alarm, above all, never waits.

export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;

/** A holiday: both days inclusive, kept as UTC midnights of the school's calendar days. */
export interface Holiday {
  from: Date;
  to: Date;
}

export type Audience = "child" | "adult";

const DAY_MS = 24 * 60 * 60 * 1000;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function localParts(at: Date, timeZone: string): LocalParts {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

/** The moment a school's calendar day (a UTC midnight) reaches `hour`:00 in its time zone. */
export function schoolMoment(day: Date, hour: number, timeZone: string): Date {
  // Guess in UTC, then correct by the zone's offset at that moment (twice, for a DST change).
  let guess = day.getTime() + hour * 3_600_000;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += day.getTime() + hour * 3_600_000 - shown;
  }
  return new Date(guess);
}

/** Whether a school's calendar day (UTC midnight) falls in one of the holidays. */
export function inHolidays(day: Date, holidays: readonly Holiday[]): boolean {
  return holidays.some((h) => day.getTime() >= h.from.getTime() && day.getTime() <= h.to.getTime());
}

/**
 * The earliest moment a message may reach its receiver: `now` for an adult; for a child, now
 * if it is daytime on a school day, else 08:00 of the next day that is not a holiday.
 */
export function deliverableFrom(now: Date, audience: Audience, timeZone: string, holidays: readonly Holiday[] = []): Date {
  if (audience === "adult") return now;
  const p = localParts(now, timeZone);
  let day = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const daytime = p.hour >= QUIET_UNTIL_HOUR && p.hour < QUIET_FROM_HOUR;
  if (daytime && !inHolidays(day, holidays)) return now;
  // Before 08:00 the morning is today's; from 21:00 it is tomorrow's.
  if (p.hour >= QUIET_FROM_HOUR || daytime) day = new Date(day.getTime() + DAY_MS);
  // A year of holidays at most: a list that never ends does not hold the message forever.
  for (let i = 0; i < 366 && inHolidays(day, holidays); i++) day = new Date(day.getTime() + DAY_MS);
  return schoolMoment(day, QUIET_UNTIL_HOUR, timeZone);
}
