import { Composer } from "grammy";
import { pairMenu } from "../../services/pairWork.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { pairMenuScreen } from "../views/pairWork.js";

// The pair menu of a mentor or a mentee (stage 6).

export function pairWorkFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onAction(feature, "pairMenu", async (ctx, { pairId }) => {
    const menu = await pairMenu(ctx.deps, { userId: ctx.from!.id }, { pairId });
    if (!menu.ok) return answerRefusal(ctx, menu);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await pairMenuScreen(ctx, menu.value));
  });
  return feature;
}
