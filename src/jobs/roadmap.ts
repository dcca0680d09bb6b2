import { schoolClock, MORNING_HOUR } from "../domain/digest.js";
import { daysBetween, stageNameKey, stageNudgeDue, type StageNumber, type StageRole } from "../domain/roadmap.js";
import { action } from "../services/actions/index.js";
import { recipientOf, type Recipient } from "../services/digest.js";
import { msg } from "../services/notices.js";
import { stagesOf } from "../services/roadmap.js";
import type { DueNotice, JobDefinition } from "./due.js";

// Stage nudges: the people responsible for a stage (by its role) and the curators, who keep the
// roadmap, are nudged 7 days and 1 day before its deadline and the day after it, while the stage
// is not marked done. Each nudge opens the roadmap. Windows and look-back: domain/roadmap.ts.

export interface RoadmapJobProgramme {
  programmeId: string;
  timeZone: string;
  stages: { stage: StageNumber; deadline: Date; done: boolean; role: StageRole }[];
  people: Record<StageRole, Recipient[]>;
}

export interface RoadmapJobData {
  programmes: RoadmapJobProgramme[];
}

export const stageNudgeKey = (programmeId: string, stage: number, kind: string, userId: number) => `stage:${programmeId}:${stage}:${kind}:${userId}`;

export const roadmapJob: JobDefinition<RoadmapJobData> = {
  name: "stage-nudges",
  everyMinutes: 60,

  async load(deps) {
    const programmes: RoadmapJobProgramme[] = [];
    for (const programme of await deps.store.programmes.all()) {
      const school = await deps.store.schools.get(programme.schoolId);
      if (!school) continue;
      const stages = await stagesOf(deps, programme, school);
      const members = await deps.store.memberships.ofProgramme(programme._id);
      // Mentors responsible for pair work are those with an active pair.
      const working = new Set((await deps.store.pairs.ofProgramme(programme._id, ["active"])).map((p) => p.mentorId));
      programmes.push({
        programmeId: programme._id,
        timeZone: school.timeZone,
        stages: stages.map((s) => ({ stage: s.stage, deadline: s.deadline, done: s.doneOn !== null, role: s.role })),
        people: {
          curator: members.filter((m) => m.role === "curator").map(recipientOf),
          director: members.filter((m) => m.role === "director").map(recipientOf),
          mentor: members.filter((m) => m.role === "mentor" && working.has(m._id)).map(recipientOf),
        },
      });
    }
    return { programmes };
  },

  due(now, data) {
    const out: DueNotice[] = [];
    for (const p of data.programmes) {
      const clock = schoolClock(now, p.timeZone);
      if (clock.hour < MORNING_HOUR) continue;
      for (const s of p.stages) {
        if (s.done) continue;
        const kind = stageNudgeDue(s.deadline, clock.day);
        if (!kind) continue;
        const told = new Map<number, Recipient>();
        for (const r of [...p.people[s.role], ...p.people.curator]) if (!told.has(r.userId)) told.set(r.userId, r);
        for (const r of told.values()) {
          out.push({
            key: stageNudgeKey(p.programmeId, s.stage, kind, r.userId),
            audience: r.child ? "child" : "adult",
            timeZone: p.timeZone,
            notice: {
              to: r.userId,
              key: `stage-nudge-${kind}`,
              vars: { stage: msg(stageNameKey(s.stage)), number: s.stage, deadline: { date: s.deadline, timeZone: "UTC" }, days: Math.abs(daysBetween(clock.day, s.deadline)) },
              actions: [[{ label: msg("roadmap-open-button"), action: action("roadmapOpen", { programmeId: p.programmeId }) }]],
            },
          });
        }
      }
    }
    return out;
  },
};
