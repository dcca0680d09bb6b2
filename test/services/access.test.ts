import { describe, expect, it } from "vitest";
import { authorize, type Need } from "../../src/services/access.js";
import type { Actor } from "../../src/services/deps.js";
import { useServices, type ServiceFixture } from "../support/services.js";
import { OPERATOR, newActor, participant, schoolWithCurator } from "./curatorSetup.js";

// The one access guard, need by need: who is let through, who is refused, always read from the
// store (a membership removed a moment ago refuses the very next call).

const f = useServices({ operatorIds: [OPERATOR.userId] });

async function world(fx: ServiceFixture) {
  const a = await schoolWithCurator(fx, "Школа А");
  const b = await schoolWithCurator(fx, "Школа Б");
  const mentor = await participant(fx, a, { role: "mentor", intake: "ready" });
  const mentee = await participant(fx, a, { role: "mentee", category: "student", grade: 7, intake: "ready" });
  const parent = newActor();
  const now = fx.deps.clock();
  await fx.store.consents.add({ userId: mentee.actor.userId, programmeId: a.programmeId, membershipId: mentee.membership._id, relation: "parent", decision: "accepted", method: "bot", givenBy: parent.userId, textVersion: 1, at: now });
  const pair = await fx.store.pairs.create({
    _id: fx.store.pairs.newId(),
    programmeId: a.programmeId,
    mentorId: mentor.membership._id,
    menteeIds: [mentee.membership._id],
    form: "teacher-student",
    status: "active",
    startDate: now,
    plannedEnd: new Date(now.getTime() + 200 * 86_400_000),
    parties: [],
    proposedAt: now,
    createdBy: a.curator.userId,
  });
  return { a, b, mentor, mentee, parent, pair, stranger: newActor() };
}

const allowed = async (actor: Actor, need: Need) => (await authorize(f.deps, actor, need)).ok;

describe("the access guard", () => {
  it("lets each need through for its own people only", async () => {
    const w = await world(f);
    const cases: [string, Actor, Need, boolean][] = [
      ["operator", OPERATOR, { kind: "operator" }, true],
      ["curator as operator", w.a.curator, { kind: "operator" }, false],
      ["curator of A", w.a.curator, { kind: "curator", programmeId: w.a.programmeId }, true],
      ["curator of B on A", w.b.curator, { kind: "curator", programmeId: w.a.programmeId }, false],
      ["operator on A's curation", OPERATOR, { kind: "curator", programmeId: w.a.programmeId }, false],
      ["mentor as curator", w.mentor.actor, { kind: "curator", programmeId: w.a.programmeId }, false],
      ["curator of the pair's programme", w.a.curator, { kind: "pair-curator", pairId: w.pair._id }, true],
      ["curator of B on A's pair", w.b.curator, { kind: "pair-curator", pairId: w.pair._id }, false],
      ["mentor of the pair", w.mentor.actor, { kind: "pair-party", pairId: w.pair._id }, true],
      ["mentee of the pair", w.mentee.actor, { kind: "pair-party", pairId: w.pair._id }, true],
      ["curator as a party", w.a.curator, { kind: "pair-party", pairId: w.pair._id }, false],
      ["stranger as a party", w.stranger, { kind: "pair-party", pairId: w.pair._id }, false],
      ["the parent", w.parent, { kind: "parent", membershipId: w.mentee.membership._id }, true],
      ["the child as its parent", w.mentee.actor, { kind: "parent", membershipId: w.mentee.membership._id }, false],
      ["a stranger as parent", w.stranger, { kind: "parent", membershipId: w.mentee.membership._id }, false],
      ["own membership", w.mentee.actor, { kind: "own", membershipId: w.mentee.membership._id }, true],
      ["own membership, wrong role", w.mentee.actor, { kind: "own", membershipId: w.mentee.membership._id, role: "mentor" }, false],
      ["someone else's membership", w.mentor.actor, { kind: "own", membershipId: w.mentee.membership._id }, false],
      ["participant of A", w.mentor.actor, { kind: "participant", programmeId: w.a.programmeId }, true],
      ["participant of A as mentee", w.mentor.actor, { kind: "participant", programmeId: w.a.programmeId, role: "mentee" }, false],
      ["participant of B", w.mentor.actor, { kind: "participant", programmeId: w.b.programmeId }, false],
      ["unknown pair", w.a.curator, { kind: "pair-curator", pairId: "AAAAAAAAAAAA" }, false],
    ];
    for (const [name, actor, need, expected] of cases) expect(await allowed(actor, need), name).toBe(expected);
  });

  it("refuses with not-allowed and hands back what it loaded when it lets through", async () => {
    const w = await world(f);
    const refused = await authorize(f.deps, w.b.curator, { kind: "curator", programmeId: w.a.programmeId });
    expect(refused).toMatchObject({ ok: false, kind: "not-allowed" });
    const granted = await authorize(f.deps, w.mentee.actor, { kind: "pair-party", pairId: w.pair._id });
    expect(granted.ok && granted.value.pair._id).toBe(w.pair._id);
    expect(granted.ok && granted.value.me._id).toBe(w.mentee.membership._id);
    expect(granted.ok && granted.value.school.name).toBe("Школа А");
  });

  it("reads the store on every call: a removed role is refused at once", async () => {
    const w = await world(f);
    expect(await allowed(w.a.curator, { kind: "curator", programmeId: w.a.programmeId })).toBe(true);
    await f.store.memberships.remove(w.a.curatorMembership._id);
    expect(await allowed(w.a.curator, { kind: "curator", programmeId: w.a.programmeId })).toBe(false);
  });
});
