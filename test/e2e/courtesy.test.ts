import { describe, expect, it } from "vitest";
import { askForHelp } from "../../src/services/feedback.js";
import { logMeeting } from "../../src/services/meetings.js";
import { useTestBot } from "../support/harness.js";
import { sentPerChat } from "../support/outbox.js";
import { activePairInStore, pairsSetup } from "../support/pairs.js";
import { programmeWithCurator } from "../support/programme.js";
import type { ServiceFixture } from "../support/services.js";

// Courtesy for the notices services send straight away: a pupil asked to confirm a meeting that
// a mentor logged at 22:00 gets it at 08:00; on the holidays it waits until they end; an adult's
// alarm at 23:00 goes at once.

const t = useTestBot();

async function world() {
  const setup = pairsSetup({ deps: t.deps, store: t.store, setNow: (d: Date) => t.setNow(d) } as unknown as ServiceFixture);
  const { programmeId } = await setup.programme();
  const curatorUser = t.emulator.createUser({ firstName: "Куратор", languageCode: "ru" });
  await t.store.memberships.add({ userId: curatorUser.id, programmeId, role: "curator", category: null, grade: null, invitationId: null }, t.deps.clock());
  const mentorUser = t.emulator.createUser({ firstName: "Ирина", languageCode: "ru" });
  const pupilUser = t.emulator.createUser({ firstName: "Петя", languageCode: "ru" });
  const mentor = await setup.teacherMentor(programmeId, "Ирина Орлова", { userId: mentorUser.id });
  const pupil = await setup.person(programmeId, { name: "Пётр Иванов", role: "mentee", category: "student", grade: 8, answers: { requests: ["adaptation"] }, userId: pupilUser.id });
  const now = t.deps.clock();
  const pair = await activePairInStore(t.store, { programmeId, mentorId: mentor.id, menteeIds: [pupil.id], at: now, form: "teacher-student", startDate: new Date(Date.UTC(2026, 10, 1)) });
  return { programmeId, pairId: pair._id, mentor, pupil, pupilUser, curatorUser };
}

const logInput = (pairId: string, day: Date) => ({ pairId, type: "introduction" as const, day, format: "in-person" as const, durationMin: 45, topic: "Знакомство" });

async function scanAt(at: Date): Promise<void> {
  t.setNow(at);
  await t.app.sender.scan();
  await t.app.sender.idle();
}

describe("courtesy for the services' notices", () => {
  it("a pupil's request to confirm a meeting logged at 22:00 arrives at 08:00; an adult's alarm at 23:00 at once", async () => {
    t.setNow(new Date("2026-12-02T09:00:00Z"));
    const w = await world();
    // 22:00 in Moscow (UTC+3).
    t.setNow(new Date("2026-12-02T19:00:00Z"));
    expect((await logMeeting(t.deps, w.mentor.actor, logInput(w.pairId, new Date(Date.UTC(2026, 11, 2))))).ok).toBe(true);
    await t.app.sender.idle();
    expect(sentPerChat(t.emulator, [w.pupilUser.id])).toEqual([0]);

    // 23:00: the pupil's 🆘 reaches the curator at once.
    t.setNow(new Date("2026-12-02T20:00:00Z"));
    expect((await askForHelp(t.deps, w.pupil.actor, { pairId: w.pairId })).ok).toBe(true);
    const alarm = await w.curatorUser.waitForText(/Петр|Пётр/);
    expect(alarm.text).toBeTruthy();
    expect(sentPerChat(t.emulator, [w.pupilUser.id])).toEqual([0]);

    await scanAt(new Date("2026-12-03T04:59:00Z"));
    expect(sentPerChat(t.emulator, [w.pupilUser.id])).toEqual([0]);
    await scanAt(new Date("2026-12-03T05:00:00Z"));
    const ask = await w.pupilUser.waitForText(/записал\(а\) встречу/);
    expect(w.pupilUser.buttons(ask).flat()).toHaveLength(2);
    expect(sentPerChat(t.emulator, [w.pupilUser.id])).toEqual([1]);
  });

  it("on the holidays a pupil's notice waits until 08:00 of the first day after them", async () => {
    t.setNow(new Date("2026-12-28T09:00:00Z"));
    const w = await world();
    await t.store.programmes.setHolidays(w.programmeId, [{ from: new Date(Date.UTC(2026, 11, 28)), to: new Date(Date.UTC(2027, 0, 8)) }]);
    // Noon on the holidays.
    expect((await logMeeting(t.deps, w.mentor.actor, logInput(w.pairId, new Date(Date.UTC(2026, 11, 28))))).ok).toBe(true);
    await t.app.sender.idle();
    await scanAt(new Date("2027-01-08T12:00:00Z"));
    expect(sentPerChat(t.emulator, [w.pupilUser.id])).toEqual([0]);
    await scanAt(new Date("2027-01-09T05:00:00Z"));
    await w.pupilUser.waitForText(/записал\(а\) встречу/);
    expect(sentPerChat(t.emulator, [w.pupilUser.id])).toEqual([1]);
  });
});

describe("the holidays screen", () => {
  it("the curator adds holidays (a bad period re-asked, /cancel leaves), merges, and removes one", async () => {
    t.setNow(new Date("2026-12-02T09:00:00Z"));
    const { programmeId, curator } = await programmeWithCurator(t);
    await curator.sendText("/menu");
    await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
    await curator.press(await curator.waitForText(/Куратор ·/), /Дорожная карта/);
    const map = await curator.nextEdit();
    await curator.press(map, /Каникулы/);
    const empty = await curator.nextEdit();
    expect(empty.text).toContain("Каникулы ещё не указаны");

    // /cancel leaves with nothing changed.
    await curator.press(empty, /Добавить каникулы/);
    await curator.waitForText(/Напишите период каникул/);
    await curator.sendText("/cancel");
    await curator.waitForText(/.+/);
    expect((await t.store.programmes.get(programmeId))?.holidays).toEqual([]);

    await curator.press(empty, /Добавить каникулы/);
    await curator.waitForText(/Напишите период каникул/);
    await curator.sendText("зимние");
    await curator.waitForText(/Не похоже на период/);
    await curator.sendText("08.01.2027 – 28.12.2026");
    await curator.waitForText(/Конец каникул раньше начала/);
    await curator.sendText("28.12.2025 – 08.01.2026");
    await curator.waitForText(/в пределах учебного года/);
    await curator.sendText("28.12.2026 – 08.01.2027");
    const saved = await curator.waitForText(/Каникулы сохранены/);
    expect(saved.text).toContain("28.12.2026 – 08.01.2027");

    // An overlapping period merges into the one there is.
    await curator.press(saved, /Добавить каникулы/);
    await curator.waitForText(/Напишите период каникул/);
    await curator.sendText("05.01.2027-11.01.2027");
    const merged = await curator.waitForText(/Каникулы сохранены/);
    expect(merged.text).toContain("28.12.2026 – 11.01.2027");
    expect((await t.store.programmes.get(programmeId))?.holidays).toEqual([{ from: new Date(Date.UTC(2026, 11, 28)), to: new Date(Date.UTC(2027, 0, 11)) }]);

    await curator.press(merged, /✖️ 28\.12\.2026/);
    const after = await curator.nextEdit();
    expect(after.text).toContain("Каникулы ещё не указаны");
    expect((await t.store.programmes.get(programmeId))?.holidays).toEqual([]);

    // The typical ones in one tap.
    await curator.press(after, /типичные каникулы/);
    const typical = await curator.nextEdit();
    expect(typical.text).toContain("29.12.2026 – 11.01.2027");
    expect((await t.store.programmes.get(programmeId))?.holidays).toHaveLength(3);
  });
});
