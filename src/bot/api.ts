import { autoRetry } from "@grammyjs/auto-retry";
import type { Api, Transformer } from "grammy";
import type { BotDeps } from "./context.js";

// What every Api object of the bot gets, including the ones inside conversations:
// bounded retries of 429 (honouring retry_after) and 5xx, and marking people who blocked the bot.

export const MAX_RETRY_ATTEMPTS = 3;

function markBlockedUsers(deps: BotDeps): Transformer {
  return async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 403) {
      const chatId = (payload as { chat_id?: unknown }).chat_id;
      // Positive chat ids are private chats, i.e. people; a 403 there is never worth a retry.
      if (typeof chatId === "number" && chatId > 0) {
        await deps.store.users.markBlocked(chatId, deps.clock());
        deps.logger.info({ chatId, method }, "user blocked the bot; marked inactive");
      }
    }
    return result;
  };
}

export function installApiTransformers(api: Api, deps: BotDeps): void {
  api.config.use(markBlockedUsers(deps));
  api.config.use(autoRetry({ maxRetryAttempts: MAX_RETRY_ATTEMPTS, maxDelaySeconds: 60, rethrowInternalServerErrors: false }));
}
