import { z } from "zod";
import { ALL_ROLE_MODELS, DECLINE_REASONS, PAIR_REASONS } from "../../domain/pairs.js";
import { FORMS } from "../../domain/programme.js";
import { Id, Index, defineAction } from "./define.js";

// Pairs and groups, and the matching engine's proposals (stages 4–5): the curator's screens, the
// parties' own buttons, and the buttons of the curator's conversations about pairs (flow).

const yesNo = z.enum(["y", "n"]);
/** Every role model of every form, or "-" for none. */
const roleModel = z.enum(["-", ...ALL_ROLE_MODELS]);
/** Every reason of a replacement, an extension or an early end, or "-" to cancel. */
const reason = z.enum(["-", ...PAIR_REASONS]);
/** Why a person declines a pair or a new mentor. */
const declineReason = z.enum(DECLINE_REASONS);

export const pairActions = {
  /** A party (or a minor's parent) agrees to or declines a proposed pair (2.6). */
  pairAgree: defineAction({ prefix: "ag", fields: { pairId: Id, answer: yesNo }, for: "pair-party" }),
  /** «Не согласен» on a proposed pair, then why: one of the reasons («другое» asks for a short text). */
  pairDecline: defineAction({ prefix: "dcp", fields: { pairId: Id, reason: declineReason }, for: "pair-party" }),
  /**
   * A new mentor proposed for an active pair: the new mentor, a mentee or a minor's parent agrees
   * or not (n: asks why), then why. The id names the proposal, so an old button never answers a later one.
   */
  replAgree: defineAction({ prefix: "rpa", fields: { replacementId: Id, answer: yesNo }, for: "pair-party" }),
  replDecline: defineAction({ prefix: "rpd", fields: { replacementId: Id, reason: declineReason }, for: "pair-party" }),
  /** The curator records a paper parent's agreement to a proposed replacement. */
  replPaper: defineAction({ prefix: "rpp", fields: { replacementId: Id, membershipId: Id }, for: "curator" }),
  /** The curator takes back a proposed replacement nobody has settled. */
  replWithdraw: defineAction({ prefix: "rpw", fields: { pairId: Id }, for: "curator" }),
  /** A mentee or a mentor asks the curator for a replacement (5.1). */
  pairRequestReplacement: defineAction({ prefix: "rq", fields: { pairId: Id }, for: "pair-party" }),
  /** The curator answers an open replacement request without replacing the mentor. */
  pairReplacementDismiss: defineAction({ prefix: "prd", fields: { pairId: Id }, for: "curator" }),

  /** The curator's «Пары и группы» screen of a programme. */
  pairsHome: defineAction({ prefix: "pp", fields: { programmeId: Id }, for: "curator" }),
  /** The ready mentors: training mark, limit, free places (stage 4). */
  pairsMentors: defineAction({ prefix: "pm", fields: { programmeId: Id, page: Index }, for: "curator" }),
  pairsMentor: defineAction({ prefix: "pmc", fields: { membershipId: Id }, for: "curator" }),
  /** Selected and trained today (y), or the mark taken back (n). */
  pairsMentorTrained: defineAction({ prefix: "pmt", fields: { membershipId: Id, trained: yesNo }, for: "curator" }),
  pairsMentorLimit: defineAction({ prefix: "pml", fields: { membershipId: Id, limit: Index }, for: "curator" }),
  /** Runs the engine and shows its first proposal. */
  pairsPropose: defineAction({ prefix: "px", fields: { programmeId: Id }, for: "curator" }),
  /** A proposal of a batch (past the last: the mentees left without a pair); also «skip». */
  pairsProposal: defineAction({ prefix: "pxv", fields: { batchId: Id, index: Index }, for: "curator" }),
  pairsProposalAccept: defineAction({ prefix: "pxa", fields: { batchId: Id, index: Index }, for: "curator" }),
  /** Another mentor for a proposal: the choice (best first, a page at a time), then the pick. */
  pairsProposalOthers: defineAction({ prefix: "pxs", fields: { batchId: Id, index: Index, page: Index }, for: "curator" }),
  pairsProposalWith: defineAction({ prefix: "pxw", fields: { batchId: Id, index: Index, membershipId: Id }, for: "curator" }),
  /** A page of the mentees a batch left without a pair. */
  pairsUnmatched: defineAction({ prefix: "pxu", fields: { batchId: Id, page: Index }, for: "curator" }),
  /**
   * A pair or a group by hand: the picker's pages of mentors and mentees, with the choice kept in
   * the store; «Готово» starts the conversation (form, role model, dates).
   */
  pairsManual: defineAction({ prefix: "ph", fields: { programmeId: Id }, for: "curator" }),
  pairsManualMentors: defineAction({ prefix: "phm", fields: { programmeId: Id, page: Index }, for: "curator" }),
  pairsManualMentor: defineAction({ prefix: "phk", fields: { membershipId: Id }, for: "curator" }),
  pairsManualMentees: defineAction({ prefix: "phe", fields: { programmeId: Id, page: Index }, for: "curator" }),
  /** Marks a mentee or takes the mark back; the page shown stays. */
  pairsManualMentee: defineAction({ prefix: "pht", fields: { membershipId: Id, page: Index }, for: "curator" }),
  pairsManualDone: defineAction({ prefix: "phd", fields: { programmeId: Id }, for: "curator" }),
  /** The order and its list (a conversation). */
  pairsOrder: defineAction({ prefix: "po", fields: { programmeId: Id }, for: "curator" }),
  pairsList: defineAction({ prefix: "pl", fields: { programmeId: Id, page: Index }, for: "curator" }),
  /** A pair's card with its history. */
  pairCard: defineAction({ prefix: "pcd", fields: { pairId: Id }, for: "curator" }),
  /** A pair's whole history, a page at a time. */
  pairHistory: defineAction({ prefix: "phs", fields: { pairId: Id, page: Index }, for: "curator" }),
  pairRoleModels: defineAction({ prefix: "pmo", fields: { pairId: Id }, for: "curator" }),
  pairRoleModel: defineAction({ prefix: "pms", fields: { pairId: Id, model: roleModel }, for: "curator" }),
  /** The dates of a proposed pair (a conversation). */
  pairTerm: defineAction({ prefix: "pte", fields: { pairId: Id }, for: "curator" }),
  /** The curator records the agreement of a parent who consented on paper. */
  pairPaperParent: defineAction({ prefix: "ppa", fields: { pairId: Id, membershipId: Id }, for: "curator" }),
  /** Replace the mentor, extend the term, end early (a conversation with a reason). */
  pairChange: defineAction({ prefix: "pch", fields: { pairId: Id, kind: z.enum(["replace", "extend", "end"]) }, for: "curator" }),

  // The curator's conversations about pairs: their own answer buttons.
  pairFlowForm: defineAction({ prefix: "pff", fields: { form: z.enum(FORMS) }, for: "curator", flow: true }),
  pairFlowModel: defineAction({ prefix: "pfr", fields: { model: roleModel }, for: "curator", flow: true }),
  pairFlowConfirm: defineAction({ prefix: "pfc", fields: { answer: yesNo }, for: "curator", flow: true }),
  /** The date suggested on the button. */
  pairFlowDate: defineAction({ prefix: "pfd", fields: {}, for: "curator", flow: true }),
  pairFlowReason: defineAction({ prefix: "pfw", fields: { reason }, for: "curator", flow: true }),
  /** The new mentor picked from the choice's page (the service checks them again). */
  pairFlowNewMentor: defineAction({ prefix: "pfn", fields: { membershipId: Id }, for: "curator", flow: true }),
  /** Another page of the new mentors to choose from. */
  pairFlowMentorPage: defineAction({ prefix: "pfp", fields: { page: Index }, for: "curator", flow: true }),
  pairFlowEnd: defineAction({ prefix: "pfx", fields: { answer: yesNo }, for: "curator", flow: true }),
};
