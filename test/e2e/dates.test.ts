import { describe, expect, it } from "vitest";
import { defaultTopicIds } from "../../src/domain/questionnaires.js";
import type { TestUser } from "../support/emulator/index.js";
import { useTestBot } from "../support/harness.js";
import { readyParticipant } from "../support/programme.js";
import { activePairInStore } from "../support/pairs.js";

// Dates in the school's day (issue 8): in the small hours in Moscow, and in the morning in
// Vladivostok, the UTC day is still yesterday. Every "today" the bot offers or checks is the
// school's calendar day: the order's date typed as today is accepted, the «сегодня» button offers
// today, a new pair's term starts today, and a mentor trained now is trained today. The clock is
// fixed, so the tests pass at any hour the suite runs.

const t = useTestBot();

const CASES = [
  // 01:30 in Moscow on 3 December: 22:30 UTC on 2 December.
  { timeZone: "Europe/Moscow", now: new Date("2026-12-02T22:30:00Z"), today: "03.12.2026", tomorrow: "04.12.2026", day: new Date("2026-12-03T00:00:00Z") },
  // 09:00 in Vladivostok (UTC+10) on 3 December: 23:00 UTC on 2 December.
  { timeZone: "Asia/Vladivostok", now: new Date("2026-12-02T23:00:00Z"), today: "03.12.2026", tomorrow: "04.12.2026", day: new Date("2026-12-03T00:00:00Z") },
] as const;

/** A school in the given zone, its programme and a curator (as programmeWithCurator, in another zone). */
async function schoolIn(timeZone: string) {
  const now = t.deps.clock();
  const school = await t.store.schools.create({ name: "Школа у моря", city: "Город", timeZone, createdBy: 1 }, now);
  const forms = ["teacher-teacher", "student-student", "teacher-student"] as const;
  const programme = await t.store.programmes.create({ schoolId: school._id, academicYear: "2026/2027", forms: [...forms], topicIds: defaultTopicIds(forms), createdBy: 1 }, now);
  const curator = t.emulator.createUser({ firstName: "Куратор", languageCode: "ru" });
  await t.store.memberships.add({ userId: curator.id, programmeId: programme._id, role: "curator", category: null, grade: null, invitationId: null }, now);
  return { programmeId: programme._id, curator };
}

async function openPairs(curator: TestUser) {
  await curator.sendText("/menu");
  await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
  await curator.press(await curator.waitForText(/Куратор ·/), /Пары и группы/);
  return curator.nextEdit();
}

/** An active pair without an order (what an order lists), made straight in the store. */
async function activePair(programmeId: string, curatorId: number) {
  const mentor = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["parents"], capacity: 2 }, trained: true, limit: 2 });
  const mentee = await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
  return activePairInStore(t.store, { programmeId, mentorId: mentor.membershipId, menteeIds: [mentee.membershipId], at: t.deps.clock(), createdBy: curatorId });
}

describe.each(CASES)("in $timeZone at $now (the UTC day is still yesterday)", ({ timeZone, now, today, tomorrow, day }) => {
  it("takes today's date typed as the order's date, and says what is wrong with a future day or a non-date", async () => {
    t.setNow(now);
    const { programmeId, curator } = await schoolIn(timeZone);
    const pair = await activePair(programmeId, curator.id);
    await curator.press(await openPairs(curator), /Приказ/);
    await curator.waitForText(/В приказ войдут действующие пары без приказа: 1/);
    await curator.sendText("7-од");
    const ask = await curator.waitForText(/Дата приказа/);
    // The «сегодня» button offers the school's today.
    expect(ask.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual([today]);
    await curator.sendText(tomorrow);
    await curator.waitForText(/Дата в будущем/);
    await curator.sendText("вчера");
    await curator.waitForText(/Это не дата — напишите дату как ДД\.ММ\.ГГГГ/);
    await curator.sendText(today);
    const doc = await curator.nextDocument();
    expect(doc.caption).toMatch(/приказу № 7-од/);
    expect((await t.store.pairs.get(pair._id))?.orderDate).toEqual(day);
  });

  it("starts a new pair's term today, as its card shows, and marks a mentor trained today", async () => {
    t.setNow(now);
    const { programmeId, curator } = await schoolIn(timeZone);
    await readyParticipant(t, programmeId, { name: "Павел Смирнов", role: "mentor", category: "teacher", answers: { experience: 9, competencies: ["adaptation"], capacity: 3 }, trained: false, limit: 3 });
    await readyParticipant(t, programmeId, { name: "Олег Юрьев", role: "mentee", category: "teacher", answers: { experience: 2, requests: ["adaptation"] } });

    // Trained today (the school's day), as the mentor's card says.
    await curator.press(await openPairs(curator), /Наставники: отбор/);
    await curator.press(await curator.nextEdit(), "1");
    await curator.press(await curator.nextEdit(), /Отобран и прошёл обучение/);
    expect((await curator.nextEdit()).text).toContain(`отобран и обучен ${today}`);

    // A pair by hand: the start's button offers today; the pair starts today.
    await curator.press(await openPairs(curator), /вручную/);
    await curator.press(await curator.waitForText(/Выберите наставника/), /Павел Смирнов/);
    const menteesMsg = await curator.waitForText(/Отметьте наставляемых/);
    await curator.press(menteesMsg, /Олег Юрьев/);
    await curator.nextEdit();
    await curator.press(menteesMsg, /Готово/);
    await curator.press(await curator.waitForText(/Форма наставничества/), /учитель – учитель/);
    await curator.press(await curator.waitForText(/ролев/i), /опытный педагог – молодой специалист/);
    const start = await curator.waitForText(/Дата начала/);
    expect(start.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual([today]);
    await curator.press(start, today);
    await curator.press(await curator.waitForText(/Плановая дата окончания/), /\d\d\.\d\d\.\d{4}/);
    const confirm = await curator.waitForText(/Создать и отправить/);
    await curator.press(confirm, /Создать/);
    await curator.waitForText(/участники получили предложение/);
    const [pair] = await t.store.pairs.ofProgramme(programmeId);
    expect(pair?.startDate).toEqual(day);

    // The pair's card shows the same day.
    await curator.press(await openPairs(curator), /Все пары и группы/);
    await curator.press(await curator.nextEdit(), "1");
    expect((await curator.nextEdit()).text).toContain(`Срок: ${today} — 31.05.2027`);
  });
});
