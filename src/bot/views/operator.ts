import { InlineKeyboard } from "grammy";
import { FORMS, type Form } from "../../domain/programme.js";
import { RUSSIAN_TIME_ZONES } from "../../domain/text.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formsLabel } from "../labels.js";

// The operator's school conversation: its keyboards and summary.

export function timeZoneKeyboard(ctx: BaseContext): InlineKeyboard {
  const kb = new InlineKeyboard();
  RUSSIAN_TIME_ZONES.forEach((zone, i) => {
    addButton(kb, ctx.t(`tz-${zone.split("/")[1]!.toLowerCase()}`), { type: "schoolTimeZone", zone });
    if (i % 2 === 1) kb.row();
  });
  return kb;
}

export function yearKeyboard(years: readonly string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  years.forEach((label, year) => addButton(kb, label, { type: "schoolYear", year }));
  return kb;
}

export function formsKeyboard(ctx: BaseContext, chosen: ReadonlySet<Form>): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const form of FORMS) addButton(kb, `${chosen.has(form) ? "☑️" : "⬜"} ${ctx.t(`form-${form}`)}`, { type: "schoolForm", form }).row();
  return addButton(kb, ctx.t("school-forms-done"), { type: "schoolFormsDone" });
}

export function summaryScreen(ctx: BaseContext, s: { name: string; city: string; timeZone: string; year: string; forms: readonly Form[] }) {
  const text = ctx.t("school-summary", { name: s.name, city: s.city, tz: s.timeZone, year: s.year, forms: formsLabel(ctx.t, s.forms) });
  const keyboard = new InlineKeyboard();
  addButton(keyboard, ctx.t("school-create"), { type: "schoolConfirm", answer: "create" });
  addButton(keyboard, ctx.t("common-cancel"), { type: "schoolConfirm", answer: "cancel" });
  return { text, keyboard };
}
