import { Composer } from "grammy";
import { openParentLink as openLink, parentDecide } from "../../services/consent.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { answerRefusal } from "../refusals.js";
import { parentQuestion } from "../views/consent.js";

// A parent opens the link their child passed on, sees which child, which school and programme,
// what data and why, and accepts or declines. The child and the curators are told (notices).

export async function openParentLink(ctx: BotContext, token: string): Promise<void> {
  const opened = await openLink(ctx.deps, { userId: ctx.from!.id }, { token });
  if (!opened.ok) return answerRefusal(ctx, opened);
  const screen = await parentQuestion(ctx, opened.value);
  await ctx.reply(screen.text, { reply_markup: screen.keyboard });
}

export function parentFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "parentDecide", async (ctx, { membershipId, answer }) => {
    const decided = await parentDecide(ctx.deps, { userId: ctx.from!.id }, { membershipId, accept: answer === "y" });
    if (!decided.ok) return answerRefusal(ctx, decided);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(ctx.t(decided.value.accepted ? "parent-thanks" : "parent-declined"));
  });
  return feature;
}
