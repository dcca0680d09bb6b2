import { InlineKeyboard, InputFile } from "grammy";
import { formFor } from "../domain/matching/index.js";
import { EARLY_END_REASONS, EXTENSION_REASONS, REPLACEMENT_REASONS, ROLE_MODELS, defaultTerm, parseDate, reasonKey, roleModelKey, validateExtension, validateTerm } from "../domain/pairs.js";
import type { Form } from "../domain/programme.js";
import { curatedProgramme } from "../bot/access.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { orderWorkbook } from "../bot/exports/order.js";
import { formatDate } from "../bot/labels.js";
import { matchingPool } from "../bot/matchingInput.js";
import type { Notifier } from "../bot/notify.js";
import { displayName, encodeWhy, endPair, freePlaces, proposePair, replaceMentor } from "../bot/pairing.js";
import { askChoice, askText, flowWait } from "./ask.js";

// The curator's conversations about pairs: one by hand (form, role model, dates), the order,
// and changes with a reason (replace the mentor, extend the term, end early).

const utcToday = (ms: number) => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
};

/** Asks for a date: a button with a suggestion, or dd.mm.yyyy typed; re-asks until valid. */
async function askDate(conversation: FlowConversation, ctx: FlowContext, prompt: string, suggestion: Date, check: (d: Date) => string | null): Promise<Date> {
  const locale = await conversation.external((c) => c.i18n.getLocale());
  await ctx.reply(prompt, { reply_markup: new InlineKeyboard().text(formatDate(suggestion, locale, "UTC"), "date:suggested") });
  const answer = await flowWait(conversation)
    .and((c) => c.callbackQuery?.data === "date:suggested" || c.message?.text !== undefined, {
      otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-not-text"))),
    })
    .and(
      (c) => {
        if (c.callbackQuery) return check(suggestion) === null;
        const d = parseDate(c.message!.text!);
        return d !== null && check(d) === null;
      },
      {
        otherwise: (c) => {
          if (c.callbackQuery) return c.answerCallbackQuery({ text: c.t(check(suggestion) ?? "date-problem-invalid"), show_alert: true });
          const d = parseDate(c.message?.text ?? "");
          return c.reply(c.t(d ? (check(d) ?? "date-problem-invalid") : "date-problem-invalid"));
        },
      },
    );
  if (answer.callbackQuery) {
    await answer.answerCallbackQuery();
    return suggestion;
  }
  return parseDate(answer.message!.text!)!;
}

export function manualPairFlow(notifier: Notifier) {
  return async function manualPair(conversation: FlowConversation, ctx: FlowContext, programmeId: string): Promise<void> {
    const pool = await conversation.external(async (c) => {
      const view = await curatedProgramme(c, programmeId);
      if (!view) return null;
      const p = await matchingPool(c.deps, view.programme);
      const mentors = await Promise.all([...p.mentors.values()].map(async (m) => ({ id: m._id, name: await displayName(c.deps, c.t, m), free: p.free.get(m._id) ?? 0 })));
      const mentees = await Promise.all([...p.mentees.values()].map(async (m) => ({ id: m._id, name: await displayName(c.deps, c.t, m) })));
      return { forms: view.programme.forms, mentors, mentees, input: JSON.parse(JSON.stringify(p.input)) as typeof p.input };
    });
    if (!pool) return void (await ctx.reply(ctx.t("curator-only")));
    if (pool.mentors.length === 0 || pool.mentees.length === 0) return void (await ctx.reply(ctx.t("manual-nobody")));

    // The mentor.
    const mentorKb = new InlineKeyboard();
    pool.mentors.slice(0, 30).forEach((m, i) => mentorKb.text(ctx.t("manual-mentor-option", { name: m.name, free: m.free }), `mm:${i}`).row());
    await ctx.reply(ctx.t("manual-choose-mentor"), { reply_markup: mentorKb });
    const mentorPick = await askChoice(conversation, pool.mentors.slice(0, 30).map((_, i) => `mm:${i}`));
    const mentor = pool.mentors[Number(mentorPick.choice.slice(3))]!;

    // One to three mentees (a group when more than one), no more than the mentor's free places.
    const limit = Math.min(3, mentor.free);
    const chosen = new Set<number>();
    const menteeKb = () => {
      const kb = new InlineKeyboard();
      pool.mentees.slice(0, 30).forEach((m, i) => kb.text(`${chosen.has(i) ? "☑️" : "⬜"} ${m.name}`, `me:${i}`).row());
      return kb.text(ctx.t("question-done"), "me:done");
    };
    const menteeMsg = await ctx.reply(ctx.t("manual-choose-mentees", { max: limit }), { reply_markup: menteeKb() });
    for (let presses = 0; presses < 100; presses++) {
      const { choice, ctx: pressed } = await askChoice(conversation, [...pool.mentees.slice(0, 30).map((_, i) => `me:${i}`), "me:done"]);
      if (choice === "me:done") {
        if (chosen.size > 0) break;
        await pressed.reply(ctx.t("answer-too-few", { min: 1 }));
        continue;
      }
      const i = Number(choice.slice(3));
      if (chosen.has(i)) chosen.delete(i);
      else if (chosen.size < limit) chosen.add(i);
      else {
        await pressed.reply(ctx.t("manual-too-many", { max: limit }));
        continue;
      }
      await ctx.api.editMessageReplyMarkup(menteeMsg.chat.id, menteeMsg.message_id, { reply_markup: menteeKb() });
    }
    const mentees = [...chosen].map((i) => pool.mentees[i]!);

    // The form: only those the programme runs and the rules allow for every chosen mentee.
    const mentorInput = pool.input.mentors.find((m) => m.id === mentor.id)!;
    const allowed = pool.forms.filter((f) => mentees.every((m) => formFor(pool.input.mentees.find((x) => x.id === m.id)!, mentorInput, [f]) === f));
    if (allowed.length === 0) return void (await ctx.reply(ctx.t("manual-no-form")));
    const formKb = new InlineKeyboard();
    for (const f of allowed) formKb.text(ctx.t(`form-${f}`), `mf:${f}`).row();
    await ctx.reply(ctx.t("manual-choose-form"), { reply_markup: formKb });
    const form = (await askChoice(conversation, allowed.map((f) => `mf:${f}`))).choice.slice(3) as Form;

    let roleModel: string | null = null;
    const models = ROLE_MODELS[form];
    if (models.length > 0) {
      const kb = new InlineKeyboard();
      for (const m of models) kb.text(ctx.t(roleModelKey(m)), `rm:${m}`).row();
      kb.text(ctx.t("manual-no-model"), "rm:-");
      await ctx.reply(ctx.t("manual-choose-model"), { reply_markup: kb });
      const picked = (await askChoice(conversation, [...models.map((m) => `rm:${m}`), "rm:-"])).choice.slice(3);
      roleModel = picked === "-" ? null : picked;
    }

    const nowMs = await conversation.now();
    const today = utcToday(nowMs);
    const start = await askDate(conversation, ctx, ctx.t("manual-start"), today, (d) => {
      const problem = validateTerm(d, defaultTerm(d), new Date(nowMs));
      return problem === "ok" || problem === "end-before-start" ? null : `term-problem-${problem}`;
    });
    const end = await askDate(conversation, ctx, ctx.t("manual-end"), defaultTerm(start), (d) => {
      const problem = validateTerm(start, d, new Date(nowMs));
      return problem === "ok" ? null : `term-problem-${problem}`;
    });

    const locale = await conversation.external((c) => c.i18n.getLocale());
    await ctx.reply(
      ctx.t("manual-confirm", {
        mentor: mentor.name,
        mentees: mentees.map((m) => m.name).join(", "),
        form: ctx.t(`form-${form}`),
        model: roleModel ? ctx.t(roleModelKey(roleModel)) : "—",
        start: formatDate(start, locale, "UTC"),
        end: formatDate(end, locale, "UTC"),
      }),
      { reply_markup: new InlineKeyboard().text(ctx.t("manual-create"), "mc:yes").text(ctx.t("school-cancel"), "mc:no") },
    );
    if ((await askChoice(conversation, ["mc:yes", "mc:no"] as const)).choice === "mc:no") return void (await ctx.reply(ctx.t("cancelled")));
    await conversation.external(async (c) => {
      if (!(await curatedProgramme(c, programmeId))) return void (await c.reply(c.t("curator-only")));
      const result = await proposePair(c.deps, notifier, { programmeId, mentorId: mentor.id, menteeIds: mentees.map((m) => m.id), form, roleModel, startDate: start, plannedEnd: end, why: encodeWhy({ kind: "curator" }), by: c.from!.id });
      await c.reply(c.t(result.ok ? "manual-sent" : `propose-failed-${result.reason}`), { reply_markup: new InlineKeyboard().text(c.t("back"), `pp:${programmeId}`) });
    });
  };
}

export async function order(conversation: FlowConversation, ctx: FlowContext, programmeId: string): Promise<void> {
  const count = await conversation.external(async (c) => {
    if (!(await curatedProgramme(c, programmeId))) return null;
    return (await c.deps.store.pairs.ofProgramme(programmeId, ["active"])).filter((p) => p.orderNumber === null).length;
  });
  if (count === null) return void (await ctx.reply(ctx.t("curator-only")));
  if (count === 0) return void (await ctx.reply(ctx.t("order-nothing")));
  const number = await askText(conversation, ctx, ctx.t("order-ask-number", { count }), 30);
  const nowMs = await conversation.now();
  const date = await askDate(conversation, ctx, ctx.t("order-ask-date"), utcToday(nowMs), (d) => (d.getTime() > nowMs ? "date-problem-invalid" : null));
  await conversation.external(async (c) => {
    const view = await curatedProgramme(c, programmeId);
    if (!view) return void (await c.reply(c.t("curator-only")));
    const { store } = c.deps;
    const pending = (await store.pairs.ofProgramme(programmeId, ["active"])).filter((p) => p.orderNumber === null);
    const recorded = await store.pairs.recordOrder(pending.map((p) => p._id), number, date);
    for (const p of pending) await store.pairs.addEvent({ pairId: p._id, programmeId, kind: "order", at: c.deps.clock(), by: c.from!.id, details: { number } });
    const inOrder = (await store.pairs.ofProgramme(programmeId, ["active"])).filter((p) => p.orderNumber === number);
    const rows = await Promise.all(
      inOrder.map(async (p) => {
        const mentor = await store.memberships.get(p.mentorId);
        const mentees = [...(await store.memberships.getMany(p.menteeIds)).values()];
        return {
          form: c.t(`form-${p.form}`),
          roleModel: p.roleModel ? c.t(roleModelKey(p.roleModel)) : "",
          mentor: mentor ? await displayName(c.deps, c.t, mentor) : "",
          mentees: await Promise.all(mentees.map((m) => displayName(c.deps, c.t, m))),
          start: p.startDate,
          end: p.plannedEnd,
        };
      }),
    );
    const buffer = await orderWorkbook(c.t, { number, date, school: view.school.name, programme: view.programme.academicYear }, rows);
    c.log.info({ programmeId, number, recorded }, "order recorded");
    await c.replyWithDocument(new InputFile(buffer, `prikaz-${number.replace(/[^\p{L}\p{N}-]+/gu, "_")}.xlsx`), {
      caption: c.t("order-caption", { number, count: recorded }),
      reply_markup: new InlineKeyboard().text(c.t("back"), `pp:${programmeId}`),
    });
  });
}

export function pairChangeFlow(notifier: Notifier) {
  return async function pairChange(conversation: FlowConversation, ctx: FlowContext, pairId: string, kind: "replace" | "extend" | "end"): Promise<void> {
    const state = await conversation.external(async (c) => {
      const pair = await c.deps.store.pairs.get(pairId);
      const view = pair && (await curatedProgramme(c, pair.programmeId));
      if (!pair || !view || pair.status !== "active") return null;
      return { programmeId: pair.programmeId, plannedEnd: pair.plannedEnd.toISOString(), startDate: pair.startDate.toISOString(), mentorId: pair.mentorId, size: pair.menteeIds.length };
    });
    if (!state) return void (await ctx.reply(ctx.t("curator-only")));

    const reasons = kind === "replace" ? REPLACEMENT_REASONS : kind === "extend" ? EXTENSION_REASONS : EARLY_END_REASONS;
    const kb = new InlineKeyboard();
    for (const r of reasons) kb.text(ctx.t(reasonKey(kind, r)), `why:${r}`).row();
    kb.text(ctx.t("school-cancel"), "why:-");
    await ctx.reply(ctx.t(`change-${kind}-ask-reason`), { reply_markup: kb });
    const why = (await askChoice(conversation, [...reasons.map((r) => `why:${r}`), "why:-"])).choice.slice(4);
    if (why === "-") return void (await ctx.reply(ctx.t("cancelled")));

    if (kind === "replace") {
      const options = await conversation.external(async (c) => {
        const pair = await c.deps.store.pairs.get(pairId);
        if (!pair) return [];
        const mentors = [];
        for (const m of await c.deps.store.memberships.participants(pair.programmeId, "mentor", { intake: "ready" })) {
          if (m._id !== pair.mentorId && m.mentorTrainedOn !== null && (await freePlaces(c.deps, m)) >= pair.menteeIds.length) mentors.push(m);
        }
        return Promise.all(mentors.slice(0, 20).map(async (m) => ({ id: m._id, name: await displayName(c.deps, c.t, m) })));
      });
      if (options.length === 0) return void (await ctx.reply(ctx.t("change-no-mentor")));
      const mkb = new InlineKeyboard();
      options.forEach((o, i) => mkb.text(o.name, `nm:${i}`).row());
      await ctx.reply(ctx.t("change-choose-mentor"), { reply_markup: mkb });
      const pick = options[Number((await askChoice(conversation, options.map((_, i) => `nm:${i}`))).choice.slice(3))]!;
      await conversation.external(async (c) => {
        const pair = await c.deps.store.pairs.get(pairId);
        if (!pair || !(await curatedProgramme(c, pair.programmeId))) return void (await c.reply(c.t("curator-only")));
        const result = await replaceMentor(c.deps, pair, pick.id, c.from!.id, why);
        await c.reply(c.t(`change-replace-${result}`), { reply_markup: backToPair(c, pairId) });
        if (result === "ok") {
          await tellPair(c.deps, notifier, pairId, "change-told-replaced");
          const former = await c.deps.store.memberships.get(pair.mentorId);
          if (former) await notifier.toUser(former.userId, (t) => t("change-told-former-mentor"));
        }
      });
      return;
    }

    if (kind === "extend") {
      const current = new Date(state.plannedEnd);
      const suggestion = new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() + 1, current.getUTCDate()));
      const started = new Date(state.startDate);
      const nowMs = await conversation.now();
      const newEnd = await askDate(conversation, ctx, ctx.t("change-extend-ask-date"), suggestion, (d) => {
        if (validateExtension(current, d) !== "ok") return "extension-problem-not-later";
        const term = validateTerm(started, d, new Date(nowMs));
        return term === "too-long" ? "term-problem-too-long" : null;
      });
      await conversation.external(async (c) => {
        const pair = await c.deps.store.pairs.get(pairId);
        if (!pair || pair.status !== "active" || !(await curatedProgramme(c, pair.programmeId))) return void (await c.reply(c.t("curator-only")));
        await c.deps.store.pairs.setPlannedEnd(pairId, newEnd);
        await c.deps.store.pairs.addEvent({ pairId, programmeId: pair.programmeId, kind: "extended", at: c.deps.clock(), by: c.from!.id, reason: why, details: { from: pair.plannedEnd.toISOString().slice(0, 10), to: newEnd.toISOString().slice(0, 10) } });
        await c.reply(c.t("change-extended", { date: formatDate(newEnd, await c.i18n.getLocale(), "UTC") }), { reply_markup: backToPair(c, pairId) });
        await tellPair(c.deps, notifier, pairId, "change-told-extended");
      });
      return;
    }

    await ctx.reply(ctx.t("change-end-confirm"), { reply_markup: new InlineKeyboard().text(ctx.t("change-end-yes"), "end:yes").text(ctx.t("school-cancel"), "end:no") });
    if ((await askChoice(conversation, ["end:yes", "end:no"] as const)).choice === "end:no") return void (await ctx.reply(ctx.t("cancelled")));
    await conversation.external(async (c) => {
      const pair = await c.deps.store.pairs.get(pairId);
      if (!pair || !(await curatedProgramme(c, pair.programmeId))) return void (await c.reply(c.t("curator-only")));
      const ok = await endPair(c.deps, pair, c.from!.id, why, true);
      await c.reply(c.t(ok ? "change-ended" : "button-stale"), { reply_markup: backToPair(c, pairId) });
      if (ok) await tellPair(c.deps, notifier, pairId, "change-told-ended");
    });
  };
}

const backToPair = (c: FlowContext, pairId: string) => new InlineKeyboard().text(c.t("back"), `pcd:${pairId}`);

/** Tells the pair's mentor and mentees about a change the curator made. */
async function tellPair(deps: FlowContext["deps"], notifier: Notifier, pairId: string, key: string): Promise<void> {
  const pair = await deps.store.pairs.get(pairId);
  if (!pair) return;
  const people = [...(await deps.store.memberships.getMany([pair.mentorId, ...pair.menteeIds])).values()];
  for (const user of new Set(people.map((m) => m.userId))) await notifier.toUser(user, (t) => t(key));
}

/** The dates of a proposed pair (the engine's proposals start today and end on 31 May). */
export async function pairTerm(conversation: FlowConversation, ctx: FlowContext, pairId: string): Promise<void> {
  const state = await conversation.external(async (c) => {
    const pair = await c.deps.store.pairs.get(pairId);
    if (!pair || pair.status !== "awaiting" || !(await curatedProgramme(c, pair.programmeId))) return null;
    return { start: pair.startDate.toISOString() };
  });
  if (!state) return void (await ctx.reply(ctx.t("curator-only")));
  const nowMs = await conversation.now();
  const start = await askDate(conversation, ctx, ctx.t("manual-start"), new Date(state.start), (d) => {
    const problem = validateTerm(d, defaultTerm(d), new Date(nowMs));
    return problem === "ok" || problem === "end-before-start" ? null : `term-problem-${problem}`;
  });
  const end = await askDate(conversation, ctx, ctx.t("manual-end"), defaultTerm(start), (d) => {
    const problem = validateTerm(start, d, new Date(nowMs));
    return problem === "ok" ? null : `term-problem-${problem}`;
  });
  await conversation.external(async (c) => {
    const pair = await c.deps.store.pairs.get(pairId);
    if (!pair || !(await curatedProgramme(c, pair.programmeId))) return void (await c.reply(c.t("curator-only")));
    await c.deps.store.pairs.setTerm(pairId, start, end);
    const locale = await c.i18n.getLocale();
    await c.reply(c.t("pair-term-saved", { start: formatDate(start, locale, "UTC"), end: formatDate(end, locale, "UTC") }), { reply_markup: backToPair(c, pairId) });
  });
}
