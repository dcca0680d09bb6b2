import { pack } from "../../src/bot/buttons.js";
import { describe, expect, it } from "vitest";
import { monthlySummaryJob, weeklyDigestJob } from "../../src/jobs/digest.js";
import { quietPairsJob } from "../../src/jobs/quietPairs.js";
import type { JobDefinition } from "../../src/jobs/due.js";
import { roadmapJob } from "../../src/jobs/roadmap.js";
import type { TestUser } from "../support/emulator/index.js";
import { runJobOnce } from "../support/jobs.js";
import { useTestBot, type TestBot } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";
import { activePairInStore } from "../support/pairs.js";

// The roadmap through the emulator: the curator edits a stage's dates and marks one done; the
// stage nudges arrive 7 days and 1 day before a deadline and when it is overdue; the weekly
// digest's numbers match the data and its buttons open the lists.
//
// The scheduler's runner and outbox are another capability's: here a job runs as the runner will
// run it — `load` and `due` with the bot's clock — and the due notices go out through
// deps.notices, each key once (the outbox's unique insert, kept as a set of keys).

const t = useTestBot();
const SEPT = new Date("2026-09-05T10:00:00+03:00");

/** Runs a job as a tick does (through the outbox) at the given moment; returns how many were newly queued. */
function runner(bot: TestBot) {
  return async <D>(job: JobDefinition<D>, now: Date): Promise<number> => {
    t.setNow(now);
    return (await runJobOnce(bot.app.deps, job, now, bot.app.sender)).length;
  };
}

async function openRoadmap(curator: TestUser) {
  await curator.sendText("/menu");
  await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
  const panel = await curator.waitForText(/Куратор ·/);
  await curator.press(panel, /Дорожная карта/);
  return curator.nextEdit();
}

describe("the roadmap", () => {
  it("the curator moves a deadline by a week, types a date, and marks a stage done", async () => {
    t.setNow(SEPT);
    const { programmeId, curator } = await programmeWithCurator(t);
    const map = await openRoadmap(curator);
    expect(map.text).toMatch(/Дорожная карта: МОУ СШ № 2, 2026\/2027/);
    expect(map.text).toContain("2. Формирование базы наставляемых");
    expect(map.text).toContain("01.11.2026 — 31.12.2026, отв.: куратор");
    expect(map.text).toMatch(/Текущий этап: 1\. Подготовка условий .* — срок 30\.11\.2026/);

    await curator.press(map, /⏳ 2/);
    const card = await curator.nextEdit();
    expect(card.text).toMatch(/Этап 2\. Формирование базы наставляемых/);
    expect(card.text).toMatch(/Ожидаемый результат: База наставляемых/);
    await curator.press(card, "Срок +1 нед.");
    expect((await curator.nextEdit()).text).toContain("Сроки: 01.11.2026 — 07.01.2027");

    // A typed date: a wrong one is re-asked, a start after the deadline is refused, then saved.
    await curator.press(card, /Ввести срок/);
    await curator.waitForText(/Напишите срок/);
    await curator.sendText("32.01.2027");
    await curator.waitForText(/Это не дата/);
    await curator.sendText("15.10.2026");
    await curator.waitForText(/Начало этапа не может быть позже его срока/);
    await curator.sendText("15.01.2027");
    const saved = await curator.waitForText(/Сроки этапа сохранены/);
    expect(saved.text).toContain("Сроки: 01.11.2026 — 15.01.2027");
    expect((await t.store.stages.get(programmeId, 2))!.deadline.toISOString().slice(0, 10)).toBe("2027-01-15");

    // /cancel leaves the conversation with nothing changed.
    await curator.press(saved, /Ввести начало/);
    await curator.waitForText(/Напишите дату начала/);
    await curator.sendText("/cancel");
    await curator.waitForText(/Действие прервано/);
    expect((await t.store.stages.get(programmeId, 2))!.start.toISOString().slice(0, 10)).toBe("2026-11-01");

    // Stage 1 done, with a short result.
    await curator.press(saved, /К дорожной карте/);
    const again = await curator.nextEdit();
    await curator.press(again, /▶️ 1/);
    const first = await curator.nextEdit();
    await curator.press(first, /Отметить выполненным/);
    await curator.waitForText(/Коротко опишите результат/);
    await curator.sendText("Приказы изданы, куратор назначен");
    const done = await curator.waitForText(/Этап отмечен выполненным/);
    expect(done.text).toContain("✅ Выполнен 05.09.2026. Результат: Приказы изданы, куратор назначен");
    await curator.press(done, /К дорожной карте/);
    expect((await curator.nextEdit()).text).toMatch(/Текущий этап: 2\. Формирование базы наставляемых — срок 15\.01\.2027/);
  });

  it("nudges the responsible people 7 days and 1 day before a deadline and when it is overdue, each once", async () => {
    t.setNow(SEPT);
    const { programmeId, curator } = await programmeWithCurator(t);
    const director = t.emulator.createUser({ firstName: "Директор", languageCode: "ru" });
    await t.store.memberships.add({ userId: director.id, programmeId, role: "director", category: null, grade: null, invitationId: null }, SEPT);
    const run = runner(t);

    // Stage 1 (the administration's) ends on 30 November 2026.
    expect(await run(roadmapJob, new Date("2026-11-22T12:00:00+03:00"))).toBe(0);
    expect(await run(roadmapJob, new Date("2026-11-23T08:30:00+03:00"))).toBe(0);
    expect(await run(roadmapJob, new Date("2026-11-23T09:00:00+03:00"))).toBe(2);
    const week = await director.waitForText(/Через неделю, 30\.11\.2026, срок этапа 1/);
    await curator.waitForText(/Через неделю, 30\.11\.2026, срок этапа 1/);
    // The tick after, and the next day: nothing again.
    expect(await run(roadmapJob, new Date("2026-11-23T09:01:00+03:00"))).toBe(0);
    expect(await run(roadmapJob, new Date("2026-11-24T10:00:00+03:00"))).toBe(0);

    expect(await run(roadmapJob, new Date("2026-11-29T09:15:00+03:00"))).toBe(2);
    await director.waitForText(/Завтра, 30\.11\.2026, срок этапа 1/);
    expect(await run(roadmapJob, new Date("2026-12-01T09:15:00+03:00"))).toBe(2);
    await director.waitForText(/Срок этапа 1 «Подготовка условий .*» прошёл 30\.11\.2026/);
    expect(await run(roadmapJob, new Date("2026-12-02T09:15:00+03:00"))).toBe(0);

    // The nudge's button opens the roadmap (read-only for the director).
    await director.press(week, /Открыть дорожную карту/);
    const map = await director.waitForText(/Дорожная карта: МОУ СШ № 2/);
    expect(map.text).not.toContain("Нажмите номер этапа");
    expect(director.buttons(map).flat()).not.toContain("⬅️ Назад");
  });
});

describe("the curators' weekly digest", () => {
  it("holds the numbers of the data, and each button opens the list behind its number; the quiet pair's mentor and the director's summary too", async () => {
    t.setNow(SEPT);
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["parents"] }, trained: true, limit: 2 });
    const mentee = await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
    await readyParticipant(t, programmeId, { name: "Олег Юрьев", role: "mentee", category: "teacher", answers: { experience: 2, requests: ["parents"] } });
    // Someone invited last week who has not consented yet; someone who blocked the bot.
    const newcomer = t.emulator.createUser({ firstName: "Новичок", languageCode: "ru" });
    await t.store.memberships.add({ userId: newcomer.id, programmeId, role: "mentee", category: "teacher", grade: null, invitationId: null }, new Date("2026-10-01T12:00:00+03:00"));
    await t.store.users.touch(mentee.user.id, SEPT);
    await t.store.users.markBlocked(mentee.user.id, SEPT);
    const pair = await activePairInStore(t.store, { programmeId, mentorId: mentor.membershipId, menteeIds: [mentee.membershipId], at: SEPT, createdBy: curator.id, startDate: new Date(Date.UTC(2026, 8, 7)) });
    // One safety flag still open, one handled: the digest counts the open one.
    await t.store.flags.insert({ _id: t.store.flags.newId(), pairId: pair._id, programmeId, raisedBy: mentee.membershipId, source: "button", raisedAt: SEPT });
    const handled = await t.store.flags.insert({ _id: t.store.flags.newId(), pairId: pair._id, programmeId, raisedBy: mentor.membershipId, source: "button", raisedAt: SEPT });
    await t.store.flags.markHandled(handled._id, "curator", "ok", SEPT);

    const run = runner(t);
    // Sunday: nothing; Monday 5 October, 09:00 Moscow: the digest.
    expect(await run(weeklyDigestJob, new Date("2026-10-04T12:00:00+03:00"))).toBe(0);
    expect(await run(weeklyDigestJob, new Date("2026-10-05T09:00:00+03:00"))).toBe(1);
    expect(await run(weeklyDigestJob, new Date("2026-10-05T15:00:00+03:00"))).toBe(0);
    const digest = await curator.waitForText(/Дайджест программы за неделю/);
    expect(digest.text).toContain("Новые участники: 1");
    expect(digest.text).toContain("Согласия ждут или отклонены: 1");
    expect(digest.text).toContain("Наставляемые без пары: 1");
    expect(digest.text).toContain("Тихие пары: 1");
    expect(digest.text).toContain("Недоступны (заблокировали бота): 1");
    expect(digest.text).toContain("Открытые сигналы: 1");
    // The pair worked in September and its mentor has not reported for it by 3 October.
    expect(digest.text).toContain("Просроченные отчёты: 1");
    expect(digest.text).toMatch(/Текущий этап: 1\. Подготовка условий .* — срок 30\.11\.2026/);

    const opens = async (label: RegExp, title: RegExp, line: RegExp) => {
      await curator.press(digest, label);
      const list = await curator.waitForText(title);
      expect(list.text).toMatch(line);
      return list;
    };
    await opens(/Новые: 1/, /Новые участники за прошлую неделю/, /1\. Наставляемый, педагог — ждём согласия/);
    await opens(/Согласия: 1/, /Согласия ждут или отклонены/, /1\. Наставляемый, педагог — ждём согласия/);
    await opens(/Без пары: 1/, /Наставляемые без пары/, /1\. Олег Юрьев \(наставляемый, педагог\) — в базе/);
    const quiet = await opens(/Тихие пары: 1/, /Тихие пары: нет подтверждённых встреч/, /1\. наставник Ирина Орлова .*, наставляемые: Анна Новикова .* — без встреч 30 дн\., с 05\.09\.2026/);
    await opens(/Недоступны: 1/, /Недоступны: заблокировали бота/, /1\. Анна Новикова/);
    expect(quiet.text).toContain("если 21 дн. нет подтверждённых встреч");
    // The threshold is the programme's: at 42 days the pair is not quiet yet, back at 21 it is.
    await curator.press(quiet, /^42 дн\./);
    const longer = await curator.nextEdit();
    expect(longer.text).toContain("если 42 дн.");
    expect(longer.text).toContain("Список пуст.");
    expect((await t.store.programmes.get(programmeId))!.quietPairDays).toBe(42);
    await curator.press(longer, /^21 дн\./);
    const back = await curator.nextEdit();
    expect(back.text).toMatch(/1\. наставник Ирина Орлова/);
    // A list's card button opens the pair's card for the curator.
    await curator.press(back, "1");
    expect((await curator.nextEdit()).text).toContain("Ирина Орлова");
    await curator.press(digest, /Открыть дорожную карту/);
    await curator.waitForText(/Дорожная карта: МОУ СШ № 2/);
    // The flags' and the overdue reports' buttons open their lists in place of the digest: pressed last.
    expect(curator.buttons(digest).flat()).toContain("🆘 Сигналы: 1");
    await opens(/Просрочены отчёты: 1/, /Ежемесячные отчёты за сентябрь 2026: отчитались 0 из 1/, /Ирина Орлова/);
    await curator.pressData(digest, pack({ type: "flagsList", programmeId, page: 0 }));
    expect((await curator.waitForText(/Сигналы программы: открытых 1, всего 2/)).text).toContain("Анна Новикова");

    // The quiet pair's mentor is nudged once, and the nudge's button opens the pair menu.
    expect(await run(quietPairsJob, new Date("2026-10-05T09:10:00+03:00"))).toBe(1);
    expect(await run(quietPairsJob, new Date("2026-10-06T09:10:00+03:00"))).toBe(0);
    const nudge = await mentor.user.waitForText(/не было подтверждённых встреч 30 дн\. — с 05\.09\.2026/);
    expect(nudge.text).toContain("Анна Новикова");
    await mentor.user.press(nudge, /Открыть пару/);
    await mentor.user.waitForText(/Пара: наставник Ирина Орлова/);

    // The director's monthly summary on 1 November, read-only lists behind its numbers.
    const director = t.emulator.createUser({ firstName: "Директор", languageCode: "ru" });
    await t.store.memberships.add({ userId: director.id, programmeId, role: "director", category: null, grade: null, invitationId: null }, SEPT);
    expect(await run(monthlySummaryJob, new Date("2026-11-01T09:30:00+03:00"))).toBe(1);
    expect(await run(monthlySummaryJob, new Date("2026-11-02T09:30:00+03:00"))).toBe(0);
    const summary = await director.waitForText(/Сводка программы за месяц/);
    expect(summary.text).toContain("Работающих пар: 1");
    expect(summary.text).toContain("Новые участники за месяц: 1");
    await director.press(summary, /Новые: 1/);
    const list = await director.waitForText(/Новые участники за прошлый месяц/);
    expect(list.text).toMatch(/1\. Наставляемый, педагог — ждём согласия/);
    expect(director.buttons(list).flat()).not.toContain("1");
  });
});
