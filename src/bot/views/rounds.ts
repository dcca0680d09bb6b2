import { InlineKeyboard } from "grammy";
import { ROUND_DAYS } from "../../domain/rounds.js";
import type { NoticeVar } from "../../services/notices.js";
import type { Ranking, RoundStatus } from "../../services/rounds.js";
import { topicLabeller } from "../answers.js";
import { pack, addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import { renderVar } from "../notices.js";
import type { Screen } from "../screen.js";

// The text and keyboards of the preference round, in the reader's language, from what the
// rounds service returns: the curator's screen, and the ranking a participant works through.

type Ctx = Pick<BaseContext, "t" | "i18n">;

/** Back to the pairs' home (the pairs capability's screen; its action is not in this branch's table). */
const PAIRS_HOME = (programmeId: string) => pack({ type: "pairsHome", programmeId });
/** The main menu (the menu's own button). */
const MAIN_MENU = pack({ type: "menuOpen" });

/** Telegram takes 4096 characters at most: the cards share this many. */
const CARDS_BUDGET = 3500;

async function say(ctx: Ctx) {
  const locale = await ctx.i18n.getLocale();
  return { locale, say: (v: NoticeVar) => String(renderVar(ctx.t, locale, v)) };
}

/** The curator's screen: open a round, or who has answered in the open one. */
export async function roundScreen(ctx: Ctx, status: RoundStatus): Promise<Screen> {
  const pid = status.programmeId;
  const kb = new InlineKeyboard();
  if (!status.round) {
    for (const days of ROUND_DAYS) addButton(kb, ctx.t("round-open", { days }), { type: "roundOpen", programmeId: pid, days });
    kb.row().text(ctx.t("back"), PAIRS_HOME(pid));
    return { text: ctx.t("round-none"), keyboard: kb };
  }
  const w = await say(ctx);
  const lines = status.people.map((p) => `${p.answered ? "✅" : "⏳"} ${w.say(p.name)}`);
  addButton(kb, ctx.t("round-close"), { type: "roundClose", programmeId: pid })
    .row()
    .text(ctx.t("back"), PAIRS_HOME(pid));
  const until = formatDate(status.round.deadline, w.locale, status.round.timeZone);
  const text = [ctx.t("round-status", { until, answered: status.answered, asked: status.people.length }), "", ...lines].join("\n");
  return { text, keyboard: kb };
}

/** The ranking's message: how to rank, then a short card of each person of the other side. */
export async function rankingText(ctx: Ctx, ranking: Ranking): Promise<string> {
  const w = await say(ctx);
  const label = topicLabeller(ctx.t, ranking.topicLabels);
  const budget = Math.floor(CARDS_BUDGET / Math.max(1, ranking.cards.length));
  const cards = ranking.cards.map((card, i) => {
    const text = ctx.t("round-card", {
      n: i + 1,
      name: w.say(card.name),
      topics: card.topics.length > 0 ? card.topics.map(label).join(", ") : "—",
      format: card.format ? ctx.t(`opt-${card.format}`) : "—",
    });
    // Long topic lists are cut so that every card fits.
    return text.length > budget ? `${text.slice(0, Math.max(20, budget - 1))}…` : text;
  });
  return `${ctx.t("round-intro", { max: ranking.max })}\n\n${cards.join("\n\n")}`;
}

/** The numbers to press (the chosen ones marked with their place), reset and done. */
export function rankingKeyboard(ctx: Ctx, ranking: Pick<Ranking, "roundId" | "cards">, ranked: readonly number[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  ranking.cards.forEach((_, i) => {
    const place = ranked.indexOf(i);
    addButton(kb, place >= 0 ? `${place + 1}️⃣ ${i + 1}` : String(i + 1), { type: "roundRank", roundId: ranking.roundId, index: i });
    if (i % 5 === 4) kb.row();
  });
  kb.row();
  addButton(kb, ctx.t("round-reset"), { type: "roundRankReset", roundId: ranking.roundId });
  addButton(kb, ctx.t("question-done"), { type: "roundRankDone", roundId: ranking.roundId });
  return kb;
}

/** The ranking saved: the names in order, and the way back to the menu. */
export async function rankingSaved(ctx: Ctx, names: readonly NoticeVar[]): Promise<Screen> {
  const w = await say(ctx);
  return {
    text: ctx.t("round-saved", { names: names.map((n, i) => `${i + 1}) ${w.say(n)}`).join("; ") }),
    keyboard: new InlineKeyboard().text(ctx.t("to-menu"), MAIN_MENU),
  };
}
