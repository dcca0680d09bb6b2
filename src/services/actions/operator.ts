import { z } from "zod";
import { FORMS } from "../../domain/programme.js";
import { RUSSIAN_TIME_ZONES } from "../../domain/text.js";
import { Index, defineAction } from "./define.js";

// The operator's conversation that sets up a school and its programme: its own answer buttons.

export const operatorActions = {
  /** The school's time zone, from the list of Russian zones. */
  schoolTimeZone: defineAction({ prefix: "tz", fields: { zone: z.enum(RUSSIAN_TIME_ZONES) }, for: "operator", flow: true }),
  /** The academic year: an index into the selectable years (the current one and the next). */
  schoolYear: defineAction({ prefix: "year", fields: { year: Index }, for: "operator", flow: true }),
  /** A form of mentoring toggled on or off. */
  schoolForm: defineAction({ prefix: "form", fields: { form: z.enum(FORMS) }, for: "operator", flow: true }),
  /** The forms are chosen. */
  schoolFormsDone: defineAction({ prefix: "forms", fields: {}, for: "operator", flow: true }),
  /** Create the school and programme, or cancel. */
  schoolConfirm: defineAction({ prefix: "op", fields: { answer: z.enum(["create", "cancel"]) }, for: "operator", flow: true }),
};
