import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { defaultTerm } from "../../src/domain/pairs.js";
import { MESSAGE_MAX_CHARS } from "../../src/bot/limits.js";
import { proposePair } from "../../src/services/pairs.js";
import type { TestUser } from "../support/emulator/index.js";
import { useTestBot } from "../support/harness.js";
import { label, programmeWithCurator, readyParticipant } from "../support/programme.js";

// A real school's size (issue 8): 150 mentees, 60 mentors, 120 topics. Every pairs and matching
// screen of the curator opens and walks its pages with a count, within Telegram's limits (the
// emulator refuses a text over 4096 characters and a keyboard over 100 buttons or 8 in a row);
// the picker by hand keeps its choice in the store, so 500 toggles keep the conversation small
// and each press as fast as the first; a replacement request stays one until it is answered.

const t = useTestBot();

const MENTORS = 60;
const MENTEES = 150;
const TOPICS = 120;
/** Topics no mentor has: the mentees who ask only for them are left without a pair. */
const ORPHAN_TOPICS = 20;
const LONG = "Константинопольская-Преображенская Александра-Вячеславовна";

const next = () => label(t, "common-next");
const apology = /что-то пошло не так/;

async function inChunks<T>(count: number, make: (i: number) => Promise<T>, size = 15): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, k) => make(i + k)))));
  return out;
}

/** A programme at size, seeded straight in the store. */
async function school(options: { mentors?: number; mentees?: number } = {}) {
  const { programmeId, curator } = await programmeWithCurator(t);
  // The curator's own topics, in one write (the topics' screens add them one by one elsewhere).
  const ids = Array.from({ length: TOPICS }, (_, i) => `t${i}`);
  const labels = Object.fromEntries(ids.map((id, i) => [id, `Тема номер ${i}: очень длинное название очень длинной темы`.slice(0, 60)]));
  await t.client.db(t.dbName).collection("programmes").updateOne({ _id: programmeId as never }, { $set: { topicIds: ids, topicLabels: labels } });
  const shared = TOPICS - ORPHAN_TOPICS;
  const mentors = await inChunks(options.mentors ?? MENTORS, (i) =>
    readyParticipant(t, programmeId, {
      name: `${LONG} Наставник ${i + 1}`,
      role: "mentor",
      category: "teacher",
      answers: { experience: 10 + (i % 20), competencies: Array.from({ length: 5 }, (_, k) => `t${(i * 5 + k) % shared}`), capacity: 3 },
      trained: true,
      limit: 3,
    }),
  );
  const mentees = await inChunks(options.mentees ?? MENTEES, (i) => {
    // Every third mentee asks only for topics no mentor has.
    const requests = i % 3 === 0 ? [`t${shared + (i % ORPHAN_TOPICS)}`] : [`t${(i * 7) % shared}`, `t${(i * 11) % shared}`];
    return i % 5 === 0
      ? readyParticipant(t, programmeId, { name: `${LONG} Ученик ${i + 1}`, role: "mentee", category: "student", grade: 7, answers: { requests }, parent: t.emulator.createUser({ firstName: "Родитель", languageCode: "ru" }) })
      : readyParticipant(t, programmeId, { name: `${LONG} Учитель ${i + 1}`, role: "mentee", category: "teacher", answers: { experience: 1, requests } });
  });
  return { programmeId, curator, mentors, mentees };
}

async function openPairs(curator: TestUser): Promise<Message> {
  await curator.sendText("/menu");
  await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
  await curator.press(await curator.waitForText(/Куратор ·/), /Пары и группы/);
  return curator.nextEdit();
}

/** Presses «Дальше» until the last page; every page within the limit and with its count. */
async function walk(user: TestUser, first: Message, count: RegExp): Promise<Message[]> {
  const pages = [first];
  let screen = first;
  for (let guard = 0; guard < 50 && user.buttons(screen).flat().includes(next()); guard++) {
    await user.press(screen, next());
    screen = await user.nextEdit();
    pages.push(screen);
  }
  for (const page of pages) {
    expect(page.text!.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
    expect(page.text).toMatch(count);
  }
  expect(user.messages().some((m) => apology.test(m.text ?? ""))).toBe(false);
  return pages;
}

/** Waits until the bot has answered every press (or a minute has passed: a busy machine is slow). */
async function settle(user: TestUser, expected: number): Promise<void> {
  const until = Date.now() + 60_000;
  while (user.callbackAnswers().length < expected && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

/** The presses of a flood are answered one after another: allow a busy machine its time. */
const slow = { timeoutMs: 30_000 };

describe("pairs at a real school's size", () => {
  it("opens every pairs and matching screen and walks its pages, with counts and within the limits", { timeout: 600_000 }, async () => {
    const { programmeId, curator, mentors, mentees } = await school();
    const actor = { userId: curator.id };
    // 30 pairs proposed by hand, so that the list has pages; one of them with a long history.
    const start = new Date(Date.UTC(t.deps.clock().getUTCFullYear(), t.deps.clock().getUTCMonth(), t.deps.clock().getUTCDate()));
    const teachers = mentees.filter((_, i) => i % 5 !== 0);
    const pairs = await inChunks(30, async (i) => {
      const made = await proposePair(t.deps, actor, { programmeId, mentorId: mentors[i]!.membershipId, menteeIds: [teachers[i]!.membershipId], form: "teacher-teacher", roleModel: null, startDate: start, plannedEnd: defaultTerm(start), why: { kind: "curator" } });
      if (!made.ok) throw new Error(made.reason);
      return made.value;
    });
    expect(pairs).toHaveLength(30);
    // The pair listed first (pairs made at once tie on their time, so the store's order decides).
    const long = (await t.store.pairs.ofProgramme(programmeId))[0]!;
    await inChunks(205, () => t.store.pairEvents.add({ pairId: long._id, programmeId, kind: "agreed", at: t.deps.clock(), by: null, details: { parties: "mentor" } }), 25);

    // The home screen.
    const home = await openPairs(curator);
    expect(home.text).toMatch(/Наставники готовы: 60/);

    // The mentors: 20 a page, numbered across pages.
    await curator.press(home, /Наставники: отбор/);
    const mentorPages = await walk(curator, await curator.nextEdit(), /\d+–\d+ из 60/);
    expect(mentorPages).toHaveLength(3);
    expect(mentorPages[2]!.text).toMatch(/41–60 из 60/);
    expect(mentorPages[2]!.text).toMatch(/60\. Константинопольская/);
    const forty = /^41\. .*(Наставник \d+) /m.exec(mentorPages[2]!.text!)![1]!;
    await curator.press(mentorPages[2]!, "41");
    expect((await curator.nextEdit()).text).toContain(`${forty} (`);

    // The engine's proposals, and past the last one the unmatched, a page at a time.
    await curator.press(await openPairs(curator), /Подбор пар/);
    const first = await curator.nextEdit();
    expect(first.text!.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
    const batch = (await t.client.db(t.dbName).collection("proposal_batches").findOne({}))!;
    const unmatched = (batch["unmatched"] as unknown[]).length;
    expect(unmatched).toBeGreaterThan(20);
    await curator.pressData(first, `pxv:${String(batch._id)}:${(batch["items"] as unknown[]).length}`);
    const unmatchedPages = await walk(curator, await curator.nextEdit(), new RegExp(`\\d+–\\d+ из ${unmatched}`));
    expect(unmatchedPages).toHaveLength(Math.ceil(unmatched / 10));
    expect(unmatchedPages.at(-1)!.text).toMatch(new RegExp(`${unmatched}\\. `));

    // The pairs list: 10 a page.
    await curator.press(await openPairs(curator), /Все пары и группы/);
    const listPages = await walk(curator, await curator.nextEdit(), /\d+–\d+ из 30/);
    expect(listPages).toHaveLength(3);

    // A pair's card with a long history: the last five events, and the whole history behind a button.
    await curator.press(await openPairs(curator), /Все пары и группы/);
    const firstPage = await curator.nextEdit();
    const index = (await t.store.pairs.ofProgramme(programmeId)).findIndex((p) => p._id === long._id);
    expect(index).toBeLessThan(10);
    await curator.press(firstPage, String(index + 1));
    const card = await curator.nextEdit();
    expect(card.text).toMatch(/последние 5 из 206/);
    expect(card.text!.split("\n").filter((l) => /^\d\d\.\d\d\.\d{4} — /.test(l))).toHaveLength(5);
    await curator.press(card, /Вся история \(206 событий\)/);
    const historyPages = await walk(curator, await curator.nextEdit(), /\d+–\d+ из 206/);
    expect(historyPages).toHaveLength(11);
    expect(historyPages[10]!.text).toMatch(/201–206 из 206/);

    // The picker by hand: the mentors with free places and the mentees in the pool, page by page.
    await curator.press(await openPairs(curator), /вручную/);
    const pickMentors = await walk(curator, await curator.waitForText(/Выберите наставника/), /\d+–\d+ из 60/);
    expect(pickMentors).toHaveLength(6);
    await curator.press(pickMentors[5]!, /Наставник 60 \(.* — свободно 3/);
    const pickMentees = await walk(curator, await curator.waitForText(/Отметьте наставляемых/), /\d+–\d+ из 120/);
    expect(pickMentees).toHaveLength(12);
    // A mentee on the last page is marked there, and the page stays.
    const lastPage = pickMentees[11]!;
    const someone = curator.buttons(lastPage).flat().find((b) => b.startsWith("⬜"))!;
    await curator.press(lastPage, someone);
    const marked = await curator.nextEdit();
    expect(marked.text).toMatch(/Отмечено: 1 из 3/);
    expect(marked.text).toMatch(/111–120 из 120/);
    expect(curator.messages().some((m) => apology.test(m.text ?? ""))).toBe(false);
  });

  it("keeps the picker's choice in the store: 500 toggles, the conversation state bounded and each press as fast", { timeout: 600_000 }, async () => {
    const { curator } = await school({ mentors: 3, mentees: 30 });
    await curator.press(await openPairs(curator), /вручную/);
    await curator.press(await curator.waitForText(/Выберите наставника/), /Наставник 1 \(/);
    const picker = await curator.waitForText(/Отметьте наставляемых/);
    const conversations = t.client.db(t.dbName).collection("conversations");
    const stateSize = async () => (await conversations.find({}).toArray()).reduce((n, d) => n + JSON.stringify(d).length, 0);
    const press = async (i: number) => {
      const began = performance.now();
      await curator.press(picker, /Учитель 2 \(/);
      const shown = await curator.nextEdit(slow);
      expect(shown.text).toMatch(i % 2 === 0 ? /Отмечено: 1 из 3/ : /Отмечено: 0 из 3/);
      return performance.now() - began;
    };
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      times.push(await press(i));
      if (i === 49) expect(await stateSize()).toBeLessThan(8 * 1024);
    }
    expect(await stateSize()).toBeLessThan(8 * 1024);
    // Flat: the last presses take about as long as the first ones. The machine is shared, so the
    // median is compared, with room for noise, and a busy spell is measured once more.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const bound = median(times.slice(0, 50)) * 3 + 50;
    let last = median(times.slice(-50));
    if (last >= bound) {
      const again: number[] = [];
      for (let i = 500; i < 550; i++) again.push(await press(i));
      last = Math.min(last, median(again));
    }
    expect(last).toBeLessThan(bound);
    // The choice goes on to the conversation: one mentee marked, «Готово», the form is asked.
    if (!/Отмечено: 1 из 3/.test(curator.messages().find((m) => m.message_id === picker.message_id)!.text ?? "")) {
      await curator.press(picker, /Учитель 2 \(/);
      await curator.nextEdit(slow);
    }
    await curator.press(picker, /Готово/);
    await curator.waitForText(/Форма наставничества/, slow);
    expect(await stateSize()).toBeLessThan(16 * 1024);
  });

  it("takes one replacement request until the curator answers it: 100 presses, one event, one notice per curator", { timeout: 300_000 }, async () => {
    const { programmeId, curator, mentors, mentees } = await school({ mentors: 2, mentees: 2 });
    const second = t.emulator.createUser({ firstName: "Куратор2", languageCode: "ru" });
    await t.store.memberships.add({ userId: second.id, programmeId, role: "curator", category: null, grade: null, invitationId: null }, t.deps.clock());
    const mentee = mentees[1]!;
    const start = new Date(Date.UTC(t.deps.clock().getUTCFullYear(), t.deps.clock().getUTCMonth(), t.deps.clock().getUTCDate()));
    const made = await proposePair(t.deps, { userId: curator.id }, { programmeId, mentorId: mentors[0]!.membershipId, menteeIds: [mentee.membershipId], form: "teacher-teacher", roleModel: null, startDate: start, plannedEnd: defaultTerm(start), why: { kind: "curator" } });
    expect(made.ok).toBe(true);
    const pair = made.ok ? made.value : null;
    expect(await t.store.pairs.move(pair!._id, "awaiting", "active", { activatedAt: t.deps.clock() })).toBe(true);
    const ask = await mentee.user.waitForText(/Предлагаем наставническую пару/);

    const requested = () => t.store.pairEvents.history(pair!._id).then((h) => h.filter((e) => e.kind === "replacement-requested").length);
    const notices = (u: TestUser) => u.messages().filter((m) => /Просьба о замене в паре от/.test(m.text ?? "")).length;
    await Promise.all(Array.from({ length: 100 }, () => mentee.user.pressData(ask, `rq:${pair!._id}`)));
    await settle(mentee.user, 100);
    const notice = await curator.waitForText(/Просьба о замене в паре от/, slow);
    await second.waitForText(/Просьба о замене в паре от/, slow);
    expect(await requested()).toBe(1);
    expect(notices(curator)).toBe(1);
    expect(notices(second)).toBe(1);
    const answers = mentee.user.callbackAnswers().map((a) => a.text ?? "");
    expect(answers.filter((a) => /отправлена куратору/.test(a))).toHaveLength(1);
    expect(answers.some((a) => /уже попросили о замене/.test(a))).toBe(true);

    // The card shows the open request; the curator dismisses it, and the mentee is told.
    await curator.press(notice, /Открыть пару/);
    const card = await curator.waitForText(/просит заменить наставника/, slow);
    await curator.press(card, /Отклонить просьбу о замене/);
    expect((await curator.nextEdit(slow)).text).not.toMatch(/просит заменить наставника/);
    await mentee.user.waitForText(/оставил пару без изменений/, slow);
    // Dismissed twice (an old button): nothing more happens.
    const again = await curator.pressData(card, `prd:${pair!._id}`);
    expect((await curator.nextCallbackAnswer(again, slow)).text).toMatch(/уже нет/);

    // Once answered, a new request is taken (and only one).
    await Promise.all(Array.from({ length: 10 }, () => mentee.user.pressData(ask, `rq:${pair!._id}`)));
    await settle(mentee.user, 110);
    await second.waitForText(/Просьба о замене в паре от/, slow);
    expect(await requested()).toBe(2);
    expect(notices(second)).toBe(2);
  });
});
