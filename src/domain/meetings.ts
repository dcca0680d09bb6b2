// Meetings of a pair (stage 6): what kinds there are, how they are held, and the states a
// logged or planned meeting goes through until both sides have confirmed it.

/** знакомство, пробная рабочая встреча, встреча-планирование, рабочая встреча, итоговая встреча. */
export const MEETING_TYPES = ["introduction", "trial", "planning", "working", "final"] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** очно / онлайн. */
export const MEETING_FORMATS = ["in-person", "online"] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/**
 * planned: set ahead with a time and a place; logged: held, waiting for the other side;
 * confirmed: every other side said it happened; disputed: someone said it did not;
 * cancelled: a planned meeting called off.
 */
export const MEETING_STATUSES = ["planned", "logged", "confirmed", "disputed", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const meetingTypeKey = (type: MeetingType): string => `meeting-type-${type}`;
export const meetingFormatKey = (format: MeetingFormat): string => `meeting-format-${format}`;
export const meetingStatusKey = (status: MeetingStatus): string => `meeting-status-${status}`;

/** Typed texts of a meeting: how long each may be (characters). */
export const MEETING_TEXT_MAX = { topic: 200, result: 1000, nextSteps: 1000, place: 300 } as const;

/** A meeting lasts from 5 minutes to 8 hours (input checks of the issue, point 8). */
export const MEETING_DURATION_MIN = 5;
export const MEETING_DURATION_MAX = 8 * 60;
/** The durations offered as buttons: 30 min, 45 min, 1 h, 1.5 h (and «другое», typed). */
export const MEETING_DURATION_CHOICES = [30, 45, 60, 90] as const;

export type DurationProblem = "not-a-number" | "too-short" | "too-long";

export function checkDuration(minutes: number): DurationProblem | null {
  if (!Number.isInteger(minutes)) return "not-a-number";
  if (minutes < MEETING_DURATION_MIN) return "too-short";
  if (minutes > MEETING_DURATION_MAX) return "too-long";
  return null;
}

/** Typed minutes: «50», «50 мин» (a word after the number is taken as minutes); the number, or what is wrong with it. */
export function readDuration(text: string): { ok: true; minutes: number } | { ok: false; problem: DurationProblem } {
  const m = /^\s*(\d{1,5})\s*(\p{L}{1,7}\.?)?\s*$/u.exec(text);
  if (!m) return { ok: false, problem: "not-a-number" };
  const minutes = Number(m[1]);
  const problem = checkDuration(minutes);
  return problem ? { ok: false, problem } : { ok: true, minutes };
}

/** A final meeting is suggested once the pair's planned end is this close. */
export const FINAL_MEETING_WINDOW_DAYS = 21;

/**
 * The type a pair's next meeting is expected to be: first знакомство, then the trial working
 * meeting, then planning, then working meetings; the final one near the planned end.
 * `held`: the types of the pair's meetings that count (logged, confirmed or planned).
 */
export function nextMeetingType(held: readonly MeetingType[], today: Date, plannedEnd: Date): MeetingType {
  for (const first of ["introduction", "trial", "planning"] as const) if (!held.includes(first)) return first;
  const daysLeft = (plannedEnd.getTime() - today.getTime()) / 86_400_000;
  if (!held.includes("final") && daysLeft <= FINAL_MEETING_WINDOW_DAYS) return "final";
  return "working";
}

/** Meetings that count for what was held (suggestions, lists of work done): not disputed nor cancelled. */
export const countsAsHeld = (status: MeetingStatus): boolean => status === "logged" || status === "confirmed" || status === "planned";

export type MeetingAnswer = "confirmed" | "disputed";

/**
 * A logged meeting's status from the answers of the other sides: disputed as soon as anyone
 * says it did not happen; confirmed once every party other than the one who logged it (in a
 * group, each mentee) confirmed; logged until then.
 */
export function statusFromAnswers(loggedBy: string, parties: readonly string[], answers: Readonly<Record<string, MeetingAnswer>>): MeetingStatus {
  const others = parties.filter((p) => p !== loggedBy);
  if (others.some((p) => answers[p] === "disputed")) return "disputed";
  if (others.length > 0 && others.every((p) => answers[p] === "confirmed")) return "confirmed";
  return "logged";
}

/** Who still has to answer a logged meeting. */
export const awaitingAnswer = (loggedBy: string, parties: readonly string[], answers: Readonly<Record<string, MeetingAnswer>>): string[] =>
  parties.filter((p) => p !== loggedBy && answers[p] === undefined);

export type PlannedProblem = "in-the-past" | "before-start" | "after-end";

/** A planned meeting starts later than now, and within the pair's term (its days). */
export function checkPlannedStart(startsAt: Date, now: Date, pairStart: Date, plannedEnd: Date): PlannedProblem | null {
  if (startsAt.getTime() <= now.getTime()) return "in-the-past";
  if (startsAt.getTime() < pairStart.getTime()) return "before-start";
  if (startsAt.getTime() >= plannedEnd.getTime() + 86_400_000) return "after-end";
  return null;
}

/** A typed time of day: «9:30», «09.30», «18:00»; minutes after midnight, or null. */
export function parseTime(text: string): number | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/** How far `timeZone` is ahead of UTC at the instant `at`, in milliseconds. */
function zoneOffset(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a school's calendar day (its UTC midnight, dates.ts) at a local time of day is. */
export function schoolInstant(day: Date, minutes: number, timeZone: string): Date {
  const local = day.getTime() + minutes * 60_000;
  const first = local - zoneOffset(new Date(local), timeZone);
  // Once more at the guess, in case the zone's offset changed between the two instants.
  return new Date(local - zoneOffset(new Date(first), timeZone));
}

/** The day of a meeting planned ahead: today or later, within the pair's term. */
export function checkPlannedDay(day: Date, today: Date, pairStart: Date, plannedEnd: Date): PlannedProblem | null {
  if (day.getTime() < today.getTime()) return "in-the-past";
  if (day.getTime() < pairStart.getTime()) return "before-start";
  if (day.getTime() > plannedEnd.getTime()) return "after-end";
  return null;
}
