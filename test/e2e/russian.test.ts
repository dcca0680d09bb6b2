import { describe, expect, it } from "vitest";
import { pack } from "../../src/bot/buttons.js";
import { INVITATION_DEFAULT_DAYS, expiryFrom } from "../../src/domain/invitations.js";
import { useTestBot, type TestBot } from "../support/harness.js";
import { fillQuestionnaire, invitation, label, programmeWithCurator } from "../support/programme.js";

// Russian that reads as a person wrote it: who a person is, in whole phrases in the right case;
// short labels of questions on the card; a counter whose total does not jump; a refused answer
// that brings the question back with its buttons; honest words for another programme's button.

const t = useTestBot();

async function openCard(curator: ReturnType<TestBot["emulator"]["createUser"]>, list: RegExp) {
  await curator.sendText("/menu");
  const menu = await curator.waitForText(/Ваши роли/);
  await curator.press(menu, /Куратор ·/);
  const panel = await curator.waitForText(/Куратор ·/);
  await curator.press(panel, /Базы наставников и наставляемых/);
  const bases = await curator.nextEdit();
  await curator.press(bases, list);
  const people = await curator.nextEdit();
  await curator.press(people, "1");
  return curator.nextEdit();
}

describe("Russian that reads right", () => {
  it("a teacher mentor: the invitation and the consent in whole sentences; the counter holds; refused answers re-ask with buttons; the card shows short labels", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = t.emulator.createUser({ firstName: "Игорь", languageCode: "ru" });
    await mentor.start(await invitation(t, programmeId, "mentor", "teacher"));
    const welcome = await mentor.waitForText(/Добро пожаловать/);
    expect(welcome.text).toContain("Вы приглашены как педагог-наставник.");
    await mentor.press(await mentor.waitForText(/исполнилось 18 лет/), /Да, мне 18/);
    const consent = await mentor.waitForText(/версия 1/);
    expect(consent.text).toContain("Цель: ваше участие в программе в качестве педагога-наставника: подбор наставнической пары, индивидуальный план, встречи, отчёты и мониторинг.");
    expect(consent.text).not.toMatch(/наставника, педагог/);
    await mentor.press(consent, /Даю согласие/);
    await mentor.press(await mentor.waitForText(/согласие записано/), /Заполнить анкету/);

    // 11 questions may be asked (the follow-up on mentoring experience included) from the start.
    await mentor.waitForText(/^Вопрос 1 из 11\n/);
    await mentor.sendText("Соколов Игорь Петрович");
    await mentor.waitForText(/^Вопрос 2 из 11\n/);
    await mentor.sendText("Физика, 7–9 классы");
    await mentor.waitForText(/^Вопрос 3 из 11\n/);
    // A refused number: the hint, and under it the question again with its buttons.
    await mentor.sendText("75");
    const refused = await mentor.waitForText(/^Нужно число от 0 до 60\./);
    expect(refused.text).toMatch(/^Нужно число от 0 до 60\.\n\nВопрос 3 из 11\n\nСколько полных лет вы работаете/);
    expect(mentor.buttons(refused).flat()).toContain("⬅️ Назад");
    await mentor.sendText("12");
    // Text where a button is wanted: the hint, and the question with every option again.
    await mentor.waitForText(/^Вопрос 4 из 11\n/);
    await mentor.sendText("высшая");
    const choice = await mentor.waitForText(/^Выберите вариант кнопкой.*\n\nВопрос 4 из 11\n/);
    expect(mentor.buttons(choice).flat()).toContain(label(t, "opt-highest-category"));
    await mentor.press(choice, label(t, "opt-highest-category"));

    // The rest, with «yes» to «were you a mentor before», which opens the follow-up question.
    const mid = (await t.store.memberships.ofUser(mentor.id)).find((m) => m.role === "mentor")!._id;
    const summary = await fillQuestionnaire(t, mentor, mid);
    const headers = mentor
      .messages()
      .map((m) => /Вопрос (\d+) из (\d+)/.exec(m.text ?? ""))
      .filter((m): m is RegExpExecArray => m !== null);
    expect(new Set(headers.map((h) => h[2]))).toEqual(new Set(["11"]));
    expect([...new Set(headers.map((h) => Number(h[1])))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect((await t.store.profiles.get(mid))?.answers["mentored-before"]).toBe("yes");

    // The summary and the card say «ФИО», not the whole question with its example.
    expect(summary.text).toContain("1. ФИО\n   Соколов Игорь Петрович");
    expect(summary.text).not.toContain("Как вас зовут?");
    await mentor.press(summary, /Отправить/);
    await mentor.waitForText(/Анкета отправлена куратору/);
    const card = await openCard(curator, /Наставники$/);
    expect(card.text).toContain("• ФИО: Соколов Игорь Петрович");
    expect(card.text).toContain("• Стаж, лет: 12");
    expect(card.text).toContain("• Квалификационная категория: ");
    expect(card.text).not.toContain("Как вас зовут?");
    expect(card.text).not.toContain("Сколько полных лет");
  });

  it("a pupil (ученик 7 класса): the invitation, a replaced parent link, and the parent's consent in whole sentences", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const pupil = t.emulator.createUser({ firstName: "Петя", lastName: "Иванов", languageCode: "ru" });
    await pupil.start(await invitation(t, programmeId, "mentee", "student", 7));
    const welcome = await pupil.waitForText(/Добро пожаловать/);
    expect(welcome.text).toContain("Вы приглашены как наставляемый — ученик 7 класса.");
    const first = await pupil.waitForText(/Нужно согласие родителя/);
    await pupil.nextPhoto();
    const mid = (await t.store.memberships.ofUser(pupil.id)).find((m) => m.role === "mentee")!._id;
    const linkOf = (text: string | undefined) => /https:\/\/t\.me\/\w+\?start=(p_\S+)/.exec(text ?? "")![1]!;

    // «Ссылка для родителя» again: the new link replaces the old one, and says so.
    await pupil.pressData(first, pack({ type: "participantStep", step: "pl", membershipId: mid }));
    const second = await pupil.waitForText(/Нужно согласие родителя/);
    expect(second.text).toContain("Прежняя ссылка для родителя больше не действует: работает только эта.");
    await pupil.nextPhoto();
    expect(linkOf(second.text)).not.toBe(linkOf(first.text));

    const parent = t.emulator.createUser({ firstName: "Мария", languageCode: "ru" });
    await parent.start(linkOf(first.text));
    await parent.waitForText(/^Эта ссылка заменена новой/);
    await parent.start(linkOf(second.text));
    const text = await parent.waitForText(/Согласие родителя/);
    expect(text.text).toContain("Ребёнок приглашён в программу как наставляемый — ученик 7 класса.");
    expect(text.text).not.toMatch(/наставляемого, ученик/);
    await parent.press(text, /Даю согласие/);
    await parent.waitForText(/Спасибо! Согласие записано/);
    await curator.waitForText("Родитель дал согласие за ребёнка (наставляемый — ученик 7 класса). Участник может заполнять анкету.");
  });

  it("a curator pressing another programme's invitation button is not told it was revoked", async () => {
    const a = await programmeWithCurator(t, "МОУ СШ № 2");
    const b = await programmeWithCurator(t, "Лицей № 7");
    const now = t.deps.clock();
    const { invitation: other } = await t.store.invitations.create(
      { programmeId: b.programmeId, role: "mentor", category: "teacher", grade: null, createdBy: 1, expiresAt: expiryFrom(now, INVITATION_DEFAULT_DAYS), maxUses: 30 },
      now,
    );
    await a.curator.sendText("/menu");
    const menu = await a.curator.waitForText(/Ваши роли/);
    for (const programmeId of [b.programmeId, a.programmeId]) {
      const id = await a.curator.pressData(menu, pack({ type: "invitationRevoke", programmeId, invitationId: other._id, page: 0 }));
      const answer = await a.curator.nextCallbackAnswer(id);
      expect(answer.text).not.toMatch(/отозвано/);
      // Either not theirs («только куратору этой программы») or out of date, never «отозвано».
      expect(answer.text).toMatch(/только куратору этой программы|устарела/);
    }
    expect((await t.store.invitations.get(other._id))?.revokedAt ?? null).toBeNull();
  });
});
