import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { pack } from "../../src/bot/buttons.js";
import type { TestUser } from "../support/emulator/index.js";
import { useTestBot } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";

// The preference round through the bot: the round's button is checked before the flow starts
// (issue 7, point 2), someone else's button is refused, a mentor ranks with reset, and a closed
// round takes no answers.

const t = useTestBot();

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

  it("pages the round's status with 100 people asked, «Закрыть тур» on every page; the cards page through any number", { timeout: 180_000 }, async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["parents"] }, trained: true, limit: 3 });
    // Long names, so that a page that did not page would pass 4096 characters (the emulator refuses it).
    const surname = "Константинопольская-Преображенская";
    const mentees: { membershipId: string }[] = [];
    for (let i = 1; i <= 100; i++) {
      mentees.push(await readyParticipant(t, programmeId, { name: `${surname} Анастасия ${String(i).padStart(3, "0")}`, role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } }));
    }

    const screen = await roundScreen(curator);
    await curator.press(screen, /На 3 дня/);
    await curator.waitForText(/Тур открыт, приглашения отправлены: 101/);
    // The screen after opening: the first page, with its count and «Закрыть тур».
    let status = await curator.nextEdit();
    const seen = new Set<string>();
    for (let guard = 0; guard < 10; guard++) {
      expect(status.text!.length).toBeLessThanOrEqual(4096);
      expect(status.text).toMatch(/Ответили 0 из 101/);
      expect(status.text).toMatch(/\d+–\d+ из 101/);
      const buttons = status.reply_markup!.inline_keyboard.flat().map((b) => b.text);
      expect(buttons).toContain("⏹ Закрыть тур");
      for (const m of (status.text ?? "").matchAll(/Анастасия (\d{3})/g)) seen.add(m[1]!);
      if (!buttons.includes("▶️")) break;
      await curator.press(status, "▶️");
      status = await curator.nextEdit();
    }
    expect(seen.size).toBe(100);
    expect(status.text).toMatch(/\d+–101 из 101/);
    await curator.press(status, "◀️");
    status = await curator.nextEdit();
    expect(status.text).not.toMatch(/–101 из 101/);

    // The mentor's cards: all 100 mentees, a page at a time; one from a later page is chosen and saved.
    await mentor.user.press(await mentor.user.waitForText(/выберите до трёх наставляемых/), /Выбрать/);
    let cards = await mentor.user.waitForText(/Нажимайте номера по порядку/);
    expect(cards.text).toMatch(/1–10 из 100/);
    for (let page = 0; page < 4; page++) {
      await mentor.user.press(cards, "▶️");
      cards = await mentor.user.nextEdit();
    }
    expect(cards.text).toMatch(/41–50 из 100/);
    const n = /(4\d)\. Константинопольская-Преображенская Анастасия (\d{3})/.exec(cards.text ?? "")!;
    await mentor.user.press(cards, n[1]!);
    cards = await mentor.user.nextEdit();
    expect(cards.text).toMatch(new RegExp(`Ваш выбор: 1\\) .*Анастасия ${n[2]}`));
    await mentor.user.press(cards, /Готово/);
    await mentor.user.waitForText(new RegExp(`Ваш выбор сохранён: 1\\) .*Анастасия ${n[2]}`));
    const chosen = mentees[Number(n[2]) - 1]!.membershipId;
    expect((await t.store.preferences.latest(programmeId)).map((p) => p.ranked)).toEqual([[chosen]]);

    // Closed from a later page.
    status = await roundScreen(curator);
    await curator.press(status, "▶️");
    status = await curator.nextEdit();
    expect(status.text).toMatch(/Ответили 1 из 101/);
    const close = await curator.press(status, /Закрыть тур/);
    expect((await curator.nextCallbackAnswer(close)).text).toMatch(/Тур закрыт/);
  });

  it("keeps the ranking's conversation state bounded: 500 presses, the state small and the time per press flat", { timeout: 300_000 }, async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["parents"] }, trained: true, limit: 2 });
    await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
    await curator.press(await roundScreen(curator), /На 3 дня/);
    const ask = await mentor.user.waitForText(/выберите до трёх наставляемых/);
    await mentor.user.press(ask, /Выбрать/);
    const cards: Message = await mentor.user.waitForText(/Нажимайте номера по порядку/);
    const round = (await t.store.rounds.current(programmeId))!;
    const card = pack({ type: "roundRank", roundId: round._id, membershipId: mentor.membershipId, index: 0 });

    const conversations = t.client.db(t.dbName).collection<{ _id: string; state: string }>("conversations");
    const stateSize = async () => (await conversations.find({}).toArray()).reduce((max, d) => Math.max(max, d.state.length), 0);
    const times: number[] = [];
    let largest = 0;
    for (let i = 0; i < 500; i++) {
      const started = performance.now();
      await mentor.user.pressData(cards, card);
      await mentor.user.nextEdit();
      times.push(performance.now() - started);
      if (i % 50 === 49) largest = Math.max(largest, await stateSize());
    }
    // A conversation would keep every press (about 5 KiB each): the state stays under a fixed bound.
    expect(largest).toBeLessThan(4096);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const first = mean(times.slice(0, 50));
    const last = mean(times.slice(-50));
    expect(last).toBeLessThan(first * 3 + 20);
    // 500 presses on the same card: chosen and unchosen in turn, so none is chosen; then one more.
    expect((await t.store.preferences.getDraft(round._id, mentor.membershipId))?.ranked).toEqual([]);
    await mentor.user.pressData(cards, card);
    await mentor.user.nextEdit();
    await mentor.user.press(cards, /Готово/);
    await mentor.user.waitForText(/Ваш выбор сохранён: 1\) Анна Новикова/);
  });

  it("checks on every press that the person may still rank: paired, or the training mark taken back, refuses the next press", { timeout: 60_000 }, async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["parents"] }, trained: true, limit: 2 });
    const anna = await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
    await readyParticipant(t, programmeId, { name: "Олег Юрьев", role: "mentee", category: "teacher", answers: { experience: 2, requests: ["parents"] } });
    await curator.press(await roundScreen(curator), /На 3 дня/);
    const round = () => t.store.rounds.current(programmeId);

    // Anna starts ranking, presses once; then she is put in a pair: her next press, reset and done are refused.
    await anna.user.press(await anna.user.waitForText(/выберите до трёх наставников/), /Выбрать/);
    const annaCards = await anna.user.waitForText(/Нажимайте номера по порядку/);
    await anna.user.press(annaCards, "1");
    await anna.user.nextEdit();
    await t.store.memberships.setPair(anna.membershipId, "pair-elsewhere");
    for (const label of [/^(1️⃣ )?1$/, /Сбросить/, /Готово/]) {
      const id = await anna.user.press(annaCards, label);
      const answer = await anna.user.nextCallbackAnswer(id);
      expect(answer.show_alert).toBe(true);
      expect(answer.text).toMatch(/не участвуете в туре/);
    }
    const r = (await round())!;
    expect((await t.store.preferences.getDraft(r._id, anna.membershipId))?.ranked).toEqual([0]);
    expect(await t.store.preferences.get(r._id, anna.membershipId)).toBeNull();

    // The mentor's training mark is taken back while she ranks: her next press is refused.
    await mentor.user.press(await mentor.user.waitForText(/выберите до трёх наставляемых/), /Выбрать/);
    const cards = await mentor.user.waitForText(/Нажимайте номера по порядку/);
    await t.store.memberships.markTrained(mentor.membershipId, null);
    const id = await mentor.user.press(cards, "1");
    expect((await mentor.user.nextCallbackAnswer(id)).text).toMatch(/не участвуете в туре/);
    expect((await t.store.preferences.getDraft(r._id, mentor.membershipId))?.ranked).toEqual([]);
  });
});
