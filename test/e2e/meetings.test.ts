import type { JobDefinition } from "../../src/jobs/due.js";
import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { pack } from "../../src/bot/buttons.js";
import { meetingFollowUpsJob, meetingRemindersJob } from "../../src/jobs/meetings.js";
import { logMeeting } from "../../src/services/meetings.js";
import type { TestUser } from "../support/emulator/index.js";
import { useTestBot } from "../support/harness.js";
import { runJobOnce } from "../support/jobs.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";
import { activePairInStore } from "../support/pairs.js";

// Meetings through the emulator: logged by the mentor and confirmed by the mentee; another
// disputed and seen by the curator; a group where each mentee confirms; a planned meeting with
// its calendar file, the reminder and «Как прошла встреча?» with the clock injected; and every
// bad input refused with its message.

const t = useTestBot();
const NOW = new Date("2026-12-02T09:00:00Z"); // 12:00 in Moscow

async function pairWith(menteeCount: number) {
  t.setNow(NOW);
  const { programmeId, curator } = await programmeWithCurator(t);
  const mentor = await readyParticipant(t, programmeId, { name: "Нина Лисина", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["adaptation"] }, trained: true, limit: 3 });
  const mentees = [];
  for (let i = 0; i < menteeCount; i++) mentees.push(await readyParticipant(t, programmeId, { name: `Дарья Осина ${i + 1}`, role: "mentee", category: "teacher", answers: { experience: 1, requests: ["adaptation"] } }));
  const pair = await activePairInStore(t.store, { programmeId, mentorId: mentor.membershipId, menteeIds: mentees.map((m) => m.membershipId), at: NOW, createdBy: curator.id, startDate: new Date(Date.UTC(2026, 10, 1)) });
  return { programmeId, curator, mentor, mentees, pairId: pair._id };
}

const hasButton = (label: RegExp) => (e: { kind: string; message: Message }) => e.kind !== "delete" && (e.message.reply_markup?.inline_keyboard ?? []).flat().some((b) => label.test(b.text));

async function openPairMenu(user: TestUser, role: RegExp): Promise<Message> {
  await user.sendText("/menu");
  await user.press(await user.waitForText(/Ваши роли/), role);
  const panel = (await user.waitFor(hasButton(/Открыть пару/))).message;
  await user.press(panel, /Открыть пару/);
  return user.waitForText(/Пара: наставник/);
}

/** Presses a button of the bot's newest message: the one already read, or the next that has it. */
async function pressLast(user: TestUser, label: RegExp): Promise<string> {
  const last = user.messages().at(-1);
  if (user.unreadEvents().length === 0 && last && hasButton(label)({ kind: "message", message: last })) return user.press(last, label);
  const message = (await user.waitFor(hasButton(label))).message;
  return user.press(message, label);
}

describe("a logged meeting", () => {
  it("logged by the mentor in a few taps is confirmed by the mentee; a second confirmation is refused", { timeout: 60_000 }, async () => {
    const { mentor, mentees, pairId } = await pairWith(1);
    const anna = mentees[0]!;
    const menu = await openPairMenu(mentor.user, /Наставник ·/);
    await mentor.user.press(menu, /Записать встречу/);
    await mentor.user.waitForText(/Ожидается: Знакомство/);
    await pressLast(mentor.user, /👉 Знакомство/);
    await mentor.user.waitForText(/Когда была встреча/);
    await pressLast(mentor.user, /^Сегодня$/);
    await pressLast(mentor.user, /^очно$/);
    await pressLast(mentor.user, /^45 мин$/);
    await mentor.user.waitForText(/Напишите тему встречи/);
    await mentor.user.sendText("Знакомство с коллективом");
    await mentor.user.waitForText(/Итог встречи/);
    await pressLast(mentor.user, /Пропустить/);
    await mentor.user.waitForText(/Следующие шаги/);
    await mentor.user.sendText("Открытый урок в пятницу");
    await mentor.user.waitForText(/Встреча записана/);

    const [meeting] = await t.store.meetings.ofPair(pairId);
    expect(meeting).toMatchObject({ type: "introduction", format: "in-person", durationMin: 45, topic: "Знакомство с коллективом", result: null, nextSteps: "Открытый урок в пятницу", status: "logged", day: new Date("2026-12-02T00:00:00Z") });

    const ask = await anna.user.waitForText(/Нина Лисина .*записал\(а\) встречу/s);
    expect(ask.text).toMatch(/Знакомство, 02\.12\.2026, очно, 45 мин/);
    const id = await anna.user.press(ask, /Подтверждаю/);
    expect((await anna.user.nextCallbackAnswer(id)).text).toMatch(/встреча подтверждена/);
    await mentor.user.waitForText(/Дарья Осина 1 .*подтвердил\(а\) встречу/s);
    expect((await t.store.meetings.get(meeting!._id))?.status).toBe("confirmed");
    // Confirmed: each side is asked to rate it (feedback after each meeting).
    await mentor.user.waitForText(/Оцените её от 1 до 5/);
    await anna.user.waitForText(/Оцените её от 1 до 5/);

    // A second confirmation of the same meeting: refused, nothing changes, nobody is told again.
    const again = await anna.user.press(ask, /Подтверждаю/);
    expect((await anna.user.nextCallbackAnswer(again)).text).toMatch(/уже ответили/);
    await mentor.user.expectNoEvent(300);

    // The pair's list shows it with its status.
    const menu2 = await openPairMenu(anna.user, /Наставляемый ·/);
    await anna.user.press(menu2, /🗓 Встречи/);
    const list = await anna.user.nextEdit();
    expect(list.text).toMatch(/1\. 02\.12\.2026 · Знакомство · очно · 45 мин — ✅ подтверждена/);
  });

  it("logged by the mentee is disputed by the mentor, and the curator sees it; every bad input is refused with its message", { timeout: 90_000 }, async () => {
    const { programmeId, curator, mentor, mentees, pairId } = await pairWith(1);
    const anna = mentees[0]!;
    const menu = await openPairMenu(anna.user, /Наставляемый ·/);
    await anna.user.press(menu, /Записать встречу/);
    await pressLast(anna.user, /👉 Знакомство/);
    await pressLast(anna.user, /Другая дата/);
    await anna.user.waitForText(/дд\.мм\.гггг/);
    // Dates in the future, or before the pair's start.
    await anna.user.sendText("03.12.2026");
    await anna.user.waitForText(/не может быть в будущем/);
    await anna.user.sendText("15.10.2026");
    await anna.user.waitForText(/раньше начала работы пары/);
    await anna.user.sendText("31.02.2026");
    await anna.user.waitForText(/Не похоже на дату/);
    await anna.user.sendText("30.11.2026");
    await pressLast(anna.user, /^онлайн$/);
    await pressLast(anna.user, /^Другое$/);
    await anna.user.waitForText(/в минутах/);
    // Durations out of range.
    await anna.user.sendText("3");
    await anna.user.waitForText(/не меньше 5 минут/);
    await anna.user.sendText("600");
    await anna.user.waitForText(/не больше 8 часов/);
    await anna.user.sendText("50");
    await anna.user.waitForText(/Напишите тему встречи/);
    // An empty topic; a text over the limit.
    await anna.user.sendText("   ");
    await anna.user.waitForText(/не может быть пустой/);
    await anna.user.sendText("т".repeat(201));
    await anna.user.waitForText(/Слишком длинно: не больше 200 символов/);
    await anna.user.sendText("Первое знакомство");
    await pressLast(anna.user, /Пропустить/);
    await anna.user.waitForText(/Следующие шаги/);
    await pressLast(anna.user, /Пропустить/);
    await anna.user.waitForText(/Встреча записана/);
    expect((await t.store.meetings.ofPair(pairId)).map((m) => [m.durationMin, m.day.toISOString(), m.format])).toEqual([[50, "2026-11-30T00:00:00.000Z", "online"]]);

    const ask = await mentor.user.waitForText(/записал\(а\) встречу/);
    const id = await mentor.user.press(ask, /Не было/);
    expect((await mentor.user.nextCallbackAnswer(id)).text).toMatch(/встречи не было/);
    await anna.user.waitForText(/говорит, что встречи не было/);

    // The curator's list of meetings to check, from the pairs' screen.
    await curator.sendText("/menu");
    await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
    await curator.press(await curator.waitForText(/Куратор ·/), /Пары и группы/);
    await curator.press(await curator.nextEdit(), /Встречи на проверке/);
    const check = await curator.nextEdit();
    expect(check.text).toMatch(/30\.11\.2026 · Знакомство · онлайн · 50 мин — ⚠️ оспорена/);
    expect(check.text).toMatch(/Пара: Нина Лисина/);

    // Actions on a pair the person is not in: a forged press is refused, nothing is saved.
    const stranger = t.emulator.createUser({ firstName: "Чужой", languageCode: "ru" });
    const other = await readyParticipant(t, programmeId, { name: "Павел Смирнов", role: "mentor", category: "teacher", answers: { experience: 5, competencies: ["adaptation"] }, trained: true });
    for (const who of [stranger, other.user]) {
      await who.sendText("/menu");
      const home = await who.nextMessage();
      for (const data of [pack({ type: "meetingLog", pairId }), pack({ type: "meetingList", pairId, page: 0 }), pack({ type: "meetingAnswer", meetingId: (await t.store.meetings.ofPair(pairId))[0]!._id, answer: "y" })]) {
        const press = await who.pressData(home, data);
        expect((await who.nextCallbackAnswer(press)).text).toBe("Это действие вам недоступно.");
      }
    }
    expect(await t.store.meetings.ofPair(pairId)).toHaveLength(1);
  });

  it("/cancel leaves the log at any step and saves nothing", { timeout: 60_000 }, async () => {
    const { mentor, pairId } = await pairWith(1);
    const menu = await openPairMenu(mentor.user, /Наставник ·/);
    await mentor.user.press(menu, /Записать встречу/);
    await pressLast(mentor.user, /👉 Знакомство/);
    const dayPrompt = await mentor.user.waitForText(/Когда была встреча/);
    await mentor.user.sendText("/cancel");
    await mentor.user.waitForText(/ничего не сохранено/);
    const stale = await mentor.user.press(dayPrompt, /^Сегодня$/);
    expect((await mentor.user.nextCallbackAnswer(stale)).text).toMatch(/устарела/);
    expect(await t.store.meetings.ofPair(pairId)).toEqual([]);
  });

  it("in a group, each mentee confirms", { timeout: 60_000 }, async () => {
    const { mentor, mentees, pairId } = await pairWith(2);
    const logged = await logMeeting(t.app.deps, { userId: mentor.user.id }, { pairId, type: "introduction", day: new Date(Date.UTC(2026, 11, 1)), format: "in-person", durationMin: 60, topic: "Знакомство группы" });
    expect(logged.ok).toBe(true);
    const meetingId = logged.ok ? logged.value._id : "";
    const [first, second] = mentees;
    await first!.user.press(await first!.user.waitForText(/записал\(а\) встречу/), /Подтверждаю/);
    await mentor.user.waitForText(/Дарья Осина 1 .*подтвердил/s);
    expect((await t.store.meetings.get(meetingId))?.status).toBe("logged");
    await second!.user.press(await second!.user.waitForText(/записал\(а\) встречу/), /Подтверждаю/);
    await mentor.user.waitForText(/Дарья Осина 2 .*подтвердил/s);
    expect((await t.store.meetings.get(meetingId))?.status).toBe("confirmed");
  });
});

/** The lines of an .ics file, unfolded (RFC 5545 3.1), and its properties by name. */
function parseIcs(text: string): { lines: string[]; props: Map<string, string> } {
  expect(text.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
  for (const l of text.split("\r\n")) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n").filter((l) => l !== "");
  const props = new Map<string, string>();
  for (const l of lines) {
    const at = l.indexOf(":");
    props.set(l.slice(0, at), l.slice(at + 1));
  }
  return { lines, props };
}

describe("a planned meeting", () => {
  it("sends a valid .ics to both, a reminder the day before and «Как прошла встреча?» that logs it in one tap", { timeout: 90_000 }, async () => {
    const { mentor, mentees, pairId } = await pairWith(1);
    const anna = mentees[0]!;
    const menu = await openPairMenu(mentor.user, /Наставник ·/);
    await mentor.user.press(menu, /Запланировать встречу/);
    await pressLast(mentor.user, /👉 Знакомство/);
    await mentor.user.waitForText(/На какой день/);
    await pressLast(mentor.user, /Другая дата/);
    await mentor.user.sendText("01.12.2026");
    await mentor.user.waitForText(/время уже прошло/);
    await mentor.user.sendText("05.12.2026");
    await mentor.user.waitForText(/Во сколько/);
    await mentor.user.sendText("25:00");
    await mentor.user.waitForText(/Не похоже на время/);
    await mentor.user.sendText("15:30");
    await pressLast(mentor.user, /^онлайн$/);
    await pressLast(mentor.user, /^1 ч$/);
    await mentor.user.waitForText(/ссылку/);
    await mentor.user.sendText("https://meet.example.org/room-1, вход по коду; 42");
    await mentor.user.waitForText(/Напишите тему встречи/);
    await mentor.user.sendText("Знакомство и ожидания от наставничества в первом полугодии учебного года");
    await mentor.user.waitForText(/Встреча запланирована/);

    const [meeting] = await t.store.meetings.ofPair(pairId);
    expect(meeting?.status).toBe("planned");
    await anna.user.nextDocument();
    for (const who of [mentor.user, anna.user]) {
      const [doc] = who.documents();
      if (!doc) throw new Error("no calendar file");
      expect(doc.fileName).toBe("meeting.ics");
      expect(doc.caption).toMatch(/Запланирована встреча: Знакомство/);
      expect(doc.caption).toMatch(/05\.12\.2026 в 15:30/);
      const { lines, props } = parseIcs(doc.data.toString("utf8"));
      expect(lines[0]).toBe("BEGIN:VCALENDAR");
      expect(lines.at(-1)).toBe("END:VCALENDAR");
      expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
      expect(props.get("VERSION")).toBe("2.0");
      expect(props.get("UID")).toBe(`${meeting!._id}@mentorship-bot`);
      expect(props.get("DTSTART")).toBe("20261205T123000Z");
      expect(props.get("DTEND")).toBe("20261205T133000Z");
      expect(props.get("DTSTAMP")).toMatch(/^\d{8}T\d{6}Z$/);
      expect(props.get("SUMMARY")).toBe("Знакомство и ожидания от наставничества в первом полугодии учебного года");
      expect(props.get("LOCATION")).toBe("https://meet.example.org/room-1\\, вход по коду\\; 42");
    }

    // The jobs, run as a tick runs them (through the outbox), with the clock given: nothing is waited for.
    const runAt = async <D>(job: JobDefinition<D>, now: Date) => {
      t.setNow(now);
      return runJobOnce(t.app.deps, job, now, t.app.sender);
    };
    expect(await runAt(meetingRemindersJob, new Date("2026-12-03T12:00:00Z"))).toEqual([]);
    expect(await runAt(meetingRemindersJob, new Date("2026-12-04T16:00:00Z"))).toHaveLength(2);
    expect(await runAt(meetingRemindersJob, new Date("2026-12-04T17:00:00Z"))).toEqual([]);
    for (const who of [mentor.user, anna.user]) expect((await who.waitForText(/Напоминание: завтра встреча/)).text).toMatch(/05\.12\.2026 в 15:30/);

    const after = new Date("2026-12-05T14:00:00Z");
    expect(await runAt(meetingFollowUpsJob, after)).toHaveLength(2);
    await mentor.user.waitForText(/Как прошла встреча/);
    const prompt = await anna.user.waitForText(/Как прошла встреча/);
    const id = await anna.user.press(prompt, /Прошла, как запланировано/);
    expect((await anna.user.nextCallbackAnswer(id)).text).toMatch(/Встреча записана/);
    const ask = await mentor.user.waitForText(/записал\(а\) встречу/);
    await mentor.user.press(ask, /Подтверждаю/);
    await anna.user.waitForText(/подтвердил\(а\) встречу/);
    expect((await t.store.meetings.get(meeting!._id))).toMatchObject({ status: "confirmed", durationMin: 60 });
    expect(await runAt(meetingFollowUpsJob, after)).toEqual([]);
  });
});
