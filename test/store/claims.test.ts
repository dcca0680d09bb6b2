import { beforeEach, describe, expect, it } from "vitest";
import { expiryFrom } from "../../src/domain/invitations.js";
import type { Store } from "../../src/store/index.js";
import { useServices } from "../support/services.js";

// Why invariants are kept with claims (unique inserts) and not with conditional updates:
// the local server loses concurrent updates to one document; a unique _id never admits two.

const f = useServices();
let store: Store;
beforeEach(() => void (store = f.store));

describe("claims", () => {
  it("a lock is held by one flow at a time, and leaves nothing behind", async () => {
    const order: string[] = [];
    const step = (name: string) =>
      store.claims.withLock("lock:intake:m1", async () => {
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 30));
        order.push(`${name} out`);
      });
    await Promise.all([step("a"), step("b")]);
    expect(order).toEqual(order[0] === "a in" ? ["a in", "a out", "b in", "b out"] : ["b in", "b out", "a in", "a out"]);
    expect(await store.db.collection("locks").countDocuments({})).toBe(0);
  });

  it("give each numbered place to exactly one of many concurrent holders", async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store.claims.takePlaces("mentor:x", 2, 1, `pair${i}`, new Date())));
    expect(results.filter(Boolean)).toHaveLength(2);
    expect(await store.claims.placesUsed("mentor:x")).toBe(2);
  });

  it("take several places all or none", async () => {
    expect(await store.claims.takePlaces("mentor:y", 3, 2, "a", new Date())).toBe(true);
    expect(await store.claims.takePlaces("mentor:y", 3, 2, "b", new Date())).toBe(false);
    expect(await store.claims.placesUsed("mentor:y")).toBe(2);
    expect(await store.claims.releasePlaces("mentor:y", "a")).toBe(2);
    expect(await store.claims.takePlaces("mentor:y", 3, 3, "b", new Date())).toBe(true);
  });

  it("let only one of many people take the last place on an invitation link", async () => {
    const now = new Date();
    const { token } = await store.invitations.create(
      { programmeId: "p1", role: "mentee", category: "teacher", grade: null, createdBy: 1, expiresAt: expiryFrom(now, 30), maxUses: 1 },
      now,
    );
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.invitations.lookup(token).then((inv) => store.invitations.redeem(inv!, 100 + i, now))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.reason))).toEqual(Array(7).fill("used-up"));
    expect((await store.invitations.get((await store.invitations.lookup(token))!._id))?.remainingUses).toBe(0);
  });
});
