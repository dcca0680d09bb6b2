import { FLAG_RERAISE_AFTER_MS, flagReraiseDue } from "../domain/feedback.js";
import { action } from "../services/actions/index.js";
import type { ServiceDeps } from "../services/deps.js";
import { pairRef } from "../services/feedback.js";
import { msg, type NoticeVar } from "../services/notices.js";
import { personRef } from "../services/people.js";
import type { DueNotice, JobDefinition } from "./due.js";

// Flags not handled (issue 11 §4): a safety flag still open 24 hours after it was raised is raised
// again, to every curator and to the director(s) of the programme. Once per flag and receiver
// (key flag-reraise:<flagId>:<receiver membership>); urgent, to adults, at any hour.

export interface OpenFlag {
  flagId: string;
  programmeId: string;
  pairId: string;
  raisedAt: Date;
  handledAt: Date | null;
  who: NoticeVar;
  pair: NoticeVar;
  timeZone: string;
  receivers: { membershipId: string; userId: number; role: "curator" | "director" }[];
}

export interface FlagsJobData {
  flags: OpenFlag[];
}

export const flagsJob: JobDefinition<FlagsJobData> = {
  name: "flags-not-handled",
  everyMinutes: 15,

  async load(deps: ServiceDeps, now: Date): Promise<FlagsJobData> {
    const { store } = deps;
    // Every open flag old enough, however old: a flag left open for a month is still a child waiting.
    const open = await store.flags.openRaisedBefore(new Date(now.getTime() - FLAG_RERAISE_AFTER_MS));
    const flags: OpenFlag[] = [];
    for (const flag of open) {
      const programme = await store.programmes.get(flag.programmeId);
      const school = programme && (await store.schools.get(programme.schoolId));
      const pair = await store.pairs.get(flag.pairId);
      const raiser = await store.memberships.get(flag.raisedBy);
      if (!school || !pair) continue;
      const receivers = [...(await store.memberships.ofProgramme(flag.programmeId, "curator")), ...(await store.memberships.ofProgramme(flag.programmeId, "director"))].map((m) => ({
        membershipId: m._id,
        userId: m.userId,
        role: m.role as "curator" | "director",
      }));
      flags.push({
        flagId: flag._id,
        programmeId: flag.programmeId,
        pairId: flag.pairId,
        raisedAt: flag.raisedAt,
        handledAt: flag.handledAt,
        who: raiser ? await personRef(deps, raiser) : "—",
        pair: await pairRef(deps, pair),
        timeZone: school.timeZone,
        receivers,
      });
    }
    await store.flags.markReraised(flags.filter((f) => flagReraiseDue(f, now)).map((f) => f.flagId), now);
    return { flags };
  },

  due(now: Date, data: FlagsJobData): DueNotice[] {
    const out: DueNotice[] = [];
    for (const flag of data.flags) {
      if (!flagReraiseDue(flag, now)) continue;
      for (const receiver of flag.receivers) {
        out.push({
          key: `flag-reraise:${flag.flagId}:${receiver.membershipId}`,
          audience: "adult",
          timeZone: flag.timeZone,
          urgent: true,
          notice: {
            to: receiver.userId,
            key: "flag-reraised",
            vars: { who: flag.who, pair: flag.pair, since: { date: flag.raisedAt, timeZone: flag.timeZone } },
            // A curator opens the flag to handle it; a director opens the list (without anyone's words).
            actions: [
              [
                receiver.role === "curator"
                  ? { label: msg("flag-open-flag"), action: action("flagOpen", { flagId: flag.flagId }) }
                  : { label: msg("flags-list"), action: action("flagsList", { programmeId: flag.programmeId, page: 0 }) },
              ],
            ],
          },
        });
      }
    }
    return out;
  },
};
