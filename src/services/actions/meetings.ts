import { z } from "zod";
import { MEETING_FORMATS, MEETING_TYPES } from "../../domain/meetings.js";
import { Id, Index, defineAction } from "./define.js";

// Meetings of a pair (stage 6): the list, logging and planning, the other side's answer, the
// «Как прошла встреча?» answer, and the curator's list to check. The flows' own buttons are `flow`.

const YesNo = z.enum(["y", "n"]);

export const meetingActions = {
  /** A pair's meetings, paged. */
  meetingList: defineAction({ prefix: "mgl", fields: { pairId: Id, page: Index }, for: "pair-party" }),
  /** «➕ Записать встречу»: the log conversation. */
  meetingLog: defineAction({ prefix: "mgn", fields: { pairId: Id }, for: "pair-party" }),
  /** «📅 Запланировать встречу»: the plan conversation. */
  meetingPlan: defineAction({ prefix: "mgp", fields: { pairId: Id }, for: "pair-party" }),
  /** Another side's answer to a logged meeting: y it happened, n it did not. */
  meetingAnswer: defineAction({ prefix: "mga", fields: { meetingId: Id, answer: YesNo }, for: "pair-party" }),
  /** «Как прошла встреча?»: y held as planned (a log in one tap), n did not take place. */
  meetingHeld: defineAction({ prefix: "mgh", fields: { meetingId: Id, held: YesNo }, for: "pair-party" }),
  /** The curator's (and director's) list of disputed and unconfirmed meetings, paged. */
  meetingsToCheck: defineAction({ prefix: "mgc", fields: { programmeId: Id, page: Index }, for: "staff" }),

  // The conversations' buttons.
  meetingFlowType: defineAction({ prefix: "mgt", fields: { kind: z.enum(MEETING_TYPES) }, for: "pair-party", flow: true }),
  meetingFlowDay: defineAction({ prefix: "mgd", fields: { day: z.enum(["today", "yesterday", "tomorrow", "other"]) }, for: "pair-party", flow: true }),
  meetingFlowFormat: defineAction({ prefix: "mgf", fields: { format: z.enum(MEETING_FORMATS) }, for: "pair-party", flow: true }),
  /** A duration in minutes; 0 for «другое» (typed). */
  meetingFlowDuration: defineAction({ prefix: "mgu", fields: { minutes: Index }, for: "pair-party", flow: true }),
  /** An open plan item as the topic, by its place in the offered list. */
  meetingFlowTopic: defineAction({ prefix: "mgi", fields: { index: Index }, for: "pair-party", flow: true }),
  /** «Пропустить» an optional answer (result, next steps). */
  meetingFlowSkip: defineAction({ prefix: "mgs", fields: {}, for: "pair-party", flow: true }),
};
