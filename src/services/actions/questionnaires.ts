import { z } from "zod";
import { Id, Index, defineAction } from "./define.js";

// The questionnaire conversation's own buttons. Each carries the number of the question it was
// shown with, so a press on an older question's message is not taken as an answer to this one.

export const questionnaireActions = {
  /** A choice (single or scale): the option's place in the question's list. */
  questionOption: defineAction({ prefix: "qo", fields: { question: Index, option: Index }, for: "participant", flow: true }),
  /**
   * A multiple choice toggled: the option's place in the question's list. Handled outside the
   * conversation (the ticks live in the profile), so that toggles never grow its saved state.
   */
  questionToggle: defineAction({ prefix: "qt", fields: { membershipId: Id, question: Index, option: Index }, for: "participant" }),
  /** Another page of a multiple choice's options (120 topics do not fit one keyboard). */
  questionPage: defineAction({ prefix: "qp", fields: { membershipId: Id, question: Index, page: Index }, for: "participant" }),
  /** Back, skip, or done (multiple choice). */
  questionNav: defineAction({ prefix: "qn", fields: { question: Index, go: z.enum(["back", "skip", "done"]) }, for: "participant", flow: true }),
  /** The summary: change answer N. */
  summaryChange: defineAction({ prefix: "qe", fields: { question: Index }, for: "participant", flow: true }),
  /** The summary: submit, or come back later. */
  summaryDo: defineAction({ prefix: "qs", fields: { go: z.enum(["submit", "later"]) }, for: "participant", flow: true }),
};
