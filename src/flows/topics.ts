import { TOPIC_LABEL_MAX, addTopic as addTopicService } from "../services/topics.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { answerRefusal } from "../bot/refusals.js";
import { topicsScreen } from "../bot/views/topics.js";
import { askText } from "./ask.js";

// The curator names a new topic of the programme's list.

export async function addTopic(conversation: FlowConversation, ctx: FlowContext, programmeId: string): Promise<void> {
  const label = await askText(conversation, ctx, ctx.t("topics-ask-label"), TOPIC_LABEL_MAX);
  await conversation.external(async (c) => {
    const added = await addTopicService(c.deps, { userId: c.from!.id }, { programmeId, label });
    if (!added.ok) return answerRefusal(c, added);
    const screen = topicsScreen(c, added.value);
    await c.reply(`${c.t("topics-added", { label: added.value.added.label! })}\n\n${screen.text}`, { reply_markup: screen.keyboard });
  });
}
