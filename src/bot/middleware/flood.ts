import type { I18n } from "@grammyjs/i18n";
import { limit } from "@grammyjs/ratelimiter";
import type { Context, MiddlewareFn } from "grammy";
import type { BaseContext } from "../context.js";
import { localeFromTelegram, type Locale } from "../i18n.js";

/**
 * A per-person limit on incoming updates (@grammyjs/ratelimiter, in memory per process): a flood
 * is answered once per window, in the person's Telegram language, and the rest is ignored before
 * it reaches the database. Placed after the update inbox, so an ignored update is still marked
 * handled and never replayed.
 */
export function floodLimit(opts: { updates: number; windowMs: number }, i18n: I18n<BaseContext>, fallback: Locale): MiddlewareFn<Context> {
  return limit<Context, never>({
    timeFrame: opts.windowMs,
    limit: opts.updates,
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      const text = i18n.t(localeFromTelegram(ctx.from?.language_code, fallback), "flood-slow-down");
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text }).catch(() => {});
      else if (ctx.chat?.type === "private") await ctx.reply(text).catch(() => {});
    },
  });
}
