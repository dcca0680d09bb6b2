import { describe, expect, it } from "vitest";
import { looksAt } from "../../src/jobs/due.js";
import { JOBS } from "../../src/jobs/registry.js";

describe("how often each job looks", () => {
  const minutes = (job: { name: string; everyMinutes?: number }, from: Date, count: number) =>
    Array.from({ length: count }, (_, i) => new Date(from.getTime() + i * 60_000)).filter((t) => looksAt(job, t)).length;
  const from = new Date("2026-12-02T06:00:00Z");

  it("a job looks once in each of its periods, at a minute of its own; a job without a cadence every minute", () => {
    expect(minutes({ name: "every-minute" }, from, 120)).toBe(120);
    expect(minutes({ name: "hourly", everyMinutes: 60 }, from, 180)).toBe(3);
    expect(minutes({ name: "quarter", everyMinutes: 15 }, from, 60)).toBe(4);
  });

  it("the jobs whose notices are due by the day look hourly, spread over the hour; meetings and flags every 15 minutes", () => {
    const cadence = Object.fromEntries(JOBS.map((j) => [j.name, j.everyMinutes ?? 1]));
    expect(cadence).toMatchObject({ "meeting-reminders": 15, "meeting-follow-ups": 15, "flags-not-handled": 15, pending: 60, "monthly-report": 60, "final-report": 60, "stage-nudges": 60, "quiet-pairs": 60 });
    const hourly = JOBS.filter((j) => j.everyMinutes === 60);
    const minuteOf = (job: (typeof JOBS)[number]) => Array.from({ length: 60 }, (_, i) => i).find((i) => looksAt(job, new Date(from.getTime() + i * 60_000)));
    // Not all at one minute of the hour.
    expect(new Set(hourly.map(minuteOf)).size).toBeGreaterThan(hourly.length / 2);
  });
});
