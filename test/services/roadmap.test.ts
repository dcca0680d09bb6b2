import { describe, expect, it } from "vitest";
import { monthlySummaryJob, weeklyDigestJob } from "../../src/jobs/digest.js";
import { quietPairsJob } from "../../src/jobs/quietPairs.js";
import { roadmapJob } from "../../src/jobs/roadmap.js";
import { digestList } from "../../src/services/digest.js";
import { markStageDone, reopenStage, roadmap, setStageDate, shiftStage } from "../../src/services/roadmap.js";
import type { Store } from "../../src/store/index.js";
import { useServices } from "../support/services.js";
import { invited, newUserId, schoolWithCurator } from "./intakeSetup.js";
import { activePairInStore } from "../support/pairs.js";

// The roadmap and the digests against FerretDB: the default plan written once, the curator's
// edits (and only the curator's), the figures and the lists behind them, and the jobs' loads.

const SEPT = new Date("2026-09-05T10:00:00+03:00");
const f = useServices({ now: SEPT });
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

async function activePair(store: Store, programmeId: string, mentorId: string, menteeId: string, activatedAt: Date) {
  return activePairInStore(store, { programmeId, mentorId, menteeIds: [menteeId], at: activatedAt, form: "teacher-student", startDate: d("2026-10-01"), plannedEnd: d("2027-05-31") });
}

describe("the roadmap service", () => {
  it("writes the default plan once and lets the curator move and type dates, the director only read", async () => {
    const s = await schoolWithCurator(f.store, SEPT);
    const director = newUserId();
    await f.store.memberships.add({ userId: director, programmeId: s.programmeId, role: "director", category: null, grade: null, invitationId: null }, SEPT);
    const curator = { userId: s.curator };

    const [a, b] = await Promise.all([roadmap(f.deps, curator, s), roadmap(f.deps, { userId: director }, s)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.value.stages).toHaveLength(7);
    expect(await f.store.stages.ofProgramme(s.programmeId)).toHaveLength(7);
    expect(a.value.canEdit).toBe(true);
    expect(b.value.canEdit).toBe(false);
    expect(iso(a.value.current!.deadline)).toBe("2026-11-30");

    // Two presses of «+1 неделя» at once move it by two weeks: neither is lost.
    await Promise.all([shiftStage(f.deps, curator, { programmeId: s.programmeId, stage: 2, edge: "deadline", weeks: 1 }), shiftStage(f.deps, curator, { programmeId: s.programmeId, stage: 2, edge: "deadline", weeks: 1 })]);
    expect(iso((await f.store.stages.get(s.programmeId, 2))!.deadline)).toBe("2027-01-14");

    const typed = await setStageDate(f.deps, curator, { programmeId: s.programmeId, stage: 2, edge: "start", day: d("2026-11-10") });
    expect(typed.ok && iso(typed.value.stage.start)).toBe("2026-11-10");
    const wrong = await setStageDate(f.deps, curator, { programmeId: s.programmeId, stage: 2, edge: "start", day: d("2027-03-01") });
    expect(wrong).toMatchObject({ ok: false, reason: "roadmap-start-after-deadline" });

    expect(await shiftStage(f.deps, { userId: director }, { programmeId: s.programmeId, stage: 2, edge: "deadline", weeks: 1 })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await roadmap(f.deps, { userId: newUserId() }, s)).toMatchObject({ ok: false, kind: "not-allowed" });
  });

  it("a programme set up mid-year gets its plan from the month it starts", async () => {
    const january = new Date("2027-01-15T10:00:00+03:00");
    const s = await schoolWithCurator(f.store, january);
    f.setNow(january);
    const map = await roadmap(f.deps, { userId: s.curator }, s);
    expect(map.ok && map.value.stages.map((x) => iso(x.start))[0]).toBe("2027-01-01");
    expect(map.ok && map.value.stages.every((x) => x.start.getTime() >= d("2027-01-01").getTime())).toBe(true);
  });

  it("marks a stage done once, with a short result, on the school's day", async () => {
    const s = await schoolWithCurator(f.store, SEPT);
    const curator = { userId: s.curator };
    const tooLong = await markStageDone(f.deps, curator, { programmeId: s.programmeId, stage: 1, result: "x".repeat(301) });
    expect(tooLong).toMatchObject({ ok: false, reason: "roadmap-result-too-long" });
    const [one, two] = await Promise.all([
      markStageDone(f.deps, curator, { programmeId: s.programmeId, stage: 1, result: "Приказы изданы" }),
      markStageDone(f.deps, curator, { programmeId: s.programmeId, stage: 1, result: "Ещё раз" }),
    ]);
    expect([one.ok, two.ok].filter(Boolean)).toHaveLength(1);
    const stage = (await f.store.stages.get(s.programmeId, 1))!;
    expect(iso(stage.doneOn!)).toBe("2026-09-05");
    const map = await roadmap(f.deps, curator, s);
    expect(map.ok && map.value.current?.stage).toBe(2);
    await reopenStage(f.deps, curator, { programmeId: s.programmeId, stage: 1 });
    expect((await f.store.stages.get(s.programmeId, 1))!.doneOn).toBeNull();
  });
});

describe("the digests' figures and lists, and the jobs' loads", () => {
  it("counts what the lists hold and the jobs nudge the right people", async () => {
    const s = await schoolWithCurator(f.store, SEPT);
    const director = newUserId();
    await f.store.memberships.add({ userId: director, programmeId: s.programmeId, role: "director", category: null, grade: null, invitationId: null }, SEPT);
    const mentor = await invited(f.store, SEPT, s.programmeId, "mentor", "teacher");
    const mentor2 = await invited(f.store, SEPT, s.programmeId, "mentor", "teacher");
    const mentee = await invited(f.store, SEPT, s.programmeId, "mentee", "student", 7);
    const mentee2 = await invited(f.store, SEPT, s.programmeId, "mentee", "student", 8);
    const lonely = await invited(f.store, SEPT, s.programmeId, "mentee", "teacher");
    for (const m of [mentor, mentor2, mentee, mentee2, lonely]) await f.store.memberships.moveIntake(m.membershipId, ["invited"], "ready", SEPT);
    // Two people still at the consent step (one joined last week), one declined, one blocked the bot.
    const monday = new Date("2026-10-05T09:30:00+03:00");
    await invited(f.store, new Date("2026-09-30T12:00:00+03:00"), s.programmeId, "mentee", "teacher");
    await invited(f.store, SEPT, s.programmeId, "mentor", "teacher");
    const declined = await invited(f.store, SEPT, s.programmeId, "mentee", "teacher");
    await f.store.memberships.moveIntake(declined.membershipId, ["invited"], "declined", SEPT);
    await f.store.users.touch(mentor2.userId, SEPT);
    await f.store.users.markBlocked(mentor2.userId, SEPT);
    // A quiet pair (activated 9 September, no meeting) and a working one (a confirmed meeting on 1 October).
    const quiet = await activePair(f.store, s.programmeId, mentor.membershipId, mentee.membershipId, new Date("2026-09-09T12:00:00+03:00"));
    const busy = await activePair(f.store, s.programmeId, mentor2.membershipId, mentee2.membershipId, new Date("2026-09-09T12:00:00+03:00"));
    await f.store.meetings.insert({ _id: f.store.meetings.newId(), pairId: busy._id, programmeId: s.programmeId, type: "introduction", format: "in-person", day: d("2026-10-01"), topic: "Знакомство", status: "confirmed", loggedBy: mentor2.membershipId, createdAt: SEPT });
    f.setNow(monday);

    const data = await weeklyDigestJob.load(f.deps, monday);
    const due = weeklyDigestJob.due(monday, data);
    expect(due.map((n) => n.notice.to)).toEqual([s.curator]);
    const vars = due[0]!.notice.vars!;
    expect(vars).toMatchObject({ newPeople: 1, consents: 3, unpaired: 1, quietPairs: 1, unreachable: 1, openFlags: 0, overdueReports: 0, number: 1 });

    const curator = { userId: s.curator };
    const count = async (list: "new-week" | "consents" | "unpaired" | "quiet" | "unreachable") => {
      const r = await digestList(f.deps, curator, { programmeId: s.programmeId, list, page: 0 });
      return r.ok ? r.value.page.total : -1;
    };
    expect({ newPeople: await count("new-week"), consents: await count("consents"), unpaired: await count("unpaired"), quietPairs: await count("quiet"), unreachable: await count("unreachable") }).toEqual({
      newPeople: 1,
      consents: 3,
      unpaired: 1,
      quietPairs: 1,
      unreachable: 1,
    });
    const quietList = await digestList(f.deps, { userId: director }, { programmeId: s.programmeId, list: "quiet", page: 0 });
    expect(quietList.ok && quietList.value.page.items.map((i) => i.pairId)).toEqual([quiet._id]);
    expect(quietList.ok && quietList.value.canOpenCards).toBe(false);
    expect(await digestList(f.deps, { userId: mentor.userId }, { programmeId: s.programmeId, list: "quiet", page: 0 })).toMatchObject({ ok: false });

    // The quiet pair's mentor, once per spell.
    const quietNow = quietPairsJob.due(monday, await quietPairsJob.load(f.deps, monday));
    expect(quietNow.map((n) => [n.key, n.notice.to])).toEqual([[`quiet:${quiet._id}:2026-09-09:${mentor.userId}`, mentor.userId]]);

    // The director's summary on the 1st of November.
    const first = new Date("2026-11-01T10:00:00+03:00");
    const summary = monthlySummaryJob.due(first, await monthlySummaryJob.load(f.deps, first));
    expect(summary.map((n) => n.notice.to)).toEqual([director]);
    expect(summary[0]!.notice.vars).toMatchObject({ activePairs: 2 });

    // Stage 1's deadline is 30 November: on the 23rd its 7-day nudge goes to the director (its role) and the curator.
    const nudgeDay = new Date("2026-11-23T09:05:00+03:00");
    const nudges = roadmapJob.due(nudgeDay, await roadmapJob.load(f.deps, nudgeDay));
    expect(nudges.map((n) => n.key).sort()).toEqual([`stage:${s.programmeId}:1:7d:${director}`, `stage:${s.programmeId}:1:7d:${s.curator}`].sort());
  });
});
