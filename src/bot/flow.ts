import type { BotContext } from "./context.js";

/**
 * Starts a conversation, leaving any other one first. Every flow keeps its progress in the
 * store, so the one left loses nothing and can be resumed from the menu.
 */
export async function enterFlow(ctx: BotContext, id: string, ...args: unknown[]): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(id, ...args);
}
