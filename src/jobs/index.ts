import cron from "node-cron";
import type { ServiceDeps } from "../services/deps.js";
import { AUDIT_KEPT_DAYS } from "../services/audit.js";
import type { OutboxSender } from "../services/outbox.js";
import { looksAt } from "./due.js";
import { JOBS } from "./registry.js";
import { runTick } from "./runner.js";

// Scheduled jobs: each a function of (now, data) plus a thin cron wrapper. Jobs call services,
// never the bot: what they tell people goes out as notices.

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

/** Keys queued by this process (or found queued): a later tick skips them without a round trip. */
const SEEN_MAX = 200_000;

/**
 * Starts the ticks. Once a minute (and once at start, the catch-up after a stop): every job of
 * the registry whose cadence comes round (all of them at start) into the outbox, then the sender reads the due buckets (messages of other
 * processes, of before a crash, and those that waited for the morning).
 */
export function startJobs(deps: ServiceDeps, timeZone: string, sender: OutboxSender): Jobs {
  const seen = new Set<string>();
  let catchUp = true;
  const tick = async () => {
    if (seen.size > SEEN_MAX) seen.clear();
    const now = deps.clock();
    // The first tick (the catch-up after a stop) runs every job; then each at its own cadence.
    const jobs = catchUp ? JOBS : JOBS.filter((job) => looksAt(job, now));
    catchUp = false;
    const counts = await runTick(deps, jobs, now, { sender, seen });
    if (Object.values(counts).some((n) => n > 0)) deps.logger.info({ counts }, "jobs queued notices");
    await sender.scan();
  };
  const first = tick().catch((error: unknown) => deps.logger.error({ error: (error as Error).message }, "first tick failed"));
  const tasks = [
    cron.schedule("* * * * *", tick, { name: "jobs", noOverlap: true }),
    cron.schedule(
      "17 3 * * *",
      async () => {
        const conversations = await pruneStaleConversations(deps, deps.clock());
        const audit = await pruneAudit(deps, deps.clock());
        deps.logger.info({ conversations, audit }, "pruned stale conversations and year-old audit entries");
      },
      // Handled updates need no pruning: the inbox keeps only unfinished ones (store/updates.ts).
      { timezone: timeZone, name: "prune", noOverlap: true },
    ),
  ];
  return {
    async stop() {
      await first;
      for (const task of tasks) await task.stop();
      await sender.stop();
    },
  };
}
