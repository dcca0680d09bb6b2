import { Composer } from "grammy";
import { operatorActions } from "../../services/actions/operator.js";
import { canCreateSchools, OPERATOR_ONLY } from "../../services/programmes.js";
import { refuse } from "../../services/result.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { CREATE_SCHOOL } from "../../flows/ids.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";

// The operator sets up schools and programmes. The school conversation's buttons pressed when
// it does not wait (stale, or forged by someone else) are refused here.

const operator = (ctx: BotContext) => ctx.from !== undefined && canCreateSchools(ctx.deps, { userId: ctx.from.id });

export function operatorFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("newschool", async (ctx) => {
    if (!operator(ctx)) return ctx.reply(ctx.t(OPERATOR_ONLY));
    await enterFlow(ctx, CREATE_SCHOOL);
  });
  for (const type of Object.keys(operatorActions) as (keyof typeof operatorActions)[]) {
    onAction(feature, type, (ctx) => answerRefusal(ctx, operator(ctx) ? refuse("stale") : refuse("not-allowed", OPERATOR_ONLY)));
  }
  return feature;
}
