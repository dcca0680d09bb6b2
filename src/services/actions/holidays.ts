import { z } from "zod";
import { Id, Index, defineAction } from "./define.js";

// The programme's holidays (каникулы): the curator's list, adding a period, removing one.

/** A period's first day, «20261228» (domain/holidays.ts holidayDayCode). */
const DayCode = z.string().regex(/^\d{8}$/);

export const holidayActions = {
  /** «🏖 Каникулы»: the list, a page. */
  holidaysOpen: defineAction({ prefix: "hdo", fields: { programmeId: Id, page: Index }, for: "curator" }),
  /** «➕ Добавить каникулы»: the period typed (a short conversation). */
  holidaysAdd: defineAction({ prefix: "hda", fields: { programmeId: Id }, for: "curator" }),
  /** «✖️» on a row: the period that starts that day removed. */
  holidaysRemove: defineAction({ prefix: "hdx", fields: { programmeId: Id, holidayFrom: DayCode, page: Index }, for: "curator" }),
  /** «Добавить типичные каникулы»: the autumn, winter and spring holidays of the year. */
  holidaysTypical: defineAction({ prefix: "hdt", fields: { programmeId: Id }, for: "curator" }),
};
