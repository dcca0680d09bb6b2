import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { useTestBot, type TestBot } from "../support/harness.js";
import { decodeQrPng } from "../support/qr.js";
import { fillQuestionnaire, invitation, joinAndConsentAsAdult, label, programmeWithCurator } from "../support/programme.js";

const t = useTestBot();

const membershipOf = async (userId: number) => (await t.store.memberships.ofUser(userId)).find((m) => m.role !== "curator")!;

/** The curator opens the bases from the main menu, as they would. */
async function openBases(curator: ReturnType<TestBot["emulator"]["createUser"]>) {
  await curator.sendText("/menu");
  const menu = await curator.waitForText(/Ваши роли/);
  await curator.press(menu, /Куратор ·/);
  const panel = await curator.waitForText(/Куратор ·/);
  await curator.press(panel, /Базы наставников и наставляемых/);
  const bases = await curator.nextEdit();
  return bases;
}

describe("intake: consent and questionnaires", () => {
  it("an adult teacher–mentee: consent, bad answers re-asked, summary, change, submit; the curator sees them ready", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const teacher = t.emulator.createUser({ firstName: "Анна", languageCode: "ru" });
    await teacher.start(await invitation(t, programmeId, "mentee", "teacher"));
    await teacher.waitForText(/Добро пожаловать в программу наставничества/);

    // Nothing personal is stored before consent.
    expect(await t.store.profiles.get((await membershipOf(teacher.id))._id)).toBeNull();
    const age = await teacher.waitForText(/исполнилось 18 лет/);
    await teacher.press(age, /Да, мне 18/);
    const consent = await teacher.waitForText(/Согласие на обработку персональных данных \(версия 1\)/);
    expect(consent.text).toContain("Оператор: МОУ СШ № 2");
    expect(consent.text).toMatch(/Как отозвать/);
    await teacher.press(consent, /Даю согласие/);
    const thanks = await teacher.waitForText(/согласие записано/);
    await teacher.press(thanks, /Заполнить анкету/);

    // Question 1: the name, with bad answers first.
    await teacher.waitForText(/Вопрос 1 из/);
    await teacher.sendSticker();
    await teacher.waitForText(/Нужен текст/);
    await teacher.sendPhoto();
    await teacher.waitForText(/Нужен текст/);
    await teacher.sendText("Я".repeat(101));
    await teacher.waitForText(/не больше 100 символов/);
    await teacher.sendText("Анна Сергеевна Петрова");

    // Question 2 (subjects) and 3 (experience: a number in a range). A command in the middle
    // is a command, not an answer: the menu opens and the question keeps waiting.
    await teacher.waitForText(/Вопрос 2 из/);
    await teacher.sendText("/menu");
    await teacher.waitForText(/Ваши роли/);
    // The questionnaire button pressed again resumes at the same question.
    await teacher.press(thanks, /Заполнить анкету/);
    await teacher.waitForText(/Вопрос 2 из/);
    await teacher.sendText("Математика");
    await teacher.waitForText(/Вопрос 3 из/);
    await teacher.sendText("много");
    await teacher.waitForText(/Нужно число цифрами/);
    await teacher.sendText("75");
    await teacher.waitForText(/Нужно число от 0 до 60/);
    // "Back" returns to the previous question and keeps its answer.
    const q3 = teacher.messages().filter((m) => /Вопрос 3 из/.test(m.text ?? "")).pop()!;
    await teacher.press(q3, /Назад/);
    const again = await teacher.waitForText(/Вопрос 2 из/);
    expect(again.text).toContain("Сейчас: Математика");
    await teacher.sendText("Математика и информатика");
    await teacher.waitForText(/Вопрос 3 из/);
    await teacher.sendText("2");

    const mid = (await membershipOf(teacher.id))._id;
    const summary = await fillQuestionnaire(t, teacher, mid);
    expect(summary.text).toContain("Анна Сергеевна Петрова");
    expect(summary.text).toContain("Математика и информатика");

    // Change answer 2, then submit.
    await teacher.press(summary, "✏️ 2");
    const changing = await teacher.waitForText(/Вопрос 2 из/);
    expect(changing.text).toContain("Сейчас: Математика и информатика");
    await teacher.sendText("Физика");
    const summary2 = await teacher.waitForText(/Проверьте анкету/);
    expect(summary2.text).toContain("Физика");
    await teacher.press(summary2, /Отправить/);
    await teacher.waitForText(/Анкета отправлена куратору/);

    const profile = await t.store.profiles.get(mid);
    expect(profile).toMatchObject({ status: "submitted", answers: { "full-name": "Анна Сергеевна Петрова", subjects: "Физика", experience: 2 } });
    expect((await t.store.memberships.get(mid))?.intake).toBe("ready");

    // The curator sees her as ready, with those answers.
    const bases = await openBases(curator);
    expect(bases.text).toMatch(/Наставляемые: всего 1[\s\S]*готовы — 1/);
    await curator.press(bases, /Наставляемые$/);
    const list = await curator.nextEdit();
    expect(list.text).toContain("1. Анна Сергеевна Петрова — педагог — готов");
    await curator.press(list, "1");
    const card = await curator.nextEdit();
    expect(card.text).toContain("Физика");
    expect(card.text).toMatch(/согласие дано \(сам участник, в боте/);
    expect(curator.buttons(card).flat()).toContain("✉️ Написать");
    await curator.press(card, "✉️ Написать");
    await curator.waitForText(/Напишите сообщение участнику/);
    await curator.sendText("Анна Сергеевна, встреча наставников в четверг в 15:00.");
    await curator.waitForText(/Сообщение отправлено/);
    const relayed = await teacher.waitForText(/Сообщение от куратора программы наставничества «МОУ СШ № 2»/);
    expect(relayed.text).toContain("встреча наставников в четверг");
  });

  it("a minor: the parent link, the parent accepts, the student completes; another parent declines and nothing personal is stored", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const link = await invitation(t, programmeId, "mentee", "student", 7);

    const pupil = t.emulator.createUser({ firstName: "Петя", lastName: "Иванов", languageCode: "ru" });
    await pupil.start(link);
    const parentMsg = await pupil.waitForText(/Нужно согласие родителя/);
    const parentLink = /https:\/\/t\.me\/\w+\?start=(p_\S+)/.exec(parentMsg.text ?? "")!;
    expect(decodeQrPng((await pupil.nextPhoto()).data)).toBe(parentLink[0]);
    const mid = (await membershipOf(pupil.id))._id;
    expect((await t.store.memberships.get(mid))?.intake).toBe("parent");

    // Until the parent answers, the questionnaire is closed, even to a forged button.
    await pupil.pressData(parentMsg, `p:q:${mid}`);
    await pupil.waitForText(/Сначала нужно согласие родителя/);
    // The pupil cannot consent for themselves with the parent's link.
    await pupil.start(parentLink[1]);
    await pupil.waitForText(/нужно передать родителю/);

    const parent = t.emulator.createUser({ firstName: "Мария", languageCode: "ru" });
    await parent.start(parentLink[1]);
    const text = await parent.waitForText(/Согласие родителя/);
    expect(text.text).toContain("Ребёнок в Telegram: Петя Иванов");
    expect(text.text).toContain("МОУ СШ № 2");
    expect(text.text).toContain("ученик 7 класса");
    // A third person cannot answer on a link the parent opened.
    const stranger = t.emulator.createUser({ firstName: "Чужой", languageCode: "ru" });
    await stranger.start(parentLink[1]);
    await stranger.waitForText(/уже ответил другой человек/);
    await parent.press(text, /Даю согласие/);
    await parent.waitForText(/Согласие записано/);

    const told = await pupil.waitForText(/Родитель дал согласие/);
    await curator.waitForText(/Родитель дал согласие за ребёнка \(наставляемый — ученик 7 класса\)/);
    await pupil.press(told, /Заполнить анкету/);
    const summary = await fillQuestionnaire(t, pupil, mid);
    await pupil.press(summary, /Отправить/);
    await pupil.waitForText(/Анкета отправлена/);
    expect((await t.store.memberships.get(mid))?.intake).toBe("ready");
    const consents = await t.store.consents.history(mid);
    expect(consents).toMatchObject([{ relation: "parent", decision: "accepted", method: "bot", givenBy: parent.id, userId: pupil.id, textVersion: 1 }]);

    // Another family declines.
    const pupil2 = t.emulator.createUser({ firstName: "Вова", languageCode: "ru" });
    await pupil2.start(link);
    const msg2 = await pupil2.waitForText(/Нужно согласие родителя/);
    const link2 = /start=(p_\S+)/.exec(msg2.text ?? "")![1]!;
    const parent2 = t.emulator.createUser({ firstName: "Ольга", languageCode: "ru" });
    await parent2.start(link2);
    await parent2.press(await parent2.waitForText(/Согласие родителя/), /Не даю согласия/);
    await parent2.waitForText(/согласие не дано/);
    await pupil2.waitForText(/Родитель не дал согласия/);
    await curator.waitForText(/Отказ от согласия \(родитель\): наставляемый — ученик 7 класса\./);

    const mid2 = (await membershipOf(pupil2.id))._id;
    expect((await t.store.memberships.get(mid2))?.intake).toBe("declined");
    expect(await t.store.profiles.get(mid2)).toBeNull();
    expect(await t.store.consents.history(mid2)).toMatchObject([{ decision: "declined", relation: "parent" }]);
    // Nothing personal anywhere: no names in any collection for this family.
    const raw = t.client.db(t.dbName);
    for (const name of await raw.listCollections().toArray()) {
      const docs = JSON.stringify(await raw.collection(name.name).find({}).toArray());
      expect(docs, name.name).not.toContain("Вова");
      expect(docs, name.name).not.toContain("Ольга");
    }
    const bases = await openBases(curator);
    expect(bases.text).toMatch(/Наставляемые: всего 2[\s\S]*отказ от согласия — 1[\s\S]*готовы — 1/);
  });

  it("someone invited as an adult who says they are under 18 needs a parent too", async () => {
    const { programmeId } = await programmeWithCurator(t);
    const young = t.emulator.createUser({ firstName: "Кирилл", languageCode: "ru" });
    await young.start(await invitation(t, programmeId, "mentor", "university"));
    await young.press(await young.waitForText(/исполнилось 18 лет/), /Нет, мне меньше 18/);
    await young.waitForText(/Нужно согласие родителя/);
    const m = await membershipOf(young.id);
    expect(m).toMatchObject({ intake: "parent", saidUnder18: true });
    expect(await t.store.consents.history(m._id)).toEqual([]);
  });

  it("the paper consent path", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const pupil = t.emulator.createUser({ firstName: "Коля", languageCode: "ru" });
    await pupil.start(await invitation(t, programmeId, "mentee", "student", 5));
    await pupil.waitForText(/Нужно согласие родителя/);

    const bases = await openBases(curator);
    await curator.press(bases, /Наставляемые$/);
    const list = await curator.nextEdit();
    expect(list.text).toContain("ждёт согласия родителя");
    await curator.press(list, "1");
    const card = await curator.nextEdit();
    await curator.press(card, /Записать бумажное согласие/);
    await curator.waitForText(/Кто из родителей подписал/);
    await curator.sendText("Смирнова Е. В.");
    await curator.waitForText(/Дата на согласии/);
    // Each refusal says what is wrong (dates.ts): not a date, in the future.
    await curator.sendText("31.02.2026");
    await curator.waitForText(/Это не дата/);
    await curator.sendText("01.01.2099");
    await curator.waitForText(/Дата в будущем/);
    await curator.sendText("15.11.2026");
    const confirm = await curator.waitForText(/Записать бумажное согласие\?/);
    await curator.press(confirm, /Записать/);
    await curator.waitForText(/Бумажное согласие записано/);
    const told = await pupil.waitForText(/Куратор записал бумажное согласие/);

    const mid = (await membershipOf(pupil.id))._id;
    expect(await t.store.consents.history(mid)).toMatchObject([
      { decision: "accepted", method: "paper", relation: "parent", recordedBy: curator.id, signedBy: "Смирнова Е. В.", signedOn: new Date("2026-11-15T00:00:00Z") },
    ]);
    expect((await t.store.memberships.get(mid))?.intake).toBe("questionnaire");
    await pupil.press(told, /Заполнить анкету/);
    await pupil.waitForText(/Вопрос 1 из/);
  });

  it("a restart in the middle of the questionnaire loses nothing", async () => {
    const { programmeId } = await programmeWithCurator(t);
    const mentor = t.emulator.createUser({ firstName: "Игорь", languageCode: "ru" });
    await joinAndConsentAsAdult(t, mentor, await invitation(t, programmeId, "mentor", "teacher"));
    await mentor.sendText("Игорь Павлович");
    await mentor.waitForText(/Вопрос 2 из/);
    await mentor.sendText("История");
    await mentor.waitForText(/Вопрос 3 из/);

    // The bot stops and a new process starts on the same database and the same Telegram.
    await t.restart();
    await mentor.sendText("12");
    await mentor.waitForText(/Вопрос 4 из/);
    const mid = (await membershipOf(mentor.id))._id;
    expect((await t.store.profiles.get(mid))?.answers).toEqual({ "full-name": "Игорь Павлович", subjects: "История", experience: 12 });
  });

  it("/privacy lists my data as a file; withdrawal deletes the answers and tells the curator; a parent withdraws for a child", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const teacher = t.emulator.createUser({ firstName: "Ирина", languageCode: "ru" });
    await joinAndConsentAsAdult(t, teacher, await invitation(t, programmeId, "mentor", "teacher"));
    const mid = (await membershipOf(teacher.id))._id;
    await teacher.press(await fillQuestionnaire(t, teacher, mid), /Отправить/);
    await teacher.waitForText(/Анкета отправлена/);

    await teacher.sendText("/privacy");
    const screen = await teacher.waitForText(/Что бот хранит о вас/);
    expect(screen.text).toMatch(/Наставник, педагог · МОУ СШ № 2/);
    expect(screen.text).toMatch(/Ответов в анкете: \d+/);
    await teacher.press(screen, /Получить файл/);
    const file = await teacher.nextDocument();
    const content = file.data.toString("utf8");
    expect(file.fileName).toBe("moi-dannye.txt");
    expect(content).toContain(`Telegram id: ${teacher.id}`);
    expect(content).toContain("Ирина Тестовый");
    expect(content).toMatch(/согласие дано \(сам участник, в боте, текст версии 1\)/);

    await teacher.press(screen, /Отозвать согласие: МОУ СШ № 2/);
    const confirm = await teacher.nextEdit();
    expect(confirm.text).toMatch(/Отозвать согласие\?/);
    await teacher.press(confirm, /Да, отозвать/);
    await teacher.waitForText(/Согласие отозвано, ваши данные удалены/);
    await curator.waitForText(/Согласие отозвано \(сам участник\): педагог-наставник\./);
    expect(await t.store.profiles.get(mid)).toBeNull();
    expect(await t.store.memberships.get(mid)).toBeNull();
    expect(await t.store.consents.ofUser(teacher.id)).toEqual([]);
    const anonymous = await t.client.db(t.dbName).collection("consents").find({ programmeId, decision: "withdrawn" }).toArray();
    expect(anonymous).toHaveLength(1);
    expect(anonymous[0]).toMatchObject({ userId: null, membershipId: null });
    expect(JSON.stringify(await t.client.db(t.dbName).collection("profiles").find({}).toArray())).not.toContain("Ирина");

    // A parent withdraws for their child.
    const pupil = t.emulator.createUser({ firstName: "Лиза", languageCode: "ru" });
    await pupil.start(await invitation(t, programmeId, "mentee", "student", 8));
    const link = /start=(p_\S+)/.exec((await pupil.waitForText(/Нужно согласие родителя/)).text ?? "")![1]!;
    const parent = t.emulator.createUser({ firstName: "Светлана", languageCode: "ru" });
    await parent.start(link);
    await parent.press(await parent.waitForText(/Согласие родителя/), /Даю согласие/);
    await parent.waitForText(/Согласие записано/);
    await parent.sendText("/privacy");
    const parentScreen = await parent.waitForText(/Что бот хранит о вас/);
    expect(parentScreen.text).toMatch(/Вы дали согласие как родитель/);
    await parent.press(parentScreen, /Отозвать согласие за ребёнка/);
    await parent.press(await parent.nextEdit(), /Да, отозвать/);
    await parent.waitForText(/данные ребёнка удалены/);
    await pupil.waitForText(/Родитель отозвал согласие/);
    expect(await t.store.memberships.ofUser(pupil.id)).toEqual([]);
  });

  it("exports both bases as one XLSX workbook", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const teacher = t.emulator.createUser({ firstName: "Ольга", languageCode: "ru" });
    await joinAndConsentAsAdult(t, teacher, await invitation(t, programmeId, "mentor", "teacher"));
    await teacher.press(await fillQuestionnaire(t, teacher, (await membershipOf(teacher.id))._id), /Отправить/);
    await teacher.waitForText(/Анкета отправлена/);
    const pupil = t.emulator.createUser({ firstName: "Саша", languageCode: "ru" });
    await pupil.start(await invitation(t, programmeId, "mentee", "student", 9));
    await pupil.waitForText(/Нужно согласие родителя/);

    const bases = await openBases(curator);
    await curator.press(bases, /Выгрузка XLSX/);
    const doc = await curator.nextDocument();
    expect(doc.fileName).toBe("bazy-nastavnichestva-2026-2027.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(doc.data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Наставники", "Наставляемые"]);
    const mentors = wb.getWorksheet("Наставники")!;
    const headers = (mentors.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(["№", "ФИО", "Категория", "Статус", "Дата согласия", "Согласие дано", "Компетенции", "Формат", "Удобное время", "Стаж, лет", "Наставляемых одновременно", "Анкета отправлена", "Другие ответы"]);
    expect(mentors.rowCount).toBe(2);
    const row = mentors.getRow(2);
    expect(row.getCell(2).value).toBe("Ольга Тестовый");
    expect(row.getCell(3).value).toBe("педагог");
    expect(row.getCell(4).value).toBe("готов");
    expect(row.getCell(5).value).toBeInstanceOf(Date);
    expect(row.getCell(12).value).toBeInstanceOf(Date);
    const mentees = wb.getWorksheet("Наставляемые")!;
    expect(mentees.rowCount).toBe(2);
    expect(mentees.getRow(2).getCell(3).value).toBe("ученик 9 класса");
    expect(mentees.getRow(2).getCell(4).value).toBe("ждёт согласия родителя");
    expect(mentees.getRow(2).getCell(2).value).toBe("");
  });

  it("keeps the bases from mentees and mentors, and another person's card from a forged button", async () => {
    const a = await programmeWithCurator(t, "Школа А");
    const b = await programmeWithCurator(t, "Школа Б");
    const mentee = t.emulator.createUser({ firstName: "Таня", languageCode: "ru" });
    await mentee.start(await invitation(t, a.programmeId, "mentee", "teacher"));
    await mentee.waitForText(/исполнилось 18 лет/);
    await mentee.sendText("/cancel");
    const own = await mentee.waitForText(/Действие прервано/);
    const menteeMid = (await membershipOf(mentee.id))._id;

    for (const data of [`bb:${a.programmeId}`, `bx:${a.programmeId}`, `bc:${a.programmeId}:${menteeMid}`, `br:${a.programmeId}`]) {
      const id = await mentee.pressData(own, data);
      expect((await mentee.nextCallbackAnswer(id)).text).toMatch(/только куратору/);
    }
    // Curator B asks for a person of programme A through their own programme, and through A's.
    const other = await b.curator.start();
    await b.curator.waitForText(/Главное меню/);
    let id = await b.curator.pressData(other, `bc:${b.programmeId}:${menteeMid}`);
    expect((await b.curator.nextCallbackAnswer(id)).text).toMatch(/недоступно/);
    id = await b.curator.pressData(other, `bc:${a.programmeId}:${menteeMid}`);
    expect((await b.curator.nextCallbackAnswer(id)).text).toMatch(/только куратору/);
    expect(b.curator.documents()).toHaveLength(0);
    // A forged consent button of someone else's membership.
    id = await b.curator.pressData(other, `p:q:${menteeMid}`);
    expect((await b.curator.nextCallbackAnswer(id)).text).toMatch(/недоступно/);
    expect(label(t, "not-allowed")).toMatch(/недоступно/);
  });
});

describe("the curator's bases: filters, reminders, topics", () => {
  it("filters lists, reminds those stuck, and edits the topic list", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const link = await invitation(t, programmeId, "mentee", "student", 6);
    const waitingParent = t.emulator.createUser({ firstName: "Рома", languageCode: "ru" });
    await waitingParent.start(link);
    await waitingParent.waitForText(/Нужно согласие родителя/);
    const teacher = t.emulator.createUser({ firstName: "Вера", languageCode: "ru" });
    await joinAndConsentAsAdult(t, teacher, await invitation(t, programmeId, "mentee", "teacher"));
    await teacher.sendText("Вера Николаевна");
    await teacher.waitForText(/Вопрос 2 из/);

    // Filters: status cycles all → invited → parent …; category cycles all → student → teacher.
    const bases = await openBases(curator);
    await curator.press(bases, /Наставляемые$/);
    let list = await curator.nextEdit();
    expect(list.text).toMatch(/— 2$/m);
    await curator.press(list, /Статус/);
    list = await curator.nextEdit();
    expect(list.text).toMatch(/статус: приглашён, нет согласия .* — 0/);
    await curator.press(list, /Статус/);
    list = await curator.nextEdit();
    expect(list.text).toMatch(/статус: ждёт согласия родителя .* — 1/);
    expect(list.text).toContain("ученик 6 класса — ждёт согласия родителя");
    await curator.press(list, /Категория/);
    list = await curator.nextEdit();
    expect(list.text).toMatch(/категория: ученик .* — 1/);
    await curator.press(list, /Категория/);
    list = await curator.nextEdit();
    expect(list.text).toMatch(/категория: педагог .* — 0/);

    // Reminders go to everyone stuck at a step, with the button for their step.
    await curator.press(list, /Назад/);
    const back = await curator.nextEdit();
    const pressId = await curator.press(back, /Напомнить застрявшим/);
    expect((await curator.nextCallbackAnswer(pressId)).text).toBe("Рассылаю напоминания…");
    await curator.waitForText(/Напоминания отправлены: 2\./);
    const r1 = await waitingParent.waitForText(/всё ещё ждём согласия родителя/);
    expect(waitingParent.buttons(r1).flat()).toContain("🔗 Ссылка для родителя");
    const r2 = await teacher.waitForText(/анкета ещё не заполнена до конца/);
    await teacher.sendText("/cancel");
    await teacher.waitForText(/Действие прервано/);
    await teacher.press(r2, /Заполнить анкету/);
    const resumed = await teacher.waitForText(/Вопрос 2 из/);
    expect(resumed.text).not.toContain("Сейчас:");

    // Topics: add one, remove one.
    await curator.press(back, /Темы запросов и компетенций/);
    const topics = await curator.nextEdit();
    const before = (await t.store.programmes.get(programmeId))!.topicIds.length;
    await curator.press(topics, /Добавить тему/);
    await curator.waitForText(/название новой темы/);
    await curator.sendText("Шахматы");
    const added = await curator.waitForText(/Тема «Шахматы» добавлена/);
    expect(added.text).toContain(`${before + 1}. Шахматы`);
    const removeId = await curator.press(added, `✖️ ${before + 1}`);
    expect((await curator.nextCallbackAnswer(removeId)).text).toBe("Тема убрана.");
    const programme = (await t.store.programmes.get(programmeId))!;
    expect(programme.topicIds).toHaveLength(before);
    expect(Object.values(programme.topicLabels)).toContain("Шахматы");
  });
});
