import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDatabase, startTestBot, type TestBot, type TestDatabase } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";

// A careless or hostile person: floods, blocks and unblocks the bot in the middle of a flow;
// and what the logs keep when a send fails.

const OPERATOR_ID = 700;
let db: TestDatabase;
let t: TestBot;

beforeAll(async () => {
  db = await startDatabase();
});
afterAll(async () => {
  await db?.stop();
});
afterEach(async () => {
  await t?.stop();
});

describe("misuse", () => {
  it("answers a flood once and ignores the rest", async () => {
    t = await startTestBot(db, { env: { RATE_LIMIT_UPDATES: "5", RATE_LIMIT_WINDOW_MS: "60000" } });
    const user = t.emulator.createUser({ firstName: "Петя", languageCode: "ru" });
    for (let i = 0; i < 30; i++) await user.sendText("/menu");
    await user.waitForText(/Слишком много сообщений/);
    await new Promise((r) => setTimeout(r, 500));
    const texts = user.messages().map((m) => m.text ?? "");
    expect(texts.filter((x) => /Слишком много сообщений/.test(x))).toHaveLength(1);
    expect(texts.filter((x) => /Главное меню/.test(x)).length).toBeLessThanOrEqual(5);
    // Every update was still taken off the queue: nothing is replayed after a restart.
    await expect.poll(() => t.emulator.pendingUpdateCount()).toBe(0);
  });

  it("takes blocking and unblocking as facts, not as answers, while a flow waits", async () => {
    t = await startTestBot(db, { operatorIds: [OPERATOR_ID] });
    const operator = t.emulator.createUser({ id: OPERATOR_ID, firstName: "Ольга", languageCode: "ru" });
    await operator.start();
    const menu = await operator.waitForText(/Главное меню/);
    await operator.press(menu, /Новая школа/);
    await operator.waitForText(/Как называется школа/);
    operator.block();
    await expect.poll(async () => (await t.store.users.get(operator.id))?.active, { timeout: 5000 }).toBe(false);
    operator.unblock();
    await expect.poll(async () => (await t.store.users.get(operator.id))?.active, { timeout: 5000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    // No «Нужен текст…», no apology: the bot said nothing to either update.
    expect(operator.unreadEvents().filter((e) => e.kind === "message")).toHaveLength(0);
    // The flow still waits for the school's name.
    await operator.sendText("ГБОУ ООШ № 4");
    await operator.waitForText(/[Гг]ород/);
  });

  it("logs ids and codes when a send fails, never a person's name or text", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    t = await startTestBot(db, { logger: pino({ level: "trace" }, sink) });
    const { programmeId } = await programmeWithCurator(t);
    const { user } = await readyParticipant(t, programmeId, { name: "Соколов Игорь Петрович", role: "mentee", category: "teacher", answers: {} });
    t.emulator.failNext("sendMessage", { error_code: 400, description: "Bad Request: can't parse entities" });
    await user.sendText("/privacy");
    await user.waitForText(/что-то пошло не так/i);
    const log = lines.join("\n");
    expect(log).toContain("update failed");
    expect(log).toContain("sendMessage");
    expect(log).not.toContain("Соколов");
    expect(log).not.toContain("Игорь");
  });
});
