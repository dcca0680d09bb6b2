import type { Answers } from "../../src/domain/questionnaire.js";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { I18n } from "@grammyjs/i18n";
import { describe, expect, it } from "vitest";
import {
  applicableQuestions,
  checkAnswer,
  nextQuestion,
  possibleCount,
  previousQuestion,
  pruneAnswers,
  QUESTIONNAIRE_IDS,
  questionnaireSchema,
  SKIPPED,
  type Question,
  type QuestionnaireId,
} from "../../src/domain/questionnaire.js";
import {
  AVAILABILITY_SLOTS,
  DEFAULT_TOPICS,
  MEETING_FORMAT_OPTIONS,
  QUESTIONNAIRE_KEYS,
  QUESTIONNAIRES,
  topicIdsFor,
} from "../../src/domain/questionnaires.js";

const root = resolve(import.meta.dirname, "../..");
const LOCALES = ["ru", "en"] as const;
type Locale = (typeof LOCALES)[number];
const main = (locale: Locale) => resolve(root, "locales", `${locale}.ftl`);
const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");

/** `key = value` lines, in order (repeats kept). */
const keyList = (text: string) =>
  text
    .split("\n")
    .map((line) => /^([a-zA-Z][a-zA-Z0-9_-]*)\s*=/.exec(line)?.[1])
    .filter((k): k is string => k !== undefined);

/** The locale's texts as the bot has them. */
const combined = (locale: Locale) => read(main(locale));

const topicIds = DEFAULT_TOPICS.map((t) => t.id);
const all = QUESTIONNAIRE_IDS.map((id) => QUESTIONNAIRES[id]);

function question(qid: QuestionnaireId, id: string): Question {
  const found = QUESTIONNAIRES[qid].questions.find((q) => q.id === id);
  if (!found) throw new Error(`${qid} has no question ${id}`);
  return found;
}

describe("default topics", () => {
  it("have unique, well-formed ids in every audience", () => {
    expect(new Set(topicIds).size).toBe(topicIds.length);
    for (const id of topicIds) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(topicIdsFor("teacher").length).toBeGreaterThanOrEqual(12);
    expect(topicIdsFor("student").length).toBeGreaterThanOrEqual(8);
    expect(topicIdsFor("external").length).toBeGreaterThanOrEqual(4);
    expect(topicIdsFor("teacher")).toContain("lesson-planning");
    expect(topicIdsFor("student")).toContain("adaptation");
    expect(topicIdsFor("external")).not.toContain("burnout");
  });
});

describe("entry questionnaires", () => {
  it("exist for every questionnaire id and parse again as they are", () => {
    expect(Object.keys(QUESTIONNAIRES).sort()).toEqual([...QUESTIONNAIRE_IDS].sort());
    for (const id of QUESTIONNAIRE_IDS) {
      const q = QUESTIONNAIRES[id];
      expect(q.id).toBe(id);
      expect(questionnaireSchema.parse(q)).toEqual(q);
      expect(q.questions.length).toBeGreaterThanOrEqual(7);
      expect(q.questions.length).toBeLessThanOrEqual(12);
      expect(q.questions[0]).toMatchObject({ id: "full-name", kind: "text", maxLength: 100 });
    }
  });

  it("have the questions matching and statistics rely on, with the right kinds", () => {
    for (const id of QUESTIONNAIRE_IDS) {
      expect(question(id, "format")).toMatchObject({ kind: "single", options: [...MEETING_FORMAT_OPTIONS] });
      expect(question(id, "availability")).toMatchObject({ kind: "multi", options: [...AVAILABILITY_SLOTS], min: 1 });
      for (const q of QUESTIONNAIRES[id].questions) expect(q.when === undefined || q.optional === false).toBe(true);
    }
    for (const id of ["mentee-student", "mentee-teacher"] as const) {
      expect(question(id, "requests")).toMatchObject({ kind: "multi", options: "topics", min: 1, max: 5 });
      expect(QUESTIONNAIRES[id].questions.some((q) => q.id === "competencies" || q.id === "capacity")).toBe(false);
    }
    for (const id of ["mentor-teacher", "mentor-student", "mentor-external"] as const) {
      expect(question(id, "competencies")).toMatchObject({ kind: "multi", options: "topics", min: 1, max: 8 });
      expect(question(id, "capacity")).toMatchObject({ kind: "number", min: 1, max: 3 });
      expect(QUESTIONNAIRES[id].questions.some((q) => q.id === "requests")).toBe(false);
    }
    for (const id of ["mentee-teacher", "mentor-teacher", "mentor-external"] as const) {
      expect(question(id, "experience")).toMatchObject({ kind: "number", min: 0, max: 60 });
    }
    expect(question("mentee-teacher", "age-band")).toMatchObject({ kind: "single", options: ["under-35", "age-35-plus"] });
  });

  it("do not ask a student's class (the invitation knows it)", () => {
    for (const id of ["mentee-student", "mentor-student"] as const) {
      expect(QUESTIONNAIRES[id].questions.map((q) => q.id).filter((q) => /grade|class/.test(q))).toEqual([]);
    }
  });

  it("use every kind, an optional text and a conditional question", () => {
    const questions = all.flatMap((q) => q.questions);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(["single", "multi", "text", "number", "scale"]));
    expect(questions.some((q) => q.kind === "text" && q.optional)).toBe(true);
    expect(questions.some((q) => q.when !== undefined)).toBe(true);
  });
});

describe("locale keys", () => {
  it("list every prompt, short label, option and topic the definitions use", () => {
    const expected = new Set<string>(DEFAULT_TOPICS.map((t) => `topic-${t.id}`));
    for (const q of all) {
      for (const question of q.questions) {
        expected.add(`q-${question.id}`);
        expected.add(`qlabel-${question.id}`);
        if ((question.kind === "single" || question.kind === "multi") && question.options !== "topics") {
          for (const option of question.options) expected.add(`opt-${option}`);
        }
      }
    }
    expect([...expected].sort()).toEqual([...QUESTIONNAIRE_KEYS].sort());
    expect(new Set(QUESTIONNAIRE_KEYS).size).toBe(QUESTIONNAIRE_KEYS.length);
  });

  it("are defined in Russian and English", () => {
    for (const locale of LOCALES) {
      const keys = new Set(keyList(combined(locale)));
      expect(QUESTIONNAIRE_KEYS.filter((k) => !keys.has(k)), locale).toEqual([]);
    }
  });

  it("render through the bot's i18n as plain, short, non-empty texts", () => {
    const i18n = new I18n({ defaultLocale: "ru", fluentBundleOptions: { useIsolating: false } });
    for (const locale of LOCALES) i18n.loadLocaleSync(locale, { source: combined(locale) });
    for (const locale of LOCALES) {
      for (const key of QUESTIONNAIRE_KEYS) {
        const text = i18n.t(locale, key);
        expect(text, `${locale} ${key}`).not.toBe(key);
        expect(text.trim().length, `${locale} ${key}`).toBeGreaterThan(0);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]/);
        // Button labels must fit a phone screen.
        if (!key.startsWith("q-")) expect(text.length, `${locale} ${key}`).toBeLessThanOrEqual(36);
        else expect(text.length, `${locale} ${key}`).toBeLessThanOrEqual(300);
      }
    }
    // Russian first: the Russian texts are in Russian and say «вы», never «ты».
    for (const key of QUESTIONNAIRE_KEYS.filter((k) => k.startsWith("q-"))) {
      const text = i18n.t("ru", key);
      expect(text, key).toMatch(/[А-Яа-яЁё]/);
      expect(text, key).not.toMatch(/(^|[^А-Яа-яЁё])(ты|тебя|тебе|тобой|твой|твоя|твои|твоё)(?![А-Яа-яЁё])/i);
    }
  });
});

describe("answers against the definitions", () => {
  it("text: accepts a name, rejects an empty or too long one, and skips only optional questions", () => {
    const q = question("mentee-teacher", "full-name");
    expect(checkAnswer(q, "  Иванова   Анна Сергеевна ", topicIds)).toEqual({ ok: true, value: "Иванова Анна Сергеевна" });
    expect(checkAnswer(q, "   ", topicIds)).toMatchObject({ ok: false, problem: "empty" });
    expect(checkAnswer(q, "я".repeat(101), topicIds)).toMatchObject({ ok: false, problem: "too-long", max: 100 });
    expect(checkAnswer(q, SKIPPED, topicIds)).toMatchObject({ ok: false, problem: "required" });
    expect(checkAnswer(question("mentee-teacher", "expectations"), SKIPPED, topicIds)).toEqual({ ok: true, value: SKIPPED });
  });

  it("number: accepts years of experience and a capacity of up to 3, rejects the rest", () => {
    expect(checkAnswer(question("mentee-teacher", "experience"), " 2 ", topicIds)).toEqual({ ok: true, value: 2 });
    expect(checkAnswer(question("mentee-teacher", "experience"), "0", topicIds)).toEqual({ ok: true, value: 0 });
    expect(checkAnswer(question("mentee-teacher", "experience"), "два", topicIds)).toMatchObject({ ok: false, problem: "not-a-number" });
    expect(checkAnswer(question("mentee-teacher", "experience"), "61", topicIds)).toMatchObject({ ok: false, problem: "out-of-range", min: 0, max: 60 });
    expect(checkAnswer(question("mentor-teacher", "capacity"), "3", topicIds)).toEqual({ ok: true, value: 3 });
    expect(checkAnswer(question("mentor-teacher", "capacity"), "4", topicIds)).toMatchObject({ ok: false, problem: "out-of-range", min: 1, max: 3 });
    expect(checkAnswer(question("mentor-student", "capacity"), "0", topicIds)).toMatchObject({ ok: false, problem: "out-of-range" });
  });

  it("scale: accepts 1–10, rejects 0 and 11", () => {
    const q = question("mentee-teacher", "work-satisfaction");
    expect(q.kind).toBe("scale");
    expect(checkAnswer(q, 7, topicIds)).toEqual({ ok: true, value: 7 });
    expect(checkAnswer(q, "10", topicIds)).toEqual({ ok: true, value: 10 });
    expect(checkAnswer(q, "0", topicIds)).toMatchObject({ ok: false, problem: "out-of-range", min: 1, max: 10 });
    expect(checkAnswer(q, 11, topicIds)).toMatchObject({ ok: false, problem: "out-of-range" });
  });

  it("single: accepts an option, rejects an unknown one", () => {
    const q = question("mentee-student", "format");
    expect(checkAnswer(q, "online", topicIds)).toEqual({ ok: true, value: "online" });
    expect(checkAnswer(q, "by-post", topicIds)).toMatchObject({ ok: false, problem: "unknown-option" });
    expect(checkAnswer(question("mentee-teacher", "age-band"), "under-35", topicIds)).toEqual({ ok: true, value: "under-35" });
  });

  it("multi of topics: 1 to 5 requests from the programme's list", () => {
    const q = question("mentee-teacher", "requests");
    const teacherTopics = topicIdsFor("teacher");
    expect(checkAnswer(q, ["parents", "burnout", "parents"], teacherTopics)).toEqual({ ok: true, value: ["parents", "burnout"] });
    expect(checkAnswer(q, [], teacherTopics)).toMatchObject({ ok: false, problem: "too-few", min: 1 });
    expect(checkAnswer(q, teacherTopics.slice(0, 6), teacherTopics)).toMatchObject({ ok: false, problem: "too-many", max: 5 });
    expect(checkAnswer(q, ["olympiads"], teacherTopics)).toMatchObject({ ok: false, problem: "unknown-option" });
    const mentor = question("mentor-teacher", "competencies");
    expect(checkAnswer(mentor, teacherTopics.slice(0, 8), teacherTopics)).toMatchObject({ ok: true });
    expect(checkAnswer(mentor, teacherTopics.slice(0, 9), teacherTopics)).toMatchObject({ ok: false, problem: "too-many", max: 8 });
  });

  it("multi of fixed options: availability slots", () => {
    const q = question("mentor-student", "availability");
    expect(checkAnswer(q, ["weekend", "weekdays-evening"], topicIds)).toEqual({ ok: true, value: ["weekend", "weekdays-evening"] });
    expect(checkAnswer(q, [], topicIds)).toMatchObject({ ok: false, problem: "too-few" });
    expect(checkAnswer(q, ["sunday-night"], topicIds)).toMatchObject({ ok: false, problem: "unknown-option" });
  });
});

describe("the conditional question (mentor-teacher: mentoring experience only after «yes»)", () => {
  const q = QUESTIONNAIRES["mentor-teacher"];
  const before = {
    "full-name": "Петрова Мария Ивановна",
    subjects: "русский язык, 5–9 классы",
    experience: 12,
    qualification: "highest-category",
    competencies: ["parents", "lesson-planning"],
  };

  it("is asked after «yes»", () => {
    expect(nextQuestion(q, before)?.id).toBe("mentored-before");
    const yes = { ...before, "mentored-before": "yes" };
    expect(applicableQuestions(q, yes).map((x) => x.id)).toContain("mentoring-experience");
    expect(nextQuestion(q, yes)?.id).toBe("mentoring-experience");
    expect(nextQuestion(q, { ...yes, "mentoring-experience": "two young teachers, 2 years" })?.id).toBe("capacity");
    expect(previousQuestion(q, yes, "capacity")?.id).toBe("mentoring-experience");
  });

  it("is skipped after «no», and its answer dropped when «yes» becomes «no»", () => {
    const no = { ...before, "mentored-before": "no" };
    expect(applicableQuestions(q, no).map((x) => x.id)).not.toContain("mentoring-experience");
    expect(nextQuestion(q, no)?.id).toBe("capacity");
    expect(previousQuestion(q, no, "capacity")?.id).toBe("mentored-before");
    expect(pruneAnswers(q, { ...no, "mentoring-experience": "something" })).toEqual(no);
    expect(applicableQuestions(q, before).map((x) => x.id)).not.toContain("mentoring-experience");
  });
});

describe("questionnaireSchema rejects bad definitions", () => {
  const good = () => ({
    id: "mentor-student",
    version: 1,
    questions: [
      { id: "full-name", kind: "text", maxLength: 100 },
      { id: "mentored-before", kind: "single", options: ["yes", "no"] },
      { id: "mentoring-experience", kind: "text", maxLength: 500, when: { question: "mentored-before", oneOf: ["yes"] } },
      { id: "capacity", kind: "number", min: 1, max: 3 },
    ],
  });

  it("accepts the good one", () => {
    expect(questionnaireSchema.safeParse(good()).success).toBe(true);
  });

  it("a repeated question id", () => {
    const bad = good();
    bad.questions.push({ id: "full-name", kind: "text", maxLength: 50 });
    expect(questionnaireSchema.safeParse(bad).success).toBe(false);
  });

  it("a `when` that points forward", () => {
    const bad = good();
    const [name, single, conditional, number] = bad.questions;
    bad.questions = [name!, conditional!, single!, number!];
    expect(questionnaireSchema.safeParse(bad).success).toBe(false);
  });

  it("a `when` naming an option the question does not have", () => {
    const bad = good();
    bad.questions[2] = { id: "mentoring-experience", kind: "text", maxLength: 500, when: { question: "mentored-before", oneOf: ["maybe"] } };
    expect(questionnaireSchema.safeParse(bad).success).toBe(false);
  });

  it("min not below max", () => {
    for (const [min, max] of [
      [3, 3],
      [4, 1],
    ] as const) {
      const bad = good();
      bad.questions[3] = { id: "capacity", kind: "number", min, max };
      expect(questionnaireSchema.safeParse(bad).success).toBe(false);
      bad.questions[3] = { id: "capacity", kind: "scale", min, max } as never;
      expect(questionnaireSchema.safeParse(bad).success).toBe(false);
    }
    const multi = good();
    multi.questions[3] = { id: "capacity", kind: "multi", options: ["yes", "no"], min: 3, max: 2 } as never;
    expect(questionnaireSchema.safeParse(multi).success).toBe(false);
  });
});

describe("the counter «Вопрос N из M»", () => {
  it("never grows when an answer opens a follow-up, and shrinks when one drops out", () => {
    const q = QUESTIONNAIRES["mentor-teacher"];
    expect(possibleCount(q, {})).toBe(q.questions.length);
    expect(possibleCount(q, { "mentored-before": "yes" })).toBe(q.questions.length);
    expect(possibleCount(q, { "mentored-before": "no" })).toBe(q.questions.length - 1);
    // N counts among the applicable questions, so it never passes M.
    for (const answers of [{}, { "mentored-before": "yes" }, { "mentored-before": "no" }] as Answers[]) {
      expect(applicableQuestions(q, answers).length).toBeLessThanOrEqual(possibleCount(q, answers));
    }
  });
});
