import cron from "node-cron";
import type { BotDeps } from "../bot/context.js";

// Scheduled jobs: each a function of (now, data) plus a thin cron wrapper.

/** Handled update ids are kept for a week: Telegram never redelivers older ones. */
export const HANDLED_UPDATES_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export async function pruneHandledUpdates(deps: Pick<BotDeps, "store">, now: Date): Promise<number> {
  return deps.store.updates.pruneDone(new Date(now.getTime() - HANDLED_UPDATES_KEPT_MS));
}

export interface Jobs {
  stop(): Promise<void>;
}

export function startJobs(deps: BotDeps): Jobs {
  const tasks = [
    cron.schedule(
      "17 3 * * *",
      async () => {
        const removed = await pruneHandledUpdates(deps, deps.clock());
        deps.logger.info({ removed }, "pruned handled update ids");
      },
      { timezone: deps.config.timeZone, name: "prune-updates", noOverlap: true },
    ),
  ];
  return {
    async stop() {
      for (const task of tasks) await task.stop();
    },
  };
}
