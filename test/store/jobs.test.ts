import type { Update } from "grammy/types";
import { beforeEach, describe, expect, it } from "vitest";
import { CONVERSATIONS_KEPT_MS, pruneStaleConversations } from "../../src/jobs/index.js";
import type { Store } from "../../src/store/index.js";
import { useServices } from "../support/services.js";

const f = useServices();
let store: Store;
beforeEach(() => void (store = f.store));

describe("housekeeping jobs", () => {
  it("the inbox keeps no handled update (the mark stands for them), and keeps unfinished ones", async () => {
    const now = new Date("2026-11-23T03:17:00Z");
    const old = new Date(now.getTime() - 8 * 24 * 60 * 60 * 1000);
    await store.updates.persist([{ update_id: 1 } as Update, { update_id: 2 } as Update, { update_id: 3 } as Update], old);
    for (const id of [1, 2]) {
      await store.updates.claim(id, old);
      await store.updates.markDone(id, id === 1 ? old : now);
    }
    // The inbox holds only update 3; 1 and 2 are below the mark, so a redelivery is recognised.
    expect(await store.updates.state(1)).toBe("done");
    expect(await store.updates.state(2)).toBe("done");
    expect(await store.updates.state(3)).toBe("pending");
    expect(await store.updates.state(4)).toBeNull();
    const inbox = async () => (await store.db.collection("updates_inbox").find({}).toArray()).map((d) => String(d._id)).sort();
    expect(await inbox()).toEqual(["3", "mark:000000000000004"]);
    expect(await store.updates.claim(2, now)).toBe(false);
  });

  it("the marks do not pile up: a batch's mark is inserted with it, older ones leave with the next handled update", async () => {
    const now = new Date("2026-11-23T03:17:00Z");
    for (let batch = 0; batch < 20; batch++) {
      const ids = [batch * 3 + 10, batch * 3 + 11, batch * 3 + 12];
      expect((await store.updates.admit(ids.map((update_id) => ({ update_id }) as Update), now)).map((u) => u.update_id)).toEqual(ids);
      for (const id of ids) await store.updates.markDone(id, now);
    }
    const left = await store.db.collection("updates_inbox").find({}).toArray();
    expect(left.map((d) => String(d._id))).toEqual(["mark:000000000000070"]);
    // A second process (a restart) reads the mark: every id below it is recognised as handled.
    const { createStore } = await import("../../src/store/index.js");
    const restarted = createStore(store.db);
    expect(await restarted.updates.unfinished()).toEqual([]);
    expect(await restarted.updates.admit([{ update_id: 69 } as Update, { update_id: 70 } as Update], now)).toEqual([{ update_id: 70 }]);
  });

  it("drop conversation states untouched for 30 days", async () => {
    await store.conversations.write("conv:1", { typed: "old" });
    const now = new Date(Date.now() + CONVERSATIONS_KEPT_MS + 60_000);
    await store.conversations.write("conv:2", { typed: "fresh" });
    await store.db.collection("conversations").updateOne({ _id: "conv:2" as never }, { $set: { updatedAt: now } });
    expect(await pruneStaleConversations({ store }, now)).toBe(1);
    expect(await store.conversations.read("conv:1")).toBeUndefined();
    expect(await store.conversations.read("conv:2")).toEqual({ typed: "fresh" });
  });
});
