import type { BotCommand, MenuButton } from "@grammyjs/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator } from "../support/emulator/index.js";
import { callApi, callOk } from "./helpers.js";

describe("Bot API emulator: commands and menu button", () => {
  let emulator: BotApiEmulator;

  beforeEach(async () => {
    emulator = new BotApiEmulator();
    await emulator.start();
  });
  afterEach(async () => {
    await emulator.stop();
  });

  const defaults: BotCommand[] = [{ command: "start", description: "Start" }];
  const russianPrivate: BotCommand[] = [
    { command: "start", description: "Начать" },
    { command: "my_mentor", description: "Мой наставник" },
  ];

  it("stores command lists per scope and language", async () => {
    const admin = emulator.createUser({ firstName: "Admin" });
    expect(await callOk<boolean>(emulator, "setMyCommands", { commands: defaults })).toBe(true);
    await callOk(emulator, "setMyCommands", {
      commands: russianPrivate,
      scope: { type: "all_private_chats" },
      language_code: "ru",
    });
    await callOk(emulator, "setMyCommands", {
      commands: [{ command: "admin", description: "Admin panel" }],
      scope: { type: "chat", chat_id: String(admin.id) },
    });

    expect(await callOk<BotCommand[]>(emulator, "getMyCommands")).toEqual(defaults);
    expect(await callOk<BotCommand[]>(emulator, "getMyCommands", { scope: { type: "all_private_chats" }, language_code: "ru" })).toEqual(
      russianPrivate,
    );
    // Exact scope/language lookup, no fallback (as getMyCommands does).
    expect(await callOk<BotCommand[]>(emulator, "getMyCommands", { scope: { type: "all_private_chats" } })).toEqual([]);
    expect(await callOk<BotCommand[]>(emulator, "getMyCommands", { language_code: "ru" })).toEqual([]);
    expect(await callOk<BotCommand[]>(emulator, "getMyCommands", { scope: { type: "chat", chat_id: admin.id } })).toEqual([
      { command: "admin", description: "Admin panel" },
    ]);
    expect(emulator.commands({ scope: { type: "all_private_chats" }, languageCode: "ru" })).toEqual(russianPrivate);

    expect(await callOk<boolean>(emulator, "deleteMyCommands", { scope: { type: "all_private_chats" }, language_code: "ru" })).toBe(true);
    expect(emulator.commands({ scope: { type: "all_private_chats" }, languageCode: "ru" })).toEqual([]);
    expect(emulator.commands()).toEqual(defaults);
  });

  it("accepts form-encoded JSON parameters", async () => {
    const form = new URLSearchParams({ commands: JSON.stringify(defaults), scope: JSON.stringify({ type: "all_group_chats" }) });
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/setMyCommands`, { method: "POST", body: form });
    expect(await response.json()).toEqual({ ok: true, result: true });
    expect(emulator.commands({ scope: { type: "all_group_chats" } })).toEqual(defaults);
  });

  it("rejects invalid commands", async () => {
    const upper = await callApi(emulator, "setMyCommands", { commands: [{ command: "Start", description: "x" }] });
    expect(upper.body).toEqual({ ok: false, error_code: 400, description: "Bad Request: BOT_COMMAND_INVALID" });
    const badScope = await callApi(emulator, "setMyCommands", { commands: defaults, scope: { type: "chat", chat_id: 1 } });
    expect(badScope.body.description).toBe("Bad Request: chat not found");
    expect(emulator.commands()).toEqual([]);
  });

  it("accepts setChatMenuButton and returns it from getChatMenuButton", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    expect(await callOk<boolean>(emulator, "setChatMenuButton", { menu_button: { type: "commands" } })).toBe(true);
    expect(await callOk<MenuButton>(emulator, "getChatMenuButton", { chat_id: user.id })).toEqual({ type: "commands" });
  });
});
