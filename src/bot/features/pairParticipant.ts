import { Composer, InlineKeyboard } from "grammy";
import { DECLINE_REASONS, declineNeedsText, reasonKey, type DeclineReason } from "../../domain/pairs.js";
import { DECLINE_TEXT } from "../../flows/ids.js";
import type { Action } from "../../services/actions/index.js";
import { answerAgreement, answerReplacement, mayDecline, mayDeclineReplacement, requestReplacement } from "../../services/pairs.js";
import { addButton, onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";

// The people of a proposed pair agree or decline in one tap (2.6), and so do the people of a
// proposed new mentor (2.8); a decline asks why (a reason in one more tap, «другое» in a short
// text); a mentee or a mentor asks the curator for a replacement (5.1). Who may answer is decided
// by the service, from the store.

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

/** The reasons to decline, one to a row: each press is the decline, «другое» asks for a text first. */
function reasonsKeyboard(ctx: BotContext, to: (reason: DeclineReason) => Action): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const reason of DECLINE_REASONS) addButton(kb, ctx.t(reasonKey("decline", reason)), to(reason)).row();
  return kb;
}

/**
 * «Не согласен»: a message asks why. The proposal keeps its buttons until a reason is chosen, so
 * one who pressed by mistake still agrees there.
 */
async function askWhy(ctx: BotContext, to: (reason: DeclineReason) => Action): Promise<void> {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("decline-ask-reason"), { reply_markup: reasonsKeyboard(ctx, to) });
}

export function pairParticipantFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "pairAgree", async (ctx, { pairId, answer }) => {
    if (answer === "n") {
      const may = await mayDecline(ctx.deps, actor(ctx), { pairId });
      if (!may.ok) return answerRefusal(ctx, may);
      return askWhy(ctx, (reason) => ({ type: "pairDecline", pairId, reason }));
    }
    const result = await answerAgreement(ctx.deps, actor(ctx), { pairId, answer: "accepted" });
    if (!result.ok) return answerRefusal(ctx, result);
    await ctx.answerCallbackQuery({ text: ctx.t(`agreement-${result.value}`) });
    if (result.value !== "closed") await ctx.editMessageReplyMarkup().catch(() => {});
  });

  onAction(feature, "pairDecline", async (ctx, { pairId, reason }) => {
    if (declineNeedsText(reason)) {
      const may = await mayDecline(ctx.deps, actor(ctx), { pairId });
      if (!may.ok) return answerRefusal(ctx, may);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => {});
      return enterFlow(ctx, DECLINE_TEXT, "pair", pairId);
    }
    const result = await answerAgreement(ctx.deps, actor(ctx), { pairId, answer: "declined", decline: { reason } });
    if (!result.ok) return answerRefusal(ctx, result);
    await ctx.answerCallbackQuery({ text: ctx.t(`agreement-${result.value}`) });
    await ctx.editMessageReplyMarkup().catch(() => {});
  });

  onAction(feature, "replAgree", async (ctx, { replacementId, answer }) => {
    if (answer === "n") {
      const may = await mayDeclineReplacement(ctx.deps, actor(ctx), { replacementId });
      if (!may.ok) return answerRefusal(ctx, may);
      return askWhy(ctx, (reason) => ({ type: "replDecline", replacementId, reason }));
    }
    const result = await answerReplacement(ctx.deps, actor(ctx), { replacementId, answer: "accepted" });
    if (!result.ok) return answerRefusal(ctx, result);
    await ctx.answerCallbackQuery({ text: ctx.t(`replace-result-${result.value}`) });
    if (result.value !== "closed") await ctx.editMessageReplyMarkup().catch(() => {});
  });

  onAction(feature, "replDecline", async (ctx, { replacementId, reason }) => {
    if (declineNeedsText(reason)) {
      const may = await mayDeclineReplacement(ctx.deps, actor(ctx), { replacementId });
      if (!may.ok) return answerRefusal(ctx, may);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup().catch(() => {});
      return enterFlow(ctx, DECLINE_TEXT, "replacement", replacementId);
    }
    const result = await answerReplacement(ctx.deps, actor(ctx), { replacementId, answer: "declined", decline: { reason } });
    if (!result.ok) return answerRefusal(ctx, result);
    await ctx.answerCallbackQuery({ text: ctx.t(`replace-result-${result.value}`) });
    await ctx.editMessageReplyMarkup().catch(() => {});
  });

  onAction(feature, "pairRequestReplacement", async (ctx, { pairId }) => {
    const result = await requestReplacement(ctx.deps, actor(ctx), { pairId });
    if (!result.ok) return answerRefusal(ctx, result);
    await ctx.answerCallbackQuery({ text: ctx.t("replacement-requested"), show_alert: true });
  });
  return feature;
}
