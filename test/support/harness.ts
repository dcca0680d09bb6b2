import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { MongoClient } from "mongodb";
import { pino, type Logger } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createBot, type AppBot } from "../../src/bot/index.js";
import type { AppDeps, BotDeps } from "../../src/bot/context.js";
import { startPolling, type Polling } from "../../src/bot/polling.js";
import { parseConfig } from "../../src/config.js";
import { connectStore, type Store } from "../../src/store/index.js";
import { startLocalServer, type LocalServer } from "../../src/store/localServer.js";
import { BotApiEmulator } from "./emulator/index.js";

// The test harness: a real FerretDB per test file, a fresh emulator, database and bot per test.
// Suites use `useTestBot()` (below); startDatabase/startTestBot are its parts.

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
  /** The bot's deps with the services' (notices, operatorIds): pass them straight to services. */
  deps: AppDeps;
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
  const clock = opts.clock ?? (() => new Date());
  const { client, store } = await connectStore(db.server.uri, dbName, clock);
  const logger = opts.logger ?? pino({ level: process.env["TEST_LOG_LEVEL"] ?? "silent" });
  const deps: BotDeps = { config, store, logger, clock };
  const app = createBot(deps);
  await app.bot.init();
  await app.setCommands();
  const runner: Polling = await startPolling(app, deps);
  let stopped = false;
  return {
    emulator,
    app,
    store,
    deps: app.deps,
    client,
    dbName,
    async stop(options = {}) {
      if (stopped) return;
      stopped = true;
      await runner.stop();
      await app.sender.stop();
      if (!options.forRestart) await client.db(dbName).dropDatabase().catch(() => {});
      await client.close();
      if (!opts.emulator && !options.forRestart) await emulator.stop();
    },
  };
}

/**
 * The default clock runs in real time, but at night in Moscow (the fixtures' school zone) it is
 * moved to noon of the same Moscow day: a student's notices wait out the night (domain/courtesy.ts),
 * and a suite that does not fix the clock expects them at once whatever the hour it runs at.
 * Zero by day; fixed once per file, so time still passes evenly.
 */
function daytimeOffset(now: Date): number {
  const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Moscow", hour: "2-digit", hourCycle: "h23" }).format(now));
  return hour >= 8 && hour < 19 ? 0 : (12 - hour) * 3_600_000;
}

export interface TestBotOptions {
  /** Telegram ids of the operators (OPERATOR_IDS). */
  operatorIds?: number[];
  /** The bot's clock; `setNow` fixes it for one test. Default: real time. */
  clock?: () => Date;
  /** More environment for the bot's configuration. */
  env?: Record<string, string>;
  /**
   * "test" (default): a fresh emulator, database and bot for every test.
   * "file": one for all the tests of the file (a matrix of many small cases over one seeded world).
   */
  per?: "test" | "file";
  /** false: only the database and the emulator, for suites that run the bot as a process. */
  bot?: boolean;
}

/** The bot of the running test; the same object across tests, its parts change under it. */
export interface TestBotFixture extends TestBot {
  /** The FerretDB of this file. */
  readonly db: TestDatabase;
  /** The bot stops and a new process starts on the same database and the same Telegram. */
  restart(): Promise<void>;
  /** Fixes the bot's clock at this moment (null: real time again). Reset before each test. */
  setNow(date: Date | null): void;
}

/**
 * The e2e suites' one set-up: a real FerretDB per test file, and a fresh emulator, database and
 * bot per test (or per file). Call it at the top of a file: `const t = useTestBot({ operatorIds: [500] });`
 * then use `t.emulator`, `t.store`, `t.app` inside tests. Everything is stopped and dropped after.
 */
export function useTestBot(opts: TestBotOptions = {}): TestBotFixture {
  let db: TestDatabase | undefined;
  let emulator: BotApiEmulator | undefined;
  let bot: TestBot | undefined;
  let fixedNow: Date | null = null;
  const daytime = daytimeOffset(new Date());
  const clock = () => fixedNow ?? (opts.clock ? opts.clock() : new Date(Date.now() + daytime));
  const current = (): TestBot => {
    if (!bot) throw new Error("useTestBot: no bot is running (used outside a test, or after it stopped?)");
    return bot;
  };
  const start = async (reuse?: { dbName: string }) => {
    bot = await startTestBot(db!, { operatorIds: opts.operatorIds ?? [], clock, emulator: emulator!, ...(opts.env ? { env: opts.env } : {}), ...(reuse ? { dbName: reuse.dbName } : {}) });
  };
  const up = async () => {
    fixedNow = null;
    emulator = new BotApiEmulator();
    await emulator.start();
    if (opts.bot !== false) await start();
  };
  const down = async () => {
    try {
      await bot?.stop();
    } finally {
      await emulator?.stop();
      bot = undefined;
      emulator = undefined;
    }
  };
  const fixture: TestBotFixture = {
    get db() {
      if (!db) throw new Error("useTestBot: the database is not started yet");
      return db;
    },
    get emulator() {
      if (!emulator) throw new Error("useTestBot: no emulator is running (used outside a test?)");
      return emulator;
    },
    get app() {
      return current().app;
    },
    get store() {
      return current().store;
    },
    get deps() {
      return current().deps;
    },
    get client() {
      return current().client;
    },
    get dbName() {
      return current().dbName;
    },
    stop: (options) => current().stop(options),
    async restart() {
      const { dbName } = current();
      await current().stop({ forRestart: true });
      await start({ dbName });
    },
    setNow(date) {
      fixedNow = date;
    },
  };
  beforeAll(async () => {
    db = await startDatabase();
    if (opts.per === "file") await up();
  });
  if (opts.per !== "file") {
    beforeEach(up);
    afterEach(down);
  }
  afterAll(async () => {
    await down();
    await db?.stop();
  });
  return fixture;
}
