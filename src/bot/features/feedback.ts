import { Composer } from "grammy";
import { FEEDBACK_COMMENT, FLAG_COMMENT, FLAG_HANDLE } from "../../flows/ids.js";
import { askForHelp, flagCard, flagsList, ownFeedback, ownOpenFlag, rateMeeting } from "../../services/feedback.js";
import { parentCard, sideCard } from "../../services/pairCards.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { flagCardScreen, flagsListScreen, helpScreen, parentCardScreen, ratedScreen, sideCardScreen } from "../views/feedback.js";

// Feedback after meetings, «🆘 Нужна помощь», the curators' flags, and the pair cards (stage 6).

export function feedbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

  onAction(feature, "feedbackRate", async (ctx, { meetingId, rating }) => {
    const rated = await rateMeeting(ctx.deps, actor(ctx), { meetingId, rating });
    if (!rated.ok) return answerRefusal(ctx, rated);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, ratedScreen(ctx, meetingId, rated.value));
  });

  onAction(feature, "feedbackComment", async (ctx, { meetingId }) => {
    const own = await ownFeedback(ctx.deps, actor(ctx), { meetingId });
    if (!own.ok) return answerRefusal(ctx, own);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, FEEDBACK_COMMENT, meetingId);
  });

  onAction(feature, "pairHelp", async (ctx, { pairId }) => {
    const raised = await askForHelp(ctx.deps, actor(ctx), { pairId });
    if (!raised.ok) return answerRefusal(ctx, raised);
    await ctx.answerCallbackQuery({ text: ctx.t(raised.value.fresh ? "help-sent-short" : "help-already-short") });
    const screen = helpScreen(ctx, raised.value.flagId, raised.value.fresh);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });

  onAction(feature, "flagComment", async (ctx, { flagId }) => {
    const flag = await ownOpenFlag(ctx.deps, actor(ctx), { flagId });
    if (!flag.ok) return answerRefusal(ctx, flag);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, FLAG_COMMENT, flagId);
  });

  onAction(feature, "flagsList", async (ctx, { programmeId, page }) => {
    const list = await flagsList(ctx.deps, actor(ctx), { programmeId, page });
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await flagsListScreen(ctx, list.value));
  });

  onAction(feature, "flagOpen", async (ctx, { flagId }) => {
    const card = await flagCard(ctx.deps, actor(ctx), { flagId });
    if (!card.ok) return answerRefusal(ctx, card);
    await ctx.answerCallbackQuery();
    // Opened from an alert, the card comes as a new message (the alert stays as it was).
    const screen = await flagCardScreen(ctx, card.value);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });

  onAction(feature, "flagHandle", async (ctx, { flagId }) => {
    const card = await flagCard(ctx.deps, actor(ctx), { flagId });
    if (!card.ok) return answerRefusal(ctx, card);
    if (card.value.flag.handledAt) return ctx.answerCallbackQuery({ text: ctx.t("flag-already-handled"), show_alert: true });
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, FLAG_HANDLE, flagId);
  });

  onAction(feature, "pairSideCard", async (ctx, { pairId }) => {
    const card = await sideCard(ctx.deps, actor(ctx), { pairId });
    if (!card.ok) return answerRefusal(ctx, card);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await sideCardScreen(ctx, card.value));
  });

  onAction(feature, "parentCard", async (ctx, { membershipId }) => {
    const card = await parentCard(ctx.deps, actor(ctx), { membershipId });
    if (!card.ok) return answerRefusal(ctx, card);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await parentCardScreen(ctx, card.value));
  });
  return feature;
}
