import { Composer } from "grammy";
import { answerAgreement, requestReplacement } from "../../services/pairs.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { answerRefusal } from "../refusals.js";

// The people of a proposed pair agree or decline in one tap (2.6); a mentee or a mentor asks the
// curator for a replacement (5.1). Who may answer is decided by the service, from the store.

export function pairParticipantFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "pairAgree", async (ctx, { pairId, answer }) => {
    const result = await answerAgreement(ctx.deps, { userId: ctx.from!.id }, { pairId, answer: answer === "y" ? "accepted" : "declined" });
    if (!result.ok) return answerRefusal(ctx, result);
    await ctx.answerCallbackQuery({ text: ctx.t(`agreement-${result.value}`) });
    if (result.value !== "closed") await ctx.editMessageReplyMarkup().catch(() => {});
  });

  onAction(feature, "pairRequestReplacement", async (ctx, { pairId }) => {
    const result = await requestReplacement(ctx.deps, { userId: ctx.from!.id }, { pairId });
    if (!result.ok) return answerRefusal(ctx, result);
    await ctx.answerCallbackQuery({ text: ctx.t("replacement-requested"), show_alert: true });
  });
  return feature;
}
