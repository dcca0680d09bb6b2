import { Composer } from "grammy";
import { PLAN_ADD_ITEM, PLAN_EDIT_ITEM } from "../../flows/ids.js";
import {
  acknowledgePlan,
  applyPlanTemplate,
  approvePlan,
  markItemDone,
  openPlan,
  pickPlan,
  planEditing,
  planItem,
  planTemplates,
  planVersions,
  proposeItemDone,
  removePlanItem,
  sendPlan,
} from "../../services/plans.js";
import type { Plan } from "../../store/plans.js";
import type { Result } from "../../services/result.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { planItemView, planPickView, planScreenView, planTemplatesView, planVersionsView } from "../views/plans.js";

// The individual plan (2.11–2.12, 3.1): the mentor's building and marking, the mentee's
// «Ознакомлен(а)» and proposals, the director's or curator's «Утверждаю».

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

/** Shows a mentee's plan in place of the pressed message (page 0 unless given). */
async function showPlan(ctx: BotContext, pairId: string, membershipId: string, page = 0, answer?: string): Promise<unknown> {
  const screen = await openPlan(ctx.deps, actor(ctx), { pairId, membershipId, page });
  if (!screen.ok) return answerRefusal(ctx, screen);
  await ctx.answerCallbackQuery(answer ? { text: answer } : undefined);
  await showScreen(ctx, await planScreenView(ctx, screen.value));
}

/** After a change that returns the plan: its screen again, with a short answer on the button. */
async function afterChange(ctx: BotContext, result: Result<Plan>, answerKey: string): Promise<unknown> {
  if (!result.ok) return answerRefusal(ctx, result);
  return showPlan(ctx, result.value.pairId, result.value.menteeId, 0, ctx.t(answerKey));
}

export function plansFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onAction(feature, "planPick", async (ctx, { pairId }) => {
    const pick = await pickPlan(ctx.deps, actor(ctx), { pairId });
    if (!pick.ok) return answerRefusal(ctx, pick);
    // One plan to see: straight to it.
    if (pick.value.mentees.length === 1) return showPlan(ctx, pairId, pick.value.mentees[0]!.membershipId);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await planPickView(ctx, pick.value));
  });
  onAction(feature, "planOpen", (ctx, a) => showPlan(ctx, a.pairId, a.membershipId, a.page));
  onAction(feature, "planItem", async (ctx, a) => {
    const item = await planItem(ctx.deps, actor(ctx), a);
    if (!item.ok) return answerRefusal(ctx, item);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await planItemView(ctx, item.value));
  });
  onAction(feature, "planAdd", async (ctx, a) => {
    // Checked before the conversation starts, and again when it saves.
    const allowed = await planEditing(ctx.deps, actor(ctx), a);
    if (!allowed.ok) return answerRefusal(ctx, allowed);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PLAN_ADD_ITEM, a.pairId, a.membershipId);
  });
  onAction(feature, "planEdit", async (ctx, a) => {
    const item = await planItem(ctx.deps, actor(ctx), a);
    if (!item.ok) return answerRefusal(ctx, item);
    const allowed = await planEditing(ctx.deps, actor(ctx), { pairId: item.value.plan.pairId, membershipId: item.value.plan.menteeId });
    if (!allowed.ok) return answerRefusal(ctx, allowed);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PLAN_EDIT_ITEM, a.planId, a.itemId, a.field);
  });
  onAction(feature, "planRemove", async (ctx, a) => afterChange(ctx, await removePlanItem(ctx.deps, actor(ctx), a), "plan-item-removed"));
  onAction(feature, "planDone", async (ctx, a) => afterChange(ctx, await markItemDone(ctx.deps, actor(ctx), a), "plan-item-marked-done"));
  onAction(feature, "planPropose", async (ctx, a) => afterChange(ctx, await proposeItemDone(ctx.deps, actor(ctx), a), "plan-item-proposed"));
  onAction(feature, "planTemplates", async (ctx, a) => {
    const list = await planTemplates(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, planTemplatesView(ctx, list.value.pair, list.value.menteeId, list.value.templates));
  });
  onAction(feature, "planTemplate", async (ctx, a) => {
    const titleOf = (key: string) => ctx.t(key);
    return afterChange(ctx, await applyPlanTemplate(ctx.deps, actor(ctx), { pairId: a.pairId, menteeId: a.membershipId, templateId: a.template, titleOf }), "plan-template-applied");
  });
  onAction(feature, "planSend", async (ctx, a) => afterChange(ctx, await sendPlan(ctx.deps, actor(ctx), a), "plan-sent"));
  onAction(feature, "planAck", async (ctx, a) => afterChange(ctx, await acknowledgePlan(ctx.deps, actor(ctx), a), "plan-acknowledged"));
  onAction(feature, "planApprove", async (ctx, a) => afterChange(ctx, await approvePlan(ctx.deps, actor(ctx), a), "plan-approved"));
  onAction(feature, "planVersions", async (ctx, a) => {
    const versions = await planVersions(ctx.deps, actor(ctx), a);
    if (!versions.ok) return answerRefusal(ctx, versions);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await planVersionsView(ctx, versions.value));
  });
  return feature;
}
