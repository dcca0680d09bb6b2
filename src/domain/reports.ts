import { addDays, schoolToday, utcDay } from "./dates.js";

// Reports of a pair (regulation 4.2, 2.13–2.14): the mentor's monthly report to the curator and
// the director, and the two final reports within 10 days of the end. Months and days are the
// school's: a month is "2026-11", its days are UTC midnights of the school's calendar days.

/** A month as written in keys and buttons: "2026-11". */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export type Month = string;

export const isMonth = (value: string): value is Month => MONTH_PATTERN.test(value);

/** The month a school day falls in. */
export const monthOfDay = (day: Date): Month => `${day.getUTCFullYear()}-${String(day.getUTCMonth() + 1).padStart(2, "0")}`;

/** The school's month at this instant, in its time zone. */
export const schoolMonth = (now: Date, timeZone: string): Month => monthOfDay(schoolToday(now, timeZone));

/** The first day of a month and the first day of the next (a half-open range of school days). */
export function monthBounds(month: Month): { first: Date; next: Date } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { first: new Date(Date.UTC(y, m - 1, 1)), next: new Date(Date.UTC(y, m, 1)) };
}

/** Whether a school day (a UTC midnight) is in the month. */
export function dayInMonth(day: Date, month: Month): boolean {
  const { first, next } = monthBounds(month);
  const d = utcDay(day).getTime();
  return d >= first.getTime() && d < next.getTime();
}

export const previousMonth = (month: Month): Month => monthOfDay(addDays(monthBounds(month).first, -1));
export const nextMonth = (month: Month): Month => monthOfDay(monthBounds(month).next);

/** The programme's default day of the month for the monthly report reminder (4.2). */
export const DEFAULT_MONTHLY_REPORT_DAY = 25;
/** The day of the next month from which the curator and the director are told who is late. */
export const MONTHLY_LATE_DAY = 3;
/** Highest day a programme may set (every month has it). */
export const MONTHLY_REPORT_DAY_MAX = 28;
/** The report days a curator picks from on the «Кто отчитался» screen. */
export const MONTHLY_REPORT_DAY_CHOICES = [20, 25, 28] as const;

/**
 * The month a mentor reports for today: from the programme's report day on, this month; before
 * it, the month just ended (its report is still expected and reminded on the 1st).
 */
export function reportMonthFor(today: Date, reportDay: number): Month {
  const month = monthOfDay(today);
  return today.getUTCDate() >= reportDay ? month : previousMonth(month);
}

/** The months a mentor may report for today: the one asked for now and, before the report day, the current one too. */
export function reportableMonths(today: Date, reportDay: number): Month[] {
  const current = monthOfDay(today);
  const asked = reportMonthFor(today, reportDay);
  return asked === current ? [current] : [asked, current];
}

export type MonthlyStep = "remind" | "remind-again" | "late";

/**
 * What today is for a month's report, if anything: the first reminder from the report day to the
 * month's end; the second on the first days of the next month, before the late day; from the
 * late day to the end of that next month, the staff's late list. Later than that, nothing:
 * a bot down for a month does not wake up to old nudges.
 */
export function monthlySteps(today: Date, reportDay: number): { step: MonthlyStep; month: Month }[] {
  const month = monthOfDay(today);
  const d = today.getUTCDate();
  const out: { step: MonthlyStep; month: Month }[] = [];
  if (d >= reportDay) out.push({ step: "remind", month });
  if (d < MONTHLY_LATE_DAY) out.push({ step: "remind-again", month: previousMonth(month) });
  else out.push({ step: "late", month: previousMonth(month) });
  return out;
}

/** Text limits of a report's fields. */
export const REPORT_TEXT_MAX = 1000;
export const MONTHLY_FIELDS = ["progress", "difficulties", "plans"] as const;
export type MonthlyField = (typeof MONTHLY_FIELDS)[number];

// Final reports (2.13–2.14).

/** Days after the end within which both final reports are due. */
export const FINAL_REPORT_DAYS = 10;
/** Days after the end on which a missing final report is reminded. */
export const FINAL_REMINDER_DAYS = [3, 8] as const;
/** How long after the due day the overdue list is still sent (catch-up bound). */
export const FINAL_OVERDUE_WINDOW = 30;

/** The mentee's readiness, in the mentor's report. */
export const READINESS = ["ready", "ready-with-support", "not-ready"] as const;
export type Readiness = (typeof READINESS)[number];

export const MENTOR_SCORE_MIN = 1;
export const MENTOR_SCORE_MAX = 10;

/** The questions of each final report, in order (QUESTIONNAIRES.md). */
export const FINAL_QUESTIONS = {
  mentor: [
    { id: "progress", kind: "text" },
    { id: "qualities", kind: "text" },
    { id: "difficulties", kind: "text" },
    { id: "recommendations", kind: "text" },
    { id: "readiness", kind: "choice", options: READINESS },
  ],
  mentee: [
    { id: "how-it-went", kind: "text" },
    { id: "helped", kind: "text" },
    { id: "hard", kind: "text" },
    { id: "mentor-score", kind: "scale", min: MENTOR_SCORE_MIN, max: MENTOR_SCORE_MAX },
    { id: "mentor-words", kind: "text" },
    { id: "recommend", kind: "choice", options: ["yes", "no"] },
  ],
} as const;
export type FinalRole = keyof typeof FINAL_QUESTIONS;
export type FinalQuestion = (typeof FINAL_QUESTIONS)[FinalRole][number];
export type FinalAnswers = Record<string, string | number>;

/** Whether the answers are a whole final report of that role: every question, each valid. */
export function checkFinalAnswers(role: FinalRole, answers: FinalAnswers): boolean {
  const questions: readonly FinalQuestion[] = FINAL_QUESTIONS[role];
  if (Object.keys(answers).some((k) => !questions.some((q) => q.id === k))) return false;
  return questions.every((q) => {
    const a = answers[q.id];
    switch (q.kind) {
      case "text":
        return typeof a === "string" && a.trim() !== "" && [...a].length <= REPORT_TEXT_MAX;
      case "choice":
        return typeof a === "string" && (q.options as readonly string[]).includes(a);
      case "scale":
        return typeof a === "number" && Number.isInteger(a) && a >= q.min && a <= q.max;
    }
  });
}

/**
 * The day a pair ended for its final reports: an early end's day (in the school's zone), or the
 * planned end once it has come; null while the pair still runs or never ran.
 */
export function pairEndDay(pair: { status: string; endedAt: Date | null; plannedEnd: Date; activatedAt: Date | null }, today: Date, timeZone: string): Date | null {
  if (pair.status === "ended") {
    if (pair.activatedAt === null) return null;
    return pair.endedAt ? schoolToday(pair.endedAt, timeZone) : utcDay(pair.plannedEnd);
  }
  if (pair.status === "active" && utcDay(pair.plannedEnd).getTime() <= today.getTime()) return utcDay(pair.plannedEnd);
  return null;
}

export const finalDueDay = (endDay: Date): Date => addDays(endDay, FINAL_REPORT_DAYS);

export type FinalStep = "request" | "remind-3" | "remind-8" | "overdue";

/** What today is for a missing final report of a pair that ended on `endDay`: the steps due by now. */
export function finalSteps(endDay: Date, today: Date): FinalStep[] {
  const days = Math.round((today.getTime() - endDay.getTime()) / 86_400_000);
  if (days < 0) return [];
  const due = FINAL_REPORT_DAYS;
  if (days > due + FINAL_OVERDUE_WINDOW) return [];
  if (days > due) return ["overdue"];
  const steps: FinalStep[] = ["request"];
  // A reminder's day passed while the bot was down still counts once; the latest one only.
  if (days >= FINAL_REMINDER_DAYS[1]) steps.push("remind-8");
  else if (days >= FINAL_REMINDER_DAYS[0]) steps.push("remind-3");
  return steps;
}
