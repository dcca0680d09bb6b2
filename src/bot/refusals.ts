import type { Refusal } from "../services/result.js";
import type { BaseContext } from "./context.js";

/** Tells the person why a service refused: an alert on a button press, a reply otherwise. */
export async function answerRefusal(ctx: BaseContext, refusal: Refusal): Promise<void> {
  const text = ctx.t(refusal.reason, refusal.vars);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
}
