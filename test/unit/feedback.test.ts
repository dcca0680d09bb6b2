import { describe, expect, it } from "vitest";
import { AVERAGE_SHOWN_FROM, FLAG_RERAISE_AFTER_MS, RATING_EMOJI, averageRating, flagReraiseDue, isLowRating, isRating } from "../../src/domain/feedback.js";
import { flagsJob, type FlagsJobData, type OpenFlag } from "../../src/jobs/flags.js";

// The rating scale, the low-rating rule, and the flags-not-handled job's pure `due` with an injected clock.

describe("ratings", () => {
  it("are 1–5 with an emoji each; 1 and 2 are low", () => {
    expect([0, 1, 5, 6, 2.5].map(isRating)).toEqual([false, true, true, false, false]);
    expect(Object.values(RATING_EMOJI)).toEqual(["😞", "😕", "😐", "🙂", "😀"]);
    expect(([1, 2, 3, 4, 5] as const).map(isLowRating)).toEqual([true, true, false, false, false]);
  });

  it("average to one decimal, none without ratings", () => {
    expect(averageRating([])).toBeNull();
    expect(averageRating([5, 4, 4])).toBe(4.3);
    expect(AVERAGE_SHOWN_FROM).toBeGreaterThan(1);
  });

  it("an open flag is due again 24 hours after it was raised, a handled one never", () => {
    const raisedAt = new Date("2026-11-10T20:00:00Z");
    expect(flagReraiseDue({ raisedAt, handledAt: null }, new Date(raisedAt.getTime() + FLAG_RERAISE_AFTER_MS - 1))).toBe(false);
    expect(flagReraiseDue({ raisedAt, handledAt: null }, new Date(raisedAt.getTime() + FLAG_RERAISE_AFTER_MS))).toBe(true);
    expect(flagReraiseDue({ raisedAt, handledAt: new Date(raisedAt.getTime() + 1000) }, new Date(raisedAt.getTime() + 2 * FLAG_RERAISE_AFTER_MS))).toBe(false);
  });
});

describe("the flags-not-handled job", () => {
  const flag = (id: string, raisedAt: string, timeZone: string, handledAt: Date | null = null): OpenFlag => ({
    flagId: id,
    programmeId: `prog-${id}`,
    pairId: `pair-${id}`,
    raisedAt: new Date(raisedAt),
    handledAt,
    who: "Петя",
    pair: "пара",
    timeZone,
    receivers: [
      { membershipId: `cur-${id}`, userId: 1, role: "curator" },
      { membershipId: `dir-${id}`, userId: 2, role: "director" },
    ],
  });
  // Two schools in different zones: a flag raised at night in Vladivostok, one in the day in Kaliningrad.
  const data: FlagsJobData = {
    flags: [flag("a", "2026-11-10T14:00:00Z", "Asia/Vladivostok"), flag("b", "2026-11-10T18:00:00Z", "Europe/Kaliningrad"), flag("c", "2026-11-09T10:00:00Z", "Europe/Moscow", new Date("2026-11-09T11:00:00Z"))],
  };

  it("raises each open flag again after a day, to the curators and the director, urgent, at any hour", () => {
    expect(flagsJob.due(new Date("2026-11-11T13:59:59Z"), data)).toEqual([]);
    const first = flagsJob.due(new Date("2026-11-11T14:00:00Z"), data);
    expect(first.map((d) => d.key)).toEqual(["flag-reraise:a:cur-a", "flag-reraise:a:dir-a"]);
    expect(first.every((d) => d.urgent === true && d.audience === "adult" && d.timeZone === "Asia/Vladivostok" && d.notice.key === "flag-reraised")).toBe(true);
    // The curator opens the flag; the director opens the programme's list (no one's words in it).
    expect(first.map((d) => d.notice.actions![0]![0]!.action.type)).toEqual(["flagOpen", "flagsList"]);
    const later = flagsJob.due(new Date("2026-11-12T09:00:00Z"), data);
    expect(later.map((d) => d.key)).toEqual(["flag-reraise:a:cur-a", "flag-reraise:a:dir-a", "flag-reraise:b:cur-b", "flag-reraise:b:dir-b"]);
    // The same keys each run: the outbox sends a key once, so a flag is raised again once per receiver.
    expect(flagsJob.due(new Date("2026-11-20T09:00:00Z"), data).map((d) => d.key)).toEqual(later.map((d) => d.key));
  });
});
