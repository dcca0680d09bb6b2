import { describe, expect, it } from "vitest";
import { withdrawOwnConsent } from "../../src/services/consent.js";
import type { Actor } from "../../src/services/deps.js";
import { answerAgreement, answerReplacement, endEarly, freePlaces, proposePair, proposeReplacement, setMentorLimit, setTerm, type ReplacementResult } from "../../src/services/pairs.js";
import type { Result } from "../../src/services/result.js";
import { claimKeys } from "../../src/store/claimKeys.js";
import { newUserId, pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// The races of issue 8, each run as two actions at the same moment (Promise.all) on FerretDB,
// ROUNDS times with fresh people: whichever wins, the invariant holds and each action reports
// what really happened.

const ROUNDS = 16;
/** Each test runs its race ROUNDS times with fresh people: more than the default 30 s on a busy machine. */
const TIMEOUT = 180_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Both actions at once, one of them started a little later: 0–280 ms, the second one in the first
 * half of the rounds and the first one in the other half, so each order and the overlaps in
 * between are tried (an action takes 50–500 ms here).
 */
function together<A, B>(round: number, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> {
  const late = (round % (ROUNDS / 2)) * 40;
  const first = round < ROUNDS / 2;
  return Promise.all([pause(first ? 0 : late).then(a), pause(first ? late : 0).then(b)]);
}

const f = useServices({ operatorIds: [1] });
const { programme, teacherMentor, teacherMentee, term, input, mentorOf } = pairsSetup(f);

async function secondCurator(programmeId: string): Promise<Actor> {
  const actor = { userId: newUserId() };
  await f.store.memberships.add({ userId: actor.userId, programmeId, role: "curator", category: null, grade: null, invitationId: null }, f.deps.clock());
  return actor;
}

/** A proposed pair, and the parties' actors in the order they will answer. */
async function proposed(curator: Actor, programmeId: string, mentorId: string, menteeIds: string[]): Promise<string> {
  const made = await proposePair(f.deps, curator, input(programmeId, mentorId, menteeIds));
  expect(made.ok).toBe(true);
  return made.ok ? made.value._id : "";
}

async function active(curator: Actor, programmeId: string, mentor: { id: string; actor: Actor }, mentees: { id: string; actor: Actor }[]): Promise<string> {
  const pairId = await proposed(
    curator,
    programmeId,
    mentor.id,
    mentees.map((m) => m.id),
  );
  for (const m of mentees) await answerAgreement(f.deps, m.actor, { pairId, answer: "accepted" });
  expect(await answerAgreement(f.deps, mentor.actor, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "active" });
  return pairId;
}

/** Places any mentor holds for this pair. */
async function placesHeldBy(pairId: string, mentorIds: string[]): Promise<number> {
  let n = 0;
  for (const id of mentorIds) n += (await f.store.claims.inScope(claimKeys.mentorPlaces(id))).filter((c) => c.holder === pairId).length;
  return n;
}

/**
 * The whole replacement: the curator proposes the new mentor, then the new mentor and each mentee
 * agree; what the last step said. "replaced" only when the mentor really changed.
 */
async function replaceAgreed(curator: Actor, pairId: string, fresh: { id: string; actor: Actor }, mentees: { actor: Actor }[], reason: string): Promise<Result<ReplacementResult>> {
  const proposed = await proposeReplacement(f.deps, curator, { pairId, membershipId: fresh.id, reason });
  if (!proposed.ok) return proposed;
  const replacementId = proposed.value.replacement!.id;
  let last: Result<ReplacementResult> = { ok: true, value: "waiting" };
  for (const who of [fresh, ...mentees]) {
    last = await answerReplacement(f.deps, who.actor, { replacementId, answer: "accepted" });
    if (!last.ok || last.value !== "waiting") break;
  }
  return last;
}
const wasReplaced = (r: Result<ReplacementResult>) => r.ok && r.value === "replaced";

describe("replacing the mentor of a pair that is being ended (proposed, then agreed)", () => {
  it("by another curator: the replacement is refused or happened first; the ended pair holds no place", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const { programmeId, curator } = await programme(`Школа № ${round + 1}`);
      const other = await secondCurator(programmeId);
      const old = await teacherMentor(programmeId, "Ирина Орлова", { limit: 1 });
      const fresh = await teacherMentor(programmeId, "Павел Смирнов", { limit: 1 });
      const mentee = await teacherMentee(programmeId, "Анна Новикова");
      const pairId = await active(curator, programmeId, old, [mentee]);

      const [replaced, ended] = await together(round, () => replaceAgreed(curator, pairId, fresh, [mentee], "mentee-request"), () => endEarly(f.deps, other, { pairId, reason: "mutual-agreement" }));
      const pair = (await f.store.pairs.get(pairId))!;
      expect(ended.ok).toBe(true);
      expect(pair.status).toBe("ended");
      expect(pair.replacement).toBeNull();
      if (wasReplaced(replaced)) {
        expect(pair.mentorId).toBe(fresh.id);
        outcomes.add("replaced, then ended");
      } else {
        expect(pair.mentorId).toBe(old.id);
        outcomes.add("ended, replacement refused or withdrawn");
      }
      expect(await placesHeldBy(pairId, [old.id, fresh.id])).toBe(0);
      expect(await freePlaces(f.deps, await mentorOf(fresh.id))).toBe(1);
      expect(await freePlaces(f.deps, await mentorOf(old.id))).toBe(1);
      expect((await f.store.memberships.get(mentee.id))?.pairId).toBeNull();
    }
    expect(outcomes.size).toBeGreaterThan(0);
  }, TIMEOUT);

  it("by the mentee's withdrawal: the pair ends, no place stays taken", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { programmeId, curator } = await programme(`Школа № ${round + 1}`);
      const old = await teacherMentor(programmeId, "Ирина Орлова", { limit: 1 });
      const fresh = await teacherMentor(programmeId, "Павел Смирнов", { limit: 1 });
      const mentee = await teacherMentee(programmeId, "Анна Новикова");
      const pairId = await active(curator, programmeId, old, [mentee]);

      const [replaced, withdrawn] = await together(round, () => replaceAgreed(curator, pairId, fresh, [mentee], "mentee-request"), () => withdrawOwnConsent(f.deps, mentee.actor, { membershipId: mentee.id }));
      expect(withdrawn).toEqual({ ok: true, value: { removed: 1 } });
      const pair = (await f.store.pairs.get(pairId))!;
      expect(pair.status).toBe("ended");
      expect(pair.replacement).toBeNull();
      expect(pair.mentorId).toBe(wasReplaced(replaced) ? fresh.id : old.id);
      expect(await placesHeldBy(pairId, [old.id, fresh.id])).toBe(0);
      expect(await freePlaces(f.deps, await mentorOf(fresh.id))).toBe(1);
    }
  }, TIMEOUT);

  it("by the old mentor's withdrawal: either the new mentor has the pair, or it ended and nothing was replaced", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { programmeId, curator } = await programme(`Школа № ${round + 1}`);
      const old = await teacherMentor(programmeId, "Ирина Орлова", { limit: 1 });
      const fresh = await teacherMentor(programmeId, "Павел Смирнов", { limit: 1 });
      const mentee = await teacherMentee(programmeId, "Анна Новикова");
      const pairId = await active(curator, programmeId, old, [mentee]);

      const [replaced] = await together(round, () => replaceAgreed(curator, pairId, fresh, [mentee], "mentor-left"), () => withdrawOwnConsent(f.deps, old.actor, { membershipId: old.id }));
      const pair = (await f.store.pairs.get(pairId))!;
      expect(pair.replacement).toBeNull();
      if (wasReplaced(replaced)) {
        expect(pair).toMatchObject({ status: "active", mentorId: fresh.id });
        expect(await placesHeldBy(pairId, [fresh.id])).toBe(1);
        expect((await f.store.memberships.get(mentee.id))?.pairId).toBe(pairId);
      } else {
        expect(pair.status).toBe("ended");
        expect(await placesHeldBy(pairId, [fresh.id])).toBe(0);
        expect((await f.store.memberships.get(mentee.id))?.pairId).toBeNull();
      }
    }
  }, TIMEOUT);

  it("by the new mentor's withdrawal: an active pair never names a deleted mentor", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { programmeId, curator } = await programme(`Школа № ${round + 1}`);
      const old = await teacherMentor(programmeId, "Ирина Орлова", { limit: 1 });
      const fresh = await teacherMentor(programmeId, "Павел Смирнов", { limit: 1 });
      const mentee = await teacherMentee(programmeId, "Анна Новикова");
      const pairId = await active(curator, programmeId, old, [mentee]);

      const [replaced] = await together(round, () => replaceAgreed(curator, pairId, fresh, [mentee], "mentor-left"), () => withdrawOwnConsent(f.deps, fresh.actor, { membershipId: fresh.id }));
      const pair = (await f.store.pairs.get(pairId))!;
      expect(await f.store.memberships.get(fresh.id)).toBeNull();
      expect(pair.replacement).toBeNull();
      if (pair.status === "active") {
        // The withdrawal came first (before the proposal, or while it waited): nothing was
        // replaced and the old mentor still has the pair.
        expect(wasReplaced(replaced)).toBe(false);
        expect(pair.mentorId).toBe(old.id);
        expect(await placesHeldBy(pairId, [old.id])).toBe(1);
      } else {
        // The replacement came first, then the new mentor left: the pair ended.
        expect(wasReplaced(replaced)).toBe(true);
        expect(pair.status).toBe("ended");
        expect(await placesHeldBy(pairId, [old.id])).toBe(0);
      }
      expect(await f.store.claims.inScope(claimKeys.mentorPlaces(fresh.id))).toEqual([]);
    }
  }, TIMEOUT);
});

describe("a mentor's limit lowered while a group is approved for them", () => {
  it("never leaves the mentor above the limit, and both report what happened", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const { programmeId, curator } = await programme(`Школа № ${round + 1}`);
      const other = await secondCurator(programmeId);
      const mentor = await teacherMentor(programmeId, "Ирина Орлова", { limit: 3 });
      const a = await teacherMentee(programmeId, "Анна Новикова");
      const b = await teacherMentee(programmeId, "Борис Котов");

      const [limited, group] = await together(round, () => setMentorLimit(f.deps, curator, { membershipId: mentor.id, limit: 1 }), () => proposePair(f.deps, other, input(programmeId, mentor.id, [a.id, b.id])));
      const after = await mentorOf(mentor.id);
      const used = await f.store.claims.placesUsed(claimKeys.mentorPlaces(mentor.id));
      expect(used).toBeLessThanOrEqual(after.mentorLimit);
      if (limited.ok) {
        expect(after.mentorLimit).toBe(1);
        expect(group).toMatchObject({ ok: false, reason: "propose-failed-mentor-full" });
        expect(used).toBe(0);
        outcomes.add("limit first");
      } else {
        expect(limited).toMatchObject({ reason: "pairs-limit-below-load" });
        expect(group.ok).toBe(true);
        expect(after.mentorLimit).toBe(3);
        expect(used).toBe(2);
        outcomes.add("group first");
      }
    }
    expect(outcomes.size).toBeGreaterThan(0);
  }, TIMEOUT);
});

describe("a withdrawal while the last party agrees", () => {
  it("never leaves the pair active with a deleted membership", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { programmeId, curator } = await programme(`Школа № ${round + 1}`);
      const mentor = await teacherMentor(programmeId, "Ирина Орлова", { limit: 1 });
      const mentee = await teacherMentee(programmeId, "Анна Новикова");
      const pairId = await proposed(curator, programmeId, mentor.id, [mentee.id]);
      // Alternately the mentee and the mentor is the one who leaves; the other agrees last.
      const [leaver, last] = round % 2 === 0 ? [mentee, mentor] : [mentor, mentee];
      expect(await answerAgreement(f.deps, leaver.actor, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });

      const [agreed, withdrawn] = await together(round, () => answerAgreement(f.deps, last.actor, { pairId, answer: "accepted" }), () => withdrawOwnConsent(f.deps, leaver.actor, { membershipId: leaver.id }));
      expect(withdrawn).toEqual({ ok: true, value: { removed: 1 } });
      expect(await f.store.memberships.get(leaver.id)).toBeNull();
      const pair = (await f.store.pairs.get(pairId))!;
      expect(["ended", "declined"]).toContain(pair.status);
      const kinds = (await f.store.pairEvents.history(pairId)).map((e) => e.kind);
      // «active» is said only when the pair was active (and the withdrawal then ended it).
      if (agreed.ok && agreed.value === "active") expect(pair.status === "ended" && kinds.includes("activated")).toBe(true);
      else expect(kinds).not.toContain("activated");
      expect(await placesHeldBy(pairId, [mentor.id])).toBe(0);
      if (leaver === mentor) expect((await f.store.memberships.get(mentee.id))?.pairId).toBeNull();
      expect(await f.store.claims.holderOf(claimKeys.mentee(mentee.id))).toBeNull();
    }
  }, TIMEOUT);
});

describe("a proposal while a mentee withdraws", () => {
  it("never leaves a proposed pair with a deleted membership, nor a place taken", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { programmeId, curator } = await programme(`Школа № ${round + 1}`);
      const mentor = await teacherMentor(programmeId, "Ирина Орлова", { limit: 1 });
      const mentee = await teacherMentee(programmeId, "Анна Новикова");

      const [made, withdrawn] = await together(
        round,
        () => proposePair(f.deps, curator, input(programmeId, mentor.id, [mentee.id])),
        () => withdrawOwnConsent(f.deps, mentee.actor, { membershipId: mentee.id }),
      );
      expect(withdrawn).toEqual({ ok: true, value: { removed: 1 } });
      const pairs = await f.store.pairs.ofProgramme(programmeId);
      expect(pairs.filter((p) => p.status === "awaiting" || p.status === "active")).toEqual([]);
      if (!made.ok) expect(made).toMatchObject({ reason: "propose-failed-not-ready" });
      expect(await f.store.claims.placesUsed(claimKeys.mentorPlaces(mentor.id))).toBe(0);
      expect(await f.store.claims.holderOf(claimKeys.mentee(mentee.id))).toBeNull();
    }
  }, TIMEOUT);
});

describe("the dates of a pair set while the last party agrees", () => {
  it("are saved only while the pair is proposed; otherwise the curator is told they were not", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { programmeId, curator } = await programme(`Школа № ${round + 1}`);
      const mentor = await teacherMentor(programmeId, "Ирина Орлова", { limit: 1 });
      const mentee = await teacherMentee(programmeId, "Анна Новикова");
      const pairId = await proposed(curator, programmeId, mentor.id, [mentee.id]);
      await answerAgreement(f.deps, mentee.actor, { pairId, answer: "accepted" });
      const before = (await f.store.pairs.get(pairId))!;
      const plannedEnd = new Date(term().startDate.getTime() + 120 * 86_400_000);

      const [saved, agreed] = await together(round, () => setTerm(f.deps, curator, { pairId, startDate: before.startDate, plannedEnd }), () => answerAgreement(f.deps, mentor.actor, { pairId, answer: "accepted" }));
      expect(agreed).toEqual({ ok: true, value: "active" });
      const pair = (await f.store.pairs.get(pairId))!;
      expect(pair.status).toBe("active");
      if (saved.ok) expect(pair.plannedEnd).toEqual(plannedEnd);
      else {
        expect(saved).toMatchObject({ ok: false, reason: "pair-term-not-saved-active" });
        expect(pair.plannedEnd).toEqual(before.plannedEnd);
      }
    }
  }, TIMEOUT);
});
