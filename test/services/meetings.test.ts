import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates.js";
import { meetingFollowUpsJob, meetingRemindersJob } from "../../src/jobs/meetings.js";
import { answerMeeting, logMeeting, meetingDraft, meetingHeld, meetingsToCheck, pairMeetings, planMeeting, type LogInput } from "../../src/services/meetings.js";
import type { Actor } from "../../src/services/deps.js";
import { activePairInStore, newUserId, pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// Meetings through the services alone, on FerretDB: logged and confirmed, disputed, a group's
// answers, planned with a calendar file and its jobs, every bad input refused with nothing
// changed, and a hundred presses of one answer giving one record and one notice.

const NOW = new Date("2026-12-02T09:00:00Z"); // 12:00 in Moscow
const f = useServices({ operatorIds: [1], now: NOW });
const { programme, teacherMentor, teacherMentee, person } = pairsSetup(f);

const START = new Date(Date.UTC(2026, 10, 1));
const END = new Date(Date.UTC(2027, 4, 31));
const TODAY = new Date(Date.UTC(2026, 11, 2));

async function activePair(programmeId: string, mentorId: string, menteeIds: string[]) {
  return (await activePairInStore(f.store, { programmeId, mentorId, menteeIds, at: NOW, startDate: START, plannedEnd: END }))._id;
}

async function world(mentees = 1) {
  const { programmeId, curator } = await programme();
  const mentor = await teacherMentor(programmeId, "Ирина Орлова", { limit: 3 });
  const people = [];
  for (let i = 0; i < mentees; i++) people.push(await teacherMentee(programmeId, `Анна Новикова ${i + 1}`));
  const pairId = await activePair(programmeId, mentor.id, people.map((p) => p.id));
  return { programmeId, curator, mentor, mentees: people, pairId };
}

const logInput = (pairId: string, extra: Partial<LogInput> = {}): LogInput => ({ pairId, type: "introduction", day: TODAY, format: "in-person", durationMin: 45, topic: "Знакомство с коллективом", ...extra });

describe("a logged meeting", () => {
  it("is confirmed by the mentee; the mentor is told; the next type is suggested", async () => {
    const { mentor, mentees, pairId } = await world();
    const [anna] = mentees;
    const draft = await meetingDraft(f.deps, mentor.actor, { pairId });
    expect(draft.ok && draft.value.suggested).toBe("introduction");
    const logged = await logMeeting(f.deps, mentor.actor, logInput(pairId, { result: "Познакомились", nextSteps: "" }));
    expect(logged.ok).toBe(true);
    const meetingId = logged.ok ? logged.value._id : "";
    expect(logged.ok && logged.value.nextSteps).toBeNull();
    const ask = f.deps.notices.to(anna!.actor.userId);
    expect(ask.map((n) => n.key)).toEqual(["meeting-confirm-ask"]);
    expect(ask[0]!.actions?.[0]?.map((b) => b.action)).toEqual([
      { type: "meetingAnswer", meetingId, answer: "y" },
      { type: "meetingAnswer", meetingId, answer: "n" },
    ]);
    // The one who logged it cannot confirm it.
    expect(await answerMeeting(f.deps, mentor.actor, { meetingId, answer: "confirmed" })).toMatchObject({ ok: false, reason: "meeting-answer-own" });
    expect(await answerMeeting(f.deps, anna!.actor, { meetingId, answer: "confirmed" })).toMatchObject({ ok: true });
    expect((await f.store.meetings.get(meetingId))?.status).toBe("confirmed");
    // Told it was confirmed, then asked to rate it (feedback after each meeting).
    expect(f.deps.notices.keys(mentor.actor.userId)).toEqual(["meeting-answered-confirmed", "feedback-ask"]);
    expect(f.deps.notices.keys(anna!.actor.userId)).toContain("feedback-ask");
    const next = await meetingDraft(f.deps, anna!.actor, { pairId });
    expect(next.ok && next.value.suggested).toBe("trial");
  });

  it("is disputed when the other side says it did not happen, and the curator sees it", async () => {
    const { programmeId, curator, mentor, mentees, pairId } = await world();
    const logged = await logMeeting(f.deps, mentees[0]!.actor, logInput(pairId, { day: addDays(TODAY, -1) }));
    const meetingId = logged.ok ? logged.value._id : "";
    const unconfirmed = await logMeeting(f.deps, mentor.actor, logInput(pairId, { type: "trial", topic: "Пробный урок" }));
    expect(unconfirmed.ok).toBe(true);
    expect(await answerMeeting(f.deps, mentor.actor, { meetingId, answer: "disputed" })).toMatchObject({ ok: true });
    expect((await f.store.meetings.get(meetingId))?.status).toBe("disputed");
    expect(f.deps.notices.keys(mentees[0]!.actor.userId)).toContain("meeting-answered-disputed");
    const list = await meetingsToCheck(f.deps, curator, { programmeId, page: 0 });
    expect(list.ok && list.value.page.items.map((i) => i.meeting.status)).toEqual(["disputed", "logged"]);
    expect(list.ok && list.value.page.items[1]!.waitingFor.length).toBe(1);
    // Not for a mentor, nor a curator of another programme.
    expect(await meetingsToCheck(f.deps, mentor.actor, { programmeId, page: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
    const other = await programme("Другая школа");
    expect(await meetingsToCheck(f.deps, other.curator, { programmeId, page: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
  });

  it("in a group, is confirmed only when each mentee confirmed", async () => {
    const { mentor, mentees, pairId } = await world(3);
    const logged = await logMeeting(f.deps, mentor.actor, logInput(pairId));
    const meetingId = logged.ok ? logged.value._id : "";
    for (const m of mentees) expect(f.deps.notices.keys(m.actor.userId)).toEqual(["meeting-confirm-ask"]);
    await answerMeeting(f.deps, mentees[0]!.actor, { meetingId, answer: "confirmed" });
    await answerMeeting(f.deps, mentees[1]!.actor, { meetingId, answer: "confirmed" });
    expect((await f.store.meetings.get(meetingId))?.status).toBe("logged");
    await answerMeeting(f.deps, mentees[2]!.actor, { meetingId, answer: "confirmed" });
    const done = await f.store.meetings.get(meetingId);
    expect(done?.status).toBe("confirmed");
    expect(Object.keys(done!.answers).sort()).toEqual(mentees.map((m) => m.id).sort());
  });

  it("answered a hundred times at once gives one answer and one notice", async () => {
    const { mentor, mentees, pairId } = await world(2);
    const logged = await logMeeting(f.deps, mentor.actor, logInput(pairId));
    const meetingId = logged.ok ? logged.value._id : "";
    f.deps.notices.clear();
    const presses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => answerMeeting(f.deps, mentees[i % 2]!.actor, { meetingId, answer: "confirmed" })),
    );
    expect(presses.filter((r) => r.ok)).toHaveLength(2);
    expect(presses.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "meeting-already-answered")).toBe(true);
    // One notice per mentee's answer, and once both confirmed, one request to rate it.
    expect(f.deps.notices.keys(mentor.actor.userId)).toEqual(["meeting-answered-confirmed", "meeting-answered-confirmed", "feedback-ask"]);
    expect((await f.store.meetings.get(meetingId))?.status).toBe("confirmed");
    // The same save pressed twice: one meeting.
    const id = f.store.meetings.newId();
    expect((await logMeeting(f.deps, mentor.actor, logInput(pairId, { meetingId: id }))).ok).toBe(true);
    expect(await logMeeting(f.deps, mentor.actor, logInput(pairId, { meetingId: id }))).toMatchObject({ ok: false, reason: "meeting-already-saved" });
    expect((await f.store.meetings.ofPair(pairId)).length).toBe(2);
  });
});

describe("bad input", () => {
  it("is refused with its reason and changes nothing", async () => {
    const { programmeId, mentor, pairId } = await world();
    const cases: [Partial<LogInput>, string][] = [
      [{ day: addDays(TODAY, 1) }, "meeting-day-in-the-future"],
      [{ day: addDays(START, -1) }, "meeting-day-before-start"],
      [{ durationMin: 4 }, "meeting-duration-too-short"],
      [{ durationMin: 481 }, "meeting-duration-too-long"],
      [{ topic: "   " }, "meeting-topic-empty"],
      [{ topic: "т".repeat(201) }, "meeting-text-too-long"],
      [{ result: "р".repeat(1001) }, "meeting-text-too-long"],
      [{ planItemId: "nosuchitem01" }, "meeting-plan-item-gone"],
    ];
    for (const [extra, reason] of cases) expect(await logMeeting(f.deps, mentor.actor, logInput(pairId, extra))).toMatchObject({ ok: false, reason });
    // A pair the person is not in: a mentor of another pair, a stranger.
    const other = await teacherMentor(programmeId, "Павел Смирнов");
    const stranger: Actor = { userId: newUserId() };
    for (const who of [other.actor, stranger]) {
      expect(await logMeeting(f.deps, who, logInput(pairId))).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await pairMeetings(f.deps, who, { pairId, page: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
    }
    const plans: [Partial<Parameters<typeof planMeeting>[2]>, string][] = [
      [{ day: TODAY, minutes: 11 * 60 }, "meeting-planned-in-the-past"],
      [{ day: addDays(END, 1) }, "meeting-planned-after-end"],
      [{ minutes: 25 * 60 }, "meeting-time-bad"],
      [{ place: " " }, "meeting-place-empty"],
      [{ durationMin: 600 }, "meeting-duration-too-long"],
    ];
    for (const [extra, reason] of plans) {
      expect(await planMeeting(f.deps, mentor.actor, { pairId, type: "trial", format: "online", day: addDays(TODAY, 1), minutes: 15 * 60, durationMin: 45, place: "https://meet.example/x", topic: "Пробный урок", ...extra })).toMatchObject({ ok: false, reason });
    }
    expect(await f.store.meetings.ofPair(pairId)).toEqual([]);
    expect(f.deps.notices.sent).toEqual([]);
  });
});

describe("a planned meeting", () => {
  it("sends both sides a calendar file, a reminder the day before, and «Как прошла встреча?» that logs it in one tap", async () => {
    const { mentor, mentees, pairId } = await world();
    const anna = mentees[0]!;
    const planned = await planMeeting(f.deps, mentor.actor, { pairId, type: "introduction", format: "in-person", day: addDays(TODAY, 3), minutes: 15 * 60 + 30, durationMin: 45, place: "Каб. 12", topic: "Знакомство" });
    expect(planned.ok).toBe(true);
    const meetingId = planned.ok ? planned.value._id : "";
    expect(planned.ok && planned.value.startsAt?.toISOString()).toBe("2026-12-05T12:30:00.000Z");
    for (const who of [mentor, anna]) {
      const [notice] = f.deps.notices.to(who.actor.userId);
      expect(notice?.key).toBe("meeting-planned");
      expect(notice?.file).toMatchObject({ kind: "document", fileName: "meeting.ics", protect: true });
      const ics = new TextDecoder().decode(notice!.file!.bytes);
      expect(ics).toContain("DTSTART:20261205T123000Z\r\n");
      expect(ics).toContain("DTEND:20261205T131500Z\r\n");
      expect(ics).toContain(`UID:${meetingId}@mentorship-bot\r\n`);
    }
    // A planned meeting is not answered before it is held.
    expect(await meetingHeld(f.deps, anna.actor, { meetingId, held: true })).toMatchObject({ ok: false, reason: "meeting-not-held-yet" });
    expect(await answerMeeting(f.deps, anna.actor, { meetingId, answer: "confirmed" })).toMatchObject({ ok: false, reason: "meeting-not-held-yet" });

    const dayBefore = new Date("2026-12-04T16:00:00Z");
    const reminders = meetingRemindersJob.due(dayBefore, await meetingRemindersJob.load(f.deps, dayBefore));
    expect(reminders.map((r) => r.key).sort()).toEqual([`meeting-reminder:${meetingId}:${anna.id}`, `meeting-reminder:${meetingId}:${mentor.id}`].sort());
    expect(meetingFollowUpsJob.due(dayBefore, await meetingFollowUpsJob.load(f.deps, dayBefore))).toEqual([]);

    const after = new Date("2026-12-05T14:00:00Z");
    f.setNow(after);
    const followUps = meetingFollowUpsJob.due(after, await meetingFollowUpsJob.load(f.deps, after));
    expect(followUps.map((r) => r.notice.to).sort()).toEqual([mentor.actor.userId, anna.actor.userId].sort());
    f.deps.notices.clear();
    // The mentee taps «прошла»: logged by her, the mentor asked to confirm; his «прошла» confirms it.
    expect(await meetingHeld(f.deps, anna.actor, { meetingId, held: true })).toMatchObject({ ok: true, value: { outcome: "logged" } });
    expect(f.deps.notices.keys(mentor.actor.userId)).toEqual(["meeting-confirm-ask"]);
    expect(await meetingHeld(f.deps, mentor.actor, { meetingId, held: true })).toMatchObject({ ok: true, value: { outcome: "confirmed" } });
    expect((await f.store.meetings.get(meetingId))?.status).toBe("confirmed");
    expect(await meetingHeld(f.deps, mentor.actor, { meetingId, held: true })).toMatchObject({ ok: false, reason: "meeting-already-answered" });
    // Once answered, no more follow-ups.
    expect(meetingFollowUpsJob.due(after, await meetingFollowUpsJob.load(f.deps, after))).toEqual([]);
  });

  it("for a pupil, its notices wait out the night (audience child)", async () => {
    const { programmeId, mentor } = await world();
    const pupil = await person(programmeId, { name: "Петя Учеников", role: "mentee", category: "student", grade: 7, answers: { requests: ["adaptation"] }, parent: "paper" });
    const pairId = await activePair(programmeId, mentor.id, [pupil.id]);
    const planned = await planMeeting(f.deps, mentor.actor, { pairId, type: "introduction", format: "online", day: addDays(TODAY, 3), minutes: 15 * 60, durationMin: 30, place: "https://meet.example/x", topic: "Знакомство" });
    expect(planned.ok).toBe(true);
    const at = new Date("2026-12-04T15:00:00Z");
    const due = meetingRemindersJob.due(at, await meetingRemindersJob.load(f.deps, at));
    expect(due.find((d) => d.notice.to === pupil.actor.userId)?.audience).toBe("child");
    expect(due.find((d) => d.notice.to === mentor.actor.userId)?.audience).toBe("adult");
  });
});
