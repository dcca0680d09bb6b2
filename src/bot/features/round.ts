import { Composer } from "grammy";
import type { Actor } from "../../services/deps.js";
import { closeRound, finishRanking, openRound, pressRanking, roundStatus, startRanking, type RankingPress } from "../../services/rounds.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { rankingSaved, rankingScreen, roundScreen } from "../views/rounds.js";

// The preference round (stage 5): the curator opens it with a deadline, everyone who may rank is
// asked, the curator sees who has answered (a page at a time) and closes it; a person asked ranks
// the other side. The ranking in progress is kept in the store by the rounds service: every press
// is one service call that checks the person may still rank, changes the draft and gives back
// what to show, so no conversation grows with the presses.

const actorOf = (ctx: BotContext): Actor => ({ userId: ctx.from!.id });

/** Shows the round's screen in place of the pressed message; false when refused (and answered). */
async function showRound(ctx: BotContext, programmeId: string, page = 0): Promise<boolean> {
  const status = await roundStatus(ctx.deps, actorOf(ctx), { programmeId });
  if (!status.ok) {
    await answerRefusal(ctx, status);
    return false;
  }
  await showScreen(ctx, await roundScreen(ctx, status.value, page));
  return true;
}

/** A press on the ranking: refused (and answered), or the ranking shown again in place. */
async function pressed(ctx: BotContext, input: { roundId: string; membershipId: string; press: RankingPress }): Promise<void> {
  const ranking = await pressRanking(ctx.deps, actorOf(ctx), input);
  if (!ranking.ok) return answerRefusal(ctx, ranking);
  await ctx.answerCallbackQuery();
  await showScreen(ctx, await rankingScreen(ctx, ranking.value));
}

export function roundFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "roundScreen", async (ctx, { programmeId }) => {
    if (await showRound(ctx, programmeId)) await ctx.answerCallbackQuery();
  });

  onAction(feature, "roundStatusPage", async (ctx, { programmeId, page }) => {
    if (await showRound(ctx, programmeId, page)) await ctx.answerCallbackQuery();
  });

  onAction(feature, "roundOpen", async (ctx, { programmeId, days }) => {
    const opened = await openRound(ctx.deps, actorOf(ctx), { programmeId, days });
    if (!opened.ok) return answerRefusal(ctx, opened);
    // Asking everyone may take longer than a press waits for its answer.
    await ctx.answerCallbackQuery().catch(() => {});
    await ctx.reply(ctx.t("round-opened", { count: opened.value.delivered }));
    const status = await roundStatus(ctx.deps, actorOf(ctx), { programmeId });
    if (status.ok) await showScreen(ctx, await roundScreen(ctx, status.value));
  });

  onAction(feature, "roundClose", async (ctx, { programmeId }) => {
    const closed = await closeRound(ctx.deps, actorOf(ctx), { programmeId });
    if (!closed.ok) return answerRefusal(ctx, closed);
    await ctx.answerCallbackQuery({ text: ctx.t(closed.value.closed ? "round-closed-curator" : "round-none-open") });
    await showRound(ctx, programmeId);
  });

  // The invitation's button: checked on every press; starts the ranking afresh (the answer saved
  // so far chosen again) in a new message.
  onAction(feature, "roundChoose", async (ctx, { roundId, membershipId }) => {
    const ranking = await startRanking(ctx.deps, actorOf(ctx), { roundId, membershipId });
    if (!ranking.ok) return answerRefusal(ctx, ranking);
    await ctx.answerCallbackQuery();
    if (ranking.value.cards.length === 0) return void (await ctx.reply(ctx.t("round-nobody")));
    const screen = await rankingScreen(ctx, ranking.value);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });

  onAction(feature, "roundRank", (ctx, { roundId, membershipId, index }) => pressed(ctx, { roundId, membershipId, press: { kind: "rank", index } }));
  onAction(feature, "roundRankPage", (ctx, { roundId, membershipId, page }) => pressed(ctx, { roundId, membershipId, press: { kind: "page", page } }));
  onAction(feature, "roundRankReset", (ctx, { roundId, membershipId }) => pressed(ctx, { roundId, membershipId, press: { kind: "reset" } }));

  onAction(feature, "roundRankDone", async (ctx, { roundId, membershipId }) => {
    const saved = await finishRanking(ctx.deps, actorOf(ctx), { roundId, membershipId });
    if (!saved.ok) return answerRefusal(ctx, saved);
    await ctx.answerCallbackQuery();
    // The cards' keyboard goes, so an old press cannot reach a finished ranking.
    await ctx.editMessageReplyMarkup().catch(() => {});
    const screen = await rankingSaved(ctx, saved.value.names);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });
  return feature;
}
