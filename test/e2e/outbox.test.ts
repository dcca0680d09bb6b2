import { describe, expect, it } from "vitest";
import { pendingJob } from "../../src/jobs/pending.js";
import { runJob } from "../../src/jobs/runner.js";
import { useTestBot } from "../support/harness.js";
import { schoolWithPendingConsents, sentPerChat } from "../support/outbox.js";

// The outbox in one bot: a job run twice (and several times at once) sends every message once;
// a student's reminder that comes due at 22:00 waits for 08:00; files survive the queue.

const t = useTestBot();
const DAY_MS = 86_400_000;

describe("the outbox", () => {
  it("a job run twice, and three times at once, delivers every message exactly once", async () => {
    const now = new Date("2026-11-24T09:00:00Z"); // 12:00 in Moscow
    t.setNow(now);
    const { userIds } = await schoolWithPendingConsents(t.store, t.emulator, { count: 12, since: new Date(now.getTime() - 3 * DAY_MS - 60_000) });
    const context = { sender: t.app.sender };
    expect(await runJob(t.deps, pendingJob, now, context)).toBe(12);
    expect(await runJob(t.deps, pendingJob, now, context)).toBe(0);
    const parallel = await Promise.all([1, 2, 3].map(() => runJob(t.deps, pendingJob, now, context)));
    expect(parallel).toEqual([0, 0, 0]);
    await expect.poll(() => sentPerChat(t.emulator, userIds).every((n) => n === 1), { timeout: 10_000 }).toBe(true);
    // A scan of the queue (every tick, and at start) finds nothing more to send.
    await t.app.sender.scan();
    await t.app.sender.idle();
    expect(sentPerChat(t.emulator, userIds)).toEqual(userIds.map(() => 1));
    // The reminder does what it asks: its button opens the consent.
    const user = t.emulator.getUser(userIds[0]!);
    const reminder = await user.waitForText(/согласи/i);
    expect(user.buttons(reminder).flat().length).toBe(1);
  });

  it("a student's reminder due at 22:00 arrives at 08:00, an adult's at once", async () => {
    // 22:00 in Moscow (UTC+3) is 19:00 UTC.
    const evening = new Date("2026-11-24T19:00:00Z");
    t.setNow(evening);
    const since = new Date(evening.getTime() - 3 * DAY_MS);
    const students = await schoolWithPendingConsents(t.store, t.emulator, { count: 2, since, category: "student", name: "Лицей № 1" });
    const teachers = await schoolWithPendingConsents(t.store, t.emulator, { count: 1, since, name: "Гимназия № 3" });
    expect(await runJob(t.deps, pendingJob, evening, { sender: t.app.sender })).toBe(3);
    await expect.poll(() => sentPerChat(t.emulator, teachers.userIds), { timeout: 10_000 }).toEqual([1]);
    await t.app.sender.idle();
    expect(sentPerChat(t.emulator, students.userIds)).toEqual([0, 0]);

    // 07:59: still night; 08:00: the morning scan sends them.
    t.setNow(new Date("2026-11-25T04:59:00Z"));
    await t.app.sender.scan();
    await t.app.sender.idle();
    expect(sentPerChat(t.emulator, students.userIds)).toEqual([0, 0]);
    t.setNow(new Date("2026-11-25T05:00:00Z"));
    await t.app.sender.scan();
    await expect.poll(() => sentPerChat(t.emulator, students.userIds), { timeout: 10_000 }).toEqual([1, 1]);
    const at = t.emulator.callsTo("sendMessage").filter((c) => students.userIds.includes(Number((c.params as { chat_id: unknown }).chat_id)));
    expect(at).toHaveLength(2);
  });

  it("keeps a file's bytes through the queue, and drops the reminder of a person who blocked the bot", async () => {
    const bytes = new Uint8Array([0x42, 0x45, 0x47, 0x49, 0x4e, 0x3a, 0x56, 0x43, 0x41, 0x4c]);
    const [a, b] = [t.emulator.createUser({ firstName: "Анна", languageCode: "ru" }), t.emulator.createUser({ firstName: "Борис", languageCode: "ru" })];
    await t.store.users.touch(b.id, new Date());
    b.block({ notify: false });
    expect(await t.deps.notices.send({ to: a.id, key: "write-from-curator", vars: { school: "Школа", text: "Календарь" }, file: { kind: "document", bytes, fileName: "meeting.ics" } })).toBe(true);
    const doc = await a.nextDocument();
    expect(doc.fileName).toBe("meeting.ics");
    expect(new Uint8Array(doc.data)).toEqual(bytes);
    // A 403 marks the person unreachable; nothing more is queued for them.
    await t.deps.notices.send({ to: b.id, key: "write-from-curator", vars: { school: "Школа", text: "Привет" } });
    await expect.poll(async () => (await t.store.users.get(b.id))?.active, { timeout: 10_000 }).toBe(false);
    expect(await t.deps.notices.send({ to: b.id, key: "write-from-curator", vars: { school: "Школа", text: "Ещё" } })).toBe(false);
  });

  it("a person who muted reminders from the menu gets no nudge; unmuted, the next tick sends it", async () => {
    const now = new Date("2026-11-24T09:00:00Z");
    t.setNow(now);
    const { userIds } = await schoolWithPendingConsents(t.store, t.emulator, { count: 1, since: new Date(now.getTime() - 3 * DAY_MS - 60_000), name: "Школа № 9" });
    const user = t.emulator.getUser(userIds[0]!);
    await user.sendText("/menu");
    const menu = await user.waitForText(/Главное меню/);
    await user.press(menu, /Напоминания: включены/);
    await expect.poll(async () => (await t.store.users.get(user.id))?.nudgesMuted, { timeout: 5000 }).toBe(true);
    await expect.poll(() => user.buttons(menu).flat().some((b) => /Напоминания: выключены/.test(b)), { timeout: 5000 }).toBe(true);
    expect(await runJob(t.deps, pendingJob, now, { sender: t.app.sender })).toBe(0);
    await t.app.sender.idle();
    expect(sentPerChat(t.emulator, userIds)).toEqual([userMenus(user)]);
    await user.press(menu, /Напоминания: выключены/);
    await expect.poll(async () => (await t.store.users.get(user.id))?.nudgesMuted, { timeout: 5000 }).toBe(false);
    expect(await runJob(t.deps, pendingJob, now, { sender: t.app.sender })).toBe(1);
    await user.waitForText(/согласи/i);
  });
});

/** Messages the menu itself sent (so that a count of sends leaves them out). */
const userMenus = (user: { messages(): { text?: string }[] }) => user.messages().length;

