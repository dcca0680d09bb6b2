import { describe, expect, it } from "vitest";
import { pruneAudit } from "../../src/jobs/index.js";
import { AUDIT_KEPT_DAYS, auditLog, exportAudit, record } from "../../src/services/audit.js";
import { exportBases, personCard, relayMessage, remindStuck } from "../../src/services/bases.js";
import { listCurators, removeCurator } from "../../src/services/curators.js";
import { createInvitation, joinByToken } from "../../src/services/invitations.js";
import { TOPICS_MAX, addTopic, listTopics } from "../../src/services/topics.js";
import { useServices, type ServiceFixture } from "../support/services.js";
import { OPERATOR, newActor, participant, schoolWithCurator } from "./curatorSetup.js";

const f = useServices({ operatorIds: [OPERATOR.userId] });

async function anotherCurator(fx: ServiceFixture, s: { programmeId: string; curator: { userId: number } }) {
  const inv = await createInvitation(fx.deps, s.curator, { programmeId: s.programmeId, role: "curator", category: null, grade: null, uses: 1 });
  if (!inv.ok) throw new Error(inv.reason);
  const actor = newActor();
  const joined = await joinByToken(fx.deps, actor, { token: inv.value.token });
  if (!joined.ok) throw new Error(joined.reason);
  return { actor, membership: joined.value.membership, token: inv.value.token };
}

describe("curators", () => {
  it("a curator's invitation admits one person, and cannot be made for more", async () => {
    const s = await schoolWithCurator(f);
    expect(await createInvitation(f.deps, s.curator, { programmeId: s.programmeId, role: "curator", category: null, grade: null, uses: 5 })).toMatchObject({ ok: false, reason: "invite-curator-single" });
    const second = await anotherCurator(f, s);
    expect(await joinByToken(f.deps, newActor(), { token: second.token })).toMatchObject({ ok: false, reason: "link-used-up" });
    // A curator's link made before the rule, with 30 places, admits one person all the same.
    const old = await f.store.invitations.create({ programmeId: s.programmeId, role: "curator", category: null, grade: null, createdBy: 1, expiresAt: new Date(Date.now() + 86_400_000), maxUses: 30 }, f.deps.clock());
    expect(await joinByToken(f.deps, newActor(), { token: old.token })).toMatchObject({ ok: true, value: { outcome: "joined" } });
    expect(await joinByToken(f.deps, newActor(), { token: old.token })).toMatchObject({ ok: false, reason: "link-used-up" });
  });

  it("lists the curators in pages and removes one, never oneself; an operator removes any", async () => {
    const s = await schoolWithCurator(f);
    const others = [];
    for (let i = 0; i < 11; i++) others.push(await anotherCurator(f, s));
    const first = await listCurators(f.deps, s.curator, { programmeId: s.programmeId, page: 0 });
    if (!first.ok) throw new Error(first.reason);
    expect([first.value.total, first.value.pages, first.value.from, first.value.to, first.value.items[0]!.self]).toEqual([12, 2, 1, 10, true]);
    const second = await listCurators(f.deps, s.curator, { programmeId: s.programmeId, page: 1 });
    expect(second.ok && [second.value.from, second.value.to, second.value.items.length]).toEqual([11, 12, 2]);

    expect(await removeCurator(f.deps, s.curator, { programmeId: s.programmeId, membershipId: s.curatorMembership._id })).toMatchObject({ ok: false, reason: "curators-not-self" });
    expect(await removeCurator(f.deps, s.curator, { programmeId: s.programmeId, membershipId: others[0]!.membership._id })).toEqual({ ok: true, value: { removed: true } });
    // The removed curator is refused at once, on every curator call.
    expect(await listCurators(f.deps, others[0]!.actor, { programmeId: s.programmeId, page: 0 })).toMatchObject({ ok: false, reason: "curator-only" });
    // Not a curator: a participant's membership cannot be removed by this call; a stranger cannot remove.
    const mentee = await participant(f, s);
    expect(await removeCurator(f.deps, s.curator, { programmeId: s.programmeId, membershipId: mentee.membership._id })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await removeCurator(f.deps, newActor(), { programmeId: s.programmeId, membershipId: others[1]!.membership._id })).toMatchObject({ ok: false, kind: "not-allowed" });
    // Another school's curator cannot remove ours.
    const b = await schoolWithCurator(f, "Школа Б");
    expect(await removeCurator(f.deps, b.curator, { programmeId: s.programmeId, membershipId: others[1]!.membership._id })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await removeCurator(f.deps, b.curator, { programmeId: b.programmeId, membershipId: others[1]!.membership._id })).toMatchObject({ ok: false, kind: "not-allowed" });
    // The operator removes any, the first curator included.
    expect(await removeCurator(f.deps, OPERATOR, { programmeId: s.programmeId, membershipId: s.curatorMembership._id })).toEqual({ ok: true, value: { removed: true } });
    expect(await f.store.memberships.get(s.curatorMembership._id)).toBeNull();
    const entries = await f.store.audit.listForProgramme(s.programmeId);
    expect(entries.map((e) => e.action)).toEqual(["curator-removed", "curator-removed"]);
  });

  it("two curators removing each other at once leave at least one", async () => {
    for (let round = 0; round < 5; round++) {
      const s = await schoolWithCurator(f, `Школа ${round}`);
      const other = await anotherCurator(f, s);
      const results = await Promise.all([
        removeCurator(f.deps, s.curator, { programmeId: s.programmeId, membershipId: other.membership._id }),
        removeCurator(f.deps, other.actor, { programmeId: s.programmeId, membershipId: s.curatorMembership._id }),
      ]);
      expect(results.filter((r) => r.ok && r.value.removed)).toHaveLength(1);
      expect(await f.store.memberships.ofProgramme(s.programmeId, "curator")).toHaveLength(1);
    }
  });
});

describe("audit log", () => {
  it("records a card opened, a message, an export — ids and kinds only — and shows them in pages", async () => {
    const s = await schoolWithCurator(f);
    const anna = await participant(f, s, { intake: "questionnaire", name: "Анна Петрова" });
    const input = { programmeId: s.programmeId, membershipId: anna.membership._id };
    const later = (ms: number) => f.setNow(new Date(f.deps.clock().getTime() + ms));
    for (let i = 0; i < 20; i++) expect((await personCard(f.deps, s.curator, input)).ok).toBe(true);
    later(1000);
    expect((await relayMessage(f.deps, s.curator, { ...input, text: "Анна, заполните анкету" })).ok).toBe(true);
    later(1000);
    expect((await exportBases(f.deps, s.curator, { programmeId: s.programmeId })).ok).toBe(true);

    const raw = await f.store.db.collection("audit").find({}).toArray();
    expect(raw).toHaveLength(22);
    for (const doc of raw) {
      expect(Object.keys(doc).sort()).toEqual(["_id", "action", "actorId", "at", "membershipId", "pairId", "programmeId"]);
      expect(JSON.stringify(doc)).not.toMatch(/Анна|анкету/);
    }
    const page = await auditLog(f.deps, s.curator, { programmeId: s.programmeId, page: 0 });
    if (!page.ok) throw new Error(page.reason);
    expect([page.value.total, page.value.pages, page.value.from, page.value.to]).toEqual([22, 2, 1, 15]);
    expect(page.value.items[0]!.entry.action).toBe("bases-exported");
    expect(page.value.items[1]).toMatchObject({ entry: { action: "message-sent", membershipId: anna.membership._id }, name: "Анна Петрова" });
    // Only the programme's curators read it.
    const b = await schoolWithCurator(f, "Школа Б");
    for (const who of [b.curator, anna.actor, OPERATOR]) expect(await auditLog(f.deps, who, { programmeId: s.programmeId, page: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
    const file = await exportAudit(f.deps, s.curator, { programmeId: s.programmeId });
    expect(file.ok && file.value.items.length).toBe(23);
    expect(await exportAudit(f.deps, b.curator, { programmeId: s.programmeId })).toMatchObject({ ok: false, kind: "not-allowed" });
  });

  it("is kept for a year: the job deletes older entries only", async () => {
    const s = await schoolWithCurator(f);
    const now = new Date("2027-06-01T03:17:00Z");
    const day = 24 * 60 * 60 * 1000;
    for (const age of [AUDIT_KEPT_DAYS + 1, AUDIT_KEPT_DAYS + 30, AUDIT_KEPT_DAYS - 1, 0]) {
      f.setNow(new Date(now.getTime() - age * day));
      await record(f.deps, { programmeId: s.programmeId, actor: s.curator, action: "card-opened", membershipId: s.curatorMembership._id });
    }
    expect(await pruneAudit({ store: f.store }, now)).toBe(2);
    const left = await f.store.audit.listForProgramme(s.programmeId);
    expect(left.map((e) => Math.round((now.getTime() - e.at.getTime()) / day))).toEqual([0, AUDIT_KEPT_DAYS - 1]);
  });
});

describe("reminders to those stuck", () => {
  it("pressed 100 times (some at once), each stuck person gets one reminder a day", async () => {
    const s = await schoolWithCurator(f);
    const stuck = [await participant(f, s), await participant(f, s, { intake: "parent", category: "student", grade: 7 }), await participant(f, s, { role: "mentor", intake: "questionnaire" })];
    await participant(f, s, { intake: "ready" });
    const second = await anotherCurator(f, s);
    const presses = Array.from({ length: 100 }, (_, i) => remindStuck(f.deps, i % 2 ? s.curator : second.actor, { programmeId: s.programmeId }));
    const results = await Promise.all(presses.slice(0, 10));
    for (const p of presses.slice(10)) results.push(await p);
    expect(results.reduce((n, r) => n + (r.ok ? r.value.sent : 0), 0)).toBe(3);
    for (const person of stuck) expect(f.deps.notices.to(person.actor.userId)).toHaveLength(1);
    expect(f.deps.notices.sent).toHaveLength(3);
    // The next school day, once more.
    f.setNow(new Date(f.deps.clock().getTime() + 24 * 60 * 60 * 1000));
    expect(await remindStuck(f.deps, s.curator, { programmeId: s.programmeId })).toEqual({ ok: true, value: { sent: 3, already: 0 } });
  });
});

describe("topics", () => {
  it("a programme has at most TOPICS_MAX topics, refused clearly; the list pages", async () => {
    const s = await schoolWithCurator(f);
    const have = (await f.store.programmes.get(s.programmeId))!.topicIds.length;
    for (let i = have; i < TOPICS_MAX; i++) await f.store.programmes.addTopic(s.programmeId, `c-t${i}`, `Тема ${i}`);
    expect(await addTopic(f.deps, s.curator, { programmeId: s.programmeId, label: "Ещё одна" })).toEqual({ ok: false, kind: "rule", reason: "topics-too-many", vars: { max: TOPICS_MAX } });
    expect((await f.store.programmes.get(s.programmeId))!.topicIds).toHaveLength(TOPICS_MAX);
    const last = await listTopics(f.deps, s.curator, { programmeId: s.programmeId, page: 99 });
    expect(last.ok && [last.value.page, last.value.pages, last.value.from, last.value.to, last.value.total]).toEqual([7, 8, 141, 150, 150]);
  });

  it("two curators adding the last topic at once: one gets it", async () => {
    const s = await schoolWithCurator(f);
    const other = await anotherCurator(f, s);
    const have = (await f.store.programmes.get(s.programmeId))!.topicIds.length;
    for (let i = have; i < TOPICS_MAX - 1; i++) await f.store.programmes.addTopic(s.programmeId, `c-t${i}`, `Тема ${i}`);
    const results = await Promise.all([addTopic(f.deps, s.curator, { programmeId: s.programmeId, label: "А" }), addTopic(f.deps, other.actor, { programmeId: s.programmeId, label: "Б" })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await f.store.programmes.get(s.programmeId))!.topicIds).toHaveLength(TOPICS_MAX);
  });
});
