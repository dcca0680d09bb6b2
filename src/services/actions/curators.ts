import { Id, Index, defineAction } from "./define.js";

// The programme's curators (list, remove one) and the audit log of their actions on people.

export const curatorActions = {
  /** The programme's curators, a page. */
  curatorsList: defineAction({ prefix: "crl", fields: { programmeId: Id, page: Index }, for: "curator" }),
  /** Asks to confirm removing a curator. */
  curatorRemoveAsk: defineAction({ prefix: "crq", fields: { programmeId: Id, membershipId: Id, page: Index }, for: "curator" }),
  /** Removes a curator (not oneself), then shows the same page. */
  curatorRemove: defineAction({ prefix: "crx", fields: { programmeId: Id, membershipId: Id, page: Index }, for: "curator" }),
  /** The audit log, a page (newest first). */
  auditList: defineAction({ prefix: "aul", fields: { programmeId: Id, page: Index }, for: "curator" }),
  /** The audit log as a protected XLSX file. */
  auditExport: defineAction({ prefix: "aux", fields: { programmeId: Id }, for: "curator" }),
};
