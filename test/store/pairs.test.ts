import { beforeEach, describe, expect, it } from "vitest";
import { createStore, ensureIndexes, type Store } from "../../src/store/index.js";
import { useServices } from "../support/services.js";

// A participant's pairs are read through a per-member index (pairs_by_member), not by a scan of
// the programme's pairs: the index must hold every pair a member is in.

const f = useServices();
let store: Store;
beforeEach(() => void (store = f.store));

const pair = (mentorId: string, menteeIds: string[], status: "awaiting" | "active" = "active") => {
  const now = new Date();
  return store.pairs.create({ _id: store.pairs.newId(), programmeId: "p1", mentorId, menteeIds, form: "teacher-teacher", status, startDate: now, plannedEnd: now, parties: [], proposedAt: now, createdBy: 1 });
};

describe("pairs of a member", () => {
  it("hold every pair made at once for one mentor, and follow a new mentor", async () => {
    const made = await Promise.all([pair("m1", ["a"]), pair("m1", ["b"]), pair("m1", ["c"], "awaiting")]);
    expect((await store.pairs.ofMember("m1")).map((p) => p._id).sort()).toEqual(made.map((p) => p._id).sort());
    expect((await store.pairs.ofMember("m1", ["active"])).map((p) => p._id).sort()).toEqual(made.slice(0, 2).map((p) => p._id).sort());
    expect((await store.pairs.ofMember("b")).map((p) => p._id)).toEqual([made[1]!._id]);
    // A new mentor takes the pair over: it is theirs, no longer the old mentor's.
    expect(await store.pairs.setMentorLocked(made[0]!._id, "m1", "m2", [])).toBe(true);
    expect((await store.pairs.ofMember("m2")).map((p) => p._id)).toEqual([made[0]!._id]);
    expect((await store.pairs.ofMember("m1")).map((p) => p._id)).not.toContain(made[0]!._id);
    expect(await store.pairs.ofMember("nobody")).toEqual([]);
  });

  it("a withdrawn member's index goes; pairs from before the index are indexed once at start", async () => {
    const made = await pair("m3", ["d"]);
    await store.pairs.forgetMember("d", "withdrawn");
    expect(await store.db.collection("pairs_by_member").findOne({ _id: "d" as never })).toBeNull();
    await store.db.collection("pairs").insertOne({ ...made, _id: "old" as never, mentorId: "m4", menteeIds: ["e"] });
    await store.db.collection("pairs_by_member").deleteMany({});
    const fresh = createStore(store.db);
    await ensureIndexes(fresh);
    expect((await fresh.pairs.ofMember("m4")).map((p) => p._id)).toEqual(["old"]);
    expect((await fresh.pairs.ofMember("m3")).map((p) => p._id)).toEqual([made._id]);
  });
});
