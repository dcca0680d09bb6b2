import { MongoClient } from "mongodb";
import { describe, expect, it } from "vitest";
import { createStore } from "../../src/store/index.js";
import { useTestBot } from "../support/harness.js";
import { schoolWithPendingConsents, sentPerChat } from "../support/outbox.js";
import { spawnBot, type BotProcess } from "../support/process.js";

// Exactly once across real processes on one FerretDB, counted at the emulator: two bots running
// the same job at once, and a bot killed with SIGKILL in the middle of a bulk send and started
// again. Each reminder of the Pending job (jobs/pending.ts) reaches its person once.

const t = useTestBot({ bot: false });
const DAY_MS = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function seed(dbName: string, count: number) {
  const client = new MongoClient(t.db.server.uri);
  await client.connect();
  const store = createStore(client.db(dbName));
  // Waiting for consent for 3 days and a minute: the reminder is due at the bot's first tick.
  const seeded = await schoolWithPendingConsents(store, t.emulator, { count, since: new Date(Date.now() - 3 * DAY_MS - 60_000) });
  await client.close();
  return seeded;
}

const env = (dbName: string, port: number) => ({
  BOT_TOKEN: "42:OUTBOX",
  BOT_API_ROOT: t.emulator.apiRoot,
  MONGODB_URI: t.db.server.uri,
  MONGODB_DB: dbName,
  // Webhook mode: two bots on one token would take each other's long polls.
  BOT_MODE: "webhook",
  WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
  WEBHOOK_SECRET: "outbox-test",
  PORT: String(port),
});

const stop = async (bot: BotProcess) => {
  bot.child.kill("SIGTERM");
  await bot.exited;
};

describe("exactly once across processes", () => {
  it("two bots at once on one database send each reminder once", { timeout: 180_000 }, async () => {
    const { userIds } = await seed("outbox2", 40);
    const port = 20_000 + (process.pid % 20_000);
    const bots = [spawnBot(env("outbox2", port)), spawnBot(env("outbox2", port + 1))];
    await Promise.all(bots.map((b) => b.waitForLog("bot started")));
    await expect.poll(() => sentPerChat(t.emulator, userIds).every((n) => n >= 1), { timeout: 60_000, interval: 200 }).toBe(true);
    await sleep(3000); // anything sent twice would have arrived by now
    await Promise.all(bots.map(stop));
    expect(sentPerChat(t.emulator, userIds)).toEqual(userIds.map(() => 1));
    // Both processes took part in the work or found it taken: each logged its tick.
    for (const bot of bots) expect(bot.output()).toContain("bot started");
  });

  it("a bot killed with SIGKILL in the middle of a bulk send, started again, sends each reminder once", { timeout: 180_000 }, async () => {
    const { userIds } = await seed("outboxkill", 60);
    const port = 21_000 + (process.pid % 20_000);
    let bot = spawnBot(env("outboxkill", port));
    // Killed while its 20th reminder is counted here and its answer has not left: claimed, sent, not marked.
    let killedAt = -1;
    t.emulator.afterCall = (call) => {
      if (killedAt >= 0 || call.method !== "sendMessage" || call.status !== 200) return;
      const sent = sentPerChat(t.emulator, userIds).reduce((a, b) => a + b, 0);
      if (sent >= 20) {
        killedAt = sent;
        bot.child.kill("SIGKILL");
      }
    };
    await bot.exited;
    t.emulator.afterCall = null;
    expect(killedAt).toBe(20);
    // Sends already on the wire when the signal landed may still arrive; none twice, some left.
    const before = sentPerChat(t.emulator, userIds);
    expect(before.every((n) => n <= 1)).toBe(true);
    expect(before.filter((n) => n === 0).length).toBeGreaterThan(20);

    bot = spawnBot(env("outboxkill", port));
    await bot.waitForLog("bot started");
    await expect
      .poll(() => sentPerChat(t.emulator, userIds).every((n) => n >= 1), { timeout: 60_000, interval: 200 })
      .toBe(true)
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\n${sentPerChat(t.emulator, userIds).join(",")}\n${bot.output()}`);
      });
    await sleep(3000);
    await stop(bot);
    expect(sentPerChat(t.emulator, userIds)).toEqual(userIds.map(() => 1));
  });
});
