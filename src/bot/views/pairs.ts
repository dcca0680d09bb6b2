import { InlineKeyboard } from "grammy";
import { MAX_MENTEES_PER_MENTOR, describeEventKey, pairStatusKey, reasonKey, roleModelKey, type ReasonKind } from "../../domain/pairs.js";
import type { Form } from "../../domain/programme.js";
import type { ManualOptions, ProposalScreen } from "../../services/matching.js";
import type { NoticeVar } from "../../services/notices.js";
import type { MentorCard, MentorsScreen, PairCard, PairsHome, PairsList } from "../../services/pairs.js";
import { pack, addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import { renderVar } from "../notices.js";
import type { Screen } from "../screen.js";

// The text and keyboards of pairs and groups (stages 4–5), in the reader's language, from what
// the services return. Features and the pairs' conversations both draw from here.

type Ctx = Pick<BaseContext, "t" | "i18n">;

/** A renderer of message data and dates in the reader's language. */
export async function words(ctx: Ctx) {
  const locale = await ctx.i18n.getLocale();
  const say = (v: NoticeVar) => String(renderVar(ctx.t, locale, v));
  return { locale, say, list: (vs: NoticeVar[]) => vs.map(say).join(", "), date: (d: Date, timeZone = "UTC") => formatDate(d, locale, timeZone) };
}

/** Back to the curator's panel of the programme (the curator capability's screen). */
const CURATOR_PANEL = (programmeId: string) => pack({ type: "curatorPanel", programmeId });

export async function homeView(ctx: Ctx, home: PairsHome): Promise<Screen> {
  const w = await words(ctx);
  const pid = home.view.programme._id;
  const text = ctx.t("pairs-home", {
    school: home.view.school.name,
    year: home.view.programme.academicYear,
    mentors: home.mentors,
    trained: home.trained,
    pool: home.pool,
    awaiting: home.awaiting,
    active: home.active,
    round: home.roundUntil ? ctx.t("pairs-round-open", { until: w.date(home.roundUntil, home.view.school.timeZone) }) : ctx.t("pairs-round-none"),
  });
  const kb = new InlineKeyboard();
  addButton(kb, ctx.t("pairs-mentors"), { type: "pairsMentors", programmeId: pid }).row();
  // The preference round belongs to the rounds capability (its button is not in the table yet).
  kb.text(ctx.t("pairs-round"), pack({ type: "roundScreen", programmeId: pid })).row();
  addButton(kb, ctx.t("pairs-propose"), { type: "pairsPropose", programmeId: pid }).row();
  addButton(kb, ctx.t("pairs-manual"), { type: "pairsManual", programmeId: pid }).row();
  addButton(kb, ctx.t("pairs-list"), { type: "pairsList", programmeId: pid, page: 0 }).row();
  addButton(kb, ctx.t("pairs-order"), { type: "pairsOrder", programmeId: pid }).row();
  kb.text(ctx.t("back"), CURATOR_PANEL(pid));
  return { text, keyboard: kb };
}

/** The training day is a calendar day (dates.ts), kept as its UTC midnight: shown as such, whatever the school's zone. */
const trainedText = (ctx: Ctx, w: Awaited<ReturnType<typeof words>>, m: { mentorTrainedOn: Date | null }, _timeZone: string) =>
  m.mentorTrainedOn ? ctx.t("pairs-trained-on", { date: w.date(m.mentorTrainedOn) }) : ctx.t("pairs-not-trained");

export async function mentorsView(ctx: Ctx, screen: MentorsScreen): Promise<Screen> {
  const w = await words(ctx);
  const tz = screen.view.school.timeZone;
  const lines = screen.mentors.map((row, i) => ctx.t("pairs-mentor-line", { n: i + 1, name: w.say(row.name), trained: trainedText(ctx, w, row.mentor, tz), limit: row.mentor.mentorLimit, free: row.free }));
  const kb = new InlineKeyboard();
  screen.mentors.forEach((row, i) => {
    addButton(kb, String(i + 1), { type: "pairsMentor", membershipId: row.mentor._id });
    if (i % 5 === 4) kb.row();
  });
  addButton(kb.row(), ctx.t("back"), { type: "pairsHome", programmeId: screen.view.programme._id });
  return { text: [ctx.t("pairs-mentors-title"), "", ...(lines.length ? lines : [ctx.t("bases-list-empty")])].join("\n"), keyboard: kb };
}

export async function mentorCardView(ctx: Ctx, card: MentorCard): Promise<Screen> {
  const w = await words(ctx);
  const m = card.mentor;
  const text = ctx.t("pairs-mentor-card", { name: w.say(card.name), trained: trainedText(ctx, w, m, card.view.school.timeZone), limit: m.mentorLimit, free: card.free });
  const kb = new InlineKeyboard();
  if (!m.mentorTrainedOn) addButton(kb, ctx.t("pairs-mark-trained"), { type: "pairsMentorTrained", membershipId: m._id, trained: "y" }).row();
  else addButton(kb, ctx.t("pairs-unmark-trained"), { type: "pairsMentorTrained", membershipId: m._id, trained: "n" }).row();
  for (let n = 1; n <= MAX_MENTEES_PER_MENTOR; n++) addButton(kb, ctx.t("pairs-limit", { n }), { type: "pairsMentorLimit", membershipId: m._id, limit: n });
  addButton(kb.row(), ctx.t("back"), { type: "pairsMentors", programmeId: card.view.programme._id });
  return { text, keyboard: kb };
}

export async function proposalView(ctx: Ctx, screen: ProposalScreen): Promise<Screen> {
  const w = await words(ctx);
  const pid = screen.view.programme._id;
  if (screen.kind === "done") {
    const lines = screen.unmatched.map((u) => `• ${w.say(u.mentee)}: ${w.say(u.why)}`);
    const text = [ctx.t("proposals-done", { count: screen.total }), ...(lines.length ? ["", ctx.t("proposals-unmatched"), ...lines] : [])].join("\n");
    return { text, keyboard: addButton(new InlineKeyboard(), ctx.t("back"), { type: "pairsHome", programmeId: pid }) };
  }
  const text = ctx.t("proposal", { n: screen.index + 1, total: screen.total, mentor: w.say(screen.mentor), mentee: w.say(screen.mentee), form: ctx.t(`form-${screen.form}`), fit: screen.fit, why: w.say(screen.why) || "—" });
  const at = { batchId: screen.batchId, index: screen.index };
  const kb = new InlineKeyboard();
  addButton(kb, ctx.t("proposal-accept"), { type: "pairsProposalAccept", ...at }).row();
  addButton(kb, ctx.t("proposal-swap"), { type: "pairsProposalOthers", ...at }).row();
  addButton(kb, ctx.t("proposal-skip"), { type: "pairsProposal", batchId: screen.batchId, index: screen.index + 1 }).row();
  addButton(kb, ctx.t("back"), { type: "pairsHome", programmeId: pid });
  return { text, keyboard: kb };
}

export async function otherMentorsView(ctx: Ctx, others: { batchId: string; index: number; options: { membershipId: string; name: NoticeVar; fit: number }[] }): Promise<Screen> {
  const w = await words(ctx);
  const kb = new InlineKeyboard();
  for (const o of others.options) addButton(kb, ctx.t("proposal-swap-option", { name: w.say(o.name), fit: o.fit }), { type: "pairsProposalWith", batchId: others.batchId, index: others.index, membershipId: o.membershipId }).row();
  addButton(kb, ctx.t("back"), { type: "pairsProposal", batchId: others.batchId, index: others.index });
  return { text: others.options.length ? ctx.t("proposal-swap-title") : ctx.t("proposal-swap-none"), keyboard: kb };
}

export async function pairsListView(ctx: Ctx, list: PairsList): Promise<Screen> {
  const w = await words(ctx);
  const pid = list.view.programme._id;
  const lines = list.lines.map((l, i) =>
    ctx.t("pairs-list-item", { n: list.first + i, mentor: w.say(l.mentor), mentees: w.list(l.mentees), status: ctx.t(pairStatusKey(l.pair.status)), end: w.date(l.pair.plannedEnd) }),
  );
  const kb = new InlineKeyboard();
  list.lines.forEach((l, i) => {
    addButton(kb, String(list.first + i), { type: "pairCard", pairId: l.pair._id });
    if (i % 4 === 3) kb.row();
  });
  kb.row();
  if (list.page > 0) addButton(kb, ctx.t("invite-prev"), { type: "pairsList", programmeId: pid, page: list.page - 1 });
  if (list.page < list.pages - 1) addButton(kb, ctx.t("invite-next"), { type: "pairsList", programmeId: pid, page: list.page + 1 });
  addButton(kb.row(), ctx.t("back"), { type: "pairsHome", programmeId: pid });
  return { text: [ctx.t("pairs-list-title", { count: list.total }), "", ...(lines.length ? lines : [ctx.t("bases-list-empty")])].join("\n"), keyboard: kb };
}

export async function pairCardView(ctx: Ctx, card: PairCard): Promise<Screen> {
  const w = await words(ctx);
  const pair = card.pair;
  const lines = [
    ctx.t("pair-card", {
      mentor: w.say(card.mentor),
      mentees: w.list(card.mentees),
      form: ctx.t(`form-${pair.form}`),
      model: pair.roleModel ? ctx.t(roleModelKey(pair.roleModel)) : "—",
      start: w.date(pair.startDate),
      end: w.date(pair.plannedEnd),
      status: ctx.t(pairStatusKey(pair.status)),
      order: pair.orderNumber && pair.orderDate ? ctx.t("pair-order-line", { number: pair.orderNumber, date: w.date(pair.orderDate) }) : "—",
    }),
  ];
  const kb = new InlineKeyboard();
  if (pair.status === "awaiting") {
    lines.push(ctx.t("pair-waiting-for", { parties: card.waiting.map((p) => ctx.t(p.paper ? "pair-party-paper-parent" : `pair-party-${p.kind}`)).join(", ") || "—" }));
    // A parent who consented on paper agrees on paper too; the curator records it here.
    for (const p of card.paperParents) addButton(kb, ctx.t("pair-paper-parent-agrees", { child: w.say(p.child) }), { type: "pairPaperParent", pairId: pair._id, membershipId: p.membershipId }).row();
  }
  lines.push("", ctx.t("pair-history"));
  for (const e of card.history) lines.push(`${w.date(e.at, card.view.school.timeZone)} — ${ctx.t(describeEventKey(e.kind))}${e.reasonKey ? ` — ${ctx.t(e.reasonKey)}` : ""}`);
  if (pair.status === "awaiting") addButton(kb, ctx.t("pair-set-term"), { type: "pairTerm", pairId: pair._id }).row();
  if ((pair.status === "awaiting" || pair.status === "active") && card.roleModels.length > 0) addButton(kb, ctx.t("pair-choose-model"), { type: "pairRoleModels", pairId: pair._id }).row();
  if (pair.status === "active") {
    addButton(kb, ctx.t("pair-replace"), { type: "pairChange", pairId: pair._id, kind: "replace" }).row();
    addButton(kb, ctx.t("pair-extend"), { type: "pairChange", pairId: pair._id, kind: "extend" }).row();
    addButton(kb, ctx.t("pair-end"), { type: "pairChange", pairId: pair._id, kind: "end" }).row();
  }
  addButton(kb, ctx.t("back"), { type: "pairsList", programmeId: pair.programmeId, page: 0 });
  return { text: lines.join("\n"), keyboard: kb };
}

export function roleModelsView(ctx: Ctx, pairId: string, models: readonly string[]): Screen {
  const kb = new InlineKeyboard();
  for (const model of models) addButton(kb, ctx.t(roleModelKey(model)), { type: "pairRoleModel", pairId, model }).row();
  addButton(kb, ctx.t("manual-no-model"), { type: "pairRoleModel", pairId, model: "-" }).row();
  addButton(kb, ctx.t("back"), { type: "pairCard", pairId });
  return { text: ctx.t("manual-choose-model"), keyboard: kb };
}

/** A button back to a pair's card, under a conversation's last message. */
export const backToPair = (ctx: Ctx, pairId: string) => addButton(new InlineKeyboard(), ctx.t("back"), { type: "pairCard", pairId });
export const backToPairs = (ctx: Ctx, programmeId: string) => addButton(new InlineKeyboard(), ctx.t("back"), { type: "pairsHome", programmeId });

// The conversations' keyboards.

export async function manualMentorsKeyboard(ctx: Ctx, options: ManualOptions["mentors"]): Promise<InlineKeyboard> {
  const w = await words(ctx);
  const kb = new InlineKeyboard();
  options.forEach((m, i) => addButton(kb, ctx.t("manual-mentor-option", { name: w.say(m.name), free: m.free }), { type: "pairFlowMentor", index: i }).row());
  return kb;
}

export async function manualMenteesKeyboard(ctx: Ctx, options: ManualOptions["mentees"], chosen: ReadonlySet<number>): Promise<InlineKeyboard> {
  const w = await words(ctx);
  const kb = new InlineKeyboard();
  options.forEach((m, i) => addButton(kb, `${chosen.has(i) ? "☑️" : "⬜"} ${w.say(m.name)}`, { type: "pairFlowMentee", index: i }).row());
  return addButton(kb, ctx.t("question-done"), { type: "pairFlowMenteesDone" });
}

export function formsKeyboard(ctx: Ctx, forms: readonly Form[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const form of forms) addButton(kb, ctx.t(`form-${form}`), { type: "pairFlowForm", form }).row();
  return kb;
}

export function modelsKeyboard(ctx: Ctx, models: readonly string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const model of models) addButton(kb, ctx.t(roleModelKey(model)), { type: "pairFlowModel", model }).row();
  return addButton(kb, ctx.t("manual-no-model"), { type: "pairFlowModel", model: "-" });
}

export function reasonsKeyboard(ctx: Ctx, kind: ReasonKind, reasons: readonly string[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const reason of reasons) addButton(kb, ctx.t(reasonKey(kind, reason)), { type: "pairFlowReason", reason }).row();
  return addButton(kb, ctx.t("school-cancel"), { type: "pairFlowReason", reason: "-" });
}

export async function newMentorsKeyboard(ctx: Ctx, options: { name: NoticeVar }[]): Promise<InlineKeyboard> {
  const w = await words(ctx);
  const kb = new InlineKeyboard();
  options.forEach((o, i) => addButton(kb, w.say(o.name), { type: "pairFlowNewMentor", index: i }).row());
  return kb;
}
