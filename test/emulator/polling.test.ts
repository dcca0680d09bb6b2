import type { Update } from "@grammyjs/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator } from "../support/emulator/index.js";
import { callApi, callOk, sleep } from "./helpers.js";

const getUpdates = (emulator: BotApiEmulator, params: Record<string, unknown> = {}): Promise<Update[]> =>
  callOk<Update[]>(emulator, "getUpdates", params);

describe("Bot API emulator: getUpdates", () => {
  let emulator: BotApiEmulator;

  beforeEach(async () => {
    emulator = new BotApiEmulator();
    await emulator.start();
  });
  afterEach(async () => {
    await emulator.stop();
  });

  it("long polling waits until an update arrives", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    const startedAt = Date.now();
    const poll = getUpdates(emulator, { timeout: 10 });
    await sleep(300);
    expect(emulator.callsTo("getUpdates")[0]?.status).toBe(0); // still pending
    await user.sendText("hello");
    const updates = await poll;
    const elapsed = Date.now() - startedAt;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5000);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      update_id: 1,
      message: { text: "hello", from: { id: user.id, is_bot: false, first_name: "Ann" }, chat: { id: user.id, type: "private" } },
    });
  });

  it("returns an empty list when the long poll times out", async () => {
    const startedAt = Date.now();
    expect(await getUpdates(emulator, { timeout: 1 })).toEqual([]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
  });

  it("returns immediately with timeout 0", async () => {
    const startedAt = Date.now();
    expect(await getUpdates(emulator)).toEqual([]);
    expect(Date.now() - startedAt).toBeLessThan(500);
  });

  it("redelivers unconfirmed updates and drops updates below offset", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    await user.sendText("one");
    await user.sendText("two");
    await user.sendText("three");

    const first = await getUpdates(emulator);
    expect(first.map((u) => u.update_id)).toEqual([1, 2, 3]);
    expect(first.map((u) => u.message?.message_id)).toEqual([1, 2, 3]);

    // Not confirmed yet: the same updates come again (e.g. after a bot restart).
    expect((await getUpdates(emulator)).map((u) => u.update_id)).toEqual([1, 2, 3]);

    const rest = await getUpdates(emulator, { offset: 3 });
    expect(rest.map((u) => u.message?.text)).toEqual(["three"]);
    expect(emulator.pendingUpdateCount()).toBe(1);

    expect(await getUpdates(emulator, { offset: 4 })).toEqual([]);
    expect(emulator.pendingUpdateCount()).toBe(0);

    await user.sendText("four");
    expect((await getUpdates(emulator, { offset: 4 }))[0]?.update_id).toBe(4);
  });

  it("honours limit and negative offsets", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    for (const text of ["a", "b", "c", "d"]) await user.sendText(text);
    expect((await getUpdates(emulator, { limit: 2 })).map((u) => u.message?.text)).toEqual(["a", "b"]);
    expect((await getUpdates(emulator, { offset: -1 })).map((u) => u.message?.text)).toEqual(["d"]);
    expect(emulator.pendingUpdateCount()).toBe(1);
  });

  it("filters by allowed_updates", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    const sent = await callOk<{ message_id: number }>(emulator, "sendMessage", {
      chat_id: user.id,
      text: "pick",
      reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] },
    });
    await user.sendText("ignored");
    await user.press(sent, "A");
    const updates = await getUpdates(emulator, { allowed_updates: ["callback_query"] });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.callback_query?.data).toBe("a");
  });

  it("a second concurrent getUpdates terminates the first with 409", async () => {
    const first = callApi(emulator, "getUpdates", { timeout: 10 });
    await sleep(100);
    const second = callApi(emulator, "getUpdates", { timeout: 0 });
    const [a, b] = await Promise.all([first, second]);
    expect(a.status).toBe(409);
    expect(a.body).toEqual({
      ok: false,
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    expect(b.body).toEqual({ ok: true, result: [] });
  });

  it("a client abort ends the poll without stealing updates", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    const controller = new AbortController();
    const aborted = callApi(emulator, "getUpdates", { timeout: 10 }, { signal: controller.signal });
    await sleep(100);
    controller.abort();
    await expect(aborted).rejects.toThrow();
    await sleep(50);
    expect(emulator.callsTo("getUpdates")[0]?.status).toBe(499);
    await user.sendText("after abort");
    expect((await getUpdates(emulator)).map((u) => u.message?.text)).toEqual(["after abort"]);
  });

  it("getUpdates conflicts with an active webhook", async () => {
    expect(await callOk<boolean>(emulator, "setWebhook", { url: "http://127.0.0.1:9/hook" })).toBe(true);
    const conflict = await callApi(emulator, "getUpdates");
    expect(conflict.status).toBe(409);
    expect(conflict.body.description).toBe(
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
    expect(await callOk<boolean>(emulator, "deleteWebhook")).toBe(true);
    expect((await callApi(emulator, "getUpdates")).body).toEqual({ ok: true, result: [] });
  });

  it("setting a webhook ends a pending long poll with 409", async () => {
    const poll = callApi(emulator, "getUpdates", { timeout: 10 });
    await sleep(100);
    await callOk(emulator, "setWebhook", { url: "http://127.0.0.1:9/hook" });
    expect((await poll).status).toBe(409);
  });

  it("deleteWebhook with drop_pending_updates forgets queued updates", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    await user.sendText("old");
    expect(emulator.pendingUpdateCount()).toBe(1);
    await callOk(emulator, "deleteWebhook", { drop_pending_updates: true });
    expect(emulator.pendingUpdateCount()).toBe(0);
    expect(await getUpdates(emulator)).toEqual([]);
  });

  it("stop() ends pending long polls with an empty result", async () => {
    const poll = callApi(emulator, "getUpdates", { timeout: 30 });
    await sleep(100);
    const startedAt = Date.now();
    await emulator.stop();
    const { body } = await poll;
    expect(body).toEqual({ ok: true, result: [] });
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });
});
