import type { Context, MiddlewareFn } from "grammy";
import type { BotDeps } from "../context.js";

/** Acts on each update once: Telegram delivers at least once, and polling may redeliver after a crash. */
export function handleOnce(deps: BotDeps): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (!(await deps.store.updates.claim(id, deps.clock()))) {
      deps.logger.debug({ update_id: id }, "update already handled; skipped");
      return;
    }
    try {
      await next();
    } finally {
      await deps.store.updates.markDone(id, deps.clock());
    }
  };
}
