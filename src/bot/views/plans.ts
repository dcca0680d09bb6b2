import { InlineKeyboard } from "grammy";
import { PLAN_ITEM_KINDS, planKindKey, planStatusKey } from "../../domain/plans.js";
import type { PlanTemplate } from "../../domain/planTemplates.js";
import type { Pair } from "../../store/pairs.js";
import type { PlanItem } from "../../store/plans.js";
import type { PlanItemScreen, PlanPick, PlanScreen, PlanVersions, Viewer } from "../../services/plans.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { MESSAGE_MAX_CHARS, shorten } from "../limits.js";
import type { Screen } from "../screen.js";
import { addPager, newRow, pageCount } from "./paging.js";
import { words } from "./pairs.js";

// The individual plan's screens: the plan of one mentee (its items a page at a time), one item,
// the template picker, the earlier versions, and the list of a group's plans.

type Ctx = Pick<BaseContext, "t" | "i18n">;

const fit = (lines: string[]) => shorten(lines.join("\n"), MESSAGE_MAX_CHARS);

/** Back from a plan: a party to the pair menu; a curator to the pair's card; the director to the menu. */
function addBack(kb: InlineKeyboard, ctx: Ctx, pair: Pair, viewer: Viewer, role: string): InlineKeyboard {
  newRow(kb);
  if (viewer !== "staff") return addButton(kb, ctx.t("common-back"), { type: "pairMenu", pairId: pair._id });
  if (role === "curator") return addButton(kb, ctx.t("common-back"), { type: "pairCard", pairId: pair._id });
  return addButton(kb, ctx.t("common-menu"), { type: "menuOpen" });
}

const itemMark = (item: PlanItem) => (item.done ? "✅" : item.proposedDone ? "🙋" : "▫️");

export async function planScreenView(ctx: Ctx, s: PlanScreen): Promise<Screen> {
  const w = await words(ctx);
  const plan = s.plan;
  const lines = [ctx.t("plan-title", { mentee: w.say(s.mentee), mentor: w.say(s.mentor) })];
  if (plan) lines.push(ctx.t("plan-status-line", { status: ctx.t(planStatusKey(plan.status)), version: plan.version }));
  lines.push(ctx.t("plan-progress", { done: s.progress.done, total: s.progress.total }));
  if (plan?.acknowledged) lines.push(ctx.t("plan-acknowledged-on", { date: w.date(plan.acknowledged.at, s.view.school.timeZone) }));
  if (plan?.approved) lines.push(ctx.t("plan-approved-on", { date: w.date(plan.approved.at, s.view.school.timeZone) }));
  lines.push("");
  if (s.items.total === 0) lines.push(ctx.t(s.viewer === "mentor" ? "plan-empty-mentor" : "plan-empty"));
  else {
    lines.push(pageCount(ctx, s.items));
    s.items.items.forEach((item, i) => lines.push(ctx.t("plan-item-line", { n: s.items.from + i, mark: itemMark(item), title: item.title, due: w.date(item.due), kind: ctx.t(planKindKey(item.kind)) })));
  }
  const kb = new InlineKeyboard();
  if (plan) {
    s.items.items.forEach((item, i) => {
      addButton(kb, String(s.items.from + i), { type: "planItem", planId: plan._id, itemId: item.id });
      if (i % 5 === 4) kb.row();
    });
  }
  addPager(kb, ctx, s.items, (page) => ({ type: "planOpen", pairId: s.pair._id, membershipId: s.menteeId, page }));
  newRow(kb);
  const active = s.pair.status === "active";
  if (s.viewer === "mentor" && active) {
    addButton(kb, ctx.t("plan-add"), { type: "planAdd", pairId: s.pair._id, membershipId: s.menteeId });
    addButton(kb, ctx.t("plan-from-template"), { type: "planTemplates", pairId: s.pair._id, membershipId: s.menteeId }).row();
    if (s.canSend && plan) addButton(kb, ctx.t(plan.version > 1 ? "plan-send-again" : "plan-send"), { type: "planSend", planId: plan._id }).row();
  }
  if (s.viewer === "mentee" && plan?.status === "sent") addButton(kb, ctx.t("plan-acknowledge"), { type: "planAck", planId: plan._id, version: plan.version }).row();
  if (s.viewer === "staff" && plan?.status === "acknowledged") addButton(kb, ctx.t("plan-approve"), { type: "planApprove", planId: plan._id, version: plan.version }).row();
  if (plan && s.versions > 0) addButton(kb, ctx.t("plan-versions-button", { count: s.versions }), { type: "planVersions", planId: plan._id, page: 0 }).row();
  addBack(kb, ctx, s.pair, s.viewer, s.role);
  return { text: fit(lines), keyboard: kb };
}

export async function planItemView(ctx: Ctx, s: PlanItemScreen): Promise<Screen> {
  const w = await words(ctx);
  const { item, plan } = s;
  const state = item.done ? ctx.t("plan-item-state-done", { date: w.date(item.done.at) }) : item.proposedDone ? ctx.t("plan-item-state-proposed") : ctx.t("plan-item-state-open");
  const text = ctx.t("plan-item-card", { n: s.number, title: item.title, kind: ctx.t(planKindKey(item.kind)), due: w.date(item.due), state });
  const kb = new InlineKeyboard();
  const ids = { planId: plan._id, itemId: item.id };
  if (s.pairActive && s.viewer === "mentor") {
    if (!item.done) addButton(kb, ctx.t(item.proposedDone ? "plan-confirm-done" : "plan-mark-done"), { type: "planDone", ...ids }).row();
    addButton(kb, ctx.t("plan-edit-title"), { type: "planEdit", ...ids, field: "title" });
    addButton(kb, ctx.t("plan-edit-kind"), { type: "planEdit", ...ids, field: "kind" });
    addButton(kb, ctx.t("plan-edit-due"), { type: "planEdit", ...ids, field: "due" }).row();
    addButton(kb, ctx.t("plan-remove"), { type: "planRemove", ...ids }).row();
  }
  if (s.pairActive && s.viewer === "mentee" && !item.done && !item.proposedDone) addButton(kb, ctx.t("plan-propose-done"), { type: "planPropose", ...ids }).row();
  addButton(kb, ctx.t("common-back"), { type: "planOpen", pairId: plan.pairId, membershipId: plan.menteeId, page: 0 });
  return { text, keyboard: kb };
}

/** The templates: the pair's own form first (marked), one button each. */
export function planTemplatesView(ctx: Ctx, pair: Pair, menteeId: string, templates: readonly PlanTemplate[]): Screen {
  const kb = new InlineKeyboard();
  for (const t of templates) {
    const label = ctx.t("plan-template-button", { form: ctx.t(`form-${t.form}`), count: t.items.length });
    addButton(kb, t.form === pair.form ? `⭐ ${label}` : label, { type: "planTemplate", pairId: pair._id, membershipId: menteeId, template: t.id }).row();
  }
  addButton(kb, ctx.t("common-back"), { type: "planOpen", pairId: pair._id, membershipId: menteeId, page: 0 });
  return { text: ctx.t("plan-templates-title", { form: ctx.t(`form-${pair.form}`) }), keyboard: kb };
}

/** A group's plans (for its mentor or staff): one button per mentee with their progress. */
export async function planPickView(ctx: Ctx, pick: PlanPick): Promise<Screen> {
  const w = await words(ctx);
  const kb = new InlineKeyboard();
  for (const m of pick.mentees) {
    const status = m.status ? ctx.t(planStatusKey(m.status)) : ctx.t("plan-none");
    addButton(kb, ctx.t("plan-pick-line", { name: w.say(m.name), done: m.progress.done, total: m.progress.total, status }), { type: "planOpen", pairId: pick.pair._id, membershipId: m.membershipId, page: 0 }).row();
  }
  addBack(kb, ctx, pick.pair, pick.viewer, pick.role);
  return { text: ctx.t("plan-pick-title"), keyboard: kb };
}

export async function planVersionsView(ctx: Ctx, s: PlanVersions): Promise<Screen> {
  const w = await words(ctx);
  const page = s.versions;
  const lines = [ctx.t("plan-versions-title", { current: s.plan.version }), pageCount(ctx, page), ""];
  for (const v of page.items) {
    lines.push(ctx.t("plan-version-line", { version: v.version, status: ctx.t(planStatusKey(v.status)), count: v.items.length, kept: w.date(v.keptAt) }));
    for (const item of v.items.slice(0, 15)) lines.push(`   ${itemMark(item)} ${item.title} — ${w.date(item.due)}`);
    if (v.items.length > 15) lines.push(`   …`);
  }
  const kb = addPager(new InlineKeyboard(), ctx, page, (p) => ({ type: "planVersions", planId: s.plan._id, page: p }));
  addButton(kb, ctx.t("common-back"), { type: "planOpen", pairId: s.plan.pairId, membershipId: s.plan.menteeId, page: 0 });
  return { text: fit(lines), keyboard: kb };
}

/** The kinds of 2.11, one per row (the conversation's own buttons). */
export function kindsKeyboard(ctx: Ctx): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const kind of PLAN_ITEM_KINDS) addButton(kb, ctx.t(planKindKey(kind)), { type: "planFlowKind", kind }).row();
  return kb;
}
