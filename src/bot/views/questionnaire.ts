import { InlineKeyboard } from "grammy";
import type { Question } from "../../domain/questionnaire.js";
import { hasPrevious, questionsOf, summaryOf, type QuestionnaireState } from "../../services/questionnaires.js";
import { answerText, topicLabeller } from "../answers.js";
import { pack, addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import type { Screen } from "../screen.js";

// The questionnaire's screens: one question with its buttons, and the summary.

/** The values a choice question offers, in button order (option ids, or numbers of a scale). */
export function choiceValues(question: Question, topicIds: readonly string[]): (string | number)[] {
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

/** The first line of a prompt, short enough for a summary line. */
function shortPrompt(ctx: BaseContext, question: Question): string {
  const first = ctx.t(`q-${question.id}`).split("\n")[0] ?? "";
  return first.length > 60 ? `${first.slice(0, 57)}…` : first;
}

const labelOf = (ctx: BaseContext, state: QuestionnaireState) => topicLabeller(ctx.t, state.topicLabels);

/** The question's number among the applicable ones (from 1). */
export const numberOf = (state: QuestionnaireState, question: Question): number => questionsOf(state).findIndex((q) => q.id === question.id) + 1;

/** "Back" and "skip", as they apply to this question. */
function navigation(ctx: BaseContext, state: QuestionnaireState, question: Question, kb: InlineKeyboard): InlineKeyboard {
  const n = numberOf(state, question);
  if (hasPrevious(state, question.id)) addButton(kb, ctx.t("question-back"), { type: "questionNav", question: n, go: "back" });
  if (question.optional) addButton(kb, ctx.t("question-skip"), { type: "questionNav", question: n, go: "skip" });
  return kb;
}

/** The prompt of one question: its number, words, hint and the current answer. */
export function questionText(ctx: BaseContext, state: QuestionnaireState, question: Question): string {
  const questions = questionsOf(state);
  const current = state.answers[question.id];
  const header = ctx.t("question-header", { n: numberOf(state, question), total: questions.length });
  const now = current !== undefined ? `\n\n${ctx.t("question-current", { answer: answerText(ctx.t, question, current, labelOf(ctx, state)) })}` : "";
  const hintKey = question.kind === "text" ? "question-hint-text" : question.kind === "number" ? "question-hint-number" : question.kind === "multi" ? "question-hint-multi" : "question-hint-choice";
  return `${header}\n\n${ctx.t(`q-${question.id}`)}\n\n${ctx.t(hintKey, question.kind === "number" ? { min: question.min, max: question.max } : undefined)}${now}`;
}

/** A text or number question: the prompt, and "back"/"skip" when they apply. */
export function typedQuestion(ctx: BaseContext, state: QuestionnaireState, question: Question): { text: string; keyboard: InlineKeyboard | null } {
  const kb = navigation(ctx, state, question, new InlineKeyboard());
  return { text: questionText(ctx, state, question), keyboard: kb.inline_keyboard.some((row) => row.length) ? kb : null };
}

/** A single choice or a scale: a button per value. */
export function choiceQuestion(ctx: BaseContext, state: QuestionnaireState, question: Question): Screen {
  const n = numberOf(state, question);
  const kb = new InlineKeyboard();
  choiceValues(question, state.topicIds).forEach((v, i) => {
    addButton(kb, question.kind === "single" ? ctx.t(`opt-${v}`) : String(v), { type: "questionOption", question: n, option: i });
    if (question.kind === "single" || i % 5 === 4) kb.row();
  });
  kb.row();
  return { text: questionText(ctx, state, question), keyboard: navigation(ctx, state, question, kb) };
}

/** A multiple choice: toggles (☑️/⬜), "done", then "back"/"skip". */
export function multiKeyboard(ctx: BaseContext, state: QuestionnaireState, question: Question, selected: ReadonlySet<string>): InlineKeyboard {
  const n = numberOf(state, question);
  const kb = new InlineKeyboard();
  const label = (o: string) => (question.kind === "multi" && question.options === "topics" ? labelOf(ctx, state)(o) : ctx.t(`opt-${o}`));
  choiceValues(question, state.topicIds).forEach((o, i) => {
    addButton(kb, `${selected.has(String(o)) ? "☑️" : "⬜"} ${label(String(o))}`, { type: "questionToggle", question: n, option: i }).row();
  });
  addButton(kb, ctx.t("question-done"), { type: "questionNav", question: n, go: "done" }).row();
  return navigation(ctx, state, question, kb);
}

/** The summary: every answer with a button to change it, and "submit" / "later". */
export function summaryScreen(ctx: BaseContext, state: QuestionnaireState): Screen {
  const rows = summaryOf(state);
  const label = labelOf(ctx, state);
  const lines = rows.map((r, i) => `${i + 1}. ${shortPrompt(ctx, r.question)}\n   ${answerText(ctx.t, r.question, r.answer, label)}`);
  const kb = new InlineKeyboard();
  rows.forEach((_, i) => {
    addButton(kb, ctx.t("summary-change", { n: i + 1 }), { type: "summaryChange", question: i + 1 });
    if (i % 4 === 3) kb.row();
  });
  kb.row();
  addButton(kb, ctx.t(state.submitted ? "summary-save" : "summary-submit"), { type: "summaryDo", go: "submit" }).row();
  addButton(kb, ctx.t("summary-later"), { type: "summaryDo", go: "later" });
  return { text: [ctx.t("summary-title"), ...lines].join("\n"), keyboard: kb };
}

/** After "later" or a submit: a way back to the menu. */
export const toMenu = (ctx: BaseContext): InlineKeyboard => new InlineKeyboard().text(ctx.t("to-menu"), pack({ type: "menuOpen" }));
