import { describe, expect, it } from "vitest";
import { createInvitation, joinByToken, listInvitations, revokeInvitation } from "../../src/services/invitations.js";
import { useServices } from "../support/services.js";
import { OPERATOR, newActor, participant, schoolWithCurator } from "./curatorSetup.js";

const f = useServices({ operatorIds: [OPERATOR.userId], now: new Date("2026-10-01T09:00:00Z") });

describe("invitations", () => {
  it("a curator creates, lists and revokes; a person joins once; a revoked link admits no one", async () => {
    const s = await schoolWithCurator(f);
    f.setNow(new Date("2026-10-02T09:00:00Z"));
    const created = await createInvitation(f.deps, s.curator, { programmeId: s.programmeId, role: "mentee", category: "student", grade: 7, uses: 30 });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.invitation).toMatchObject({ role: "mentee", category: "student", grade: 7, maxUses: 30, remainingUses: 30 });
    // Only the hash is stored.
    const raw = await f.store.db.collection("invitations").find({}).toArray();
    for (const doc of raw) expect(JSON.stringify(doc)).not.toContain(created.value.token);

    const pupil = newActor();
    const joined = await joinByToken(f.deps, pupil, { token: created.value.token });
    expect(joined.ok && joined.value.outcome).toBe("joined");
    const again = await joinByToken(f.deps, pupil, { token: created.value.token });
    expect(again.ok && again.value.outcome).toBe("already");
    expect((await f.store.invitations.get(created.value.invitation._id))?.remainingUses).toBe(29);

    const list = await listInvitations(f.deps, s.curator, { programmeId: s.programmeId, page: 0 });
    expect(list.ok && list.value.items.map((i) => [i.n, i.invitation.role, i.status])).toEqual([
      [1, "mentee", "usable"],
      [2, "curator", "used-up"],
    ]);

    const revoked = await revokeInvitation(f.deps, s.curator, { programmeId: s.programmeId, invitationId: created.value.invitation._id });
    expect(revoked).toEqual({ ok: true, value: { revoked: true } });
    const twice = await revokeInvitation(f.deps, s.curator, { programmeId: s.programmeId, invitationId: created.value.invitation._id });
    expect(twice).toEqual({ ok: true, value: { revoked: false } });
    const late = newActor();
    expect(await joinByToken(f.deps, late, { token: created.value.token })).toMatchObject({ ok: false, kind: "rule", reason: "link-revoked" });
    expect(await f.store.memberships.ofUser(late.userId)).toEqual([]);
  });

  it("answers an unknown, an expired and a used-up link, and spends nothing", async () => {
    const s = await schoolWithCurator(f);
    expect(await joinByToken(f.deps, newActor(), { token: "Q".repeat(32) })).toMatchObject({ ok: false, reason: "link-unknown" });
    const inv = await createInvitation(f.deps, s.curator, { programmeId: s.programmeId, role: "mentor", category: "teacher", grade: null, uses: 1 });
    if (!inv.ok) throw new Error(inv.reason);
    await joinByToken(f.deps, newActor(), { token: inv.value.token });
    expect(await joinByToken(f.deps, newActor(), { token: inv.value.token })).toMatchObject({ ok: false, reason: "link-used-up" });
    const later = await createInvitation(f.deps, s.curator, { programmeId: s.programmeId, role: "mentor", category: "teacher", grade: null, uses: 5 });
    if (!later.ok) throw new Error(later.reason);
    f.setNow(new Date("2026-12-01T09:00:00Z"));
    expect(await joinByToken(f.deps, newActor(), { token: later.value.token })).toMatchObject({ ok: false, reason: "link-expired" });
    expect((await f.store.invitations.get(later.value.invitation._id))?.remainingUses).toBe(5);
  });

  it("refuses a target that makes no sense (an old or forged button) and creates nothing", async () => {
    const s = await schoolWithCurator(f);
    const before = await f.store.invitations.countForProgramme(s.programmeId);
    for (const input of [
      { role: "curator" as const, category: "teacher" as const, grade: null, uses: 1 },
      { role: "mentee" as const, category: "employer" as const, grade: null, uses: 5 },
      { role: "mentee" as const, category: "student" as const, grade: null, uses: 5 },
      { role: "mentor" as const, category: "teacher" as const, grade: 7, uses: 5 },
      { role: "mentor" as const, category: "teacher" as const, grade: null, uses: 7 },
    ]) {
      expect(await createInvitation(f.deps, s.curator, { programmeId: s.programmeId, ...input })).toMatchObject({ ok: false, kind: "stale" });
    }
    expect(await f.store.invitations.countForProgramme(s.programmeId)).toBe(before);
  });

  it("refuses another school's curator, a participant and a stranger; nothing changes", async () => {
    const a = await schoolWithCurator(f, "Школа А");
    const b = await schoolWithCurator(f, "Школа Б");
    const mentee = await participant(f, a);
    const inv = await createInvitation(f.deps, a.curator, { programmeId: a.programmeId, role: "mentor", category: "teacher", grade: null, uses: 5 });
    if (!inv.ok) throw new Error(inv.reason);
    const before = await f.store.invitations.countForProgramme(a.programmeId);
    for (const who of [b.curator, mentee.actor, newActor(), OPERATOR]) {
      const refused = { ok: false, kind: "not-allowed", reason: "curator-only" };
      expect(await createInvitation(f.deps, who, { programmeId: a.programmeId, role: "curator", category: null, grade: null, uses: 100 })).toEqual(refused);
      expect(await listInvitations(f.deps, who, { programmeId: a.programmeId, page: 0 })).toEqual(refused);
      expect(await revokeInvitation(f.deps, who, { programmeId: a.programmeId, invitationId: inv.value.invitation._id })).toEqual(refused);
    }
    // B's curator names A's invitation through B's own programme: not found there.
    expect(await revokeInvitation(f.deps, b.curator, { programmeId: b.programmeId, invitationId: inv.value.invitation._id })).toMatchObject({ ok: false });
    expect(await f.store.invitations.countForProgramme(a.programmeId)).toBe(before);
    expect((await f.store.invitations.get(inv.value.invitation._id))?.revokedAt).toBeNull();
  });

  it("gives the last place to exactly one of many people pressing at once", async () => {
    const s = await schoolWithCurator(f);
    const inv = await createInvitation(f.deps, s.curator, { programmeId: s.programmeId, role: "mentor", category: "teacher", grade: null, uses: 1 });
    if (!inv.ok) throw new Error(inv.reason);
    const people = Array.from({ length: 6 }, newActor);
    const results = await Promise.all(people.map((p) => joinByToken(f.deps, p, { token: inv.value.token })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "link-used-up")).toBe(true);
    expect(await f.store.memberships.ofProgramme(s.programmeId, "mentor")).toHaveLength(1);
  });

  it("spends one place when one person taps the same link many times at once", async () => {
    const s = await schoolWithCurator(f);
    const inv = await createInvitation(f.deps, s.curator, { programmeId: s.programmeId, role: "mentee", category: "teacher", grade: null, uses: 5 });
    if (!inv.ok) throw new Error(inv.reason);
    const person = newActor();
    const results = await Promise.all(Array.from({ length: 5 }, () => joinByToken(f.deps, person, { token: inv.value.token })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await f.store.memberships.ofUser(person.userId)).toHaveLength(1);
    expect((await f.store.invitations.get(inv.value.invitation._id))?.remainingUses).toBe(4);
  });
});
