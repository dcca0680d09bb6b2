import { describe, expect, it } from "vitest";
import { pack } from "../../src/bot/buttons.js";
import { finalReportJob, monthlyReportJob } from "../../src/jobs/reports.js";
import type { JobDefinition } from "../../src/jobs/due.js";
import type { MeetingStatus } from "../../src/domain/meetings.js";
import type { TestUser } from "../support/emulator/index.js";
import { runJobOnce } from "../support/jobs.js";
import { useTestBot } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";
import { activePairInStore } from "../support/pairs.js";

// Reports through Telegram: a director invited by the curator's link sees the panel; the monthly
// report pre-filled from the month's meetings and sent in two taps; who has reported, for the
// curator and the director; the month's reminders and the late list; final reports asked for,
// reminded, overdue, written in a conversation and approved by the director; bad inputs refused.

const t = useTestBot();
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function cast() {
  const { programmeId, curator } = await programmeWithCurator(t);
  const mentor = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["parents"] }, trained: true, limit: 2 });
  const mentee = await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
  const pair = await activePairInStore(t.store, { programmeId, mentorId: mentor.membershipId, menteeIds: [mentee.membershipId], at: t.deps.clock(), createdBy: curator.id, parties: [] });
  return { programmeId, curator, mentor, mentee, pair };
}

async function meeting(pair: { _id: string; programmeId: string; mentorId: string }, on: Date, status: MeetingStatus, topic: string) {
  await t.store.meetings.insert({ _id: t.store.meetings.newId(), pairId: pair._id, programmeId: pair.programmeId, type: "working", format: "in-person", day: on, topic, status, loggedBy: pair.mentorId, createdAt: t.deps.clock() });
}

/** Runs a job as a tick does (through the outbox) at the bot's clock; returns the keys newly queued. */
async function runJob<D>(job: JobDefinition<D>): Promise<string[]> {
  return runJobOnce(t.app.deps, job, t.deps.clock(), t.app.sender);
}

/** The curator invites a director with the personal link; the director joins and opens the panel. */
async function inviteDirector(curator: TestUser): Promise<TestUser> {
  await curator.sendText("/menu");
  await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
  const panel = await curator.waitForText(/Куратор ·/);
  await curator.press(panel, /Пригласить/);
  await curator.press(await curator.nextEdit(), /^Руководитель$/);
  const created = await curator.waitForText(/Ссылка:/);
  const payload = /start=(\S+)/.exec(created.text ?? "")![1]!;
  const director = t.emulator.createUser({ firstName: "Директор", languageCode: "ru" });
  await director.start(payload);
  expect((await director.waitForText(/руководитель программы/)).text).toMatch(/Добро пожаловать! Вы — руководитель программы наставничества/);
  return director;
}

async function openDirectorPanel(director: TestUser) {
  await director.sendText("/menu");
  await director.press(await director.waitForText(/Ваши роли/), /Руководитель ·/);
  return director.waitForText(/^Руководитель ·/);
}

describe("the director and the monthly report", () => {
  it("a director invited by link sees the panel; the report pre-filled from the month's meetings goes in two taps; both see who reported", async () => {
    t.setNow(new Date("2026-11-26T09:00:00Z"));
    const { programmeId, curator, mentor, pair } = await cast();
    await meeting(pair, day(2026, 11, 5), "confirmed", "Знакомство с коллективом");
    await meeting(pair, day(2026, 11, 19), "confirmed", "Открытый урок");
    await meeting(pair, day(2026, 11, 12), "disputed", "Спорная встреча");
    await meeting(pair, day(2026, 10, 29), "confirmed", "Октябрьская встреча");

    const director = await inviteDirector(curator);
    expect((await t.store.memberships.ofProgramme(programmeId, "director")).map((m) => m.userId)).toEqual([director.id]);
    let panel = await openDirectorPanel(director);
    expect(panel.text).toMatch(/Работающих пар: 1/);
    expect(panel.text).toMatch(/Встречи за ноябрь 2026: подтверждено 2 из 3/);
    expect(panel.text).toMatch(/Отчёты наставников за ноябрь 2026: 0 из 1/);
    await director.press(panel, /Пары/);
    const pairs = await director.nextEdit();
    expect(pairs.text).toMatch(/1\. Ирина Орлова.*→ Анна Новикова.*работает · встреч: 3/);
    // No questionnaire answers on the director's screens.
    expect(pairs.text).not.toMatch(/опыт|запрос/i);

    // The mentor: pair menu → «Отчёт за ноябрь 2026» → «Отправить как есть».
    await mentor.user.sendText("/menu");
    const home = await mentor.user.waitForText(/Ваши роли/);
    await mentor.user.pressData(home, pack({ type: "pairMenu", pairId: pair._id }));
    const menu = await mentor.user.nextEdit();
    await mentor.user.press(menu, /Отчёт за ноябрь 2026/);
    const draft = await mentor.user.waitForText(/Отчёт за ноябрь 2026\. Проверьте/);
    expect(draft.text).toMatch(/Встречи \(2\): 05\.11\.2026 Знакомство с коллективом; 19\.11\.2026 Открытый урок/);
    expect(draft.text).not.toMatch(/Спорная|Октябрьская/);
    expect(draft.text).toMatch(/Прогресс: проведено встреч: 2/);
    mentor.user.skipEvents();
    // Pressed three times: one report, one notice each.
    await mentor.user.press(draft, /Отправить как есть/);
    await mentor.user.press(draft, /Отправить как есть/);
    await mentor.user.press(draft, /Отправить как есть/);
    await mentor.user.waitForText(/отправлен куратору и руководителю/);
    const curatorNotice = await curator.waitForText(/прислал\(а\) ежемесячный отчёт за ноябрь 2026/);
    const directorNotice = await director.waitForText(/Ирина Орлова.*прислал\(а\) ежемесячный отчёт за ноябрь 2026/);
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.store.monthlyReports.ofProgramme(programmeId, ["2026-11"])).toHaveLength(1);
    expect(curator.messages().filter((m) => /ежемесячный отчёт/.test(m.text ?? ""))).toHaveLength(1);

    // The director reads it, and sees who has reported.
    await director.press(directorNotice, /Открыть отчёт/);
    const reading = await director.waitForText(/Отчёт за ноябрь 2026 · /);
    expect(reading.text).toMatch(/Открытый урок/);
    panel = await openDirectorPanel(director);
    expect(panel.text).toMatch(/Отчёты наставников за ноябрь 2026: 1 из 1/);
    await director.press(panel, /Кто отчитался/);
    const status = await director.nextEdit();
    expect(status.text).toMatch(/отчитались 1 из 1/);
    expect(status.text).toMatch(/1\. ✅ Ирина Орлова/);
    // The month switcher: October had no report.
    await director.press(status, /октябрь 2026/);
    expect((await director.nextEdit()).text).toMatch(/за октябрь 2026: отчитались 0 из 1[\s\S]*⏳ Ирина Орлова/);

    // The curator too, from the notice.
    await curator.press(curatorNotice, /Открыть отчёт/);
    await curator.press(await curator.waitForText(/Отчёт за ноябрь 2026 · /), /Кто отчитался/);
    expect((await curator.nextEdit()).text).toMatch(/отчитались 1 из 1/);

    // A forged month is refused: a month not open now, and a month that is not one.
    const forged = await mentor.user.pressData(draft, pack({ type: "monthlyOpen", membershipId: mentor.membershipId, month: "2026-09" }));
    expect((await mentor.user.nextCallbackAnswer(forged)).text).toMatch(/не принимается/);
    const broken = await mentor.user.pressData(draft, "mro:" + mentor.membershipId + ":2026-13");
    expect((await mentor.user.nextCallbackAnswer(broken)).text).not.toBe("");
  });

  it("«Изменить»: the mentor types a field, keeps the others; a text over the limit is refused; /cancel leaves with nothing sent", async () => {
    t.setNow(new Date("2026-11-26T09:00:00Z"));
    const { programmeId, mentor, mentee, pair } = await cast();
    await meeting(pair, day(2026, 11, 5), "confirmed", "Знакомство");
    const start = await mentor.user.sendText("/menu").then(() => mentor.user.waitForText(/Ваши роли/));
    await mentor.user.pressData(start, pack({ type: "monthlyOpen", membershipId: mentor.membershipId, month: "2026-11" }));
    const draft = await mentor.user.waitForText(/Проверьте и отправьте/);
    await mentor.user.press(draft, /Изменить/);
    await mentor.user.waitForText(/прогресс за месяц/);
    await mentor.user.sendText("/cancel");
    await mentor.user.waitForText(/Действие прервано/);
    expect(await t.store.monthlyReports.ofMentor(mentor.membershipId, "2026-11")).toBeNull();

    await mentor.user.press(draft, /Изменить/);
    const progress = await mentor.user.waitForText(/прогресс за месяц/);
    await mentor.user.sendText("я".repeat(1001));
    await mentor.user.waitForText(/Слишком длинно: не больше 1000/);
    await mentor.user.sendText("Освоила журнал и планирование уроков");
    expect(progress.text).toMatch(/Сейчас: проведено встреч: 1/);
    await mentor.user.press(await mentor.user.waitForText(/трудности/), /Оставить как есть/);
    await mentor.user.press(await mentor.user.waitForText(/планы на следующий месяц/), /Оставить как есть/);
    await mentor.user.waitForText(/Отчёт за ноябрь 2026 отправлен/);
    const report = await t.store.monthlyReports.ofMentor(mentor.membershipId, "2026-11");
    expect(report?.programmeId).toBe(programmeId);
    expect(report?.entries).toEqual([expect.objectContaining({ menteeId: mentee.membershipId, progress: "Освоила журнал и планирование уроков", difficulties: null, plans: null })]);
  });

  it("a month's reminders reach exactly the mentors without a report, again on the 1st, and then the curator and the director get the late list", async () => {
    t.setNow(new Date("2026-11-25T07:00:00Z"));
    const { programmeId, curator, mentor, pair } = await cast();
    const director = t.emulator.createUser({ firstName: "Директор", languageCode: "ru" });
    await t.store.memberships.add({ userId: director.id, programmeId, role: "director", category: null, grade: null, invitationId: null }, t.deps.clock());
    const diligent = await readyParticipant(t, programmeId, { name: "Павел Смирнов", role: "mentor", category: "teacher", answers: { experience: 9, competencies: ["parents"] }, trained: true });
    const hisMentee = await readyParticipant(t, programmeId, { name: "Олег Юрьев", role: "mentee", category: "teacher", answers: { experience: 2, requests: ["parents"] } });
    await t.store.pairs.create({ ...pair, _id: t.store.pairs.newId(), mentorId: diligent.membershipId, menteeIds: [hisMentee.membershipId] });
    await t.store.monthlyReports.insert({ programmeId, mentorId: diligent.membershipId, month: "2026-11", entries: [], submittedAt: t.deps.clock() });

    // The 24th: nothing yet.
    t.setNow(new Date("2026-11-24T07:00:00Z"));
    expect((await runJob(monthlyReportJob)).filter((k) => k.startsWith("monthly-report"))).toEqual([]);
    // The 25th: only Irina.
    t.setNow(new Date("2026-11-25T07:00:00Z"));
    // (October, unreported by both, is on the staff's late list the same day.)
    expect((await runJob(monthlyReportJob)).filter((k) => k.startsWith("monthly-report"))).toEqual([`monthly-report:${mentor.membershipId}:2026-11`]);
    const reminder = await mentor.user.waitForText(/Пора отправить ежемесячный отчёт за ноябрь 2026/);
    await diligent.user.expectNoEvent(200);
    // The 1st: again, to Irina only.
    t.setNow(new Date("2026-12-01T07:00:00Z"));
    expect(await runJob(monthlyReportJob)).toEqual([`monthly-report-again:${mentor.membershipId}:2026-11`]);
    await mentor.user.waitForText(/Отчёт за ноябрь 2026 ещё не отправлен/);
    // The 3rd: the late list to the curator and the director.
    t.setNow(new Date("2026-12-03T07:00:00Z"));
    expect((await runJob(monthlyReportJob)).sort()).toEqual([`monthly-late:${curator.id}:2026-11`, `monthly-late:${director.id}:2026-11`].sort());
    const late = await curator.waitForText(/Не прислали ежемесячный отчёт за ноябрь 2026 \(1\)/);
    expect(late.text).toMatch(/Ирина Орлова/);
    expect(late.text).not.toMatch(/Павел Смирнов/);
    await director.waitForText(/Не прислали ежемесячный отчёт за ноябрь 2026/);
    // The late list's button opens who has reported.
    await curator.press(late, /Кто отчитался/);
    expect((await curator.waitForText(/Ежемесячные отчёты за ноябрь 2026/)).text).toMatch(/отчитались 1 из 2[\s\S]*1\. ⏳ Ирина Орлова[\s\S]*2\. ✅ Павел Смирнов/);
    // The reminder's button still opens November's report on the 3rd, and it goes.
    await mentor.user.press(reminder, /Отчёт за ноябрь 2026/);
    await mentor.user.press(await mentor.user.waitForText(/Проверьте и отправьте/), /Отправить как есть/);
    await mentor.user.waitForText(/отправлен куратору и руководителю/);
  });
});

describe("final reports", () => {
  it("asked for at the end, reminded on day 3, overdue to the curator, written in a conversation, approved by the director", async () => {
    t.setNow(new Date("2026-12-10T08:00:00Z"));
    const { programmeId, curator, mentor, mentee, pair } = await cast();
    const director = t.emulator.createUser({ firstName: "Директор", languageCode: "ru" });
    await t.store.memberships.add({ userId: director.id, programmeId, role: "director", category: null, grade: null, invitationId: null }, t.deps.clock());
    // A press on a working pair's final report is refused.
    const home = await mentee.user.sendText("/menu").then(() => mentee.user.waitForText(/Ваши роли/));
    const early = await mentee.user.pressData(home, pack({ type: "finalStart", pairId: pair._id }));
    expect((await mentee.user.nextCallbackAnswer(early)).text).toMatch(/Пара ещё работает/);

    await t.store.pairs.move(pair._id, "active", "ended", { endedAt: new Date("2026-12-10T07:00:00Z") });
    expect(await runJob(finalReportJob)).toEqual([`final-report:${mentor.membershipId}:${pair._id}`, `final-report:${mentee.membershipId}:${pair._id}`]);
    await mentor.user.waitForText(/до 20\.12\.2026, заполните итоговый отчёт о выполнении индивидуального плана: Анна Новикова/);
    const ask = await mentee.user.waitForText(/заполните итоговый отчёт: как прошло наставничество/);

    // The mentee writes theirs: texts, a score, a choice; an over-long text is refused.
    await mentee.user.press(ask, /Заполнить итоговый отчёт/);
    await mentee.user.waitForText(/Вопрос 1 из 6\. Как прошло наставничество/);
    await mentee.user.sendText("x".repeat(1001));
    await mentee.user.waitForText(/Слишком длинно/);
    await mentee.user.sendText("Хорошо, по плану");
    await mentee.user.waitForText(/Вопрос 2 из 6/);
    await mentee.user.sendText("Регулярные встречи");
    await mentee.user.waitForText(/Вопрос 3 из 6/);
    await mentee.user.sendText("Найти время");
    const score = await mentee.user.waitForText(/Вопрос 4 из 6\. Оцените работу наставника от 1 до 10/);
    await mentee.user.sendText("9");
    await mentee.user.waitForText(/Выберите вариант кнопкой/);
    await mentee.user.press(score, "9");
    await mentee.user.waitForText(/Вопрос 5 из 6/);
    await mentee.user.sendText("Внимательная и терпеливая");
    await mentee.user.press(await mentee.user.waitForText(/Вопрос 6 из 6/), "да");
    await mentee.user.waitForText(/Спасибо! Отчёт отправлен куратору/);
    await curator.waitForText(/Анна Новикова.*прислал\(а\) итоговый отчёт о наставничестве/);
    const menteeReport = (await t.store.finalReports.ofPair(pair._id))[0]!;
    expect(menteeReport.answers).toEqual({ "how-it-went": "Хорошо, по плану", helped: "Регулярные встречи", hard: "Найти время", "mentor-score": 9, "mentor-words": "Внимательная и терпеливая", recommend: "yes" });

    // Day 3: only the mentor is reminded. Day 11: the curator gets the overdue list.
    t.setNow(new Date("2026-12-13T08:00:00Z"));
    expect((await runJob(finalReportJob)).filter((k) => k.startsWith("final-remind"))).toEqual([`final-remind-3:${mentor.membershipId}:${pair._id}`]);
    await mentor.user.waitForText(/Итоговый отчёт о выполнении плана \(Анна Новикова.*\) ждут до 20\.12\.2026/);
    t.setNow(new Date("2026-12-21T08:00:00Z"));
    expect(await runJob(finalReportJob)).toEqual([`final-overdue:${curator.id}:${pair._id}`]);
    const overdue = await curator.waitForText(/Итоговые отчёты не сданы в срок \(до 20\.12\.2026\)/);
    expect(overdue.text).toMatch(/Ирина Орлова/);
    expect(overdue.text).not.toMatch(/Анна Новикова/);

    // The mentor writes late; /cancel first leaves nothing.
    const request = mentor.user.messages().find((m) => /заполните итоговый отчёт о выполнении/.test(m.text ?? ""))!;
    await mentor.user.press(request, /Заполнить итоговый отчёт/);
    await mentor.user.waitForText(/Вопрос 1 из 5/);
    await mentor.user.sendText("/cancel");
    await mentor.user.waitForText(/Действие прервано/);
    expect(await t.store.finalReports.ofPair(pair._id)).toHaveLength(1);
    await mentor.user.press(request, /Заполнить итоговый отчёт/);
    for (const [n, text] of [[1, "План выполнен на 8 из 9"], [2, "Мотивирована, самостоятельна"], [3, "Нехватка времени"], [4, "Продолжить развитие"]] as const) {
      await mentor.user.waitForText(new RegExp(`Вопрос ${n} из 5`));
      await mentor.user.sendText(text);
    }
    await mentor.user.press(await mentor.user.waitForText(/Вопрос 5 из 5\. Готовность/), /готов\(а\) при дальнейшей поддержке/);
    await mentor.user.waitForText(/на утверждение/);

    // The director approves it, once; the mentor is told.
    const toApprove = await director.waitForText(/ждёт вашего утверждения/);
    await director.press(toApprove, /Открыть отчёт/);
    const reading = await director.waitForText(/Итоговый отчёт наставника/);
    expect(reading.text).toMatch(/готов\(а\) при дальнейшей поддержке/);
    expect(reading.text).toMatch(/Ждёт утверждения/);
    await director.press(reading, /Утверждаю/);
    await director.waitForText(/Отчёт утверждён/);
    await mentor.user.waitForText(/Руководитель утвердил ваш итоговый отчёт: Анна Новикова/);
    const approved = (await t.store.finalReports.ofPair(pair._id)).find((r) => r.role === "mentor")!;
    // The screen lost its button; an old copy of it pressed again is answered and changes nothing.
    expect(director.buttons(reading).flat()).not.toContain("✅ Утверждаю");
    const again = await director.pressData(reading, pack({ type: "finalApprove", finalReportId: approved._id }));
    expect((await director.nextCallbackAnswer(again)).text).toMatch(/уже утверждён/);
    expect(approved.approvedBy).toBe(director.id);
    // The director does not read the mentee's report; the curator approves nothing.
    const peek = await director.pressData(reading, pack({ type: "finalRead", finalReportId: menteeReport._id }));
    expect((await director.nextCallbackAnswer(peek)).text).not.toBe("");
    const curatorHome = await curator.sendText("/menu").then(() => curator.waitForText(/Ваши роли/));
    const byCurator = await curator.pressData(curatorHome, pack({ type: "finalApprove", finalReportId: approved._id }));
    expect((await curator.nextCallbackAnswer(byCurator)).text).not.toBe("");
    expect(director.messages().some((m) => /Внимательная и терпеливая/.test(m.text ?? ""))).toBe(false);
  });
});
