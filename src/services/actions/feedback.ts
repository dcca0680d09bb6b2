import { z } from "zod";
import { Id, Index, defineAction } from "./define.js";

// Feedback after meetings, the safety flag, and the pair cards (stage 6). Prefixes: the "fk" family.

/** A rating 1–5 as a button carries it. */
const Rating = z.coerce.number().int().min(1).max(5);

export const feedbackActions = {
  /** A participant rates a confirmed meeting of their pair (one of the emoji buttons). */
  feedbackRate: defineAction({ prefix: "fkr", fields: { meetingId: Id, rating: Rating }, for: "pair-party" }),
  /** «💬 Комментарий» to one's own rating: a short conversation takes the text. */
  feedbackComment: defineAction({ prefix: "fkc", fields: { meetingId: Id }, for: "pair-party" }),
  /** «🆘 Нужна помощь» in the pair menu: the curators are alerted at once. */
  pairHelp: defineAction({ prefix: "fkh", fields: { pairId: Id }, for: "pair-party" }),
  /** The raiser adds their words to their open flag (for the curators only). */
  flagComment: defineAction({ prefix: "fkm", fields: { flagId: Id }, for: "pair-party" }),
  /** The programme's flags, open ones first, a page at a time (a director sees them without words). */
  flagsList: defineAction({ prefix: "fkl", fields: { programmeId: Id, page: Index }, for: "staff" }),
  /** One flag for its curator: who, which pair, their words, and «mark handled». */
  flagOpen: defineAction({ prefix: "fko", fields: { flagId: Id }, for: "curator" }),
  /** The curator marks a flag handled: a short conversation takes the note. */
  flagHandle: defineAction({ prefix: "fkn", fields: { flagId: Id }, for: "curator" }),
  /** A side's card of its pair: the other side, dates, meetings, feedback, its own open flags. */
  pairSideCard: defineAction({ prefix: "fks", fields: { pairId: Id }, for: "pair-party" }),
  /** A minor mentee's parent: the child's pair card (the mentor's name, dates, meetings, plan only). */
  parentCard: defineAction({ prefix: "fkp", fields: { membershipId: Id }, for: "parent" }),
};
