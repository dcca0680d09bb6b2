import { InlineKeyboard } from "grammy";
import type { PairMenu } from "../../services/pairWork.js";
import { addButton, pack } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import { renderVar, type Translate } from "../notices.js";
import type { Screen } from "../screen.js";
import { addMonthlyReportRow } from "./reports.js";

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
  // Weekly things first: meetings; then the plan, the month's report, the card, help.
  addButton(keyboard, ctx.t("pair-menu-meetings"), { type: "meetingList", pairId, page: 0 }).row();
  addButton(keyboard, ctx.t("pair-menu-log-meeting"), { type: "meetingLog", pairId });
  addButton(keyboard, ctx.t("pair-menu-plan-meeting"), { type: "meetingPlan", pairId }).row();
  // The individual plan: the mentee's own; the mentor's one per mentee (a group's each by name).
  if (menu.role === "mentor") {
    menu.pair.menteeIds.forEach((membershipId, i) => {
      const label = menu.pair.menteeIds.length === 1 ? ctx.t("plan-button") : ctx.t("plan-button-of", { name: String(renderVar(t, locale, menu.mentees[i] ?? "—")) });
      addButton(keyboard, label, { type: "planOpen", pairId, membershipId, page: 0 }).row();
    });
  } else addButton(keyboard, ctx.t("plan-button"), { type: "planOpen", pairId, membershipId: menu.membershipId, page: 0 }).row();
  if (menu.role === "mentor") await addMonthlyReportRow(ctx, keyboard, menu.membershipId);
  addButton(keyboard, ctx.t("side-card-button"), { type: "pairSideCard", pairId }).row();
  addButton(keyboard, ctx.t("help-button"), { type: "pairHelp", pairId }).row();
  addButton(keyboard, ctx.t("participant-ask-replacement"), { type: "pairRequestReplacement", pairId }).row();
  keyboard.text(ctx.t("common-menu"), pack({ type: "menuOpen" }));
  return { text, keyboard };
}
