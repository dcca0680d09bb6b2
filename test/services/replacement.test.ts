import { describe, expect, it } from "vitest";
import { withdrawOwnConsent } from "../../src/services/consent.js";
import {
  CANDIDATES_PAGE,
  answerAgreement,
  answerReplacement,
  freePlaces,
  mayDecline,
  mayDeclineReplacement,
  pairCard,
  proposePair,
  proposeReplacement,
  recordPaperParentAgreement,
  recordReplacementPaperParent,
  replacementCandidates,
  withdrawReplacement,
} from "../../src/services/pairs.js";
import type { Actor } from "../../src/services/deps.js";
import { claimKeys } from "../../src/store/claimKeys.js";
import { newUserId, pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// Gaps of the pairs issue, through the services on FerretDB: a new mentor takes over only when
// the new mentor, every mentee and each minor's parent agree (until then the pair is as it was);
// a decline says why (a reason, «другое» with a short text for the curators only); the choice of
// a new mentor pages through any number of mentors.

const f = useServices({ operatorIds: [1] });
const { programme, person, teacherMentor, teacherMentee, input, mentorOf } = pairsSetup(f);

type Who = { id: string; actor: Actor };

async function activePair(curator: Actor, programmeId: string, mentor: Who, mentees: Who[], parents: Actor[] = []) {
  const made = await proposePair(f.deps, curator, input(programmeId, mentor.id, mentees.map((m) => m.id), mentees.length > 1 || parents.length ? "teacher-student" : "teacher-teacher"));
  expect(made.ok).toBe(true);
  const pairId = made.ok ? made.value._id : "";
  for (const who of [mentor.actor, ...mentees.map((m) => m.actor), ...parents]) await answerAgreement(f.deps, who, { pairId, answer: "accepted" });
  expect((await f.store.pairs.get(pairId))?.status).toBe("active");
  return pairId;
}

async function propose(curator: Actor, pairId: string, to: string) {
  const proposed = await proposeReplacement(f.deps, curator, { pairId, membershipId: to, reason: "incompatibility" });
  expect(proposed.ok).toBe(true);
  return proposed.ok ? proposed.value.replacement!.id : "";
}

describe("a new mentor needs everyone's agreement", () => {
  it("asks a minor's parent too; the pair keeps its mentor until the last answer", async () => {
    const { programmeId, curator } = await programme();
    const old = await teacherMentor(programmeId, "Ирина Орлова");
    const fresh = await teacherMentor(programmeId, "Павел Смирнов");
    const parent = newUserId();
    const petya = await person(programmeId, { name: "Петя Ветров", role: "mentee", category: "student", grade: 7, answers: { requests: ["adaptation"] }, parent });
    const pairId = await activePair(curator, programmeId, old, [petya], [{ userId: parent }]);
    f.deps.notices.clear();

    const replacementId = await propose(curator, pairId, fresh.id);
    expect(f.deps.notices.keys(fresh.actor.userId)).toEqual(["replace-ask-mentor"]);
    expect(f.deps.notices.keys(petya.actor.userId)).toEqual(["replace-ask-mentee"]);
    expect(f.deps.notices.keys(parent)).toEqual(["replace-ask-parent"]);
    expect(f.deps.notices.keys(old.actor.userId)).toEqual([]);

    for (const who of [fresh.actor, petya.actor]) expect(await answerReplacement(f.deps, who, { replacementId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });
    const card = await pairCard(f.deps, curator, pairId);
    expect(card.ok && card.value.pendingReplacement).toMatchObject({ replacementId, waiting: [{ kind: "parent", paper: false }], paperParents: [] });
    expect(await f.store.pairs.get(pairId)).toMatchObject({ status: "active", mentorId: old.id });
    expect(await answerReplacement(f.deps, { userId: parent }, { replacementId, answer: "accepted" })).toEqual({ ok: true, value: "replaced" });
    expect(await f.store.pairs.get(pairId)).toMatchObject({ mentorId: fresh.id, parties: [`mentor:${fresh.id}`, `mentee:${petya.id}`, `parent:${petya.id}`] });
    expect(f.deps.notices.keys(old.actor.userId)).toEqual(["change-told-former-mentor"]);
    // Answered and settled: a late press changes nothing.
    expect(await answerReplacement(f.deps, petya.actor, { replacementId, answer: "declined", decline: { reason: "no-time" } })).toMatchObject({ ok: false, reason: "agreement-closed" });
  });

  it("takes a paper parent's agreement from the curator only", async () => {
    const { programmeId, curator } = await programme();
    const old = await teacherMentor(programmeId, "Ирина Орлова");
    const fresh = await teacherMentor(programmeId, "Павел Смирнов");
    const ira = await person(programmeId, { name: "Ира Соколова", role: "mentee", category: "student", grade: 6, answers: { requests: ["adaptation"] }, parent: "paper" });
    const made = await proposePair(f.deps, curator, input(programmeId, old.id, [ira.id], "teacher-student"));
    const pairId = made.ok ? made.value._id : "";
    for (const who of [old.actor, ira.actor]) await answerAgreement(f.deps, who, { pairId, answer: "accepted" });
    await recordPaperParentAgreement(f.deps, curator, { pairId, membershipId: ira.id });
    expect((await f.store.pairs.get(pairId))?.status).toBe("active");

    const replacementId = await propose(curator, pairId, fresh.id);
    for (const who of [fresh.actor, ira.actor]) expect(await answerReplacement(f.deps, who, { replacementId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });
    const card = await pairCard(f.deps, curator, pairId);
    expect(card.ok && card.value.pendingReplacement?.paperParents.map((p) => p.membershipId)).toEqual([ira.id]);
    expect(await recordReplacementPaperParent(f.deps, fresh.actor, { replacementId, membershipId: ira.id })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await recordReplacementPaperParent(f.deps, curator, { replacementId, membershipId: ira.id })).toEqual({ ok: true, value: { result: "replaced", pairId } });
    expect((await f.store.pairs.get(pairId))?.mentorId).toBe(fresh.id);
  });

  it("a decline with a reason keeps the pair as it was, frees the new mentor's place, and tells the curator why", async () => {
    const { programmeId, curator } = await programme();
    const old = await teacherMentor(programmeId, "Ирина Орлова");
    const fresh = await teacherMentor(programmeId, "Павел Смирнов", { limit: 1 });
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    const pairId = await activePair(curator, programmeId, old, [anna]);
    const replacementId = await propose(curator, pairId, fresh.id);
    expect(await freePlaces(f.deps, await mentorOf(fresh.id))).toBe(0);
    f.deps.notices.clear();

    // «Не согласен» first checks, changing nothing; a bad reason or a missing text is refused.
    expect(await mayDeclineReplacement(f.deps, anna.actor, { replacementId })).toEqual({ ok: true, value: true });
    expect(await mayDeclineReplacement(f.deps, old.actor, { replacementId })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await answerReplacement(f.deps, anna.actor, { replacementId, answer: "declined", decline: { reason: "other" } })).toMatchObject({ ok: false, reason: "input-empty" });
    expect(await answerReplacement(f.deps, anna.actor, { replacementId, answer: "declined", decline: { reason: "other", text: "я".repeat(301) } })).toMatchObject({ ok: false, reason: "input-too-long" });
    expect(await answerReplacement(f.deps, anna.actor, { replacementId, answer: "declined", decline: { reason: "bogus" as never } })).toMatchObject({ ok: false, kind: "rule" });
    expect((await f.store.pairEvents.history(pairId)).map((e) => e.kind)).not.toContain("replacement-declined");

    expect(await answerReplacement(f.deps, anna.actor, { replacementId, answer: "declined", decline: { reason: "person" } })).toEqual({ ok: true, value: "declined" });
    expect(await f.store.pairs.get(pairId)).toMatchObject({ status: "active", mentorId: old.id, replacement: null });
    expect(await freePlaces(f.deps, await mentorOf(fresh.id))).toBe(1);
    expect(await f.store.claims.placesUsed(claimKeys.mentorPlaces(old.id))).toBe(1);
    const notice = f.deps.notices.to(curator.userId).find((n) => n.key === "replace-declined-curator");
    expect(notice?.vars).toMatchObject({ who: { key: "pair-party-mentee" }, reason: { key: "reason-decline-person" }, text: "" });
    expect(f.deps.notices.keys(fresh.actor.userId)).toEqual(["replace-declined"]);
    expect(f.deps.notices.keys(anna.actor.userId)).toEqual([]);
    expect((await f.store.pairEvents.history(pairId)).at(-1)).toMatchObject({ kind: "replacement-declined", by: anna.actor.userId, reason: "person" });
    // The old button answers nothing; a new proposal may be made.
    expect(await answerReplacement(f.deps, fresh.actor, { replacementId, answer: "accepted" })).toMatchObject({ ok: false, reason: "agreement-closed" });
    const again = await propose(curator, pairId, fresh.id);
    expect(again).not.toBe(replacementId);
  });

  it("«другое» with a text: the text is in the history and in the curators' notice, never in the others'", async () => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Нина Лисина");
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    const made = await proposePair(f.deps, curator, input(programmeId, mentor.id, [anna.id]));
    const pairId = made.ok ? made.value._id : "";
    expect(await mayDecline(f.deps, anna.actor, { pairId })).toMatchObject({ ok: true });
    expect(await mayDecline(f.deps, { userId: newUserId() }, { pairId })).toMatchObject({ ok: false, kind: "not-allowed" });
    f.deps.notices.clear();
    const text = "Перехожу в другую школу с января";
    expect(await answerAgreement(f.deps, anna.actor, { pairId, answer: "declined", decline: { reason: "other", text: `  ${text}  ` } })).toEqual({ ok: true, value: "declined" });
    expect((await f.store.pairEvents.history(pairId)).at(-1)).toMatchObject({ kind: "declined", reason: "other", details: { text } });
    const notice = f.deps.notices.to(curator.userId).find((n) => n.key === "pair-declined-curator");
    expect(notice?.vars).toMatchObject({ reason: { key: "reason-decline-other" }, text: { key: "decline-text-line", vars: { text } } });
    expect(JSON.stringify(f.deps.notices.to(mentor.actor.userId))).not.toContain(text);
    expect(await mayDecline(f.deps, anna.actor, { pairId })).toMatchObject({ ok: false, reason: "agreement-closed" });
    const card = await pairCard(f.deps, curator, pairId);
    expect(card.ok && card.value.history.at(-1)?.reasonKey).toBe("reason-decline-other");
  });

  it("100 presses of «Согласен» by the last party at once: one change, one event, one notice each", { timeout: 120_000 }, async () => {
    const { programmeId, curator } = await programme();
    const old = await teacherMentor(programmeId, "Ирина Орлова");
    const fresh = await teacherMentor(programmeId, "Павел Смирнов", { limit: 1 });
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    const pairId = await activePair(curator, programmeId, old, [anna]);
    const replacementId = await propose(curator, pairId, fresh.id);
    await answerReplacement(f.deps, fresh.actor, { replacementId, answer: "accepted" });
    f.deps.notices.clear();
    const results = await Promise.all(Array.from({ length: 100 }, () => answerReplacement(f.deps, anna.actor, { replacementId, answer: "accepted" })));
    expect(results.filter((r) => r.ok && r.value === "replaced")).toHaveLength(1);
    const history = await f.store.pairEvents.history(pairId);
    expect(history.filter((e) => e.kind === "mentor-replaced")).toHaveLength(1);
    expect(history.filter((e) => e.kind === "replacement-agreed")).toHaveLength(2);
    expect(f.deps.notices.keys(anna.actor.userId)).toEqual(["change-told-replaced"]);
    expect(f.deps.notices.keys(old.actor.userId)).toEqual(["change-told-former-mentor"]);
    expect(f.deps.notices.keys(curator.userId)).toEqual(["replace-done-curator"]);
    expect(await f.store.claims.placesUsed(claimKeys.mentorPlaces(fresh.id))).toBe(1);
    expect(await f.store.claims.placesUsed(claimKeys.mentorPlaces(old.id))).toBe(0);
  });

  it("the last two agreeing at once: both agreements are in the history, before the change", { timeout: 120_000 }, async () => {
    for (let round = 0; round < 4; round++) {
      const { programmeId, curator } = await programme(`Школа № ${round + 1}`);
      const old = await teacherMentor(programmeId, "Ирина Орлова");
      const fresh = await teacherMentor(programmeId, "Павел Смирнов");
      const mentee = await teacherMentee(programmeId, "Анна Новикова");
      const pairId = await activePair(curator, programmeId, old, [mentee]);
      const replacementId = await propose(curator, pairId, fresh.id);
      const answers = await Promise.all([fresh.actor, mentee.actor].map((who) => answerReplacement(f.deps, who, { replacementId, answer: "accepted" })));
      // One of them settles it; the other was counted, and is told it is waiting or replaced, never closed.
      expect(answers.map((a) => (a.ok ? a.value : a.reason)).sort()).toEqual(["replaced", "waiting"]);
      const kinds = (await f.store.pairEvents.history(pairId)).map((e) => e.kind);
      expect(kinds.slice(-4)).toEqual(["replacement-proposed", "replacement-agreed", "replacement-agreed", "mentor-replaced"]);
    }
  });

  it("the curator withdraws it, or the new mentor's withdrawal does: the pair is as it was", async () => {
    const { programmeId, curator } = await programme();
    const old = await teacherMentor(programmeId, "Ирина Орлова");
    const fresh = await teacherMentor(programmeId, "Павел Смирнов", { limit: 1 });
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    const pairId = await activePair(curator, programmeId, old, [anna]);

    const first = await propose(curator, pairId, fresh.id);
    expect(await withdrawReplacement(f.deps, anna.actor, { pairId })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect((await withdrawReplacement(f.deps, curator, { pairId })).ok).toBe(true);
    expect(await withdrawReplacement(f.deps, curator, { pairId })).toMatchObject({ ok: false, reason: "replacement-none-pending" });
    expect(f.deps.notices.keys(fresh.actor.userId)).toContain("replace-withdrawn");
    expect(await answerReplacement(f.deps, fresh.actor, { replacementId: first, answer: "accepted" })).toMatchObject({ ok: false, reason: "agreement-closed" });
    expect(await freePlaces(f.deps, await mentorOf(fresh.id))).toBe(1);

    await propose(curator, pairId, fresh.id);
    expect(await withdrawOwnConsent(f.deps, fresh.actor, { membershipId: fresh.id })).toEqual({ ok: true, value: { removed: 1 } });
    expect(await f.store.pairs.get(pairId)).toMatchObject({ status: "active", mentorId: old.id, replacement: null });
    expect((await f.store.pairEvents.history(pairId)).filter((e) => e.kind === "replacement-withdrawn")).toHaveLength(2);
  });
});

describe("the choice of a new mentor", () => {
  it("pages through every mentor with places, not only the first ones", async () => {
    const { programmeId, curator } = await programme();
    const old = await teacherMentor(programmeId, "Ирина Орлова");
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    const pairId = await activePair(curator, programmeId, old, [anna]);
    const total = CANDIDATES_PAGE * 2 + 3;
    const others = await Promise.all(Array.from({ length: total }, (_, i) => teacherMentor(programmeId, `Наставник ${i + 1}`)));
    const seen: string[] = [];
    for (let page = 0; page < 3; page++) {
      const found = await replacementCandidates(f.deps, curator, { pairId, page });
      expect(found.ok).toBe(true);
      if (found.ok) {
        expect(found.value).toMatchObject({ page, pages: 3, total });
        seen.push(...found.value.items.map((c) => c.membershipId));
      }
    }
    expect(seen.sort()).toEqual(others.map((o) => o.id).sort());
    expect(await replacementCandidates(f.deps, anna.actor, { pairId, page: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
    // The one on the last page is as good as the first.
    const last = seen.at(-1)!;
    expect((await proposeReplacement(f.deps, curator, { pairId, membershipId: last, reason: "other" })).ok).toBe(true);
  });
});
