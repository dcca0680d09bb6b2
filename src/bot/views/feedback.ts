import { InlineKeyboard } from "grammy";
import { RATING_EMOJI, isRating } from "../../domain/feedback.js";
import type { FlagCard, FlagLine, FlagsList } from "../../services/feedback.js";
import type { CuratorPairStats, PairStats, ParentCard, SideCard } from "../../services/pairCards.js";
import { addButton, pack } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { MESSAGE_MAX_CHARS, shorten } from "../limits.js";
import type { Screen } from "../screen.js";
import { addPager, newRow, pageCount } from "./paging.js";
import { formatDate } from "../labels.js";
import { renderVar } from "../notices.js";
import type { NoticeVar } from "../../services/notices.js";

// Feedback, the safety flag and the pair cards, in the reader's language.

type Ctx = Pick<BaseContext, "t" | "i18n">;
type Words = Awaited<ReturnType<typeof words>>;

async function words(ctx: Ctx) {
  const locale = await ctx.i18n.getLocale();
  const say = (v: NoticeVar) => String(renderVar(ctx.t, locale, v));
  return { say, list: (vs: NoticeVar[]) => vs.map(say).join(", "), date: (d: Date, timeZone = "UTC") => formatDate(d, locale, timeZone) };
}

const fit = (lines: string[]) => shorten(lines.join("\n"), MESSAGE_MAX_CHARS);
const emoji = (rating: number) => (isRating(rating) ? RATING_EMOJI[rating] : String(rating));

/** The answer to a rating: thanks, the curators' word on a low one, and «💬 Комментарий». */
export function ratedScreen(ctx: Ctx, meetingId: string, rated: { rating: number; flagged: boolean }): Screen {
  const lines = [ctx.t("feedback-thanks", { emoji: emoji(rated.rating) })];
  if (rated.flagged) lines.push(ctx.t("feedback-flagged"));
  const kb = addButton(new InlineKeyboard(), ctx.t("feedback-comment"), { type: "feedbackComment", meetingId });
  return { text: lines.join("\n\n"), keyboard: kb };
}

/** After «🆘 Нужна помощь»: the curators know; the person may tell them what happened. */
export function helpScreen(ctx: Ctx, flagId: string, fresh: boolean): Screen {
  const kb = addButton(new InlineKeyboard(), ctx.t("flag-write"), { type: "flagComment", flagId }).row();
  kb.text(ctx.t("common-menu"), pack({ type: "menuOpen" }));
  return { text: ctx.t(fresh ? "help-sent" : "help-already"), keyboard: kb };
}

function statsLines(ctx: Ctx, w: Words, stats: PairStats, timeZone: string): string[] {
  const m = stats.meetings;
  const lines = [
    ctx.t("card-meetings", { confirmed: m.confirmed, planned: m.planned, disputed: m.disputed, waiting: m.waiting }),
    ctx.t("card-plan", { progress: stats.planProgress ? ctx.t("card-plan-progress", { done: stats.planProgress.done, total: stats.planProgress.total }) : "—" }),
    ctx.t("card-last-activity", { date: stats.lastActivity ? w.date(stats.lastActivity, timeZone) : "—" }),
    ctx.t("card-average", { average: stats.average !== null ? ctx.t("card-average-value", { average: stats.average.toFixed(1), count: stats.ratings }) : "—" }),
  ];
  return lines;
}

function flagLine(ctx: Ctx, w: Words, line: FlagLine, timeZone: string): string {
  const source = line.flag.source === "rating" ? ctx.t("flag-source-rating", { emoji: line.rating !== null ? emoji(line.rating) : "—" }) : ctx.t("flag-source-button");
  return ctx.t("flag-line", { date: w.date(line.flag.raisedAt, timeZone), who: w.say(line.who), source });
}

/** The curator's additions to the pair card: counts, open flags (with a button each), newest comments. */
export async function curatorStatsPart(ctx: Ctx, stats: CuratorPairStats, timeZone: string, kb: InlineKeyboard): Promise<string[]> {
  const w = await words(ctx);
  const lines = ["", ...statsLines(ctx, w, stats, timeZone)];
  if (stats.openFlags.length) {
    lines.push("", ctx.t("card-open-flags", { count: stats.openFlags.length }));
    stats.openFlags.forEach((f, i) => {
      lines.push(`${i + 1}. ${flagLine(ctx, w, f, timeZone)}`);
      if (f.flag.comment) lines.push(`   «${f.flag.comment}»`);
      addButton(kb, ctx.t("card-flag-button", { n: i + 1 }), { type: "flagOpen", flagId: f.flag._id }).row();
    });
  }
  if (stats.comments.length) {
    lines.push("", ctx.t("card-comments"));
    for (const c of stats.comments) lines.push(`${w.date(c.at, timeZone)} — ${w.say(c.who)} ${emoji(c.rating)}: «${c.text}»`);
  }
  return lines;
}

/** A side's card of its pair. */
export async function sideCardScreen(ctx: Ctx, card: SideCard): Promise<Screen> {
  const w = await words(ctx);
  const pair = card.pair;
  const lines = [
    ctx.t("side-card", {
      others: w.list(card.others),
      form: ctx.t(`form-${pair.form}`),
      start: w.date(pair.startDate),
      end: w.date(pair.plannedEnd),
    }),
    ...statsLines(ctx, w, card.stats, card.timeZone),
  ];
  if (card.ownOpenFlags > 0) lines.push("", ctx.t("side-card-own-flag"));
  const kb = addButton(new InlineKeyboard(), ctx.t("common-back"), { type: "pairMenu", pairId: pair._id });
  return { text: fit(lines), keyboard: kb };
}

/** A parent's card of their child's pair: the mentor's name, dates, meetings, plan. Nothing else. */
export async function parentCardScreen(ctx: Ctx, card: ParentCard): Promise<Screen> {
  const w = await words(ctx);
  const text = ctx.t("parent-card", {
    child: w.say(card.child),
    school: card.view.school.name,
    mentor: card.mentorName ?? "—",
    start: w.date(card.startDate),
    end: w.date(card.plannedEnd),
    meetings: card.meetings,
    plan: card.planProgress ? ctx.t("card-plan-progress", { done: card.planProgress.done, total: card.planProgress.total }) : "—",
  });
  const kb = addButton(new InlineKeyboard(), ctx.t("parent-card-refresh"), { type: "parentCard", membershipId: card.membershipId }).row();
  kb.text(ctx.t("common-menu"), pack({ type: "menuOpen" }));
  return { text: fit([text]), keyboard: kb };
}

/** «🆘 Сигналы» of a programme: open first; a curator opens each, a director reads the list. */
export async function flagsListScreen(ctx: Ctx, list: FlagsList): Promise<Screen> {
  const w = await words(ctx);
  const tz = list.view.school.timeZone;
  const page = list.flags;
  const pid = list.view.programme._id;
  const lines = page.items.map((l, i) => {
    const state = l.flag.handledAt ? ctx.t("flag-state-handled", { date: w.date(l.flag.handledAt, tz) }) : ctx.t("flag-state-open");
    return `${page.from + i}. ${flagLine(ctx, w, l, tz)} — ${w.say(l.pair)} — ${state}`;
  });
  const kb = new InlineKeyboard();
  if (list.curator) {
    page.items.forEach((l, i) => {
      addButton(kb, String(page.from + i), { type: "flagOpen", flagId: l.flag._id });
      if (i % 5 === 4) kb.row();
    });
  }
  addPager(kb, ctx, page, (p) => ({ type: "flagsList", programmeId: pid, page: p }));
  if (list.curator) addButton(newRow(kb), ctx.t("common-back"), { type: "pairsHome", programmeId: pid });
  else addButton(newRow(kb), ctx.t("common-back"), { type: "directorPanel", programmeId: pid });
  return { text: fit([ctx.t("flags-title", { open: list.open, total: page.total }), pageCount(ctx, page), "", ...(lines.length ? lines : [ctx.t("flags-none")])]), keyboard: kb };
}

/** One flag for its curator. */
export async function flagCardScreen(ctx: Ctx, card: FlagCard): Promise<Screen> {
  const w = await words(ctx);
  const tz = card.view.school.timeZone;
  const flag = card.flag;
  const lines = [ctx.t("flag-card", { who: w.say(card.who), pair: w.say(card.pair) }), flagLine(ctx, w, card, tz)];
  if (flag.comment) lines.push("", ctx.t("flag-card-words"), `«${flag.comment}»`);
  if (flag.handledAt) lines.push("", ctx.t("flag-card-handled", { date: w.date(flag.handledAt, tz), by: card.handledBy ? w.say(card.handledBy) : "—" }), `«${flag.note ?? ""}»`);
  else if (flag.reraisedAt) lines.push("", ctx.t("flag-card-reraised", { date: w.date(flag.reraisedAt, tz) }));
  const kb = new InlineKeyboard();
  if (!flag.handledAt) addButton(kb, ctx.t("flag-handle"), { type: "flagHandle", flagId: flag._id }).row();
  addButton(kb, ctx.t("flag-open-pair"), { type: "pairCard", pairId: flag.pairId }).row();
  addButton(kb, ctx.t("flags-list"), { type: "flagsList", programmeId: flag.programmeId, page: 0 });
  return { text: fit(lines), keyboard: kb };
}
