import { describe, expect, it } from "vitest";
import type { Category, Role } from "../../src/domain/programme.js";
import { questionnaireFor } from "../../src/domain/questionnaire.js";
import { defaultTopicIds } from "../../src/domain/questionnaires.js";
import type { Actor } from "../../src/services/deps.js";
import type { Result } from "../../src/services/result.js";
import { closeRound, currentRound, finishRanking, openRound, pressRanking, roundStatus, saveRanking, startRanking } from "../../src/services/rounds.js";
import { claimKeys } from "../../src/store/claimKeys.js";
import type { Membership } from "../../src/store/memberships.js";
import { useServices } from "../support/services.js";

// The preference round through the service alone, on FerretDB: who is asked, who may rank (read
// again on every call), one open round per programme under concurrent presses, and refusals for
// someone else's programme, round or person.

const f = useServices({ operatorIds: [1] });
let nextUser = 5000;
const DAY = 86_400_000;

async function programme(name = "МОУ СШ № 2") {
  const now = f.deps.clock();
  const school = await f.store.schools.create({ name, city: "Ярославль", timeZone: "Europe/Moscow", createdBy: 1 }, now);
  const forms = ["teacher-teacher", "student-student", "teacher-student"] as const;
  const p = await f.store.programmes.create({ schoolId: school._id, academicYear: "2026/2027", forms: [...forms], topicIds: defaultTopicIds(forms), createdBy: 1 }, now);
  const curator: Actor = { userId: nextUser++ };
  await f.store.memberships.add({ userId: curator.userId, programmeId: p._id, role: "curator", category: null, grade: null, invitationId: null }, now);
  return { programmeId: p._id, curator };
}

interface Spec {
  name: string;
  role: Exclude<Role, "curator">;
  category?: Category;
  answers?: Record<string, unknown>;
  ready?: boolean;
  trained?: boolean;
  limit?: number;
}

async function person(programmeId: string, spec: Spec): Promise<{ m: Membership; actor: Actor }> {
  // People are listed oldest first: each joins a second after the last.
  const now = new Date(f.deps.clock().getTime() + 1000);
  f.setNow(now);
  const userId = nextUser++;
  const category = spec.category ?? "teacher";
  const m = (await f.store.memberships.add({ userId, programmeId, role: spec.role, category, grade: null, invitationId: null }, now))!;
  await f.store.profiles.open({ _id: m._id, userId, programmeId, questionnaireId: questionnaireFor(spec.role, category)!, version: 1, cursor: "summary" }, now);
  await f.store.profiles.setAnswers(m._id, { "full-name": spec.name, format: "online", ...(spec.answers ?? {}) } as never, "summary", now);
  if (spec.ready !== false) await f.store.memberships.moveIntake(m._id, ["invited"], "ready", now);
  if (spec.trained) await f.store.memberships.markTrained(m._id, now);
  if (spec.limit !== undefined) await f.store.memberships.setMentorLimit(m._id, spec.limit);
  return { m: (await f.store.memberships.get(m._id))!, actor: { userId } };
}

/** A programme with people of every kind: who is asked and who is not. */
async function cast() {
  const p = await programme();
  const anna = await person(p.programmeId, { name: "Анна Новикова", role: "mentee", answers: { requests: ["parents"] } });
  const oleg = await person(p.programmeId, { name: "Олег Юрьев", role: "mentee" });
  const irina = await person(p.programmeId, { name: "Ирина Орлова", role: "mentor", trained: true, limit: 2, answers: { competencies: ["parents", "discipline"] } });
  // Not asked: a mentor not trained, a mentor with no free place, a mentee already paired, a mentee not ready.
  const pavel = await person(p.programmeId, { name: "Павел Смирнов", role: "mentor" });
  const full = await person(p.programmeId, { name: "Мария Полная", role: "mentor", trained: true, limit: 1 });
  await f.store.claims.takePlaces(claimKeys.mentorPlaces(full.m._id), 1, 1, "pair-x", f.deps.clock());
  const paired = await person(p.programmeId, { name: "Пётр Парный", role: "mentee" });
  await f.store.memberships.setPair(paired.m._id, "pair-y");
  const late = await person(p.programmeId, { name: "Лев Поздний", role: "mentee", ready: false });
  return { ...p, anna, oleg, irina, pavel, full, paired, late };
}

const refusalOf = (r: Result<unknown>) => (r.ok ? "ok" : r.kind);

describe("rounds", () => {
  it("opens a round: the ready mentees without a pair and the trained mentors with free places are asked, with a button", async () => {
    const c = await cast();
    const opened = await openRound(f.deps, c.curator, { programmeId: c.programmeId, days: 7 });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value).toMatchObject({ asked: 3, delivered: 3 });
    expect(opened.value.round.deadline.getTime() - f.deps.clock().getTime()).toBe(7 * DAY);

    expect(f.deps.notices.keys(c.anna.actor.userId)).toEqual(["round-ask-mentee"]);
    expect(f.deps.notices.keys(c.irina.actor.userId)).toEqual(["round-ask-mentor"]);
    for (const nobody of [c.pavel, c.full, c.paired, c.late]) expect(f.deps.notices.to(nobody.actor.userId)).toEqual([]);
    const [ask] = f.deps.notices.to(c.anna.actor.userId);
    expect(ask!.actions![0]![0]!.action).toEqual({ type: "roundChoose", roundId: opened.value.round.roundId, membershipId: c.anna.m._id });

    const status = await roundStatus(f.deps, c.curator, { programmeId: c.programmeId });
    expect(status.ok && status.value.people.map((p) => p.membershipId)).toEqual([c.anna.m._id, c.oleg.m._id, c.irina.m._id]);
    expect(status.ok && status.value.answered).toBe(0);
  });

  it("opens one round when two curators press at once", async () => {
    const c = await cast();
    const second: Actor = { userId: nextUser++ };
    await f.store.memberships.add({ userId: second.userId, programmeId: c.programmeId, role: "curator", category: null, grade: null, invitationId: null }, f.deps.clock());
    const results = await Promise.all([c.curator, second, c.curator, second, c.curator, second].map((actor, i) => openRound(f.deps, actor, { programmeId: c.programmeId, days: [3, 7, 14][i % 3]! })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map(refusalOf)).toEqual(Array(5).fill("stale"));
    const rounds = await f.store.db.collection("preference_rounds").find({ programmeId: c.programmeId }).toArray();
    expect(rounds).toHaveLength(1);
    // Each person is asked once.
    expect(f.deps.notices.keys(c.anna.actor.userId)).toEqual(["round-ask-mentee"]);
  });

  it("refuses someone else's programme: another school's curator and a participant change nothing", async () => {
    const c = await cast();
    const other = await programme("Гимназия № 1");
    const input = { programmeId: c.programmeId };
    for (const actor of [other.curator, c.anna.actor, { userId: 999_999 }]) {
      expect(refusalOf(await openRound(f.deps, actor, { ...input, days: 7 }))).toBe("not-allowed");
      expect(refusalOf(await roundStatus(f.deps, actor, input))).toBe("not-allowed");
    }
    expect(await currentRound(f.deps, c.programmeId)).toBeNull();
    expect(f.deps.notices.sent).toEqual([]);

    const opened = await openRound(f.deps, c.curator, { ...input, days: 3 });
    expect(opened.ok).toBe(true);
    expect(refusalOf(await closeRound(f.deps, other.curator, input))).toBe("not-allowed");
    expect(await currentRound(f.deps, c.programmeId)).not.toBeNull();
  });

  it("refuses an ineligible person, someone else's button, and a round of another programme", async () => {
    const c = await cast();
    const opened = await openRound(f.deps, c.curator, { programmeId: c.programmeId, days: 7 });
    if (!opened.ok) throw new Error("not opened");
    const roundId = opened.value.round.roundId;
    const press = (who: { m: Membership; actor: Actor }) => startRanking(f.deps, who.actor, { roundId, membershipId: who.m._id });

    for (const who of [c.pavel, c.full, c.paired, c.late]) {
      const r = await press(who);
      expect(r.ok ? "ok" : r.reason).toBe("round-not-eligible");
    }
    // Anna's button pressed by Oleg (a forwarded message): not his.
    expect(refusalOf(await startRanking(f.deps, c.oleg.actor, { roundId, membershipId: c.anna.m._id }))).toBe("not-allowed");
    // A person of another programme with this programme's round.
    const other = await programme("Гимназия № 1");
    const stranger = await person(other.programmeId, { name: "Чужой", role: "mentee" });
    expect(refusalOf(await press(stranger))).toBe("not-allowed");
    expect(refusalOf(await saveRanking(f.deps, stranger.actor, { roundId, membershipId: stranger.m._id, ranked: [c.irina.m._id] }))).toBe("not-allowed");

    // Eligibility is read again on every call: paired after the flow started, Oleg cannot save.
    expect((await press(c.oleg)).ok).toBe(true);
    await f.store.memberships.setPair(c.oleg.m._id, "pair-z");
    const late = await saveRanking(f.deps, c.oleg.actor, { roundId, membershipId: c.oleg.m._id, ranked: [c.irina.m._id] });
    expect(late.ok ? "ok" : late.reason).toBe("round-not-eligible");
    expect(await f.store.preferences.ofRound(roundId)).toEqual([]);
  });

  it("saves a ranking: the cards are the other side, the answer replaces the last one, the curator sees it", async () => {
    const c = await cast();
    const second = await person(c.programmeId, { name: "Вера Вторая", role: "mentor", trained: true });
    const opened = await openRound(f.deps, c.curator, { programmeId: c.programmeId, days: 7 });
    if (!opened.ok) throw new Error("not opened");
    const roundId = opened.value.round.roundId;

    const ranking = await startRanking(f.deps, c.anna.actor, { roundId, membershipId: c.anna.m._id });
    if (!ranking.ok) throw new Error(ranking.reason);
    expect(ranking.value.side).toBe("mentor");
    expect(ranking.value.cards.map((card) => card.membershipId)).toEqual([c.irina.m._id, second.m._id]);
    expect(ranking.value.cards[0]).toMatchObject({ topics: ["parents", "discipline"], format: "online" });
    expect(ranking.value.ranked).toEqual([]);

    // Forged or broken rankings change nothing.
    for (const ranked of [[], [c.irina.m._id, c.irina.m._id], [c.pavel.m._id], [c.oleg.m._id], [c.irina.m._id, second.m._id, c.full.m._id, c.pavel.m._id]]) {
      expect(refusalOf(await saveRanking(f.deps, c.anna.actor, { roundId, membershipId: c.anna.m._id, ranked }))).toBe("rule");
    }
    expect(await f.store.preferences.ofRound(roundId)).toEqual([]);

    const saved = await saveRanking(f.deps, c.anna.actor, { roundId, membershipId: c.anna.m._id, ranked: [second.m._id, c.irina.m._id] });
    expect(saved.ok).toBe(true);
    const again = await saveRanking(f.deps, c.anna.actor, { roundId, membershipId: c.anna.m._id, ranked: [c.irina.m._id] });
    expect(again.ok && again.value.names).toHaveLength(1);
    const answers = await f.store.preferences.ofRound(roundId);
    expect(answers.map((a) => [a.membershipId, a.ranked])).toEqual([[c.anna.m._id, [c.irina.m._id]]]);
    expect((await f.store.preferences.latest(c.programmeId)).map((a) => a.membershipId)).toEqual([c.anna.m._id]);

    // The saved answer comes back when she opens it again; the mentor sees the mentees.
    const reopened = await startRanking(f.deps, c.anna.actor, { roundId, membershipId: c.anna.m._id });
    expect(reopened.ok && reopened.value.ranked).toEqual([0]);
    const mentorSide = await startRanking(f.deps, c.irina.actor, { roundId, membershipId: c.irina.m._id });
    expect(mentorSide.ok && mentorSide.value.cards.map((card) => card.membershipId)).toEqual([c.anna.m._id, c.oleg.m._id]);

    const status = await roundStatus(f.deps, c.curator, { programmeId: c.programmeId });
    if (!status.ok) throw new Error(status.reason);
    expect(status.value.answered).toBe(1);
    expect(status.value.people.filter((p) => p.answered).map((p) => p.membershipId)).toEqual([c.anna.m._id]);
  });

  it("closes: by the curator once, or at the deadline; then answers are refused and a new round can open", async () => {
    const c = await cast();
    const opened = await openRound(f.deps, c.curator, { programmeId: c.programmeId, days: 3 });
    if (!opened.ok) throw new Error("not opened");
    const closes = await Promise.all([1, 2, 3].map(() => closeRound(f.deps, c.curator, { programmeId: c.programmeId })));
    expect(closes.filter((r) => r.ok && r.value.closed)).toHaveLength(1);
    const refused = await startRanking(f.deps, c.anna.actor, { roundId: opened.value.round.roundId, membershipId: c.anna.m._id });
    expect(refused.ok ? "ok" : refused.reason).toBe("round-closed");

    const next = await openRound(f.deps, c.curator, { programmeId: c.programmeId, deadline: new Date(f.deps.clock().getTime() + 2 * DAY) });
    if (!next.ok) throw new Error(next.reason);
    f.setNow(new Date(f.deps.clock().getTime() + 2 * DAY + 1));
    const status = await roundStatus(f.deps, c.curator, { programmeId: c.programmeId });
    expect(status.ok && status.value.round).toBeNull();
    expect((await f.store.rounds.get(next.value.round.roundId))?.closedAt).toBeInstanceOf(Date);
    expect(await f.store.claims.holderOf(claimKeys.roundOpen(c.programmeId))).toBeNull();
    expect((await openRound(f.deps, c.curator, { programmeId: c.programmeId, days: 14 })).ok).toBe(true);
  });

  it("refuses a deadline in the past or too far ahead", async () => {
    const c = await cast();
    const now = f.deps.clock().getTime();
    for (const deadline of [new Date(now - DAY), new Date(now + 90 * DAY)]) {
      const r = await openRound(f.deps, c.curator, { programmeId: c.programmeId, deadline });
      expect(r.ok ? "ok" : r.reason).toBe("round-deadline-invalid");
    }
    expect(refusalOf(await openRound(f.deps, c.curator, { programmeId: c.programmeId, days: 5 }))).toBe("rule");
    expect(await currentRound(f.deps, c.programmeId)).toBeNull();
  });

  it("presses a ranking in the store: every press checks the person may still rank, two presses at once never lose one, done saves", async () => {
    const c = await cast();
    const opened = await openRound(f.deps, c.curator, { programmeId: c.programmeId, days: 7 });
    if (!opened.ok) throw new Error("not opened");
    const roundId = opened.value.round.roundId;
    const who = { roundId, membershipId: c.irina.m._id };
    expect((await startRanking(f.deps, c.irina.actor, who)).ok).toBe(true);
    const press = (index: number) => pressRanking(f.deps, c.irina.actor, { ...who, press: { kind: "rank", index } });

    // Someone else's ranking, and a card that is not there, change nothing.
    expect(refusalOf(await pressRanking(f.deps, c.anna.actor, { ...who, press: { kind: "rank", index: 0 } }))).toBe("not-allowed");
    expect(refusalOf(await press(7))).toBe("stale");

    // Two presses at once: both kept (one after the other), none lost.
    const both = await Promise.all([press(0), press(1)]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect([...(await f.store.preferences.getDraft(roundId, c.irina.m._id))!.ranked].sort()).toEqual([0, 1]);
    const kept = 2;

    // Stale eligibility: once her place is taken, the next press, the reset and done are refused.
    await f.store.claims.takePlaces(claimKeys.mentorPlaces(c.irina.m._id), 2, 2, "pair-z", f.deps.clock());
    expect(refusalOf(await press(0))).toBe("rule");
    expect(refusalOf(await pressRanking(f.deps, c.irina.actor, { ...who, press: { kind: "reset" } }))).toBe("rule");
    expect(await finishRanking(f.deps, c.irina.actor, who)).toMatchObject({ ok: false, reason: "round-not-eligible" });
    expect(await f.store.preferences.ofRound(roundId)).toEqual([]);

    // Her place is free again: done saves the choice kept in the store, and the draft is gone.
    await f.store.claims.releasePlaces(claimKeys.mentorPlaces(c.irina.m._id), "pair-z");
    const done = await finishRanking(f.deps, c.irina.actor, who);
    expect(done.ok && done.value.names).toHaveLength(kept);
    expect(await f.store.preferences.getDraft(roundId, c.irina.m._id)).toBeNull();
    expect(refusalOf(await press(0))).toBe("stale");
  });
});
