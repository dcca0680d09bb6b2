import { InlineKeyboard } from "grammy";
import type { PairMenu } from "../../services/pairWork.js";
import { addButton, pack } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import { renderVar, type Translate } from "../notices.js";
import type { Screen } from "../screen.js";

// The pair menu: one screen per pair for its mentor and mentees, a row per part of pair work.

export async function pairMenuScreen(ctx: BaseContext, menu: PairMenu): Promise<Screen> {
  const locale = await ctx.i18n.getLocale();
  const t: Translate = (key, vars) => ctx.t(key, vars);
  const mentees = menu.mentees.map((m) => String(renderVar(t, locale, m))).join(", ");
  const text = ctx.t("pair-menu-title", {
    mentor: String(renderVar(t, locale, menu.mentor)),
    mentees,
    start: formatDate(menu.pair.startDate, locale, "UTC"),
    end: formatDate(menu.pair.plannedEnd, locale, "UTC"),
  });
  const keyboard = new InlineKeyboard();
  const pairId = menu.pair._id;
  addButton(keyboard, ctx.t("side-card-button"), { type: "pairSideCard", pairId }).row();
  addButton(keyboard, ctx.t("help-button"), { type: "pairHelp", pairId }).row();
  addButton(keyboard, ctx.t("participant-ask-replacement"), { type: "pairRequestReplacement", pairId }).row();
  keyboard.text(ctx.t("common-menu"), pack({ type: "menuOpen" }));
  return { text, keyboard };
}
