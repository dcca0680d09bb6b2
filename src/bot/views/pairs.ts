import { InlineKeyboard } from "grammy";
import { MAX_MENTEES_PER_MENTOR, describeEventKey, pairStatusKey, reasonKey, roleModelKey, type ReasonKind } from "../../domain/pairs.js";
import type { Page } from "../../domain/paging.js";
import type { Form } from "../../domain/programme.js";
import type { ManualMentees, ManualMentors, OtherMentors, ProposalScreen } from "../../services/matching.js";
import type { NoticeVar } from "../../services/notices.js";
import type { MentorCard, MentorsScreen, PairCard, PairHistory, PairsHome, PairsList } from "../../services/pairs.js";
import { pack, addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import { MESSAGE_MAX_CHARS, shorten } from "../limits.js";
import { renderVar } from "../notices.js";
import type { Screen } from "../screen.js";
import { addPager, newRow, pageCount } from "./paging.js";
import { curatorStatsPart } from "./feedback.js";

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
  addButton(kb, ctx.t("pairs-mentors"), { type: "pairsMentors", programmeId: pid, page: 0 }).row();
  // The preference round belongs to the rounds capability (its button is not in the table yet).
  kb.text(ctx.t("pairs-round"), pack({ type: "roundScreen", programmeId: pid })).row();
  addButton(kb, ctx.t("pairs-propose"), { type: "pairsPropose", programmeId: pid }).row();
  addButton(kb, ctx.t("pairs-manual"), { type: "pairsManual", programmeId: pid }).row();
  addButton(kb, ctx.t("pairs-list"), { type: "pairsList", programmeId: pid, page: 0 }).row();
  addButton(kb, ctx.t("pairs-order"), { type: "pairsOrder", programmeId: pid }).row();
  addButton(kb, ctx.t("meetings-check-button"), { type: "meetingsToCheck", programmeId: pid, page: 0 }).row();
  addButton(kb, ctx.t("flags-list"), { type: "flagsList", programmeId: pid, page: 0 }).row();
  kb.text(ctx.t("common-back"), CURATOR_PANEL(pid));
  return { text, keyboard: kb };
}

/** The training day is a calendar day (dates.ts), kept as its UTC midnight: shown as such, whatever the school's zone. */
const trainedText = (ctx: Ctx, w: Awaited<ReturnType<typeof words>>, m: { mentorTrainedOn: Date | null }, _timeZone: string) =>
  m.mentorTrainedOn ? ctx.t("pairs-trained-on", { date: w.date(m.mentorTrainedOn) }) : ctx.t("pairs-not-trained");

/** Every screen's text is measured: pages keep it short, and this keeps it within the limit whatever the names. */
const fit = (lines: string[]) => shorten(lines.join("\n"), MESSAGE_MAX_CHARS);

export async function mentorsView(ctx: Ctx, screen: MentorsScreen): Promise<Screen> {
  const w = await words(ctx);
  const tz = screen.view.school.timeZone;
  const page = screen.mentors;
  const pid = screen.view.programme._id;
  const lines = page.items.map((row, i) => ctx.t("pairs-mentor-line", { n: page.from + i, name: w.say(row.name), trained: trainedText(ctx, w, row.mentor, tz), limit: row.mentor.mentorLimit, free: row.free }));
  // At most MENTORS_PAGE (20) numbered buttons, five to a row, then the pager and «Назад».
  const kb = new InlineKeyboard();
  page.items.forEach((row, i) => {
    addButton(kb, String(page.from + i), { type: "pairsMentor", membershipId: row.mentor._id });
    if (i % 5 === 4) kb.row();
  });
  addPager(kb, ctx, page, (p) => ({ type: "pairsMentors", programmeId: pid, page: p }));
  addButton(newRow(kb), ctx.t("common-back"), { type: "pairsHome", programmeId: pid });
  return { text: fit([ctx.t("pairs-mentors-title"), pageCount(ctx, page), "", ...(lines.length ? lines : [ctx.t("bases-list-empty")])]), keyboard: kb };
}

export async function mentorCardView(ctx: Ctx, card: MentorCard): Promise<Screen> {
  const w = await words(ctx);
  const m = card.mentor;
  const text = ctx.t("pairs-mentor-card", { name: w.say(card.name), trained: trainedText(ctx, w, m, card.view.school.timeZone), limit: m.mentorLimit, free: card.free });
  const kb = new InlineKeyboard();
  if (!m.mentorTrainedOn) addButton(kb, ctx.t("pairs-mark-trained"), { type: "pairsMentorTrained", membershipId: m._id, trained: "y" }).row();
  else addButton(kb, ctx.t("pairs-unmark-trained"), { type: "pairsMentorTrained", membershipId: m._id, trained: "n" }).row();
  for (let n = 1; n <= MAX_MENTEES_PER_MENTOR; n++) addButton(kb, ctx.t("pairs-limit", { n }), { type: "pairsMentorLimit", membershipId: m._id, limit: n });
  addButton(kb.row(), ctx.t("common-back"), { type: "pairsMentors", programmeId: card.view.programme._id, page: 0 });
  return { text, keyboard: kb };
}

export async function proposalView(ctx: Ctx, screen: ProposalScreen): Promise<Screen> {
  const w = await words(ctx);
  const pid = screen.view.programme._id;
  if (screen.kind === "done") {
    const page = screen.unmatched;
    const lines = page.items.map((u, i) => `${page.from + i}. ${w.say(u.mentee)}: ${w.say(u.why)}`);
    const text = fit([ctx.t("proposals-done", { count: screen.total }), ...(page.total ? ["", ctx.t("proposals-unmatched"), pageCount(ctx, page), ...lines] : [])]);
    const kb = addPager(new InlineKeyboard(), ctx, page, (p) => ({ type: "pairsUnmatched", batchId: screen.batchId, page: p }));
    return { text, keyboard: addButton(kb, ctx.t("common-back"), { type: "pairsHome", programmeId: pid }) };
  }
  const text = ctx.t("proposal", { n: screen.index + 1, total: screen.total, mentor: w.say(screen.mentor), mentee: w.say(screen.mentee), form: ctx.t(`form-${screen.form}`), fit: screen.fit, why: w.say(screen.why) || "—" });
  const at = { batchId: screen.batchId, index: screen.index };
  const kb = new InlineKeyboard();
  addButton(kb, ctx.t("proposal-accept"), { type: "pairsProposalAccept", ...at }).row();
  addButton(kb, ctx.t("proposal-swap"), { type: "pairsProposalOthers", ...at, page: 0 }).row();
  addButton(kb, ctx.t("proposal-skip"), { type: "pairsProposal", batchId: screen.batchId, index: screen.index + 1 }).row();
  addButton(kb, ctx.t("common-back"), { type: "pairsHome", programmeId: pid });
  return { text, keyboard: kb };
}

export async function otherMentorsView(ctx: Ctx, others: OtherMentors): Promise<Screen> {
  const w = await words(ctx);
  const kb = new InlineKeyboard();
  const page = others.options;
  for (const o of page.items) addButton(kb, ctx.t("proposal-swap-option", { name: w.say(o.name), fit: o.fit }), { type: "pairsProposalWith", batchId: others.batchId, index: others.index, membershipId: o.membershipId }).row();
  addPager(kb, ctx, page, (p) => ({ type: "pairsProposalOthers", batchId: others.batchId, index: others.index, page: p }));
  addButton(kb, ctx.t("common-back"), { type: "pairsProposal", batchId: others.batchId, index: others.index });
  return { text: page.total ? fit([ctx.t("proposal-swap-title"), pageCount(ctx, page)]) : ctx.t("proposal-swap-none"), keyboard: kb };
}

export async function pairsListView(ctx: Ctx, list: PairsList): Promise<Screen> {
  const w = await words(ctx);
  const pid = list.view.programme._id;
  const page = list.pairs;
  const lines = page.items.map((l, i) =>
    ctx.t("pairs-list-item", { n: page.from + i, mentor: w.say(l.mentor), mentees: w.list(l.mentees), status: ctx.t(pairStatusKey(l.pair.status)), end: w.date(l.pair.plannedEnd) }),
  );
  // At most PAIRS_PAGE (10) numbered buttons, five to a row, then the pager and «Назад».
  const kb = new InlineKeyboard();
  page.items.forEach((l, i) => {
    addButton(kb, String(page.from + i), { type: "pairCard", pairId: l.pair._id });
    if (i % 5 === 4) kb.row();
  });
  addPager(kb, ctx, page, (p) => ({ type: "pairsList", programmeId: pid, page: p }));
  addButton(newRow(kb), ctx.t("common-back"), { type: "pairsHome", programmeId: pid });
  return { text: fit([ctx.t("pairs-list-title", { count: page.total }), pageCount(ctx, page), "", ...(lines.length ? lines : [ctx.t("bases-list-empty")])]), keyboard: kb };
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
  const tz = card.view.school.timeZone;
  lines.push(...(await curatorStatsPart(ctx, card.stats, tz, kb)));
  if (card.replacement) {
    lines.push("", ctx.t("pair-replacement-open", { who: w.say(card.replacement.who), date: w.date(card.replacement.at, tz) }));
    addButton(kb, ctx.t("pair-replacement-dismiss"), { type: "pairReplacementDismiss", pairId: pair._id }).row();
  }
  const pending = card.pendingReplacement;
  if (pending) {
    const waiting = pending.waiting.map((p) => ctx.t(p.paper ? "pair-party-paper-parent" : `pair-party-${p.kind}`)).join(", ") || "—";
    lines.push("", ctx.t("pair-replacement-pending", { mentor: w.say(pending.mentor), parties: waiting }));
    for (const p of pending.paperParents) addButton(kb, ctx.t("pair-paper-parent-agrees", { child: w.say(p.child) }), { type: "replPaper", replacementId: pending.replacementId, membershipId: p.membershipId }).row();
    addButton(kb, ctx.t("pair-replacement-withdraw"), { type: "replWithdraw", pairId: pair._id }).row();
  }
  // The last few events; the whole history is behind «Вся история», a page at a time.
  lines.push("", card.historyTotal > card.history.length ? ctx.t("pair-history-last", { shown: card.history.length, total: card.historyTotal }) : ctx.t("pair-history"));
  for (const e of card.history) lines.push(historyLine(ctx, w, e, tz));
  if (card.historyTotal > card.history.length) addButton(kb, ctx.t("pair-history-all", { count: card.historyTotal }), { type: "pairHistory", pairId: pair._id, page: 0 }).row();
  if (pair.status === "active" || pair.status === "ended") addButton(kb, ctx.t("plan-card-button"), { type: "planPick", pairId: pair._id }).row();
  if (pair.status === "awaiting") addButton(kb, ctx.t("pair-set-term"), { type: "pairTerm", pairId: pair._id }).row();
  if ((pair.status === "awaiting" || pair.status === "active") && card.roleModels.length > 0) addButton(kb, ctx.t("pair-choose-model"), { type: "pairRoleModels", pairId: pair._id }).row();
  if (pair.status === "active") {
    if (!pending) addButton(kb, ctx.t("pair-replace"), { type: "pairChange", pairId: pair._id, kind: "replace" }).row();
    addButton(kb, ctx.t("pair-extend"), { type: "pairChange", pairId: pair._id, kind: "extend" }).row();
    addButton(kb, ctx.t("pair-end"), { type: "pairChange", pairId: pair._id, kind: "end" }).row();
  }
  addButton(kb, ctx.t("common-back"), { type: "pairsList", programmeId: pair.programmeId, page: 0 });
  return { text: fit(lines), keyboard: kb };
}

const historyLine = (ctx: Ctx, w: Awaited<ReturnType<typeof words>>, e: PairCard["history"][number], timeZone: string) =>
  `${w.date(e.at, timeZone)} — ${ctx.t(describeEventKey(e.kind))}${e.reasonKey ? ` — ${ctx.t(e.reasonKey)}` : ""}`;

/** A pair's whole history, a page at a time (HISTORY_PAGE events), with the count. */
export async function pairHistoryView(ctx: Ctx, history: PairHistory): Promise<Screen> {
  const w = await words(ctx);
  const tz = history.view.school.timeZone;
  const page = history.events;
  const lines = page.items.map((e, i) => `${page.from + i}. ${historyLine(ctx, w, e, tz)}`);
  const kb = addPager(new InlineKeyboard(), ctx, page, (p) => ({ type: "pairHistory", pairId: history.pair._id, page: p }));
  addButton(kb, ctx.t("common-back"), { type: "pairCard", pairId: history.pair._id });
  return { text: fit([ctx.t("pair-history-title", { mentor: w.say(history.mentor), mentees: w.list(history.mentees) }), pageCount(ctx, page), "", ...lines]), keyboard: kb };
}

export function roleModelsView(ctx: Ctx, pairId: string, models: readonly string[]): Screen {
  const kb = new InlineKeyboard();
  for (const model of models) addButton(kb, ctx.t(roleModelKey(model)), { type: "pairRoleModel", pairId, model }).row();
  addButton(kb, ctx.t("manual-no-model"), { type: "pairRoleModel", pairId, model: "-" }).row();
  addButton(kb, ctx.t("common-back"), { type: "pairCard", pairId });
  return { text: ctx.t("manual-choose-model"), keyboard: kb };
}

/** A button back to a pair's card, under a conversation's last message. */
export const backToPair = (ctx: Ctx, pairId: string) => addButton(new InlineKeyboard(), ctx.t("common-back"), { type: "pairCard", pairId });
export const backToPairs = (ctx: Ctx, programmeId: string) => addButton(new InlineKeyboard(), ctx.t("common-back"), { type: "pairsHome", programmeId });

// The conversations' keyboards.

/** The picker's mentors: PICK_PAGE (10) a page, one to a row, then the pager and «Назад». */
export async function manualMentorsView(ctx: Ctx, screen: ManualMentors): Promise<Screen> {
  const w = await words(ctx);
  const pid = screen.view.programme._id;
  const page = screen.mentors;
  const kb = new InlineKeyboard();
  for (const m of page.items) addButton(kb, ctx.t("manual-mentor-option", { name: w.say(m.name), free: m.free }), { type: "pairsManualMentor", membershipId: m.membershipId }).row();
  addPager(kb, ctx, page, (p) => ({ type: "pairsManualMentors", programmeId: pid, page: p }));
  addButton(kb, ctx.t("common-back"), { type: "pairsHome", programmeId: pid });
  return { text: fit([ctx.t("manual-choose-mentor"), pageCount(ctx, page)]), keyboard: kb };
}

/** The picker's mentees with their marks: PICK_PAGE (10) a page, then the pager, «Готово» and «Назад». */
export async function manualMenteesView(ctx: Ctx, screen: ManualMentees): Promise<Screen> {
  const w = await words(ctx);
  const pid = screen.view.programme._id;
  const page = screen.mentees;
  const kb = new InlineKeyboard();
  for (const m of page.items) addButton(kb, `${m.chosen ? "☑️" : "⬜"} ${w.say(m.name)}`, { type: "pairsManualMentee", membershipId: m.membershipId, page: page.page }).row();
  addPager(kb, ctx, page, (p) => ({ type: "pairsManualMentees", programmeId: pid, page: p }));
  addButton(kb, ctx.t("question-done"), { type: "pairsManualDone", programmeId: pid }).row();
  addButton(kb, ctx.t("common-back"), { type: "pairsManualMentors", programmeId: pid, page: 0 });
  const text = [
    ctx.t("manual-choose-mentees", { max: screen.max }),
    ctx.t("manual-for-mentor", { name: w.say(screen.mentor.name) }),
    ctx.t("manual-marked", { count: screen.chosen, max: screen.max }),
    page.total ? pageCount(ctx, page) : ctx.t("bases-list-empty"),
  ];
  return { text: fit(text), keyboard: kb };
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
  return addButton(kb, ctx.t("common-cancel"), { type: "pairFlowReason", reason: "-" });
}

/** A page of the new mentors to choose from (CANDIDATES_PAGE, one to a row), with the count and the pager. */
export async function newMentorsScreen(ctx: Ctx, page: Page<{ membershipId: string; name: NoticeVar }>): Promise<Screen> {
  const w = await words(ctx);
  const kb = new InlineKeyboard();
  for (const o of page.items) addButton(kb, w.say(o.name), { type: "pairFlowNewMentor", membershipId: o.membershipId }).row();
  addPager(kb, ctx, page, (p) => ({ type: "pairFlowMentorPage", page: p }));
  return { text: fit([ctx.t("change-choose-mentor"), pageCount(ctx, page)]), keyboard: kb };
}
