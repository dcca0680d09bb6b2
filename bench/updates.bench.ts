// Benchmark of the update path: the bot against a bare grammY floor, both through the project's
// Telegram emulator, on the embedded FerretDB. A script, not a test: `npm run bench:updates`
// (`-- --quick` for a short run). The last line printed is one JSON object.
//
// Phases, for the bot on an empty database and again on one seeded with 10,000 people, 2,000 pairs
// and 100,000 handled updates (the floor has no database: it runs once):
// - stepped offered rate: /menu from ready participants at 5, 10, 20, 40 updates a second, then
//   everyone at once (the maximum throughput: updates over the time until the last reply);
// - the classroom burst: 30 people scan the same invitation within 10 s, and each goes through
//   age, consent, the whole questionnaire and /menu, answering each reply after a short pause;
// - MongoDB commands per update (driver command monitoring), one update alone at a time: the
//   invitation /start, every questionnaire answer, a menu button, /menu;
// - with the large database: /menu and the bases screen of the curator of 10,000 people, and
//   their XLSX export; RSS of this process (bot, floor, emulator and benchmark) sampled throughout.

import { run } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { Message } from "grammy/types";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { MongoClient, type Db } from "mongodb";
import { pino } from "pino";
import { createBot } from "../src/bot/index.js";
import type { BotDeps } from "../src/bot/context.js";
import { startPolling } from "../src/bot/polling.js";
import { parseConfig } from "../src/config.js";
import { INVITATION_DEFAULT_DAYS, expiryFrom } from "../src/domain/invitations.js";
import { questionnaireFor } from "../src/domain/questionnaire.js";
import { defaultTopicIds } from "../src/domain/questionnaires.js";
import { createStore, ensureIndexes, type Store } from "../src/store/index.js";
import { startLocalServer } from "../src/store/localServer.js";
import { BotApiEmulator, type TestUser } from "../test/support/emulator/index.js";
import { spawnBot } from "../test/support/process.js";
import { JOBS } from "../src/jobs/registry.js";

const QUICK = process.argv.includes("--quick");
/** Only the commands of one journey, each listed (for finding where they go). */
const COMMANDS_ONLY = process.argv.includes("--commands");
const RATES = [5, 10, 20, 40];
const STEP_SECONDS = QUICK ? 2 : 4;
const ALL_AT_ONCE = QUICK ? 60 : 150;
const BURST = 30;
const BURST_WINDOW_MS = 10_000;
const THINK_MS: [number, number] = [150, 450];
const LARGE = { people: 10_000, pairs: 2_000, updates: 100_000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const summary = (xs: number[]) => ({ n: xs.length, p50: r1(pct(xs, 50)), p95: r1(pct(xs, 95)), p99: r1(pct(xs, 99)), max: r1(Math.max(...xs)) });

// The peak over the whole run, and over the phase being measured (reset at its start).
let rssPeak = 0;
let rssPeakAll = 0;
const rssTimer = setInterval(() => {
  const rss = process.memoryUsage().rss;
  rssPeak = Math.max(rssPeak, rss);
  rssPeakAll = Math.max(rssPeakAll, rss);
}, 100);
const mb = (b: number) => Math.round(b / 1024 / 1024);

// ---------- the floor: bare grammY with the runner ----------

async function startFloor() {
  const emulator = new BotApiEmulator();
  await emulator.start();
  const bot = new Bot(emulator.token, { client: { apiRoot: emulator.apiRoot } });
  bot.on("message", (ctx) => ctx.reply("x"));
  await bot.init();
  const runner = run(bot, { runner: { fetch: { timeout: 30 } } });
  return {
    emulator,
    /** Sends a text and resolves with the time until the reply. */
    async send(user: TestUser, text: string): Promise<number> {
      const t0 = performance.now();
      await user.sendText(text);
      await user.nextMessage({ timeoutMs: 60_000 });
      return performance.now() - t0;
    },
    async stop() {
      await runner.stop();
      await emulator.stop();
    },
  };
}

/** Resident memory of a process now and at its peak (VmHWM), from /proc. */
function procStatus(pid: number): { rss: number; peak: number } {
  const text = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0) * 1024;
  return { rss: kib("VmRSS"), peak: kib("VmHWM") };
}

// ---------- the bot, with a command counter ----------

async function startTheBot(uri: string, dbName: string) {
  const emulator = new BotApiEmulator();
  await emulator.start();
  const client = new MongoClient(uri, { monitorCommands: true });
  await client.connect();
  let commands = 0;
  const names: string[] = [];
  // Where the time goes: each command's total and count by "name:collection".
  const started = new Map<number, string>();
  const spent = new Map<string, { n: number; ms: number; max: number }>();
  client.on("commandStarted", (e) => {
    commands++;
    const cmd = e.command as Record<string, unknown>;
    const name = `${e.commandName}:${String(cmd[e.commandName])}`;
    names.push(name);
    started.set(e.requestId, name);
  });
  const finished = (e: { requestId: number; duration: number }) => {
    const name = started.get(e.requestId);
    started.delete(e.requestId);
    if (!name) return;
    const s = spent.get(name) ?? { n: 0, ms: 0, max: 0 };
    spent.set(name, { n: s.n + 1, ms: s.ms + e.duration, max: Math.max(s.max, e.duration) });
  };
  client.on("commandSucceeded", finished);
  client.on("commandFailed", finished);
  const clock = () => new Date();
  const store = createStore(client.db(dbName), clock);
  const t0 = performance.now();
  await ensureIndexes(store);
  const ensureMs = performance.now() - t0;
  // As connectStore does at start: the bases screen's counts, behind the start.
  store.memberships.warmCounts().catch(() => {});
  const config = parseConfig({ BOT_TOKEN: emulator.token, BOT_API_ROOT: emulator.apiRoot, MONGODB_URI: uri, MONGODB_DB: dbName, OPERATOR_IDS: "", LOG_LEVEL: "silent", RATE_LIMIT_UPDATES: "1000" });
  const deps: BotDeps = { config, store, logger: pino({ level: "silent" }), clock };
  const app = createBot(deps);
  await app.bot.init();
  const polling = await startPolling(app, deps);
  return {
    emulator,
    store,
    app,
    ensureMs,
    commands: () => commands,
    /** The commands since `from` (index into the log), as "name:collection". */
    commandNames: (from: number) => names.slice(from),
    commandLog: () => names.length,
    /** The commands that took the most time in all, slowest first. */
    slowest: (n: number) =>
      [...spent.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, n)
        .map(([name, s]) => `${name} ×${s.n} ${Math.round(s.ms)} ms (mean ${r1(s.ms / s.n)}, max ${Math.round(s.max)})`),
    /** Resolves once every update taken is finished (marked handled). */
    async settled() {
      for (let i = 0; i < 500 && store.updates.openCount() > 0; i++) await sleep(5);
    },
    /** Stops taking updates (the emulator stays, for a bot process started after). */
    async stopPolling() {
      await polling.stop();
    },
    async stop() {
      await polling.stop();
      await client.close();
      await emulator.stop();
    },
  };
}
type TheBot = Awaited<ReturnType<typeof startTheBot>>;

// ---------- set-up straight in the store ----------

async function benchProgramme(store: Store, name: string) {
  const now = new Date();
  const school = await store.schools.create({ name, city: "Ярославль", timeZone: "Europe/Moscow", createdBy: 1 }, now);
  const forms = ["teacher-teacher", "student-student", "teacher-student"] as const;
  const programme = await store.programmes.create({ schoolId: school._id, academicYear: "2026/2027", forms: [...forms], topicIds: defaultTopicIds(forms), createdBy: 1 }, now);
  return programme;
}

async function inviteLink(store: Store, programmeId: string, uses: number): Promise<string> {
  const now = new Date();
  const { token } = await store.invitations.create({ programmeId, role: "mentee", category: "teacher", grade: null, createdBy: 1, expiresAt: expiryFrom(now, INVITATION_DEFAULT_DAYS), maxUses: uses }, now);
  return `i_${token}`;
}

/** Ready participants (consented, questionnaire submitted) made in the store, for /menu traffic. */
async function readyPeople(b: TheBot, programmeId: string, count: number): Promise<TestUser[]> {
  const now = new Date();
  const users: TestUser[] = [];
  for (let i = 0; i < count; i++) {
    const user = b.emulator.createUser({ firstName: `Участник${i}`, languageCode: "ru" });
    const m = (await b.store.memberships.add({ userId: user.id, programmeId, role: "mentee", category: "teacher", grade: null, invitationId: null }, now))!;
    await b.store.consents.add({ userId: user.id, programmeId, membershipId: m._id, relation: "self", decision: "accepted", method: "bot", givenBy: user.id, textVersion: 1, at: now });
    await b.store.memberships.moveIntake(m._id, ["invited"], "ready", now);
    users.push(user);
  }
  return users;
}

/** The large database, in bulk: people, their memberships, profiles and consents, pairs, handled updates. */
async function seedLarge(db: Db, store: Store): Promise<{ programmeId: string; curatorId: number }> {
  const t0 = performance.now();
  const programme = await benchProgramme(store, "Большая школа");
  const now = new Date();
  const curatorId = 9_000_000;
  const insert = (name: string, docs: object[]) => db.collection(name).insertMany(docs as never[], { ordered: false });
  const mentorIds: string[] = [];
  const menteeIds: string[] = [];
  // Made and written 2,000 people at a time, so that the seed's own objects do not swell this
  // process's memory (the RSS figure is the bot's, the floor's and the emulator's).
  const CHUNK = 2000;
  const joinLink = `seedlink`;
  for (let from = 0; from < LARGE.people; from += CHUNK) {
    const users: object[] = [];
    const memberships: object[] = [];
    const byUser: object[] = [];
    const profiles: object[] = [];
    const consents: object[] = [];
    const standing: object[] = [];
    const places: object[] = [];
    for (let i = from; i < Math.min(LARGE.people, from + CHUNK); i++) {
      const userId = 5_000_000 + i;
      const role = i % 5 < 2 ? "mentor" : "mentee";
      const id = `seed${String(i).padStart(6, "0")}`;
      (role === "mentor" ? mentorIds : menteeIds).push(id);
      users.push({ _id: String(userId), locale: null, telegramLanguage: "ru", active: true, blockedAt: null, createdAt: now });
      memberships.push({ _id: id, userId, programmeId: programme._id, role, category: "teacher", grade: null, invitationId: null, createdAt: new Date(now.getTime() - LARGE.people + i), intake: "ready", saidUnder18: null, intakeAt: now, mentorTrainedOn: null, mentorLimit: 3, pairId: null });
      byUser.push({ _id: String(userId), entries: [`${id}|${programme._id}|${role}`] });
      const questionnaireId = questionnaireFor(role, "teacher")!;
      profiles.push({ _id: id, userId, programmeId: programme._id, questionnaireId, version: 1, answers: { "full-name": `Человек ${i}`, format: "any", availability: ["weekdays-afternoon"], experience: 5 }, cursor: "summary", status: "submitted", selection: null, updatedAt: now, submittedAt: now });
      const consent = { userId, programmeId: programme._id, membershipId: id, relation: "self", decision: "accepted", method: "bot", givenBy: userId, textVersion: 1, at: now, recordedBy: null, signedBy: null, signedOn: null };
      consents.push({ _id: `c${id}`, ...consent });
      // What the consents store keeps beside the history (store/consents.ts).
      standing.push({ _id: id, ...consent, consentId: `c${id}` });
      // Each person took a place on an invitation link: a claim each, as joining leaves.
      places.push({ _id: `invitation:${joinLink}#${i + 1}`, scope: `invitation:${joinLink}`, holder: userId, at: now });
    }
    await insert("users", users);
    await insert("memberships", memberships);
    await insert("memberships_by_user", byUser);
    await insert("profiles", profiles);
    await insert("consents", consents);
    await insert("consent_standing", standing);
    await insert("claims", places);
  }
  const pairs: object[] = [];
  for (let i = 0; i < LARGE.pairs; i++) {
    pairs.push({ _id: `pair${i}`, programmeId: programme._id, mentorId: mentorIds[i % mentorIds.length]!, menteeIds: [menteeIds[i]!], form: "teacher-teacher", roleModel: null, status: "active", startDate: now, plannedEnd: new Date(now.getTime() + 180 * 86_400_000), parties: [], why: "", proposedAt: now, remindedAt: null, activatedAt: now, endedAt: null, orderNumber: null, orderDate: null, createdBy: 1 });
  }
  for (let i = 0; i < pairs.length; i += CHUNK) await insert("pairs", pairs.slice(i, i + CHUNK));
  // What the pairs store keeps beside them: each member's pairs (store/pairs.ts).
  const byMember = new Map<string, string[]>();
  for (const p of pairs as { _id: string; mentorId: string; menteeIds: string[] }[]) for (const m of [p.mentorId, ...p.menteeIds]) byMember.set(m, [...(byMember.get(m) ?? []), p._id]);
  const memberDocs = [...byMember].map(([_id, pairIds]) => ({ _id, pairIds }));
  for (let i = 0; i < memberDocs.length; i += CHUNK) await insert("pairs_by_member", memberDocs.slice(i, i + CHUNK));
  // 100,000 handled updates leave nothing behind: the inbox keeps only what is in flight and a
  // one-document mark (store/updates.ts). There is nothing of them to seed.
  await store.memberships.add({ userId: curatorId, programmeId: programme._id, role: "curator", category: null, grade: null, invitationId: null }, now);
  console.log(`seeded ${LARGE.people} people (with their consents and invitation places), ${LARGE.pairs} pairs (handled updates leave no trace in the inbox) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { programmeId: programme._id, curatorId };
}

// ---------- people's actions ----------

/** Sends and waits for the bot's next message or edit; the time until it. */
async function act(user: TestUser, send: () => Promise<unknown>, match?: RegExp): Promise<{ ms: number; message: Message }> {
  const t0 = performance.now();
  await send();
  const event = await user.waitFor((e) => (e.kind === "message" || e.kind === "edit") && (!match || match.test(e.message.text ?? e.message.caption ?? "")), { timeoutMs: 120_000 });
  return { ms: performance.now() - t0, message: event.message };
}

const think = () => sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));

/**
 * A whole journey: the invitation /start, age, consent, the questionnaire, /menu. Each step's
 * latency goes into `lat`; `onStep` is told the kind of each step (commands are counted there).
 */
async function journey(b: TheBot, user: TestUser, link: string, lat: number[], step: (kind: string, fn: () => Promise<{ ms: number; message: Message }>) => Promise<{ ms: number; message: Message }>, pause = think) {
  const go = async (kind: string, fn: () => Promise<{ ms: number; message: Message }>) => {
    const res = await step(kind, fn);
    lat.push(res.ms);
    await pause();
    return res;
  };
  await go("start", () => act(user, () => user.start(link), /исполнилось 18 лет/));
  const age = user.messages().filter((m) => /исполнилось 18 лет/.test(m.text ?? "")).pop()!;
  const consent = await go("button", () => act(user, () => user.press(age, /Да, мне 18/), /Согласие на обработку/));
  const thanks = await go("button", () => act(user, () => user.press(consent.message, /Даю согласие/), /согласие записано/));
  let shown = await go("button", () => act(user, () => user.press(thanks.message, /Заполнить анкету/), /Вопрос \d+ из|Проверьте анкету/));
  const next = /Вопрос \d+ из|Проверьте анкету/;
  const skip = /Назад|Пропустить/;
  for (let guard = 0; guard < 40 && !/Проверьте анкету/.test(shown.message.text ?? ""); guard++) {
    const message = shown.message;
    const text = message.text ?? "";
    const options = user.buttons(message).flat().filter((l) => !skip.test(l));
    const number = /Напишите число от (\d+)/.exec(text);
    if (/Отметьте подходящее/.test(text)) {
      const done = options.find((l) => l.startsWith("✅ Готово"))!;
      const first = options.find((l) => l !== done)!;
      await go("answer", () => act(user, () => user.press(message, first)));
      shown = await go("answer", () => act(user, () => user.press(message, /^✅ Готово/), next));
    } else if (/Выберите вариант кнопкой/.test(text)) {
      shown = await go("answer", () => act(user, () => user.press(message, options[Math.floor(options.length / 2)]!), next));
    } else {
      const answer = number ? String(Number(number[1]) + 1) : `Ответ ${user.firstName}`;
      shown = await go("answer", () => act(user, () => user.sendText(answer), next));
    }
  }
  await go("button", () => act(user, () => user.press(shown.message, /Отправить/)));
  const menu = await go("menu", () => act(user, () => user.sendText("/menu"), /Главное меню|Ваши роли/));
  // A menu button: the person's role in the main menu, which opens their panel.
  await go("menu-button", () => act(user, () => user.press(menu.message, /·/)));
}

// ---------- phases ----------

async function offeredRate(send: (i: number) => Promise<number>, rate: number, seconds: number): Promise<number[]> {
  const n = rate * seconds;
  const lat: number[] = [];
  const running: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    running.push(send(i).then((ms) => void lat.push(ms)));
  }
  await Promise.all(running);
  return lat;
}

async function allAtOnce(send: (i: number) => Promise<number>, n: number): Promise<{ lat: number[]; perS: number }> {
  const t0 = performance.now();
  const lat = await Promise.all(Array.from({ length: n }, (_, i) => send(i)));
  return { lat, perS: n / ((performance.now() - t0) / 1000) };
}

interface RunResult {
  rates: Record<number, ReturnType<typeof summary>>;
  allAtOnce: ReturnType<typeof summary> & { perS: number };
  burst?: ReturnType<typeof summary> & { seconds: number };
  commands?: Record<string, { max: number; mean: number }>;
}

async function stepped(send: (i: number) => Promise<number>, label: string, rates_ = RATES): Promise<RunResult> {
  const rates: RunResult["rates"] = {};
  for (const rate of rates_) {
    rates[rate] = summary(await offeredRate(send, rate, STEP_SECONDS));
    console.log(`${label} ${rate} upd/s: p50 ${rates[rate].p50} ms, p95 ${rates[rate].p95}, p99 ${rates[rate].p99}`);
  }
  const once = await allAtOnce(send, rates_ === RATES ? ALL_AT_ONCE : 20);
  const all = { ...summary(once.lat), perS: r1(once.perS) };
  console.log(`${label} all ${ALL_AT_ONCE} at once: ${all.perS} upd/s, p50 ${all.p50} ms, p99 ${all.p99}`);
  return { rates, allAtOnce: all };
}

async function botRun(uri: string, label: string, large: boolean): Promise<RunResult & { menuMs?: number; basesMs?: number; exportMs?: number; exportRssMb?: number; botRssIdleMb?: number; exportReadsMs?: number; jobsTickMs?: number; ensureMs: number; firstContactMs: number }> {
  const dbName = `bench_${label}_${Date.now()}`;
  let seeded: { programmeId: string; curatorId: number } | undefined;
  if (large) {
    const client = await new MongoClient(uri).connect();
    const db = client.db(dbName);
    const store = createStore(db);
    await ensureIndexes(store);
    seeded = await seedLarge(db, store);
    await client.close();
  }
  const b = await startTheBot(uri, dbName);
  console.log(`${label}: bot started (indexes ${Math.round(b.ensureMs)} ms)`);
  const programme = await benchProgramme(b.store, `Школа ${label}`);
  const menuUsers = await readyPeople(b, programme._id, 40);
  let k = 0;
  const sendMenu = async () => {
    const user = menuUsers[k++ % menuUsers.length]!;
    const t0 = performance.now();
    await user.sendText("/menu");
    await user.waitFor((e) => e.kind === "message" && /Главное меню|Ваши роли/.test(e.message.text ?? ""), { timeoutMs: 120_000 });
    return performance.now() - t0;
  };
  // Warm-up, then the steps. Several updates of one chat queue behind each other (sequentialize):
  // the users take turns, and with 40 users even 40 upd/s gives each one a second.
  // Warm-up: each of the 40 writes once (their first contact: on the large database this reads
  // 10,000-document collections, which FerretDB scans; reported as first_contact_ms), then the
  // steps measure the steady state.
  const firstContact: number[] = [];
  for (let i = 0; i < menuUsers.length; i++) firstContact.push(await sendMenu());
  console.log(`bot ${label} first /menu of a person (cold copies): p50 ${r1(pct(firstContact, 50))} ms, max ${r1(Math.max(...firstContact))}`);
  if (COMMANDS_ONLY) {
    const counted = async (kind: string, fn: () => Promise<{ ms: number; message: Message }>) => {
      await b.settled();
      const logAt = b.commandLog();
      const res = await fn();
      await b.settled();
      console.log(`  ${kind}: ${b.commandNames(logAt).length}: ${b.commandNames(logAt).join(", ")}`);
      return res;
    };
    await counted("menu", async () => ({ ms: await sendMenu(), message: undefined as never }));
    await journey(b, b.emulator.createUser({ firstName: "Один", languageCode: "ru" }), await inviteLink(b.store, programme._id, 5), [], counted, async () => {});
    await b.stop();
    process.exit(0);
  }
  // --quick on the large database: the rates the JSON compares (5 and 20 a second), no burst.
  const result: RunResult & { menuMs?: number; basesMs?: number; exportMs?: number; exportRssMb?: number; botRssIdleMb?: number; exportReadsMs?: number; jobsTickMs?: number; ensureMs: number; firstContactMs: number } = { ...(await stepped(sendMenu, `bot ${label}`, QUICK && large ? [5, 20] : RATES)), ensureMs: b.ensureMs, firstContactMs: r1(pct(firstContact, 50)) };

  // Commands per update, one update alone at a time.
  const counts: Record<string, number[]> = {};
  const counted = async (kind: string, fn: () => Promise<{ ms: number; message: Message }>) => {
    await b.settled();
    const before = b.commands();
    const logAt = b.commandLog();
    const res = await fn();
    await b.settled();
    (counts[kind] ??= []).push(b.commands() - before);
    if (process.argv.includes("--commands")) console.log(`  ${kind}: ${b.commandNames(logAt).join(", ")}`);
    return res;
  };
  const soloLink = await inviteLink(b.store, programme._id, 5);
  await journey(b, b.emulator.createUser({ firstName: "Один", languageCode: "ru" }), soloLink, [], counted, async () => {});
  result.commands = Object.fromEntries(Object.entries(counts).map(([kind, xs]) => [kind, { max: Math.max(...xs), mean: r1(xs.reduce((a, x) => a + x, 0) / xs.length) }]));
  console.log(`bot ${label} commands per update: ${Object.entries(result.commands).map(([k2, v]) => `${k2} max ${v.max} mean ${v.mean}`).join("; ")}`);

  // The classroom burst.
  if (QUICK && large) return finish();
  const link = await inviteLink(b.store, programme._id, BURST + 5);
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: BURST }, async (_, i) => {
      await sleep(Math.random() * BURST_WINDOW_MS);
      const pupil = b.emulator.createUser({ firstName: `Ученик${i}`, languageCode: "ru" });
      await journey(b, pupil, link, lat, (_kind, fn) => fn());
    }),
  );
  result.burst = { ...summary(lat), seconds: r1((performance.now() - t0) / 1000) };
  console.log(`bot ${label} classroom burst (${BURST} people, ${lat.length} updates in ${result.burst.seconds} s): p50 ${result.burst.p50} ms, p95 ${result.burst.p95}, p99 ${result.burst.p99}, max ${result.burst.max}`);

  return finish();

  async function finish() {
  if (seeded) {
    const curatorUser = b.emulator.createUser({ firstName: "Куратор", languageCode: "ru" });
    await b.store.memberships.add({ userId: curatorUser.id, programmeId: seeded.programmeId, role: "curator", category: null, grade: null, invitationId: null }, new Date());
    const menuTimes: number[] = [];
    let panel: Message | undefined;
    for (let i = 0; i < 3; i++) {
      const menu = await act(curatorUser, () => curatorUser.sendText("/menu"), /Ваши роли/);
      menuTimes.push(menu.ms);
      if (i === 2) panel = (await act(curatorUser, () => curatorUser.press(menu.message, /Куратор ·/), /Куратор ·/)).message;
    }
    result.menuMs = r1(pct(menuTimes, 50));
    const bases = await act(curatorUser, () => curatorUser.press(panel!, /Базы наставников/), /Базы программы/);
    result.basesMs = r1(bases.ms);
    // One tick of the scheduled jobs (each job's load and due, nothing queued), which runs every
    // minute beside the updates.
    const jobTimes: string[] = [];
    const tj0 = performance.now();
    for (const job of JOBS) {
      const t = performance.now();
      const now = new Date();
      job.due(now, await job.load(b.app.deps, now));
      jobTimes.push(`${job.name} ${Math.round(performance.now() - t)} ms`);
    }
    result.jobsTickMs = r1(performance.now() - tj0);
    console.log(`bot ${label}: one tick of the jobs ${result.jobsTickMs} ms (${jobTimes.join(", ")})`);
    // The floor of the export on this store: only reading what it needs (the programme's
    // memberships, profiles and standing consents), no workbook, no Telegram.
    const tr0 = performance.now();
    for (const name of ["memberships", "profiles", "consent_standing"]) await b.store.db.collection(name).find({ programmeId: seeded.programmeId }).toArray();
    result.exportReadsMs = r1(performance.now() - tr0);
    // The export runs in the bot as a process of its own (src/main.ts, as `npm start` runs it),
    // so that its RSS is the bot's alone, not this process's (which also holds the emulator,
    // the floor and every simulated person).
    await b.stopPolling();
    const botProcess = spawnBot({ BOT_TOKEN: b.emulator.token, BOT_API_ROOT: b.emulator.apiRoot, MONGODB_URI: uri, MONGODB_DB: dbName, OPERATOR_IDS: "", LOG_LEVEL: "info" });
    try {
      await botProcess.waitForLog("bot started", 120_000);
      const menu = await act(curatorUser, () => curatorUser.sendText("/menu"), /Ваши роли/);
      const panelAgain = (await act(curatorUser, () => curatorUser.press(menu.message, /Куратор ·/), /Куратор ·/)).message;
      const basesAgain = await act(curatorUser, () => curatorUser.press(panelAgain, /Базы наставников/), /Базы программы/);
      result.botRssIdleMb = mb(procStatus(botProcess.child.pid!).rss);
      const te0 = performance.now();
      await curatorUser.press(basesAgain.message, /Выгрузка XLSX/);
      await curatorUser.nextDocument({ timeoutMs: 300_000 });
      result.exportMs = r1(performance.now() - te0);
      // VmHWM: the most the bot process ever held resident, start and export included.
      result.exportRssMb = mb(procStatus(botProcess.child.pid!).peak);
    } finally {
      botProcess.child.kill("SIGTERM");
      await botProcess.exited;
    }
    console.log(`bot ${label}: /menu ${result.menuMs} ms, bases screen ${result.basesMs} ms, XLSX export of ${LARGE.people} people ${result.exportMs} ms (reading its data alone: ${result.exportReadsMs} ms); the bot process's RSS ${result.botRssIdleMb} MiB before it, peak ${result.exportRssMb} MiB`);
  }
  console.log(`bot ${label}, where the database time went:\n  ${b.slowest(8).join("\n  ")}`);
  await b.stop();
  return result;
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "bench-updates-"));
  const server = await startLocalServer({ dataDir: dir });
  try {
    if (process.argv.includes("--large-only")) {
      // For finding where the large database's time goes: only that run, no JSON line.
      await botRun(server.uri, "large", true);
      return;
    }
    const floor = await startFloor();
    const floorUsers = Array.from({ length: 40 }, (_, i) => floor.emulator.createUser({ firstName: `Пол${i}`, languageCode: "ru" }));
    let k = 0;
    const floorResult = await stepped((_i) => floor.send(floorUsers[k++ % floorUsers.length]!, "/menu"), "floor");
    await floor.stop();

    const empty = await botRun(server.uri, "empty", false);
    const large = await botRun(server.uri, "large", true);

    const maxCmd = Math.max(...Object.values(empty.commands ?? {}).map((c) => c.max), ...Object.values(large.commands ?? {}).map((c) => c.max));
    const out = {
      quick: QUICK,
      floor_p50_ms: floorResult.rates[20]!.p50,
      bot_p50_ms: empty.rates[20]!.p50,
      floor_p99_ms: floorResult.rates[20]!.p99,
      bot_p99_ms: empty.rates[20]!.p99,
      bot_max_per_s: empty.allAtOnce.perS,
      floor_max_per_s: floorResult.allAtOnce.perS,
      burst_p99_ms: empty.burst!.p99,
      burst_p99_ms_large: large.burst?.p99 ?? null,
      commands_per_update_max: maxCmd,
      commands_per_update: large.commands,
      large_db_p50_ratio: Math.round((large.rates[20]!.p50 / empty.rates[20]!.p50) * 100) / 100,
      first_contact_ms: empty.firstContactMs,
      first_contact_ms_large: large.firstContactMs,
      bot_p50_ms_large: large.rates[20]!.p50,

      menu_ms_large: large.menuMs,
      bases_ms_large: large.basesMs,
      export_ms_large: large.exportMs,
      // The bot's own peak (VmHWM of the bot process that ran the export: its start and the
      // export included); this benchmark's process also holds the floor, the emulator and
      // every simulated person.
      rss_peak_mb: large.exportRssMb ?? null,
      bench_process_rss_peak_mb: mb(rssPeakAll),
      export_reads_ms_large: large.exportReadsMs,
      jobs_tick_ms_large: large.jobsTickMs,
      bot_rss_before_export_mb: large.botRssIdleMb,
    };
    console.log(`RSS now ${mb(process.memoryUsage().rss)} MiB, peak ${mb(rssPeakAll)} MiB`);
    console.log(JSON.stringify(out));
  } finally {
    clearInterval(rssTimer);
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
