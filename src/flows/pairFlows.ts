import { InlineKeyboard, InputFile } from "grammy";
import { checkPastDay, parseDay } from "../domain/dates.js";
import { ROLE_MODELS, defaultTerm, reasonsFor, roleModelKey } from "../domain/pairs.js";
import type { Form } from "../domain/programme.js";
import { addButton, pack, parseAs } from "../bot/buttons.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { answerRefusal } from "../bot/refusals.js";
import { orderWorkbook } from "../bot/views/order.js";
import { backToPair, backToPairs, formsKeyboard, modelsKeyboard, newMentorsScreen, reasonsKeyboard, words } from "../bot/views/pairs.js";
import { allowedForms, clearManualSelection, manualSelection } from "../services/matching.js";
import {
  endEarly,
  extendTerm,
  extensionProblem,
  orderPending,
  pairTermOf,
  proposePair,
  recordOrder,
  answerAgreement,
  answerReplacement,
  proposeReplacement,
  replacementCandidates,
  dayProblemKey,
  schoolDayOf,
  setTerm,
  termProblem,
} from "../services/pairs.js";
import { DECLINE_TEXT_MAX } from "../domain/pairs.js";
import { askAction as askTyped, askChoice, askText, flowWait } from "./ask.js";

// The curator's conversations about pairs: one by hand (form, role model, dates), the order, and
// changes with a reason (replace the mentor, extend the term, end early). Every read and write is
// a service call inside conversation.external; what comes back is plain data.

const actor = (c: FlowContext) => ({ userId: c.from!.id });

/**
 * The school's today (its calendar day in its time zone: dates.ts), read once by the flow: what a
 * date question offers as «сегодня» and checks typed dates against. Null when refused.
 */
async function schoolDay(conversation: FlowConversation, of: { programmeId: string } | { pairId: string }): Promise<Date | null> {
  const ms = await conversation.external(async (c) => {
    const day = await schoolDayOf(c.deps, actor(c), of);
    return day.ok ? day.value.getTime() : null;
  });
  return ms === null ? null : new Date(ms);
}
const SUGGESTED = pack({ type: "pairFlowDate" });

/** Asks for a date: a button with a suggestion, or dd.mm.yyyy typed; re-asks until valid. */
async function askDate(conversation: FlowConversation, ctx: FlowContext, prompt: string, suggestion: Date, check: (d: Date) => string | null): Promise<Date> {
  const label = await conversation.external(async (c) => (await words(c)).date(suggestion));
  await ctx.reply(prompt, { reply_markup: new InlineKeyboard().text(label, SUGGESTED) });
  const answer = await flowWait(conversation)
    .and((c) => c.callbackQuery?.data === SUGGESTED || c.message?.text !== undefined, {
      otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-not-text"))),
    })
    .and(
      (c) => {
        if (c.callbackQuery) return check(suggestion) === null;
        const d = parseDay(c.message!.text!);
        return d !== null && check(d) === null;
      },
      {
        otherwise: (c) => {
          if (c.callbackQuery) return c.answerCallbackQuery({ text: c.t(check(suggestion) ?? dayProblemKey("not-a-date")), show_alert: true });
          // Says what is wrong: not a date, in the future, before the start, or the term's own rule.
          const d = parseDay(c.message?.text ?? "");
          return c.reply(c.t((d && check(d)) ?? dayProblemKey("not-a-date")));
        },
      },
    );
  if (answer.callbackQuery) {
    await answer.answerCallbackQuery();
    return suggestion;
  }
  return parseDay(answer.message!.text!)!;
}

/** Waits for one of these table actions (packed) and gives it back parsed. */
async function askAction<K extends Parameters<typeof parseAs>[0]>(conversation: FlowConversation, type: K, packed: readonly string[]) {
  const { choice, ctx } = await askChoice(conversation, packed);
  return { action: parseAs(type, choice)!, ctx };
}

/** The term's start: the end must come after it, so only the start's own problems count here. */
const startCheck = (today: Date) => (d: Date) => {
  const problem = termProblem(d, defaultTerm(d), today);
  return problem === "term-problem-end-before-start" ? null : problem;
};

/**
 * A pair or a group by hand, after the picker (plain screens, the choice in the store): the form,
 * the role model, the dates, and a confirmation. The conversation only waits for these answers, so
 * its saved state stays small however many times the curator marked and unmarked mentees.
 */
export async function manualPair(conversation: FlowConversation, ctx: FlowContext, programmeId: string): Promise<void> {
  const options = await conversation.external(async (c) => {
    const found = await manualSelection(c.deps, actor(c), programmeId);
    if (!found.ok) return { ok: false as const, refusal: c.t(found.reason, found.vars) };
    const w = await words(c);
    const { mentor, mentees } = found.value;
    return { ok: true as const, mentor: { id: mentor.membershipId, name: w.say(mentor.name) }, mentees: mentees.map((m) => ({ id: m.membershipId, name: w.say(m.name) })) };
  });
  if (!options.ok) return void (await ctx.reply(options.refusal, { reply_markup: backToPairs(ctx, programmeId) }));
  const { mentor, mentees } = options;

  // The form: only those the programme runs and the rules allow for every chosen mentee.
  const allowed = await conversation.external(async (c) => {
    const forms = await allowedForms(c.deps, actor(c), { programmeId, mentorId: mentor.id, menteeIds: mentees.map((m) => m.id) });
    return forms.ok ? forms.value : [];
  });
  if (allowed.length === 0) return void (await ctx.reply(ctx.t("manual-no-form")));
  await ctx.reply(ctx.t("manual-choose-form"), { reply_markup: formsKeyboard(ctx, allowed) });
  const form: Form = (await askAction(conversation, "pairFlowForm", allowed.map((f) => pack({ type: "pairFlowForm", form: f })))).action.form;

  let roleModel: string | null = null;
  const models = ROLE_MODELS[form];
  if (models.length > 0) {
    await ctx.reply(ctx.t("manual-choose-model"), { reply_markup: modelsKeyboard(ctx, models) });
    const picked = (await askAction(conversation, "pairFlowModel", [...models, "-"].map((model) => pack({ type: "pairFlowModel", model })))).action.model;
    roleModel = picked === "-" ? null : picked;
  }

  const today = await schoolDay(conversation, { programmeId });
  if (!today) return void (await ctx.reply(ctx.t("curator-only")));
  const start = await askDate(conversation, ctx, ctx.t("manual-start"), today, startCheck(today));
  const end = await askDate(conversation, ctx, ctx.t("manual-end"), defaultTerm(start), (d) => termProblem(start, d, today));

  const dates = await conversation.external(async (c) => {
    const w = await words(c);
    return { start: w.date(start), end: w.date(end) };
  });
  const yes = pack({ type: "pairFlowConfirm", answer: "y" });
  const no = pack({ type: "pairFlowConfirm", answer: "n" });
  await ctx.reply(
    ctx.t("manual-confirm", {
      mentor: mentor.name,
      mentees: mentees.map((m) => m.name).join(", "),
      form: ctx.t(`form-${form}`),
      model: roleModel ? ctx.t(roleModelKey(roleModel)) : "—",
      start: dates.start,
      end: dates.end,
    }),
    { reply_markup: new InlineKeyboard().text(ctx.t("manual-create"), yes).text(ctx.t("common-cancel"), no) },
  );
  if ((await askChoice(conversation, [yes, no])).choice === no) {
    await conversation.external((c) => clearManualSelection(c.deps, actor(c), programmeId));
    return void (await ctx.reply(ctx.t("cancelled")));
  }
  await conversation.external(async (c) => {
    const result = await proposePair(c.deps, actor(c), { programmeId, mentorId: mentor.id, menteeIds: mentees.map((m) => m.id), form, roleModel, startDate: start, plannedEnd: end, why: { kind: "curator" } });
    if (result.ok) await clearManualSelection(c.deps, actor(c), programmeId);
    await c.reply(c.t(result.ok ? "manual-sent" : result.reason), { reply_markup: backToPairs(c, programmeId) });
  });
}

export async function order(conversation: FlowConversation, ctx: FlowContext, programmeId: string): Promise<void> {
  const count = await conversation.external(async (c) => {
    const pending = await orderPending(c.deps, actor(c), programmeId);
    return pending.ok ? pending.value : null;
  });
  if (count === null) return void (await ctx.reply(ctx.t("curator-only")));
  if (count === 0) return void (await ctx.reply(ctx.t("order-nothing")));
  const number = await askText(conversation, ctx, ctx.t("order-ask-number", { count }), 30);
  const today = await schoolDay(conversation, { programmeId });
  if (!today) return void (await ctx.reply(ctx.t("curator-only")));
  const date = await askDate(conversation, ctx, ctx.t("order-ask-date"), today, (d) => {
    const problem = checkPastDay(d, today);
    return problem ? dayProblemKey(problem) : null;
  });
  await conversation.external(async (c) => {
    const result = await recordOrder(c.deps, actor(c), { programmeId, number, date });
    if (!result.ok) return answerRefusal(c, result);
    const list = result.value;
    const w = await words(c);
    const rows = list.rows.map((r) => ({ form: c.t(`form-${r.form}`), roleModel: r.roleModel ? c.t(roleModelKey(r.roleModel)) : "", mentor: w.say(r.mentor), mentees: r.mentees.map(w.say), start: r.start, end: r.end }));
    const buffer = await orderWorkbook(c.t, { number: list.number, date: list.date, school: list.view.school.name, programme: list.view.programme.academicYear }, rows);
    await c.replyWithDocument(new InputFile(buffer, c.t("order-file-name", { number: list.number.replace(/[^\p{L}\p{N}-]+/gu, "_") })), {
      caption: c.t("order-caption", { number: list.number, count: list.recorded }),
      reply_markup: backToPairs(c, programmeId),
      protect_content: true,
    });
  });
}

export async function pairChange(conversation: FlowConversation, ctx: FlowContext, pairId: string, kind: "replace" | "extend" | "end"): Promise<void> {
  const state = await conversation.external(async (c) => {
    const term = await pairTermOf(c.deps, actor(c), pairId, "active");
    return term.ok ? { startDate: term.value.startDate.toISOString(), plannedEnd: term.value.plannedEnd.toISOString() } : null;
  });
  if (!state) return void (await ctx.reply(ctx.t("curator-only")));

  const reasons = reasonsFor(kind);
  await ctx.reply(ctx.t(`change-${kind}-ask-reason`), { reply_markup: reasonsKeyboard(ctx, kind, reasons) });
  const why = (await askAction(conversation, "pairFlowReason", [...reasons, "-"].map((reason) => pack({ type: "pairFlowReason", reason })))).action.reason;
  if (why === "-") return void (await ctx.reply(ctx.t("cancelled")));

  if (kind === "replace") {
    // The new mentors a page at a time (any number of them); the pick is checked by the service.
    const pageOf = (page: number) =>
      conversation.external(async (c) => {
        const found = await replacementCandidates(c.deps, actor(c), { pairId, page });
        if (!found.ok) return null;
        const screen = await newMentorsScreen(c, found.value);
        return { ids: found.value.items.map((m) => m.membershipId), total: found.value.total, text: screen.text, keyboard: screen.keyboard };
      });
    let shown = await pageOf(0);
    if (!shown || shown.total === 0) return void (await ctx.reply(ctx.t("change-no-mentor")));
    await ctx.reply(shown.text, { reply_markup: shown.keyboard });
    let pick: string | null = null;
    while (pick === null) {
      const ids = shown.ids;
      const { action, ctx: pressed } = await askTyped(conversation, ["pairFlowNewMentor", "pairFlowMentorPage"], (a) => a.type === "pairFlowMentorPage" || ids.includes(a.membershipId));
      if (action.type === "pairFlowNewMentor") pick = action.membershipId;
      else {
        const next = await pageOf(action.page);
        if (!next) return void (await ctx.reply(ctx.t("curator-only")));
        shown = next;
        await pressed.editMessageText(shown.text, { reply_markup: shown.keyboard }).catch(() => pressed.reply(next.text, { reply_markup: next.keyboard }));
      }
    }
    const membershipId = pick;
    await conversation.external(async (c) => {
      const result = await proposeReplacement(c.deps, actor(c), { pairId, membershipId, reason: why });
      await c.reply(c.t(result.ok ? "change-replace-proposed" : result.reason), { reply_markup: backToPair(c, pairId) });
    });
    return;
  }

  if (kind === "extend") {
    const term = { startDate: new Date(state.startDate), plannedEnd: new Date(state.plannedEnd) };
    const current = term.plannedEnd;
    const suggestion = new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() + 1, current.getUTCDate()));
    const today = await schoolDay(conversation, { pairId });
    if (!today) return void (await ctx.reply(ctx.t("curator-only")));
    const newEnd = await askDate(conversation, ctx, ctx.t("change-extend-ask-date"), suggestion, (d) => extensionProblem(term, d, today));
    await conversation.external(async (c) => {
      const result = await extendTerm(c.deps, actor(c), { pairId, reason: why, plannedEnd: newEnd });
      if (!result.ok) return void (await c.reply(c.t(result.reason), { reply_markup: backToPair(c, pairId) }));
      await c.reply(c.t("change-extended", { date: (await words(c)).date(newEnd) }), { reply_markup: backToPair(c, pairId) });
    });
    return;
  }

  const yes = pack({ type: "pairFlowEnd", answer: "y" });
  const no = pack({ type: "pairFlowEnd", answer: "n" });
  await ctx.reply(ctx.t("change-end-confirm"), { reply_markup: addButton(new InlineKeyboard(), ctx.t("change-end-yes"), { type: "pairFlowEnd", answer: "y" }).text(ctx.t("common-cancel"), no) });
  if ((await askChoice(conversation, [yes, no])).choice === no) return void (await ctx.reply(ctx.t("cancelled")));
  await conversation.external(async (c) => {
    const result = await endEarly(c.deps, actor(c), { pairId, reason: why });
    await c.reply(c.t(result.ok ? "change-ended" : result.reason), { reply_markup: backToPair(c, pairId) });
  });
}

/** The dates of a proposed pair (the engine's proposals start today and end on 31 May). */
export async function pairTerm(conversation: FlowConversation, ctx: FlowContext, pairId: string): Promise<void> {
  const state = await conversation.external(async (c) => {
    const term = await pairTermOf(c.deps, actor(c), pairId, "awaiting");
    return term.ok ? { start: term.value.startDate.toISOString(), refused: null } : { start: "", refused: term.reason };
  });
  if (state.refused) return void (await ctx.reply(ctx.t(state.refused)));
  const today = await schoolDay(conversation, { pairId });
  if (!today) return void (await ctx.reply(ctx.t("curator-only")));
  const start = await askDate(conversation, ctx, ctx.t("manual-start"), new Date(state.start), startCheck(today));
  const end = await askDate(conversation, ctx, ctx.t("manual-end"), defaultTerm(start), (d) => termProblem(start, d, today));
  await conversation.external(async (c) => {
    const result = await setTerm(c.deps, actor(c), { pairId, startDate: start, plannedEnd: end });
    if (!result.ok) return void (await c.reply(c.t(result.reason), { reply_markup: backToPair(c, pairId) }));
    const w = await words(c);
    await c.reply(c.t("pair-term-saved", { start: w.date(start), end: w.date(end) }), { reply_markup: backToPair(c, pairId) });
  });
}

/**
 * «Другое» when declining a proposed pair or a proposed new mentor: a short text (DECLINE_TEXT_MAX),
 * then the decline with it. The text goes to the curators only.
 */
export async function declineText(conversation: FlowConversation, ctx: FlowContext, kind: "pair" | "replacement", id: string): Promise<void> {
  const text = await askText(conversation, ctx, ctx.t("decline-ask-text", { max: DECLINE_TEXT_MAX }), DECLINE_TEXT_MAX);
  await conversation.external(async (c) => {
    const decline = { reason: "other" as const, text };
    if (kind === "pair") {
      const result = await answerAgreement(c.deps, actor(c), { pairId: id, answer: "declined", decline });
      return result.ok ? void (await c.reply(c.t(`agreement-${result.value}`))) : answerRefusal(c, result);
    }
    const result = await answerReplacement(c.deps, actor(c), { replacementId: id, answer: "declined", decline });
    return result.ok ? void (await c.reply(c.t(`replace-result-${result.value}`))) : answerRefusal(c, result);
  });
}
