import { Composer, InlineKeyboard } from "grammy";
import { evaluatePair, formFor, proposePairs } from "../../domain/matching.js";
import { ROLE_MODELS, defaultTerm, partyKey, pairStatusKey, roleModelKey } from "../../domain/pairs.js";
import { MANUAL_PAIR, ORDER, PAIR_CHANGE, PAIR_TERM } from "../../flows/ids.js";
import type { Membership } from "../../store/memberships.js";
import type { Pair } from "../../store/pairs.js";
import { curatedProgramme, curatorButton, refuse, type ProgrammeView } from "../access.js";
import { topicLabeller } from "../answers.js";
import { ID, cb } from "../callbacks.js";
import type { BaseContext, BotContext } from "../context.js";
import { formatDate } from "../labels.js";
import { matchingPool } from "../matchingInput.js";
import type { Notifier } from "../notify.js";
import { answersOf, displayName, encodeWhy, freePlaces, partiesOf, proposePair, recordPaperParentAgreement, setMentorLimit, whyText } from "../pairing.js";
import { enterFlow } from "../flow.js";
import { showScreen } from "../screen.js";

// Stages 4–5 for the curator: mentors selected and trained with their limits, the preference
// round, the engine's proposals (accept, another mentor, skip), pairs by hand, the list of
// pairs with each one's card and history, the order.

const PAGE = 8;

function startOfDayUtc(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

async function home(ctx: BaseContext, view: ProgrammeView) {
  const pid = view.programme._id;
  const { store } = ctx.deps;
  const mentors = await store.memberships.participants(pid, "mentor", { intake: "ready" });
  const mentees = await store.memberships.participants(pid, "mentee", { intake: "ready" });
  const pairs = await store.pairs.ofProgramme(pid, ["awaiting", "active"]);
  const round = await store.preferences.current(pid);
  const text = ctx.t("pairs-home", {
    school: view.school.name,
    year: view.programme.academicYear,
    mentors: mentors.length,
    trained: mentors.filter((m) => m.mentorTrainedOn !== null).length,
    pool: mentees.filter((m) => m.pairId === null).length,
    awaiting: pairs.filter((p) => p.status === "awaiting").length,
    active: pairs.filter((p) => p.status === "active").length,
    round: round ? ctx.t("pairs-round-open", { until: formatDate(round.deadline, await ctx.i18n.getLocale(), view.school.timeZone) }) : ctx.t("pairs-round-none"),
  });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("pairs-mentors"), cb("pm", pid))
    .row()
    .text(ctx.t("pairs-round"), cb("pr", pid))
    .row()
    .text(ctx.t("pairs-propose"), cb("px", pid))
    .row()
    .text(ctx.t("pairs-manual"), cb("ph", pid))
    .row()
    .text(ctx.t("pairs-list"), cb("pl", pid, 0))
    .row()
    .text(ctx.t("pairs-order"), cb("po", pid))
    .row()
    .text(ctx.t("back"), cb("cur", "panel", pid));
  return { text, keyboard };
}

async function mentorsScreen(ctx: BaseContext, view: ProgrammeView) {
  const pid = view.programme._id;
  const locale = await ctx.i18n.getLocale();
  const mentors = await ctx.deps.store.memberships.participants(pid, "mentor", { intake: "ready" });
  const lines = await Promise.all(
    mentors.map(async (m, i) =>
      ctx.t("pairs-mentor-line", {
        n: i + 1,
        name: await displayName(ctx.deps, ctx.t, m),
        trained: m.mentorTrainedOn ? ctx.t("pairs-trained-on", { date: formatDate(m.mentorTrainedOn, locale, view.school.timeZone) }) : ctx.t("pairs-not-trained"),
        limit: m.mentorLimit,
        free: await freePlaces(ctx.deps, m),
      }),
    ),
  );
  const kb = new InlineKeyboard();
  mentors.forEach((m, i) => {
    kb.text(String(i + 1), cb("pmc", pid, m._id));
    if (i % 5 === 4) kb.row();
  });
  kb.row().text(ctx.t("back"), cb("pp", pid));
  return { text: [ctx.t("pairs-mentors-title"), "", ...(lines.length ? lines : [ctx.t("bases-list-empty")])].join("\n"), keyboard: kb };
}

async function mentorCard(ctx: BaseContext, view: ProgrammeView, m: Membership) {
  const pid = view.programme._id;
  const locale = await ctx.i18n.getLocale();
  const text = ctx.t("pairs-mentor-card", {
    name: await displayName(ctx.deps, ctx.t, m),
    trained: m.mentorTrainedOn ? ctx.t("pairs-trained-on", { date: formatDate(m.mentorTrainedOn, locale, view.school.timeZone) }) : ctx.t("pairs-not-trained"),
    limit: m.mentorLimit,
    free: await freePlaces(ctx.deps, m),
  });
  const kb = new InlineKeyboard();
  if (!m.mentorTrainedOn) kb.text(ctx.t("pairs-mark-trained"), cb("pmt", pid, m._id)).row();
  else kb.text(ctx.t("pairs-unmark-trained"), cb("pmu", pid, m._id)).row();
  for (const n of [1, 2, 3]) kb.text(ctx.t("pairs-limit", { n }), cb("pml", pid, m._id, n));
  kb.row().text(ctx.t("back"), cb("pm", pid));
  return { text, keyboard: kb };
}

export async function pairCard(ctx: BaseContext, view: ProgrammeView, pair: Pair) {
  const { store } = ctx.deps;
  const locale = await ctx.i18n.getLocale();
  const mentor = await store.memberships.get(pair.mentorId);
  const mentees = [...(await store.memberships.getMany(pair.menteeIds)).values()];
  const names = await Promise.all(mentees.map((m) => displayName(ctx.deps, ctx.t, m)));
  const lines = [
    ctx.t("pair-card", {
      mentor: mentor ? await displayName(ctx.deps, ctx.t, mentor) : "—",
      mentees: names.join(", "),
      form: ctx.t(`form-${pair.form}`),
      model: pair.roleModel ? ctx.t(roleModelKey(pair.roleModel)) : "—",
      start: formatDate(pair.startDate, locale, "UTC"),
      end: formatDate(pair.plannedEnd, locale, "UTC"),
      status: ctx.t(pairStatusKey(pair.status)),
      order: pair.orderNumber && pair.orderDate ? ctx.t("pair-order-line", { number: pair.orderNumber, date: formatDate(pair.orderDate, locale, "UTC") }) : "—",
    }),
  ];
  const kb = new InlineKeyboard();
  if (pair.status === "awaiting" && mentor) {
    const answers = await answersOf(ctx.deps, pair._id);
    const waiting = (await partiesOf(ctx.deps, mentor, mentees)).filter((p) => pair.parties.includes(partyKey(p)) && !answers[partyKey(p)]);
    lines.push(ctx.t("pair-waiting-for", { parties: waiting.map((p) => ctx.t(p.userId === null ? "pair-party-paper-parent" : `pair-party-${p.kind}`)).join(", ") || "—" }));
    // A parent who consented on paper agrees on paper too; the curator records it here.
    for (const p of waiting.filter((w) => w.userId === null)) {
      const child = mentees.find((m) => m._id === p.membershipId);
      if (child) kb.text(ctx.t("pair-paper-parent-agrees", { child: await displayName(ctx.deps, ctx.t, child) }), cb("ppa", pair._id, child._id)).row();
    }
  }
  lines.push("", ctx.t("pair-history"));
  for (const e of await store.pairs.history(pair._id)) {
    const reason = e.reason ? ` — ${ctx.t(`reason-${e.kind === "mentor-replaced" || e.kind === "replacement-requested" ? "replace" : e.kind === "extended" ? "extend" : "end"}-${e.reason}`)}` : "";
    lines.push(`${formatDate(e.at, locale, view.school.timeZone)} — ${ctx.t(`pair-event-${e.kind}`)}${reason}`);
  }
  if (pair.status === "awaiting") kb.text(ctx.t("pair-set-term"), cb("pte", pair._id)).row();
  if ((pair.status === "awaiting" || pair.status === "active") && ROLE_MODELS[pair.form].length > 0) {
    kb.text(ctx.t("pair-choose-model"), cb("pmo", pair._id)).row();
  }
  if (pair.status === "active") {
    kb.text(ctx.t("pair-replace"), cb("pch", pair._id, "replace")).row();
    kb.text(ctx.t("pair-extend"), cb("pch", pair._id, "extend")).row();
    kb.text(ctx.t("pair-end"), cb("pch", pair._id, "end")).row();
  }
  kb.text(ctx.t("back"), cb("pl", view.programme._id, 0));
  return { text: lines.join("\n"), keyboard: kb };
}

async function pairsList(ctx: BaseContext, view: ProgrammeView, page: number) {
  const pid = view.programme._id;
  const locale = await ctx.i18n.getLocale();
  const pairs = await ctx.deps.store.pairs.ofProgramme(pid);
  const pages = Math.max(1, Math.ceil(pairs.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = pairs.slice(current * PAGE, current * PAGE + PAGE);
  const lines = await Promise.all(
    shown.map(async (p, i) => {
      const mentor = await ctx.deps.store.memberships.get(p.mentorId);
      const mentees = [...(await ctx.deps.store.memberships.getMany(p.menteeIds)).values()];
      return ctx.t("pairs-list-item", {
        n: current * PAGE + i + 1,
        mentor: mentor ? await displayName(ctx.deps, ctx.t, mentor) : "—",
        mentees: (await Promise.all(mentees.map((m) => displayName(ctx.deps, ctx.t, m)))).join(", "),
        status: ctx.t(pairStatusKey(p.status)),
        end: formatDate(p.plannedEnd, locale, "UTC"),
      });
    }),
  );
  const kb = new InlineKeyboard();
  shown.forEach((p, i) => {
    kb.text(String(current * PAGE + i + 1), cb("pcd", p._id));
    if (i % 4 === 3) kb.row();
  });
  kb.row();
  if (current > 0) kb.text(ctx.t("invite-prev"), cb("pl", pid, current - 1));
  if (current < pages - 1) kb.text(ctx.t("invite-next"), cb("pl", pid, current + 1));
  kb.row().text(ctx.t("back"), cb("pp", pid));
  return { text: [ctx.t("pairs-list-title", { count: pairs.length }), "", ...(lines.length ? lines : [ctx.t("bases-list-empty")])].join("\n"), keyboard: kb };
}

export function pairsFeature(notifier: Notifier): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const asCurator = (pattern: RegExp, action: Parameters<typeof curatorButton>[2]) => curatorButton(feature, pattern, action);
  /** For buttons that name a pair: the curator of the pair's own programme only. */
  const asPairCurator = (pattern: RegExp, action: (ctx: BotContext, view: ProgrammeView, pair: Pair, m: RegExpMatchArray) => Promise<unknown>) =>
    feature.callbackQuery(pattern, async (ctx) => {
      const match = ctx.match as RegExpMatchArray;
      const pair = await ctx.deps.store.pairs.get(match[1]!);
      const view = pair && (await curatedProgramme(ctx, pair.programmeId));
      if (!pair || !view) return refuse(ctx, "curator-only");
      await action(ctx, view, pair, match);
    });
  const show = showScreen;

  asCurator(new RegExp(`^pp:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    await show(ctx, await home(ctx, view));
  });

  // Mentors: selected and trained (stage 4), limit of mentees at once.
  asCurator(new RegExp(`^pm:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    await show(ctx, await mentorsScreen(ctx, view));
  });
  asCurator(new RegExp(`^(?:pmc|pmt|pmu|pml):${ID}:${ID}(?::([123]))?$`), async (ctx, view, m) => {
    const data = ctx.callbackQuery!.data!;
    const mentor = await ctx.deps.store.memberships.get(m[2]!);
    if (!mentor || mentor.programmeId !== view.programme._id || mentor.role !== "mentor") return refuse(ctx, "not-allowed");
    if (data.startsWith("pmt:")) {
      await ctx.deps.store.memberships.markTrained(mentor._id, startOfDayUtc(ctx.deps.clock()));
      await ctx.answerCallbackQuery({ text: ctx.t("pairs-trained-saved") });
    } else if (data.startsWith("pmu:")) {
      await ctx.deps.store.memberships.markTrained(mentor._id, null);
      await ctx.answerCallbackQuery({ text: ctx.t("pairs-trained-removed") });
    } else if (data.startsWith("pml:")) {
      const ok = await setMentorLimit(ctx.deps, mentor, Number(m[3]));
      await ctx.answerCallbackQuery({ text: ctx.t(ok ? "pairs-limit-saved" : "pairs-limit-below-load"), show_alert: !ok });
    } else {
      await ctx.answerCallbackQuery();
    }
    const fresh = (await ctx.deps.store.memberships.get(mentor._id))!;
    await show(ctx, await mentorCard(ctx, view, fresh));
  });

  // The engine's proposals, one at a time.
  asCurator(new RegExp(`^px:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    const pool = await matchingPool(ctx.deps, view.programme);
    const label = topicLabeller(ctx.t, view.programme.topicLabels);
    const names = new Map<string, string>();
    for (const m of [...pool.mentees.values(), ...pool.mentors.values()]) names.set(m._id, await displayName(ctx.deps, ctx.t, m));
    const result = proposePairs(pool.input, { t: ctx.t, topicLabel: label, slotLabel: (s) => ctx.t(`opt-${s}`), mentorLabel: (id) => names.get(id) ?? id });
    const batch = await ctx.deps.store.pairs.saveBatch({
      programmeId: view.programme._id,
      createdAt: ctx.deps.clock(),
      items: result.proposals.map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId, form: p.form, fit: p.fit, why: encodeWhy({ kind: "engine", reasons: p.reasons }) })),
      unmatched: result.unmatched.map((u) => ({ menteeId: u.menteeId, words: u.words })),
    });
    await showProposal(ctx, view, batch._id, 0);
  });

  async function showProposal(ctx: BotContext, view: ProgrammeView, batchId: string, index: number) {
    const batch = await ctx.deps.store.pairs.getBatch(batchId);
    if (!batch || batch.programmeId !== view.programme._id) {
      await refuse(ctx, "button-stale");
      return;
    }
    const item = batch.items[index];
    if (!item) {
      const lines = await Promise.all(
        batch.unmatched.map(async (u) => {
          const m = await ctx.deps.store.memberships.get(u.menteeId);
          return `• ${m ? await displayName(ctx.deps, ctx.t, m) : "—"}: ${u.words}`;
        }),
      );
      const text = [ctx.t("proposals-done", { count: batch.items.length }), ...(lines.length ? ["", ctx.t("proposals-unmatched"), ...lines] : [])].join("\n");
      return show(ctx, { text, keyboard: new InlineKeyboard().text(ctx.t("back"), cb("pp", view.programme._id)) });
    }
    const mentor = await ctx.deps.store.memberships.get(item.mentorId);
    const mentee = await ctx.deps.store.memberships.get(item.menteeId);
    const text = ctx.t("proposal", {
      n: index + 1,
      total: batch.items.length,
      mentor: mentor ? await displayName(ctx.deps, ctx.t, mentor) : "—",
      mentee: mentee ? await displayName(ctx.deps, ctx.t, mentee) : "—",
      form: ctx.t(`form-${item.form}`),
      fit: item.fit,
      why: whyText(ctx.t, item.why, view.programme.topicLabels),
    });
    const kb = new InlineKeyboard()
      .text(ctx.t("proposal-accept"), cb("pxa", batch._id, index))
      .row()
      .text(ctx.t("proposal-swap"), cb("pxs", batch._id, index))
      .row()
      .text(ctx.t("proposal-skip"), cb("pxv", batch._id, index + 1))
      .row()
      .text(ctx.t("back"), cb("pp", view.programme._id));
    await show(ctx, { text, keyboard: kb });
  }

  /** Buttons on a batch: the batch names its programme; the curator is checked against it. */
  const onBatch = (pattern: RegExp, action: (ctx: BotContext, view: ProgrammeView, batchId: string, index: number, m: RegExpMatchArray) => Promise<unknown>) =>
    feature.callbackQuery(pattern, async (ctx) => {
      const match = ctx.match as RegExpMatchArray;
      const batch = await ctx.deps.store.pairs.getBatch(match[1]!);
      const view = batch && (await curatedProgramme(ctx, batch.programmeId));
      if (!batch || !view) return refuse(ctx, "curator-only");
      await action(ctx, view, batch._id, Number(match[2]), match);
    });

  onBatch(new RegExp(`^pxv:${ID}:(\\d{1,4})$`), async (ctx, view, batchId, index) => {
    await ctx.answerCallbackQuery();
    await showProposal(ctx, view, batchId, index);
  });

  const accept = async (ctx: BotContext, view: ProgrammeView, batchId: string, index: number, mentorId: string | null) => {
    const batch = (await ctx.deps.store.pairs.getBatch(batchId))!;
    const item = batch.items[index];
    if (!item) return refuse(ctx, "button-stale");
    const pool = await matchingPool(ctx.deps, view.programme);
    const chosenMentor = mentorId ?? item.mentorId;
    const mentor = pool.mentors.get(chosenMentor);
    const menteeInput = pool.input.mentees.find((x) => x.id === item.menteeId);
    const mentorInput = pool.input.mentors.find((x) => x.id === chosenMentor);
    const form = menteeInput && mentorInput ? formFor(menteeInput, mentorInput, view.programme.forms) : null;
    if (!mentor || !form) {
      await ctx.answerCallbackQuery({ text: ctx.t("proposal-no-longer"), show_alert: true });
      return showProposal(ctx, view, batchId, index + 1);
    }
    const start = startOfDayUtc(ctx.deps.clock());
    // Another mentor: the reasons of that pair, when the topics or choices give any.
    const evaluation = mentorId ? evaluatePair(pool.input, item.menteeId, chosenMentor) : null;
    const why = !mentorId ? item.why : encodeWhy(evaluation && evaluation.reasons.length > 0 ? { kind: "engine", reasons: evaluation.reasons } : { kind: "curator" });
    const result = await proposePair(ctx.deps, notifier, { programmeId: view.programme._id, mentorId: chosenMentor, menteeIds: [item.menteeId], form, roleModel: null, startDate: start, plannedEnd: defaultTerm(start), why, by: ctx.from!.id });
    await ctx.answerCallbackQuery({ text: ctx.t(result.ok ? "proposal-sent" : `propose-failed-${result.reason}`), show_alert: !result.ok });
    await showProposal(ctx, view, batchId, index + 1);
  };

  onBatch(new RegExp(`^pxa:${ID}:(\\d{1,4})$`), (ctx, view, batchId, index) => accept(ctx, view, batchId, index, null));
  onBatch(new RegExp(`^pxw:${ID}:(\\d{1,4}):${ID}$`), (ctx, view, batchId, index, m) => accept(ctx, view, batchId, index, m[3]!));

  // Another mentor: the best others with free places who may mentor this mentee.
  onBatch(new RegExp(`^pxs:${ID}:(\\d{1,4})$`), async (ctx, view, batchId, index) => {
    const batch = (await ctx.deps.store.pairs.getBatch(batchId))!;
    const item = batch.items[index];
    if (!item) return refuse(ctx, "button-stale");
    await ctx.answerCallbackQuery();
    const pool = await matchingPool(ctx.deps, view.programme);
    // Any mentor the form rules allow, best fit first: the curator may know better than the topics.
    const mentee = pool.input.mentees.find((m) => m.id === item.menteeId);
    const options = pool.input.mentors
      .filter((m) => m.id !== item.mentorId && mentee !== undefined && formFor(mentee, m, view.programme.forms) !== null)
      .map((m) => ({ mentor: m, fit: evaluatePair(pool.input, item.menteeId, m.id)?.fit ?? 0 }))
      .sort((a, b) => b.fit - a.fit)
      .slice(0, 6);
    const kb = new InlineKeyboard();
    for (const o of options) {
      const m = pool.mentors.get(o.mentor.id)!;
      kb.text(ctx.t("proposal-swap-option", { name: await displayName(ctx.deps, ctx.t, m), fit: o.fit }), cb("pxw", batch._id, index, m._id)).row();
    }
    kb.text(ctx.t("back"), cb("pxv", batch._id, index));
    await show(ctx, { text: options.length ? ctx.t("proposal-swap-title") : ctx.t("proposal-swap-none"), keyboard: kb });
  });

  asCurator(new RegExp(`^ph:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, MANUAL_PAIR, view.programme._id);
  });
  asCurator(new RegExp(`^po:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, ORDER, view.programme._id);
  });
  asCurator(new RegExp(`^pl:${ID}:(\\d{1,3})$`), async (ctx, view, m) => {
    await ctx.answerCallbackQuery();
    await show(ctx, await pairsList(ctx, view, Number(m[2])));
  });
  asPairCurator(new RegExp(`^pcd:${ID}$`), async (ctx, view, pair) => {
    await ctx.answerCallbackQuery();
    await show(ctx, await pairCard(ctx, view, pair));
  });
  // The role model of a pair (the engine proposes the form; the curator names the model).
  asPairCurator(new RegExp(`^pmo:${ID}$`), async (ctx, _view, pair) => {
    await ctx.answerCallbackQuery();
    const kb = new InlineKeyboard();
    ROLE_MODELS[pair.form].forEach((model, i) => kb.text(ctx.t(roleModelKey(model)), cb("pms", pair._id, i)).row());
    kb.text(ctx.t("manual-no-model"), cb("pms", pair._id, "x")).row().text(ctx.t("back"), cb("pcd", pair._id));
    await show(ctx, { text: ctx.t("manual-choose-model"), keyboard: kb });
  });
  asPairCurator(new RegExp(`^pms:${ID}:(\\d{1,2}|x)$`), async (ctx, view, pair, m) => {
    const model = m[2] === "x" ? null : ROLE_MODELS[pair.form][Number(m[2])];
    if (model === undefined || !(pair.status === "awaiting" || pair.status === "active")) return refuse(ctx, "button-stale");
    await ctx.deps.store.pairs.setRoleModel(pair._id, model);
    await ctx.answerCallbackQuery({ text: ctx.t("pair-model-saved") });
    await show(ctx, await pairCard(ctx, view, (await ctx.deps.store.pairs.get(pair._id))!));
  });

  asPairCurator(new RegExp(`^pte:${ID}$`), async (ctx, _view, pair) => {
    if (pair.status !== "awaiting") return refuse(ctx, "button-stale");
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PAIR_TERM, pair._id);
  });

  asPairCurator(new RegExp(`^ppa:${ID}:${ID}$`), async (ctx, view, pair, m) => {
    const result = await recordPaperParentAgreement(ctx.deps, notifier, pair, m[2]!, ctx.from!.id);
    if (result === "not-a-party") return refuse(ctx, "not-allowed");
    await ctx.answerCallbackQuery({ text: ctx.t(`agreement-${result}`) });
    await show(ctx, await pairCard(ctx, view, (await ctx.deps.store.pairs.get(pair._id))!));
  });
  asPairCurator(new RegExp(`^pch:${ID}:(replace|extend|end)$`), async (ctx, _view, pair, m) => {
    if (pair.status !== "active") return refuse(ctx, "button-stale");
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PAIR_CHANGE, pair._id, m[2]!);
  });

  for (const prefix of ["pp", "pm", "pmc", "pmt", "pmu", "pml", "px", "pxv", "pxa", "pxs", "pxw", "ph", "po", "pl", "pcd", "pch", "ppa", "pmo", "pms", "pte"]) {
    feature.callbackQuery(new RegExp(`^${prefix}:`), (ctx) => refuse(ctx, "button-stale"));
  }
  return feature;
}
