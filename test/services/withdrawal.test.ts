import { describe, expect, it } from "vitest";
import { WITHDRAWN, withdrawChildConsent, withdrawOwnConsent } from "../../src/services/consent.js";
import { proposalAt } from "../../src/services/matching.js";
import { answerAgreement, answerReplacement, pairCard, proposePair, proposeReplacement } from "../../src/services/pairs.js";
import { pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// After a withdrawal (by a parent for their child, or by the child), nothing in the database
// names the child's membership, the child's Telegram id or the parent's: every collection is
// searched. What stays is anonymous: the pairs' shape and dates, their history's events, the
// engine's proposals, the record that consent was withdrawn.

const f = useServices({ operatorIds: [1] });
const { programme, person, teacherMentor, teacherMentee, input } = pairsSetup(f);

// Telegram ids that cannot be part of another number, date or id in a document.
const CHILD = 770_000_000_101;
const PARENT = 770_000_000_202;

/**
 * Collections where a Telegram id may stay, and why: `users` is the bot's record of an account
 * it talks to (its id, language, whether it blocked the bot), not programme data; the parent
 * still uses the bot, the child may too (in other programmes), and the record is made again on
 * their next message anyway.
 */
const TELEGRAM_ID_ALLOWED = new Set(["users"]);

async function everything(): Promise<{ collection: string; text: string }[]> {
  const out: { collection: string; text: string }[] = [];
  for (const { name } of await f.store.db.listCollections().toArray()) {
    for (const doc of await f.store.db.collection(name).find({}).toArray()) out.push({ collection: name, text: JSON.stringify(doc) });
  }
  return out;
}

const names = (id: number) => new RegExp(`(?<![0-9])${id}(?![0-9])`);

describe("a withdrawal leaves no id behind", () => {
  it.each(["parent", "child"] as const)("when the %s withdraws: pairs, their history, claims, others' rankings and proposals are anonymised", async (who) => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Ирина Орлова", { limit: 3 });
    const next = await teacherMentor(programmeId, "Павел Смирнов", { limit: 3 });
    const child = await person(programmeId, { name: "Петя Иванов", role: "mentee", category: "student", grade: 7, parent: PARENT, userId: CHILD, answers: { requests: ["parents"] } });
    const other = await teacherMentee(programmeId, "Анна Новикова");
    const now = f.deps.clock();
    await f.store.users.touch(CHILD, now);
    await f.store.users.touch(PARENT, now);

    // A round: the mentor ranks the child, the child ranks the mentor.
    const round = await f.store.rounds.open("round-1", programmeId, now, new Date(now.getTime() + 7 * 86_400_000));
    await f.store.preferences.save(round, mentor.id, [child.id, other.id], now);
    await f.store.preferences.save(round, child.id, [mentor.id], now);
    await f.store.preferences.save(round, other.id, [mentor.id], now);
    // The engine proposed the child to the mentor, and once left them without one.
    const batch = await f.store.proposalBatches.save({
      programmeId,
      createdAt: now,
      items: [
        { mentorId: mentor.id, menteeId: child.id, form: "teacher-student", fit: 5, reasons: [] },
        { mentorId: mentor.id, menteeId: other.id, form: "teacher-teacher", fit: 4, reasons: [] },
      ],
      unmatched: [{ menteeId: child.id, category: "student", reason: "outbid", best: { mentorId: mentor.id, fit: 3, form: "teacher-student" } }],
    });

    // A pair the child declined, then one the child and the parent agreed to, whose mentor changed.
    const first = await proposePair(f.deps, curator, input(programmeId, mentor.id, [child.id], "teacher-student"));
    const firstId = first.ok ? first.value._id : "";
    expect(await answerAgreement(f.deps, child.actor, { pairId: firstId, answer: "declined" })).toEqual({ ok: true, value: "declined" });
    const made = await proposePair(f.deps, curator, input(programmeId, mentor.id, [child.id], "teacher-student"));
    const pairId = made.ok ? made.value._id : "";
    await answerAgreement(f.deps, child.actor, { pairId, answer: "accepted" });
    expect(await answerAgreement(f.deps, { userId: PARENT }, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });
    expect(await answerAgreement(f.deps, mentor.actor, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "active" });
    const replacing = await proposeReplacement(f.deps, curator, { pairId, membershipId: next.id, reason: "mentor-left" });
    const replacementId = replacing.ok ? replacing.value.replacement!.id : "";
    expect(await answerReplacement(f.deps, next.actor, { replacementId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });
    expect(await answerReplacement(f.deps, child.actor, { replacementId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });
    expect(await answerReplacement(f.deps, { userId: PARENT }, { replacementId, answer: "accepted" })).toEqual({ ok: true, value: "replaced" });
    // Someone else's pair, which must keep its ids.
    const theirs = await proposePair(f.deps, curator, input(programmeId, mentor.id, [other.id]));
    const theirsId = theirs.ok ? theirs.value._id : "";
    // A curator opened the child's card: the audit log names the membership.
    await f.store.audit.add({ programmeId, actorId: curator.userId, action: "card-opened", membershipId: child.id, pairId: null, at: now });

    // Before: the ids are there, in the places this test is about.
    const before = await everything();
    const where = (test: (text: string) => boolean, rows = before) => [...new Set(rows.filter((r) => test(r.text)).map((r) => r.collection))].sort();
    expect(where((t) => t.includes(child.id))).toEqual(expect.arrayContaining(["audit", "claims", "consents", "memberships", "pair_events", "pairs", "preferences", "profiles", "proposal_batches"]));
    expect(where((t) => names(PARENT).test(t))).toEqual(expect.arrayContaining(["consents", "pair_events", "users"]));
    const eventsBefore = (await f.store.pairEvents.history(pairId)).length;

    const result =
      who === "parent" ? await withdrawChildConsent(f.deps, { userId: PARENT }, { membershipId: child.id }) : await withdrawOwnConsent(f.deps, child.actor, { membershipId: child.id });
    expect(result).toEqual({ ok: true, value: { removed: 1 } });

    const after = await everything();
    expect(where((t) => t.includes(child.id), after)).toEqual([]);
    expect(where((t) => names(CHILD).test(t), after).filter((c) => !TELEGRAM_ID_ALLOWED.has(c))).toEqual([]);
    expect(where((t) => names(PARENT).test(t), after).filter((c) => !TELEGRAM_ID_ALLOWED.has(c))).toEqual([]);

    // What stays is anonymous and still readable.
    expect(await f.store.pairs.get(pairId)).toMatchObject({ status: "ended", mentorId: next.id, menteeIds: [WITHDRAWN] });
    expect((await f.store.pairs.get(pairId))?.parties.sort()).toEqual([`mentee:${WITHDRAWN}`, `mentor:${next.id}`, `parent:${WITHDRAWN}`].sort());
    expect(await f.store.pairs.get(firstId)).toMatchObject({ status: "declined", menteeIds: [WITHDRAWN] });
    const history = await f.store.pairEvents.history(pairId);
    expect(history.length).toBe(eventsBefore + 1);
    expect(history.filter((e) => e.kind === "agreed").map((e) => e.by)).toEqual([null, null, mentor.actor.userId]);
    expect(history.at(-1)).toMatchObject({ kind: "ended-early", by: null });
    const card = await pairCard(f.deps, curator, pairId);
    expect(card.ok && card.value.mentees).toEqual([]);
    expect((await f.store.preferences.get(round._id, mentor.id))?.ranked).toEqual([other.id]);
    expect(await f.store.preferences.get(round._id, child.id)).toBeNull();
    const kept = await f.store.proposalBatches.get(batch._id);
    expect(kept?.items.map((i) => i.menteeId)).toEqual([WITHDRAWN, other.id]);
    expect(kept?.unmatched.map((u) => u.menteeId)).toEqual([WITHDRAWN]);
    expect((await proposalAt(f.deps, curator, { batchId: batch._id, index: 0 })).ok).toBe(true);
    expect((await proposalAt(f.deps, curator, { batchId: batch._id, index: 2 })).ok).toBe(true);
    // Someone else's pair keeps its people; the withdrawal's anonymous record stays.
    expect(await f.store.pairs.get(theirsId)).toMatchObject({ status: "awaiting", mentorId: mentor.id, menteeIds: [other.id] });
    const record = (await f.store.db.collection("consents").find({ programmeId, decision: "withdrawn" }).toArray())[0];
    expect(record).toMatchObject({ userId: null, membershipId: null, givenBy: null, relation: who === "parent" ? "parent" : "self" });
  });
});
