import { MongoClient } from "mongodb";
import { describe, expect, it } from "vitest";
import type { TestUser } from "../support/emulator/index.js";
import { createStore } from "../../src/store/index.js";
import { useTestBot } from "../support/harness.js";
import { spawnBot, type BotProcess } from "../support/process.js";

// The bot killed with SIGKILL while updates wait: after a restart no update is lost and none is
// acted on twice.

// The bot runs as a real process here: the fixture gives only the database and Telegram.
const t = useTestBot({ bot: false });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const menus = (user: TestUser) => user.messages().filter((m) => /Главное меню/.test(m.text ?? "")).length;

describe("a crash and a restart", () => {
  it("loses no update and acts on none twice", { timeout: 120_000 }, async () => {
    const { emulator, db } = t;
    const env = { BOT_TOKEN: "42:RESTART", BOT_API_ROOT: emulator.apiRoot, MONGODB_URI: db.server.uri, MONGODB_DB: "restart" };
    const start = async () => {
      const bot = spawnBot(env);
      await bot.waitForLog("bot started");
      return bot;
    };
    const kill = async (bot: BotProcess) => {
      bot.child.kill("SIGKILL");
      await bot.exited;
      await sleep(200); // the emulator notices the dropped connections
    };

    let bot = await start();
    const warmup = emulator.createUser({ firstName: "Первый", languageCode: "ru" });
    await warmup.start();
    await warmup.waitForText(/Главное меню/);

    // 1. Updates fetched (and so confirmed to Telegram) but not handled when the process dies:
    //    the replies hang, the bot is killed, and the updates exist only in the bot's inbox.
    let release = emulator.hold("sendMessage");
    const fetched = [1, 2, 3].map((i) => emulator.createUser({ firstName: `Ученик ${i}`, languageCode: "ru" }));
    for (const user of fetched) await user.sendText("/menu");
    await expect.poll(() => emulator.heldCount("sendMessage"), { timeout: 10_000 }).toBe(3);
    await expect.poll(() => emulator.pendingUpdateCount(), { timeout: 10_000 }).toBe(0);
    await kill(bot);
    release();

    // 2. Updates sent while the bot is down wait at Telegram.
    const waiting = emulator.createUser({ firstName: "Ждущий", languageCode: "ru" });
    await waiting.sendText("/menu");

    bot = await start();
    for (const user of [...fetched, waiting]) await user.waitForText(/Главное меню/, { timeoutMs: 15_000 });

    // 3. Updates handled but not yet confirmed when the process dies come again after the
    //    restart: the bot remembers their ids and does not act on them twice.
    release = emulator.hold("getUpdates");
    const handled = emulator.createUser({ firstName: "Учитель", languageCode: "ru" });
    await handled.sendText("/menu");
    await handled.waitForText(/Главное меню/);
    await expect.poll(() => emulator.heldCount("getUpdates"), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(emulator.pendingUpdateCount()).toBe(1); // not confirmed
    // Handled means recorded as handled: wait for that, then kill before the confirmation.
    const updateId = emulator.pendingUpdates()[0]!.update_id;
    const client = new MongoClient(db.server.uri);
    const inbox = createStore(client.db("restart")).updates;
    await expect.poll(() => inbox.state(updateId), { timeout: 10_000 }).toBe("done");
    await client.close();
    await kill(bot);
    release();

    bot = await start();
    await expect.poll(() => emulator.pendingUpdateCount(), { timeout: 15_000 }).toBe(0);
    const after = emulator.createUser({ firstName: "Последний", languageCode: "ru" });
    await after.sendText("/menu");
    await after.waitForText(/Главное меню/);
    await sleep(300);

    expect(menus(warmup)).toBe(1);
    for (const user of fetched) expect(menus(user)).toBe(1);
    expect(menus(waiting)).toBe(1);
    expect(menus(handled)).toBe(1);
    expect(menus(after)).toBe(1);

    // SIGTERM: a clean stop.
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain("stopped");
  });
});
