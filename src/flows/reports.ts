import { InlineKeyboard } from "grammy";
import { FINAL_QUESTIONS, MONTHLY_FIELDS, REPORT_TEXT_MAX, type FinalAnswers, type FinalRole, type MonthlyField } from "../domain/reports.js";
import { checkText } from "../domain/text.js";
import { addButton, pressedAction } from "../bot/buttons.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { renderVar } from "../bot/notices.js";
import { finalTasks, submitFinalReport } from "../services/finalReports.js";
import { monthRef, monthlyDraft, submitMonthlyReport, type MonthlyEdits } from "../services/monthlyReports.js";
import type { NoticeVar } from "../services/notices.js";
import { askAction, askText, flowWait } from "./ask.js";

// The reports' conversations: the mentor's own words in the monthly report (each field kept as
// pre-filled with one tap), and the final report's questions (2.13–2.14). Every read and write
// runs inside conversation.external; /cancel leaves either with nothing sent.

const actor = (c: FlowContext) => ({ userId: c.from!.id });

async function render(c: FlowContext, v: NoticeVar): Promise<string> {
  const locale = await c.i18n.getLocale();
  return String(renderVar((k, vars) => c.t(k, vars), locale, v));
}

/** Asks for a text or the «Оставить как есть» button: the text, or null to keep the field. */
async function askOrKeep(conversation: FlowConversation, ctx: FlowContext, prompt: string): Promise<string | null> {
  const keyboard = addButton(new InlineKeyboard(), ctx.t("monthly-keep"), { type: "monthlyKeep" });
  await ctx.reply(prompt, { reply_markup: keyboard });
  const answer = await flowWait(conversation).and((c) => pressedAction(c, ["monthlyKeep"]) !== null || checkText(c.message?.text, REPORT_TEXT_MAX).ok, {
    otherwise: async (c) => {
      if (c.callbackQuery) return void (await c.answerCallbackQuery({ text: c.t("input-use-buttons") }));
      const checked = checkText(c.message?.text, REPORT_TEXT_MAX);
      const key = !checked.ok && checked.problem === "too-long" ? "input-too-long" : !checked.ok && checked.problem === "not-text" ? "input-not-text" : "input-empty";
      await c.reply(c.t(key, { max: String(REPORT_TEXT_MAX) }));
    },
  });
  if (answer.callbackQuery) {
    await answer.answerCallbackQuery();
    return null;
  }
  const checked = checkText(answer.message?.text, REPORT_TEXT_MAX);
  return checked.ok ? checked.value : null;
}

/** The monthly report with the mentor's own words: per mentee, progress, difficulties and plans. */
export async function monthlyReport(conversation: FlowConversation, ctx: FlowContext, membershipId: string, month: string): Promise<void> {
  const draft = await conversation.external(async (c) => {
    const d = await monthlyDraft(c.deps, actor(c), { membershipId, month });
    if (!d.ok) return { refused: d.reason, entries: [] as { menteeId: string; mentee: string; current: Record<MonthlyField, string> }[] };
    if (d.value.sent) return { refused: "monthly-report-already", entries: [] };
    const entries = [];
    for (const e of d.value.entries) {
      entries.push({
        menteeId: e.menteeId,
        mentee: await render(c, e.mentee),
        current: {
          progress: c.t("monthly-progress-default", { count: e.meetings.length, items: e.itemsDone.length }),
          difficulties: c.t("monthly-difficulties-default"),
          plans: c.t("monthly-plans-default"),
        },
      });
    }
    return { refused: null, entries };
  });
  if (draft.refused) return void (await ctx.reply(ctx.t(draft.refused)));
  const edits: MonthlyEdits = {};
  for (const entry of draft.entries) {
    for (const field of MONTHLY_FIELDS) {
      const text = await askOrKeep(conversation, ctx, ctx.t(`monthly-ask-${field}`, { mentee: entry.mentee, current: entry.current[field], max: String(REPORT_TEXT_MAX) }));
      if (text !== null) (edits[entry.menteeId] ??= {})[field] = text;
    }
  }
  await conversation.external(async (c) => {
    const sent = await submitMonthlyReport(c.deps, actor(c), { membershipId, month, edits });
    if (!sent.ok) return void (await c.reply(c.t(sent.reason, sent.vars)));
    await c.reply(c.t("monthly-sent", { month: await render(c, monthRef(sent.value.month)) }));
  });
}

/** Asks one question of a final report; returns the answer as stored. */
async function askFinal(conversation: FlowConversation, ctx: FlowContext, role: FinalRole, index: number): Promise<string | number> {
  const q = FINAL_QUESTIONS[role][index]!;
  const prompt = ctx.t("final-question", { n: index + 1, total: FINAL_QUESTIONS[role].length, question: ctx.t(`final-q-${q.id}`) });
  if (q.kind === "text") return askText(conversation, ctx, prompt, REPORT_TEXT_MAX);
  const keyboard = new InlineKeyboard();
  const values: (string | number)[] = q.kind === "choice" ? [...q.options] : Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
  values.forEach((v, n) => {
    addButton(keyboard, typeof v === "number" ? String(v) : ctx.t(`final-opt-${v}`), { type: "finalPick", n });
    if (q.kind === "choice" || (n + 1) % 5 === 0) keyboard.row();
  });
  await ctx.reply(prompt, { reply_markup: keyboard });
  const { action } = await askAction(conversation, ["finalPick"], (a) => a.n < values.length);
  return values[action.n]!;
}

/** The final report(s) the person owes for an ended pair: each in turn, the questions in order. */
export async function finalReport(conversation: FlowConversation, ctx: FlowContext, pairId: string): Promise<void> {
  const tasks = await conversation.external(async (c) => {
    const t = await finalTasks(c.deps, actor(c), { pairId });
    if (!t.ok) return { refused: t.reason, list: [] as { role: FinalRole; menteeId: string; mentee: string; due: string }[] };
    const list = [];
    for (const task of t.value) list.push({ role: task.role, menteeId: task.menteeId, mentee: await render(c, task.mentee), due: await render(c, task.due) });
    return { refused: null, list };
  });
  if (tasks.refused) return void (await ctx.reply(ctx.t(tasks.refused)));
  if (tasks.list.length === 0) return void (await ctx.reply(ctx.t("final-report-already")));
  for (const task of tasks.list) {
    await ctx.reply(ctx.t(`final-intro-${task.role}`, { mentee: task.mentee, due: task.due }));
    const answers: FinalAnswers = {};
    for (let i = 0; i < FINAL_QUESTIONS[task.role].length; i++) answers[FINAL_QUESTIONS[task.role][i]!.id] = await askFinal(conversation, ctx, task.role, i);
    await conversation.external(async (c) => {
      const sent = await submitFinalReport(c.deps, actor(c), { pairId, menteeId: task.menteeId, answers });
      await c.reply(sent.ok ? c.t(`final-report-sent-${task.role}`) : c.t(sent.reason, sent.vars));
    });
  }
}
