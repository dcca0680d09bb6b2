import { isRoundDays } from "../../domain/rounds.js";
import { Id, Index, defineAction } from "./define.js";

// The preference round (stage 5): the curator's screen and buttons, the invitation's button, and
// the ranking flow's own buttons. The prefixes are the ones the buttons had before the table.

export const roundsActions = {
  /** The curator opens the round's screen (who has answered). */
  roundScreen: defineAction({ prefix: "pr", fields: { programmeId: Id }, for: "curator" }),
  /** The curator opens a round for so many days (domain ROUND_DAYS). */
  roundOpen: defineAction({ prefix: "pro", fields: { programmeId: Id, days: Index.refine(isRoundDays) }, for: "curator" }),
  /** The curator closes the open round. */
  roundClose: defineAction({ prefix: "prc", fields: { programmeId: Id }, for: "curator" }),
  /** A person asked in the round starts ranking (their own membership; checked on every press). */
  roundChoose: defineAction({ prefix: "pf", fields: { roundId: Id, membershipId: Id }, for: "participant" }),
  /** Ranking flow: a card pressed (chosen, or unchosen when pressed again). */
  roundRank: defineAction({ prefix: "rk", fields: { roundId: Id, index: Index }, for: "participant", flow: true }),
  /** Ranking flow: start again. */
  roundRankReset: defineAction({ prefix: "rkr", fields: { roundId: Id }, for: "participant", flow: true }),
  /** Ranking flow: done, save. */
  roundRankDone: defineAction({ prefix: "rkd", fields: { roundId: Id }, for: "participant", flow: true }),
};
