import { describe, expect, it } from "vitest";
import { addTopic, listTopics, removeTopic } from "../../src/services/topics.js";
import { useServices } from "../support/services.js";
import { OPERATOR, newActor, participant, schoolWithCurator } from "./curatorSetup.js";

const f = useServices({ operatorIds: [OPERATOR.userId] });

describe("topics", () => {
  it("the curator lists, adds and removes topics; at least one stays", async () => {
    const s = await schoolWithCurator(f);
    const list = await listTopics(f.deps, s.curator, { programmeId: s.programmeId });
    if (!list.ok) throw new Error(list.reason);
    const before = list.value.total;
    // The list comes in pages.
    expect(list.value.topics.length).toBe(Math.min(before, 20));
    expect(list.value.topics.every((t) => t.label === null)).toBe(true);

    const added = await addTopic(f.deps, s.curator, { programmeId: s.programmeId, label: "  Шахматы  " });
    if (!added.ok) throw new Error(added.reason);
    expect(added.value.added.label).toBe("Шахматы");
    expect(added.value.added.id).toMatch(/^c-[0-9a-f]{8}$/);
    expect(added.value.topics.at(-1)).toEqual(added.value.added);
    expect(await addTopic(f.deps, s.curator, { programmeId: s.programmeId, label: "x".repeat(61) })).toMatchObject({ ok: false, reason: "input-too-long" });

    const first = (await f.store.programmes.get(s.programmeId))!.topicIds[0]!;
    const removed = await removeTopic(f.deps, s.curator, { programmeId: s.programmeId, topicId: first, page: 0 });
    expect(removed.ok && removed.value.topics.map((t) => t.id)).not.toContain(first);
    expect(await removeTopic(f.deps, s.curator, { programmeId: s.programmeId, topicId: first })).toMatchObject({ ok: false, kind: "stale" });

    const programme = (await f.store.programmes.get(s.programmeId))!;
    expect(programme.topicIds).toHaveLength(before);
    // The curator's words are kept for answers given earlier.
    expect(programme.topicLabels[added.value.added.id]).toBe("Шахматы");

    for (const id of programme.topicIds.slice(1)) await removeTopic(f.deps, s.curator, { programmeId: s.programmeId, topicId: id });
    const last = (await f.store.programmes.get(s.programmeId))!.topicIds;
    expect(last).toHaveLength(1);
    expect(await removeTopic(f.deps, s.curator, { programmeId: s.programmeId, topicId: last[0]! })).toMatchObject({ ok: false, kind: "rule", reason: "topics-keep-one" });
  });

  it("refuses another school's curator, a participant and a stranger; nothing changes", async () => {
    const a = await schoolWithCurator(f, "Школа А");
    const b = await schoolWithCurator(f, "Школа Б");
    const mentee = await participant(f, a);
    const before = (await f.store.programmes.get(a.programmeId))!;
    for (const who of [b.curator, mentee.actor, newActor(), OPERATOR]) {
      const refused = { ok: false, kind: "not-allowed", reason: "curator-only" };
      expect(await listTopics(f.deps, who, { programmeId: a.programmeId })).toEqual(refused);
      expect(await addTopic(f.deps, who, { programmeId: a.programmeId, label: "Взлом" })).toEqual(refused);
      expect(await removeTopic(f.deps, who, { programmeId: a.programmeId, topicId: before.topicIds[0]! })).toEqual(refused);
    }
    expect(await f.store.programmes.get(a.programmeId)).toEqual(before);
  });
});
