import type { FlowContext, FlowConversation } from "../bot/context.js";
import { parse } from "../bot/buttons.js";
import { rankingKeyboard, rankingSaved, rankingText } from "../bot/views/rounds.js";
import { saveRanking, startRanking } from "../services/rounds.js";
import { flowWait } from "./ask.js";

// After the group meeting each mentee ranks up to three mentors, each mentor up to three mentees,
// from short cards: name, role, topics, format. The rounds service decides who may rank, when the
// flow starts and again when it saves.

/** Presses beyond this many end the flow (the replay log stays short). */
const MAX_PRESSES = 100;

type RankPress = { kind: "rank"; index: number } | { kind: "reset" } | { kind: "done" };

/** This round's ranking buttons only; anything else is answered with a hint and waited past. */
function rankPress(c: FlowContext, roundId: string, cards: number): RankPress | null {
  const action = parse(c.callbackQuery?.data);
  if (!action || !("roundId" in action) || action.roundId !== roundId) return null;
  switch (action.type) {
    case "roundRank":
      return action.index < cards ? { kind: "rank", index: action.index } : null;
    case "roundRankReset":
      return { kind: "reset" };
    case "roundRankDone":
      return { kind: "done" };
    default:
      return null;
  }
}

async function nextPress(conversation: FlowConversation, roundId: string, cards: number): Promise<{ press: RankPress; ctx: FlowContext }> {
  const pressed = await flowWait(conversation).and((c) => rankPress(c, roundId, cards) !== null, {
    otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-use-buttons"))),
  });
  await pressed.answerCallbackQuery();
  return { press: rankPress(pressed, roundId, cards)!, ctx: pressed };
}

export async function preferences(conversation: FlowConversation, ctx: FlowContext, roundId: string, membershipId: string): Promise<void> {
  const start = await conversation.external((c) => startRanking(c.deps, { userId: c.from!.id }, { roundId, membershipId }));
  if (!start.ok) return void (await ctx.reply(ctx.t(start.reason, start.vars)));
  const ranking = start.value;
  if (ranking.cards.length === 0) return void (await ctx.reply(ctx.t("round-nobody")));

  const ranked: number[] = [...ranking.ranked];
  const message = await ctx.reply(await rankingText(ctx, ranking), { reply_markup: rankingKeyboard(ctx, ranking, ranked) });
  let done = false;
  for (let presses = 0; presses < MAX_PRESSES && !done; presses++) {
    const { press, ctx: pressed } = await nextPress(conversation, roundId, ranking.cards.length);
    if (press.kind === "done") {
      if (ranked.length > 0) done = true;
      else await pressed.reply(ctx.t("answer-too-few", { min: 1 }));
      continue;
    }
    if (press.kind === "reset") ranked.splice(0);
    else if (ranked.includes(press.index)) ranked.splice(ranked.indexOf(press.index), 1);
    else if (ranked.length < ranking.max) ranked.push(press.index);
    else {
      await pressed.reply(ctx.t("answer-too-many", { max: ranking.max }));
      continue;
    }
    await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: rankingKeyboard(ctx, ranking, ranked) });
  }
  if (ranked.length === 0) return;

  const chosen = ranked.map((i) => ranking.cards[i]!.membershipId);
  const saved = await conversation.external((c) => saveRanking(c.deps, { userId: c.from!.id }, { roundId, membershipId, ranked: chosen }));
  if (!saved.ok) return void (await ctx.reply(ctx.t(saved.reason, saved.vars)));
  const screen = await rankingSaved(ctx, saved.value.names);
  await ctx.reply(screen.text, { reply_markup: screen.keyboard });
}
