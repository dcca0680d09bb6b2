import type { Programme } from "../store/programmes.js";
import type { School } from "../store/schools.js";
import type { BaseContext } from "./context.js";

// Access is decided from the store on every action, never from what a button says.

export function isOperator(ctx: BaseContext): boolean {
  return ctx.from !== undefined && ctx.deps.config.operatorIds.includes(ctx.from.id);
}

export interface ProgrammeView {
  programme: Programme;
  school: School;
}

export async function loadProgramme(ctx: BaseContext, programmeId: string): Promise<ProgrammeView | null> {
  const programme = await ctx.deps.store.programmes.get(programmeId);
  if (!programme) return null;
  const school = await ctx.deps.store.schools.get(programme.schoolId);
  return school ? { programme, school } : null;
}

/** The programme, when the person writing is its curator; null otherwise. */
export async function curatedProgramme(ctx: BaseContext, programmeId: string): Promise<ProgrammeView | null> {
  if (!ctx.from) return null;
  if (!(await ctx.deps.store.memberships.has(ctx.from.id, programmeId, "curator"))) return null;
  return loadProgramme(ctx, programmeId);
}

/** Refuses a button press with an alert; the message stays as it was. */
export async function refuse(ctx: BaseContext, key: string): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
}
