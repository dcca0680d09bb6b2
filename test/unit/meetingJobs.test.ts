import { describe, expect, it } from "vitest";
import { dueFollowUps, dueReminders, type PlannedMeetingData } from "../../src/jobs/meetings.js";

// The planned meetings' jobs are pure: `due(now, data)` with the clock given, nothing waited for.

const startsAt = new Date("2026-12-10T12:00:00Z");
const data: PlannedMeetingData[] = [
  {
    meeting: { _id: "meeting00001", pairId: "pair00000001", type: "working", format: "in-person", day: new Date("2026-12-10T00:00:00Z"), startsAt, place: "Каб. 12", topic: "Родительское собрание", durationMin: 45, createdAt: new Date("2026-12-01T10:00:00Z") },
    timeZone: "Europe/Moscow",
    plannedBy: "Анна",
    parties: [
      { membershipId: "mentor000001", userId: 1, child: false },
      { membershipId: "mentee000001", userId: 2, child: true },
    ],
  },
];
const at = (iso: string) => new Date(iso);

describe("the reminder the day before", () => {
  it("is due in the 24 hours before the start, for every side, keyed per meeting and person", () => {
    expect(dueReminders(at("2026-12-09T11:59:00Z"), data)).toEqual([]);
    const due = dueReminders(at("2026-12-09T15:00:00Z"), data);
    expect(due.map((d) => d.key)).toEqual(["meeting-reminder:meeting00001:mentor000001", "meeting-reminder:meeting00001:mentee000001"]);
    expect(due.map((d) => d.audience)).toEqual(["adult", "child"]);
    expect(due.every((d) => d.notice.key === "meeting-reminder" && d.timeZone === "Europe/Moscow")).toBe(true);
    // Its button opens the pair's meetings, where the planned one is.
    expect(due.map((d) => d.notice.actions?.[0]?.[0]?.action)).toEqual([0, 1].map(() => ({ type: "meetingList", pairId: "pair00000001", page: 0 })));
    expect(dueReminders(at("2026-12-10T12:00:00Z"), data)).toEqual([]);
  });
  it("is not sent for a meeting planned within its last day (the plan itself told them)", () => {
    const late = [{ ...data[0]!, meeting: { ...data[0]!.meeting, createdAt: at("2026-12-09T20:00:00Z") } }];
    expect(dueReminders(at("2026-12-10T08:00:00Z"), late)).toEqual([]);
  });
});

describe("«Как прошла встреча?»", () => {
  it("is due once the meeting is over, for a week, with the one-tap buttons", () => {
    expect(dueFollowUps(at("2026-12-10T12:30:00Z"), data)).toEqual([]);
    const due = dueFollowUps(at("2026-12-10T12:45:00Z"), data);
    expect(due.map((d) => d.key)).toEqual(["meeting-followup:meeting00001:mentor000001", "meeting-followup:meeting00001:mentee000001"]);
    expect(due[0]!.notice.actions?.flat().map((b) => b.action)).toEqual([
      { type: "meetingHeld", meetingId: "meeting00001", held: "y" },
      { type: "meetingHeld", meetingId: "meeting00001", held: "n" },
    ]);
    expect(dueFollowUps(at("2026-12-17T12:45:00Z"), data)).toEqual([]);
  });
});
