import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestUser } from "../support/emulator/index.js";
import { startDatabase, startTestBot, type TestBot, type TestDatabase } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";

// The preference round through the bot: the round's button is checked before the flow starts
// (issue 7, point 2), someone else's button is refused, a mentor ranks with reset, and a closed
// round takes no answers.

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

async function roundScreen(curator: TestUser) {
  await curator.sendText("/menu");
  await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
  const panel = await curator.waitForText(/Куратор ·/);
  await curator.press(panel, /Пары и группы/);
  const home = await curator.nextEdit();
  await curator.press(home, /Тур предпочтений/);
  return curator.nextEdit();
}

describe("preference round", () => {
  it("checks the round's button before the flow starts, ranks with a reset, and refuses after closing", { timeout: 60_000 }, async () => {
    t = await startTestBot(db);
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["parents"] }, trained: true, limit: 2 });
    const anna = await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
    const oleg = await readyParticipant(t, programmeId, { name: "Олег Юрьев", role: "mentee", category: "teacher", answers: { experience: 2, requests: ["discipline"] } });

    const screen = await roundScreen(curator);
    expect(screen.text).toMatch(/Тур предпочтений не открыт/);
    await curator.press(screen, /На 3 дня/);
    await curator.waitForText(/Тур открыт, приглашения отправлены: 3/);

    // Oleg is put in a pair after the invitation came: his button is refused, no flow starts.
    const olegAsk = await oleg.user.waitForText(/выберите до трёх наставников/);
    await t.store.memberships.setPair(oleg.membershipId, "pair-elsewhere");
    const refused = await oleg.user.press(olegAsk, /Выбрать/);
    const answer = await oleg.user.nextCallbackAnswer(refused);
    expect(answer.show_alert).toBe(true);
    expect(answer.text).toMatch(/не участвуете в туре/);
    expect(oleg.user.messages().some((m) => /Нажимайте номера/.test(m.text ?? ""))).toBe(false);

    // Anna's button, forged by Oleg with her ids: not his.
    const annaAsk = await anna.user.waitForText(/выберите до трёх наставников/);
    const annaData = (annaAsk.reply_markup as { inline_keyboard: { callback_data?: string }[][] }).inline_keyboard[0]![0]!.callback_data!;
    const forged = await oleg.user.pressData(olegAsk, annaData);
    expect((await oleg.user.nextCallbackAnswer(forged)).text).toMatch(/недоступно/);

    // The mentor ranks: two, reset, one, done.
    const ask = await mentor.user.waitForText(/выберите до трёх наставляемых/);
    await mentor.user.press(ask, /Выбрать/);
    const cards = await mentor.user.waitForText(/Нажимайте номера по порядку/);
    expect(cards.text).toMatch(/1\. Анна Новикова/);
    expect(cards.text).not.toMatch(/Олег Юрьев/);
    await mentor.user.press(cards, "1");
    await mentor.user.nextEdit();
    await mentor.user.press(cards, /Сбросить/);
    await mentor.user.nextEdit();
    await mentor.user.press(cards, "1");
    await mentor.user.nextEdit();
    await mentor.user.press(cards, /Готово/);
    await mentor.user.waitForText(/Ваш выбор сохранён: 1\) Анна Новикова/);
    const saved = await t.store.preferences.latest(programmeId);
    expect(saved.map((p) => [p.membershipId, p.ranked])).toEqual([[mentor.membershipId, [anna.membershipId]]]);

    // The curator sees it and closes the round; Anna's button is then out of date.
    const status = await roundScreen(curator);
    expect(status.text).toMatch(/Ответили 1 из 2:[\s\S]*✅ Ирина Орлова/);
    const close = await curator.press(status, /Закрыть тур/);
    expect((await curator.nextCallbackAnswer(close)).text).toMatch(/Тур закрыт/);
    const late = await anna.user.press(annaAsk, /Выбрать/);
    expect((await anna.user.nextCallbackAnswer(late)).text).toMatch(/закрыт или недоступен/);
  });
});
