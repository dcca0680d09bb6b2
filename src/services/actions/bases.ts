import { z } from "zod";
import { INTAKE_STATUSES } from "../../domain/consent.js";
import { CATEGORIES } from "../../domain/programme.js";
import { Id, Index, defineAction } from "./define.js";

// The curator's bases of mentors and mentees: counts, filtered lists, a person's card, the
// relayed message, the paper consent's entry, reminders, the export.

export const BASE_ROLES = ["mentor", "mentee"] as const;
export const STATUS_FILTERS = ["all", ...INTAKE_STATUSES] as const;
export const CATEGORY_FILTERS = ["all", ...CATEGORIES] as const;

export const basesActions = {
  /** The bases at a glance. */
  basesOpen: defineAction({ prefix: "bb", fields: { programmeId: Id }, for: "curator" }),
  /** A list: role, status, category, topic (0: all; n: the n-th topic of the programme), page. */
  basesList: defineAction({
    prefix: "bl",
    fields: { programmeId: Id, role: z.enum(BASE_ROLES), status: z.enum(STATUS_FILTERS), category: z.enum(CATEGORY_FILTERS), topic: Index, page: Index },
    for: "curator",
  }),
  /** A person's card. */
  basesCard: defineAction({ prefix: "bc", fields: { programmeId: Id, membershipId: Id }, for: "curator" }),
  /** «✉️ Написать»: the curator's message relayed by the bot. */
  basesWrite: defineAction({ prefix: "bw", fields: { programmeId: Id, membershipId: Id }, for: "curator" }),
  /** A paper consent for a family without Telegram (the flow is intake's). */
  basesPaperConsent: defineAction({ prefix: "bp", fields: { programmeId: Id, membershipId: Id }, for: "curator" }),
  /** The bases as an XLSX workbook. */
  basesExport: defineAction({ prefix: "bx", fields: { programmeId: Id }, for: "curator" }),
  /** Reminders to everyone stuck at a step. */
  basesRemind: defineAction({ prefix: "br", fields: { programmeId: Id }, for: "curator" }),
};
