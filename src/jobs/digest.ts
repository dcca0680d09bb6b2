import { dayKey, monthKey, monthlySummaryDue, schoolClock, weeklyDigestDue, type DigestList, type DigestPeriod } from "../domain/digest.js";
import { action } from "../services/actions/index.js";
import { digestFigures, recipientOf, stageVars, type DigestFigures, type Recipient } from "../services/digest.js";
import { msg, type NoticeButton } from "../services/notices.js";
import type { DueNotice, JobDefinition } from "./due.js";

// The curators' weekly digest (Monday morning, school time) and the director's monthly summary
// (the 1st): a few numbers, each with a button to the list behind it, and the current stage with
// its deadline. Sent once per person per week (month): the key holds the Monday (the month).
// `load` reads the figures only for schools where one is due, so the minute's tick stays cheap.

export interface DigestJobProgramme {
  programmeId: string;
  timeZone: string;
  /** The school day the digest is for (its Monday, or the 1st). */
  day: Date;
  to: Recipient[];
  figures: DigestFigures;
}

export interface DigestJobData {
  programmes: DigestJobProgramme[];
}

type When = (clock: ReturnType<typeof schoolClock>) => Date | null;

/** The buttons: one per list behind a number (flags and reports get theirs with their stores). */
function buttons(programmeId: string, period: DigestPeriod, f: DigestFigures): NoticeButton[][] {
  const list = (key: string, n: number, l: DigestList): NoticeButton[] => [{ label: msg(key, { n }), action: action("digestList", { programmeId, list: l, page: 0 }) }];
  return [
    list("digest-button-new", f.newPeople, period === "week" ? "new-week" : "new-month"),
    list("digest-button-consents", f.consents, "consents"),
    list("digest-button-unpaired", f.unpaired, "unpaired"),
    list("digest-button-quiet", f.quietPairs, "quiet"),
    list("digest-button-unreachable", f.unreachable, "unreachable"),
    [
      { label: msg("digest-button-flags", { n: f.openFlags }), action: action("flagsList", { programmeId, page: 0 }) },
      { label: msg("digest-button-overdue", { n: f.overdueReports }), action: action("monthlyStatus", { programmeId, month: f.lateMonth, page: 0 }) },
    ],
    [{ label: msg("roadmap-open-button"), action: action("roadmapOpen", { programmeId }) }],
  ];
}

function digestJob(name: string, period: DigestPeriod, role: "curator" | "director", when: When): JobDefinition<DigestJobData> {
  return {
    name,
    everyMinutes: 60,
    async load(deps, now) {
      const programmes: DigestJobProgramme[] = [];
      for (const programme of await deps.store.programmes.all()) {
        const school = await deps.store.schools.get(programme.schoolId);
        if (!school) continue;
        const day = when(schoolClock(now, school.timeZone));
        if (!day) continue;
        const to = (await deps.store.memberships.ofProgramme(programme._id, role)).map(recipientOf);
        if (to.length === 0) continue;
        programmes.push({ programmeId: programme._id, timeZone: school.timeZone, day, to, figures: await digestFigures(deps, { programme, school }, period, day) });
      }
      return { programmes };
    },
    due(now, data) {
      const out: DueNotice[] = [];
      for (const p of data.programmes) {
        const day = when(schoolClock(now, p.timeZone));
        if (!day || day.getTime() !== p.day.getTime()) continue;
        const f = p.figures;
        for (const r of p.to) {
          out.push({
            key: `${name}:${p.programmeId}:${r.userId}:${period === "week" ? dayKey(day) : monthKey(day)}`,
            audience: r.child ? "child" : "adult",
            timeZone: p.timeZone,
            notice: {
              to: r.userId,
              key: period === "week" ? "digest-weekly" : "digest-monthly",
              vars: {
                newPeople: f.newPeople,
                consents: f.consents,
                unpaired: f.unpaired,
                quietPairs: f.quietPairs,
                openFlags: f.openFlags,
                overdueReports: f.overdueReports,
                unreachable: f.unreachable,
                activePairs: f.activePairs,
                ...stageVars(f),
              },
              actions: buttons(p.programmeId, period, f),
            },
          });
        }
      }
      return out;
    },
  };
}

/** The curators' weekly digest: Monday from 09:00 school time (Tuesday if the bot was down). */
export const weeklyDigestJob = digestJob("digest", "week", "curator", weeklyDigestDue);
/** The director's monthly summary: the 1st from 09:00 school time (the 2nd if the bot was down). */
export const monthlySummaryJob = digestJob("summary", "month", "director", monthlySummaryDue);
