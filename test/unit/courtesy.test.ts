import { describe, expect, it } from "vitest";
import { deliverableFrom, schoolMoment } from "../../src/domain/courtesy.js";
import { pendingJob, PENDING_LOOKBACK_DAYS, type PendingData } from "../../src/jobs/pending.js";

// Courtesy with an injected clock, in two schools' time zones: a student's message waits for 08:00
// school time and for the end of the holidays; an adult's goes at once. And the Pending job's
// reminders: on the right day, once per key, not after its look-back.

const MOSCOW = "Europe/Moscow"; // UTC+3
const VLADIVOSTOK = "Asia/Vladivostok"; // UTC+10
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("quiet hours and holidays", () => {
  it("a student's message at 22:00 waits for 08:00 the next morning, in each school's zone", () => {
    // 22:00 in Moscow is 19:00 UTC; 08:00 next morning is 05:00 UTC.
    expect(deliverableFrom(new Date("2026-11-24T19:00:00Z"), "child", MOSCOW)).toEqual(new Date("2026-11-25T05:00:00Z"));
    // The same instant is 05:00 in Vladivostok (next day): it waits three hours, until 08:00 there.
    expect(deliverableFrom(new Date("2026-11-24T19:00:00Z"), "child", VLADIVOSTOK)).toEqual(new Date("2026-11-24T22:00:00Z"));
    // 12:00 in Moscow (09:00 UTC) is 19:00 in Vladivostok: both go at once.
    const noon = new Date("2026-11-24T09:00:00Z");
    expect(deliverableFrom(noon, "child", MOSCOW)).toEqual(noon);
    expect(deliverableFrom(noon, "child", VLADIVOSTOK)).toEqual(noon);
    // 21:00 sharp is night; 07:59 still night; 08:00 day.
    expect(deliverableFrom(new Date("2026-11-24T18:00:00Z"), "child", MOSCOW)).toEqual(new Date("2026-11-25T05:00:00Z"));
    expect(deliverableFrom(new Date("2026-11-25T04:59:00Z"), "child", MOSCOW)).toEqual(new Date("2026-11-25T05:00:00Z"));
    expect(deliverableFrom(new Date("2026-11-25T05:00:00Z"), "child", MOSCOW)).toEqual(new Date("2026-11-25T05:00:00Z"));
  });

  it("an adult's message never waits", () => {
    const night = new Date("2026-11-24T23:30:00Z");
    expect(deliverableFrom(night, "adult", MOSCOW)).toEqual(night);
    expect(deliverableFrom(night, "adult", MOSCOW, [{ from: day("2026-11-20"), to: day("2026-11-30") }])).toEqual(night);
  });

  it("a student's message in the holidays waits for 08:00 of the first day after them", () => {
    const holidays = [{ from: day("2026-12-29"), to: day("2027-01-08") }];
    // Noon on 3 January in Moscow: holidays; goes at 08:00 on 9 January.
    expect(deliverableFrom(new Date("2027-01-03T09:00:00Z"), "child", MOSCOW, holidays)).toEqual(new Date("2027-01-09T05:00:00Z"));
    // 22:00 on 28 December: the next morning is a holiday too.
    expect(deliverableFrom(new Date("2026-12-28T19:00:00Z"), "child", MOSCOW, holidays)).toEqual(new Date("2027-01-09T05:00:00Z"));
    // In Vladivostok the holidays are the school's own calendar days.
    expect(deliverableFrom(new Date("2027-01-08T14:00:00Z"), "child", VLADIVOSTOK, holidays)).toEqual(schoolMoment(day("2027-01-09"), 8, VLADIVOSTOK));
    expect(schoolMoment(day("2027-01-09"), 8, VLADIVOSTOK)).toEqual(new Date("2027-01-08T22:00:00Z"));
  });
});

describe("the Pending job", () => {
  const since = new Date("2026-11-20T09:00:00Z");
  const data: PendingData = {
    consents: [
      { membershipId: "m1", programmeId: "p1", intake: "invited", since, category: "student", timeZone: MOSCOW, notice: { to: 1, key: "remind-consent" } },
      { membershipId: "m2", programmeId: "p2", intake: "parent", since, category: "teacher", timeZone: VLADIVOSTOK, notice: { to: 2, key: "remind-parent" } },
    ],
    agreements: [{ pairId: "pair1", programmeId: "p1", proposedAt: since, timeZone: MOSCOW, asks: [{ party: "mentee:m3", notice: { to: 3, key: "pair-ask" }, child: false }] }],
  };

  it("reminds each once, 3 days on, with keys that make a second run send nothing", () => {
    expect(pendingJob.due(new Date("2026-11-23T08:59:00Z"), data)).toEqual([]);
    const due = pendingJob.due(new Date("2026-11-23T09:00:00Z"), data);
    expect(due.map((d) => [d.key, d.audience, d.timeZone])).toEqual([
      ["pending-consent:m1:invited", "child", MOSCOW],
      ["pending-consent:m2:parent", "adult", VLADIVOSTOK],
      ["pending-agreement:pair1:mentee:m3", "adult", MOSCOW],
    ]);
    // The agreement is essential (reaches a person who muted nudges); the consents are not.
    expect(due.map((d) => d.essential ?? false)).toEqual([false, false, true]);
    // The next day's run has the same keys: the outbox's unique insert sends nothing again.
    expect(pendingJob.due(new Date("2026-11-24T09:00:00Z"), data).map((d) => d.key)).toEqual(due.map((d) => d.key));
  });

  it("does not send a stale reminder after a long stop", () => {
    const late = new Date(since.getTime() + (3 + PENDING_LOOKBACK_DAYS) * 86_400_000 + 60_000);
    expect(pendingJob.due(late, data)).toEqual([]);
  });
});
