import { beforeEach, describe, expect, it } from "vitest";
import { createStore, ensureIndexes, type Store } from "../../src/store/index.js";
import { useServices } from "../support/services.js";

// A person's memberships are reached through a per-person index document (memberships_by_user,
// keyed by the person's id), not by a lookup on the userId field: the index must stay the truth.

const f = useServices();
let store: Store;
beforeEach(() => void (store = f.store));

const add = (userId: number, programmeId: string, role: "mentor" | "mentee" | "curator") =>
  store.memberships.add({ userId, programmeId, role, category: role === "curator" ? null : "teacher", grade: null, invitationId: null }, new Date());

describe("memberships by person", () => {
  it("concurrent adds of one person all land in the index, once each; a repeated role is refused", async () => {
    const programmes = Array.from({ length: 8 }, (_, i) => `p${i}`);
    const results = await Promise.all([...programmes.map((p) => add(7, p, "mentee")), ...programmes.map((p) => add(7, p, "mentee"))]);
    expect(results.filter((m) => m !== null)).toHaveLength(8);
    const mine = await store.memberships.ofUser(7);
    expect(mine.map((m) => m.programmeId).sort()).toEqual(programmes);
    for (const p of programmes) expect((await store.memberships.find(7, p, "mentee"))?.programmeId).toBe(p);
    expect(await store.memberships.has(7, "p0", "mentor")).toBe(false);
    expect(await store.memberships.ofUser(8)).toEqual([]);
  });

  it("a removed membership leaves the index, concurrent removes and adds included", async () => {
    const a = (await add(9, "p1", "mentor"))!;
    const b = (await add(9, "p2", "mentee"))!;
    await Promise.all([store.memberships.remove(a._id), add(9, "p3", "curator"), store.memberships.remove(b._id), add(9, "p4", "mentee")]);
    expect((await store.memberships.ofUser(9)).map((m) => m.programmeId).sort()).toEqual(["p3", "p4"]);
    expect(await store.memberships.find(9, "p1", "mentor")).toBeNull();
    // The role can be held again after removal.
    expect(await add(9, "p1", "mentor")).not.toBeNull();
    expect((await store.memberships.ofUser(9)).map((m) => m.programmeId)).toContain("p1");
  });

  it("memberships from before the index are indexed once at start", async () => {
    const db = store.db;
    await db.collection("memberships").insertMany([
      { _id: "old1" as never, userId: 11, programmeId: "q1", role: "mentee", category: "teacher", grade: null, invitationId: null, createdAt: new Date(1000) },
      { _id: "old2" as never, userId: 11, programmeId: "q2", role: "mentor", category: "teacher", grade: null, invitationId: null, createdAt: new Date(2000) },
    ]);
    await db.collection("memberships_by_user").deleteMany({});
    const fresh = createStore(db);
    await ensureIndexes(fresh);
    expect((await fresh.memberships.ofUser(11)).map((m) => m._id)).toEqual(["old1", "old2"]);
  });

  it("the bases counts follow concurrent adds, moves and removes, and equal a fresh count of the data", async () => {
    await store.memberships.warmCounts();
    const added = (await Promise.all(Array.from({ length: 12 }, (_, i) => add(100 + i, "pc", i % 3 ? "mentee" : "mentor")))).filter((m) => m !== null);
    await Promise.all([
      ...added.slice(0, 5).map((m) => store.memberships.moveIntake(m._id, ["invited"], "questionnaire", new Date())),
      ...added.slice(5, 8).map((m) => store.memberships.remove(m._id)),
      // A move from a step the person is not at changes nothing.
      store.memberships.moveIntake(added[9]!._id, ["ready"], "declined", new Date()),
    ]);
    const fresh = createStore(store.db);
    for (const role of ["mentor", "mentee"] as const) {
      const kept = await store.memberships.intakeCounts("pc", role);
      expect(kept).toEqual(await fresh.memberships.intakeCounts("pc", role));
    }
    const both = [await store.memberships.intakeCounts("pc", "mentor"), await store.memberships.intakeCounts("pc", "mentee")];
    expect(both.reduce((n, c) => n + c.invited + c.questionnaire, 0)).toBe(9);
    expect(both.reduce((n, c) => n + c.questionnaire, 0)).toBe(5);
  });
});
