import { InlineKeyboard } from "grammy";
import { pageOf } from "../../domain/paging.js";
import { optionsOf, type Question } from "../../domain/questionnaire.js";
import { hasPrevious, questionsOf, summaryOf, totalOf, type QuestionnaireState } from "../../services/questionnaires.js";
import { answerText, questionLabel, topicLabeller } from "../answers.js";
import { pack, addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { KEYBOARD_MAX_BUTTONS } from "../limits.js";
import type { Screen } from "../screen.js";
import { addPagerRow } from "./paging.js";

// The questionnaire's screens: one question with its buttons, and the summary.

/** The values a choice question offers, in button order (option ids, or numbers of a scale). */
export const choiceValues = optionsOf;

/**
 * Options of a multiple choice per page. With the pager row (3), "done" and "back"/"skip" (3)
 * a page stays far below Telegram's 100 buttons a keyboard (limits.ts), one option a row.
 */
export const OPTIONS_PER_PAGE = 20;
if (OPTIONS_PER_PAGE + 6 > KEYBOARD_MAX_BUTTONS) throw new Error("a page of options would exceed Telegram's buttons per keyboard");

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
  const header = ctx.t("question-header", { n: numberOf(state, question), total: Math.max(totalOf(state), questions.length) });
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

/** The page of a multiple choice that holds option `option`. */
export const pageOfOption = (option: number): number => Math.floor(option / OPTIONS_PER_PAGE);

/** A multiple choice: one page of toggles (☑️/⬜), the pager, "done", then "back"/"skip". */
export function multiKeyboard(ctx: BaseContext, state: QuestionnaireState, question: Question, selected: ReadonlySet<string>, page = 0): InlineKeyboard {
  const n = numberOf(state, question);
  const kb = new InlineKeyboard();
  const label = (o: string) => (question.kind === "multi" && question.options === "topics" ? labelOf(ctx, state)(o) : ctx.t(`opt-${o}`));
  const options = choiceValues(question, state.topicIds).map((o, i) => ({ o: String(o), i }));
  const shown = pageOf(options, page, OPTIONS_PER_PAGE);
  for (const { o, i } of shown.items) {
    addButton(kb, `${selected.has(o) ? "☑️" : "⬜"} ${label(o)}`, { type: "questionToggle", membershipId: state.membershipId, question: n, option: i }).row();
  }
  addPagerRow(ctx, kb, shown, (p) => ({ type: "questionPage", membershipId: state.membershipId, question: n, page: p }));
  addButton(kb, selected.size ? ctx.t("question-done-count", { count: selected.size }) : ctx.t("question-done"), { type: "questionNav", question: n, go: "done" }).row();
  return navigation(ctx, state, question, kb);
}

/** The ticks to show for a multiple choice: the ones being made, else the stored answer. */
export function ticksOf(state: QuestionnaireState, question: Question): Set<string> {
  if (state.selection?.questionId === question.id) return new Set(state.selection.values);
  const answer = state.answers[question.id];
  return new Set(Array.isArray(answer) ? answer : []);
}

/** Any question with its buttons; `hint` (a refused answer's reason) goes above it. */
export function questionScreen(ctx: BaseContext, state: QuestionnaireState, question: Question, hint?: string): { text: string; keyboard: InlineKeyboard | null } {
  const screen =
    question.kind === "text" || question.kind === "number"
      ? typedQuestion(ctx, state, question)
      : question.kind === "multi"
        ? { text: questionText(ctx, state, question), keyboard: multiKeyboard(ctx, state, question, ticksOf(state, question)) }
        : choiceQuestion(ctx, state, question);
  return hint ? { ...screen, text: `${hint}\n\n${screen.text}` } : screen;
}

/** The summary: every answer with a button to change it, and "submit" / "later". */
export function summaryScreen(ctx: BaseContext, state: QuestionnaireState): Screen {
  const rows = summaryOf(state);
  const label = labelOf(ctx, state);
  const lines = rows.map((r, i) => `${i + 1}. ${questionLabel(ctx.t, r.question)}\n   ${answerText(ctx.t, r.question, r.answer, label)}`);
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
export const toMenu = (ctx: BaseContext): InlineKeyboard => new InlineKeyboard().text(ctx.t("common-menu"), pack({ type: "menuOpen" }));
