import { holidayProblem, holidayProblemKey, parseHolidayPeriod } from "../domain/holidays.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { answerRefusal } from "../bot/refusals.js";
import { holidaysScreen } from "../bot/views/holidays.js";
import { addHolidays, holidaysList } from "../services/holidays.js";
import { flowWait } from "./ask.js";

// «➕ Добавить каникулы»: the period typed in one message, «28.12.2026 – 08.01.2027» (one day
// alone for a single day off), re-asked until it is a period within the academic year. /cancel
// leaves with nothing changed.

const actor = (c: FlowContext) => ({ userId: c.from!.id });

export async function addHolidaysFlow(conversation: FlowConversation, ctx: FlowContext, programmeId: string): Promise<void> {
  const year = await conversation.external(async (c) => {
    const list = await holidaysList(c.deps, actor(c), { programmeId, page: 0 });
    return list.ok ? list.value.programme.academicYear : null;
  });
  if (!year) return void (await ctx.reply(ctx.t("curator-only")));
  const problem = (text: string | undefined): string | null => {
    const period = parseHolidayPeriod(text ?? "");
    if (!period) return holidayProblemKey("not-a-period");
    const found = holidayProblem(period, year);
    return found ? holidayProblemKey(found) : null;
  };
  await ctx.reply(ctx.t("holidays-ask", { year }));
  const answer = await flowWait(conversation)
    .and((c) => c.message?.text !== undefined, { otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-not-text"))) })
    .and((c) => problem(c.message!.text) === null, { otherwise: (c) => c.reply(c.t(problem(c.message?.text) ?? holidayProblemKey("not-a-period"), { year })) });
  const period = parseHolidayPeriod(answer.message!.text!)!;
  await conversation.external(async (c) => {
    const result = await addHolidays(c.deps, actor(c), { programmeId, from: period.from, to: period.to });
    if (!result.ok) return answerRefusal(c, result);
    const screen = await holidaysScreen(c, result.value);
    await c.reply(`${c.t("holidays-saved")}\n\n${screen.text}`, { reply_markup: screen.keyboard });
  });
}
