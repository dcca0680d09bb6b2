import cron from "node-cron";
import type { ServiceDeps } from "../services/deps.js";
import { AUDIT_KEPT_DAYS } from "../services/audit.js";
import { remindAgreements } from "../services/pairs.js";

// Scheduled jobs: each a function of (now, data) plus a thin cron wrapper. Jobs call services,
// never the bot: what they tell people goes out as notices.

/** Handled update ids are kept for a week: Telegram never redelivers older ones. */
export const HANDLED_UPDATES_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export async function pruneHandledUpdates(deps: Pick<ServiceDeps, "store">, now: Date): Promise<number> {
  return deps.store.updates.pruneDone(new Date(now.getTime() - HANDLED_UPDATES_KEPT_MS));
}

/**
 * Conversation states hold what people typed; after 30 days untouched they go. Every flow keeps
 * its progress in its own store (answers, consents), so a person resumes from the menu.
 */
export const CONVERSATIONS_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

export async function pruneStaleConversations(deps: Pick<ServiceDeps, "store">, now: Date): Promise<number> {
  return deps.store.conversations.pruneOlderThan(new Date(now.getTime() - CONVERSATIONS_KEPT_MS));
}

/**
 * The audit log of curators' actions is kept for a year (AUDIT_KEPT_DAYS); older entries go.
 * A job, not a TTL index: FerretDB has none.
 */
export async function pruneAudit(deps: Pick<ServiceDeps, "store">, now: Date): Promise<number> {
  return deps.store.audit.pruneOlderThan(new Date(now.getTime() - AUDIT_KEPT_DAYS * 24 * 60 * 60 * 1000));
}

export interface Jobs {
  stop(): Promise<void>;
}

/** Starts the cron ticks in the given time zone (the jobs' schedule is local to the schools). */
export function startJobs(deps: ServiceDeps, timeZone: string): Jobs {
  const tasks = [
    cron.schedule(
      "0 10 * * *",
      async () => {
        const reminded = await remindAgreements(deps, deps.clock());
        deps.logger.info({ reminded }, "reminded people who have not answered a pair proposal");
      },
      { timezone: timeZone, name: "agreement-reminders", noOverlap: true },
    ),
    cron.schedule(
      "17 3 * * *",
      async () => {
        const removed = await pruneHandledUpdates(deps, deps.clock());
        const conversations = await pruneStaleConversations(deps, deps.clock());
        const audit = await pruneAudit(deps, deps.clock());
        deps.logger.info({ removed, conversations, audit }, "pruned handled update ids, stale conversations and year-old audit entries");
      },
      { timezone: timeZone, name: "prune-updates", noOverlap: true },
    ),
  ];
  return {
    async stop() {
      for (const task of tasks) await task.stop();
    },
  };
}
