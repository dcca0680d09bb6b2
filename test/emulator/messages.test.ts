import type { Message, Update } from "@grammyjs/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator, type TestUser } from "../support/emulator/index.js";
import { callApi, callOk } from "./helpers.js";

const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

const keyboard = (...labels: string[]) => ({
  inline_keyboard: [labels.map((label) => ({ text: label, callback_data: `cb:${label}` }))],
});

describe("Bot API emulator: messages, edits, callbacks", () => {
  let emulator: BotApiEmulator;
  let ann: TestUser;

  beforeEach(async () => {
    emulator = new BotApiEmulator({ defaultTimeoutMs: 1000 });
    await emulator.start();
    ann = emulator.createUser({ firstName: "Ann", lastName: "Lee", username: "ann", languageCode: "ru" });
  });
  afterEach(async () => {
    await emulator.stop();
  });

  const send = (params: Record<string, unknown>): Promise<Message> =>
    callOk<Message>(emulator, "sendMessage", { chat_id: ann.id, ...params });

  it("shapes sent messages like Telegram and logs them per chat", async () => {
    const first = await send({ text: "Hello", parse_mode: "HTML", reply_markup: keyboard("Yes", "No") });
    const second = await send({ text: "World", entities: [{ type: "bold", offset: 0, length: 5 }] });

    expect(first).toEqual({
      message_id: 1,
      from: { id: emulator.botId, is_bot: true, first_name: "Mentor Test Bot", username: "mentor_test_bot" },
      chat: { id: ann.id, type: "private", first_name: "Ann", last_name: "Lee", username: "ann" },
      date: expect.any(Number) as number,
      text: "Hello",
      reply_markup: keyboard("Yes", "No"),
    });
    expect(Math.abs(first.date - Date.now() / 1000)).toBeLessThan(5);
    expect(second.message_id).toBe(2);

    const event = await ann.nextEvent();
    expect(event).toMatchObject({ kind: "message", seq: 0, message: { text: "Hello", reply_markup: keyboard("Yes", "No") } });
    expect(await ann.nextMessage()).toMatchObject({ text: "World", entities: [{ type: "bold", offset: 0, length: 5 }] });
    expect(ann.buttons(first)).toEqual([["Yes", "No"]]);
    expect(ann.lastMessage().text).toBe("World");
  });

  it("shares message ids between user and bot messages of a chat", async () => {
    const fromUser = await ann.sendText("hi");
    const fromBot = await send({ text: "hello" });
    expect([fromUser.message_id, fromBot.message_id]).toEqual([1, 2]);
    expect(ann.messages().map((m) => m.text)).toEqual(["hello"]);
  });

  it("adds bot_command entities to commands, including the @botname suffix", async () => {
    const plain = await ann.sendText("/help");
    const addressed = await ann.sendText("/start@mentor_test_bot invite-42");
    const deepLink = await ann.start("abc");
    const text = await ann.sendText("not a command");
    expect(plain.entities).toEqual([{ type: "bot_command", offset: 0, length: 5 }]);
    expect(addressed.entities).toEqual([{ type: "bot_command", offset: 0, length: 22 }]);
    expect(deepLink).toMatchObject({ text: "/start abc", entities: [{ type: "bot_command", offset: 0, length: 6 }] });
    expect(text.entities).toBeUndefined();
  });

  it("emits sticker and photo messages without text", async () => {
    await ann.sendSticker();
    await ann.sendPhoto();
    const updates = await callOk<Update[]>(emulator, "getUpdates");
    expect(updates[0]?.message?.sticker).toMatchObject({ type: "regular", width: 512 });
    expect(updates[0]?.message?.text).toBeUndefined();
    expect(updates[1]?.message?.photo?.[0]).toMatchObject({ width: 1, height: 1 });
  });

  it("edits text and markup, and refuses no-op edits", async () => {
    const sent = await send({ text: "Pick", reply_markup: keyboard("A") });

    const edited = await callOk<Message>(emulator, "editMessageText", {
      chat_id: ann.id,
      message_id: sent.message_id,
      text: "Picked",
      reply_markup: keyboard("B"),
    });
    expect(edited).toMatchObject({ message_id: sent.message_id, text: "Picked", reply_markup: keyboard("B") });
    expect(edited.edit_date).toEqual(expect.any(Number));

    const same = await callApi(emulator, "editMessageText", {
      chat_id: ann.id,
      message_id: sent.message_id,
      text: "Picked",
      reply_markup: keyboard("B"),
    });
    expect(same.status).toBe(400);
    expect(same.body.description).toBe(NOT_MODIFIED);

    const sameMarkup = await callApi(emulator, "editMessageReplyMarkup", {
      chat_id: ann.id,
      message_id: sent.message_id,
      reply_markup: keyboard("B"),
    });
    expect(sameMarkup.body.description).toBe(NOT_MODIFIED);

    // Without reply_markup the keyboard is removed (as Telegram does).
    const noKeyboard = await callOk<Message>(emulator, "editMessageText", {
      chat_id: ann.id,
      message_id: sent.message_id,
      text: "Picked",
    });
    expect(noKeyboard.reply_markup).toBeUndefined();

    await ann.nextMessage();
    expect(await ann.nextEdit()).toMatchObject({ text: "Picked", reply_markup: keyboard("B") });
    expect((await ann.nextEdit()).reply_markup).toBeUndefined();
    expect(ann.messages()).toHaveLength(1);
  });

  it("reports edits of unknown messages", async () => {
    const missing = await callApi(emulator, "editMessageText", { chat_id: ann.id, message_id: 77, text: "x" });
    expect(missing).toEqual({
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: message to edit not found" },
    });
    const markup = await callApi(emulator, "editMessageReplyMarkup", { chat_id: ann.id, message_id: 77 });
    expect(markup.body.description).toBe("Bad Request: message to edit not found");
    const userMessage = await ann.sendText("mine");
    const foreign = await callApi(emulator, "editMessageText", { chat_id: ann.id, message_id: userMessage.message_id, text: "x" });
    expect(foreign.body.description).toBe("Bad Request: message can't be edited");
  });

  it("deletes messages once", async () => {
    const sent = await send({ text: "temporary" });
    expect(await callOk<boolean>(emulator, "deleteMessage", { chat_id: ann.id, message_id: sent.message_id })).toBe(true);
    const again = await callApi(emulator, "deleteMessage", { chat_id: ann.id, message_id: sent.message_id });
    expect(again.body.description).toBe("Bad Request: message to delete not found");
    const edit = await callApi(emulator, "editMessageText", { chat_id: ann.id, message_id: sent.message_id, text: "x" });
    expect(edit.body.description).toBe("Bad Request: message to edit not found");

    expect(ann.messages()).toEqual([]);
    await ann.nextMessage();
    expect(await ann.nextDelete()).toMatchObject({ text: "temporary" });
  });

  it("press() uses the current keyboard and produces a callback_query update", async () => {
    const sent = await send({ text: "Choose", reply_markup: keyboard("Old") });
    await callOk(emulator, "editMessageReplyMarkup", { chat_id: ann.id, message_id: sent.message_id, reply_markup: keyboard("Mentor", "Mentee") });

    await expect(ann.press(sent, "Old")).rejects.toThrow(/No button "Old".*Available buttons: "Mentor", "Mentee"/);
    const queryId = await ann.press(sent, /^Mentee$/);

    const updates = await callOk<Update[]>(emulator, "getUpdates");
    const query = updates.at(-1)?.callback_query;
    expect(query).toMatchObject({
      id: queryId,
      from: { id: ann.id, first_name: "Ann", language_code: "ru" },
      data: "cb:Mentee",
      message: { message_id: sent.message_id, text: "Choose", reply_markup: keyboard("Mentor", "Mentee") },
    });
    expect(query?.chat_instance).toEqual(expect.any(String));

    const forged = await ann.pressData(sent.message_id, "admin:delete-all");
    const forgedUpdate = (await callOk<Update[]>(emulator, "getUpdates", { offset: (updates.at(-1)?.update_id ?? 0) + 1 }))[0];
    expect(forgedUpdate?.callback_query).toMatchObject({ id: forged, data: "admin:delete-all" });
    expect(forged).not.toBe(queryId);
  });

  it("answerCallbackQuery works once per query", async () => {
    const sent = await send({ text: "Choose", reply_markup: keyboard("Go") });
    const queryId = await ann.press(sent, "Go");

    expect(await callOk<boolean>(emulator, "answerCallbackQuery", { callback_query_id: queryId, text: "Done", show_alert: true })).toBe(true);
    const twice = await callApi(emulator, "answerCallbackQuery", { callback_query_id: queryId });
    const unknown = await callApi(emulator, "answerCallbackQuery", { callback_query_id: "12345" });
    for (const response of [twice, unknown]) {
      expect(response).toEqual({
        status: 400,
        body: {
          ok: false,
          error_code: 400,
          description: "Bad Request: query is too old and response timeout expired or query ID is invalid",
        },
      });
    }
    expect(await ann.nextCallbackAnswer(queryId)).toMatchObject({ callbackQueryId: queryId, text: "Done", show_alert: true });
    expect(ann.callbackAnswers()).toHaveLength(1);
  });

  it("nextCallbackAnswer waits for the bot's answer", async () => {
    const sent = await send({ text: "Choose", reply_markup: keyboard("Go") });
    const queryId = await ann.press(sent, "Go");
    const waiting = ann.nextCallbackAnswer();
    setTimeout(() => void callOk(emulator, "answerCallbackQuery", { callback_query_id: queryId }), 100);
    expect(await waiting).toMatchObject({ callbackQueryId: queryId, text: undefined, show_alert: false });
  });

  it("answers 403 for every chat method while the user blocked the bot", async () => {
    const sent = await send({ text: "before" });
    ann.block();
    const blocked = { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" };
    const attempts: Array<[string, Record<string, unknown>]> = [
      ["sendMessage", { chat_id: ann.id, text: "x" }],
      ["sendChatAction", { chat_id: ann.id, action: "typing" }],
      ["editMessageText", { chat_id: ann.id, message_id: sent.message_id, text: "y" }],
      ["editMessageReplyMarkup", { chat_id: ann.id, message_id: sent.message_id }],
      ["sendDocument", { chat_id: ann.id, document: "BQACAgIAAxkBAAI000001" }],
    ];
    for (const [method, params] of attempts) {
      const response = await callApi(emulator, method, params);
      expect(response, method).toEqual({ status: 403, body: blocked });
    }
    expect(ann.isBlocked).toBe(true);
    ann.unblock();
    expect((await send({ text: "after" })).text).toBe("after");
    expect(ann.messages().map((m) => m.text)).toEqual(["before", "after"]);
  });

  it("waitFor / nextEvent time out with a description of the chat", async () => {
    await send({ text: "Welcome!", reply_markup: keyboard("Start") });
    await ann.nextMessage();
    const error = await ann.nextEdit({ timeoutMs: 200 }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/Timed out after 200 ms waiting for the next "edit" event in private chat \d+ \(Ann\)/);
    expect(error?.message).toContain('"Welcome!" buttons: ["Start"]');
  });

  it("waitForText skips unrelated messages", async () => {
    await send({ text: "noise" });
    await send({ text: "Your code: 123" });
    expect((await ann.waitForText(/code: \d+/)).text).toBe("Your code: 123");
    await expect(ann.nextMessage({ timeoutMs: 100 })).rejects.toThrow(/Consumed 2 of 2 events/);
  });

  it("expectNoEvent resolves on silence and rejects on activity", async () => {
    await ann.expectNoEvent(100);
    setTimeout(() => void send({ text: "surprise" }), 50);
    await expect(ann.expectNoEvent(1000)).rejects.toThrow(/Expected no bot activity.*\n.*"surprise"/);
  });

  it("supports group chats", async () => {
    const group = emulator.createGroup({ title: "7A parents" });
    await ann.sendInGroup(group, "/report@mentor_test_bot");
    const update = (await callOk<Update[]>(emulator, "getUpdates"))[0];
    expect(update?.message).toMatchObject({
      chat: { id: group.id, type: "group", title: "7A parents" },
      from: { id: ann.id },
      entities: [{ type: "bot_command", offset: 0, length: 23 }],
    });
    const reply = await callOk<Message>(emulator, "sendMessage", { chat_id: group.id, text: "Report", reply_markup: keyboard("Ok") });
    expect((await group.nextMessage()).text).toBe("Report");
    await ann.pressInGroup(group, reply, "Ok");
    const query = (await callOk<Update[]>(emulator, "getUpdates", { offset: 2 }))[0]?.callback_query;
    expect(query?.message?.chat.id).toBe(group.id);
    await ann.expectNoEvent(50); // the private chat saw nothing
  });

  it("passes reply_parameters through as reply_to_message", async () => {
    const question = await ann.sendText("Who is my mentor?");
    const answer = await send({ text: "Maria", reply_parameters: { message_id: question.message_id } });
    expect(answer.reply_to_message).toMatchObject({ message_id: question.message_id, text: "Who is my mentor?" });
    const missing = await callApi(emulator, "sendMessage", { chat_id: ann.id, text: "x", reply_parameters: { message_id: 999 } });
    expect(missing.body.description).toBe("Bad Request: message to be replied not found");
  });
});
