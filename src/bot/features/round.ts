import { Composer } from "grammy";
import { PREFERENCES } from "../../flows/ids.js";
import type { Actor } from "../../services/deps.js";
import { closeRound, openRound, roundStatus, startRanking } from "../../services/rounds.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { roundScreen } from "../views/rounds.js";

// The preference round (stage 5): the curator opens it with a deadline, everyone who may rank is
// asked, the curator sees who has answered and closes it; a person asked starts their ranking.
// Every press goes to the rounds service, which decides from the store.

const actorOf = (ctx: BotContext): Actor => ({ userId: ctx.from!.id });

/** Shows the round's screen in place of the pressed message; false when refused (and answered). */
async function showRound(ctx: BotContext, programmeId: string): Promise<boolean> {
  const status = await roundStatus(ctx.deps, actorOf(ctx), { programmeId });
  if (!status.ok) {
    await answerRefusal(ctx, status);
    return false;
  }
  await showScreen(ctx, await roundScreen(ctx, status.value));
  return true;
}

export function roundFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "roundScreen", async (ctx, { programmeId }) => {
    if (await showRound(ctx, programmeId)) await ctx.answerCallbackQuery();
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

  // The invitation's button: checked here on every press, before the flow starts (and again by
  // the flow itself and when it saves).
  onAction(feature, "roundChoose", async (ctx, { roundId, membershipId }) => {
    const ranking = await startRanking(ctx.deps, actorOf(ctx), { roundId, membershipId });
    if (!ranking.ok) return answerRefusal(ctx, ranking);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PREFERENCES, roundId, membershipId);
  });
  return feature;
}
