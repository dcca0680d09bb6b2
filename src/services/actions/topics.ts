import { z } from "zod";
import { Id, Index, defineAction } from "./define.js";

// The programme's shared topic list (requests and competencies).

/** A topic's id: a default topic's name or a curator's own «c-…». */
export const TopicId = z.string().regex(/^[a-z0-9-]{1,24}$/);

export const topicActions = {
  /** The list, a page. */
  topicsList: defineAction({ prefix: "tpl", fields: { programmeId: Id, page: Index }, for: "curator" }),
  topicsAdd: defineAction({ prefix: "tpa", fields: { programmeId: Id }, for: "curator" }),
  /** Remove one, then show the same page. */
  topicRemove: defineAction({ prefix: "tpr", fields: { programmeId: Id, topicId: TopicId, page: Index }, for: "curator" }),
};
