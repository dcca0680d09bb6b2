import { InlineKeyboard } from "grammy";
import { pageOf } from "../../domain/paging.js";
import { ROUND_DAYS } from "../../domain/rounds.js";
import type { NoticeVar } from "../../services/notices.js";
import { RANKING_PAGE_SIZE, type Ranking, type RoundStatus } from "../../services/rounds.js";
import { topicLabeller } from "../answers.js";
import { pack, addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import { KEYBOARD_ROW_MAX_BUTTONS, MESSAGE_MAX_CHARS, shorten } from "../limits.js";
import { renderVar } from "../notices.js";
import type { Screen } from "../screen.js";
import { addPager, pageCount as sharedPageCount } from "./paging.js";

// The text and keyboards of the preference round, in the reader's language, from what the
// rounds service returns: the curator's screen, and the ranking a participant works through.

type Ctx = Pick<BaseContext, "t" | "i18n">;

/** Back to the pairs' home (the pairs capability's screen; its action is not in this branch's table). */
const PAIRS_HOME = (programmeId: string) => pack({ type: "pairsHome", programmeId });
/** The main menu (the menu's own button). */
const MAIN_MENU = pack({ type: "menuOpen" });

/** People on one page of the round's status: 30 lines of a name cut to NAME_MAX fit a message. */
const STATUS_PAGE_SIZE = 30;
/** A name in a list is cut to this many characters (30 × 100 stays well inside 4096). */
const NAME_MAX = 100;
/** Cards on one page of the ranking (the service reads that many): two rows of five numbers. */
const CARDS_PAGE_SIZE = RANKING_PAGE_SIZE;
/** Numbers in one keyboard row: within Telegram's 8 a row (limits.ts). */
const NUMBERS_PER_ROW = Math.min(5, KEYBOARD_ROW_MAX_BUTTONS);
/** Telegram takes 4096 characters at most: the cards of one page share this many. */
const CARDS_BUDGET = 3300;

/** «1–20 из 143» for a page of a list (the shared pager, views/paging.ts). */
export const pageCount = sharedPageCount;

async function say(ctx: Ctx) {
  const locale = await ctx.i18n.getLocale();
  return { locale, say: (v: NoticeVar) => String(renderVar(ctx.t, locale, v)) };
}

/**
 * The curator's screen: open a round, or who has answered in the open one, a page at a time
 * (with about 100 people asked the list would pass Telegram's limit, and «Закрыть тур» with it).
 */
export async function roundScreen(ctx: Ctx, status: RoundStatus, pageNo = 0): Promise<Screen> {
  const pid = status.programmeId;
  const kb = new InlineKeyboard();
  if (!status.round) {
    for (const days of ROUND_DAYS) addButton(kb, ctx.t("round-open", { days }), { type: "roundOpen", programmeId: pid, days });
    kb.row().text(ctx.t("common-back"), PAIRS_HOME(pid));
    return { text: ctx.t("round-none"), keyboard: kb };
  }
  const w = await say(ctx);
  const page = pageOf(status.people, pageNo, STATUS_PAGE_SIZE);
  const lines = page.items.map((p) => `${p.answered ? "✅" : "⏳"} ${shorten(w.say(p.name), NAME_MAX)}`);
  addPager(kb, ctx, page, (p) => ({ type: "roundStatusPage", programmeId: pid, page: p }));
  addButton(kb, ctx.t("round-close"), { type: "roundClose", programmeId: pid })
    .row()
    .text(ctx.t("common-back"), PAIRS_HOME(pid));
  const until = formatDate(status.round.deadline, w.locale, status.round.timeZone);
  const head = ctx.t("round-status", { until, answered: status.answered, asked: status.people.length });
  const text = [head, ...(page.pages > 1 ? [pageCount(ctx, page)] : []), "", ...lines].join("\n");
  return { text: shorten(text, MESSAGE_MAX_CHARS), keyboard: kb };
}

/** The ranking's page shown (the one the person is on). */
const rankingPage = (ranking: Pick<Ranking, "cards" | "page">) => pageOf(ranking.cards, ranking.page, CARDS_PAGE_SIZE);

/** The ranking's message: how to rank, the choice so far, then a short card of each person of the other side on this page. */
export async function rankingText(ctx: Ctx, ranking: Ranking): Promise<string> {
  const w = await say(ctx);
  const label = topicLabeller(ctx.t, ranking.topicLabels);
  const page = rankingPage(ranking);
  const budget = Math.floor(CARDS_BUDGET / Math.max(1, page.items.length));
  const cards = page.items.map((card, i) => {
    const text = ctx.t("round-card", {
      n: page.from + i,
      name: shorten(w.say(card.name), NAME_MAX),
      topics: card.topics.length > 0 ? card.topics.map(label).join(", ") : "—",
      format: card.format ? ctx.t(`opt-${card.format}`) : "—",
    });
    // Long topic lists are cut so that every card fits.
    return text.length > budget ? `${text.slice(0, Math.max(20, budget - 1))}…` : text;
  });
  const chosen = ranking.ranked.map((i, place) => `${place + 1}) ${shorten(w.say(ranking.cards[i]?.name ?? "—"), NAME_MAX)}`);
  const head = [
    ctx.t("round-intro", { max: ranking.max }),
    ...(chosen.length > 0 ? [ctx.t("round-chosen", { names: chosen.join("; ") })] : []),
    ...(page.pages > 1 ? [pageCount(ctx, page)] : []),
  ];
  return shorten(`${head.join("\n")}\n\n${cards.join("\n\n")}`, MESSAGE_MAX_CHARS);
}

/** The numbers of this page's cards to press (the chosen ones marked with their place), the pager, reset and done. */
export function rankingKeyboard(ctx: Ctx, ranking: Pick<Ranking, "roundId" | "membershipId" | "cards" | "page" | "ranked">): InlineKeyboard {
  const { roundId, membershipId } = ranking;
  const kb = new InlineKeyboard();
  const page = rankingPage(ranking);
  page.items.forEach((_, k) => {
    const i = page.from - 1 + k;
    const place = ranking.ranked.indexOf(i);
    addButton(kb, place >= 0 ? `${place + 1}️⃣ ${i + 1}` : String(i + 1), { type: "roundRank", roundId, membershipId, index: i });
    if (k % NUMBERS_PER_ROW === NUMBERS_PER_ROW - 1) kb.row();
  });
  addPager(kb, ctx, page, (p) => ({ type: "roundRankPage", roundId, membershipId, page: p }));
  kb.row();
  addButton(kb, ctx.t("round-reset"), { type: "roundRankReset", roundId, membershipId });
  addButton(kb, ctx.t("question-done"), { type: "roundRankDone", roundId, membershipId });
  return kb;
}

/** The ranking as a screen (its text and keyboard). */
export async function rankingScreen(ctx: Ctx, ranking: Ranking): Promise<Screen> {
  return { text: await rankingText(ctx, ranking), keyboard: rankingKeyboard(ctx, ranking) };
}

/** The ranking saved: the names in order, and the way back to the menu. */
export async function rankingSaved(ctx: Ctx, names: readonly NoticeVar[]): Promise<Screen> {
  const w = await say(ctx);
  return {
    text: ctx.t("round-saved", { names: names.map((n, i) => `${i + 1}) ${w.say(n)}`).join("; ") }),
    keyboard: new InlineKeyboard().text(ctx.t("common-menu"), MAIN_MENU),
  };
}
