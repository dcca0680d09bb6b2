import { isRoundDays } from "../../domain/rounds.js";
import { Id, Index, defineAction } from "./define.js";

// The preference round (stage 5): the curator's screen and buttons, the invitation's button, and
// the ranking's buttons. The prefixes are the ones the buttons had before the table.

export const roundsActions = {
  /** The curator opens the round's screen (who has answered). */
  roundScreen: defineAction({ prefix: "pr", fields: { programmeId: Id }, for: "curator" }),
  /** The curator opens a round for so many days (domain ROUND_DAYS). */
  roundOpen: defineAction({ prefix: "pro", fields: { programmeId: Id, days: Index.refine(isRoundDays) }, for: "curator" }),
  /** The curator closes the open round. */
  roundClose: defineAction({ prefix: "prc", fields: { programmeId: Id }, for: "curator" }),
  /** A person asked in the round starts ranking (their own membership; checked on every press). */
  roundChoose: defineAction({ prefix: "pf", fields: { roundId: Id, membershipId: Id }, for: "participant" }),
  /** The curator pages through who has answered. */
  roundStatusPage: defineAction({ prefix: "prp", fields: { programmeId: Id, page: Index }, for: "curator" }),
  /**
   * The ranking's buttons: a card pressed (chosen, or unchosen when pressed again), another page of
   * cards, start again, done. Handled by the feature with the ranking in progress in the store (no
   * conversation keeps the presses); the person's eligibility is checked on every press.
   */
  roundRank: defineAction({ prefix: "rk", fields: { roundId: Id, membershipId: Id, index: Index }, for: "participant" }),
  roundRankPage: defineAction({ prefix: "rkp", fields: { roundId: Id, membershipId: Id, page: Index }, for: "participant" }),
  roundRankReset: defineAction({ prefix: "rkr", fields: { roundId: Id, membershipId: Id }, for: "participant" }),
  roundRankDone: defineAction({ prefix: "rkd", fields: { roundId: Id, membershipId: Id }, for: "participant" }),
};
