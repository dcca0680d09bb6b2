import { describe, expect, it, vi } from "vitest";
import { SKIPPED } from "../../src/domain/questionnaire.js";
import { decideOwnConsent } from "../../src/services/consent.js";
import { changeAnswer, currentQuestion, goBack, openQuestionnaire, saveAnswer, submitQuestionnaire, summaryOf, type QuestionnaireState } from "../../src/services/questionnaires.js";
import type { Result } from "../../src/services/result.js";
import { useServices } from "../support/services.js";
import { invited, newUserId, schoolWithCurator } from "./intakeSetup.js";

// The questionnaire as a service against FerretDB: open after consent only, one write per answer,
// back, skip, change, and a submit that checks the stored answers again.

const f = useServices();
const as = (userId: number) => ({ userId });

async function consented(role: "mentor" | "mentee", category: "teacher" | "student", grade: number | null = null) {
  const { programmeId, curator } = await schoolWithCurator(f.store, f.deps.clock(), `Школа ${newUserId()}`);
  const person = await invited(f.store, f.deps.clock(), programmeId, role, category, grade);
  await f.store.memberships.moveIntake(person.membershipId, ["invited"], "questionnaire", f.deps.clock());
  return { ...person, programmeId, curator };
}

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.value;
};

/** Answers every question from the cursor on with a plain valid answer. */
async function fillAll(userId: number, membershipId: string, overrides: Record<string, unknown> = {}): Promise<QuestionnaireState> {
  let state = value(await openQuestionnaire(f.deps, as(userId), { membershipId }));
  for (let guard = 0; guard < 40; guard++) {
    const q = currentQuestion(state);
    if (!q) return state;
    let raw: unknown = overrides[q.id];
    if (raw === undefined) {
      if (q.kind === "text") raw = `Ответ ${q.id}`;
      else if (q.kind === "number" || q.kind === "scale") raw = q.min + 1;
      else if (q.kind === "single") raw = q.options[0];
      else raw = (q.options === "topics" ? state.topicIds : q.options).slice(0, Math.max(1, q.min));
    }
    state = value(await saveAnswer(f.deps, as(userId), { membershipId, questionId: q.id, raw }));
  }
  throw new Error("did not reach the summary");
}

describe("the questionnaire", () => {
  it("opens only after consent, and only to its owner", async () => {
    const { programmeId, curator } = await schoolWithCurator(f.store, f.deps.clock());
    const waiting = await invited(f.store, f.deps.clock(), programmeId, "mentee", "teacher");
    expect(await openQuestionnaire(f.deps, as(waiting.userId), { membershipId: waiting.membershipId })).toMatchObject({ ok: false, kind: "rule", reason: "questionnaire-closed" });
    expect(await f.store.profiles.get(waiting.membershipId)).toBeNull();
    await decideOwnConsent(f.deps, as(waiting.userId), { membershipId: waiting.membershipId, accept: true });
    for (const who of [curator, newUserId()]) {
      expect(await openQuestionnaire(f.deps, as(who), { membershipId: waiting.membershipId })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await saveAnswer(f.deps, as(who), { membershipId: waiting.membershipId, questionId: "full-name", raw: "Чужой" })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await submitQuestionnaire(f.deps, as(who), { membershipId: waiting.membershipId })).toMatchObject({ ok: false, kind: "not-allowed" });
    }
    expect(await f.store.profiles.get(waiting.membershipId)).toBeNull();
    expect(value(await openQuestionnaire(f.deps, as(waiting.userId), { membershipId: waiting.membershipId }))).toMatchObject({ cursor: "full-name", answers: {}, submitted: false });
  });

  it("saves each answer with one write of its own field; bad answers are refused with the reason", async () => {
    const p = await consented("mentee", "teacher");
    const setAnswers = vi.spyOn(f.store.profiles, "setAnswers");
    const saveOne = vi.spyOn(f.store.profiles, "saveAnswer");
    expect(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "full-name", raw: "Я".repeat(101) })).toMatchObject({ ok: false, kind: "rule", reason: "input-too-long", vars: { max: 100 } });
    const s1 = value(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "full-name", raw: "  Анна   Петрова " }));
    expect(s1.answers).toEqual({ "full-name": "Анна Петрова" });
    expect(s1.cursor).toBe("subjects");
    value(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "subjects", raw: "Математика" }));
    expect(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "experience", raw: "75" })).toMatchObject({ ok: false, reason: "answer-out-of-range", vars: { min: 0, max: 60 } });
    expect(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "experience", raw: "много" })).toMatchObject({ ok: false, reason: "answer-not-a-number" });
    // A question that does not exist (or does not apply) is out of date.
    expect(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "no-such", raw: "x" })).toMatchObject({ ok: false, kind: "stale" });

    expect(setAnswers).not.toHaveBeenCalled();
    expect(saveOne.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      ["full-name", "Анна Петрова"],
      ["subjects", "Математика"],
    ]);
    // Another answer written meanwhile (another device) is not overwritten by the next save.
    await f.store.profiles.saveAnswer(p.membershipId, "experience", 3, "age-band", f.deps.clock());
    value(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "subjects", raw: "Физика" }));
    expect((await f.store.profiles.get(p.membershipId))?.answers).toEqual({ "full-name": "Анна Петрова", subjects: "Физика", experience: 3 });
    setAnswers.mockRestore();
    saveOne.mockRestore();
  });

  it("back keeps the answer; skip on optional questions only; change from the summary; answers that stop applying are dropped", async () => {
    const p = await consented("mentor", "teacher");
    let state = await fillAll(p.userId, p.membershipId, { "mentored-before": "yes" });
    expect(state.answers["mentoring-experience"]).toBeDefined();
    const rows = summaryOf(state);
    const number = rows.findIndex((r) => r.question.id === "mentored-before") + 1;
    state = value(await changeAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, number }));
    expect(state.cursor).toBe("mentored-before");
    expect(await changeAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, number: 99 })).toMatchObject({ ok: false, kind: "stale" });
    value(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "mentored-before", raw: "no" }));
    const stored = (await f.store.profiles.get(p.membershipId))!;
    expect(stored.answers["mentoring-experience"]).toBeUndefined();
    expect(stored.answers["mentored-before"]).toBe("no");

    state = value(await goBack(f.deps, as(p.userId), { membershipId: p.membershipId, from: "subjects" }));
    expect(state.cursor).toBe("full-name");
    expect(currentQuestion(state)?.id).toBe("full-name");
    expect(state.answers["full-name"]).toBe("Ответ full-name");
    // Skipping a required question is refused; an optional one is kept as skipped.
    expect(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "full-name", raw: SKIPPED })).toMatchObject({ ok: false, reason: "answer-required" });
    const pupil = await consented("mentee", "student", 6);
    await fillAll(pupil.userId, pupil.membershipId, { "help-subjects": SKIPPED });
    expect((await f.store.profiles.get(pupil.membershipId))?.answers["help-subjects"]).toBe(SKIPPED);
  });

  it("submit checks the stored answers again, makes the person ready, and takes a mentor's capacity as the limit", async () => {
    const p = await consented("mentor", "teacher");
    await fillAll(p.userId, p.membershipId, { capacity: 2 });
    // The curator removes a topic the mentor chose: the answer is asked again.
    const state = value(await openQuestionnaire(f.deps, as(p.userId), { membershipId: p.membershipId }));
    const chosen = state.answers["competencies"] as string[];
    await f.store.programmes.removeTopic(p.programmeId, chosen[0]!);
    expect(await submitQuestionnaire(f.deps, as(p.userId), { membershipId: p.membershipId })).toMatchObject({ ok: false, kind: "rule", reason: "questionnaire-recheck" });
    expect((await f.store.profiles.get(p.membershipId))?.cursor).toBe("competencies");
    expect((await f.store.memberships.get(p.membershipId))?.intake).toBe("questionnaire");
    const fresh = value(await openQuestionnaire(f.deps, as(p.userId), { membershipId: p.membershipId }));
    value(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "competencies", raw: [fresh.topicIds[0]!] }));

    expect(await submitQuestionnaire(f.deps, as(p.userId), { membershipId: p.membershipId })).toEqual({ ok: true, value: { first: true } });
    expect(await f.store.profiles.get(p.membershipId)).toMatchObject({ status: "submitted", cursor: "summary" });
    expect(await f.store.memberships.get(p.membershipId)).toMatchObject({ intake: "ready", mentorLimit: 2 });
    // Changing an answer after submitting returns to the summary; submitting again keeps them ready.
    const after = value(await saveAnswer(f.deps, as(p.userId), { membershipId: p.membershipId, questionId: "subjects", raw: "История" }));
    expect(after.cursor).toBe("summary");
    expect(currentQuestion(after)).toBeNull();
    expect(await submitQuestionnaire(f.deps, as(p.userId), { membershipId: p.membershipId })).toEqual({ ok: true, value: { first: false } });
    expect((await f.store.memberships.get(p.membershipId))?.intake).toBe("ready");
  });

  it("a double tap on submit moves the person to ready once", async () => {
    const p = await consented("mentee", "student", 7);
    await fillAll(p.userId, p.membershipId);
    const results = await Promise.all(Array.from({ length: 4 }, () => submitQuestionnaire(f.deps, as(p.userId), { membershipId: p.membershipId })));
    expect(results.filter((r) => r.ok && r.value.first)).toHaveLength(1);
    expect((await f.store.memberships.get(p.membershipId))?.intake).toBe("ready");
  });
});

describe("opening at the same moment", () => {
  it("two opens make one profile and both see it", async () => {
    const p = await consented("mentee", "teacher");
    const opened = await Promise.all(Array.from({ length: 4 }, () => openQuestionnaire(f.deps, as(p.userId), { membershipId: p.membershipId })));
    expect(opened.every((r) => r.ok)).toBe(true);
    expect(await f.store.profiles.ofUser(p.userId)).toHaveLength(1);
  });
});
