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
});
