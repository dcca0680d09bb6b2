import ExcelJS from "exceljs";
import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { freePlaces, proposePair } from "../../src/services/pairs.js";
import { pendingJob } from "../../src/jobs/pending.js";
import { runJob } from "../../src/jobs/runner.js";
import { defaultTerm } from "../../src/domain/pairs.js";
import type { Pair } from "../../src/store/pairs.js";
import type { TestUser } from "../support/emulator/index.js";
import { useTestBot } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";

const t = useTestBot();

async function openPairs(curator: TestUser) {
  await curator.sendText("/menu");
  await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
  const panel = await curator.waitForText(/Куратор ·/);
  await curator.press(panel, /Пары и группы/);
  return curator.nextEdit();
}

// The whole way of a programme's pairs, in steps that share the people and what they made.

/** Two teacher mentors, two teacher mentees and two pupils (with parents), ready in the store. */
async function cast() {
  const { programmeId, curator } = await programmeWithCurator(t);
  const m1 = await readyParticipant(t, programmeId, { name: "Ирина Орлова", role: "mentor", category: "teacher", answers: { experience: 12, competencies: ["parents", "discipline"], capacity: 2 }, trained: false, limit: 2 });
  const m2 = await readyParticipant(t, programmeId, { name: "Павел Смирнов", role: "mentor", category: "teacher", answers: { experience: 9, competencies: ["adaptation", "communication"], capacity: 3 }, trained: true, limit: 3 });
  const t1 = await readyParticipant(t, programmeId, { name: "Анна Новикова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
  const t2 = await readyParticipant(t, programmeId, { name: "Олег Юрьев", role: "mentee", category: "teacher", answers: { experience: 2, requests: ["discipline"] } });
  const parent = t.emulator.createUser({ firstName: "Родитель", languageCode: "ru" });
  const s1 = await readyParticipant(t, programmeId, { name: "Петя Ветров", role: "mentee", category: "student", grade: 7, answers: { requests: ["adaptation"] }, parent });
  const s2 = await readyParticipant(t, programmeId, { name: "Вова Лесков", role: "mentee", category: "student", grade: 7, answers: { requests: ["communication"] }, parent: t.emulator.createUser({ firstName: "Мама", languageCode: "ru" }) });
  return { programmeId, curator, m1, m2, t1, t2, parent, s1, s2 };
}
type Cast = Awaited<ReturnType<typeof cast>>;
interface Made {
  annaPair: Pair;
  olegPair: Pair;
  group: Pair;
}

/** Stage 4: the curator marks Irina selected and trained, and keeps her limit at 2; a mark made by mistake is taken back. */
async function curatorMarksMentorTrained({ curator, m1 }: Cast) {
  const home = await openPairs(curator);
  expect(home.text).toMatch(/Наставники готовы: 2, из них отобраны и обучены: 1/);
  await curator.press(home, /Наставники: отбор/);
  const mentors = await curator.nextEdit();
  await curator.press(mentors, "1");
  const card = await curator.nextEdit();
  expect(card.text).toContain("Ирина Орлова");
  await curator.press(card, /Отобран и прошёл обучение/);
  const trainedCard = await curator.nextEdit();
  expect(trainedCard.text).toMatch(/отобран и обучен \d\d\.\d\d\.\d{4}/);
  expect((await t.store.memberships.get(m1.membershipId))?.mentorTrainedOn).toBeInstanceOf(Date);
  // A mark made by mistake can be taken back, and made again.
  await curator.press(trainedCard, /Снять отметку/);
  await curator.nextEdit();
  expect((await t.store.memberships.get(m1.membershipId))?.mentorTrainedOn).toBeNull();
  await curator.press(trainedCard, /Отобран и прошёл обучение/);
  await curator.nextEdit();
  expect((await t.store.memberships.get(m1.membershipId))?.mentorTrainedOn).toBeInstanceOf(Date);
}

/** Stage 5: the preference round; Anna names Irina, and the curator sees who answered. */
async function menteeNamesMentorInRound({ curator, t1 }: Cast) {
  let home = await openPairs(curator);
  await curator.press(home, /Тур предпочтений/);
  const round = await curator.nextEdit();
  await curator.press(round, /На 7 дн/);
  const ask = await t1.user.waitForText(/выберите до трёх наставников/);
  await t1.user.press(ask, /Выбрать/);
  const cards = await t1.user.waitForText(/Нажимайте номера по порядку/);
  const irina = /(\d+)\. Ирина Орлова/.exec(cards.text ?? "")![1]!;
  await t1.user.press(cards, irina);
  await t1.user.nextEdit();
  await t1.user.press(cards, /Готово/);
  await t1.user.waitForText(/Ваш выбор сохранён: 1\) Ирина Орлова/);
  home = await openPairs(curator);
  await curator.press(home, /Тур предпочтений/);
  expect((await curator.nextEdit()).text).toMatch(/Ответили 1 из 6:[\s\S]*✅ Анна Новикова/);
}

/** Proposals: accept Anna's (with the reason shown), give Oleg another mentor, skip the pupils. */
async function curatorWalksProposals({ curator }: Cast) {
  const home = await openPairs(curator);
  await curator.press(home, /Подбор пар/);
  let screen = await curator.nextEdit();
  for (let guard = 0; guard < 10 && /Предложение \d+ из \d+/.test(screen.text ?? ""); guard++) {
    if (screen.text!.includes("Наставляемый: Анна Новикова")) {
      expect(screen.text).toContain("Наставник: Ирина Орлова");
      expect(screen.text).toMatch(/Почему: .*совпадение: .*Работа с родителями/);
      await curator.press(screen, /Принять/);
    } else if (screen.text!.includes("Наставляемый: Олег Юрьев")) {
      await curator.press(screen, /Другой наставник/);
      const options = await curator.nextEdit();
      await curator.press(options, /Павел Смирнов/);
    } else {
      await curator.press(screen, /Пропустить/);
    }
    screen = await curator.nextEdit();
  }
  expect(screen.text).toMatch(/Предложений больше нет/);
}

/** A group by hand: Pavel with the two pupils (teacher – student); a bad date is re-asked. */
async function curatorMakesGroupByHand({ curator }: Cast) {
  const home = await openPairs(curator);
  await curator.press(home, /вручную/);
  await curator.press(await curator.waitForText(/Выберите наставника/), /Павел Смирнов/);
  const menteesMsg = await curator.waitForText(/Отметьте наставляемых/);
  await curator.press(menteesMsg, /Петя Ветров/);
  await curator.nextEdit();
  await curator.press(menteesMsg, /Вова Лесков/);
  await curator.nextEdit();
  await curator.press(menteesMsg, /Готово/);
  await curator.press(await curator.waitForText(/Форма наставничества/), /учитель – ученик/);
  const start = await curator.waitForText(/Дата начала/);
  await curator.sendText("31.02.2027");
  await curator.waitForText(/дату|Дата/);
  await curator.press(start, /\d\d\.\d\d\.\d{4}/);
  await curator.press(await curator.waitForText(/Плановая дата окончания/), /\d\d\.\d\d\.\d{4}/);
  await curator.press(await curator.waitForText(/Создать и отправить/), /Создать/);
  await curator.waitForText(/участники получили предложение/);
}

/** Three pairs wait for agreement: Anna & Irina, Oleg & Pavel, and the group. */
async function pairsAwaitAgreement({ programmeId, m1, m2, t1, t2 }: Cast): Promise<Made> {
  const pairs = await t.store.pairs.ofProgramme(programmeId);
  expect(pairs).toHaveLength(3);
  const annaPair = pairs.find((p) => p.menteeIds.includes(t1.membershipId))!;
  const olegPair = pairs.find((p) => p.menteeIds.includes(t2.membershipId))!;
  const group = pairs.find((p) => p.menteeIds.length === 2)!;
  expect(annaPair.mentorId).toBe(m1.membershipId);
  expect(olegPair.mentorId).toBe(m2.membershipId);
  expect(group).toMatchObject({ mentorId: m2.membershipId, form: "teacher-student", status: "awaiting" });
  return { annaPair, olegPair, group };
}

/** A mentee cannot approve someone else's pair, and a forged curator's answer is refused; both sides agree and the pair starts. */
async function bothSidesAgree({ curator, m1, t1 }: Cast, { annaPair, olegPair }: Made) {
  const annaAsk = await t1.user.waitForText(/Предлагаем наставническую пару/);
  expect(annaAsk.text).toMatch(/Почему: совпадение: Работа с родителями; выбор наставляемого \(№1\)/);
  let id = await t1.user.pressData(annaAsk, `ag:${olegPair._id}:y`);
  expect((await t1.user.nextCallbackAnswer(id)).text).toMatch(/недоступно/);
  id = await t1.user.pressData(annaAsk, `pxa:${(await t.client.db(t.dbName).collection("proposal_batches").findOne({}))!._id}:0`);
  expect((await t1.user.nextCallbackAnswer(id)).text).toMatch(/только куратору/);

  await t1.user.press(annaAsk, /Согласен/);
  const irinaAsk = await m1.user.waitForText(/Предлагаем наставническую пару/);
  expect(irinaAsk.text).toContain("Анна Новикова");
  await m1.user.press(irinaAsk, /Согласен/);
  await curator.waitForText(/Пара с наставником Ирина Орлова .* начала работу/);
  expect((await t.store.pairs.get(annaPair._id))?.status).toBe("active");
}

/** Oleg & Pavel agree too; Pavel's ask for the group is left for later (returned). */
async function secondPairAgrees({ curator, m2, t2 }: Cast): Promise<Message> {
  await t2.user.press(await t2.user.waitForText(/Предлагаем наставническую пару/), /Согласен/);
  const pavelAsks = () => m2.user.waitForText(/Предлагаем наставническую пару/);
  const pAsk1 = await pavelAsks();
  const pAsk2 = await pavelAsks();
  const olegAsk = [pAsk1, pAsk2].find((m) => m.text!.includes("Олег Юрьев"))!;
  const groupAsk = [pAsk1, pAsk2].find((m) => m.text!.includes("Петя Ветров"))!;
  await m2.user.press(olegAsk, /Согласен/);
  await curator.waitForText(/Пара с наставником Павел Смирнов .* начала работу/);
  return groupAsk;
}

/** The group: the parent of Petya is asked too; Vova declines and both pupils return to the pool. */
async function groupDeclinedReturnsPupils({ curator, m2, parent, s1, s2 }: Cast, { group }: Made, groupAsk: Message) {
  const parentAsk = await parent.waitForText(/Для вашего ребёнка предлагают наставническую пару/);
  await parent.press(parentAsk, /Согласен/);
  await m2.user.press(groupAsk, /Согласен/);
  await s2.user.press(await s2.user.waitForText(/Предлагаем наставническую пару/), /Не согласен/);
  // A decline says why: «другое» asks for a short text, which only the curators read.
  await s2.user.press(await s2.user.waitForText(/Почему вы не согласны/), /^другое$/);
  await s2.user.waitForText(/Коротко напишите причину/);
  await s2.user.sendText("x".repeat(301));
  await s2.user.waitForText(/не больше 300 символов/);
  expect((await t.store.pairs.get(group._id))?.status).toBe("awaiting");
  await s2.user.sendText("Занимаюсь в секции по вторникам и четвергам");
  await s2.user.waitForText(/Куратор подберёт другой вариант/);
  const told = await curator.waitForText(/Отказ от пары \(наставляемый\)/);
  expect(told.text).toContain("Причина: другое. Пояснение: «Занимаюсь в секции по вторникам и четвергам»");
  expect((await t.store.pairEvents.history(group._id)).find((e) => e.kind === "declined")).toMatchObject({ reason: "other", details: { text: "Занимаюсь в секции по вторникам и четвергам" } });
  expect((await t.store.pairs.get(group._id))?.status).toBe("declined");
  for (const s of [s1, s2]) expect((await t.store.memberships.get(s.membershipId))?.pairId).toBeNull();
  expect(await freePlaces(t.deps, (await t.store.memberships.get(m2.membershipId))!)).toBe(2);
  const notice = await s1.user.waitForText(/не состоялась/);
  // The other side hears neither the reason nor the words.
  expect(notice.text).not.toMatch(/секци|Причина/);
  expect(parent.messages().some((m) => /секци/.test(m.text ?? ""))).toBe(false);
}

/** The order: the two active pairs in an XLSX appendix, and the pairs remember its number. */
async function orderListsActivePairs({ curator }: Cast, { annaPair }: Made) {
  const home = await openPairs(curator);
  await curator.press(home, /Приказ/);
  await curator.waitForText(/В приказ войдут действующие пары без приказа: 2/);
  await curator.sendText("15-од");
  await curator.press(await curator.waitForText(/Дата приказа/), /\d\d\.\d\d\.\d{4}/);
  const doc = await curator.nextDocument();
  expect(doc.caption).toMatch(/приказу № 15-од .* пар и групп — 2/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(doc.data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(String(ws.getRow(1).getCell(1).value)).toContain("к приказу № 15-од");
  expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(["№", "Форма", "Ролевая модель", "Наставник", "Наставляемые", "Начало", "Окончание"]);
  const listed = [5, 6].map((r) => ({ mentor: String(ws.getRow(r).getCell(4).value), mentees: String(ws.getRow(r).getCell(5).value) }));
  expect(listed).toEqual(
    expect.arrayContaining([
      { mentor: expect.stringContaining("Ирина Орлова"), mentees: expect.stringContaining("Анна Новикова") },
      { mentor: expect.stringContaining("Павел Смирнов"), mentees: expect.stringContaining("Олег Юрьев") },
    ]),
  );
  expect(ws.getRow(5).getCell(6).value).toBeInstanceOf(Date);
  expect(ws.rowCount).toBe(6);
  expect((await t.store.pairs.get(annaPair._id))?.orderNumber).toBe("15-од");
}

/** The role model of Anna's pair, named by the curator on its card; returns the list of pairs. */
async function curatorNamesRoleModel({ curator }: Cast, { annaPair }: Made): Promise<Message> {
  const home = await openPairs(curator);
  await curator.press(home, /Все пары и группы/);
  const list = await curator.nextEdit();
  const annaN = /(\d+)\. Ирина Орлова .*→ Анна Новикова/.exec(list.text ?? "")![1]!;
  await curator.press(list, annaN);
  const annaCard = await curator.nextEdit();
  await curator.press(annaCard, /Ролевая модель/);
  await curator.press(await curator.nextEdit(), "опытный педагог – молодой специалист");
  expect((await curator.nextEdit()).text).toContain("ролевая модель: опытный педагог – молодой специалист");
  expect((await t.store.pairs.get(annaPair._id))?.roleModel).toBe("experienced-young");
  await curator.press(annaCard, /Назад/);
  await curator.nextEdit();
  return list;
}

/**
 * The curator proposes Irina for Oleg's pair: until Irina and Oleg agree, Pavel stays and the pair
 * works; Irina's place is held meanwhile; once both agree, the places move and everyone is told.
 */
async function curatorReplacesMentor({ curator, m1, m2, t2 }: Cast, { olegPair }: Made, list: Message): Promise<{ pairScreen: Message; olegN: string }> {
  const olegN = /(\d+)\. Павел Смирнов .*→ Олег Юрьев/.exec(list.text ?? "")![1]!;
  await curator.press(list, olegN);
  const pairScreen = await curator.nextEdit();
  await curator.press(pairScreen, /Заменить наставника/);
  await curator.press(await curator.waitForText(/Причина замены/), /просьба наставляемого/);
  await curator.press(await curator.waitForText(/Новый наставник/), /Ирина Орлова/);
  await curator.waitForText(/Наставник сменится, когда согласятся все/);
  const pavelPlaces = await freePlaces(t.deps, (await t.store.memberships.get(m2.membershipId))!);
  expect((await t.store.pairs.get(olegPair._id))).toMatchObject({ status: "active", mentorId: m2.membershipId });
  expect(await freePlaces(t.deps, (await t.store.memberships.get(m1.membershipId))!)).toBe(0);

  const irinaAsk = await m1.user.waitForText(/предлагает вам стать наставником/);
  expect(irinaAsk.text).toContain("Олег Юрьев");
  await m1.user.press(irinaAsk, /Согласен/);
  // Irina agreed, Oleg has not: Pavel is still the mentor.
  expect((await t.store.pairs.get(olegPair._id))?.mentorId).toBe(m2.membershipId);
  const olegAsk = await t2.user.waitForText(/предлагает вам нового наставника: Ирина Орлова/);
  await t2.user.press(olegAsk, /Согласен/);
  await curator.waitForText(/Наставник сменился: все согласились/);
  expect((await t.store.pairs.get(olegPair._id))).toMatchObject({ status: "active", mentorId: m1.membershipId, replacement: null });
  expect(await freePlaces(t.deps, (await t.store.memberships.get(m1.membershipId))!)).toBe(0);
  expect(await freePlaces(t.deps, (await t.store.memberships.get(m2.membershipId))!)).toBe(pavelPlaces + 1);
  await t2.user.waitForText(/новый наставник: все согласились/);
  await m2.user.waitForText(/передал одну из ваших пар другому наставнику/);
  return { pairScreen, olegN };
}

/** An extension (a past date re-asked); the history keeps the replacement and the extension, and the card says them in words. */
async function curatorExtendsTerm({ curator, m1, m2 }: Cast, { olegPair }: Made, { pairScreen, olegN }: { pairScreen: Message; olegN: string }) {
  await curator.press(pairScreen, /Продлить срок/);
  await curator.press(await curator.waitForText(/Причина продления/), /командировка/);
  await curator.waitForText(/Новая дата окончания\?/);
  await curator.sendText("01.01.2020");
  await curator.waitForText(/должна быть позже текущей/);
  await curator.sendText("30.06.2028");
  await curator.waitForText(/Срок продлён до 30\.06\.2028/);
  expect((await t.store.pairs.get(olegPair._id))?.plannedEnd).toEqual(new Date("2028-06-30T00:00:00Z"));
  const events = await t.store.pairEvents.history(olegPair._id);
  expect(events.map((e) => e.kind)).toEqual(["proposed", "agreed", "agreed", "activated", "order", "replacement-proposed", "replacement-agreed", "replacement-agreed", "mentor-replaced", "extended"]);
  expect(events.find((e) => e.kind === "mentor-replaced")).toMatchObject({ by: curator.id, reason: "mentee-request", details: { from: m2.membershipId, to: m1.membershipId } });
  expect(events.find((e) => e.kind === "extended")).toMatchObject({ reason: "business-trip", details: { to: "2028-06-30" } });
  // The card shows the history in words.
  await curator.press(pairScreen, /Назад/);
  await curator.press(await curator.nextEdit(), olegN);
  const history = await curator.nextEdit();
  expect(history.text).toMatch(/наставник заменён — просьба наставляемого/);
}

describe("pairs and groups", () => {
  it("round → proposals (accept, swap) → a group by hand → agreement, a decline → the order → replacement and extension", { timeout: 60_000 }, async () => {
    const c = await cast();
    await curatorMarksMentorTrained(c);
    await menteeNamesMentorInRound(c);
    await curatorWalksProposals(c);
    await curatorMakesGroupByHand(c);
    const made = await pairsAwaitAgreement(c);
    await bothSidesAgree(c, made);
    const groupAsk = await secondPairAgrees(c);
    await groupDeclinedReturnsPupils(c, made, groupAsk);
    await orderListsActivePairs(c, made);
    const list = await curatorNamesRoleModel(c, made);
    const replaced = await curatorReplacesMentor(c, made, list);
    await curatorExtendsTerm(c, made, replaced);
  });

  it("two concurrent approvals cannot push a mentor over the limit", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = await readyParticipant(t, programmeId, { name: "Мария Лебедева", role: "mentor", category: "teacher", answers: { experience: 20, competencies: ["parents"] }, trained: true, limit: 1 });
    const a = await readyParticipant(t, programmeId, { name: "Юлия Котова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
    const b = await readyParticipant(t, programmeId, { name: "Игорь Белов", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
    const start = new Date(Date.UTC(2026, 10, 23));
    const input = (menteeId: string) => ({ programmeId, mentorId: mentor.membershipId, menteeIds: [menteeId], form: "teacher-teacher" as const, roleModel: null, startDate: start, plannedEnd: defaultTerm(start), why: { kind: "curator" as const } });
    const results = await Promise.all([proposePair(t.app.deps, { userId: curator.id }, input(a.membershipId)), proposePair(t.app.deps, { userId: curator.id }, input(b.membershipId))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, kind: "rule", reason: "propose-failed-mentor-full" }]);
    expect(await freePlaces(t.deps, (await t.store.memberships.get(mentor.membershipId))!)).toBe(0);
    expect(await t.store.pairs.ofProgramme(programmeId)).toHaveLength(1);
    // The one left out is still in the pool.
    const left = results[0]!.ok ? b : a;
    expect((await t.store.memberships.get(left.membershipId))?.pairId).toBeNull();
  });

  it("reminds once those who have not answered, shows them to the curator, and takes a request for a replacement", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = await readyParticipant(t, programmeId, { name: "Нина Лисина", role: "mentor", category: "teacher", answers: { experience: 15, competencies: ["parents"] }, trained: true });
    const mentee = await readyParticipant(t, programmeId, { name: "Дарья Осина", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
    const start = new Date(Date.UTC(2026, 10, 23));
    const result = await proposePair(t.app.deps, { userId: curator.id }, { programmeId, mentorId: mentor.membershipId, menteeIds: [mentee.membershipId], form: "teacher-teacher", roleModel: "experienced-young", startDate: start, plannedEnd: defaultTerm(start), why: { kind: "curator" as const } });
    expect(result.ok).toBe(true);
    const pair = result.ok ? result.value : null;
    const agreed = await mentor.user.press(await mentor.user.waitForText(/Предлагаем наставническую пару/), /Согласен/);
    expect((await mentor.user.nextCallbackAnswer(agreed)).text).toMatch(/Ждём ответа остальных/);
    await mentee.user.waitForText(/Предлагаем наставническую пару/);

    // Not yet due, then due once: only the mentee, who has not answered, is asked again.
    const proposedAt = (await t.store.pairs.get(pair!._id))!.proposedAt.getTime();
    const remind = (at: number) => runJob(t.app.deps, pendingJob, new Date(at), { sender: t.app.sender });
    expect(await remind(proposedAt + 2 * 86_400_000)).toBe(0);
    expect(await remind(proposedAt + 3 * 86_400_000)).toBe(1);
    expect(await remind(proposedAt + 9 * 86_400_000)).toBe(0);
    const again = await mentee.user.waitForText(/Предлагаем наставническую пару/);
    expect(mentor.user.messages().filter((m) => /Предлагаем наставническую пару/.test(m.text ?? ""))).toHaveLength(1);

    // The curator sees who has not answered.
    const home = await openPairs(curator);
    await curator.press(home, /Все пары и группы/);
    await curator.press(await curator.nextEdit(), "1");
    const card = await curator.nextEdit();
    expect(card.text).toMatch(/Ещё не ответили: наставляемый/);
    expect(card.text).toMatch(/ролевая модель: опытный педагог – молодой специалист/);
    // The dates of a proposed pair: the start as suggested, the end typed (a bad one re-asked).
    await curator.press(card, /Сроки/);
    await curator.press(await curator.waitForText(/Дата начала/), "23.11.2026");
    await curator.waitForText(/Плановая дата окончания/);
    await curator.sendText("01.09.2026");
    await curator.waitForText(/окончания должна быть позже даты начала/);
    await curator.sendText("15.05.2027");
    await curator.waitForText(/Сроки пары: 23\.11\.2026 — 15\.05\.2027/);
    expect((await t.store.pairs.get(pair!._id))?.plannedEnd).toEqual(new Date("2027-05-15T00:00:00Z"));

    // Once active, the mentee asks for a replacement from their menu; the curator is told.
    await mentee.user.press(again, /Согласен/);
    await curator.waitForText(/начала работу/);
    await mentee.user.sendText("/menu");
    await mentee.user.press(await mentee.user.waitForText(/Ваши роли/), /Наставляемый ·/);
    const panel = await mentee.user.waitForText(/Ваша пара: Нина Лисина/);
    await mentee.user.press(panel, /Открыть пару/);
    const pairMenu = await mentee.user.waitForText(/Пара: наставник Нина Лисина/);
    const id = await mentee.user.press(pairMenu, /Попросить куратора о замене/);
    expect((await mentee.user.nextCallbackAnswer(id)).text).toMatch(/отправлена куратору/);
    await curator.waitForText(/Просьба о замене в паре от: Дарья Осина/);
    expect((await t.store.pairEvents.history(pair!._id)).map((e) => e.kind)).toContain("replacement-requested");
  });

  it("limits by button, a paper parent's agreement by the curator, an early end, and a withdrawal inside a pair", { timeout: 60_000 }, async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = await readyParticipant(t, programmeId, { name: "Олег Гусев", role: "mentor", category: "teacher", answers: { experience: 20, competencies: ["adaptation", "parents"] }, trained: true });
    const pupil = await readyParticipant(t, programmeId, { name: "Ира Соколова", role: "mentee", category: "student", grade: 6, answers: { requests: ["adaptation"] } });
    // Her parent signed on paper: mark the standing consent as a paper one.
    const paperMid = pupil.membershipId;
    await t.store.consents.forget(pupil.user.id, programmeId);
    await t.store.consents.add({ userId: pupil.user.id, programmeId, membershipId: paperMid, relation: "parent", decision: "accepted", method: "paper", givenBy: null, textVersion: 1, at: new Date(), recordedBy: curator.id, signedBy: "Соколова Н. П.", signedOn: new Date("2026-11-01T00:00:00Z") });
    const teacher = await readyParticipant(t, programmeId, { name: "Света Орлова", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });

    // Limits by button: 1, then a pair, then lowering below the load is refused.
    let home = await openPairs(curator);
    await curator.press(home, /Наставники: отбор/);
    await curator.press(await curator.nextEdit(), "1");
    const card = await curator.nextEdit();
    let id = await curator.press(card, "Лимит 2");
    expect((await curator.nextCallbackAnswer(id)).text).toBe("Лимит сохранён.");
    expect((await curator.nextEdit()).text).toMatch(/одновременно: 2 .*свободно: 2/);
    expect((await t.store.memberships.get(mentor.membershipId))?.mentorLimit).toBe(2);

    const start = new Date(Date.UTC(2026, 10, 23));
    const make = (menteeId: string, form: "teacher-student" | "teacher-teacher") =>
      proposePair(t.app.deps, { userId: curator.id }, { programmeId, mentorId: mentor.membershipId, menteeIds: [menteeId], form, roleModel: null, startDate: start, plannedEnd: defaultTerm(start), why: { kind: "curator" as const } });
    const withPupil = await make(paperMid, "teacher-student");
    const withTeacher = await make(teacher.membershipId, "teacher-teacher");
    expect(withPupil.ok && withTeacher.ok).toBe(true);
    id = await curator.press(card, "Лимит 1");
    expect((await curator.nextCallbackAnswer(id)).text).toMatch(/уже больше наставляемых/);
    expect((await t.store.memberships.get(mentor.membershipId))?.mentorLimit).toBe(2);

    // The pupil's pair needs the mentor, the pupil, and her paper parent (recorded by the curator).
    const pairId = withPupil.ok ? withPupil.value._id : "";
    for (const ask of [await mentor.user.waitForText(/Ира Соколова/), await pupil.user.waitForText(/Предлагаем наставническую пару/)]) {
      const who = ask.chat.id === mentor.user.id ? mentor.user : pupil.user;
      const press = await who.press(ask, /Согласен/);
      await who.nextCallbackAnswer(press);
    }
    expect((await t.store.pairs.get(pairId))?.status).toBe("awaiting");
    home = await openPairs(curator);
    await curator.press(home, /Все пары и группы/);
    const list = await curator.nextEdit();
    const n = /(\d+)\. Олег Гусев .*→ Ира Соколова/.exec(list.text ?? "")![1]!;
    await curator.press(list, n);
    const pairCard = await curator.nextEdit();
    expect(pairCard.text).toMatch(/Ещё не ответили: родитель \(согласие на бумаге\)/);
    id = await curator.press(pairCard, /Родитель согласен \(на бумаге\): Ира Соколова/);
    expect((await curator.nextCallbackAnswer(id)).text).toMatch(/начала работу/);
    expect((await t.store.pairs.get(pairId))?.status).toBe("active");

    // An early end with a reason: the places are freed, the history keeps it.
    const active = await curator.nextEdit();
    await curator.press(active, /Завершить досрочно/);
    await curator.press(await curator.waitForText(/Причина досрочного завершения/), /.+/);
    await curator.press(await curator.waitForText(/Завершить наставничество досрочно\?/), /Завершить/);
    await curator.waitForText(/завершено досрочно/);
    expect((await t.store.pairs.get(pairId))?.status).toBe("ended");
    expect((await t.store.memberships.get(paperMid))?.pairId).toBeNull();
    expect((await t.store.pairEvents.history(pairId)).map((e) => e.kind)).toContain("ended-early");

    // A teacher who withdraws consent leaves her pair: it is closed and the mentor's place freed.
    await teacher.user.sendText("/privacy");
    const screen = await teacher.user.waitForText(/Что бот хранит о вас/);
    await teacher.user.press(screen, /Отозвать согласие/);
    await teacher.user.press(await teacher.user.nextEdit(), /Да, отозвать/);
    await teacher.user.waitForText(/Согласие отозвано/);
    const teacherPair = withTeacher.ok ? withTeacher.value._id : "";
    expect((await t.store.pairs.get(teacherPair))?.status).toBe("declined");
    expect(await freePlaces(t.deps, (await t.store.memberships.get(mentor.membershipId))!)).toBe(2);
    expect((await t.store.pairEvents.history(teacherPair)).every((e) => e.by !== teacher.user.id)).toBe(true);
  });
});
