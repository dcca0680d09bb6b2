import { describe, expect, it } from "vitest";
import { expiryFrom } from "../../src/domain/invitations.js";
import { useTestBot } from "../support/harness.js";
import { createSchoolAsOperator, readInvitation } from "../support/flows.js";

const OPERATOR_ID = 500;
const t = useTestBot({ operatorIds: [OPERATOR_ID] });

async function boot() {
  const operator = t.emulator.createUser({ id: OPERATOR_ID, firstName: "Ольга", languageCode: "ru" });
  return { operator };
}

describe("operator → school → programme → curator → invitations", () => {
  it("runs the whole chain through Telegram as real people", async () => {
    const { operator } = await boot();
    const curatorLink = await createSchoolAsOperator(operator);

    const schools = await t.store.schools.list();
    expect(schools).toHaveLength(1);
    expect(schools[0]).toMatchObject({ name: "ГБОУ ООШ № 4", city: "Новокуйбышевск", timeZone: "Europe/Samara" });

    // The curator opens the link and gets the curator's menu.
    const curator = t.emulator.createUser({ firstName: "Мария", languageCode: "ru" });
    await curator.start(curatorLink.payload);
    await curator.waitForText(/Вы — куратор программы наставничества «ГБОУ ООШ № 4»/);
    const menu = await curator.waitForText(/Ваши роли/);
    await curator.press(menu, /Куратор · ГБОУ ООШ № 4/);
    const panel = await curator.waitForText(/Куратор · ГБОУ ООШ № 4/);
    expect(panel.text).toContain("кураторов — 1");

    // A mentor invitation: a teacher, five places.
    await curator.press(panel, /Пригласить/);
    await curator.nextEdit();
    await curator.press(panel, "Наставник");
    await curator.nextEdit();
    await curator.press(panel, "педагог");
    await curator.nextEdit();
    await curator.press(panel, "5");
    const mentorInvite = await readInvitation(curator);
    expect(mentorInvite.message.text).toContain("Наставник, педагог");
    expect(mentorInvite.message.text).toContain("мест: 5");

    // A mentee invitation: a pupil of the 7th class, thirty places.
    const panel2 = await curator.press(menu, /Куратор · ГБОУ ООШ № 4/).then(() => curator.waitForText(/Куратор · ГБОУ/));
    await curator.press(panel2, /Пригласить/);
    await curator.nextEdit();
    await curator.press(panel2, "Наставляемый");
    await curator.nextEdit();
    await curator.press(panel2, "ученик");
    await curator.nextEdit();
    await curator.press(panel2, "7");
    await curator.nextEdit();
    await curator.press(panel2, "30");
    const menteeInvite = await readInvitation(curator);
    expect(menteeInvite.message.text).toContain("Наставляемый, ученик 7 класса");

    // Only hashes are stored.
    const raw = await t.client.db(t.dbName).collection("invitations").find({}).toArray();
    expect(raw).toHaveLength(3);
    for (const doc of raw) expect(JSON.stringify(doc)).not.toContain(menteeInvite.payload.slice(2));

    // The list shows all three; the mentee link is revoked from it.
    await curator.press(panel2, /Назад|Главное меню/).catch(() => {});
    const panel3 = await curator.press(menu, /Куратор · ГБОУ ООШ № 4/).then(() => curator.waitForText(/Куратор · ГБОУ/));
    await curator.press(panel3, /Приглашения/);
    const list = await curator.nextEdit();
    expect(list.text).toContain("Приглашения программы (3)");
    expect(list.text).toMatch(/1\. Наставляемый, ученик 7 класса — действует, вошли 0 из 30/);
    expect(list.text).toMatch(/3\. Куратор — места закончились, вошли 1 из 1/);
    const pressId = await curator.press(list, "✖️ Отозвать № 1");
    const answer = await curator.nextCallbackAnswer(pressId);
    expect(answer.text).toMatch(/отозвано/);
    const after = await curator.nextEdit();
    expect(after.text).toMatch(/1\. Наставляемый, ученик 7 класса — отозвано/);

    // A pupil with the revoked link is told so and joins nothing.
    const pupil = t.emulator.createUser({ firstName: "Петя", languageCode: "ru" });
    await pupil.start(menteeInvite.payload);
    await pupil.waitForText(/отозвано куратором/);
    expect(await t.store.memberships.ofUser(pupil.id)).toEqual([]);

    // A teacher joins with the mentor link and sees the mentor's panel; a second tap spends no place.
    const teacher = t.emulator.createUser({ firstName: "Анна", languageCode: "ru" });
    await teacher.start(mentorInvite.payload);
    await teacher.waitForText(/Вы приглашены как педагог-наставник\./);
    // Consent comes next; she leaves it for later.
    await teacher.waitForText(/исполнилось 18 лет/);
    await teacher.sendText("/cancel");
    await teacher.waitForText(/Действие прервано/);
    await teacher.start(mentorInvite.payload);
    await teacher.waitForText(/Вы уже участвуете/);
    const teacherMenu = await teacher.waitForText(/Ваши роли/);
    const inv = (await t.store.invitations.listForProgramme((await t.store.memberships.ofUser(teacher.id))[0]!.programmeId, 10)).find((i) => i.role === "mentor");
    expect(inv?.remainingUses).toBe(4);
    await teacher.press(teacherMenu, /Наставник · ГБОУ ООШ № 4/);
    const mentorPanel = await teacher.waitForText(/Наставник, педагог · ГБОУ ООШ № 4/);
    expect(mentorPanel.text).toContain("приглашён, нет согласия");
    expect(teacher.buttons(mentorPanel).flat()).toContain("✅ Дать согласие");
  });

  it("answers each kind of bad link and changes nothing", async () => {
    const { operator } = await boot();
    const curatorLink = await createSchoolAsOperator(operator);
    const curator = t.emulator.createUser({ firstName: "Мария", languageCode: "ru" });
    await curator.start(curatorLink.payload);
    await curator.waitForText(/Вы — куратор/);

    const stranger = t.emulator.createUser({ firstName: "Гость", languageCode: "ru" });
    // Used up: the curator link admits one person.
    await stranger.start(curatorLink.payload);
    await stranger.waitForText(/уже вошло максимальное число людей/);
    // Malformed: cut short.
    await stranger.start(curatorLink.payload.slice(0, 20));
    await stranger.waitForText(/Ссылка повреждена/);
    // Unknown: well-formed, never issued.
    await stranger.start("i_" + "Q".repeat(32));
    await stranger.waitForText(/приглашение не найдено/);
    // Expired: an invitation whose term has passed.
    const programmeId = (await t.store.memberships.ofUser(curator.id))[0]!.programmeId;
    const past = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    const { token } = await t.store.invitations.create(
      { programmeId, role: "mentor", category: "teacher", grade: null, createdBy: curator.id, expiresAt: expiryFrom(past, 30), maxUses: 5 },
      past,
    );
    await stranger.start(`i_${token}`);
    await stranger.waitForText(/Срок действия приглашения истёк/);
    expect(await t.store.memberships.ofUser(stranger.id)).toEqual([]);
    expect((await t.store.invitations.get((await t.store.invitations.lookup(token))!._id))?.remainingUses).toBe(5);
  });

  it("refuses forged operator and curator buttons and changes nothing", async () => {
    const { operator } = await boot();
    const curatorLink = await createSchoolAsOperator(operator);
    const curator = t.emulator.createUser({ firstName: "Мария", languageCode: "ru" });
    await curator.start(curatorLink.payload);
    await curator.waitForText(/Ваши роли/);
    const programmeId = (await t.store.memberships.ofUser(curator.id))[0]!.programmeId;

    const intruder = t.emulator.createUser({ firstName: "Ваня", languageCode: "ru" });
    await intruder.start();
    const own = await intruder.waitForText(/Главное меню/);
    expect(own.text).toContain("ссылку-приглашение");

    const schoolsBefore = (await t.store.schools.list()).length;
    const opPress = await intruder.pressData(own, "op:create");
    expect((await intruder.nextCallbackAnswer(opPress)).text).toMatch(/только оператору/);
    await intruder.sendText("/newschool");
    await intruder.waitForText(/только оператору/);
    expect((await t.store.schools.list()).length).toBe(schoolsBefore);

    const invitationsBefore = await t.store.invitations.countForProgramme(programmeId);
    const curPress = await intruder.pressData(own, `invk:${programmeId}:curator:-:0:100`);
    expect((await intruder.nextCallbackAnswer(curPress)).text).toMatch(/только куратору/);
    const listPress = await intruder.pressData(own, `invl:${programmeId}:0`);
    expect((await intruder.nextCallbackAnswer(listPress)).text).toMatch(/только куратору/);
    expect(await t.store.invitations.countForProgramme(programmeId)).toBe(invitationsBefore);
    expect(await t.store.memberships.ofUser(intruder.id)).toEqual([]);

    // Garbage data is answered, not ignored.
    const junk = await intruder.pressData(own, "cur:mk:../../etc");
    expect((await intruder.nextCallbackAnswer(junk)).text).toMatch(/устарела|недоступна/);
  });

  it("answers once in a group that it works in private", async () => {
    await boot();
    const user = t.emulator.createUser({ firstName: "Лена", languageCode: "ru" });
    const group = t.emulator.createGroup({ title: "7Б родители" });
    await user.sendInGroup(group, "/start");
    const notice = await group.nextMessage();
    expect(notice.text).toMatch(/только в личных сообщениях/);
    expect(notice.text).toContain(`@${t.emulator.botUsername}`);
    await user.sendInGroup(group, "/menu");
    await group.expectNoEvent(700);
    expect(await t.store.users.get(user.id)).toBeNull();
  });

  it("marks a person who blocked the bot inactive and does not retry", async () => {
    await boot();
    const user = t.emulator.createUser({ firstName: "Дима", languageCode: "ru" });
    await user.start();
    await user.waitForText(/Главное меню/);
    expect((await t.store.users.get(user.id))?.active).toBe(true);
    user.block();
    const before = t.emulator.calls.filter((c) => c.method === "sendMessage").length;
    await user.sendText("/menu");
    await expect.poll(async () => (await t.store.users.get(user.id))?.active, { timeout: 5000 }).toBe(false);
    const sends = t.emulator.calls.filter((c) => c.method === "sendMessage").slice(before);
    // The menu and then the apology: each tried once, none retried.
    expect(sends.length).toBeLessThanOrEqual(2);
    expect(sends.every((c) => c.status === 403)).toBe(true);
  });

  it("retries a 429 after retry_after and still delivers", async () => {
    await boot();
    const user = t.emulator.createUser({ firstName: "Коля", languageCode: "ru" });
    t.emulator.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", retry_after: 1 });
    await user.start();
    await user.waitForText(/Главное меню/, { timeoutMs: 8000 });
    const sends = t.emulator.calls.filter((c) => c.method === "sendMessage");
    await expect.poll(() => sends.map((c) => c.status)).toEqual([429, 200]);
    expect(sends[1]!.at - sends[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it("speaks the Telegram language, and /language switches it", async () => {
    await boot();
    const user = t.emulator.createUser({ firstName: "John", languageCode: "en" });
    await user.start();
    await user.waitForText(/Main menu/);
    await user.sendText("/language");
    const picker = await user.waitForText(/Choose a language/);
    await user.press(picker, /Русский/);
    await user.waitForText(/Язык: русский/);
    expect((await t.store.users.get(user.id))?.locale).toBe("ru");
    await user.sendText("/menu");
    await user.waitForText(/Главное меню/);
  });

  it("sets command lists per language and for operators", async () => {
    const { operator } = await boot();
    const api = t.app.bot.api;
    const ru = await api.getMyCommands({ scope: { type: "all_private_chats" }, language_code: "ru" });
    const en = await api.getMyCommands({ scope: { type: "all_private_chats" }, language_code: "en" });
    expect(ru.map((c) => c.command)).toEqual(["menu", "privacy", "language", "cancel", "help"]);
    expect(ru[0]!.description).toBe("Главное меню");
    expect(en[0]!.description).toBe("Main menu");
    await operator.start();
    await operator.waitForText(/Главное меню/);
    const forOperator = await api.getMyCommands({ scope: { type: "chat", chat_id: OPERATOR_ID }, language_code: "ru" });
    expect(forOperator.map((c) => c.command)).toContain("newschool");
  });

  it("re-asks bad answers in the school conversation and /cancel stops it", async () => {
    const { operator } = await boot();
    await operator.sendText("/newschool");
    await operator.waitForText(/Как называется школа/);
    await operator.sendSticker();
    await operator.waitForText(/Нужен текст/);
    await operator.sendText("Ш".repeat(201));
    await operator.waitForText(/не больше 200 символов/);
    await operator.sendText("Лицей № 1");
    await operator.waitForText(/Город/);
    await operator.sendText("Самара");
    await operator.waitForText(/Часовой пояс/);
    await operator.sendText("Moscow");
    await operator.waitForText(/Такого часового пояса нет/);
    await operator.sendText("/cancel");
    await operator.waitForText(/Действие прервано/);
    await operator.sendText("/cancel");
    await operator.waitForText(/Сейчас нечего прерывать/);
    expect(await t.store.schools.list()).toEqual([]);
  });
});
