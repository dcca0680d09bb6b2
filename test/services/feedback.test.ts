import { describe, expect, it } from "vitest";
import { flagsJob } from "../../src/jobs/flags.js";
import type { Actor } from "../../src/services/deps.js";
import { afterMeetingConfirmed, askForHelp, commentOnFlag, commentOnMeeting, flagCard, flagsList, handleFlag, rateMeeting } from "../../src/services/feedback.js";
import { parentCard, parentChildren, sideCard } from "../../src/services/pairCards.js";
import { pairCard } from "../../src/services/pairs.js";
import type { Meeting } from "../../src/store/meetings.js";
import { activePairInStore, newUserId, pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// Feedback after meetings and the safety flag, against FerretDB without a messenger: who is told
// what, once; the words go to curators only; the parent's card holds nothing about ratings.

const f = useServices();
const setup = pairsSetup(f);

async function world() {
  const { programmeId, curator } = await setup.programme();
  const curator2: Actor = { userId: newUserId() };
  const director: Actor = { userId: newUserId() };
  const now = f.deps.clock();
  await f.store.memberships.add({ userId: curator2.userId, programmeId, role: "curator", category: null, grade: null, invitationId: null }, now);
  await f.store.memberships.add({ userId: director.userId, programmeId, role: "director", category: null, grade: null, invitationId: null }, now);
  const mentor = await setup.teacherMentor(programmeId, "Анна Наставникова");
  const parent: Actor = { userId: newUserId() };
  const mentee = await setup.person(programmeId, { name: "Петя Учеников", role: "mentee", category: "student", grade: 7, answers: { requests: ["adaptation"] }, parent: parent.userId });
  const outsider = await setup.teacherMentor(programmeId, "Борис Чужой");
  const { startDate, plannedEnd } = setup.term();
  const pair = await activePairInStore(f.store, {
    programmeId,
    mentorId: mentor.id,
    menteeIds: [mentee.id],
    at: now,
    createdBy: curator.userId,
    form: "teacher-student",
    startDate,
    plannedEnd,
    parties: [`mentor:${mentor.id}`, `mentee:${mentee.id}`, `parent:${mentee.id}`],
  });
  const meeting = (status: Meeting["status"] = "confirmed", topic = "Первая встреча") =>
    f.store.meetings.insert({
      _id: f.store.meetings.newId(),
      pairId: pair._id,
      programmeId,
      type: "introduction",
      format: "in-person",
      day: startDate,
      durationMin: 45,
      topic,
      status,
      loggedBy: mentor.id,
      createdAt: now,
    });
  return { programmeId, curator, curator2, director, mentor, mentee, parent, outsider, pair, meeting };
}

describe("feedback after a meeting", () => {
  it("asks each participant once, with five emoji buttons; a hundred presses make one rating", async () => {
    const w = await world();
    const m = await w.meeting();
    await afterMeetingConfirmed(f.deps, m);
    const asks = f.deps.notices.sent.filter((n) => n.key === "feedback-ask");
    expect(asks.map((n) => n.to).sort()).toEqual([w.mentor.actor.userId, w.mentee.actor.userId].sort());
    expect(asks[0]!.actions![0]!.map((b) => b.label.key)).toEqual(["feedback-rate-1", "feedback-rate-2", "feedback-rate-3", "feedback-rate-4", "feedback-rate-5"]);

    const presses = await Promise.all(Array.from({ length: 100 }, () => rateMeeting(f.deps, w.mentor.actor, { meetingId: m._id, rating: 5 })));
    expect(presses.filter((p) => p.ok)).toHaveLength(1);
    expect(presses.find((p) => !p.ok)).toMatchObject({ reason: "feedback-already-rated" });
    expect(await f.store.feedback.ofPair(w.pair._id)).toHaveLength(1);

    // Asked again (the hook called twice): only who has not rated yet.
    f.deps.notices.clear();
    await afterMeetingConfirmed(f.deps, m);
    expect(f.deps.notices.sent.map((n) => n.to)).toEqual([w.mentee.actor.userId]);
  });

  it("refuses a meeting not confirmed, a rating out of range, and a person outside the pair", async () => {
    const w = await world();
    const logged = await w.meeting("logged");
    expect(await rateMeeting(f.deps, w.mentee.actor, { meetingId: logged._id, rating: 4 })).toMatchObject({ ok: false, reason: "feedback-not-confirmed" });
    const m = await w.meeting();
    expect(await rateMeeting(f.deps, w.mentee.actor, { meetingId: m._id, rating: 7 })).toMatchObject({ ok: false, reason: "feedback-bad-rating" });
    expect(await rateMeeting(f.deps, w.outsider.actor, { meetingId: m._id, rating: 4 })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await rateMeeting(f.deps, w.curator, { meetingId: m._id, rating: 4 })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await f.store.feedback.ofPair(w.pair._id)).toHaveLength(0);
  });

  it("a rating of 1 alerts every curator at once; the comment reaches curators only", async () => {
    const w = await world();
    const m = await w.meeting();
    const rated = await rateMeeting(f.deps, w.mentee.actor, { meetingId: m._id, rating: 1 });
    expect(rated).toMatchObject({ ok: true, value: { rating: 1, flagged: true } });
    const alerts = f.deps.notices.sent.filter((n) => n.key === "flag-alert-rating");
    expect(alerts.map((n) => n.to).sort()).toEqual([w.curator.userId, w.curator2.userId].sort());
    expect(alerts[0]!.actions!.flat().map((b) => b.action.type)).toEqual(["flagOpen", "pairCard"]);
    const [flag] = await f.store.flags.ofPair(w.pair._id);
    expect(flag).toMatchObject({ source: "rating", meetingId: m._id, raisedBy: w.mentee.id, handledAt: null });

    f.deps.notices.clear();
    expect(await commentOnMeeting(f.deps, w.mentee.actor, { meetingId: m._id, text: "Наставник на меня кричал" })).toMatchObject({ ok: true, value: { flagged: true } });
    const told = f.deps.notices.sent;
    expect(told.map((n) => n.to).sort()).toEqual([w.curator.userId, w.curator2.userId].sort());
    expect(told.every((n) => n.key === "flag-words" && n.vars?.["text"] === "Наставник на меня кричал")).toBe(true);
    // Never the other side, never the director, never the parent.
    for (const who of [w.mentor.actor.userId, w.director.userId, w.parent.userId]) expect(f.deps.notices.to(who)).toEqual([]);
    const mentorCard = await sideCard(f.deps, w.mentor.actor, { pairId: w.pair._id });
    expect(mentorCard.ok && JSON.stringify(mentorCard.value)).not.toMatch(/кричал/);
    const directorList = await flagsList(f.deps, w.director, { programmeId: w.programmeId, page: 0 });
    expect(directorList.ok && directorList.value.flags.items).toHaveLength(1);
    expect(directorList.ok && JSON.stringify(directorList.value)).not.toMatch(/кричал/);
    expect(await flagCard(f.deps, w.director, { flagId: flag!._id })).toMatchObject({ ok: false });
    // The curator's pair card has the open flag with the words, and the comment.
    const card = await pairCard(f.deps, w.curator, w.pair._id);
    expect(card.ok && card.value.stats.openFlags.map((l) => l.flag.comment)).toEqual(["Наставник на меня кричал"]);
    expect(card.ok && card.value.stats.comments.map((c) => c.text)).toEqual(["Наставник на меня кричал"]);
    expect(card.ok && card.value.stats.meetings).toEqual({ confirmed: 1, planned: 0, disputed: 0, waiting: 0 });
  });

  it("a comment on a good rating tells nobody; curators read it on the pair card; text over the limit is refused", async () => {
    const w = await world();
    const m = await w.meeting();
    await rateMeeting(f.deps, w.mentor.actor, { meetingId: m._id, rating: 4 });
    expect(await commentOnMeeting(f.deps, w.mentee.actor, { meetingId: m._id, text: "ок" })).toMatchObject({ ok: false, reason: "feedback-rate-first" });
    expect(await commentOnMeeting(f.deps, w.mentor.actor, { meetingId: m._id, text: "x".repeat(1001) })).toMatchObject({ ok: false, reason: "input-too-long" });
    expect(await commentOnMeeting(f.deps, w.mentor.actor, { meetingId: m._id, text: "Хорошо поговорили" })).toMatchObject({ ok: true, value: { flagged: false } });
    expect(f.deps.notices.sent).toEqual([]);
    expect(await f.store.flags.ofPair(w.pair._id)).toEqual([]);
    const menteeCard = await sideCard(f.deps, w.mentee.actor, { pairId: w.pair._id });
    expect(menteeCard.ok && JSON.stringify(menteeCard.value)).not.toMatch(/Хорошо поговорили/);
    // One rating: the sides do not see an average that would give it away.
    expect(menteeCard.ok && menteeCard.value.stats.average).toBeNull();
    const card = await pairCard(f.deps, w.curator, w.pair._id);
    expect(card.ok && card.value.stats.average).toBe(4);
  });
});

describe("the safety flag", () => {
  it("«Нужна помощь» pressed 20 times: one flag, one alert per curator; handled once, the raiser told it was seen", async () => {
    const w = await world();
    const presses = await Promise.all(Array.from({ length: 20 }, () => askForHelp(f.deps, w.mentee.actor, { pairId: w.pair._id })));
    expect(presses.every((p) => p.ok)).toBe(true);
    expect(presses.filter((p) => p.ok && p.value.fresh)).toHaveLength(1);
    const flags = await f.store.flags.ofPair(w.pair._id);
    expect(flags).toHaveLength(1);
    expect(f.deps.notices.sent.filter((n) => n.key === "flag-alert-button").map((n) => n.to).sort()).toEqual([w.curator.userId, w.curator2.userId].sort());
    // A low rating while it is open joins it: no second flag, no second alert.
    const m = await w.meeting();
    await rateMeeting(f.deps, w.mentee.actor, { meetingId: m._id, rating: 2 });
    expect(await f.store.flags.ofPair(w.pair._id)).toHaveLength(1);
    expect(f.deps.notices.sent.filter((n) => n.key.startsWith("flag-alert"))).toHaveLength(2);

    const flagId = flags[0]!._id;
    expect(await commentOnFlag(f.deps, w.mentor.actor, { flagId, text: "чужой" })).toMatchObject({ ok: false });
    expect(await handleFlag(f.deps, w.mentor.actor, { flagId, note: "x" })).toMatchObject({ ok: false });
    expect(await handleFlag(f.deps, w.director, { flagId, note: "x" })).toMatchObject({ ok: false });
    f.deps.notices.clear();
    const both = await Promise.all([handleFlag(f.deps, w.curator, { flagId, note: "Поговорила с обоими" }), handleFlag(f.deps, w.curator2, { flagId, note: "Тоже" })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(f.deps.notices.sent.map((n) => [n.to, n.key])).toEqual([[w.mentee.actor.userId, "flag-seen"]]);
    expect(JSON.stringify(f.deps.notices.sent)).not.toMatch(/Поговорила|Тоже/);
    expect((await f.store.flags.get(flagId))?.handledAt).not.toBeNull();

    // Handled: the next press raises a new flag.
    const again = await askForHelp(f.deps, w.mentee.actor, { pairId: w.pair._id });
    expect(again).toMatchObject({ ok: true, value: { fresh: true } });
    const list = await flagsList(f.deps, w.curator, { programmeId: w.programmeId, page: 0 });
    expect(list.ok && list.value.open).toBe(1);
    expect(list.ok && list.value.flags.items.map((l) => l.flag.handledAt === null)).toEqual([true, false]);
  });

  it("is raised again after 24 hours to the curators and the director, once per receiver", async () => {
    const w = await world();
    const start = new Date("2026-11-10T09:00:00Z");
    f.setNow(start);
    const raised = await askForHelp(f.deps, w.mentee.actor, { pairId: w.pair._id });
    const flagId = raised.ok ? raised.value.flagId : "";
    const early = new Date(start.getTime() + 23 * 3_600_000);
    expect(flagsJob.due(early, await flagsJob.load(f.deps, early))).toEqual([]);
    const late = new Date(start.getTime() + 24 * 3_600_000);
    const due = flagsJob.due(late, await flagsJob.load(f.deps, late));
    expect(due.map((d) => d.notice.to).sort()).toEqual([w.curator.userId, w.curator2.userId, w.director.userId].sort());
    expect(due.every((d) => d.urgent && d.audience === "adult" && d.key.startsWith(`flag-reraise:${flagId}:`))).toBe(true);
    expect(new Set(due.map((d) => d.key)).size).toBe(3);
    expect((await f.store.flags.get(flagId))?.reraisedAt).toEqual(late);
    await handleFlag(f.deps, w.curator, { flagId, note: "Разобрались" });
    expect(flagsJob.due(late, await flagsJob.load(f.deps, late))).toEqual([]);
  });
});

describe("the parent's card", () => {
  it("shows the mentor's name, the dates, the meetings and the plan, and nothing of ratings or comments", async () => {
    const w = await world();
    const m = await w.meeting();
    await w.meeting("planned", "Потом");
    await rateMeeting(f.deps, w.mentee.actor, { meetingId: m._id, rating: 1 });
    await commentOnMeeting(f.deps, w.mentee.actor, { meetingId: m._id, text: "Секретный комментарий" });
    expect((await parentChildren(f.deps, w.parent)).map((c) => c.membershipId)).toEqual([w.mentee.id]);
    const card = await parentCard(f.deps, w.parent, { membershipId: w.mentee.id });
    expect(card.ok).toBe(true);
    if (!card.ok) return;
    expect(card.value).toMatchObject({ mentorName: "Анна Наставникова", meetings: 1, planProgress: null, startDate: w.pair.startDate, plannedEnd: w.pair.plannedEnd });
    expect(Object.keys(card.value).sort()).toEqual(["child", "meetings", "membershipId", "mentorName", "planProgress", "plannedEnd", "startDate", "view"].sort());
    expect(JSON.stringify(card.value)).not.toMatch(/Секретный|rating|comment|flag/i);
    expect(await parentCard(f.deps, w.mentor.actor, { membershipId: w.mentee.id })).toMatchObject({ ok: false });
    expect(await parentCard(f.deps, { userId: newUserId() }, { membershipId: w.mentee.id })).toMatchObject({ ok: false });
  });
});
