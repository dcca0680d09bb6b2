import { beforeEach, describe, expect, it } from "vitest";
import { createStore, ensureIndexes, type Store } from "../../src/store/index.js";
import type { Consent } from "../../src/store/consents.js";
import { useServices } from "../support/services.js";

// Access checks and /menu read a membership's standing consent and a parent's children by `_id`
// (consent_standing, consents_by_parent), not by a field of the history: those must stay the truth.

const f = useServices();
let store: Store;
beforeEach(() => void (store = f.store));

const PARENT = 700;
const record = (membershipId: string, userId: number, decision: Consent["decision"], at: number, relation: Consent["relation"] = "parent", givenBy: number | null = PARENT) =>
  ({ userId, programmeId: "p1", membershipId, relation, decision, method: givenBy === null ? "paper" : "bot", givenBy, textVersion: 1, at: new Date(at) }) as const;

describe("standing consents", () => {
  it("the latest record decides", async () => {
    await store.consents.add(record("m1", 1, "declined", 1000));
    await store.consents.add(record("m1", 1, "accepted", 2000));
    await store.consents.add(record("m2", 2, "accepted", 1000));
    await store.consents.add(record("m2", 2, "declined", 3000));
    const standing = await store.consents.standing(["m1", "m2", "m3"]);
    expect([...standing.keys()]).toEqual(["m1"]);
    expect(standing.get("m1")).toMatchObject({ decision: "accepted", at: new Date(2000), membershipId: "m1" });
    // Its id is the record's own, as in the history.
    expect((await store.consents.history("m1")).map((c) => c._id)).toContain(standing.get("m1")!._id);
    // Many memberships at once (a list) give the same answer from the history.
    const many = await store.consents.standing([...Array.from({ length: 25 }, (_, i) => `x${i}`), "m1", "m2"]);
    expect([...many.keys()]).toEqual(["m1"]);
  });

  it("a parent sees the children whose latest record is their acceptance, and nothing after a withdrawal", async () => {
    await store.consents.add(record("c1", 11, "accepted", 1000));
    await store.consents.add(record("c2", 12, "accepted", 1000));
    await store.consents.add(record("c3", 13, "accepted", 1000, "parent", PARENT + 1));
    // A paper consent recorded later for c2 replaces the parent's.
    await store.consents.add(record("c2", 12, "accepted", 2000, "parent", null));
    expect((await store.consents.givenByParent(PARENT)).map((c) => c.membershipId)).toEqual(["c1"]);
    expect(await store.consents.forget(11, "p1")).toBe(1);
    expect(await store.consents.givenByParent(PARENT)).toEqual([]);
    expect(await store.consents.standing(["c1"])).toEqual(new Map());
    expect(await store.db.collection("consent_standing").findOne({ _id: "c1" as never })).toBeNull();
  });

  it("history from before these documents is read into them once at start", async () => {
    const db = store.db;
    await db.collection("consents").insertMany([
      { _id: "old1" as never, ...record("o1", 21, "declined", 1000) },
      { _id: "old2" as never, ...record("o1", 21, "accepted", 2000) },
      { _id: "old3" as never, ...record("o2", 22, "accepted", 1000, "self", 22) },
    ]);
    await db.collection("consent_standing").deleteMany({});
    await db.collection("consents_by_parent").deleteMany({});
    const fresh = createStore(db);
    await ensureIndexes(fresh);
    expect((await fresh.consents.givenByParent(PARENT)).map((c) => c._id)).toEqual(["old2"]);
    expect([...(await fresh.consents.standing(["o1", "o2"])).keys()].sort()).toEqual(["o1", "o2"]);
  });
});
