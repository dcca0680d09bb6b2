import type { Actor, ServiceDeps } from "./deps.js";

// A person's own settings, and the group chats the bot was written to in.

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Saves the person's chosen language (their own setting: nothing to authorize beyond being them). */
export async function setLanguage(deps: Pick<ServiceDeps, "store">, actor: Actor, locale: Locale): Promise<void> {
  await deps.store.users.setLocale(actor.userId, locale);
}

/**
 * Mutes (or unmutes) the person's non-essential nudges: the scheduled reminders and digests.
 * Alarms and agreements still reach them (jobs/runner.ts). Their own setting, like the language.
 */
export async function setNudgesMuted(deps: Pick<ServiceDeps, "store">, actor: Actor, muted: boolean): Promise<void> {
  await deps.store.users.setNudgesMuted(actor.userId, muted);
}

/** True the first time a group chat writes to the bot: it says once that it works in private. */
export async function firstGroupNotice(deps: Pick<ServiceDeps, "store" | "clock">, chatId: number): Promise<boolean> {
  return deps.store.groups.firstNotice(chatId, deps.clock());
}
