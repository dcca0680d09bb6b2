import { autoRetry } from "@grammyjs/auto-retry";
import { run } from "@grammyjs/runner";
import { Bot, InlineKeyboard, webhookCallback } from "grammy";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator } from "../support/emulator/index.js";
import { callOk } from "./helpers.js";

/** A miniature version of the real bot: /start with a role picker, role buttons, stickers refused. */
function createBot(emulator: BotApiEmulator): Bot {
  const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
  bot.command("start", async (ctx) => {
    const payload = ctx.match ? ` (invite ${ctx.match})` : "";
    await ctx.reply(`Здравствуйте, ${ctx.from?.first_name ?? ""}!${payload} Кто вы?`, {
      reply_markup: new InlineKeyboard().text("Наставник", "role:mentor").text("Наставляемый", "role:mentee"),
    });
  });
  bot.callbackQuery(/^role:(.+)$/, async (ctx) => {
    const role = ctx.match[1] ?? "";
    await ctx.answerCallbackQuery({ text: `Роль: ${role}` });
    await ctx.editMessageText(`Вы выбрали роль ${role}`, {
      reply_markup: new InlineKeyboard().text("Изменить", "change"),
    });
  });
  bot.on("message:sticker", (ctx) => ctx.reply("Пожалуйста, отправьте текст."));
  return bot;
}

/**
 * bot.start() resolves only when the bot stops; wait for onStart instead.
 * Returns the start() promise wrapped (an async function would otherwise wait for it).
 */
async function startPolling(bot: Bot): Promise<{ running: Promise<void> }> {
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const running = bot.start({ onStart: () => started() });
  await Promise.race([ready, running]);
  return { running };
}

describe("Bot API emulator with a real grammY bot", () => {
  let emulator: BotApiEmulator;

  beforeEach(async () => {
    emulator = new BotApiEmulator();
    await emulator.start();
  });
  afterEach(async () => {
    await emulator.stop();
  });

  it("round-trips /start and a button press through bot.start() long polling", async () => {
    const bot = createBot(emulator);
    const { running } = await startPolling(bot);
    try {
      const ann = emulator.createUser({ firstName: "Анна", languageCode: "ru" });
      await ann.start("A1B2");

      const greeting = await ann.nextMessage();
      expect(greeting.text).toBe("Здравствуйте, Анна! (invite A1B2) Кто вы?");
      expect(ann.buttons(greeting)).toEqual([["Наставник", "Наставляемый"]]);

      const queryId = await ann.press(greeting, "Наставник");
      expect(await ann.nextCallbackAnswer(queryId)).toMatchObject({ text: "Роль: mentor", show_alert: false });
      const edited = await ann.nextEdit();
      expect(edited).toMatchObject({ message_id: greeting.message_id, text: "Вы выбрали роль mentor" });
      expect(ann.buttons(edited)).toEqual([["Изменить"]]);

      await ann.sendSticker();
      expect((await ann.nextMessage()).text).toBe("Пожалуйста, отправьте текст.");
      await ann.expectNoEvent(100);
    } finally {
      await bot.stop();
      await running;
    }
    // bot.stop() confirms the processed updates.
    expect(emulator.pendingUpdateCount()).toBe(0);
    const polls = emulator.callsTo("getUpdates");
    expect(polls.some((c) => c.status === 409)).toBe(false);
    expect(polls.at(-1)?.params).toMatchObject({ offset: expect.any(Number) as number, limit: 1 });
    expect(emulator.internalErrors).toEqual([]);
  });

  it("delivers updates queued while the bot was offline once it starts", async () => {
    const ann = emulator.createUser({ firstName: "Ann" });
    await ann.start();
    await ann.start();
    expect(emulator.pendingUpdateCount()).toBe(2);

    const bot = createBot(emulator);
    const { running } = await startPolling(bot);
    try {
      await ann.nextMessage();
      await ann.nextMessage();
    } finally {
      await bot.stop();
      await running;
    }
    expect(emulator.pendingUpdateCount()).toBe(0);
  });

  it("a second polling instance terminates the first one with 409, as Telegram does", async () => {
    const first = createBot(emulator);
    const { running: firstRunning } = await startPolling(first);
    const second = createBot(emulator);
    const { running: secondRunning } = await startPolling(second);
    try {
      // grammY treats 409 as fatal: the first instance's start() rejects.
      await expect(firstRunning).rejects.toMatchObject({ error_code: 409, description: expect.stringContaining("terminated by other getUpdates") as string });
      // The second instance keeps working.
      const ann = emulator.createUser({ firstName: "Ann" });
      await ann.start();
      expect((await ann.nextMessage()).text).toContain("Ann");
    } finally {
      await second.stop();
      await secondRunning;
    }
  });

  it("works with @grammyjs/runner", async () => {
    const bot = createBot(emulator);
    await bot.init();
    const runner = run(bot);
    try {
      const ann = emulator.createUser({ firstName: "Ann" });
      await ann.start();
      const greeting = await ann.nextMessage();
      await ann.press(greeting, "Наставляемый");
      expect((await ann.nextEdit()).text).toBe("Вы выбрали роль mentee");
    } finally {
      await runner.stop();
    }
  });

  it("auto-retry honours retry_after from an injected 429", async () => {
    const bot = createBot(emulator);
    bot.api.config.use(autoRetry());
    const { running } = await startPolling(bot);
    try {
      emulator.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
      const ann = emulator.createUser({ firstName: "Ann" });
      await ann.start();
      expect((await ann.nextMessage({ timeoutMs: 5000 })).text).toContain("Кто вы?");
    } finally {
      await bot.stop();
      await running;
    }
    const sends = emulator.callsTo("sendMessage");
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    expect((sends[1]?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it("delivers to grammY's webhookCallback with the secret token", async () => {
    const bot = createBot(emulator);
    await bot.init();
    const server = createServer(webhookCallback(bot, "http", { secretToken: "hook_secret" }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      await callOk(emulator, "setWebhook", { url, secret_token: "hook_secret" });
      const ann = emulator.createUser({ firstName: "Ann" });
      await ann.start();
      expect((await ann.nextMessage()).text).toContain("Ann");
      expect(emulator.webhookFailures).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
