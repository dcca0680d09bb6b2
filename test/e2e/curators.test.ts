import { describe, expect, it } from "vitest";
import { pack } from "../../src/bot/buttons.js";
import type { TestUser } from "../support/emulator/index.js";
import { useTestBot, type TestBot } from "../support/harness.js";
import { fillQuestionnaire, invitation, joinAndConsentAsAdult, programmeWithCurator, readyParticipant } from "../support/programme.js";
import { activePairInStore } from "../support/pairs.js";

// Curators through Telegram: the list, removing a colleague (whose buttons stop at once), the
// audit log and its file; every file with personal data is sent protected.

const t = useTestBot();

async function openPanel(curator: TestUser) {
  await curator.sendText("/menu");
  await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
  return curator.waitForText(/Куратор ·/);
}

/** The last sendDocument call's protect_content, as the emulator recorded it. */
function lastDocumentProtected(bot: TestBot): unknown {
  const call = bot.emulator.callsTo("sendDocument").at(-1);
  const value = call?.params["protect_content"];
  return value === true || value === "true";
}

describe("curators", () => {
  it("a curator sees the others and removes one, not themselves; the removed curator's card buttons are refused at once", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const colleague = t.emulator.createUser({ firstName: "Коллега", languageCode: "ru" });
    await colleague.start(await invitation(t, programmeId, "curator", null as never));
    await colleague.waitForText(/Ваши роли/);
    const mentee = await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: {} });

    // The colleague opens Anna's card.
    const menu = await colleague.start().then(() => colleague.waitForText(/Главное меню/));
    const opened = await colleague.pressData(menu, pack({ type: "basesCard", programmeId, membershipId: mentee.membershipId }));
    await colleague.nextCallbackAnswer(opened);
    const card = await colleague.nextEdit();
    expect(card.text).toMatch(/Анна Новикова/);

    // The first curator lists the curators: two, a remove button for the colleague only.
    const panel = await openPanel(curator);
    await curator.press(panel, /Кураторы/);
    const list = await curator.nextEdit();
    expect(list.text).toMatch(/Кураторы программы — 2/);
    expect(list.text).toMatch(/1–2 из 2/);
    expect(list.text).toMatch(/\(вы\)/);
    const buttons = list.reply_markup!.inline_keyboard.flat().map((b) => b.text);
    expect(buttons.filter((b) => /Убрать/.test(b))).toEqual(["✖️ Убрать № 2"]);
    await curator.press(list, /Убрать № 2/);
    const ask = await curator.nextEdit();
    expect(ask.text).toMatch(/сразу потеряет доступ/);
    await curator.press(ask, /Да, убрать/);
    await curator.nextEdit();
    expect(await t.store.memberships.ofProgramme(programmeId, "curator")).toHaveLength(1);

    // The removed curator presses the card's buttons: refused, nothing starts.
    for (const label of [/Написать/, /Назад/]) {
      const id = await colleague.press(card, label);
      expect((await colleague.nextCallbackAnswer(id)).text).toMatch(/только куратору этой программы/);
    }
    await colleague.sendText("Привет");
    await colleague.waitForText(/не понял/);
    await mentee.user.expectNoEvent(300);

    // Removing oneself by a forged button is refused too.
    const own = (await t.store.memberships.find(curator.id, programmeId, "curator"))!._id;
    const id = await curator.pressData(list, pack({ type: "curatorRemove", programmeId, membershipId: own, page: 0 }));
    expect((await curator.nextCallbackAnswer(id)).text).toMatch(/Себя убрать нельзя/);
    expect(await t.store.memberships.ofProgramme(programmeId, "curator")).toHaveLength(1);

    // The audit log names what was done, to whom, and by whom.
    await curator.press(await openPanel(curator), /Журнал действий/);
    const log = await curator.nextEdit();
    expect(log.text).toMatch(/вы: убрал\(а\) куратора$/m);
    expect(log.text).toMatch(/куратор id \d+: открыл\(а\) карточку участника — Анна Новикова/);
  });
});

describe("files with personal data are sent protected", () => {
  it("the bases workbook, the audit log, the /privacy file and the order's list", { timeout: 60_000 }, async () => {
    const { programmeId, curator } = await programmeWithCurator(t);

    // The bases workbook.
    await curator.press(await openPanel(curator), /Базы наставников/);
    await curator.press(await curator.nextEdit(), /Выгрузка XLSX/);
    await curator.nextDocument();
    expect(lastDocumentProtected(t)).toBe(true);

    // The audit log's file (the export above is its first entry).
    await curator.press(await openPanel(curator), /Журнал действий/);
    const log = await curator.nextEdit();
    expect(log.text).toMatch(/выгрузил\(а\) базы в XLSX/);
    await curator.press(log, /Выгрузить журнал/);
    const file = await curator.nextDocument();
    expect(file.caption).toMatch(/защищён от пересылки/);
    expect(lastDocumentProtected(t)).toBe(true);

    // The /privacy file.
    const teacher = t.emulator.createUser({ firstName: "Ирина", languageCode: "ru" });
    await joinAndConsentAsAdult(t, teacher, await invitation(t, programmeId, "mentor", "teacher"));
    const mid = (await t.store.memberships.ofUser(teacher.id))[0]!._id;
    await teacher.press(await fillQuestionnaire(t, teacher, mid), /Отправить/);
    await teacher.waitForText(/Анкета отправлена/);
    await teacher.sendText("/privacy");
    await teacher.press(await teacher.waitForText(/Что бот хранит о вас/), /Получить файл/);
    await teacher.nextDocument();
    expect(lastDocumentProtected(t)).toBe(true);

    // The order's list: one active pair with no order yet.
    const mentor = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: {}, trained: true });
    const mentee = await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: {} });
    await activePairInStore(t.store, { programmeId, mentorId: mentor.membershipId, menteeIds: [mentee.membershipId], at: new Date(), createdBy: curator.id });
    await curator.press(await openPanel(curator), /Пары и группы/);
    await curator.press(await curator.nextEdit(), /Приказ/);
    await curator.waitForText(/В приказ войдут действующие пары без приказа: 1/);
    await curator.sendText("15-од");
    await curator.press(await curator.waitForText(/Дата приказа/), /\d\d\.\d\d\.\d{4}/);
    await curator.nextDocument();
    expect(lastDocumentProtected(t)).toBe(true);
    expect(t.emulator.callsTo("sendDocument")).toHaveLength(4);
  });
});
