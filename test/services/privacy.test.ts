import { describe, expect, it } from "vitest";
import { personRef, personRefs, roleRef } from "../../src/services/people.js";
import { keptAbout } from "../../src/services/privacy.js";
import { firstGroupNotice, setLanguage } from "../../src/services/users.js";
import { useServices } from "../support/services.js";
import { OPERATOR, newActor, participant, schoolWithCurator } from "./curatorSetup.js";

// What the bot keeps about me (/privacy), how people are named to others, and a person's own
// settings: against FerretDB, with no messenger.

const f = useServices({ operatorIds: [OPERATOR.userId] });

describe("privacy", () => {
  it("lists only the asker's own roles, answers and consents, and a parent's children", async () => {
    const s = await schoolWithCurator(f);
    const me = await participant(f, s, { role: "mentee", category: "student", grade: 7, intake: "ready", name: "Соколов Игорь" });
    const other = await participant(f, s, { role: "mentor", intake: "ready", name: "Чужое Имя" });
    const parent = newActor();
    await f.store.consents.add({ userId: me.actor.userId, programmeId: s.programmeId, membershipId: me.membership._id, relation: "parent", decision: "accepted", method: "bot", givenBy: parent.userId, textVersion: 1, at: f.deps.clock() });

    const kept = await keptAbout(f.deps, me.actor);
    expect(kept.ok).toBe(true);
    if (!kept.ok) return;
    expect(kept.value.roles).toHaveLength(1);
    expect(kept.value.roles[0]).toMatchObject({ membershipId: me.membership._id, role: "mentee", grade: 7, school: "МОУ СШ № 2" });
    expect(kept.value.roles[0]!.answers?.map((a) => a.value)).toContain("Соколов Игорь");
    expect(JSON.stringify(kept.value)).not.toContain("Чужое Имя");
    expect(JSON.stringify(kept.value)).not.toContain(other.membership._id);

    const asParent = await keptAbout(f.deps, parent);
    expect(asParent.ok && asParent.value.asParent.map((c) => c.membershipId)).toEqual([me.membership._id]);
    expect(asParent.ok && asParent.value.roles).toEqual([]);

    const stranger = await keptAbout(f.deps, newActor());
    expect(stranger.ok && stranger.value).toMatchObject({ roles: [], asParent: [] });
  });
});

describe("people and settings", () => {
  it("names a person with their role as message data, or by the role alone before they answer", async () => {
    const s = await schoolWithCurator(f);
    const named = await participant(f, s, { role: "mentor", category: "teacher", name: "Орлова Ирина" });
    const unnamed = await participant(f, s, { role: "mentee", category: "student", grade: 7 });
    expect(await personRef(f.deps, named.membership)).toEqual({ key: "person-named", vars: { name: "Орлова Ирина", label: { lower: roleRef(named.membership) } } });
    expect(await personRef(f.deps, unnamed.membership)).toEqual({ list: [{ key: "role-mentee" }, { key: "category-student-grade", vars: { grade: 7 } }], separator: ", " });
    const many = await personRefs(f.deps, [named.membership, unnamed.membership]);
    expect(many.get(named.membership._id)).toEqual(await personRef(f.deps, named.membership));
  });

  it("keeps a chosen language, and tells a group once", async () => {
    const me = newActor();
    await f.store.users.touch(me.userId, f.deps.clock(), "en");
    await setLanguage(f.deps, me, "ru");
    expect((await f.store.users.get(me.userId))?.locale).toBe("ru");
    expect(await firstGroupNotice(f.deps, -100123)).toBe(true);
    expect(await firstGroupNotice(f.deps, -100123)).toBe(false);
  });
});
