import { InlineKeyboard } from "grammy";
import { parseDay } from "../domain/dates.js";
import { DUE_CHOICES, PLAN_TITLE_MAX, checkDueDay, dueOf, dueProblemKey, type DueChoice, type PlanItemKind } from "../domain/plans.js";
import { addButton, pressedAction } from "../bot/buttons.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { answerRefusal } from "../bot/refusals.js";
import { words } from "../bot/views/pairs.js";
import { kindsKeyboard, planItemView, planScreenView } from "../bot/views/plans.js";
import { addPlanItem, editPlanItem, openPlan, planEditing, planItem } from "../services/plans.js";
import { askAction, askText, flowWait } from "./ask.js";

// The mentor's conversations about the plan: a new item (its kind, due day and title) and a change
// of one field of an item. Kinds and due days are buttons; only the title is typed. /cancel leaves.

const actor = (c: FlowContext) => ({ userId: c.from!.id });

interface Term {
  today: number;
  start: number;
  end: number;
}

/** The term and today, read once (null when refused: the refusal has been said). */
async function termOf(conversation: FlowConversation, pairId: string, membershipId: string): Promise<Term | null> {
  return conversation.external(async (c) => {
    const got = await planEditing(c.deps, actor(c), { pairId, membershipId });
    if (!got.ok) {
      await c.reply(c.t(got.reason, got.vars));
      return null;
    }
    return { today: got.value.today.getTime(), start: got.value.start.getTime(), end: got.value.end.getTime() };
  });
}

async function askKind(conversation: FlowConversation, ctx: FlowContext): Promise<PlanItemKind> {
  await ctx.reply(ctx.t("plan-ask-kind"), { reply_markup: kindsKeyboard(ctx) });
  return (await askAction(conversation, ["planFlowKind"])).action.kind;
}

/** A due day: a button (a week, two weeks, a month, three months, the term's end) or dd.mm.yyyy typed, inside the term. */
async function askDue(conversation: FlowConversation, ctx: FlowContext, term: Term): Promise<Date> {
  const today = new Date(term.today);
  const start = new Date(term.start);
  const end = new Date(term.end);
  const offered = DUE_CHOICES.map((choice) => ({ choice, day: dueOf(choice, today, start, end) })).filter((o): o is { choice: DueChoice; day: Date } => o.day !== null);
  const labels = await conversation.external(async (c) => {
    const w = await words(c);
    return offered.map((o) => c.t(`plan-due-${o.choice}`, { date: w.date(o.day) }));
  });
  const kb = new InlineKeyboard();
  offered.forEach((o, i) => addButton(kb, labels[i]!, { type: "planFlowDue", due: o.choice }).row());
  const range = await conversation.external(async (c) => {
    const w = await words(c);
    return { start: w.date(start), end: w.date(end) };
  });
  await ctx.reply(ctx.t("plan-ask-due", range), { reply_markup: kb });
  const problem = (c: FlowContext): string | null => {
    const pressed = pressedAction(c, ["planFlowDue"]);
    if (pressed) return offered.some((o) => o.choice === pressed.due) ? null : "input-use-buttons";
    const day = parseDay(c.message?.text ?? "");
    if (!day) return "plan-due-not-a-date";
    const wrong = checkDueDay(day, start, end);
    return wrong ? dueProblemKey(wrong) : null;
  };
  const answer = await flowWait(conversation)
    .and((c) => pressedAction(c, ["planFlowDue"]) !== null || c.message?.text !== undefined, {
      otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-not-text"))),
    })
    .and((c) => problem(c) === null, {
      otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t(problem(c) ?? "input-use-buttons"), show_alert: true }) : c.reply(c.t(problem(c) ?? "plan-due-not-a-date", range))),
    });
  const pressed = pressedAction(answer, ["planFlowDue"]);
  if (pressed) {
    await answer.answerCallbackQuery();
    return offered.find((o) => o.choice === pressed.due)!.day;
  }
  return parseDay(answer.message!.text!)!;
}

const askTitle = (conversation: FlowConversation, ctx: FlowContext) => askText(conversation, ctx, ctx.t("plan-ask-title", { max: PLAN_TITLE_MAX }), PLAN_TITLE_MAX);

/** A new item of a mentee's plan. */
export async function addPlanItemFlow(conversation: FlowConversation, ctx: FlowContext, pairId: string, membershipId: string): Promise<void> {
  const term = await termOf(conversation, pairId, membershipId);
  if (!term) return;
  const kind = await askKind(conversation, ctx);
  const due = await askDue(conversation, ctx, term);
  const title = await askTitle(conversation, ctx);
  await conversation.external(async (c) => {
    const added = await addPlanItem(c.deps, actor(c), { pairId, menteeId: membershipId, title, kind, due });
    if (!added.ok) return answerRefusal(c, added);
    const screen = await openPlan(c.deps, actor(c), { pairId, membershipId, page: 0 });
    if (!screen.ok) return answerRefusal(c, screen);
    const view = await planScreenView(c, screen.value);
    await c.reply(`${c.t("plan-item-added")}\n\n${view.text}`, { reply_markup: view.keyboard });
  });
}

/** A change of one field of an item: its title, kind or due day. */
export async function editPlanItemFlow(conversation: FlowConversation, ctx: FlowContext, planId: string, itemId: string, field: "title" | "kind" | "due"): Promise<void> {
  const found = await conversation.external(async (c) => {
    const item = await planItem(c.deps, actor(c), { planId, itemId });
    if (!item.ok) {
      await c.reply(c.t(item.reason, item.vars));
      return null;
    }
    return { pairId: item.value.plan.pairId, menteeId: item.value.plan.menteeId };
  });
  if (!found) return;
  const term = await termOf(conversation, found.pairId, found.menteeId);
  if (!term) return;
  const change = field === "title" ? { title: await askTitle(conversation, ctx) } : field === "kind" ? { kind: await askKind(conversation, ctx) } : { due: await askDue(conversation, ctx, term) };
  await conversation.external(async (c) => {
    const edited = await editPlanItem(c.deps, actor(c), { planId, itemId, ...change });
    if (!edited.ok) return answerRefusal(c, edited);
    const item = await planItem(c.deps, actor(c), { planId, itemId });
    if (!item.ok) return answerRefusal(c, item);
    const view = await planItemView(c, item.value);
    await c.reply(`${c.t("plan-item-saved")}\n\n${view.text}`, { reply_markup: view.keyboard });
  });
}
