import { dayKey, schoolClock, MORNING_HOUR } from "../domain/digest.js";
import { schoolToday } from "../domain/dates.js";
import { action } from "../services/actions/index.js";
import { quietPairsOf, recipientOf, type Recipient } from "../services/digest.js";
import { msg, type NoticeVar } from "../services/notices.js";
import { personRefs } from "../services/people.js";
import type { DueNotice, JobDefinition } from "./due.js";

// Quiet pairs: a pair with no confirmed meeting for the programme's quiet days (default 21; since
// its activation if it has none) — its mentor is nudged once per quiet spell (the key holds the
// spell's first day: a new confirmed meeting starts a new spell), with the pair menu's button.
// The same pairs are counted in the curators' digest (services/digest.ts).

export interface QuietPairsJobData {
  pairs: { programmeId: string; pairId: string; timeZone: string; mentor: Recipient; mentees: NoticeVar[]; since: Date; days: number }[];
}

export const quietPairKey = (pairId: string, since: Date, userId: number) => `quiet:${pairId}:${dayKey(since)}:${userId}`;

export const quietPairsJob: JobDefinition<QuietPairsJobData> = {
  name: "quiet-pairs",
  everyMinutes: 60,

  async load(deps, now) {
    const pairs: QuietPairsJobData["pairs"] = [];
    for (const programme of await deps.store.programmes.all()) {
      const school = await deps.store.schools.get(programme.schoolId);
      if (!school) continue;
      const quiet = await quietPairsOf(deps, { programme, school }, schoolToday(now, school.timeZone));
      if (quiet.length === 0) continue;
      const people = await deps.store.memberships.getMany(quiet.flatMap((q) => [q.pair.mentorId, ...q.pair.menteeIds]));
      const refs = await personRefs(deps, [...people.values()]);
      for (const q of quiet) {
        const mentor = people.get(q.pair.mentorId);
        if (!mentor) continue;
        pairs.push({ programmeId: programme._id, pairId: q.pair._id, timeZone: school.timeZone, mentor: recipientOf(mentor), mentees: q.pair.menteeIds.map((id) => refs.get(id) ?? "—"), since: q.since, days: q.days });
      }
    }
    return { pairs };
  },

  due(now, data) {
    const out: DueNotice[] = [];
    for (const p of data.pairs) {
      if (schoolClock(now, p.timeZone).hour < MORNING_HOUR) continue;
      out.push({
        key: quietPairKey(p.pairId, p.since, p.mentor.userId),
        audience: p.mentor.child ? "child" : "adult",
        timeZone: p.timeZone,
        notice: {
          to: p.mentor.userId,
          key: "quiet-pair-nudge",
          vars: { mentees: { list: p.mentees }, days: p.days, since: { date: p.since, timeZone: "UTC" } },
          actions: [[{ label: msg("quiet-pair-open"), action: action("pairMenu", { pairId: p.pairId }) }]],
        },
      });
    }
    return out;
  },
};
