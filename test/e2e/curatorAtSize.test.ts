import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { INVITATION_DEFAULT_DAYS, expiryFrom } from "../../src/domain/invitations.js";
import { MESSAGE_MAX_CHARS } from "../../src/bot/limits.js";
import type { TestUser } from "../support/emulator/index.js";
import { useTestBot } from "../support/harness.js";
import { programmeWithCurator } from "../support/programme.js";

// A real school's size: 150 mentees, 60 mentors, 120 topics, 40 invitations, 25 curators and a
// long audit log. Every curator screen of the panel, the bases, the topics, the invitations, the
// curators and the log opens, and each list is walked page by page: no text over Telegram's limit
// and no keyboard over its button limits (the emulator refuses both, as Telegram does), and every
// page says where it is («1–8 из 150»).

const t = useTestBot();

const MENTEES = 150;
const MENTORS = 60;
const TOPICS = 120;

async function seed(programmeId: string, curator: TestUser) {
  const now = t.deps.clock();
  const store = t.store;
  const programme = (await store.programmes.get(programmeId))!;
  for (let i = programme.topicIds.length; i < TOPICS; i++) await store.programmes.addTopic(programmeId, `c-t${i}`, `Тема номер ${i}: ${"длинное название ".repeat(2)}`.slice(0, 60));
  const topics = (await store.programmes.get(programmeId))!.topicIds;
  expect(topics).toHaveLength(TOPICS);
  let userId = 500_000;
  for (const [role, count] of [["mentee", MENTEES], ["mentor", MENTORS]] as const) {
    for (let i = 0; i < count; i++) {
      const m = (await store.memberships.add({ userId: userId++, programmeId, role, category: "teacher", grade: null, invitationId: null }, now))!;
      await store.profiles.open({ _id: m._id, userId: m.userId, programmeId, questionnaireId: role === "mentor" ? "mentor-teacher" : "mentee-teacher", version: 1, cursor: "summary" }, now);
      // Long names and every topic chosen: the longest lines and cards a school could make.
      const name = `Константинопольская-Длинноимённая Александра Владиславовна ${role} ${i}`;
      await store.profiles.setAnswers(m._id, { "full-name": name, [role === "mentor" ? "competencies" : "requests"]: topics.slice(0, 40) }, "summary", now);
      await store.audit.add({ programmeId, actorId: curator.id, action: "card-opened", membershipId: m._id, pairId: null, at: new Date(now.getTime() - i * 60_000) });
    }
  }
  for (let i = 0; i < 40; i++) {
    await store.invitations.create({ programmeId, role: "mentee", category: "student", grade: 7, createdBy: curator.id, expiresAt: expiryFrom(now, INVITATION_DEFAULT_DAYS), maxUses: 30 }, now);
  }
  for (let i = 0; i < 24; i++) await store.memberships.add({ userId: 900_000 + i, programmeId, role: "curator", category: null, grade: null, invitationId: null }, now);
}

/** Checks a screen: within the limit, and (for a list) its count line. */
function checkScreen(message: Message, count?: RegExp) {
  const text = message.text ?? "";
  expect(text.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
  if (count) expect(text).toMatch(count);
  const keyboard = message.reply_markup?.inline_keyboard ?? [];
  expect(keyboard.flat().length).toBeLessThanOrEqual(100);
  for (const row of keyboard) expect(row.length).toBeLessThanOrEqual(8);
}

const hasButton = (m: Message, label: string) => (m.reply_markup?.inline_keyboard ?? []).flat().some((b) => b.text === label);

/** Walks a list forward to its last page; returns the pages seen. */
async function walk(user: TestUser, first: Message, total: number, perPage: number): Promise<number> {
  let page = first;
  let seen = 1;
  checkScreen(page, new RegExp(`1–${Math.min(perPage, total)} из ${total}`));
  while (hasButton(page, "▶️")) {
    await user.press(page, "▶️");
    page = await user.nextEdit();
    seen++;
    const from = (seen - 1) * perPage + 1;
    checkScreen(page, new RegExp(`${from}–${Math.min(from + perPage - 1, total)} из ${total}`));
  }
  expect(hasButton(page, "◀️")).toBe(seen > 1);
  return seen;
}

async function openPanel(curator: TestUser) {
  await curator.sendText("/menu");
  await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
  const panel = await curator.waitForText(/Куратор ·/);
  checkScreen(panel);
  return panel;
}

describe("the curator's screens at a real school's size", () => {
  it("150 mentees, 60 mentors, 120 topics: every screen opens and every list pages", { timeout: 180_000 }, async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    await seed(programmeId, curator);

    // The bases: counts, then each list walked to its end (8 a page), a card opened.
    await curator.press(await openPanel(curator), /Базы наставников/);
    const bases = await curator.nextEdit();
    checkScreen(bases);
    await curator.press(bases, /Наставляемые/);
    const mentees = await curator.nextEdit();
    expect(await walk(curator, mentees, MENTEES, 8)).toBe(Math.ceil(MENTEES / 8));
    await curator.press(mentees, String(MENTEES));
    const card = await curator.nextEdit();
    checkScreen(card);
    await curator.press(card, /Назад/);
    await curator.nextEdit();

    await curator.press(await openPanel(curator), /Базы наставников/);
    await curator.press(await curator.nextEdit(), /Наставники/);
    expect(await walk(curator, await curator.nextEdit(), MENTORS, 8)).toBe(Math.ceil(MENTORS / 8));

    // The topics: 120 in pages of 20, a remove button each.
    await curator.press(await openPanel(curator), /Базы наставников/);
    await curator.press(await curator.nextEdit(), /Темы запросов/);
    expect(await walk(curator, await curator.nextEdit(), TOPICS, 20)).toBe(6);

    // The invitations (5 a page), the curators (10 a page), the log (15 a page).
    await curator.press(await openPanel(curator), /Приглашения/);
    expect(await walk(curator, await curator.nextEdit(), 40, 5)).toBe(8);
    await curator.press(await openPanel(curator), /Кураторы/);
    expect(await walk(curator, await curator.nextEdit(), 25, 10)).toBe(3);
    await curator.press(await openPanel(curator), /Журнал действий/);
    // The card opened above is one more entry.
    const entries = MENTEES + MENTORS + 1;
    expect(await walk(curator, await curator.nextEdit(), entries, 15)).toBe(Math.ceil(entries / 15));
  });
});
