import { z } from "zod";
import { Id, defineAction } from "./define.js";

// Pairs and groups: the parties' own buttons.

export const pairActions = {
  /** A party (or a minor's parent) agrees to or declines a proposed pair (2.6). */
  pairAgree: defineAction({ prefix: "ag", fields: { pairId: Id, answer: z.enum(["y", "n"]) }, for: "pair-party" }),
  /** A mentee or a mentor asks the curator for a replacement (5.1). */
  pairRequestReplacement: defineAction({ prefix: "rq", fields: { pairId: Id }, for: "pair-party" }),
};
