import { describe, expect, it } from "vitest";
import { basesOverview, curatedPerson, exportBases, listBase, personCard, relayMessage, remindStuck } from "../../src/services/bases.js";
import { useServices } from "../support/services.js";
import { OPERATOR, newActor, participant, schoolWithCurator } from "./curatorSetup.js";

const f = useServices({ operatorIds: [OPERATOR.userId] });
const all = { status: "all" as const, category: "all" as const, topic: 0, page: 0 };

describe("bases", () => {
  it("counts by status, lists with filters and pages, opens a card", async () => {
    const s = await schoolWithCurator(f);
    const topics = (await f.store.programmes.get(s.programmeId))!.topicIds;
    const anna = await participant(f, s, { intake: "questionnaire", name: "Анна Петрова", answers: { requests: [topics[0]!] } });
    f.setNow(new Date(f.deps.clock().getTime() + 60_000));
    await participant(f, s, { category: "student", grade: 7, intake: "parent" });
    await participant(f, s, { role: "mentor", intake: "questionnaire", name: "Олег" });

    const overview = await basesOverview(f.deps, s.curator, { programmeId: s.programmeId });
    if (!overview.ok) throw new Error(overview.reason);
    expect(overview.value.counts.mentee).toMatchObject({ questionnaire: 1, parent: 1, invited: 0 });
    expect(overview.value.counts.mentor).toMatchObject({ questionnaire: 1 });

    const mentees = await listBase(f.deps, s.curator, { programmeId: s.programmeId, role: "mentee", ...all });
    expect(mentees.ok && mentees.value.items.map((i) => [i.n, i.name, i.membership.intake])).toEqual([
      [1, "Анна Петрова", "questionnaire"],
      [2, null, "parent"],
    ]);
    const students = await listBase(f.deps, s.curator, { programmeId: s.programmeId, role: "mentee", ...all, category: "student" });
    expect(students.ok && students.value.total).toBe(1);
    const waiting = await listBase(f.deps, s.curator, { programmeId: s.programmeId, role: "mentee", ...all, status: "parent" });
    expect(waiting.ok && waiting.value.items[0]!.membership.category).toBe("student");
    const byTopic = await listBase(f.deps, s.curator, { programmeId: s.programmeId, role: "mentee", ...all, topic: 1 });
    expect(byTopic.ok && [byTopic.value.topicId, byTopic.value.items.map((i) => i.name)]).toEqual([topics[0], ["Анна Петрова"]]);
    expect(await listBase(f.deps, s.curator, { programmeId: s.programmeId, role: "mentee", ...all, topic: topics.length + 1 })).toMatchObject({ ok: false, kind: "stale" });
    // A page past the end shows the last one.
    const far = await listBase(f.deps, s.curator, { programmeId: s.programmeId, role: "mentee", ...all, page: 40 });
    expect(far.ok && [far.value.filter.page, far.value.pages]).toEqual([0, 1]);

    const card = await personCard(f.deps, s.curator, { programmeId: s.programmeId, membershipId: anna.membership._id });
    if (!card.ok) throw new Error(card.reason);
    expect(card.value).toMatchObject({ name: "Анна Петрова", paperConsent: false, consents: [] });
    expect(card.value.profile?.answers["requests"]).toEqual([topics[0]]);
  });

  it("every button of a card refuses a curator, a person of another programme, and another school's curator", async () => {
    const a = await schoolWithCurator(f, "Школа А");
    const b = await schoolWithCurator(f, "Школа Б");
    const mentee = await participant(f, a);
    const aliceInput = { programmeId: a.programmeId, membershipId: a.curatorMembership._id };
    // The card, «✉️ Написать» and the paper consent share one rule: a curator is not a card.
    expect(await personCard(f.deps, a.curator, aliceInput)).toEqual({ ok: false, kind: "not-allowed", reason: "not-allowed" });
    expect(await curatedPerson(f.deps, a.curator, aliceInput)).toEqual({ ok: false, kind: "not-allowed", reason: "not-allowed" });
    expect(await relayMessage(f.deps, a.curator, { ...aliceInput, text: "Привет" })).toEqual({ ok: false, kind: "not-allowed", reason: "not-allowed" });
    // B's curator asks for A's person through B's programme, and through A's.
    const viaB = { programmeId: b.programmeId, membershipId: mentee.membership._id };
    expect(await personCard(f.deps, b.curator, viaB)).toMatchObject({ ok: false, reason: "not-allowed" });
    expect(await relayMessage(f.deps, b.curator, { ...viaB, text: "Привет" })).toMatchObject({ ok: false, reason: "not-allowed" });
    const viaA = { programmeId: a.programmeId, membershipId: mentee.membership._id };
    for (const who of [b.curator, mentee.actor, newActor(), OPERATOR]) {
      const refused = { ok: false, kind: "not-allowed", reason: "curator-only" };
      expect(await personCard(f.deps, who, viaA)).toEqual(refused);
      expect(await relayMessage(f.deps, who, { ...viaA, text: "Привет" })).toEqual(refused);
      expect(await basesOverview(f.deps, who, { programmeId: a.programmeId })).toEqual(refused);
      expect(await listBase(f.deps, who, { programmeId: a.programmeId, role: "mentee", ...all })).toEqual(refused);
      expect(await remindStuck(f.deps, who, { programmeId: a.programmeId })).toEqual(refused);
      expect(await exportBases(f.deps, who, { programmeId: a.programmeId })).toEqual(refused);
    }
    expect(f.deps.notices.sent).toEqual([]);
  });

  it("relays the curator's message as a notice in the school's voice", async () => {
    const s = await schoolWithCurator(f);
    const anna = await participant(f, s);
    const sent = await relayMessage(f.deps, s.curator, { programmeId: s.programmeId, membershipId: anna.membership._id, text: "Встреча в четверг в 15:00." });
    expect(sent).toEqual({ ok: true, value: { delivered: true } });
    expect(f.deps.notices.to(anna.actor.userId)).toEqual([{ to: anna.actor.userId, key: "write-from-curator", vars: { school: "МОУ СШ № 2", text: "Встреча в четверг в 15:00." } }]);
    expect(await relayMessage(f.deps, s.curator, { programmeId: s.programmeId, membershipId: anna.membership._id, text: "x".repeat(1001) })).toMatchObject({ ok: false, reason: "input-too-long" });
    f.deps.notices.unreachable.add(anna.actor.userId);
    expect(await relayMessage(f.deps, s.curator, { programmeId: s.programmeId, membershipId: anna.membership._id, text: "Ещё раз" })).toEqual({ ok: true, value: { delivered: false } });
  });

  it("reminds those stuck at a step, each with the button of their step", async () => {
    const s = await schoolWithCurator(f);
    const invited = await participant(f, s);
    const parent = await participant(f, s, { category: "student", grade: 6, intake: "parent" });
    const filling = await participant(f, s, { role: "mentor", intake: "questionnaire" });
    const ready = await participant(f, s, { intake: "ready" });
    const gone = await participant(f, s, { intake: "questionnaire" });
    f.deps.notices.unreachable.add(gone.actor.userId);

    expect(await remindStuck(f.deps, s.curator, { programmeId: s.programmeId })).toEqual({ ok: true, value: { sent: 3, already: 0 } });
    const step = (userId: number) => f.deps.notices.to(userId).map((n) => [n.key, n.actions?.[0]?.[0]?.action]);
    expect(step(invited.actor.userId)).toEqual([["remind-consent", { type: "participantStep", step: "c", membershipId: invited.membership._id }]]);
    expect(step(parent.actor.userId)).toEqual([["remind-parent", { type: "participantStep", step: "pl", membershipId: parent.membership._id }]]);
    expect(step(filling.actor.userId)).toEqual([["remind-questionnaire", { type: "participantStep", step: "q", membershipId: filling.membership._id }]]);
    expect(f.deps.notices.to(ready.actor.userId)).toEqual([]);
    expect(f.deps.notices.to(s.curator.userId)).toEqual([]);
  });

  it("exports both bases with the standing consent of each person", async () => {
    const s = await schoolWithCurator(f);
    const anna = await participant(f, s, { intake: "questionnaire", name: "Анна" });
    await participant(f, s, { role: "mentor" });
    await f.store.consents.add({ userId: anna.actor.userId, programmeId: s.programmeId, membershipId: anna.membership._id, relation: "self", decision: "accepted", method: "bot", givenBy: anna.actor.userId, textVersion: 1, at: f.deps.clock() });
    const data = await exportBases(f.deps, s.curator, { programmeId: s.programmeId });
    if (!data.ok) throw new Error(data.reason);
    expect(data.value.rows.mentee.map((r) => [r.membership._id, r.profile?.answers["full-name"], r.consent?.decision])).toEqual([[anna.membership._id, "Анна", "accepted"]]);
    expect(data.value.rows.mentor).toHaveLength(1);
    expect(data.value.rows.mentor[0]!.consent).toBeNull();
  });
});
