import { describe, expect, it } from "vitest";
import { chooseManualMentor, manualSelection, toggleManualMentee } from "../../src/services/matching.js";
import { answerAgreement, answerReplacement, dismissReplacement, pairCard, pairHistory, proposePair, proposeReplacement, requestReplacement } from "../../src/services/pairs.js";
import { claimKeys } from "../../src/store/claimKeys.js";
import { newUserId, pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// Repeatable actions of pairs are bounded (issue 8), through the services on FerretDB with
// presses at the same moment: one open replacement request per pair until the curator answers
// it; the picker never marks more mentees than the mentor's free places.

const f = useServices({ operatorIds: [1] });
const { programme, teacherMentor, teacherMentee, input } = pairsSetup(f);

async function activePair() {
  const { programmeId, curator } = await programme();
  const second = { userId: newUserId() };
  await f.store.memberships.add({ userId: second.userId, programmeId, role: "curator", category: null, grade: null, invitationId: null }, f.deps.clock());
  const irina = await teacherMentor(programmeId, "Ирина Орлова", { limit: 2 });
  const pavel = await teacherMentor(programmeId, "Павел Смирнов", { limit: 2 });
  const anna = await teacherMentee(programmeId, "Анна Новикова");
  const proposed = await proposePair(f.deps, curator, input(programmeId, irina.id, [anna.id]));
  const pairId = proposed.ok ? proposed.value._id : "";
  await answerAgreement(f.deps, anna.actor, { pairId, answer: "accepted" });
  expect(await answerAgreement(f.deps, irina.actor, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "active" });
  return { programmeId, curator, second, irina, pavel, anna, pairId };
}

const requests = async (pairId: string) => (await f.store.pairEvents.history(pairId)).filter((e) => e.kind === "replacement-requested").length;
const told = (userId: number) => f.deps.notices.keys(userId).filter((k) => k === "replacement-requested-curator").length;

describe("a replacement request", () => {
  it("100 presses at once by both parties: one request, one event, one notice per curator; a second one says so", async () => {
    const { curator, second, irina, anna, pairId } = await activePair();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => requestReplacement(f.deps, i % 2 ? anna.actor : irina.actor, { pairId })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "replacement-already-requested")).toBe(true);
    expect(await requests(pairId)).toBe(1);
    expect(told(curator.userId)).toBe(1);
    expect(told(second.userId)).toBe(1);
    const card = await pairCard(f.deps, curator, pairId);
    expect(card.ok && card.value.replacement).not.toBeNull();
  });

  it("stays open until the curator dismisses it (the asker is told) or replaces the mentor", async () => {
    const { curator, second, pavel, anna, pairId } = await activePair();
    expect((await requestReplacement(f.deps, anna.actor, { pairId })).ok).toBe(true);
    // Only a curator of the pair's programme answers it.
    expect(await dismissReplacement(f.deps, anna.actor, { pairId })).toMatchObject({ ok: false, kind: "not-allowed" });
    const twice = await Promise.all([dismissReplacement(f.deps, curator, { pairId }), dismissReplacement(f.deps, second, { pairId })]);
    expect(twice.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    expect(f.deps.notices.keys(anna.actor.userId).filter((k) => k === "replacement-dismissed").length).toBeGreaterThanOrEqual(1);
    const card = await pairCard(f.deps, curator, pairId);
    expect(card.ok && card.value.replacement).toBeNull();

    // Asked again: taken; the replacement answers it.
    expect((await requestReplacement(f.deps, anna.actor, { pairId })).ok).toBe(true);
    const proposed = await proposeReplacement(f.deps, curator, { pairId, membershipId: pavel.id, reason: "mentee-request" });
    const replacementId = proposed.ok ? proposed.value.replacement!.id : "";
    // Proposed, not yet agreed: the request is still open.
    expect((await pairCard(f.deps, curator, pairId)).ok && (await pairCard(f.deps, curator, pairId))).toMatchObject({ value: { replacement: expect.anything() } });
    for (const who of [pavel, anna]) await answerReplacement(f.deps, who.actor, { replacementId, answer: "accepted" });
    expect((await f.store.pairs.get(pairId))?.mentorId).toBe(pavel.id);
    expect((await requestReplacement(f.deps, anna.actor, { pairId })).ok).toBe(true);
    expect(await requests(pairId)).toBe(3);
  });

  it("keeps the card short however long the history, and pages the whole of it", async () => {
    const { programmeId, curator, pairId } = await activePair();
    for (let i = 0; i < 45; i++) await f.store.pairEvents.add({ pairId, programmeId, kind: "agreed", at: f.deps.clock(), by: null });
    const card = await pairCard(f.deps, curator, pairId);
    expect(card.ok && card.value.history).toHaveLength(5);
    const total = card.ok ? card.value.historyTotal : 0;
    expect(total).toBeGreaterThan(45);
    const last = await pairHistory(f.deps, curator, { pairId, page: 99 });
    expect(last.ok && last.value.events).toMatchObject({ page: 2, to: total, total });
  });
});

describe("the picker by hand", () => {
  it("never marks more mentees than the mentor's free places, pressed at once", async () => {
    const { programmeId, curator } = await programme();
    const irina = await teacherMentor(programmeId, "Ирина Орлова", { limit: 2 });
    const mentees = await Promise.all(Array.from({ length: 8 }, (_, i) => teacherMentee(programmeId, `Наставляемый ${i}`)));
    expect((await chooseManualMentor(f.deps, curator, { membershipId: irina.id })).ok).toBe(true);
    await Promise.all(mentees.map((m) => toggleManualMentee(f.deps, curator, { membershipId: m.id, page: 0 })));
    expect((await f.store.claims.inScope(claimKeys.manualPick(curator.userId, programmeId))).length).toBeLessThanOrEqual(2);
    // One by one, after the mentor is chosen again (which forgets the marks): two marked, the rest refused.
    expect((await chooseManualMentor(f.deps, curator, { membershipId: irina.id })).ok).toBe(true);
    const pressed = [];
    for (const m of mentees) pressed.push(await toggleManualMentee(f.deps, curator, { membershipId: m.id, page: 0 }));
    expect(pressed.map((r) => (r.ok ? "ok" : r.reason))).toEqual(["ok", "ok", ...Array(6).fill("manual-too-many")]);
    const chosen = await manualSelection(f.deps, curator, programmeId);
    expect(chosen.ok && chosen.value.mentees.map((m) => m.membershipId).sort()).toEqual([mentees[0]!.id, mentees[1]!.id].sort());
    // Another curator's programme: refused, nothing marked.
    const other = await programme("Другая школа");
    expect(await toggleManualMentee(f.deps, other.curator, { membershipId: mentees[0]!.id, page: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
  });
});
