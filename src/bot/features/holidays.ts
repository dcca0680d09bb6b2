import { Composer } from "grammy";
import { HOLIDAYS_ADD } from "../../flows/ids.js";
import { addTypicalHolidays, holidaysList, removeHolidays } from "../../services/holidays.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { holidaysScreen } from "../views/holidays.js";

// «🏖 Каникулы» on the roadmap: the list, a row removed, the typical ones added, a period typed.

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

export function holidaysFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "holidaysOpen", async (ctx, a) => {
    const list = await holidaysList(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await holidaysScreen(ctx, list.value));
  });

  onAction(feature, "holidaysRemove", async (ctx, a) => {
    const list = await removeHolidays(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery({ text: ctx.t("holidays-removed") });
    await showScreen(ctx, await holidaysScreen(ctx, list.value));
  });

  onAction(feature, "holidaysTypical", async (ctx, a) => {
    const list = await addTypicalHolidays(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery({ text: ctx.t("holidays-saved") });
    await showScreen(ctx, await holidaysScreen(ctx, list.value));
  });

  onAction(feature, "holidaysAdd", async (ctx, a) => {
    const list = await holidaysList(ctx.deps, actor(ctx), { programmeId: a.programmeId, page: 0 });
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, HOLIDAYS_ADD, a.programmeId);
  });

  return feature;
}
