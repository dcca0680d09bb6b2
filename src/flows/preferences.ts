import { InlineKeyboard } from "grammy";
import { MAX_RANKED_CHOICES } from "../domain/matching.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { topicLabeller } from "../bot/answers.js";
import { displayPerson } from "../bot/notices.js";
import { personRef } from "../services/people.js";
import type { Membership } from "../store/memberships.js";
import { askChoice } from "./ask.js";

// After the group meeting each mentee ranks up to three mentors, each mentor up to three mentees,
// from short cards: name, role, topics, format.

export async function preferences(conversation: FlowConversation, ctx: FlowContext, roundId: string, membershipId: string): Promise<void> {
  const cards = await conversation.external(async (c) => {
    const { store } = c.deps;
    const round = await store.preferences.getRound(roundId);
    const me = await store.memberships.get(membershipId);
    const closed = !round || round.closedAt !== null || round.deadline.getTime() <= c.deps.clock().getTime();
    if (!round || closed || !me || me.userId !== c.from?.id || me.programmeId !== round.programmeId) return null;
    const programme = await store.programmes.get(round.programmeId);
    if (!programme) return null;
    const others: Membership[] =
      me.role === "mentee"
        ? (await store.memberships.participants(round.programmeId, "mentor", { intake: "ready" })).filter((m) => m.mentorTrainedOn !== null)
        : (await store.memberships.participants(round.programmeId, "mentee", { intake: "ready" })).filter((m) => m.pairId === null);
    const profiles = await store.profiles.getMany(others.map((m) => m._id));
    const label = topicLabeller(c.t, programme.topicLabels);
    return Promise.all(
      others.slice(0, 30).map(async (m) => {
        const a = profiles.get(m._id)?.answers ?? {};
        const topics = a[m.role === "mentor" ? "competencies" : "requests"];
        return {
          id: m._id,
          name: await displayPerson(c, await personRef(c.deps, m)),
          topics: Array.isArray(topics) ? topics.map(label).join(", ") : "—",
          format: typeof a["format"] === "string" ? c.t(`opt-${a["format"]}`) : "—",
        };
      }),
    );
  });
  if (!cards) return void (await ctx.reply(ctx.t("round-closed")));
  if (cards.length === 0) return void (await ctx.reply(ctx.t("round-nobody")));

  // Telegram takes 4096 characters at most: long topic lists are cut so that every card fits.
  const budget = Math.floor(3500 / cards.length);
  const list = cards
    .map((card, i) => {
      const text = ctx.t("round-card", { n: i + 1, name: card.name, topics: card.topics, format: card.format });
      return text.length > budget ? `${text.slice(0, Math.max(20, budget - 1))}…` : text;
    })
    .join("\n\n");
  const ranked: number[] = [];
  const keyboard = () => {
    const kb = new InlineKeyboard();
    cards.forEach((_, i) => {
      const place = ranked.indexOf(i);
      kb.text(place >= 0 ? `${place + 1}️⃣ ${i + 1}` : String(i + 1), `rk:${i}`);
      if (i % 5 === 4) kb.row();
    });
    return kb.row().text(ctx.t("round-reset"), "rk:reset").text(ctx.t("question-done"), "rk:done");
  };
  const message = await ctx.reply(`${ctx.t("round-intro", { max: MAX_RANKED_CHOICES })}\n\n${list}`, { reply_markup: keyboard() });
  for (let presses = 0; presses < 100; presses++) {
    const { choice, ctx: pressed } = await askChoice(conversation, [...cards.map((_, i) => `rk:${i}`), "rk:reset", "rk:done"]);
    if (choice === "rk:done") {
      if (ranked.length > 0) break;
      await pressed.reply(ctx.t("answer-too-few", { min: 1 }));
      continue;
    }
    if (choice === "rk:reset") ranked.splice(0);
    else {
      const i = Number(choice.slice(3));
      if (ranked.includes(i)) ranked.splice(ranked.indexOf(i), 1);
      else if (ranked.length < MAX_RANKED_CHOICES) ranked.push(i);
      else {
        await pressed.reply(ctx.t("answer-too-many", { max: MAX_RANKED_CHOICES }));
        continue;
      }
    }
    await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: keyboard() });
  }
  const chosen = ranked.map((i) => cards[i]!);
  await conversation.external(async (c) => {
    const round = await c.deps.store.preferences.getRound(roundId);
    if (!round || round.closedAt || round.deadline.getTime() <= c.deps.clock().getTime()) return void (await c.reply(c.t("round-closed")));
    await c.deps.store.preferences.save(round, membershipId, chosen.map((x) => x.id), c.deps.clock());
    await c.reply(c.t("round-saved", { names: chosen.map((x, i) => `${i + 1}) ${x.name}`).join("; ") }), { reply_markup: new InlineKeyboard().text(c.t("to-menu"), "menu") });
  });
}
