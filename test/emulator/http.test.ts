import type { Message, UserFromGetMe } from "@grammyjs/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator } from "../support/emulator/index.js";
import { callApi, callOk } from "./helpers.js";

describe("Bot API emulator: HTTP surface", () => {
  let emulator: BotApiEmulator;

  beforeEach(async () => {
    emulator = new BotApiEmulator();
    await emulator.start();
  });
  afterEach(async () => {
    await emulator.stop();
  });

  it("listens on a loopback port and answers getMe with the bot user", async () => {
    expect(emulator.apiRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, body } = await callApi(emulator, "getMe");
    expect(status).toBe(200);
    const me = body.result as UserFromGetMe;
    expect(me).toMatchObject({ id: emulator.botId, is_bot: true, username: "mentor_test_bot" });
    expect(me.can_join_groups).toBe(true);
  });

  it("uses a custom bot username and id", async () => {
    const other = new BotApiEmulator({ botUsername: "other_bot", botId: 42 });
    await other.start();
    try {
      expect(await callOk<UserFromGetMe>(other, "getMe")).toMatchObject({ id: 42, username: "other_bot" });
      expect(other.apiRoot).not.toBe(emulator.apiRoot);
    } finally {
      await other.stop();
    }
  });

  it("answers unknown methods with 404 Not Found", async () => {
    const { status, body } = await callApi(emulator, "sendTelepathicMessage", { chat_id: 1 });
    expect(status).toBe(404);
    expect(body).toEqual({ ok: false, error_code: 404, description: "Not Found" });
    expect(emulator.calls.at(-1)).toMatchObject({ method: "sendTelepathicMessage", status: 404 });
  });

  it("requires the /bot<token>/<method> path", async () => {
    for (const path of ["/getMe", `/bot${emulator.token}`, `/bot${emulator.token}/a/b`, "/"]) {
      const response = await fetch(`${emulator.apiRoot}${path}`, { method: "POST" });
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ ok: false, error_code: 404, description: "Not Found" });
    }
  });

  it("treats method names case-insensitively and records calls with parsed params", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    const { body } = await callApi(emulator, "SENDMESSAGE", { chat_id: user.id, text: "hi" });
    expect(body.ok).toBe(true);
    const call = emulator.callsTo("sendMessage")[0];
    expect(call).toMatchObject({ method: "sendMessage", params: { chat_id: user.id, text: "hi" }, status: 200 });
    expect(call?.at).toBeGreaterThan(Date.now() - 10_000);
  });

  it("accepts application/x-www-form-urlencoded bodies and GET query strings", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    const form = new URLSearchParams({
      chat_id: String(user.id),
      text: "form",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "Go", callback_data: "go" }]] }),
    });
    const posted = await fetch(`${emulator.apiRoot}/bot${emulator.token}/sendMessage`, { method: "POST", body: form });
    expect(posted.status).toBe(200);
    const viaGet = await fetch(`${emulator.apiRoot}/bot${emulator.token}/sendMessage?chat_id=${user.id}&text=query`);
    expect(viaGet.status).toBe(200);

    const first = await user.nextMessage();
    expect(first.text).toBe("form");
    expect(first.reply_markup).toEqual({ inline_keyboard: [[{ text: "Go", callback_data: "go" }]] });
    expect((await user.nextMessage()).text).toBe("query");
  });

  it("rejects bad sendMessage parameters like Telegram", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ text: "x" }, "Bad Request: chat_id is empty"],
      [{ chat_id: 999_999, text: "x" }, "Bad Request: chat not found"],
      [{ chat_id: user.id }, "Bad Request: message text is empty"],
      [{ chat_id: user.id, text: "" }, "Bad Request: message text is empty"],
      [{ chat_id: user.id, text: "x".repeat(4097) }, "Bad Request: message is too long"],
      [
        { chat_id: user.id, text: "x", reply_markup: { inline_keyboard: [[{ text: "Too long", callback_data: "d".repeat(65) }]] } },
        "Bad Request: BUTTON_DATA_INVALID",
      ],
      [
        { chat_id: user.id, text: "x", reply_markup: { inline_keyboard: Array.from({ length: 11 }, (_, r) => Array.from({ length: 10 }, (_, c) => ({ text: `${r}.${c}`, callback_data: `b${r}.${c}` }))) } },
        "Bad Request: reply markup is too long",
      ],
      [
        { chat_id: user.id, text: "x", reply_markup: { inline_keyboard: [Array.from({ length: 9 }, (_, c) => ({ text: `${c}`, callback_data: `b${c}` }))] } },
        "Bad Request: BUTTON_ROW_TOO_LONG",
      ],
    ];
    for (const [params, description] of cases) {
      const { status, body } = await callApi(emulator, "sendMessage", params);
      expect({ status, body }, description).toEqual({ status: 400, body: { ok: false, error_code: 400, description } });
    }
    const ok = await callOk<Message>(emulator, "sendMessage", { chat_id: user.id, text: "x".repeat(4096) });
    expect(ok.text).toHaveLength(4096);
    expect(user.messages()).toHaveLength(1);
  });

  it("rejects malformed JSON bodies with 400", async () => {
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/getMe`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error_code: 400 });
  });

  it("returns private chats from getChat and validates sendChatAction", async () => {
    const user = emulator.createUser({ id: 555, firstName: "Ann", lastName: "Lee", username: "ann_l" });
    const chat = await callOk<Record<string, unknown>>(emulator, "getChat", { chat_id: 555 });
    expect(chat).toMatchObject({ id: 555, type: "private", first_name: "Ann", last_name: "Lee", username: "ann_l" });
    expect(await callOk<boolean>(emulator, "sendChatAction", { chat_id: user.id, action: "typing" })).toBe(true);
    const bad = await callApi(emulator, "sendChatAction", { chat_id: user.id, action: "dancing" });
    expect(bad.body.description).toBe("Bad Request: wrong parameter action in request");
  });

  it("auto-increments user ids from 1000 and gives groups negative ids", () => {
    const a = emulator.createUser({ firstName: "A" });
    const b = emulator.createUser({ firstName: "B", languageCode: "ru" });
    const g = emulator.createGroup({ title: "Class 7A" });
    const sg = emulator.createGroup({ title: "Teachers", type: "supergroup" });
    expect([a.id, b.id]).toEqual([1000, 1001]);
    expect(b.chatId).toBe(b.id);
    expect(b.languageCode).toBe("ru");
    expect(g.id).toBeLessThan(0);
    expect(sg.chat).toMatchObject({ type: "supergroup", title: "Teachers" });
    expect(() => emulator.createUser({ id: 1000, firstName: "Dup" })).toThrow(/already exists/);
  });
});
