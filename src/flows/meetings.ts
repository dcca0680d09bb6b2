import { InlineKeyboard } from "grammy";
import { addDays, checkPastDay, parseDay } from "../domain/dates.js";
import {
  MEETING_DURATION_CHOICES,
  MEETING_FORMATS,
  MEETING_TEXT_MAX,
  MEETING_TYPES,
  checkPlannedDay,
  checkPlannedStart,
  meetingFormatKey,
  meetingTypeKey,
  parseTime,
  readDuration,
  schoolInstant,
  type MeetingFormat,
  type MeetingType,
} from "../domain/meetings.js";
import { checkText } from "../domain/text.js";
import { addButton, pressedAction } from "../bot/buttons.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { logMeeting, meetingDayProblemKey, meetingDraft, meetingDurationProblemKey, planMeeting, plannedProblemKey } from "../services/meetings.js";
import type { ActionType } from "../services/actions/index.js";
import { flowWait, type OneOf } from "./ask.js";

// The log and the plan of a meeting, for a mentor or a mentee: buttons for everything but the
// words (a typed date, minutes, the topic, the result). Nothing is saved until the last answer;
// the save is one service call inside conversation.external, with an id chosen once, so a
// second press of the same save makes no second meeting. /cancel leaves at any step.

const actor = (c: FlowContext) => ({ userId: c.from!.id });

interface Draft {
  meetingId: string;
  suggested: MeetingType;
  now: number;
  today: number;
  pairStart: number;
  plannedEnd: number;
  timeZone: string;
  planItems: { id: string; title: string }[];
}

async function loadDraft(conversation: FlowConversation, pairId: string): Promise<{ ok: true; draft: Draft } | { ok: false; reason: string }> {
  return conversation.external(async (c) => {
    const d = await meetingDraft(c.deps, actor(c), { pairId });
    if (!d.ok) return { ok: false as const, reason: c.t(d.reason, d.vars) };
    const v = d.value;
    return {
      ok: true as const,
      draft: {
        meetingId: c.deps.store.meetings.newId(),
        suggested: v.suggested,
        now: c.deps.clock().getTime(),
        today: v.today.getTime(),
        pairStart: v.pairStart.getTime(),
        plannedEnd: v.plannedEnd.getTime(),
        timeZone: v.timeZone,
        planItems: v.planItems,
      },
    };
  });
}

const backToPair = (ctx: FlowContext, pairId: string) => addButton(new InlineKeyboard(), ctx.t("meeting-back-to-pair"), { type: "pairMenu", pairId });

/** Answers what is not the expected input: a stale button press or a non-text message. */
async function hint(c: FlowContext): Promise<void> {
  if (c.callbackQuery) await c.answerCallbackQuery({ text: c.t("input-use-buttons") });
  else await c.reply(c.t("input-not-text"));
}

/** Waits for a press of one of these flow actions that `check` finds valid (else its message, as an alert). */
async function pressOf<K extends ActionType>(conversation: FlowConversation, types: readonly K[], check: (a: OneOf<K>) => string | null = () => null): Promise<OneOf<K>> {
  const pressed = await flowWait(conversation)
    .and((c) => pressedAction(c, types) !== null, { otherwise: hint })
    .and((c) => check(pressedAction(c, types) as OneOf<K>) === null, {
      otherwise: (c) => c.answerCallbackQuery({ text: c.t(check(pressedAction(c, types) as OneOf<K>) ?? "input-use-buttons"), show_alert: true }),
    });
  await pressed.answerCallbackQuery();
  return pressedAction(pressed, types) as OneOf<K>;
}

type Read<T> = { ok: true; value: T } | { ok: false; key: string; vars?: Record<string, string | number> };

/**
 * Waits for typed text that `read` accepts, or (when given) a press of one of these actions;
 * a bad text is answered with what is wrong with it, and asked again.
 */
async function typedOr<T, K extends ActionType>(conversation: FlowConversation, read: (text: string) => Read<T>, types: readonly K[] = []): Promise<{ text: T } | { press: OneOf<K> }> {
  const answer = await flowWait(conversation)
    .and((c) => c.message?.text !== undefined || (types.length > 0 && pressedAction(c, types) !== null), { otherwise: hint })
    .and((c) => c.callbackQuery !== undefined || read(c.message!.text!).ok, {
      otherwise: (c) => {
        const r = read(c.message?.text ?? "");
        return c.reply(r.ok ? c.t("input-not-text") : c.t(r.key, r.vars));
      },
    });
  if (answer.callbackQuery) {
    await answer.answerCallbackQuery();
    return { press: pressedAction(answer, types) as OneOf<K> };
  }
  const r = read(answer.message!.text!);
  return { text: (r as { ok: true; value: T }).value };
}

/** A typed text for a meeting: not empty, not over its limit. */
const readWords = (max: number, emptyKey: string) => (text: string): Read<string> => {
  const checked = checkText(text, max);
  if (checked.ok) return { ok: true, value: checked.value };
  return checked.problem === "too-long" ? { ok: false, key: "meeting-text-too-long", vars: { max } } : { ok: false, key: emptyKey };
};

async function askType(conversation: FlowConversation, ctx: FlowContext, suggested: MeetingType): Promise<MeetingType> {
  const kb = new InlineKeyboard();
  // The expected one first, marked; then the rest in the regulation's order.
  for (const type of [suggested, ...MEETING_TYPES.filter((t) => t !== suggested)]) {
    const label = ctx.t(meetingTypeKey(type));
    addButton(kb, type === suggested ? ctx.t("meeting-suggested", { label }) : label, { type: "meetingFlowType", kind: type }).row();
  }
  await ctx.reply(ctx.t("meeting-ask-type", { suggested: ctx.t(meetingTypeKey(suggested)) }), { reply_markup: kb });
  return (await pressOf(conversation, ["meetingFlowType"])).kind;
}

async function askFormat(conversation: FlowConversation, ctx: FlowContext): Promise<MeetingFormat> {
  const kb = new InlineKeyboard();
  for (const format of MEETING_FORMATS) addButton(kb, ctx.t(meetingFormatKey(format)), { type: "meetingFlowFormat", format });
  await ctx.reply(ctx.t("meeting-ask-format"), { reply_markup: kb });
  return (await pressOf(conversation, ["meetingFlowFormat"])).format;
}

async function askDuration(conversation: FlowConversation, ctx: FlowContext, prompt: "meeting-ask-duration" | "meeting-ask-plan-duration"): Promise<number> {
  const kb = new InlineKeyboard();
  for (const minutes of MEETING_DURATION_CHOICES) addButton(kb, ctx.t("meeting-duration-choice", { minutes }), { type: "meetingFlowDuration", minutes });
  addButton(kb.row(), ctx.t("meeting-duration-other"), { type: "meetingFlowDuration", minutes: 0 });
  await ctx.reply(ctx.t(prompt), { reply_markup: kb });
  const picked = (await pressOf(conversation, ["meetingFlowDuration"])).minutes;
  if (picked > 0) return picked;
  await ctx.reply(ctx.t("meeting-ask-duration-typed"));
  const typed = await typedOr(conversation, (text): Read<number> => {
    const r = readDuration(text);
    return r.ok ? { ok: true, value: r.minutes } : { ok: false, key: meetingDurationProblemKey(r.problem) };
  });
  return (typed as { text: number }).text;
}

async function askTopic(conversation: FlowConversation, ctx: FlowContext, items: Draft["planItems"]): Promise<{ topic: string; planItemId: string | null }> {
  const kb = new InlineKeyboard();
  items.forEach((item, index) => addButton(kb, item.title, { type: "meetingFlowTopic", index }).row());
  await ctx.reply(ctx.t(items.length ? "meeting-ask-topic" : "meeting-ask-topic-no-plan"), items.length ? { reply_markup: kb } : {});
  const answer = await typedOr(conversation, readWords(MEETING_TEXT_MAX.topic, "meeting-topic-empty"), items.length ? (["meetingFlowTopic"] as const) : []);
  if ("text" in answer) return { topic: answer.text, planItemId: null };
  const item = items[answer.press.index] ?? items[0]!;
  return { topic: item.title, planItemId: item.id };
}

/** An optional text: typed, or «Пропустить». */
async function askOptional(conversation: FlowConversation, ctx: FlowContext, prompt: string, max: number): Promise<string | null> {
  await ctx.reply(prompt, { reply_markup: addButton(new InlineKeyboard(), ctx.t("meeting-skip"), { type: "meetingFlowSkip" }) });
  const answer = await typedOr(conversation, readWords(max, "input-empty"), ["meetingFlowSkip"] as const);
  return "text" in answer ? answer.text : null;
}

/**
 * A day from buttons (today, and yesterday or tomorrow) or typed; `problem` says why a day will not
 * do (its message key), and a refused day is asked again.
 */
async function askDay(
  conversation: FlowConversation,
  ctx: FlowContext,
  today: Date,
  ask: { key: string; near: "yesterday" | "tomorrow"; problem: (d: Date) => string | null },
): Promise<Date> {
  const kb = new InlineKeyboard();
  addButton(kb, ctx.t("meeting-day-today"), { type: "meetingFlowDay", day: "today" });
  addButton(kb, ctx.t(`meeting-day-${ask.near}`), { type: "meetingFlowDay", day: ask.near });
  addButton(kb.row(), ctx.t("meeting-day-other"), { type: "meetingFlowDay", day: "other" });
  await ctx.reply(ctx.t(ask.key), { reply_markup: kb });
  const dayOf = (d: "today" | "yesterday" | "tomorrow") => addDays(today, d === "today" ? 0 : d === "yesterday" ? -1 : 1);
  const picked = await pressOf(conversation, ["meetingFlowDay"], (a) => (a.day === "other" ? null : ask.problem(dayOf(a.day))));
  if (picked.day !== "other") return dayOf(picked.day);
  await ctx.reply(ctx.t("meeting-ask-day-typed"));
  const typed = await typedOr(conversation, (text): Read<Date> => {
    const d = parseDay(text);
    if (!d) return { ok: false, key: meetingDayProblemKey("not-a-date") };
    const p = ask.problem(d);
    return p ? { ok: false, key: p } : { ok: true, value: d };
  });
  return (typed as { text: Date }).text;
}

/** The day a meeting was held: never in the future, never before the pair's start. */
async function askHeldDay(conversation: FlowConversation, ctx: FlowContext, draft: Draft): Promise<Date> {
  const today = new Date(draft.today);
  const start = new Date(draft.pairStart);
  return askDay(conversation, ctx, today, {
    key: "meeting-ask-day",
    near: "yesterday",
    problem: (d) => {
      const p = checkPastDay(d, today, start);
      return p ? meetingDayProblemKey(p) : null;
    },
  });
}

/** The day of a planned meeting: within the pair's term, not past. */
async function askPlannedDay(conversation: FlowConversation, ctx: FlowContext, draft: Draft): Promise<Date> {
  const today = new Date(draft.today);
  return askDay(conversation, ctx, today, {
    key: "meeting-ask-plan-day",
    near: "tomorrow",
    problem: (d) => {
      const p = checkPlannedDay(d, today, new Date(draft.pairStart), new Date(draft.plannedEnd));
      return p ? plannedProblemKey(p) : null;
    },
  });
}

/** Logs a meeting that was held (either side of the pair). */
export async function logMeetingFlow(conversation: FlowConversation, ctx: FlowContext, pairId: string): Promise<void> {
  const loaded = await loadDraft(conversation, pairId);
  if (!loaded.ok) return void (await ctx.reply(loaded.reason));
  const { draft } = loaded;
  const type = await askType(conversation, ctx, draft.suggested);
  const day = await askHeldDay(conversation, ctx, draft);
  const format = await askFormat(conversation, ctx);
  const durationMin = await askDuration(conversation, ctx, "meeting-ask-duration");
  const { topic, planItemId } = await askTopic(conversation, ctx, draft.planItems);
  const result = await askOptional(conversation, ctx, ctx.t("meeting-ask-result"), MEETING_TEXT_MAX.result);
  const nextSteps = await askOptional(conversation, ctx, ctx.t("meeting-ask-next-steps"), MEETING_TEXT_MAX.nextSteps);
  await conversation.external(async (c) => {
    const saved = await logMeeting(c.deps, actor(c), { meetingId: draft.meetingId, pairId, type, day, format, durationMin, topic, planItemId, result, nextSteps });
    await c.reply(saved.ok ? c.t("meeting-logged-ok") : c.t(saved.reason, saved.vars), { reply_markup: backToPair(c, pairId) });
  });
}

/** Plans a meeting ahead: the date, the time, the format, the length, the place or link, the topic. */
export async function planMeetingFlow(conversation: FlowConversation, ctx: FlowContext, pairId: string): Promise<void> {
  const loaded = await loadDraft(conversation, pairId);
  if (!loaded.ok) return void (await ctx.reply(loaded.reason));
  const { draft } = loaded;
  const type = await askType(conversation, ctx, draft.suggested);
  const day = await askPlannedDay(conversation, ctx, draft);
  await ctx.reply(ctx.t("meeting-ask-time"));
  const minutes = (
    (await typedOr(conversation, (text): Read<number> => {
      const m = parseTime(text);
      if (m === null) return { ok: false, key: "meeting-time-bad" };
      const p = checkPlannedStart(schoolInstant(day, m, draft.timeZone), new Date(draft.now), schoolInstant(new Date(draft.pairStart), 0, draft.timeZone), schoolInstant(new Date(draft.plannedEnd), 0, draft.timeZone));
      return p ? { ok: false, key: plannedProblemKey(p) } : { ok: true, value: m };
    })) as { text: number }
  ).text;
  const format = await askFormat(conversation, ctx);
  const durationMin = await askDuration(conversation, ctx, "meeting-ask-plan-duration");
  await ctx.reply(ctx.t(format === "online" ? "meeting-ask-link" : "meeting-ask-place"));
  const place = ((await typedOr(conversation, readWords(MEETING_TEXT_MAX.place, "meeting-place-empty"))) as { text: string }).text;
  const { topic, planItemId } = await askTopic(conversation, ctx, draft.planItems);
  await conversation.external(async (c) => {
    const saved = await planMeeting(c.deps, actor(c), { meetingId: draft.meetingId, pairId, type, day, minutes, format, durationMin, place, topic, planItemId });
    await c.reply(saved.ok ? c.t("meeting-planned-ok") : c.t(saved.reason, saved.vars), { reply_markup: backToPair(c, pairId) });
  });
}
