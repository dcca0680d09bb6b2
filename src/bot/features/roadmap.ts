import { Composer } from "grammy";
import { ROADMAP_DATE, ROADMAP_DONE } from "../../flows/ids.js";
import { digestList, setQuietPairDays } from "../../services/digest.js";
import { reopenStage, roadmap, shiftStage, stageCard, stageToFinish } from "../../services/roadmap.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { showScreen, type Screen } from "../screen.js";
import { digestListScreen, roadmapScreen, stageScreen } from "../views/roadmap.js";

// «🗺 Дорожная карта»: the stages, a stage's card, ±1 week, a typed date, done with a result; and
// the lists behind the digests' numbers.

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

/**
 * Nudges and digests start with ⏰ or 📊 (locales: stage-nudge-*, quiet-pair-nudge, digest-*):
 * a screen opened from one comes as a new message, so the notice stays readable; a screen opened
 * from another screen replaces it.
 */
async function show(ctx: BotContext, screen: Screen): Promise<void> {
  const text = ctx.callbackQuery?.message?.text ?? "";
  if (text.startsWith("⏰") || text.startsWith("📊")) await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  else await showScreen(ctx, screen);
}

export function roadmapFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "roadmapOpen", async (ctx, a) => {
    const map = await roadmap(ctx.deps, actor(ctx), a);
    if (!map.ok) return answerRefusal(ctx, map);
    await ctx.answerCallbackQuery();
    await show(ctx, await roadmapScreen(ctx, map.value));
  });

  onAction(feature, "roadmapStage", async (ctx, a) => {
    const card = await stageCard(ctx.deps, actor(ctx), a);
    if (!card.ok) return answerRefusal(ctx, card);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await stageScreen(ctx, card.value));
  });

  onAction(feature, "roadmapShift", async (ctx, a) => {
    const card = await shiftStage(ctx.deps, actor(ctx), { programmeId: a.programmeId, stage: a.stage, edge: a.edge, weeks: a.dir === "later" ? 1 : -1 });
    if (!card.ok) return answerRefusal(ctx, card);
    await ctx.answerCallbackQuery({ text: ctx.t("roadmap-date-saved") });
    await showScreen(ctx, await stageScreen(ctx, card.value));
  });

  onAction(feature, "roadmapDate", async (ctx, a) => {
    const card = await stageCard(ctx.deps, actor(ctx), a);
    if (!card.ok) return answerRefusal(ctx, card);
    if (!card.value.canEdit) return answerRefusal(ctx, { ok: false, kind: "not-allowed", reason: "curator-only" });
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, ROADMAP_DATE, a.programmeId, a.stage, a.edge);
  });

  onAction(feature, "roadmapDone", async (ctx, a) => {
    const card = await stageToFinish(ctx.deps, actor(ctx), a);
    if (!card.ok) return answerRefusal(ctx, card);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, ROADMAP_DONE, a.programmeId, a.stage);
  });

  onAction(feature, "roadmapReopen", async (ctx, a) => {
    const card = await reopenStage(ctx.deps, actor(ctx), a);
    if (!card.ok) return answerRefusal(ctx, card);
    await ctx.answerCallbackQuery({ text: ctx.t("roadmap-reopened") });
    await showScreen(ctx, await stageScreen(ctx, card.value));
  });

  onAction(feature, "digestList", async (ctx, a) => {
    const list = await digestList(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await show(ctx, await digestListScreen(ctx, list.value));
  });

  onAction(feature, "quietDays", async (ctx, a) => {
    const list = await setQuietPairDays(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery({ text: ctx.t("digest-quiet-days-saved", { days: a.days }) });
    await showScreen(ctx, await digestListScreen(ctx, list.value));
  });

  return feature;
}
