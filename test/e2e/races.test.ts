import { describe, expect, it } from "vitest";
import { defaultTerm } from "../../src/domain/pairs.js";
import { answerAgreement, proposePair } from "../../src/services/pairs.js";
import { useTestBot } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";

// A race as the curator meets it (issue 8): the pair moves on while the curator types its dates.
// The concurrent versions of the races are in test/services/races.test.ts.

const t = useTestBot();

describe("the dates of a pair that is agreed while the curator types them", () => {
  it("are not saved, and the curator is told so instead of «Сроки пары: …»", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const mentor = await readyParticipant(t, programmeId, { name: "Нина Лисина", role: "mentor", category: "teacher", answers: { experience: 15, competencies: ["parents"] }, trained: true });
    const mentee = await readyParticipant(t, programmeId, { name: "Дарья Осина", role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });
    const start = new Date(Date.UTC(2026, 10, 23));
    const made = await proposePair(t.app.deps, { userId: curator.id }, { programmeId, mentorId: mentor.membershipId, menteeIds: [mentee.membershipId], form: "teacher-teacher", roleModel: null, startDate: start, plannedEnd: defaultTerm(start), why: { kind: "curator" } });
    const pairId = made.ok ? made.value._id : "";

    await curator.sendText("/menu");
    await curator.press(await curator.waitForText(/Ваши роли/), /Куратор ·/);
    await curator.press(await curator.waitForText(/Куратор ·/), /Пары и группы/);
    await curator.press(await curator.nextEdit(), /Все пары и группы/);
    await curator.press(await curator.nextEdit(), "1");
    await curator.press(await curator.nextEdit(), /Сроки/);
    await curator.press(await curator.waitForText(/Дата начала/), "23.11.2026");
    await curator.waitForText(/Плановая дата окончания/);

    // Meanwhile both agree: the pair is active.
    expect(await answerAgreement(t.app.deps, { userId: mentee.user.id }, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "waiting" });
    expect(await answerAgreement(t.app.deps, { userId: mentor.user.id }, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "active" });

    await curator.sendText("15.05.2027");
    await curator.waitForText(/Сроки не сохранены: все уже согласились, и пара действует/);
    expect(curator.messages().some((m) => /Сроки пары:/.test(m.text ?? ""))).toBe(false);
    expect((await t.store.pairs.get(pairId))?.plannedEnd).toEqual(defaultTerm(start));
  });
});
