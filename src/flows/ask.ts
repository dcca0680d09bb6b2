import { InlineKeyboard } from "grammy";
import { checkText } from "../domain/text.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { isFlowButton, pressedAction } from "../bot/buttons.js";
import type { ActionOf, ActionType } from "../services/actions/index.js";

// Small building blocks of conversations: ask for text or for a button, re-ask on bad input.
// Bad answers are skipped by the plugin (not kept in the replay log), so re-asking never grows it.

/** The flows' own buttons: the table's actions marked `flow` (any other button belongs to the features). */
const isFlowData = (data: string) => isFlowButton(data);

const isCommand = (c: FlowContext) => c.message?.entities?.some((e) => e.type === "bot_command" && e.offset === 0) ?? false;

/**
 * The next update for a waiting flow. Commands and the menus' buttons pass through to the rest
 * of the bot while the flow keeps waiting: /menu works in the middle of a questionnaire, and a
 * command is never taken as an answer.
 */
export function flowWait(conversation: FlowConversation) {
  return conversation.wait().unless((c) => isCommand(c) || (c.callbackQuery !== undefined && !isFlowData(c.callbackQuery.data ?? "")), { next: true });
}

/** Answers whatever is not the expected input: a stale button press or a non-text message. */
async function hint(ctx: FlowContext, key: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("input-use-buttons") });
  else await ctx.reply(ctx.t(key));
}

export async function askText(conversation: FlowConversation, ctx: FlowContext, prompt: string, maxLength: number, keyboard?: InlineKeyboard): Promise<string> {
  await ctx.reply(prompt, keyboard ? { reply_markup: keyboard } : {});
  const answer = await flowWait(conversation)
    .and((c) => c.message?.text !== undefined, { otherwise: (c) => hint(c, "input-not-text") })
    .and((c) => checkText(c.message!.text, maxLength).ok, {
      otherwise: (c) => {
        const checked = checkText(c.message?.text, maxLength);
        return c.reply(!checked.ok && checked.problem === "too-long" ? c.t("input-too-long", { max: maxLength }) : c.t("input-empty"));
      },
    });
  const checked = checkText(answer.message!.text, maxLength);
  return checked.ok ? checked.value : "";
}

/** Waits for one of the given callback data values and answers the button press. */
export async function askChoice<T extends string>(conversation: FlowConversation, choices: readonly T[]): Promise<{ choice: T; ctx: FlowContext }> {
  const pressed = await flowWait(conversation).and((c) => (choices as readonly string[]).includes(c.callbackQuery?.data ?? ""), { otherwise: (c) => hint(c, "input-use-buttons") });
  await pressed.answerCallbackQuery();
  return { choice: pressed.callbackQuery!.data as T, ctx: pressed };
}

/** One of the given action types, as a union the caller can narrow by `type`. */
export type OneOf<K extends ActionType> = { [T in K]: ActionOf<T> }[K];

/**
 * Waits for a press of one of the table's flow actions (optionally one that `accept` takes) and
 * answers the press; anything else is hinted at and skipped.
 */
export async function askAction<K extends ActionType>(
  conversation: FlowConversation,
  types: readonly K[],
  accept: (action: OneOf<K>) => boolean = () => true,
): Promise<{ action: OneOf<K>; ctx: FlowContext }> {
  const pressed = await flowWait(conversation).and(
    (c) => {
      const action = pressedAction(c, types) as OneOf<K> | null;
      return action !== null && accept(action);
    },
    { otherwise: (c) => hint(c, "input-use-buttons") },
  );
  await pressed.answerCallbackQuery();
  return { action: pressedAction(pressed, types) as OneOf<K>, ctx: pressed };
}
