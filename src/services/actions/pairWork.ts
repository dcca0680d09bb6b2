import { Id, defineAction } from "./define.js";

// Pair work (stage 6): the pair's own menu for its mentor and mentees. Each part of pair work
// (plan, meetings, feedback, reports) adds its actions in its own table.

export const pairWorkActions = {
  /** A party's menu of one pair: the way into its plan, meetings, feedback and help. */
  pairMenu: defineAction({ prefix: "pw", fields: { pairId: Id }, for: "pair-party" }),
};
