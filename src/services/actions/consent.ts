import { z } from "zod";
import { Id, defineAction } from "./define.js";

// Consent and the participant's own data: the participant's next step, the consent
// conversation's answers, a parent's decision, a paper consent, /privacy.

export const consentActions = {
  /** A participant's next step from their panel or a notice: consent (c), questionnaire (q), a new parent link (pl). */
  participantStep: defineAction({ prefix: "p", fields: { step: z.enum(["c", "q", "pl"]), membershipId: Id }, for: "participant" }),
  /** The consent conversation: is the person 18 or older. */
  consentAge: defineAction({ prefix: "ca", fields: { membershipId: Id, answer: z.enum(["adult", "minor"]) }, for: "participant", flow: true }),
  /** The consent conversation: the person accepts or declines. */
  consentAnswer: defineAction({ prefix: "cy", fields: { membershipId: Id, answer: z.enum(["y", "n"]) }, for: "participant", flow: true }),
  /** A parent who opened the child's link accepts or declines. */
  parentDecide: defineAction({ prefix: "pc", fields: { membershipId: Id, answer: z.enum(["y", "n"]) }, for: "parent" }),
  /** The curator confirms (or drops) a paper consent being recorded. */
  paperConfirm: defineAction({ prefix: "cp", fields: { membershipId: Id, answer: z.enum(["y", "n"]) }, for: "curator", flow: true }),
  /** /privacy as a button. */
  privacyShow: defineAction({ prefix: "pvs", fields: {}, for: "anyone" }),
  /** Everything kept about me, as a file. */
  privacyFile: defineAction({ prefix: "pvf", fields: {}, for: "anyone" }),
  /** Withdraw my consent in this membership's programme: ask, then yes. */
  privacyWithdraw: defineAction({ prefix: "pvw", fields: { membershipId: Id, step: z.enum(["ask", "yes"]) }, for: "participant" }),
  /** A parent withdraws the consent they gave for this child: ask, then yes. */
  privacyWithdrawChild: defineAction({ prefix: "pvc", fields: { membershipId: Id, step: z.enum(["ask", "yes"]) }, for: "parent" }),
};
