import { describe, expect, it } from "vitest";
import { pack } from "../../src/bot/buttons.js";
import { afterMeetingConfirmed } from "../../src/services/feedback.js";
import { flagsJob } from "../../src/jobs/flags.js";
import type { TestUser } from "../support/emulator/index.js";
import { runJobOnce } from "../support/jobs.js";
import { useTestBot } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";
import { activePairInStore } from "../support/pairs.js";

// Feedback after a meeting and the safety flag through the emulator: a rating of 1 from a pupil
// alarms every curator, a curator marks it handled with a note, the pupil is told it was seen;
// «🆘 Нужна помощь» does the same; the pupil's words never reach the other side; the parent's
// card shows the mentor, the dates, the meetings and the plan, and nothing more.

const t = useTestBot();

async function cast() {
  const { programmeId, curator } = await programmeWithCurator(t);
  const now = t.deps.clock();
  const curator2 = t.emulator.createUser({ firstName: "Второй", languageCode: "ru" });
  await t.store.memberships.add({ userId: curator2.id, programmeId, role: "curator", category: null, grade: null, invitationId: null }, now);
  const director = t.emulator.createUser({ firstName: "Директор", languageCode: "ru" });
  await t.store.memberships.add({ userId: director.id, programmeId, role: "director", category: null, grade: null, invitationId: null }, now);
  const mentor = await readyParticipant(t, programmeId, { name: "Нина Лисина", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["adaptation"] }, trained: true, limit: 2 });
  const parent = t.emulator.createUser({ firstName: "Мама", languageCode: "ru" });
  const pupil = await readyParticipant(t, programmeId, { name: "Петя Ветров", role: "mentee", category: "student", grade: 7, answers: { requests: ["adaptation"] }, parent });
  const startDate = new Date(Date.UTC(2026, 8, 1));
  const pair = await activePairInStore(t.store, {
    programmeId,
    mentorId: mentor.membershipId,
    menteeIds: [pupil.membershipId],
    at: now,
    createdBy: curator.id,
    form: "teacher-student",
    startDate,
    parties: [`mentor:${mentor.membershipId}`, `mentee:${pupil.membershipId}`, `parent:${pupil.membershipId}`],
  });
  const meeting = (status: "confirmed" | "planned" | "disputed" = "confirmed") =>
    t.store.meetings.insert({
      _id: t.store.meetings.newId(),
      pairId: pair._id,
      programmeId,
      type: "introduction",
      format: "in-person",
      day: new Date(Date.UTC(2026, 8, 3)),
      durationMin: 45,
      topic: "Знакомство",
      status,
      loggedBy: mentor.membershipId,
      createdAt: now,
    });
  return { programmeId, curator, curator2, director, mentor, parent, pupil, pair, meeting };
}

async function openPairMenu(user: TestUser, role: RegExp) {
  await user.sendText("/menu");
  await user.press(await user.waitForText(/Ваши роли/), role);
  await user.press(await user.waitForText(/Ваша пара:/), /Открыть пару/);
  return user.waitForText(/Пара: наставник/);
}

const texts = (user: TestUser) => user.messages().map((m) => m.text ?? "").join("\n");

describe("feedback and the safety flag", () => {
  it("a rating of 1 from a pupil alarms every curator; the curator marks it handled; the pupil is told; the words never reach the other side", { timeout: 60_000 }, async () => {
    const c = await cast();
    const m = await c.meeting();
    await afterMeetingConfirmed(t.app.deps, m);
    const ask = await c.pupil.user.waitForText(/Как прошла встреча 03\.09\.2026 \(«Знакомство»\)/);
    await c.mentor.user.waitForText(/Как прошла встреча/);
    expect(c.pupil.user.buttons(ask).filter((row) => row.length)).toEqual([["😞", "😕", "😐", "🙂", "😀"]]);

    await c.pupil.user.press(ask, "😞");
    const thanks = await c.pupil.user.nextEdit();
    expect(thanks.text).toMatch(/Ваша оценка: 😞/);
    expect(thanks.text).toMatch(/Куратор программы получил сигнал/);
    // A second press on the same prompt (an old copy of its button) makes no second rating and no second alarm.
    const again = await c.pupil.user.pressData(ask, pack({ type: "feedbackRate", meetingId: m._id, rating: 1 }));
    expect((await c.pupil.user.nextCallbackAnswer(again)).text).toMatch(/уже оценили/);

    const alarms = await Promise.all([c.curator, c.curator2].map((u) => u.waitForText(/Сигнал: низкая оценка встречи \(1 из 5\)/)));
    for (const alarm of alarms) {
      expect(alarm.text).toMatch(/Кто: Петя Ветров/);
      expect(alarm.text).toMatch(/Пара: наставник Нина Лисина/);
    }
    expect(c.curator.buttons(alarms[0]!).flat()).toEqual(["🆘 Открыть сигнал", "🤝 Открыть пару"]);

    // The pupil's comment goes to the curators only.
    await c.pupil.user.press(thanks, /Комментарий/);
    await c.pupil.user.waitForText(/Напишите комментарий к встрече/);
    await c.pupil.user.sendText("Мне было неприятно на встрече");
    await c.pupil.user.waitForText(/передан куратору/);
    for (const u of [c.curator, c.curator2]) expect((await u.waitForText(/К сигналу добавлено сообщение/)).text).toMatch(/Мне было неприятно на встрече/);

    // The curator opens the flag from the alarm and marks it handled with a note.
    await c.curator.press(alarms[0]!, /Открыть сигнал/);
    const flagScreen = await c.curator.waitForText(/🆘 Сигнал\n/);
    expect(flagScreen.text).toMatch(/Мне было неприятно на встрече/);
    await c.curator.press(flagScreen, /Отметить обработанным/);
    await c.curator.waitForText(/Напишите заметку/);
    await c.curator.sendText("Поговорила с Петей и наставником");
    await c.curator.waitForText(/Сигнал отмечен обработанным/);
    const seen = await c.pupil.user.waitForText(/Куратор увидел ваш сигнал/);
    expect(seen.text).not.toMatch(/Поговорила/);

    // The second curator's button is now out of date: the flag is handled once.
    await c.curator2.press(alarms[1]!, /Открыть сигнал/);
    const other = await c.curator2.waitForText(/🆘 Сигнал\n/);
    expect(other.text).toMatch(/Обработан/);
    expect(c.curator2.buttons(other).flat()).not.toContain("✅ Отметить обработанным");

    // The other side, the director and the parent never read the pupil's words.
    await c.mentor.user.sendText("/menu");
    await c.mentor.user.press(await c.mentor.user.waitForText(/Ваши роли/), /Наставник ·/);
    await c.mentor.user.press(await c.mentor.user.waitForText(/Ваша пара:/), /Открыть пару/);
    const menu = await c.mentor.user.waitForText(/Пара: наставник/);
    await c.mentor.user.press(menu, /Карточка пары/);
    const sideCard = await c.mentor.user.nextEdit();
    expect(sideCard.text).toMatch(/Встречи: подтверждено 1/);
    for (const u of [c.mentor.user, c.director, c.parent]) expect(texts(u)).not.toMatch(/неприятно|Поговорила/);
  });

  it("«🆘 Нужна помощь» in the pair menu: one alarm however often pressed; handled from the pair card; the pupil is told", { timeout: 60_000 }, async () => {
    const c = await cast();
    const menu = await openPairMenu(c.pupil.user, /Наставляемый ·/);
    const first = await c.pupil.user.press(menu, /Нужна помощь/);
    expect((await c.pupil.user.nextCallbackAnswer(first)).text).toMatch(/Сигнал отправлен куратору/);
    await c.pupil.user.waitForText(/Куратор программы получил ваш сигнал/);
    const second = await c.pupil.user.press(menu, /Нужна помощь/);
    expect((await c.pupil.user.nextCallbackAnswer(second)).text).toMatch(/уже у куратора/);
    const help = await c.pupil.user.waitForText(/Ваш сигнал уже у куратора/);

    const alarm = await c.curator.waitForText(/Сигнал: «Нужна помощь»/);
    await c.curator2.waitForText(/Сигнал: «Нужна помощь»/);
    expect(alarm.text).toMatch(/Кто: Петя Ветров/);
    // The second press was answered after any alarm it would have sent: there is one.
    expect(c.curator.messages().filter((msg) => /Сигнал: «Нужна помощь»/.test(msg.text ?? ""))).toHaveLength(1);

    // The pupil says what happened; the curators read it.
    await c.pupil.user.press(help, /Написать куратору/);
    await c.pupil.user.waitForText(/Напишите, что случилось/);
    await c.pupil.user.sendText("Меня обижают в классе");
    await c.pupil.user.waitForText(/куратор получил ваше сообщение/);
    await c.curator.waitForText(/Меня обижают в классе/);

    // The curator opens the pair from the alarm: the open flag is on the card.
    await c.curator.press(alarm, /Открыть пару/);
    const card = await c.curator.waitForText(/Открытые сигналы: 1/);
    expect(card.text).toMatch(/Меня обижают в классе/);
    await c.curator.press(card, /Сигнал 1: открыть/);
    const flagScreen = await c.curator.waitForText(/🆘 Сигнал\n/);
    await c.curator.press(flagScreen, /Отметить обработанным/);
    await c.curator.waitForText(/Напишите заметку/);
    await c.curator.sendText("Встретилась с классным руководителем");
    await c.curator.waitForText(/Сигнал отмечен обработанным/);
    await c.pupil.user.waitForText(/Куратор увидел ваш сигнал/);
    expect(await t.store.flags.ofPair(c.pair._id)).toHaveLength(1);

    // «🆘 Сигналы» on the curator's pairs screen: the programme's list.
    await c.curator.sendText("/menu");
    await c.curator.press(await c.curator.waitForText(/Ваши роли/), /Куратор ·/);
    await c.curator.press(await c.curator.waitForText(/Куратор ·/), /Пары и группы/);
    const home = await c.curator.nextEdit();
    await c.curator.press(home, /🆘 Сигналы/);
    const list = await c.curator.nextEdit();
    expect(list.text).toMatch(/открытых 0, всего 1/);
    expect(list.text).toMatch(/Петя Ветров/);
    expect(texts(c.mentor.user)).not.toMatch(/обижают/);
  });

  it("a flag no curator handled within 24 hours is raised again to the curators and the director, once", { timeout: 60_000 }, async () => {
    const c = await cast();
    const raisedAt = new Date("2026-12-02T10:00:00+03:00");
    t.setNow(raisedAt);
    const menu = await openPairMenu(c.pupil.user, /Наставляемый ·/);
    await c.pupil.user.press(menu, /Нужна помощь/);
    await c.curator.waitForText(/Сигнал: «Нужна помощь»/);
    const runAt = async (now: Date) => {
      t.setNow(now);
      return runJobOnce(t.app.deps, flagsJob, now, t.app.sender);
    };
    // 23 hours later: not yet; 25 hours later: to both curators and the director, at once.
    expect(await runAt(new Date("2026-12-03T09:00:00+03:00"))).toEqual([]);
    expect(await runAt(new Date("2026-12-03T11:00:00+03:00"))).toHaveLength(3);
    for (const who of [c.curator, c.curator2, c.director]) expect((await who.waitForText(/Сигнал не обработан больше суток/)).text).toContain("Петя Ветров");
    // The next tick, and the one after: nothing again.
    expect(await runAt(new Date("2026-12-03T11:01:00+03:00"))).toEqual([]);
    expect(await runAt(new Date("2026-12-04T11:00:00+03:00"))).toEqual([]);
    expect(c.director.messages().filter((m) => /не обработан больше суток/.test(m.text ?? ""))).toHaveLength(1);
  });

  it("the parent's card shows the mentor's name, the dates, the meetings and the plan, and no ratings or comments", { timeout: 60_000 }, async () => {
    const c = await cast();
    const m = await c.meeting();
    await c.meeting("planned");
    await afterMeetingConfirmed(t.app.deps, m);
    const ask = await c.pupil.user.waitForText(/Как прошла встреча/);
    await c.pupil.user.press(ask, "😕");
    const thanks = await c.pupil.user.nextEdit();
    await c.pupil.user.press(thanks, /Комментарий/);
    await c.pupil.user.waitForText(/Напишите комментарий/);
    await c.pupil.user.sendText("Секретный комментарий ученика");
    await c.pupil.user.waitForText(/передан куратору/);

    await c.parent.sendText("/menu");
    const menu = await c.parent.waitForText(/Главное меню/);
    await c.parent.press(menu, /👪 Пара: Петя Ветров/);
    const card = await c.parent.waitForText(/Наставничество: Петя Ветров/);
    expect(card.text).toMatch(/Наставник: Нина Лисина/);
    expect(card.text).toMatch(/Сроки: 01\.09\.2026 — 31\.05\.2027/);
    expect(card.text).toMatch(/Встреч проведено: 1/);
    expect(card.text).toMatch(/План: —/);
    expect(card.text).not.toMatch(/оценк|😞|😕|комментар|Секретный|сигнал|🆘|педагог/i);
    // Refreshed: the same card, and no more.
    const refresh = await c.parent.press(card, /Обновить/);
    expect((await c.parent.nextCallbackAnswer(refresh)).text ?? "").toBe("");
    expect(texts(c.parent)).not.toMatch(/Секретный|оценк/i);
  });
});
