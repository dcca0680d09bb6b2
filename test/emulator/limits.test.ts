import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator, type TestUser } from "../support/emulator/index.js";
import { callApi, sleep } from "./helpers.js";

describe("Bot API emulator: rate limits and injected failures", () => {
  let emulator: BotApiEmulator;
  let ann: TestUser;
  let bob: TestUser;

  beforeEach(async () => {
    emulator = new BotApiEmulator();
    await emulator.start();
    ann = emulator.createUser({ firstName: "Ann" });
    bob = emulator.createUser({ firstName: "Bob" });
  });
  afterEach(async () => {
    await emulator.stop();
  });

  const sendTo = (user: TestUser, text: string) => callApi(emulator, "sendMessage", { chat_id: user.id, text });

  it("answers 429 with retry_after when a chat exceeds its per-second limit", async () => {
    emulator.setRateLimit({ perChatPerSecond: 2 });
    expect((await sendTo(ann, "1")).status).toBe(200);
    expect((await sendTo(ann, "2")).status).toBe(200);

    const limited = await sendTo(ann, "3");
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      ok: false,
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    // Other chats are not affected by the per-chat limit; rejected sends are not delivered.
    expect((await sendTo(bob, "hi")).status).toBe(200);
    expect(ann.messages().map((m) => m.text)).toEqual(["1", "2"]);

    await sleep(1050);
    expect((await sendTo(ann, "3")).status).toBe(200);
  });

  it("applies a global per-second limit across chats", async () => {
    const limited = new BotApiEmulator({ rateLimit: { globalPerSecond: 3 } });
    await limited.start();
    try {
      const users = [1, 2, 3, 4].map((n) => limited.createUser({ firstName: `U${n}` }));
      const statuses: number[] = [];
      for (const user of users) {
        statuses.push((await callApi(limited, "sendMessage", { chat_id: user.id, text: "hi" })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const last = limited.calls.at(-1)?.response;
      expect(last).toMatchObject({ ok: false, parameters: { retry_after: 1 } });
    } finally {
      await limited.stop();
    }
  });

  it("setRateLimit(null) lifts the limits", async () => {
    emulator.setRateLimit({ perChatPerSecond: 1 });
    await sendTo(ann, "1");
    expect((await sendTo(ann, "2")).status).toBe(429);
    emulator.setRateLimit(null);
    expect((await sendTo(ann, "2")).status).toBe(200);
  });

  it("failNext injects errors, one per call, before anything else", async () => {
    emulator.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", retry_after: 7 });
    emulator.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });

    const first = await callApi(emulator, "sendMessage", { chat_id: 424242, text: "" }); // invalid, but the injection wins
    expect(first).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } },
    });
    const second = await sendTo(ann, "x");
    expect(second.body).toEqual({ ok: false, error_code: 500, description: "Internal Server Error" });
    expect((await sendTo(ann, "finally")).status).toBe(200);
    expect(ann.messages().map((m) => m.text)).toEqual(["finally"]);
  });

  it("failNext with times repeats the error and is method-specific", async () => {
    emulator.failNext("getMe", { error_code: 502, description: "Bad Gateway" }, 2);
    expect((await sendTo(ann, "unaffected")).status).toBe(200);
    expect((await callApi(emulator, "getMe")).status).toBe(502);
    expect((await callApi(emulator, "getme")).status).toBe(502);
    expect((await callApi(emulator, "getMe")).status).toBe(200);
    expect(emulator.callsTo("getMe").map((c) => c.status)).toEqual([502, 502, 200]);
  });

  it("injected 429 without retry_after still carries parameters.retry_after >= 1", async () => {
    emulator.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1" });
    const response = await sendTo(ann, "x");
    expect(response.body.parameters?.retry_after).toBe(1);
  });
});

describe("hold", () => {
  it("keeps calls of a method unanswered until released, and drops them if the client left", async () => {
    const emu = new BotApiEmulator();
    await emu.start();
    try {
      const user = emu.createUser({ firstName: "Held" });
      const url = `${emu.apiRoot}/bot1:T/sendMessage`;
      const body = JSON.stringify({ chat_id: user.id, text: "held" });
      const release = emu.hold("sendMessage");
      const pending = fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      await expect.poll(() => emu.heldCount("sendMessage")).toBe(1);
      expect(user.messages()).toHaveLength(0);
      const aborted = new AbortController();
      const gone = fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: aborted.signal }).catch(() => null);
      await expect.poll(() => emu.heldCount("sendMessage")).toBe(2);
      aborted.abort();
      await gone;
      await sleep(100); // the server notices the closed connection
      release();
      const res = (await (await pending).json()) as { ok: boolean };
      expect(res.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
      expect(user.messages().map((m) => m.text)).toEqual(["held"]);
    } finally {
      await emu.stop();
    }
  });
});
