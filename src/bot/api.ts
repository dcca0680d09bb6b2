import { autoRetry } from "@grammyjs/auto-retry";
import type { Api, Transformer } from "grammy";
import type { BotDeps } from "./context.js";
import { ALERT_MAX_CHARS, CAPTION_MAX_CHARS, MESSAGE_MAX_CHARS, keyboardFits, shorten } from "./limits.js";

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

/**
 * The last check before a message leaves: a text or caption over Telegram's limit is shortened
 * (and logged, by method only: views are meant to page), and a keyboard over the button limits is
 * a bug that fails loudly here rather than as Telegram's 400 with the whole payload.
 */
function fitToLimits(deps: BotDeps): Transformer {
  return (prev, method, payload, signal) => {
    const p = payload as { text?: unknown; caption?: unknown; reply_markup?: { inline_keyboard?: unknown[][] } };
    if ((method === "sendMessage" || method === "editMessageText") && typeof p.text === "string" && p.text.length > MESSAGE_MAX_CHARS) {
      deps.logger.warn({ method, length: p.text.length }, "text over the limit shortened");
      p.text = shorten(p.text, MESSAGE_MAX_CHARS);
    }
    if (typeof p.caption === "string" && p.caption.length > CAPTION_MAX_CHARS) {
      deps.logger.warn({ method, length: p.caption.length }, "caption over the limit shortened");
      p.caption = shorten(p.caption, CAPTION_MAX_CHARS);
    }
    if (method === "answerCallbackQuery" && typeof p.text === "string" && p.text.length > ALERT_MAX_CHARS) p.text = shorten(p.text, ALERT_MAX_CHARS);
    const rows = p.reply_markup?.inline_keyboard;
    if (rows && !keyboardFits(rows)) throw new Error(`${method}: an inline keyboard over Telegram's limits (${rows.flat().length} buttons)`);
    return prev(method, payload, signal);
  };
}

export function installApiTransformers(api: Api, deps: BotDeps): void {
  api.config.use(fitToLimits(deps));
  api.config.use(markBlockedUsers(deps));
  api.config.use(autoRetry({ maxRetryAttempts: MAX_RETRY_ATTEMPTS, maxDelaySeconds: 60, rethrowInternalServerErrors: false }));
}
