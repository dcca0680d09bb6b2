import { describe, expect, it } from "vitest";
import { pack } from "../../src/bot/buttons.js";
import type { TestUser } from "../support/emulator/index.js";
import { useTestBot } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";
import { activePairInStore } from "../support/pairs.js";

// The individual plan through the emulator (issue 10, part 1): a mentor builds it from the
// template of the pair's form, the mentee acknowledges it, the director approves it from the
// notice; a change asks again and keeps the old version; the mentee proposes an item done and the
// mentor confirms it; bad input is refused and changes nothing; 100 presses of «Ознакомлен(а)»
// give one record and one notice. The clock is fixed.

const t = useTestBot();
const NOW = new Date("2026-10-01T09:00:00Z");

async function world() {
  t.setNow(NOW);
  const { programmeId, curator } = await programmeWithCurator(t);
  const director = t.emulator.createUser({ firstName: "Директор", languageCode: "ru" });
  await t.store.memberships.add({ userId: director.id, programmeId, role: "director", category: null, grade: null, invitationId: null }, NOW);
  const mentor = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["parents"] }, trained: true, limit: 2 });
  const mentee = await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
  const pair = await activePairInStore(t.store, { programmeId, mentorId: mentor.membershipId, menteeIds: [mentee.membershipId], at: NOW, createdBy: curator.id });
  return { programmeId, curator, director, mentor, mentee, pair };
}

/** A party opens the pair menu from /menu. */
async function pairMenu(user: TestUser, role: RegExp) {
  await user.sendText("/menu");
  await user.press(await user.waitForText(/Ваши роли/), role);
  await user.press(await user.waitForText(/Ваша пара/), /Открыть пару/);
  return user.waitForText(/Пара: наставник/);
}

const count = (user: TestUser, re: RegExp) => user.messages().filter((m) => re.test(m.text ?? "")).length;

describe("the individual plan", () => {
  it("built from a template, acknowledged, approved by the director; changed, asked again; done proposed and confirmed", { timeout: 120_000 }, async () => {
    const { curator, director, mentor, mentee, pair } = await world();

    // The mentor: the pair menu → the plan → the template of the pair's form.
    const menu = await pairMenu(mentor.user, /Наставник ·/);
    await mentor.user.press(menu, /Индивидуальный план/);
    const empty = await mentor.user.nextEdit();
    expect(empty.text).toMatch(/В плане пока нет пунктов/);
    await mentor.user.press(empty, /Из шаблона/);
    const picker = await mentor.user.nextEdit();
    expect(mentor.user.buttons(picker)[0]![0]).toMatch(/^⭐ учитель – учитель — 9 пунктов/);
    await mentor.user.press(picker, /^⭐/);
    let plan = await mentor.user.nextEdit();
    expect(plan.text).toMatch(/Статус: черновик · версия 1/);
    expect(plan.text).toMatch(/Выполнено 0 из 9/);
    expect(plan.text).toMatch(/1\. ▫️ Ознакомление с рабочим местом и коллективом/);
    const sent = await mentor.user.press(plan, /Отправить на ознакомление/);
    expect((await mentor.user.nextCallbackAnswer(sent)).text).toMatch(/отправлен наставляемому/);

    // The mentee acknowledges in one tap, from the notice.
    const ready = await mentee.user.waitForText(/подготовил ваш индивидуальный план \(9 пунктов\)/);
    const ack = await mentee.user.press(ready, /Ознакомлен\(а\)/);
    expect((await mentee.user.nextCallbackAnswer(ack)).text).toMatch(/Ознакомлен\(а\)» сохранена/);

    // The curator and the director are told; the director approves from the notice.
    await curator.waitForText(/Анна Новикова.*ознакомился\(ась\) с индивидуальным планом/);
    const told = await director.waitForText(/ознакомился\(ась\) с индивидуальным планом.*ждёт утверждения/s);
    await director.press(told, /Открыть план для утверждения/);
    const toApprove = await director.nextEdit();
    expect(toApprove.text).toMatch(/ознакомлен\(а\), ждёт утверждения/);
    const approved = await director.press(toApprove, /Утверждаю/);
    expect((await director.nextCallbackAnswer(approved)).text).toMatch(/План утверждён/);
    await mentor.user.waitForText(/Индивидуальный план для Анна Новикова.* утверждён \(Руководитель\)/);
    const stored = (await t.store.plans.of(pair._id, mentee.membershipId))!;
    expect(stored).toMatchObject({ status: "approved", version: 1 });

    // A change: a new item by buttons and a typed title; bad dates and titles are answered.
    await mentor.user.press(plan, /➕ Пункт/);
    await mentor.user.press(await mentor.user.waitForText(/Какой это пункт плана/), /Практические задания/);
    const askDue = await mentor.user.waitForText(/Срок выполнения/);
    expect(mentor.user.buttons(askDue).flat()).toContain("Через месяц (31.10.2026)");
    await mentor.user.sendText("01.06.2027");
    await mentor.user.waitForText(/не может быть позже плановой даты окончания/);
    await mentor.user.sendText("31.08.2026");
    await mentor.user.waitForText(/не может быть раньше начала/);
    await mentor.user.sendText("вчера");
    await mentor.user.waitForText(/Не похоже на дату/);
    await mentor.user.press(askDue, /Через месяц/);
    await mentor.user.waitForText(/Напишите название пункта/);
    await mentor.user.sendText("я".repeat(201));
    await mentor.user.waitForText(/200/);
    await mentor.user.sendText("   ");
    await mentor.user.waitForText(/Пустой ответ/);
    await mentor.user.sendText("Открытый урок по теме «Дроби»");
    plan = await mentor.user.waitForText(/Пункт добавлен/);
    expect(plan.text).toMatch(/Статус: черновик · версия 2/);
    expect(plan.text).toMatch(/Открытый урок по теме «Дроби» — до 31\.10\.2026 \(Практические задания\)/);
    expect(mentor.user.buttons(plan).flat()).toContain("🗂 Прежние версии (1)");
    await mentor.user.press(plan, /Прежние версии/);
    const versions = await mentor.user.waitForText(/Прежние версии плана \(сейчас действует версия 2\)/);
    expect(versions.text).toMatch(/Версия 1: утверждён, пунктов: 9/);
    await mentor.user.press(versions, /Назад/);
    await mentor.user.waitForText(/Статус: черновик · версия 2/);
    const kept = await t.store.plans.versionsOf(stored._id);
    expect(kept.map((v) => [v.version, v.status, v.items.length])).toEqual([[1, "approved", 9]]);

    // Sent again: the mentee is asked again; 100 presses at once → one record, one notice each.
    await mentor.user.press(plan, /Отправить изменения на ознакомление/);
    const again = await mentee.user.waitForText(/изменил ваш индивидуальный план \(версия 2, пунктов: 10\)/);
    const curatorBefore = count(curator, /ознакомился\(ась\)/);
    const directorBefore = count(director, /ознакомился\(ась\)/);
    const presses = await Promise.all(Array.from({ length: 100 }, () => mentee.user.press(again, /Ознакомлен\(а\)/)));
    const answers = await Promise.all(presses.map((id) => mentee.user.nextCallbackAnswer(id, { timeoutMs: 60_000 })));
    expect(answers.filter((a) => /сохранена/.test(a.text ?? ""))).toHaveLength(1);
    expect(answers.filter((a) => /уже стоит/.test(a.text ?? ""))).toHaveLength(99);
    await director.waitForText(/версия 2\)\. План ждёт утверждения/);
    const v2 = (await t.store.plans.get(stored._id))!;
    expect(v2).toMatchObject({ status: "acknowledged", version: 2 });
    expect(v2.history.filter((e) => e.kind === "acknowledged" && e.version === 2)).toHaveLength(1);
    expect(count(curator, /ознакомился\(ась\)/) - curatorBefore).toBe(1);
    expect(count(director, /ознакомился\(ась\)/) - directorBefore).toBe(1);

    // The mentee proposes an item done; the mentor confirms; progress shows.
    // The notice became the plan's screen when «Ознакомлен(а)» was pressed.
    const menteePlan = mentee.user.messages().find((m) => m.message_id === again.message_id)!;
    expect(menteePlan.text).toMatch(/Выполнено 0 из 10/);
    await mentee.user.press(menteePlan, "1");
    const item = await mentee.user.waitForText(/^Пункт 1:/);
    expect(item.text).toMatch(/Пункт 1: Ознакомление с рабочим местом/);
    const proposed = await mentee.user.press(item, /Выполнено — сообщить наставнику/);
    expect((await mentee.user.nextCallbackAnswer(proposed)).text).toMatch(/Наставник получил/);
    const ask = await mentor.user.waitForText(/Анна Новикова.* отмечает пункт плана выполненным: «Ознакомление с рабочим местом/);
    await mentor.user.press(ask, /Подтвердить выполнение/);
    const afterConfirm = await mentor.user.nextEdit();
    expect(afterConfirm.text).toMatch(/Выполнено 1 из 10/);
    expect(afterConfirm.text).toMatch(/1\. ✅ Ознакомление/);
    await mentee.user.waitForText(/подтвердил выполнение пункта «Ознакомление/);
    // Marking done is progress, not a change: still version 2, acknowledged.
    expect((await t.store.plans.get(stored._id))).toMatchObject({ status: "acknowledged", version: 2 });
  });

  it("refuses the plan's actions to those it is not theirs, with a message, changing nothing", { timeout: 60_000 }, async () => {
    const { programmeId, mentor, mentee, pair } = await world();
    const other = await readyParticipant(t, programmeId, { name: "Олег Белов", role: "mentor", category: "teacher", answers: { experience: 8, competencies: ["parents"] }, trained: true });
    const menu = await pairMenu(mentor.user, /Наставник ·/);
    await mentor.user.press(menu, /Индивидуальный план/);
    await mentor.user.press(await mentor.user.nextEdit(), /Из шаблона/);
    await mentor.user.press(await mentor.user.nextEdit(), /^⭐/);
    const plan = await mentor.user.nextEdit();
    const planId = (await t.store.plans.of(pair._id, mentee.membershipId))!._id;
    const before = await t.store.plans.get(planId);
    const itemId = before!.items[0]!.id;

    // The mentor may not acknowledge for the mentee; another mentor may not touch the plan.
    const own = await mentor.user.pressData(plan, pack({ type: "planAck", planId, version: 1 }));
    expect((await mentor.user.nextCallbackAnswer(own)).text).toMatch(/только наставляемый/);
    await other.user.sendText("/menu");
    const home = await other.user.waitForText(/Ваши роли|Наставник/);
    for (const data of [pack({ type: "planRemove", planId, itemId }), pack({ type: "planDone", planId, itemId }), pack({ type: "planSend", planId }), pack({ type: "planOpen", pairId: pair._id, membershipId: mentee.membershipId, page: 0 })]) {
      const id = await other.user.pressData(home, data);
      expect((await other.user.nextCallbackAnswer(id)).text).not.toBe("");
    }
    // The mentee may not add items.
    const menteeMenu = await pairMenu(mentee.user, /Наставляемый ·/);
    const add = await mentee.user.pressData(menteeMenu, pack({ type: "planAdd", pairId: pair._id, membershipId: mentee.membershipId }));
    expect((await mentee.user.nextCallbackAnswer(add)).text).toMatch(/только наставник/);
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.store.plans.get(planId)).toEqual(before);

    // The mentor changes an item's due day: out of the term is answered, a button is taken.
    await mentor.user.press(plan, "1");
    await mentor.user.press(await mentor.user.waitForText(/^Пункт 1:/), /Срок/);
    const askDue = await mentor.user.waitForText(/Срок выполнения/);
    await mentor.user.sendText("01.01.2030");
    await mentor.user.waitForText(/не может быть позже плановой даты окончания/);
    await mentor.user.press(askDue, /К концу наставничества/);
    const saved = await mentor.user.waitForText(/Пункт изменён/);
    expect(saved.text).toMatch(/Срок: до 31\.05\.2027/);
    expect((await t.store.plans.get(planId))!.items.find((i) => i.id === itemId)!.due).toEqual(new Date("2027-05-31T00:00:00Z"));
  });

  it("the curator opens the plan from the pair's card", { timeout: 60_000 }, async () => {
    const { curator, mentor, mentee, pair } = await world();
    await t.store.plans.ensure({ pairId: pair._id, programmeId: pair.programmeId, menteeId: mentee.membershipId }, NOW);
    expect(mentor).toBeDefined();
    await curator.sendText("/menu");
    await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
    await curator.press(await curator.waitForText(/Куратор ·/), /Пары и группы/);
    await curator.press(await curator.nextEdit(), /Все пары и группы/);
    await curator.press(await curator.nextEdit(), "1");
    const card = await curator.nextEdit();
    await curator.press(card, /📋 План/);
    const plan = await curator.nextEdit();
    expect(plan.text).toMatch(/Индивидуальный план: Анна Новикова \(наставник Ирина Орлова\)/);
    expect(curator.buttons(plan).flat()).not.toContain("➕ Пункт");
    expect(curator.buttons(plan).flat()).toContain("⬅️ Назад");
  });
});
