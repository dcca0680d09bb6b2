import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MongoClient } from "mongodb";
import { pino, type Logger } from "pino";
import { createBot, type AppBot } from "../../src/bot/index.js";
import type { BotDeps } from "../../src/bot/context.js";
import { startPolling, type Polling } from "../../src/bot/polling.js";
import { parseConfig } from "../../src/config.js";
import { connectStore, type Store } from "../../src/store/index.js";
import { startLocalServer, type LocalServer } from "../../src/store/localServer.js";
import { BotApiEmulator } from "./emulator/index.js";

// The test harness: a real FerretDB per test file, a fresh emulator, database and bot per test.

export interface TestDatabase {
  server: LocalServer;
  /** Stops the bot; forRestart leaves the database and the emulator for a restarted bot. */
  stop(options?: { forRestart?: boolean }): Promise<void>;
}

export async function startDatabase(): Promise<TestDatabase> {
  const dir = await mkdtemp(join(tmpdir(), "mentorship-db-"));
  const server = await startLocalServer({ dataDir: dir });
  return {
    server,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface TestBot {
  emulator: BotApiEmulator;
  app: AppBot;
  store: Store;
  deps: BotDeps;
  client: MongoClient;
  dbName: string;
  /** Stops the bot; forRestart leaves the database and the emulator for a restarted bot. */
  stop(options?: { forRestart?: boolean }): Promise<void>;
}

let dbCounter = 0;

export async function startTestBot(
  db: TestDatabase,
  opts: { operatorIds?: number[]; env?: Record<string, string>; clock?: () => Date; emulator?: BotApiEmulator; dbName?: string; logger?: Logger } = {},
): Promise<TestBot> {
  const emulator = opts.emulator ?? new BotApiEmulator();
  if (!opts.emulator) await emulator.start();
  const dbName = opts.dbName ?? `t${process.pid}_${Date.now()}_${dbCounter++}`;
  const config = parseConfig({
    BOT_TOKEN: "123456:TEST-TOKEN",
    BOT_API_ROOT: emulator.apiRoot,
    MONGODB_URI: db.server.uri,
    MONGODB_DB: dbName,
    OPERATOR_IDS: (opts.operatorIds ?? []).join(","),
    LOG_LEVEL: "silent",
    // Test users act faster than people; the flood test sets its own limit.
    RATE_LIMIT_UPDATES: "1000",
    ...opts.env,
  });
  const { client, store } = await connectStore(db.server.uri, dbName);
  const logger = opts.logger ?? pino({ level: process.env["TEST_LOG_LEVEL"] ?? "silent" });
  const deps: BotDeps = { config, store, logger, clock: opts.clock ?? (() => new Date()) };
  const app = createBot(deps);
  await app.bot.init();
  await app.setCommands();
  const runner: Polling = await startPolling(app, deps);
  let stopped = false;
  return {
    emulator,
    app,
    store,
    deps,
    client,
    dbName,
    async stop(options = {}) {
      if (stopped) return;
      stopped = true;
      await runner.stop();
      if (!options.forRestart) await client.db(dbName).dropDatabase().catch(() => {});
      await client.close();
      if (!opts.emulator && !options.forRestart) await emulator.stop();
    },
  };
}
