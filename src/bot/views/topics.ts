import { InlineKeyboard } from "grammy";
import type { TopicList } from "../../services/topics.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import type { Screen } from "../screen.js";
import { pageCount, pagerRow } from "./curator.js";

// The programme's topic list, a page at a time: numbered, a remove button each (4 in a row,
// TOPICS_PAGE of them: well within Telegram's 100 buttons), «add», «back» to the bases.

export function topicsScreen(ctx: BaseContext, list: TopicList): Screen {
  const programmeId = list.programme._id;
  const lines = list.topics.map((topic) => `${topic.n}. ${topic.label ?? ctx.t(`topic-${topic.id}`)}`);
  const kb = new InlineKeyboard();
  list.topics.forEach((topic, i) => {
    addButton(kb, ctx.t("topics-remove", { n: topic.n }), { type: "topicRemove", programmeId, topicId: topic.id, page: list.page });
    if (i % 4 === 3) kb.row();
  });
  kb.row();
  pagerRow(ctx, kb, list, (page) => ({ type: "topicsList", programmeId, page }));
  addButton(kb, ctx.t("topics-add"), { type: "topicsAdd", programmeId }).row();
  addButton(kb, ctx.t("common-back"), { type: "basesOpen", programmeId });
  return { text: [ctx.t("topics-title", { count: list.total }), pageCount(ctx, list), "", ...lines].join("\n"), keyboard: kb };
}
