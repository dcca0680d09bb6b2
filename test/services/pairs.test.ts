import { describe, expect, it } from "vitest";
import { schoolToday } from "../../src/domain/dates.js";
import type { Actor } from "../../src/services/deps.js";
import { runProposals } from "../../src/services/matching.js";
import {
  answerAgreement,
  closePairsOf,
  endEarly,
  extendTerm,
  freePlaces,
  markTrained,
  mentorCard,
  pairCard,
  proposePair,
  recordOrder,
  recordPaperParentAgreement,
  answerReplacement,
  proposeReplacement,
  requestReplacement,
  setMentorLimit,
  setRoleModel,
} from "../../src/services/pairs.js";
import { claimKeys } from "../../src/store/claimKeys.js";
import { newUserId, pairsSetup } from "../support/pairs.js";
import { pendingJob } from "../../src/jobs/pending.js";
import { runJob } from "../../src/jobs/runner.js";
import { useServices } from "../support/services.js";

// Pairs and groups through the services alone, on FerretDB: the whole life of a pair, who may do
// what, and the races (places, a mentor replaced twice at once, the one reminder, two fields of
// one membership written at once).

const f = useServices({ operatorIds: [1] });
const { programme, person, teacherMentor, teacherMentee, term, input, mentorOf } = pairsSetup(f);

describe("a pair's life", () => {
  it("is proposed, agreed by both, gets a new mentor, a longer term, an order, and ends early; the history keeps every step", async () => {
    const { programmeId, curator } = await programme();
    const irina = await teacherMentor(programmeId, "Ирина Орлова", { limit: 2 });
    const pavel = await teacherMentor(programmeId, "Павел Смирнов", { limit: 1 });
    const anna = await teacherMentee(programmeId, "Анна Новикова");

    const proposed = await proposePair(f.deps, curator, input(programmeId, irina.id, [anna.id]));
    expect(proposed.ok).toBe(true);
    const pairId = proposed.ok ? proposed.value._id : "";
    expect(f.deps.notices.keys(anna.actor.userId)).toEqual(["pair-ask"]);
    expect(f.deps.notices.to(irina.actor.userId)[0]?.actions?.[0]?.map((b) => b.action)).toEqual([
      { type: "pairAgree", pairId, answer: "y" },
      { type: "pairAgree", pairId, answer: "n" },
    ]);
    expect(await freePlaces(f.deps, await mentorOf(irina.id))).toBe(1);
    expect((await f.store.memberships.get(anna.id))?.pairId).toBe(pairId);

    expect(await answerAgreement(f.deps, anna.actor, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });
    expect(await answerAgreement(f.deps, irina.actor, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "active" });
    expect((await f.store.pairs.get(pairId))?.status).toBe("active");
    expect(f.deps.notices.keys(curator.userId)).toEqual(["pair-active-curator"]);
    // A second answer changes nothing.
    expect(await answerAgreement(f.deps, anna.actor, { pairId, answer: "declined" })).toEqual({ ok: true, value: "closed" });

    expect((await setRoleModel(f.deps, curator, { pairId, roleModel: "experienced-young" })).ok).toBe(true);
    expect(await setRoleModel(f.deps, curator, { pairId, roleModel: "leader-passive" })).toMatchObject({ ok: false, kind: "rule" });

    // A new mentor is proposed: Pavel and Anna must agree (2.6); until then Irina stays and
    // Pavel's place is held for the pair.
    const proposedNew = await proposeReplacement(f.deps, curator, { pairId, membershipId: pavel.id, reason: "mentee-request" });
    expect(proposedNew.ok).toBe(true);
    const replacementId = proposedNew.ok ? proposedNew.value.replacement!.id : "";
    expect(await f.store.pairs.get(pairId)).toMatchObject({ status: "active", mentorId: irina.id });
    expect(await freePlaces(f.deps, await mentorOf(irina.id))).toBe(1);
    expect(await freePlaces(f.deps, await mentorOf(pavel.id))).toBe(0);
    expect(f.deps.notices.keys(pavel.actor.userId)).toEqual(["replace-ask-mentor"]);
    expect(f.deps.notices.keys(anna.actor.userId)).toContain("replace-ask-mentee");
    expect(f.deps.notices.to(pavel.actor.userId)[0]?.actions?.[0]?.map((b) => b.action)).toEqual([
      { type: "replAgree", replacementId, answer: "y" },
      { type: "replAgree", replacementId, answer: "n" },
    ]);
    // The leaving mentor is not asked and cannot answer; a second proposal waits for this one.
    expect(await answerReplacement(f.deps, irina.actor, { replacementId, answer: "accepted" })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await proposeReplacement(f.deps, curator, { pairId, membershipId: pavel.id, reason: "mentee-request" })).toMatchObject({ ok: false, reason: "change-replace-pending" });
    expect(await answerReplacement(f.deps, pavel.actor, { replacementId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });
    expect((await f.store.pairs.get(pairId))?.mentorId).toBe(irina.id);
    expect(f.deps.notices.keys(anna.actor.userId)).not.toContain("change-told-replaced");
    expect(await answerReplacement(f.deps, anna.actor, { replacementId, answer: "accepted" })).toEqual({ ok: true, value: "replaced" });
    expect(await f.store.pairs.get(pairId)).toMatchObject({ status: "active", mentorId: pavel.id, replacement: null });
    expect(f.deps.notices.keys(curator.userId)).toContain("replace-done-curator");
    expect(await freePlaces(f.deps, await mentorOf(irina.id))).toBe(2);
    expect(await freePlaces(f.deps, await mentorOf(pavel.id))).toBe(0);
    expect(f.deps.notices.keys(irina.actor.userId)).toContain("change-told-former-mentor");
    expect(f.deps.notices.keys(anna.actor.userId)).toContain("change-told-replaced");

    const later = new Date(Date.UTC(term().plannedEnd.getUTCFullYear(), 5, 30));
    expect(await extendTerm(f.deps, curator, { pairId, reason: "business-trip", plannedEnd: new Date(2000, 0, 1) })).toMatchObject({ ok: false, reason: "extension-problem-not-later" });
    expect(await extendTerm(f.deps, curator, { pairId, reason: "mentee-left", plannedEnd: later })).toMatchObject({ ok: false, kind: "rule" });
    expect((await extendTerm(f.deps, curator, { pairId, reason: "business-trip", plannedEnd: later })).ok).toBe(true);

    // The order's date is a day: the school's today (dates.ts), never after it.
    const today = schoolToday(f.deps.clock(), "Europe/Moscow");
    expect(await recordOrder(f.deps, curator, { programmeId, number: "15-од", date: new Date(today.getTime() + 86_400_000) })).toMatchObject({ ok: false, reason: "date-problem-in-the-future" });
    const order = await recordOrder(f.deps, curator, { programmeId, number: "15-од", date: today });
    expect(order.ok && order.value.recorded).toBe(1);
    expect(order.ok && order.value.rows.map((r) => r.pair._id)).toEqual([pairId]);

    expect((await requestReplacement(f.deps, anna.actor, { pairId })).ok).toBe(true);
    expect(f.deps.notices.to(curator.userId).at(-1)).toMatchObject({ key: "replacement-requested-curator", actions: [[{ action: { type: "pairCard", pairId } }]] });

    expect((await endEarly(f.deps, curator, { pairId, reason: "mutual-agreement" })).ok).toBe(true);
    expect(await endEarly(f.deps, curator, { pairId, reason: "mutual-agreement" })).toMatchObject({ ok: false, kind: "stale" });
    expect((await f.store.pairs.get(pairId))?.status).toBe("ended");
    expect((await f.store.memberships.get(anna.id))?.pairId).toBeNull();
    expect(await freePlaces(f.deps, await mentorOf(pavel.id))).toBe(1);

    const history = await f.store.pairEvents.history(pairId);
    expect(history.map((e) => e.kind)).toEqual([
      "proposed",
      "agreed",
      "agreed",
      "activated",
      "replacement-proposed",
      "replacement-agreed",
      "replacement-agreed",
      "mentor-replaced",
      "extended",
      "order",
      "replacement-requested",
      "ended-early",
    ]);
    expect(history.find((e) => e.kind === "mentor-replaced")).toMatchObject({ by: curator.userId, reason: "mentee-request", details: { from: irina.id, to: pavel.id } });
    const card = await pairCard(f.deps, curator, pairId);
    expect(card.ok && card.value.history.find((e) => e.kind === "mentor-replaced")?.reasonKey).toBe("reason-replace-mentee-request");
  });

  it("asks a minor's parent in the bot, and takes a paper parent's agreement from the curator", async () => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Олег Гусев");
    const parentId = newUserId();
    const petya = await person(programmeId, { name: "Петя Ветров", role: "mentee", category: "student", grade: 7, answers: { requests: ["adaptation"] }, parent: parentId });
    const ira = await person(programmeId, { name: "Ира Соколова", role: "mentee", category: "student", grade: 6, answers: { requests: ["adaptation"] }, parent: "paper" });
    const made = await proposePair(f.deps, curator, input(programmeId, mentor.id, [petya.id, ira.id], "teacher-student"));
    expect(made.ok).toBe(true);
    const pairId = made.ok ? made.value._id : "";
    expect(f.deps.notices.keys(parentId)).toEqual(["pair-ask-parent"]);

    for (const who of [mentor.actor, petya.actor, ira.actor, { userId: parentId }]) expect(await answerAgreement(f.deps, who, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });
    const card = await pairCard(f.deps, curator, pairId);
    expect(card.ok && card.value.waiting).toEqual([{ kind: "parent", paper: true }]);
    // Only the curator records it, and only for the paper parent.
    expect(await recordPaperParentAgreement(f.deps, mentor.actor, { pairId, membershipId: ira.id })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await recordPaperParentAgreement(f.deps, curator, { pairId, membershipId: petya.id })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await recordPaperParentAgreement(f.deps, curator, { pairId, membershipId: ira.id })).toEqual({ ok: true, value: "active" });
  });

  it("goes back to the pool when one party declines, and when a person withdraws", async () => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Нина Лисина", { limit: 2 });
    const a = await teacherMentee(programmeId, "Дарья Осина");
    const b = await teacherMentee(programmeId, "Юлия Котова");
    const first = await proposePair(f.deps, curator, input(programmeId, mentor.id, [a.id]));
    const second = await proposePair(f.deps, curator, input(programmeId, mentor.id, [b.id]));
    expect(first.ok && second.ok).toBe(true);
    expect(await answerAgreement(f.deps, a.actor, { pairId: first.ok ? first.value._id : "", answer: "declined" })).toEqual({ ok: true, value: "declined" });
    expect((await f.store.memberships.get(a.id))?.pairId).toBeNull();
    expect(f.deps.notices.keys(mentor.actor.userId)).toContain("pair-declined");

    await closePairsOf(f.deps, (await f.store.memberships.get(b.id))!);
    expect((await f.store.pairs.get(second.ok ? second.value._id : ""))?.status).toBe("declined");
    expect(await freePlaces(f.deps, await mentorOf(mentor.id))).toBe(2);
  });
});

describe("who may do what", () => {
  it("refuses someone else's pair, programme and mentor, and changes nothing", async () => {
    const { programmeId, curator } = await programme();
    const other = await programme("Другая школа");
    const mentor = await teacherMentor(programmeId, "Ирина Орлова", { limit: 2 });
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    const oleg = await teacherMentee(programmeId, "Олег Юрьев");
    const made = await proposePair(f.deps, curator, input(programmeId, mentor.id, [anna.id]));
    const pairId = made.ok ? made.value._id : "";
    const stranger: Actor = { userId: newUserId() };
    const before = await f.store.pairs.get(pairId);
    f.deps.notices.clear();

    for (const who of [stranger, other.curator, oleg.actor, { userId: 1 }]) {
      expect(await answerAgreement(f.deps, who, { pairId, answer: "accepted" })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await proposePair(f.deps, who, input(programmeId, mentor.id, [oleg.id]))).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await setMentorLimit(f.deps, who, { membershipId: mentor.id, limit: 1 })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await markTrained(f.deps, who, { membershipId: mentor.id, trained: false })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await pairCard(f.deps, who, pairId)).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await setRoleModel(f.deps, who, { pairId, roleModel: "experienced-young" })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await recordOrder(f.deps, who, { programmeId, number: "1", date: f.deps.clock() })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await runProposals(f.deps, who, programmeId)).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await requestReplacement(f.deps, who, { pairId })).toMatchObject({ ok: false, kind: "not-allowed" });
    }
    // The mentee of the pair may answer, but not act as its curator.
    expect(await proposeReplacement(f.deps, anna.actor, { pairId, membershipId: mentor.id, reason: "other" })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await endEarly(f.deps, anna.actor, { pairId, reason: "other" })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await f.store.pairs.get(pairId)).toEqual(before);
    expect((await mentorOf(mentor.id)).mentorLimit).toBe(2);
    expect((await mentorOf(mentor.id)).mentorTrainedOn).not.toBeNull();
    expect(await f.store.pairs.ofProgramme(programmeId)).toHaveLength(1);
    expect(f.deps.notices.sent).toEqual([]);
  });

  it("keeps the domain's rules: the limit's range, never below the load; group size; trained mentors only", async () => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Мария Лебедева");
    const untrained = await teacherMentor(programmeId, "Пётр Новый", { trained: false });
    const mentees = await Promise.all(["А", "Б", "В", "Г"].map((n) => teacherMentee(programmeId, `${n} Тестовый`)));
    expect(await setMentorLimit(f.deps, curator, { membershipId: mentor.id, limit: 4 })).toMatchObject({ ok: false, reason: "pairs-limit-out-of-range" });
    expect(await proposePair(f.deps, curator, input(programmeId, mentor.id, mentees.map((m) => m.id)))).toMatchObject({ ok: false, reason: "propose-failed-group-size" });
    expect(await proposePair(f.deps, curator, input(programmeId, untrained.id, [mentees[0]!.id]))).toMatchObject({ ok: false, reason: "propose-failed-not-ready" });
    expect((await proposePair(f.deps, curator, input(programmeId, mentor.id, [mentees[0]!.id, mentees[1]!.id]))).ok).toBe(true);
    expect(await setMentorLimit(f.deps, curator, { membershipId: mentor.id, limit: 1 })).toMatchObject({ ok: false, reason: "pairs-limit-below-load" });
    const card = await setMentorLimit(f.deps, curator, { membershipId: mentor.id, limit: 2 });
    expect(card.ok && card.value.free).toBe(0);
  });
});

describe("races on FerretDB", () => {
  it("parallel proposals never push a mentor over the limit nor put a mentee in two pairs", async () => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Мария Лебедева", { limit: 2 });
    const other = await teacherMentor(programmeId, "Игорь Белов", { limit: 3 });
    const mentees = await Promise.all(["А", "Б", "В", "Г", "Д"].map((n) => teacherMentee(programmeId, `${n} Тестовый`)));
    const results = await Promise.all([
      ...mentees.map((m) => proposePair(f.deps, curator, input(programmeId, mentor.id, [m.id]))),
      proposePair(f.deps, curator, input(programmeId, other.id, [mentees[0]!.id])),
      proposePair(f.deps, curator, input(programmeId, other.id, [mentees[0]!.id])),
    ]);
    expect(await f.store.claims.placesUsed(claimKeys.mentorPlaces(mentor.id))).toBeLessThanOrEqual(2);
    const pairs = await f.store.pairs.ofProgramme(programmeId);
    expect(pairs).toHaveLength(results.filter((r) => r.ok).length);
    expect(pairs.filter((p) => p.mentorId === mentor.id).length).toBeLessThanOrEqual(2);
    const menteeIds = pairs.flatMap((p) => p.menteeIds);
    expect(new Set(menteeIds).size).toBe(menteeIds.length);
    for (const p of pairs) for (const id of p.menteeIds) expect((await f.store.memberships.get(id))?.pairId).toBe(p._id);
  });

  it("two replacements at once: one is proposed, the other waits for it; agreed, the places follow the pair", async () => {
    const { programmeId, curator } = await programme();
    const first = await teacherMentor(programmeId, "Ирина Орлова", { limit: 1 });
    const b = await teacherMentor(programmeId, "Павел Смирнов", { limit: 1 });
    const c = await teacherMentor(programmeId, "Нина Лисина", { limit: 1 });
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    const made = await proposePair(f.deps, curator, input(programmeId, first.id, [anna.id]));
    const pairId = made.ok ? made.value._id : "";
    await answerAgreement(f.deps, anna.actor, { pairId, answer: "accepted" });
    await answerAgreement(f.deps, first.actor, { pairId, answer: "accepted" });
    const results = await Promise.all([
      proposeReplacement(f.deps, curator, { pairId, membershipId: b.id, reason: "mentor-left", expectedMentorId: first.id }),
      proposeReplacement(f.deps, curator, { pairId, membershipId: c.id, reason: "mentor-left", expectedMentorId: first.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, reason: "change-replace-pending" });
    const proposedPair = (await f.store.pairs.get(pairId))!;
    const chosen = proposedPair.replacement!.mentorId === b.id ? b : c;
    const other = chosen === b ? c : b;
    const used = async (id: string) => f.store.claims.placesUsed(claimKeys.mentorPlaces(id));
    expect(proposedPair.mentorId).toBe(first.id);
    expect(await used(chosen.id)).toBe(1);
    expect(await used(other.id)).toBe(0);
    for (const who of [chosen, anna]) await answerReplacement(f.deps, who.actor, { replacementId: proposedPair.replacement!.id, answer: "accepted" });
    const pair = (await f.store.pairs.get(pairId))!;
    expect(pair.mentorId).toBe(chosen.id);
    expect(await used(first.id)).toBe(0);
    expect(await used(chosen.id)).toBe(1);
    expect(await used(other.id)).toBe(0);
    expect((await f.store.pairEvents.history(pairId)).filter((e) => e.kind === "mentor-replaced")).toHaveLength(1);
  });

  it("the reminder goes once, however many jobs run at once", async () => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Нина Лисина");
    const mentee = await teacherMentee(programmeId, "Дарья Осина");
    const made = await proposePair(f.deps, curator, input(programmeId, mentor.id, [mentee.id]));
    const pair = made.ok ? made.value : null;
    await answerAgreement(f.deps, mentor.actor, { pairId: pair!._id, answer: "accepted" });
    f.deps.notices.clear();
    const due = new Date(pair!.proposedAt.getTime() + 3 * 86_400_000);
    // The Pending job (jobs/pending.ts) queues the reminder in the outbox under one key.
    const counts = await Promise.all([1, 2, 3, 4, 5].map(() => runJob(f.deps, pendingJob, due)));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const queued = [];
    for (const bucket of await f.store.outbox.dueBuckets(due)) queued.push(...(await f.store.outbox.readBucket(bucket)));
    expect(queued.map((m) => [m.to, m.notice["key"]])).toEqual([[mentee.actor.userId, "pair-ask"]]);
    expect(await runJob(f.deps, pendingJob, new Date(due.getTime() + 6 * 86_400_000))).toBe(0);
  });

  it("the training mark and the limit, set at once, both stay", async () => {
    const { programmeId, curator } = await programme();
    for (let round = 0; round < 4; round++) {
      const mentor = await teacherMentor(programmeId, `Наставник ${round}`, { trained: false });
      const [trained, limit] = await Promise.all([markTrained(f.deps, curator, { membershipId: mentor.id, trained: true }), setMentorLimit(f.deps, curator, { membershipId: mentor.id, limit: 1 })]);
      expect(trained.ok && limit.ok).toBe(true);
      const card = await mentorCard(f.deps, curator, mentor.id);
      expect(card.ok && card.value.mentor.mentorLimit).toBe(1);
      expect(card.ok && card.value.mentor.mentorTrainedOn).not.toBeNull();
    }
  });

  it("a pair linked while the intake status moves: both stay", async () => {
    const { programmeId } = await programme();
    for (let round = 0; round < 4; round++) {
      const mentee = await teacherMentee(programmeId, `Наставляемый ${round}`);
      await Promise.all([f.store.memberships.setPair(mentee.id, `pair${round}`), f.store.memberships.moveIntake(mentee.id, ["ready"], "questionnaire", f.deps.clock())]);
      const m = (await f.store.memberships.get(mentee.id))!;
      expect(m.pairId).toBe(`pair${round}`);
      expect(m.intake).toBe("questionnaire");
    }
  });

  it("everyone's last answers at once settle the pair once", async () => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Ирина Орлова");
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    const made = await proposePair(f.deps, curator, input(programmeId, mentor.id, [anna.id]));
    const pairId = made.ok ? made.value._id : "";
    const results = await Promise.all([answerAgreement(f.deps, anna.actor, { pairId, answer: "accepted" }), answerAgreement(f.deps, mentor.actor, { pairId, answer: "accepted" })]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await f.store.pairs.get(pairId))?.status).toBe("active");
    expect((await f.store.pairEvents.history(pairId)).filter((e) => e.kind === "activated")).toHaveLength(1);
  });
});
