import { InlineKeyboard } from "grammy";
import { checkText } from "../domain/text.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";

// Small building blocks of conversations: ask for text or for a button, re-ask on bad input.
// Bad answers are skipped by the plugin (not kept in the replay log), so re-asking never grows it.

/** Answers whatever is not the expected input: a stale button press or a non-text message. */
async function hint(ctx: FlowContext, key: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("input-use-buttons") });
  else await ctx.reply(ctx.t(key));
}

export async function askText(conversation: FlowConversation, ctx: FlowContext, prompt: string, maxLength: number, keyboard?: InlineKeyboard): Promise<string> {
  await ctx.reply(prompt, keyboard ? { reply_markup: keyboard } : {});
  const answer = await conversation
    .waitFor("message:text", { otherwise: (c) => hint(c, "input-not-text") })
    .and((c) => checkText(c.msg.text, maxLength).ok, {
      otherwise: (c) => {
        const checked = checkText(c.message?.text, maxLength);
        return c.reply(!checked.ok && checked.problem === "too-long" ? c.t("input-too-long", { max: maxLength }) : c.t("input-empty"));
      },
    });
  const checked = checkText(answer.msg.text, maxLength);
  return checked.ok ? checked.value : "";
}

/** Waits for one of the given callback data values and answers the button press. */
export async function askChoice<T extends string>(conversation: FlowConversation, choices: readonly T[]): Promise<{ choice: T; ctx: FlowContext }> {
  const pressed = await conversation.waitForCallbackQuery([...choices], { otherwise: (c) => hint(c, "input-use-buttons") });
  await pressed.answerCallbackQuery();
  return { choice: pressed.callbackQuery.data as T, ctx: pressed };
}
