import {
  applicableQuestions,
  checkAll,
  checkAnswer,
  nextQuestion,
  optionsOf,
  possibleCount,
  previousQuestion,
  pruneAnswers,
  questionnaireFor,
  type AnswerProblem,
  type AnswerValue,
  type Answers,
  type Question,
  type QuestionnaireId,
} from "../domain/questionnaire.js";
import { validateLimit } from "../domain/pairs.js";
import { QUESTIONNAIRES } from "../domain/questionnaires.js";
import { authorize } from "./access.js";
import { underIntakeClaim } from "./consent.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { ok, refuse, type Refusal, type Result } from "./result.js";

// The entry questionnaire (stages 2 and 3): opened once consent is given, one answer saved at a
// time (one write of that answer's field), back and skip, a summary, and a submit that checks
// every stored answer again against the definition and today's topic list.

export interface QuestionnaireState {
  membershipId: string;
  questionnaireId: QuestionnaireId;
  answers: Answers;
  /** The question being asked, or "summary". */
  cursor: string;
  submitted: boolean;
  /** The programme's topic list (requests and competencies), and the curator's own words for topics. */
  topicIds: string[];
  topicLabels: Record<string, string>;
  /** A multiple choice being toggled: the question and the options ticked so far. */
  selection: { questionId: string; values: string[] } | null;
}

/** The person's questionnaire, started if need be; refused when it is not theirs or not open to them. */
export async function openQuestionnaire(deps: ServiceDeps, actor: Actor, input: { membershipId: string }): Promise<Result<QuestionnaireState>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  const { me, programme } = granted.value;
  if (me.intake !== "questionnaire" && me.intake !== "ready") return refuse("rule", "questionnaire-closed");
  const questionnaireId = questionnaireFor(me.role, me.category);
  if (!questionnaireId) return refuse("rule", "questionnaire-closed");
  const definition = QUESTIONNAIRES[questionnaireId];
  const profile = await deps.store.profiles.open(
    { _id: me._id, userId: me.userId, programmeId: me.programmeId, questionnaireId, version: definition.version, cursor: definition.questions[0]!.id },
    deps.clock(),
  );
  return ok({
    membershipId: me._id,
    questionnaireId,
    answers: profile.answers,
    cursor: profile.cursor,
    submitted: profile.status === "submitted",
    topicIds: programme.topicIds,
    topicLabels: programme.topicLabels,
    selection: profile.selection,
  });
}

/** The questions that apply given the answers so far, in order. */
export const questionsOf = (state: Pick<QuestionnaireState, "questionnaireId" | "answers">): Question[] => applicableQuestions(QUESTIONNAIRES[state.questionnaireId], state.answers);

/** The total for «Вопрос N из M»: it does not grow when an answer opens a follow-up question. */
export const totalOf = (state: Pick<QuestionnaireState, "questionnaireId" | "answers">): number => possibleCount(QUESTIONNAIRES[state.questionnaireId], state.answers);

/** The question to ask now, or null for the summary. */
export function currentQuestion(state: QuestionnaireState): Question | null {
  const found = questionsOf(state).find((q) => q.id === state.cursor);
  if (found) return found;
  return state.cursor === "summary" ? null : nextQuestion(QUESTIONNAIRES[state.questionnaireId], state.answers);
}

/** Whether "back" leads anywhere from this question. */
export const hasPrevious = (state: QuestionnaireState, questionId: string): boolean => previousQuestion(QUESTIONNAIRES[state.questionnaireId], state.answers, questionId) !== null;

/** The summary: every applicable question with its answer (undefined when not answered). */
export function summaryOf(state: QuestionnaireState): { question: Question; answer: AnswerValue | undefined }[] {
  return questionsOf(state).map((question) => ({ question, answer: state.answers[question.id] }));
}

/** A problem with an answer as a refusal: the message key and its variables. */
export function problemRefusal(p: AnswerProblem): Refusal {
  switch (p.problem) {
    case "too-long":
      return refuse("rule", "input-too-long", { max: p.max });
    case "out-of-range":
      return refuse("rule", "answer-out-of-range", { min: p.min, max: p.max });
    case "too-few":
      return refuse("rule", "answer-too-few", { min: p.min });
    case "too-many":
      return refuse("rule", "answer-too-many", { max: p.max });
    default:
      return refuse("rule", `answer-${p.problem}`);
  }
}

/** Checks an answer without saving it (a flow re-asks at once on a bad one). */
export function checkOne(state: QuestionnaireState, questionId: string, raw: unknown): Result<AnswerValue> {
  const question = questionsOf(state).find((q) => q.id === questionId);
  if (!question) return refuse("stale");
  const checked = checkAnswer(question, raw, state.topicIds);
  if (!checked.ok) {
    const { ok: _ok, ...problem } = checked;
    return problemRefusal(problem);
  }
  return ok(checked.value);
}

/** Where to go after answering `answered`: the next unanswered applicable question, or the summary. */
function cursorAfter(questions: Question[], answers: Answers, answered: string): string {
  const index = questions.findIndex((q) => q.id === answered);
  const later = questions.slice(index + 1).find((q) => !(q.id in answers));
  return later?.id ?? questions.find((q) => !(q.id in answers))?.id ?? "summary";
}

/**
 * Saves one answer (raw: typed text, an option id, a number, the toggled options, or SKIPPED for
 * an optional question), checked first. One write: this answer's field, the cursor, and the
 * removal of answers to questions that no longer apply.
 */
export async function saveAnswer(deps: ServiceDeps, actor: Actor, input: { membershipId: string; questionId: string; raw: unknown }): Promise<Result<QuestionnaireState>> {
  const opened = await openQuestionnaire(deps, actor, input);
  if (!opened.ok) return opened;
  const state = opened.value;
  const checked = checkOne(state, input.questionId, input.raw);
  if (!checked.ok) return checked;
  const definition = QUESTIONNAIRES[state.questionnaireId];
  const all = { ...state.answers, [input.questionId]: checked.value };
  const answers = pruneAnswers(definition, all);
  const drop = Object.keys(all).filter((id) => !(id in answers));
  const cursor = state.submitted ? "summary" : cursorAfter(applicableQuestions(definition, answers), answers, input.questionId);
  // A multiple choice next: its ticks open in this same write (from its stored answer).
  const next = definition.questions.find((q) => q.id === cursor);
  const stored = next ? answers[next.id] : undefined;
  const selection = next?.kind === "multi" ? { questionId: next.id, values: Array.isArray(stored) ? stored : [] } : null;
  await deps.store.profiles.saveAnswer(state.membershipId, input.questionId, checked.value, cursor, deps.clock(), drop, selection);
  return ok({ ...state, answers, cursor, selection });
}

/** "Back": the question before this one, with its answer kept. */
export async function goBack(deps: ServiceDeps, actor: Actor, input: { membershipId: string; from: string }): Promise<Result<QuestionnaireState>> {
  const opened = await openQuestionnaire(deps, actor, input);
  if (!opened.ok) return opened;
  const previous = previousQuestion(QUESTIONNAIRES[opened.value.questionnaireId], opened.value.answers, input.from);
  if (!previous) return opened;
  await deps.store.profiles.setCursor(input.membershipId, previous.id, deps.clock());
  return ok({ ...opened.value, cursor: previous.id });
}

/** "Change answer N" from the summary (N counts from 1 among the applicable questions). */
export async function changeAnswer(deps: ServiceDeps, actor: Actor, input: { membershipId: string; number: number }): Promise<Result<QuestionnaireState>> {
  const opened = await openQuestionnaire(deps, actor, input);
  if (!opened.ok) return opened;
  const target = questionsOf(opened.value)[input.number - 1];
  if (!target) return refuse("stale");
  await deps.store.profiles.setCursor(input.membershipId, target.id, deps.clock());
  return ok({ ...opened.value, cursor: target.id });
}

/**
 * Submits: the stored answers are checked again (the topic list may have changed since); a
 * failing answer is asked again. A mentor's own answer on how many mentees at once becomes
 * their limit (the curator may lower it). The person is then ready for matching.
 */
export async function submitQuestionnaire(deps: ServiceDeps, actor: Actor, input: { membershipId: string }): Promise<Result<{ first: boolean }>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  const result = await underIntakeClaim(deps, input.membershipId, async (): Promise<Result<{ first: boolean }>> => {
    const opened = await openQuestionnaire(deps, actor, input);
    if (!opened.ok) return opened;
    const state = opened.value;
    const checked = checkAll(QUESTIONNAIRES[state.questionnaireId], state.answers, state.topicIds);
    if (!checked.ok) {
      await deps.store.profiles.setCursor(state.membershipId, checked.questionId, deps.clock());
      return refuse("rule", "questionnaire-recheck");
    }
    const now = deps.clock();
    await deps.store.profiles.submit(state.membershipId, now);
    const me = await deps.store.memberships.get(state.membershipId);
    if (!me) return refuse("stale");
    const capacity = state.answers["capacity"];
    if (me.role === "mentor" && typeof capacity === "number" && validateLimit(capacity) === "ok" && capacity !== me.mentorLimit) {
      await deps.store.memberships.setMentorLimit(me._id, capacity);
    }
    // Already ready (answers changed after submitting): no write to the membership.
    const first = me.intake === "questionnaire";
    if (first) await deps.store.memberships.moveIntake(me._id, ["questionnaire"], "ready", now);
    deps.logger.info({ membershipId: me._id, first }, "questionnaire submitted");
    return ok({ first });
  });
  return result ?? refuse("stale", "intake-busy");
}

/** The current question when it is the multiple choice shown as number `n`; null otherwise. */
function currentMulti(state: QuestionnaireState, n: number): Question | null {
  const question = currentQuestion(state);
  if (!question || question.kind !== "multi") return null;
  return questionsOf(state).findIndex((q) => q.id === question.id) + 1 === n ? question : null;
}

/**
 * Opens a multiple choice for toggling: the ticks start from its stored answer. The ticks live in
 * the profile, so that pressing toggles costs one small write and no conversation state.
 */
export async function beginSelection(deps: ServiceDeps, actor: Actor, input: { membershipId: string; questionId: string }): Promise<Result<QuestionnaireState>> {
  const opened = await openQuestionnaire(deps, actor, input);
  if (!opened.ok) return opened;
  const state = opened.value;
  const question = currentQuestion(state);
  if (!question || question.id !== input.questionId || question.kind !== "multi") return refuse("stale");
  if (state.selection?.questionId === question.id) return opened;
  const answer = state.answers[question.id];
  const values = Array.isArray(answer) ? answer : [];
  await deps.store.profiles.startSelection(state.membershipId, question.id, values, deps.clock());
  return ok({ ...state, selection: { questionId: question.id, values } });
}

/** The multiple choice shown as number `n`, with its ticks, for showing another page of it. */
export async function selectionScreen(deps: ServiceDeps, actor: Actor, input: { membershipId: string; question: number }): Promise<Result<{ state: QuestionnaireState; question: Question; values: string[] }>> {
  const opened = await openQuestionnaire(deps, actor, input);
  if (!opened.ok) return opened;
  const state = opened.value;
  const question = currentMulti(state, input.question);
  if (!question || state.selection?.questionId !== question.id) return refuse("stale");
  return ok({ state, question, values: state.selection.values });
}

/**
 * Ticks or unticks option `option` of the multiple choice shown as number `n`: one write of the
 * profile's selection. More ticks than the question allows are refused at once.
 */
export async function toggleOption(
  deps: ServiceDeps,
  actor: Actor,
  input: { membershipId: string; question: number; option: number },
): Promise<Result<{ state: QuestionnaireState; question: Question; values: string[] }>> {
  const shown = await selectionScreen(deps, actor, input);
  if (!shown.ok) return shown;
  const { state, question, values } = shown.value;
  const value = optionsOf(question, state.topicIds)[input.option];
  if (value === undefined) return refuse("rule", "answer-unknown-option");
  const tick = !values.includes(String(value));
  if (tick && question.kind === "multi" && values.length >= question.max) return refuse("rule", "answer-too-many", { max: question.max });
  const now = await deps.store.profiles.toggle(state.membershipId, question.id, String(value), tick, deps.clock());
  if (!now) return refuse("stale");
  return ok({ state: { ...state, selection: { questionId: question.id, values: now } }, question, values: now });
}
