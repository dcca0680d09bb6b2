import { InlineKeyboard } from "grammy";
import type { TopicList } from "../../services/topics.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import type { Screen } from "../screen.js";

// The programme's topic list: numbered, a remove button each, «add», «back» to the bases.

export function topicsScreen(ctx: BaseContext, list: TopicList): Screen {
  const programmeId = list.programme._id;
  const lines = list.topics.map((topic, i) => `${i + 1}. ${topic.label ?? ctx.t(`topic-${topic.id}`)}`);
  const kb = new InlineKeyboard();
  list.topics.forEach((topic, i) => {
    addButton(kb, ctx.t("topics-remove", { n: i + 1 }), { type: "topicRemove", programmeId, topicId: topic.id });
    if (i % 4 === 3) kb.row();
  });
  kb.row();
  addButton(kb, ctx.t("topics-add"), { type: "topicsAdd", programmeId }).row();
  addButton(kb, ctx.t("back"), { type: "basesOpen", programmeId });
  return { text: [ctx.t("topics-title", { count: lines.length }), "", ...lines].join("\n"), keyboard: kb };
}
