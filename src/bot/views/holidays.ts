import { InlineKeyboard } from "grammy";
import { holidayDayCode } from "../../domain/holidays.js";
import type { HolidaysPage } from "../../services/holidays.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import type { Screen } from "../screen.js";
import { addPager, pageCount } from "./paging.js";

// «🏖 Каникулы»: the programme's holidays, a page of periods with «✖️» per row, «➕ Добавить
// каникулы» and the typical ones in one tap.

export async function holidaysScreen(ctx: BaseContext, list: HolidaysPage): Promise<Screen> {
  const locale = await ctx.i18n.getLocale();
  const day = (d: Date) => formatDate(d, locale, "UTC");
  const programmeId = list.programme._id;
  const { page } = list;
  const lines = page.items.map((h) => {
    const mark = h.to.getTime() < list.today.getTime() ? "✔️" : h.from.getTime() <= list.today.getTime() ? "▶️" : "🏖";
    return ctx.t("holidays-line", { mark, from: day(h.from), to: day(h.to) });
  });
  const text = [
    ctx.t("holidays-title", { school: list.school.name, year: list.programme.academicYear }),
    "",
    ...(lines.length ? [...lines, "", pageCount(ctx, page)] : [ctx.t("holidays-empty")]),
    "",
    ctx.t("holidays-hint"),
  ].join("\n");
  const keyboard = new InlineKeyboard();
  for (const h of page.items) {
    addButton(keyboard, ctx.t("holidays-remove", { from: day(h.from), to: day(h.to) }), { type: "holidaysRemove", programmeId, holidayFrom: holidayDayCode(h.from), page: page.page }).row();
  }
  addPager(keyboard, ctx, page, (p) => ({ type: "holidaysOpen", programmeId, page: p }));
  addButton(keyboard, ctx.t("holidays-add"), { type: "holidaysAdd", programmeId }).row();
  if (page.total === 0) addButton(keyboard, ctx.t("holidays-typical"), { type: "holidaysTypical", programmeId }).row();
  addButton(keyboard, ctx.t("common-back"), { type: "roadmapOpen", programmeId });
  return { text, keyboard };
}
