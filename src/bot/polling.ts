import { safeError } from "./logSafe.js";
import { run } from "@grammyjs/runner";
import type { Update } from "grammy/types";
import type { BotDeps } from "./context.js";
import type { AppBot } from "./index.js";

// Polling with the runner, made crash-safe. The runner fetches the next batch while the last is
// still being handled, and that fetch confirms the last batch to Telegram: a crash then would
// lose it. So each batch is written to the store's inbox before it is handed over, and on start
// whatever the inbox holds unfinished is handled first. handleOnce() skips repeats.

export interface Polling {
  /** Stops fetching and waits until every update already taken is handled. */
  stop(): Promise<void>;
  isRunning(): boolean;
}

export async function startPolling(app: AppBot, deps: BotDeps): Promise<Polling> {
  const { bot } = app;
  await bot.init();
  await bot.api.deleteWebhook();

  const leftovers = await deps.store.updates.unfinished();
  if (leftovers.length) deps.logger.info({ count: leftovers.length }, "handling updates left from the last run");
  for (const update of leftovers) {
    await bot.handleUpdate(update).catch((err: unknown) => deps.logger.error({ error: safeError(err), update_id: update.update_id }, "left-over update failed"));
  }

  // The runner's stop() does not wait for updates being handled; this set does.
  const inFlight = new Set<Promise<void>>();
  const runner = run(
    {
      init: () => bot.init(),
      handleUpdate: (update: Update) => {
        const handling = bot.handleUpdate(update);
        inFlight.add(handling);
        return handling.finally(() => inFlight.delete(handling));
      },
      errorHandler: (err: unknown) => deps.logger.error({ error: safeError(err) }, "update failed outside the error boundary"),
      api: {
        getUpdates: async (args, signal) => {
          const updates = await bot.api.getUpdates({ ...args, allowed_updates: ["message", "callback_query", "my_chat_member"] }, signal);
          await deps.store.updates.persist(updates, deps.clock());
          return updates;
        },
      },
    },
    { runner: { fetch: { timeout: 30 } }, sink: { concurrency: 50 } },
  );
  return {
    async stop() {
      await runner.stop();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    isRunning: () => runner.isRunning(),
  };
}
