import { Composer } from "grammy";
import { isOperator, refuse } from "../access.js";
import type { BotContext } from "../context.js";
import { CREATE_SCHOOL } from "../../flows/ids.js";
import { enterFlow } from "../flow.js";

// The operator sets up schools and programmes. Operator buttons outside the school conversation
// (stale, or forged by someone else) are refused here.

export function operatorFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("newschool", async (ctx) => {
    if (!isOperator(ctx)) return ctx.reply(ctx.t("operator-only"));
    await enterFlow(ctx, CREATE_SCHOOL);
  });
  feature.callbackQuery(/^op:/, (ctx) => refuse(ctx, isOperator(ctx) ? "button-stale" : "operator-only"));
  return feature;
}
