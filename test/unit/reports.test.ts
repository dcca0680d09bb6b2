import { describe, expect, it } from "vitest";
import { schoolToday } from "../../src/domain/dates.js";
import {
  checkFinalAnswers,
  dayInMonth,
  finalSteps,
  monthBounds,
  monthlySteps,
  pairEndDay,
  previousMonth,
  reportMonthFor,
  reportableMonths,
  schoolMonth,
} from "../../src/domain/reports.js";
import { finalReportJob, monthlyReportJob, type FinalData, type MonthlyData } from "../../src/jobs/reports.js";

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("months in the school's time zone", () => {
  it("30 November 23:30 in Vladivostok is already December there, still November in Moscow", () => {
    const now = new Date("2026-11-30T14:30:00Z"); // 00:30 on 1 Dec in Vladivostok (UTC+10), 17:30 in Moscow
    expect(schoolMonth(now, "Asia/Vladivostok")).toBe("2026-12");
    expect(schoolMonth(now, "Europe/Moscow")).toBe("2026-11");
    // 31 Dec 21:30 UTC is 1 Jan 00:30 in Moscow, 23:30 in Kaliningrad: a new year's month.
    expect(schoolMonth(new Date("2026-12-31T21:30:00Z"), "Europe/Moscow")).toBe("2027-01");
    expect(schoolMonth(new Date("2026-12-31T21:30:00Z"), "Europe/Kaliningrad")).toBe("2026-12");
  });

  it("bounds, days within, the month before", () => {
    expect(monthBounds("2026-12")).toEqual({ first: day(2026, 12, 1), next: day(2027, 1, 1) });
    expect(dayInMonth(day(2026, 11, 30), "2026-11")).toBe(true);
    expect(dayInMonth(day(2026, 12, 1), "2026-11")).toBe(false);
    expect(dayInMonth(day(2026, 11, 1), "2026-11")).toBe(true);
    expect(previousMonth("2027-01")).toBe("2026-12");
    expect(previousMonth("2028-03")).toBe("2028-02");
  });

  it("the month reported for: from the report day this month, before it the one just ended", () => {
    expect(reportMonthFor(day(2026, 11, 24), 25)).toBe("2026-10");
    expect(reportMonthFor(day(2026, 11, 25), 25)).toBe("2026-11");
    expect(reportableMonths(day(2026, 12, 2), 25)).toEqual(["2026-11", "2026-12"]);
    expect(reportableMonths(day(2026, 11, 28), 25)).toEqual(["2026-11"]);
  });

  it("steps: remind from the report day, again on the 1st and 2nd, late from the 3rd", () => {
    expect(monthlySteps(day(2026, 11, 24), 25)).toEqual([{ step: "late", month: "2026-10" }]);
    expect(monthlySteps(day(2026, 11, 25), 25)).toEqual([{ step: "remind", month: "2026-11" }, { step: "late", month: "2026-10" }]);
    expect(monthlySteps(day(2026, 12, 1), 25)).toEqual([{ step: "remind-again", month: "2026-11" }]);
    expect(monthlySteps(day(2026, 12, 3), 25)).toEqual([{ step: "late", month: "2026-11" }]);
    expect(monthlySteps(day(2026, 12, 3), 1)).toEqual([{ step: "remind", month: "2026-12" }, { step: "late", month: "2026-11" }]);
  });
});

describe("final reports' days", () => {
  const tz = "Europe/Moscow";
  it("a pair ends early on its day in the school's zone, or at its planned end once reached", () => {
    const base = { activatedAt: day(2026, 9, 1), plannedEnd: day(2027, 5, 31) };
    expect(pairEndDay({ ...base, status: "ended", endedAt: new Date("2026-12-09T22:30:00Z") }, day(2026, 12, 12), tz)).toEqual(day(2026, 12, 10));
    expect(pairEndDay({ ...base, status: "active", endedAt: null }, day(2027, 5, 30), tz)).toBeNull();
    expect(pairEndDay({ ...base, status: "active", endedAt: null }, day(2027, 5, 31), tz)).toEqual(day(2027, 5, 31));
    expect(pairEndDay({ ...base, status: "declined", endedAt: null }, day(2027, 6, 30), tz)).toBeNull();
  });

  it("request at once, reminders on day 3 and 8, overdue after day 10, nothing after 40", () => {
    const end = day(2026, 12, 10);
    expect(finalSteps(end, day(2026, 12, 9))).toEqual([]);
    expect(finalSteps(end, end)).toEqual(["request"]);
    expect(finalSteps(end, day(2026, 12, 13))).toEqual(["request", "remind-3"]);
    expect(finalSteps(end, day(2026, 12, 18))).toEqual(["request", "remind-8"]);
    expect(finalSteps(end, day(2026, 12, 20))).toEqual(["request", "remind-8"]);
    expect(finalSteps(end, day(2026, 12, 21))).toEqual(["overdue"]);
    expect(finalSteps(end, day(2027, 1, 19))).toEqual(["overdue"]);
    expect(finalSteps(end, day(2027, 1, 20))).toEqual([]);
  });

  it("a final report is whole only with every answer valid", () => {
    const mentor = { progress: "a", qualities: "b", difficulties: "c", recommendations: "d", readiness: "ready" };
    expect(checkFinalAnswers("mentor", mentor)).toBe(true);
    expect(checkFinalAnswers("mentor", { ...mentor, readiness: "maybe" })).toBe(false);
    expect(checkFinalAnswers("mentor", { ...mentor, progress: "  " })).toBe(false);
    expect(checkFinalAnswers("mentor", { ...mentor, progress: "x".repeat(1001) })).toBe(false);
    expect(checkFinalAnswers("mentor", { ...mentor, extra: "x" })).toBe(false);
    const mentee = { "how-it-went": "a", helped: "b", hard: "c", "mentor-score": 9, "mentor-words": "d", recommend: "yes" };
    expect(checkFinalAnswers("mentee", mentee)).toBe(true);
    expect(checkFinalAnswers("mentee", { ...mentee, "mentor-score": 11 })).toBe(false);
    expect(checkFinalAnswers("mentee", { ...mentee, "mentor-score": "9" })).toBe(false);
  });
});

describe("the monthly report job in two schools' zones", () => {
  const mentor = (id: string, userId: number, child = false) => ({ membershipId: id, userId, ref: id, child });
  const data = (month: string, prevMonth: string): MonthlyData => ({
    programmes: [
      {
        programmeId: "pM",
        timeZone: "Europe/Moscow",
        reportDay: 25,
        staff: [1, 2],
        months: {
          [month]: [
            { mentor: mentor("m1", 11), reported: false },
            { mentor: mentor("m2", 12), reported: true },
          ],
          [prevMonth]: [
            { mentor: mentor("m1", 11), reported: false },
            { mentor: mentor("m3", 13, true), reported: false },
          ],
        },
      },
      { programmeId: "pV", timeZone: "Asia/Vladivostok", reportDay: 25, staff: [3], months: { [month]: [{ mentor: mentor("v1", 21), reported: false }] } },
    ],
  });

  it("on 24 November 20:00 UTC it is the 25th in Vladivostok only: its mentor is reminded, Moscow's not yet", () => {
    const now = new Date("2026-11-24T20:00:00Z");
    expect(schoolToday(now, "Asia/Vladivostok")).toEqual(day(2026, 11, 25));
    const due = monthlyReportJob.due(now, data("2026-11", "2026-10"));
    const reminders = due.filter((d) => d.key.startsWith("monthly-report:"));
    expect(reminders.map((d) => d.key)).toEqual(["monthly-report:v1:2026-11"]);
    expect(reminders[0]!.timeZone).toBe("Asia/Vladivostok");
    expect(reminders[0]!.notice.to).toBe(21);
  });

  it("on the 25th in Moscow: only the mentor without a report; the previous month's late list to each staff member", () => {
    const due = monthlyReportJob.due(new Date("2026-11-25T09:00:00Z"), data("2026-11", "2026-10"));
    const moscow = due.filter((d) => d.timeZone === "Europe/Moscow");
    expect(moscow.map((d) => d.key).sort()).toEqual(["monthly-late:1:2026-10", "monthly-late:2:2026-10", "monthly-report:m1:2026-11"]);
    const late = moscow.find((d) => d.key === "monthly-late:1:2026-10")!;
    expect(late.notice.vars?.["count"]).toBe(2);
    expect(late.audience).toBe("adult");
    // Run twice: the same keys, so the outbox sends nothing twice.
    expect(monthlyReportJob.due(new Date("2026-11-25T09:00:00Z"), data("2026-11", "2026-10")).map((d) => d.key)).toEqual(due.map((d) => d.key));
  });

  it("on the 1st: again to the mentors without last month's report; a pupil mentor's waits for the morning", () => {
    const due = monthlyReportJob.due(new Date("2026-12-01T06:00:00Z"), data("2026-12", "2026-11"));
    const moscow = due.filter((d) => d.timeZone === "Europe/Moscow");
    expect(moscow.map((d) => d.key)).toEqual(["monthly-report-again:m1:2026-11", "monthly-report-again:m3:2026-11"]);
    expect(moscow.find((d) => d.notice.to === 13)!.audience).toBe("child");
    const button = moscow[0]!.notice.actions![0]![0]!.action;
    expect(button).toEqual({ type: "monthlyOpen", membershipId: "m1", month: "2026-11" });
  });
});

describe("the final report job", () => {
  const data = (end: Date): FinalData => ({
    pairs: [
      {
        pairId: "P1",
        programmeId: "p",
        timeZone: "Europe/Moscow",
        endDay: end,
        curators: [1],
        missing: [
          { author: { membershipId: "mentor", userId: 10, ref: "M", child: false }, role: "mentor", mentees: ["S"] },
          { author: { membershipId: "pupil", userId: 20, ref: "S", child: true }, role: "mentee", mentees: ["S"] },
        ],
      },
    ],
  });
  it("asks both sides, reminds on day 3, lists the overdue to the curator after day 10", () => {
    const end = day(2026, 12, 10);
    const at = (d: Date) => finalReportJob.due(new Date(d.getTime() + 9 * 3600_000), data(end)).map((n) => n.key);
    expect(at(end)).toEqual(["final-report:mentor:P1", "final-report:pupil:P1"]);
    expect(at(day(2026, 12, 13))).toEqual(["final-report:mentor:P1", "final-report:pupil:P1", "final-remind-3:mentor:P1", "final-remind-3:pupil:P1"]);
    expect(at(day(2026, 12, 18))).toContain("final-remind-8:pupil:P1");
    expect(at(day(2026, 12, 21))).toEqual(["final-overdue:1:P1"]);
    const pupil = finalReportJob.due(new Date(end.getTime() + 9 * 3600_000), data(end)).find((n) => n.notice.to === 20)!;
    expect(pupil.audience).toBe("child");
    expect(pupil.notice.key).toBe("final-request-mentee");
  });
});
