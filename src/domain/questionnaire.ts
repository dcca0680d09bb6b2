import { z } from "zod";
import type { Category, Role } from "./programme.js";

// Questionnaires are data: a definition lists questions of a few kinds; this module checks
// definitions at startup and answers against them, with no Telegram or MongoDB in sight.
// Words live in the locales: a question's prompt is `q-<question id>`, an option's label is
// `opt-<option id>`, a topic's label is `topic-<topic id>` (or the curator's own wording).

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, "ids are lowercase words joined by -");

const base = {
  id,
  /** An optional question can be skipped with a button. */
  optional: z.boolean().default(false),
  /** Asked only when an earlier single-choice answer has one of these values. */
  when: z.object({ question: id, oneOf: z.array(id).min(1) }).optional(),
};

export const questionSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("single"), options: z.array(id).min(2).max(12) }),
  z.object({
    ...base,
    kind: z.literal("multi"),
    /** Fixed options, or the programme's shared topic list (requests and competencies). */
    options: z.union([z.array(id).min(2).max(20), z.literal("topics")]),
    min: z.number().int().min(0).default(1),
    max: z.number().int().min(1).default(20),
  }),
  z.object({ ...base, kind: z.literal("text"), maxLength: z.number().int().min(1).max(2000) }),
  z.object({ ...base, kind: z.literal("number"), min: z.number().int(), max: z.number().int() }),
  z.object({ ...base, kind: z.literal("scale"), min: z.number().int().min(0), max: z.number().int().max(10) }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const QUESTIONNAIRE_IDS = ["mentee-student", "mentee-teacher", "mentor-teacher", "mentor-student", "mentor-external"] as const;
export type QuestionnaireId = (typeof QUESTIONNAIRE_IDS)[number];

export const questionnaireSchema = z
  .object({
    id: z.enum(QUESTIONNAIRE_IDS),
    version: z.number().int().min(1),
    questions: z.array(questionSchema).min(1),
  })
  .superRefine((q, ctx) => {
    const seen = new Set<string>();
    q.questions.forEach((question, i) => {
      if (seen.has(question.id)) ctx.addIssue({ code: "custom", message: `question id ${question.id} repeats`, path: ["questions", i] });
      if (question.when) {
        const target = q.questions.find((other) => other.id === question.when!.question);
        if (!target || !seen.has(target.id) || target.kind !== "single") {
          ctx.addIssue({ code: "custom", message: `${question.id}: "when" must name an earlier single-choice question`, path: ["questions", i] });
        } else if (!question.when.oneOf.every((o) => target.options.includes(o))) {
          ctx.addIssue({ code: "custom", message: `${question.id}: "when" names an option ${target.id} does not have`, path: ["questions", i] });
        }
      }
      if ((question.kind === "number" || question.kind === "scale") && question.min >= question.max) {
        ctx.addIssue({ code: "custom", message: `${question.id}: min must be below max`, path: ["questions", i] });
      }
      if (question.kind === "multi" && question.min > question.max) {
        ctx.addIssue({ code: "custom", message: `${question.id}: min must not exceed max`, path: ["questions", i] });
      }
      seen.add(question.id);
    });
  });
export type Questionnaire = z.infer<typeof questionnaireSchema>;

/** Which questionnaire a person fills, by role and category. */
export function questionnaireFor(role: Role, category: Category | null): QuestionnaireId | null {
  if (role === "mentee") return category === "student" ? "mentee-student" : category === "teacher" ? "mentee-teacher" : null;
  if (role === "mentor") {
    if (category === "teacher") return "mentor-teacher";
    if (category === "student") return "mentor-student";
    if (category === "employer" || category === "university") return "mentor-external";
  }
  return null;
}

/** The values a choice question offers, in button order (option ids, or the numbers of a scale). */
export function optionsOf(question: Question, topicIds: readonly string[]): (string | number)[] {
  switch (question.kind) {
    case "single":
      return question.options;
    case "scale":
      return Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
    case "multi":
      return question.options === "topics" ? [...topicIds] : question.options;
    default:
      return [];
  }
}

export type AnswerValue = string | number | string[];
export type Answers = Record<string, AnswerValue>;

/** Questions that apply given the answers so far (conditional ones drop out). */
export function applicableQuestions(q: Questionnaire, answers: Answers): Question[] {
  return q.questions.filter((question) => {
    if (!question.when) return true;
    const earlier = answers[question.when.question];
    return typeof earlier === "string" && question.when.oneOf.includes(earlier);
  });
}

/**
 * How many questions the person may be asked in all: the applicable ones, and the conditional
 * ones whose earlier question is not answered yet. Never grows as answers come in, so that
 * «Вопрос 6 из 11» is not followed by «Вопрос 7 из 12» when a follow-up opens.
 */
export function possibleCount(q: Questionnaire, answers: Answers): number {
  return q.questions.filter((question) => {
    if (!question.when) return true;
    const earlier = answers[question.when.question];
    return earlier === undefined || (typeof earlier === "string" && question.when.oneOf.includes(earlier));
  }).length;
}

/** The first applicable question without an answer, or null when all are answered. */
export function nextQuestion(q: Questionnaire, answers: Answers): Question | null {
  return applicableQuestions(q, answers).find((question) => !(question.id in answers)) ?? null;
}

/** The question before the given one among the applicable ones (for "back"). */
export function previousQuestion(q: Questionnaire, answers: Answers, currentId: string | null): Question | null {
  const list = applicableQuestions(q, answers);
  const index = currentId === null ? list.length : list.findIndex((question) => question.id === currentId);
  return index > 0 ? (list[index - 1] ?? null) : null;
}

/** Sentinel for a skipped optional question: kept so the question counts as answered. */
export const SKIPPED = "";

export type AnswerProblem =
  | { problem: "not-text" }
  | { problem: "empty" }
  | { problem: "too-long"; max: number }
  | { problem: "not-a-number" }
  | { problem: "out-of-range"; min: number; max: number }
  | { problem: "unknown-option" }
  | { problem: "too-few"; min: number }
  | { problem: "too-many"; max: number }
  | { problem: "required" };

export type AnswerCheck = { ok: true; value: AnswerValue } | ({ ok: false } & AnswerProblem);

/**
 * Checks one answer. Raw input is what the person gave: typed text, a pressed option id, or
 * the list of toggled options. `topics` is the programme's current topic ids.
 */
export function checkAnswer(question: Question, raw: unknown, topics: readonly string[]): AnswerCheck {
  if (raw === SKIPPED) return question.optional ? { ok: true, value: SKIPPED } : { ok: false, problem: "required" };
  switch (question.kind) {
    case "text": {
      if (typeof raw !== "string") return { ok: false, problem: "not-text" };
      const value = raw.trim().replace(/[ \t]+/g, " ");
      if (value === "") return { ok: false, problem: "empty" };
      if ([...value].length > question.maxLength) return { ok: false, problem: "too-long", max: question.maxLength };
      return { ok: true, value };
    }
    case "number":
    case "scale": {
      const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : null;
      if (text === null) return { ok: false, problem: "not-text" };
      if (!/^-?\d{1,6}$/.test(text)) return { ok: false, problem: "not-a-number" };
      const value = Number(text);
      if (value < question.min || value > question.max) return { ok: false, problem: "out-of-range", min: question.min, max: question.max };
      return { ok: true, value };
    }
    case "single": {
      if (typeof raw !== "string" || !question.options.includes(raw)) return { ok: false, problem: "unknown-option" };
      return { ok: true, value: raw };
    }
    case "multi": {
      if (!Array.isArray(raw) || !raw.every((v) => typeof v === "string")) return { ok: false, problem: "unknown-option" };
      const allowed = question.options === "topics" ? topics : question.options;
      const value = [...new Set(raw as string[])];
      if (!value.every((v) => allowed.includes(v))) return { ok: false, problem: "unknown-option" };
      if (value.length < question.min) return { ok: false, problem: "too-few", min: question.min };
      if (value.length > question.max) return { ok: false, problem: "too-many", max: question.max };
      return { ok: true, value };
    }
  }
}

/** Validates a whole set of answers before it is stored as submitted. */
export function checkAll(q: Questionnaire, answers: Answers, topics: readonly string[]): { ok: true } | { ok: false; questionId: string; problem: AnswerProblem } {
  for (const question of applicableQuestions(q, answers)) {
    if (!(question.id in answers)) return { ok: false, questionId: question.id, problem: { problem: "required" } };
    const checked = checkAnswer(question, answers[question.id], topics);
    if (!checked.ok) {
      const { ok: _ok, ...problem } = checked;
      return { ok: false, questionId: question.id, problem };
    }
  }
  return { ok: true };
}

/** Drops answers to questions that no longer apply (after an earlier answer changed). */
export function pruneAnswers(q: Questionnaire, answers: Answers): Answers {
  const keep = new Set(applicableQuestions(q, answers).map((question) => question.id));
  return Object.fromEntries(Object.entries(answers).filter(([key]) => keep.has(key)));
}
