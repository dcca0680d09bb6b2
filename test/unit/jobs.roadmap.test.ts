import { describe, expect, it } from "vitest";
import { schoolToday } from "../../src/domain/dates.js";
import { monthlySummaryJob, weeklyDigestJob, type DigestJobData } from "../../src/jobs/digest.js";
import type { DueNotice, JobDefinition } from "../../src/jobs/due.js";
import { quietPairsJob, type QuietPairsJobData } from "../../src/jobs/quietPairs.js";
import { roadmapJob, type RoadmapJobData } from "../../src/jobs/roadmap.js";
import type { DigestFigures } from "../../src/services/digest.js";

// The jobs' pure `due` over an injected clock: two schools, Moscow (UTC+3) and Vladivostok
// (UTC+10), ticked every 15 minutes for weeks. What the outbox would send is the first notice of
// each key; the test checks who gets what, on which school day and hour, and that a key, once
// given, names the same notice (so nothing goes twice).

const MSK = "Europe/Moscow";
const VVO = "Asia/Vladivostok";
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const localDay = (at: Date, tz: string) => schoolToday(at, tz).toISOString().slice(0, 10);
const localHour = (at: Date, tz: string) => Number(new Intl.DateTimeFormat("en-GB", { timeZone: tz, hour: "2-digit", hourCycle: "h23" }).format(at));

/** Runs `due` every `stepMin` minutes from `from` to `to`; returns the first notice per key with when it came. */
function simulate<D>(job: JobDefinition<D>, data: D, from: Date, to: Date, stepMin = 15): Map<string, { at: Date; due: DueNotice }> {
  const first = new Map<string, { at: Date; due: DueNotice }>();
  for (let t = from.getTime(); t <= to.getTime(); t += stepMin * 60_000) {
    const at = new Date(t);
    for (const due of job.due(at, data)) {
      const seen = first.get(due.key);
      if (seen) expect(due.notice.to).toBe(seen.due.notice.to);
      else first.set(due.key, { at, due });
    }
  }
  return first;
}

describe("stage nudges", () => {
  const programme = (programmeId: string, timeZone: string): RoadmapJobData["programmes"][number] => ({
    programmeId,
    timeZone,
    stages: [
      { stage: 2, deadline: d("2026-12-31"), done: false, role: "curator" },
      { stage: 4, deadline: d("2027-02-28"), done: true, role: "director" },
      { stage: 6, deadline: d("2027-01-10"), done: false, role: "mentor" },
    ],
    people: {
      curator: [{ userId: timeZone === MSK ? 11 : 21, child: false }],
      director: [{ userId: timeZone === MSK ? 12 : 22, child: false }],
      mentor: [
        { userId: timeZone === MSK ? 13 : 23, child: false },
        { userId: timeZone === MSK ? 14 : 24, child: true },
      ],
    },
  });
  const data: RoadmapJobData = { programmes: [programme("pMSK", MSK), programme("pVVO", VVO)] };
  const sent = simulate(roadmapJob, data, d("2026-12-15"), d("2027-01-20"));

  it("nudges the responsible role and the curators on the right school day, from 09:00 there", () => {
    const of = (userId: number) => [...sent.values()].filter((s) => s.due.notice.to === userId);
    for (const [tz, curator, mentor, child] of [[MSK, 11, 13, 14], [VVO, 21, 23, 24]] as const) {
      // The curator: stage 2 (their own) and stage 6 (curators keep the roadmap), three nudges each.
      const curatorNudges = of(curator).map((s) => `${s.due.notice.vars!["number"]}:${s.due.notice.key}:${localDay(s.at, tz)}`);
      expect(curatorNudges.sort()).toEqual(
        ["2:stage-nudge-7d:2026-12-24", "2:stage-nudge-1d:2026-12-30", "2:stage-nudge-overdue:2027-01-01", "6:stage-nudge-7d:2027-01-03", "6:stage-nudge-1d:2027-01-09", "6:stage-nudge-overdue:2027-01-11"].sort(),
      );
      for (const s of of(curator)) expect(localHour(s.at, tz)).toBe(9);
      // Mentors only for stage 6; a student mentor's nudge is marked for the quiet hours.
      expect(of(mentor).map((s) => s.due.notice.key).sort()).toEqual(["stage-nudge-1d", "stage-nudge-7d", "stage-nudge-overdue"]);
      expect(of(child).every((s) => s.due.audience === "child")).toBe(true);
      expect(of(mentor).every((s) => s.due.audience === "adult" && s.due.timeZone === tz)).toBe(true);
    }
    // The director's stage 4 is done: no nudge about it, and none about the curators' stages.
    expect(of(12)).toEqual([]);
    expect(of(22)).toEqual([]);
  });

  it("Vladivostok's nudge comes seven hours before Moscow's, each at 09:00 local", () => {
    const at = (userId: number, key: string) => [...sent.values()].find((s) => s.due.notice.to === userId && s.due.notice.key === key && s.due.notice.vars!["number"] === 2)!.at;
    expect(at(11, "stage-nudge-7d").getTime() - at(21, "stage-nudge-7d").getTime()).toBe(7 * 3_600_000);
  });

  it("keys follow stage:<programme>:<stage>:<kind>:<user>, one per person and kind", () => {
    expect([...sent.keys()]).toContain("stage:pMSK:2:7d:11");
    expect([...sent.keys()]).toContain("stage:pVVO:6:overdue:24");
    expect(sent.size).toBe(2 * (6 + 3 + 3));
  });

  it("a bot down on the day sends the nudge late within the window, never a stale one", () => {
    const late = roadmapJob.due(new Date("2026-12-26T10:00:00+03:00"), data).filter((n) => n.notice.to === 11);
    expect(late.map((n) => n.key)).toEqual(["stage:pMSK:2:7d:11"]);
    expect(roadmapJob.due(new Date("2027-01-05T10:00:00+03:00"), data).filter((n) => n.key.startsWith("stage:pMSK:2:"))).toEqual([]);
  });
});

describe("quiet pairs", () => {
  const data: QuietPairsJobData = {
    pairs: [
      { programmeId: "pMSK", pairId: "pairMSK", timeZone: MSK, mentor: { userId: 31, child: false }, mentees: ["Петя"], since: d("2026-11-01"), days: 21 },
      { programmeId: "pVVO", pairId: "pairVVO", timeZone: VVO, mentor: { userId: 41, child: true }, mentees: ["Коля"], since: d("2026-11-01"), days: 21 },
    ],
  };

  it("nudges each mentor once per quiet spell, from 09:00 school time, with the pair menu's button", () => {
    const sent = simulate(quietPairsJob, data, d("2026-11-22"), d("2026-11-25"));
    expect([...sent.keys()].sort()).toEqual(["quiet:pairMSK:2026-11-01:31", "quiet:pairVVO:2026-11-01:41"]);
    const msk = sent.get("quiet:pairMSK:2026-11-01:31")!;
    expect(localHour(msk.at, MSK)).toBe(9);
    expect(msk.due.notice.actions![0]![0]!.action).toEqual({ type: "pairMenu", pairId: "pairMSK" });
    expect(sent.get("quiet:pairVVO:2026-11-01:41")!.due.audience).toBe("child");
  });

  it("a new quiet spell (after a confirmed meeting) has a new key", () => {
    const later = quietPairsJob.due(new Date("2026-12-30T12:00:00+03:00"), { pairs: [{ ...data.pairs[0]!, since: d("2026-12-05") }] });
    expect(later.map((n) => n.key)).toEqual(["quiet:pairMSK:2026-12-05:31"]);
  });
});

describe("the curators' weekly digest and the director's monthly summary", () => {
  const figures: DigestFigures = { newPeople: 3, consents: 2, unpaired: 1, quietPairs: 1, openFlags: 0, overdueReports: 0, lateMonth: "2026-10", unreachable: 1, activePairs: 4, stage: { stage: 2, deadline: d("2026-12-31") } };
  const weekly = (day: string): DigestJobData => ({
    programmes: [
      { programmeId: "pMSK", timeZone: MSK, day: d(day), to: [{ userId: 11, child: false }, { userId: 12, child: false }], figures },
      { programmeId: "pVVO", timeZone: VVO, day: d(day), to: [{ userId: 21, child: false }], figures },
    ],
  });

  it("goes out on Monday from 09:00 school time, once per curator per week", () => {
    // Monday 7 December 2026: the load read each school's figures for its Monday.
    const sent = simulate(weeklyDigestJob, weekly("2026-12-07"), new Date("2026-12-06T00:00:00Z"), new Date("2026-12-09T00:00:00Z"));
    expect([...sent.keys()].sort()).toEqual(["digest:pMSK:11:2026-12-07", "digest:pMSK:12:2026-12-07", "digest:pVVO:21:2026-12-07"]);
    for (const s of sent.values()) {
      const tz = s.due.timeZone;
      expect(localDay(s.at, tz)).toBe("2026-12-07");
      expect(localHour(s.at, tz)).toBe(9);
      expect(s.due.notice.key).toBe("digest-weekly");
      expect(s.due.notice.vars).toMatchObject({ newPeople: 3, consents: 2, unpaired: 1, quietPairs: 1, unreachable: 1, number: 2 });
    }
    // Its buttons open the lists behind the numbers, and the roadmap.
    const actions = sent.get("digest:pMSK:11:2026-12-07")!.due.notice.actions!.flat().map((b) => b.action);
    expect(actions).toContainEqual({ type: "digestList", programmeId: "pMSK", list: "new-week", page: 0 });
    expect(actions).toContainEqual({ type: "digestList", programmeId: "pMSK", list: "quiet", page: 0 });
    expect(actions).toContainEqual({ type: "roadmapOpen", programmeId: "pMSK" });
  });

  it("is not sent on other days, nor from figures read for another Monday", () => {
    expect(weeklyDigestJob.due(new Date("2026-12-09T12:00:00+03:00"), weekly("2026-12-07"))).toEqual([]);
    expect(weeklyDigestJob.due(new Date("2026-12-14T12:00:00+03:00"), weekly("2026-12-07"))).toEqual([]);
  });

  it("the director's summary goes out on the 1st from 09:00, once a month", () => {
    const data: DigestJobData = { programmes: [{ programmeId: "pVVO", timeZone: VVO, day: d("2027-01-01"), to: [{ userId: 22, child: false }], figures }] };
    const sent = simulate(monthlySummaryJob, data, new Date("2026-12-31T00:00:00Z"), new Date("2027-01-03T00:00:00Z"));
    expect([...sent.keys()]).toEqual(["summary:pVVO:22:2027-01"]);
    const s = sent.get("summary:pVVO:22:2027-01")!;
    expect(localDay(s.at, VVO)).toBe("2027-01-01");
    expect(localHour(s.at, VVO)).toBe(9);
    expect(s.due.notice.actions!.flat().map((b) => b.action)).toContainEqual({ type: "digestList", programmeId: "pVVO", list: "new-month", page: 0 });
  });
});
