import type { Programme } from "../store/programmes.js";
import type { School } from "../store/schools.js";
import type { Composer } from "grammy";
import type { BaseContext, BotContext } from "./context.js";

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

/**
 * A curator's button: the first group of the pattern is the programme id; the action runs only
 * when the person pressing curates that programme (checked in the store on every press).
 */
export function curatorButton(
  feature: Composer<BotContext>,
  pattern: RegExp,
  action: (ctx: BotContext, view: ProgrammeView, match: RegExpMatchArray) => Promise<unknown>,
): void {
  feature.callbackQuery(pattern, async (ctx) => {
    const match = ctx.match as RegExpMatchArray;
    const view = await curatedProgramme(ctx, match[1]!);
    if (!view) return refuse(ctx, "curator-only");
    await action(ctx, view, match);
  });
}
