// Benchmark of the outbox (a script, not a test): a reminder to 10,000 people through the Bot API
// emulator, whose overall limit is set to 300 messages a second, with the sender's overall rate
// raised to that limit. Measures the achieved rate as a share of the limit, the 429s met, and the
// messages lost or repeated, counted at the emulator. `npm run bench:broadcast`.
// Target: at least 90% of the limit, nothing lost, nothing repeated. The last line printed is one
// JSON object; the exit code is 1 when the target is missed.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { pino } from "pino";
import { createBot } from "../src/bot/index.js";
import { parseConfig } from "../src/config.js";
import type { DueNotice } from "../src/jobs/due.js";
import { enqueueDue } from "../src/jobs/runner.js";
import { connectStore } from "../src/store/index.js";
import { startLocalServer } from "../src/store/localServer.js";
import { BotApiEmulator } from "../test/support/emulator/index.js";

const MESSAGES = Number(process.env["BENCH_MESSAGES"] ?? 10_000);
const LIMIT = 300;
const TARGET_SHARE = 0.9;

const dir = await mkdtemp(join(tmpdir(), "broadcast-bench-"));
const server = await startLocalServer({ dataDir: dir });
const emulator = new BotApiEmulator({ rateLimit: { globalPerSecond: LIMIT, perChatPerSecond: 1 } });
await emulator.start();
const config = parseConfig({
  BOT_TOKEN: "123456:BENCH",
  BOT_API_ROOT: emulator.apiRoot,
  MONGODB_URI: server.uri,
  MONGODB_DB: "broadcast",
  LOG_LEVEL: "silent",
  OUTBOX_PER_SECOND: String(LIMIT),
});
const { client, store } = await connectStore(server.uri, "broadcast");
const logger = pino({ level: "silent" });
const deps = { config, store, logger, clock: () => new Date() };
const app = createBot(deps, { botInfo: emulator.bot });

const chats: number[] = [];
for (let i = 0; i < MESSAGES; i++) chats.push(emulator.createUser({ firstName: `Наставник ${i}`, languageCode: "ru" }).id);

// The reminder, as a job's due notices: one per person, one key each.
const due: DueNotice[] = chats.map((to) => ({
  key: `bench-reminder:${to}:2026-11`,
  notice: { to, key: "write-from-curator", vars: { school: "МОУ СШ № 2", text: "Напоминаем: отчёт за ноябрь" } },
  audience: "adult",
  timeZone: "Europe/Moscow",
}));
// Where the sender's time goes: the claims (one insert per batch) and the marks, timed here.
const timing = { claims: 0, claimMs: 0, claimed: 0, marks: 0, markMs: 0 };
const outbox = store.outbox;
const claimMany = outbox.claimSendingMany.bind(outbox);
outbox.claimSendingMany = async (keys, holder, now) => {
  const t = performance.now();
  try {
    return await claimMany(keys, holder, now);
  } finally {
    timing.claims++;
    timing.claimed += keys.length;
    timing.claimMs += performance.now() - t;
  }
};
const markMany = outbox.markSentMany.bind(outbox);
outbox.markSentMany = async (marks, now) => {
  const t = performance.now();
  try {
    return await markMany(marks, now);
  } finally {
    timing.marks++;
    timing.markMs += performance.now() - t;
  }
};

// As one job yielding them all (the runner queues them in bulk).
const t0 = performance.now();
const queued = await enqueueDue(app.deps, due, { sender: null });
const enqueueMs = performance.now() - t0;
console.log(`queued ${queued} in ${(enqueueMs / 1000).toFixed(1)} s`);

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const t1 = performance.now();
await app.sender.scan();
await app.sender.idle();
const drainMs = performance.now() - t1;
loopDelay.disable();
console.log(`event loop delay while draining: p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms`);
console.log(
  `claims: ${timing.claims} inserts, ${(timing.claimed / Math.max(1, timing.claims)).toFixed(1)} a batch, ${(timing.claimMs / Math.max(1, timing.claims)).toFixed(1)} ms each; ` +
    `marks: ${timing.marks} inserts, ${(timing.markMs / Math.max(1, timing.marks)).toFixed(1)} ms each`,
);

const sends = emulator.callsTo("sendMessage");
const ok = sends.filter((c) => c.status === 200);
const retries429 = sends.filter((c) => c.status === 429).length;
const perChat = new Map<number, number>();
for (const call of ok) {
  const chat = Number((call.params as { chat_id?: unknown }).chat_id);
  perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
}
const lost = chats.filter((c) => !perChat.has(c)).length;
const repeated = [...perChat.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
const first = Math.min(...ok.map((c) => c.at));
const last = Math.max(...ok.map((c) => c.at));
const achieved = ok.length / Math.max(0.001, (last - first) / 1000);
console.log(`drained in ${(drainMs / 1000).toFixed(1)} s; sender counts ${JSON.stringify(app.sender.counts)}`);

await app.sender.stop();
await client.close();
await emulator.stop();
await server.stop();
await rm(dir, { recursive: true, force: true });

const share = achieved / LIMIT;
const result = {
  messages: MESSAGES,
  limit_per_s: LIMIT,
  achieved_per_s: Math.round(achieved * 10) / 10,
  share_of_limit: Math.round(share * 1000) / 1000,
  retries_429: retries429,
  lost,
  repeated,
  enqueue_s: Math.round(enqueueMs / 100) / 10,
  target_met: share >= TARGET_SHARE && lost === 0 && repeated === 0,
};
console.log(JSON.stringify(result));
process.exit(result.target_met ? 0 : 1);
