import { describe, expect, it } from "vitest";
import { currentStage, datesProblem, defaultRoadmap, shiftEdge, stageNudgeDue, STAGE_NUMBERS, type StageState } from "../../src/domain/roadmap.js";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);

describe("the roadmap's default plan", () => {
  it("a programme started in September gets the methodology's typical months", () => {
    const plan = defaultRoadmap("2026/2027", d("2026-09-03"));
    expect(plan.map((s) => [s.stage, iso(s.start), iso(s.deadline), s.role])).toEqual([
      [1, "2026-08-01", "2026-11-30", "director"],
      [2, "2026-11-01", "2026-12-31", "curator"],
      [3, "2026-12-01", "2027-01-31", "curator"],
      [4, "2027-01-01", "2027-02-28", "director"],
      [5, "2027-01-01", "2027-02-28", "curator"],
      [6, "2027-01-01", "2027-05-31", "mentor"],
      [7, "2027-05-01", "2027-06-30", "curator"],
    ]);
  });

  it("a programme set up in advance (August, or the spring before) gets the typical months too", () => {
    expect(defaultRoadmap("2026/2027", d("2026-04-10"))).toEqual(defaultRoadmap("2026/2027", d("2026-09-30")));
  });

  it("a programme started mid-year runs the same sequence from its month, squeezed towards June", () => {
    const plan = defaultRoadmap("2026/2027", d("2027-01-15"));
    // January to June is six months: the plan takes seven, a month at least per stage.
    expect(iso(plan[0]!.start)).toBe("2027-01-01");
    expect(iso(plan[6]!.deadline)).toBe("2027-07-31");
    for (const s of plan) expect(s.start.getTime()).toBeLessThanOrEqual(s.deadline.getTime());
    // Stages keep their order: each starts no earlier than the one before.
    for (let i = 1; i < plan.length; i++) expect(plan[i]!.start.getTime()).toBeGreaterThanOrEqual(plan[i - 1]!.start.getTime());
    expect(plan.map((s) => s.role)).toEqual(defaultRoadmap("2026/2027", d("2026-09-01")).map((s) => s.role));
  });

  it("a programme started in November ends in June as usual", () => {
    const plan = defaultRoadmap("2026/2027", d("2026-11-20"));
    expect(iso(plan[0]!.start)).toBe("2026-11-01");
    expect(iso(plan[6]!.deadline)).toBe("2027-06-30");
  });
});

describe("editing and following the roadmap", () => {
  const stage = { start: d("2026-11-01"), deadline: d("2026-12-31") };
  it("moves an edge by whole weeks and refuses a start after the deadline", () => {
    expect(iso(shiftEdge(stage, "deadline", 1).deadline)).toBe("2027-01-07");
    expect(iso(shiftEdge(stage, "start", -1).start)).toBe("2026-10-25");
    expect(datesProblem(d("2027-01-01"), d("2026-12-31"))).toBe("roadmap-start-after-deadline");
    expect(datesProblem(d("2026-12-31"), d("2026-12-31"))).toBeNull();
  });

  it("the current stage is the first one not done", () => {
    const plan: StageState[] = defaultRoadmap("2026/2027", d("2026-09-01")).map((s) => ({ ...s, doneOn: null, result: null }));
    expect(currentStage(plan)?.stage).toBe(1);
    plan[0]!.doneOn = d("2026-10-01");
    expect(currentStage(plan)?.stage).toBe(2);
    for (const s of plan) s.doneOn = d("2027-06-01");
    expect(currentStage(plan)).toBeNull();
  });

  it("nudges 7 days before, 1 day before and the day after the deadline, each with a short look-back", () => {
    const deadline = d("2026-11-30");
    const on = (day: string) => stageNudgeDue(deadline, d(day));
    expect(on("2026-11-22")).toBeNull();
    expect(on("2026-11-23")).toBe("7d");
    expect(on("2026-11-25")).toBe("7d");
    expect(on("2026-11-26")).toBeNull();
    expect(on("2026-11-29")).toBe("1d");
    expect(on("2026-11-30")).toBe("1d");
    expect(on("2026-12-01")).toBe("overdue");
    expect(on("2026-12-03")).toBe("overdue");
    expect(on("2026-12-04")).toBeNull();
    expect(STAGE_NUMBERS).toHaveLength(7);
  });
});
