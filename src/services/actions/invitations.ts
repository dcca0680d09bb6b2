import { z } from "zod";
import { CATEGORIES, ROLES } from "../../domain/programme.js";
import { Id, Index, defineAction } from "./define.js";

// The curator's panel and invitations: create (role → category → class → places), list, revoke.

const role = z.enum(ROLES);
const participantRole = z.enum(["mentor", "mentee"]);
/** A category, or "-" for none (a curator). */
const category = z.enum([...CATEGORIES, "-"] as const);

export const invitationActions = {
  /** The curator's panel of a programme. */
  curatorPanel: defineAction({ prefix: "cur", fields: { programmeId: Id }, for: "curator" }),
  /** A new invitation, step 1: the role. */
  invitationStart: defineAction({ prefix: "inv", fields: { programmeId: Id }, for: "curator" }),
  /** Step 2: the category of a mentor or mentee. */
  invitationRole: defineAction({ prefix: "invr", fields: { programmeId: Id, role: participantRole }, for: "curator" }),
  /** Step 2b: the class of a student. */
  invitationGrade: defineAction({ prefix: "invg", fields: { programmeId: Id, role: participantRole }, for: "curator" }),
  /** Step 3: how many people the link admits (grade 0: none). */
  invitationUses: defineAction({ prefix: "invu", fields: { programmeId: Id, role, category, grade: Index }, for: "curator" }),
  /** Step 4: create it; the link is shown once. */
  invitationCreate: defineAction({ prefix: "invk", fields: { programmeId: Id, role, category, grade: Index, uses: Index }, for: "curator" }),
  /** The programme's invitations, a page. */
  invitationList: defineAction({ prefix: "invl", fields: { programmeId: Id, page: Index }, for: "curator" }),
  /** Revoke one, then show the same page. */
  invitationRevoke: defineAction({ prefix: "invx", fields: { programmeId: Id, invitationId: Id, page: Index }, for: "curator" }),
};
