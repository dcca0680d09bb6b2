import { SKIPPED, type AnswerValue } from "../domain/questionnaire.js";
import type { BaseContext, FlowContext, FlowConversation } from "../bot/context.js";
import { pressedAction } from "../bot/buttons.js";
import { choiceQuestion, choiceValues, multiKeyboard, numberOf, questionText, summaryScreen, toMenu, typedQuestion } from "../bot/views/questionnaire.js";
import { changeAnswer, checkOne, currentQuestion, goBack, openQuestionnaire, saveAnswer, submitQuestionnaire } from "../services/questionnaires.js";
import { askAction, flowWait, type OneOf } from "./ask.js";

// The questionnaire: one question at a time, every answer saved at once in the store, so a
// restart or a pause of days loses nothing; "back", "skip" for optional questions, /cancel;
// a summary with "change answer N" and "submit"; answers checked again before they are stored.

export { QUESTIONNAIRE } from "./ids.js";
/** Upper bound of steps in one run, so that a forgotten conversation cannot grow without end. */
const MAX_STEPS = 300;

const actor = (c: BaseContext) => ({ userId: c.from!.id });
const useButtons = (c: FlowContext) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-use-buttons")));

export async function questionnaire(conversation: FlowConversation, ctx: FlowContext, membershipId: string): Promise<void> {
  for (let step = 0; step < MAX_STEPS; step++) {
    const opened = await conversation.external((c) => openQuestionnaire(c.deps, actor(c), { membershipId }));
    if (!opened.ok) return void (await ctx.reply(ctx.t("questionnaire-closed")));
    const state = opened.value;
    const question = currentQuestion(state);

    if (!question) {
      const summary = summaryScreen(ctx, state);
      await ctx.reply(summary.text, { reply_markup: summary.keyboard });
      const { action } = await askAction(conversation, ["summaryChange", "summaryDo"]);
      if (action.type === "summaryChange") {
        await conversation.external((c) => changeAnswer(c.deps, actor(c), { membershipId, number: action.question }));
        continue;
      }
      if (action.go === "later") return void (await ctx.reply(ctx.t("questionnaire-paused"), { reply_markup: toMenu(ctx) }));
      const submitted = await conversation.external((c) => submitQuestionnaire(c.deps, actor(c), { membershipId }));
      if (!submitted.ok) {
        await ctx.reply(ctx.t(submitted.reason, submitted.vars));
        if (submitted.reason === "questionnaire-recheck") continue;
        return;
      }
      return void (await ctx.reply(ctx.t("questionnaire-submitted"), { reply_markup: toMenu(ctx) }));
    }

    const n = numberOf(state, question);
    const ours = (a: { question: number }) => a.question === n;
    let answer: AnswerValue | "back";
    if (question.kind === "text" || question.kind === "number") {
      const screen = typedQuestion(ctx, state, question);
      await ctx.reply(screen.text, screen.keyboard ? { reply_markup: screen.keyboard } : {});
      const got = await flowWait(conversation)
        .and(
          (c) => {
            if (c.message?.text !== undefined) return true;
            const nav = pressedAction(c, ["questionNav"]);
            return nav !== null && ours(nav) && nav.go !== "done";
          },
          { otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-not-text"))) },
        )
        .and((c) => c.callbackQuery !== undefined || checkOne(state, question.id, c.message!.text).ok, {
          otherwise: (c) => {
            const checked = checkOne(state, question.id, c.message?.text);
            return c.reply(checked.ok ? c.t("input-not-text") : c.t(checked.reason, checked.vars));
          },
        });
      if (got.callbackQuery) await got.answerCallbackQuery();
      const nav = pressedAction(got, ["questionNav"]);
      answer = nav ? (nav.go === "back" ? "back" : SKIPPED) : (got.message!.text ?? "");
    } else if (question.kind === "single" || question.kind === "scale") {
      const screen = choiceQuestion(ctx, state, question);
      await ctx.reply(screen.text, { reply_markup: screen.keyboard });
      const values = choiceValues(question, state.topicIds);
      const { action } = await askAction(conversation, ["questionOption", "questionNav"], (a) => ours(a) && (a.type === "questionNav" ? a.go !== "done" : a.option < values.length));
      answer = action.type === "questionNav" ? (action.go === "back" ? "back" : SKIPPED) : values[action.option]!;
    } else {
      // Multiple choice: toggles edit the message in place; "done" submits the selection.
      const options = choiceValues(question, state.topicIds).map(String);
      const current = state.answers[question.id];
      const selected = new Set(Array.isArray(current) ? current : []);
      const message = await ctx.reply(questionText(ctx, state, question), { reply_markup: multiKeyboard(ctx, state, question, selected) });
      answer = "back";
      for (let presses = 0; presses < 200; presses++) {
        const pressed = await flowWait(conversation).and(
          (c) => {
            const a = pressedAction(c, ["questionToggle", "questionNav"]) as OneOf<"questionToggle" | "questionNav"> | null;
            return a !== null && ours(a);
          },
          { otherwise: useButtons },
        );
        const action = pressedAction(pressed, ["questionToggle", "questionNav"]) as OneOf<"questionToggle" | "questionNav">;
        if (action.type === "questionToggle") {
          const option = options[action.option];
          if (option === undefined) {
            await pressed.answerCallbackQuery({ text: ctx.t("answer-unknown-option") });
            continue;
          }
          if (selected.has(option)) selected.delete(option);
          else selected.add(option);
          await pressed.answerCallbackQuery();
          await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: multiKeyboard(ctx, state, question, selected) });
          continue;
        }
        if (action.go === "done") {
          const checked = checkOne(state, question.id, [...selected]);
          if (!checked.ok) {
            await pressed.answerCallbackQuery({ text: ctx.t(checked.reason, checked.vars), show_alert: true });
            continue;
          }
          await pressed.answerCallbackQuery();
          answer = [...selected];
          break;
        }
        await pressed.answerCallbackQuery();
        answer = action.go === "back" ? "back" : SKIPPED;
        break;
      }
    }

    if (answer === "back") {
      await conversation.external((c) => goBack(c.deps, actor(c), { membershipId, from: question.id }));
      continue;
    }
    const saved = await conversation.external((c) => saveAnswer(c.deps, actor(c), { membershipId, questionId: question.id, raw: answer }));
    if (!saved.ok && saved.kind === "rule" && saved.reason !== "questionnaire-closed") await ctx.reply(ctx.t(saved.reason, saved.vars));
  }
}
