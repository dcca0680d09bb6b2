import { SKIPPED, type AnswerValue } from "../domain/questionnaire.js";
import type { BaseContext, FlowContext, FlowConversation } from "../bot/context.js";
import { pressedAction } from "../bot/buttons.js";
import { choiceValues, numberOf, questionScreen, summaryScreen, toMenu } from "../bot/views/questionnaire.js";
import { beginSelection, changeAnswer, checkOne, currentQuestion, goBack, openQuestionnaire, saveAnswer, submitQuestionnaire } from "../services/questionnaires.js";
import { askAction, flowWait, type OneOf } from "./ask.js";

// The questionnaire: one question at a time, every answer saved at once in the store, so a
// restart or a pause of days loses nothing; "back", "skip" for optional questions, /cancel;
// a summary with "change answer N" and "submit"; answers checked again before they are stored.

export { QUESTIONNAIRE } from "./ids.js";
/** Upper bound of steps in one run, so that a forgotten conversation cannot grow without end. */
const MAX_STEPS = 300;

const actor = (c: BaseContext) => ({ userId: c.from!.id });

export async function questionnaire(conversation: FlowConversation, ctx: FlowContext, membershipId: string): Promise<void> {
  /** The reason the last answer was refused, shown above the same question asked again. */
  let refusedHint: string | undefined;
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
    /** A refused answer: the reason, and under it the question again with its buttons. */
    const reask = async (c: FlowContext, hint: string) => {
      // Read afresh: a multiple choice's ticks live in the profile and change outside the flow.
      const now = await openQuestionnaire(c.deps, actor(c), { membershipId });
      const screen = questionScreen(c, now.ok ? now.value : state, question, hint);
      await c.reply(screen.text, screen.keyboard ? { reply_markup: screen.keyboard } : {});
    };
    const otherwise = (c: FlowContext) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : reask(c, c.t(c.message?.text !== undefined ? "input-use-buttons" : "input-not-text")));
    const hint = refusedHint;
    refusedHint = undefined;
    let answer: AnswerValue | "back";
    if (question.kind === "text" || question.kind === "number") {
      const screen = questionScreen(ctx, state, question, hint);
      await ctx.reply(screen.text, screen.keyboard ? { reply_markup: screen.keyboard } : {});
      const got = await flowWait(conversation)
        .and(
          (c) => {
            if (c.message?.text !== undefined) return true;
            const nav = pressedAction(c, ["questionNav"]);
            return nav !== null && ours(nav) && nav.go !== "done";
          },
          { otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : reask(c, c.t("input-not-text"))) },
        )
        .and((c) => c.callbackQuery !== undefined || checkOne(state, question.id, c.message!.text).ok, {
          otherwise: (c) => {
            const checked = checkOne(state, question.id, c.message?.text);
            return reask(c, checked.ok ? c.t("input-not-text") : c.t(checked.reason, checked.vars));
          },
        });
      if (got.callbackQuery) await got.answerCallbackQuery();
      const nav = pressedAction(got, ["questionNav"]);
      answer = nav ? (nav.go === "back" ? "back" : SKIPPED) : (got.message!.text ?? "");
    } else if (question.kind === "single" || question.kind === "scale") {
      const screen = questionScreen(ctx, state, question, hint);
      await ctx.reply(screen.text, { reply_markup: screen.keyboard! });
      const values = choiceValues(question, state.topicIds);
      const pressed = await flowWait(conversation).and(
        (c) => {
          const a = pressedAction(c, ["questionOption", "questionNav"]) as OneOf<"questionOption" | "questionNav"> | null;
          return a !== null && ours(a) && (a.type === "questionNav" ? a.go !== "done" : a.option < values.length);
        },
        { otherwise },
      );
      await pressed.answerCallbackQuery();
      const action = pressedAction(pressed, ["questionOption", "questionNav"]) as OneOf<"questionOption" | "questionNav">;
      answer = action.type === "questionNav" ? (action.go === "back" ? "back" : SKIPPED) : values[action.option]!;
    } else {
      // Multiple choice: the ticks live in the profile. Toggles and pages are handled outside this
      // conversation (bot/features/questionnaire.ts), which waits only for done, back or skip, so
      // that a thousand toggles leave its saved state as it was.
      const begun = await conversation.external((c) => beginSelection(c.deps, actor(c), { membershipId, questionId: question.id }));
      if (!begun.ok) continue;
      const screen = questionScreen(ctx, begun.value, question, hint);
      await ctx.reply(screen.text, { reply_markup: screen.keyboard! });
      const pressed = await flowWait(conversation).and(
        (c) => {
          const a = pressedAction(c, ["questionNav"]);
          return a !== null && ours(a);
        },
        { otherwise },
      );
      await pressed.answerCallbackQuery();
      const action = pressedAction(pressed, ["questionNav"])!;
      if (action.go === "done") {
        const now = await conversation.external((c) => openQuestionnaire(c.deps, actor(c), { membershipId }));
        answer = now.ok && now.value.selection?.questionId === question.id ? now.value.selection.values : [];
      } else answer = action.go === "back" ? "back" : SKIPPED;
    }

    if (answer === "back") {
      await conversation.external((c) => goBack(c.deps, actor(c), { membershipId, from: question.id }));
      continue;
    }
    const saved = await conversation.external((c) => saveAnswer(c.deps, actor(c), { membershipId, questionId: question.id, raw: answer }));
    // Refused (too few ticks, say): the loop asks the same question again, the reason above it.
    if (!saved.ok && saved.kind === "rule" && saved.reason !== "questionnaire-closed") refusedHint = ctx.t(saved.reason, saved.vars);
  }
}
