import { z } from "zod";
import { DUE_CHOICES, PLAN_ITEM_KINDS } from "../../domain/plans.js";
import { TEMPLATE_IDS } from "../../domain/planTemplates.js";
import { Id, Index, defineAction } from "./define.js";

// The individual plan (2.11–2.12, 3.1): the mentor builds it, the mentee acknowledges it, the
// director or a curator approves it. `membershipId` is the mentee whose plan it is.

export const planActions = {
  /** The plans of a pair the presser may see: a mentee's own at once, a list for a group's mentor or staff. */
  planPick: defineAction({ prefix: "ipk", fields: { pairId: Id }, for: "pair-party" }),
  /** One mentee's plan, a page of its items. Staff open it too (the pair card, the notice). */
  planOpen: defineAction({ prefix: "ipo", fields: { pairId: Id, membershipId: Id, page: Index }, for: "pair-party" }),
  /** One item: its details and what the presser may do with it. */
  planItem: defineAction({ prefix: "ipi", fields: { planId: Id, itemId: Id }, for: "pair-party" }),
  /** The mentor adds an item (a conversation: kind, due day, title). */
  planAdd: defineAction({ prefix: "ipa", fields: { pairId: Id, membershipId: Id }, for: "pair-party" }),
  /** The mentor changes an item's title, kind or due day (a conversation). */
  planEdit: defineAction({ prefix: "ipe", fields: { planId: Id, itemId: Id, field: z.enum(["title", "kind", "due"]) }, for: "pair-party" }),
  planRemove: defineAction({ prefix: "ipx", fields: { planId: Id, itemId: Id }, for: "pair-party" }),
  /** The mentor marks an item done (also: confirms the mentee's proposal). */
  planDone: defineAction({ prefix: "ipd", fields: { planId: Id, itemId: Id }, for: "pair-party" }),
  /** The mentee proposes that an item is done. */
  planPropose: defineAction({ prefix: "ipp", fields: { planId: Id, itemId: Id }, for: "pair-party" }),
  /** The template picker, and a template taken. */
  planTemplates: defineAction({ prefix: "ipt", fields: { pairId: Id, membershipId: Id }, for: "pair-party" }),
  planTemplate: defineAction({ prefix: "ipu", fields: { pairId: Id, membershipId: Id, template: z.enum(TEMPLATE_IDS) }, for: "pair-party" }),
  /** The mentor sends the plan to the mentee for acknowledgement. */
  planSend: defineAction({ prefix: "ips", fields: { planId: Id }, for: "pair-party" }),
  /** «Ознакомлен(а)»: the mentee, of this version. */
  planAck: defineAction({ prefix: "ipy", fields: { planId: Id, version: Index }, for: "pair-party" }),
  /** «Утверждаю»: the director or a curator, of this version. */
  planApprove: defineAction({ prefix: "ipv", fields: { planId: Id, version: Index }, for: "staff" }),
  /** The earlier versions of a plan, a page at a time. */
  planVersions: defineAction({ prefix: "ipw", fields: { planId: Id, page: Index }, for: "pair-party" }),
  /** The add/edit conversation's own buttons: a kind, a due day. */
  planFlowKind: defineAction({ prefix: "ipfk", fields: { kind: z.enum(PLAN_ITEM_KINDS) }, for: "pair-party", flow: true }),
  planFlowDue: defineAction({ prefix: "ipfd", fields: { due: z.enum(DUE_CHOICES) }, for: "pair-party", flow: true }),
};
