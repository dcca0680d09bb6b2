import { z } from "zod";
import { MONTH_PATTERN } from "../../domain/reports.js";
import { Id, Index, defineAction } from "./define.js";

// Reports (4.2, 2.13–2.14) and the director's overview (3.1). A month travels as "2026-11".

/** A month of the school's calendar: "2026-11". */
export const MonthField = z.string().regex(MONTH_PATTERN);
/** A month, or "now": the month the mentors report for today (a screen that does not know it). */
export const MonthOrNow = z.string().regex(new RegExp(`${MONTH_PATTERN.source}|^now$`));

export const reportActions = {
  /** The mentor's report for a month: the pre-filled draft with «Отправить как есть» and «Изменить». */
  monthlyOpen: defineAction({ prefix: "mro", fields: { membershipId: Id, month: MonthField }, for: "participant" }),
  /** Sends the month's report as it stands (once, however often pressed). */
  monthlySend: defineAction({ prefix: "mrs", fields: { membershipId: Id, month: MonthField }, for: "participant" }),
  /** Opens the conversation that lets the mentor type each field. */
  monthlyEdit: defineAction({ prefix: "mre", fields: { membershipId: Id, month: MonthField }, for: "participant" }),
  /** In that conversation: keep the pre-filled field as it is. */
  monthlyKeep: defineAction({ prefix: "mrk", fields: {}, flow: true, for: "participant" }),
  /** Who has and has not reported for a month (curators and the director). */
  /** The curator picks the day of the month the mentors are reminded (4.2), from the status screen. */
  monthlyReportDay: defineAction({ prefix: "mrd", fields: { programmeId: Id, day: z.enum(["20", "25", "28"]), month: MonthOrNow }, for: "curator" }),
  monthlyStatus: defineAction({ prefix: "mrl", fields: { programmeId: Id, month: MonthOrNow, page: Index }, for: "staff" }),
  /** One monthly report, read by the programme's staff. */
  monthlyRead: defineAction({ prefix: "mrr", fields: { reportId: Id }, for: "staff" }),

  /** The director's panel: the programme's overview, read-only. */
  directorPanel: defineAction({ prefix: "drp", fields: { programmeId: Id }, for: "director" }),
  /** The programme's pairs, paged. */
  directorPairs: defineAction({ prefix: "drl", fields: { programmeId: Id, page: Index }, for: "staff" }),
  /** This month's meetings, paged. */
  /** The individual plans waiting for approval (3.1). */
  directorPlans: defineAction({ prefix: "drq", fields: { programmeId: Id, page: Index }, for: "staff" }),
  directorMeetings: defineAction({ prefix: "drm", fields: { programmeId: Id, page: Index }, for: "staff" }),

  /** A party of an ended pair starts their final report. */
  finalStart: defineAction({ prefix: "frs", fields: { pairId: Id }, for: "pair-party" }),
  /** In the final report's conversation: an option or a score, by its number. */
  finalPick: defineAction({ prefix: "frk", fields: { n: Index }, flow: true, for: "pair-party" }),
  /** The programme's final reports, paged. */
  finalList: defineAction({ prefix: "frl", fields: { programmeId: Id, page: Index }, for: "staff" }),
  /** One final report. */
  finalRead: defineAction({ prefix: "frr", fields: { finalReportId: Id }, for: "staff" }),
  /** The director approves a mentor's final report. */
  finalApprove: defineAction({ prefix: "fra", fields: { finalReportId: Id }, for: "director" }),
};
