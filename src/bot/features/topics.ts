import { Composer } from "grammy";
import { ADD_TOPIC } from "../../flows/ids.js";
import { TOPICS_MAX, listTopics, removeTopic } from "../../services/topics.js";
import { refuse } from "../../services/result.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { topicsScreen } from "../views/topics.js";

// The programme's shared topic list (requests of mentees, competencies of mentors): the
// curator adds their own topics and removes ones the school does not need.

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

export function topicsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onAction(feature, "topicsList", async (ctx, a) => {
    const list = await listTopics(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, topicsScreen(ctx, list.value));
  });
  onAction(feature, "topicsAdd", async (ctx, a) => {
    // Checked before the conversation starts, and again when it saves.
    const list = await listTopics(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    if (list.value.total >= TOPICS_MAX) return answerRefusal(ctx, refuse("rule", "topics-too-many", { max: TOPICS_MAX }));
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, ADD_TOPIC, a.programmeId);
  });
  onAction(feature, "topicRemove", async (ctx, a) => {
    const list = await removeTopic(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery({ text: ctx.t("topics-removed") });
    await showScreen(ctx, topicsScreen(ctx, list.value));
  });
  return feature;
}
