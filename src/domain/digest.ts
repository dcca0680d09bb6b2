import { addDays, schoolToday } from "./dates.js";

// The school's clock for scheduled messages, the periods of the digests and the rule of a quiet
// pair. Pure: time is passed in.

/** Scheduled messages to staff and mentors go out from this hour of the school's morning. */
export const MORNING_HOUR = 9;

export interface SchoolClock {
  /** The school's calendar day (UTC midnight of it). */
  day: Date;
  /** The hour of the day there, 0..23. */
  hour: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export function schoolClock(now: Date, timeZone: string): SchoolClock {
  const day = schoolToday(now, timeZone);
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
  const weekday = ((day.getUTCDay() + 6) % 7) + 1;
  return { day, hour, weekday };
}

/** yyyy-mm-dd of a school day (for keys). */
export const dayKey = (day: Date): string => day.toISOString().slice(0, 10);
/** yyyy-mm of a school day (for keys). */
export const monthKey = (day: Date): string => day.toISOString().slice(0, 7);

/** The Monday of the week a school day falls in. */
export const mondayOf = (day: Date): Date => addDays(day, -((day.getUTCDay() + 6) % 7));

/**
 * The weekly digest is due on Monday from MORNING_HOUR; a bot down on Monday sends it on Tuesday,
 * never later (a week-old digest is no news). Returns the week's Monday when due.
 */
export function weeklyDigestDue(clock: SchoolClock): Date | null {
  if (clock.weekday === 1 && clock.hour >= MORNING_HOUR) return clock.day;
  if (clock.weekday === 2) return addDays(clock.day, -1);
  return null;
}

/** The monthly summary is due on the 1st from MORNING_HOUR, or on the 2nd. Returns the 1st when due. */
export function monthlySummaryDue(clock: SchoolClock): Date | null {
  const date = clock.day.getUTCDate();
  if (date === 1 && clock.hour >= MORNING_HOUR) return clock.day;
  if (date === 2) return addDays(clock.day, -1);
  return null;
}

/** The lists behind a digest's numbers (new people of the week or month, consents pending or declined, …). */
export const DIGEST_LISTS = ["new-week", "new-month", "consents", "unpaired", "quiet", "unreachable"] as const;
export type DigestList = (typeof DIGEST_LISTS)[number];

/**
 * What a digest looks back on: the week before the Monday of `day`'s week, or the month before
 * `day`'s month. The lists behind a digest's numbers use the same period all week (month) long.
 */
export type DigestPeriod = "week" | "month";
export function periodOf(period: DigestPeriod, day: Date): { from: Date; to: Date } {
  if (period === "week") {
    const to = mondayOf(day);
    return { from: addDays(to, -7), to };
  }
  return { from: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - 1, 1)), to: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)) };
}

// ---------------------------------------------------------------------------------------------
// Quiet pairs.

/** A pair with no confirmed meeting for this many days is quiet (the programme may set its own). */
export const QUIET_DAYS_DEFAULT = 21;
export const QUIET_DAYS_MIN = 7;
export const QUIET_DAYS_MAX = 90;
/** The choices the curator has on the quiet pairs' list. */
export const QUIET_DAYS_CHOICES = [14, 21, 28, 42] as const;

/**
 * A quiet spell starts at the pair's last confirmed meeting (or its activation, if none): the
 * pair is quiet from `quietDays` days after it. Returns the spell's start when quiet today.
 */
export function quietSince(lastMeeting: Date | null, activatedOn: Date, today: Date, quietDays: number): Date | null {
  const since = lastMeeting && lastMeeting.getTime() > activatedOn.getTime() ? lastMeeting : activatedOn;
  return today.getTime() >= addDays(since, quietDays).getTime() ? since : null;
}
