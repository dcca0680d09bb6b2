import { schoolToday } from "../domain/dates.js";
import { finalSteps, monthlySteps, pairEndDay, FINAL_OVERDUE_WINDOW, FINAL_REPORT_DAYS, type FinalRole, type Month } from "../domain/reports.js";
import type { Membership } from "../store/memberships.js";
import { missingFinalReports } from "../services/finalReports.js";
import { expectedMentors, monthRef } from "../services/monthlyReports.js";
import { msg, type NoticeVar } from "../services/notices.js";
import { personRefs } from "../services/people.js";
import type { DueNotice, JobDefinition } from "./due.js";

// The report jobs (4.2, 2.13–2.14), evaluated in each school's time zone.
//
// Monthly: from the programme's report day (default the 25th) to the month's end, mentors without
// the month's report are reminded; on the 1st and 2nd of the next month, again; from the 3rd to
// that month's end, the curators and the director get the list of who is late. Nothing older.
//
// Final: when a pair ends (an early end, or its planned end reached), each party is asked for
// their report, due within 10 days; those still missing are reminded on day 3 and day 8; after
// day 10 the curators get the overdue list, for up to 30 days more. Nothing older.

/** A person a job may address: their membership, Telegram id, name as data, and whether a child. */
interface Person {
  membershipId: string;
  userId: number;
  ref: NoticeVar;
  child: boolean;
}

const isChild = (m: Membership) => m.category === "student";

async function people(deps: Parameters<JobDefinition<unknown>["load"]>[0], members: readonly Membership[]): Promise<Person[]> {
  const refs = await personRefs(deps, members);
  return members.map((m) => ({ membershipId: m._id, userId: m.userId, ref: refs.get(m._id) ?? "—", child: isChild(m) }));
}

// Monthly report reminders.

export interface MonthlyProgrammeData {
  programmeId: string;
  timeZone: string;
  reportDay: number;
  /** The curators' and the directors' Telegram ids. */
  staff: number[];
  /** Per month the job may speak of: the mentors expected, and whether each has reported. */
  months: Record<Month, { mentor: Person; reported: boolean }[]>;
}

export interface MonthlyData {
  programmes: MonthlyProgrammeData[];
}

export const monthlyReportJob: JobDefinition<MonthlyData> = {
  name: "monthly-report",
  everyMinutes: 60,
  async load(deps, now) {
    const programmes: MonthlyProgrammeData[] = [];
    for (const programme of await deps.store.programmes.all()) {
      const school = await deps.store.schools.get(programme.schoolId);
      if (!school) continue;
      const steps = monthlySteps(schoolToday(now, school.timeZone), programme.monthlyReportDay);
      const months: MonthlyProgrammeData["months"] = {};
      for (const { month } of steps) {
        const mentors = await expectedMentors(deps, programme._id, month);
        const reported = new Set((await deps.store.monthlyReports.ofProgramme(programme._id, [month])).map((r) => r.mentorId));
        months[month] = (await people(deps, mentors)).map((mentor) => ({ mentor, reported: reported.has(mentor.membershipId) }));
      }
      const staff = [...(await deps.store.memberships.ofProgramme(programme._id, "curator")), ...(await deps.store.memberships.ofProgramme(programme._id, "director"))];
      programmes.push({ programmeId: programme._id, timeZone: school.timeZone, reportDay: programme.monthlyReportDay, staff: [...new Set(staff.map((s) => s.userId))], months });
    }
    return { programmes };
  },
  due(now, data) {
    const out: DueNotice[] = [];
    for (const p of data.programmes) {
      for (const { step, month } of monthlySteps(schoolToday(now, p.timeZone), p.reportDay)) {
        const late = (p.months[month] ?? []).filter((r) => !r.reported).map((r) => r.mentor);
        if (step === "late") {
          if (late.length === 0) continue;
          for (const userId of p.staff) {
            out.push({
              key: `monthly-late:${userId}:${month}`,
              notice: {
                to: userId,
                key: "monthly-late",
                vars: { month: monthRef(month), count: late.length, mentors: { list: late.map((m) => m.ref), separator: "\n" } },
                actions: [[{ label: msg("monthly-status-open"), action: { type: "monthlyStatus", programmeId: p.programmeId, month, page: 0 } }]],
              },
              audience: "adult",
              timeZone: p.timeZone,
            });
          }
          continue;
        }
        for (const mentor of late) {
          out.push({
            key: `${step === "remind" ? "monthly-report" : "monthly-report-again"}:${mentor.membershipId}:${month}`,
            notice: {
              to: mentor.userId,
              key: step === "remind" ? "monthly-remind" : "monthly-remind-again",
              vars: { month: monthRef(month) },
              actions: [[{ label: msg("monthly-report-button", { month: monthRef(month) }), action: { type: "monthlyOpen", membershipId: mentor.membershipId, month } }]],
            },
            audience: mentor.child ? "child" : "adult",
            timeZone: p.timeZone,
          });
        }
      }
    }
    return out;
  },
};

// Final reports.

export interface FinalPairData {
  pairId: string;
  programmeId: string;
  timeZone: string;
  /** The pair's last day (a UTC midnight of the school's day). */
  endDay: Date;
  /** Who still owes a report, as whom, about how many mentees. */
  missing: { author: Person; role: FinalRole; mentees: NoticeVar[] }[];
  /** The curators' Telegram ids. */
  curators: number[];
}

export interface FinalData {
  pairs: FinalPairData[];
}

export const finalReportJob: JobDefinition<FinalData> = {
  name: "final-report",
  everyMinutes: 60,
  async load(deps, now) {
    const pairs: FinalPairData[] = [];
    for (const programme of await deps.store.programmes.all()) {
      const school = await deps.store.schools.get(programme.schoolId);
      if (!school) continue;
      const today = schoolToday(now, school.timeZone);
      const curators = (await deps.store.memberships.ofProgramme(programme._id, "curator")).map((c) => c.userId);
      for (const pair of await deps.store.pairs.ofProgramme(programme._id, ["active", "ended"])) {
        const endDay = pairEndDay(pair, today, school.timeZone);
        if (!endDay || (today.getTime() - endDay.getTime()) / 86_400_000 > FINAL_REPORT_DAYS + FINAL_OVERDUE_WINDOW) continue;
        const missing = missingFinalReports(pair, await deps.store.finalReports.ofPair(pair._id));
        if (missing.length === 0) continue;
        const members = await deps.store.memberships.getMany([pair.mentorId, ...pair.menteeIds]);
        const persons = new Map((await people(deps, [...members.values()])).map((p) => [p.membershipId, p]));
        pairs.push({
          pairId: pair._id,
          programmeId: programme._id,
          timeZone: school.timeZone,
          endDay,
          curators,
          missing: missing
            .filter((m) => persons.has(m.authorId))
            .map((m) => ({ author: persons.get(m.authorId)!, role: m.role, mentees: m.menteeIds.map((id) => persons.get(id)?.ref ?? "—") })),
        });
      }
    }
    return { pairs };
  },
  due(now, data) {
    const out: DueNotice[] = [];
    for (const p of data.pairs) {
      const due = { date: new Date(p.endDay.getTime() + FINAL_REPORT_DAYS * 86_400_000), timeZone: "UTC" };
      for (const step of finalSteps(p.endDay, schoolToday(now, p.timeZone))) {
        if (step === "overdue") {
          for (const userId of p.curators) {
            out.push({
              key: `final-overdue:${userId}:${p.pairId}`,
              notice: {
                to: userId,
                key: "final-overdue",
                vars: { due, people: { list: p.missing.map((m) => m.author.ref), separator: "\n" } },
                // The curator chases from the pair's card (who the people are, how to reach them).
                actions: [[{ label: msg("flag-open-pair"), action: { type: "pairCard", pairId: p.pairId } }]],
              },
              audience: "adult",
              timeZone: p.timeZone,
            });
          }
          continue;
        }
        for (const m of p.missing) {
          out.push({
            key: `${step === "request" ? "final-report" : `final-${step}`}:${m.author.membershipId}:${p.pairId}`,
            notice: {
              to: m.author.userId,
              key: `final-${step === "request" ? "request" : "remind"}-${m.role}`,
              vars: { due, mentees: { list: m.mentees, separator: ", " } },
              actions: [[{ label: msg("final-report-start"), action: { type: "finalStart", pairId: p.pairId } }]],
            },
            audience: m.author.child ? "child" : "adult",
            timeZone: p.timeZone,
          });
        }
      }
    }
    return out;
  },
};

/** The report jobs, for the registry (jobs/registry.ts). */
export const REPORT_JOBS = [monthlyReportJob, finalReportJob] as const;
