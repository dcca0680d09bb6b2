import { BotError, GrammyError, type Context } from "grammy";
import type { I18n } from "@grammyjs/i18n";
import type { BaseContext, BotDeps } from "../context.js";
import { safeError } from "../logSafe.js";

/** The error boundary: logs the update and answers with a short apology instead of silence. */
export function errorHandler(deps: BotDeps, i18n: I18n<BaseContext>) {
  return async (err: BotError<Context>) => {
    const ctx = err.ctx as Partial<BaseContext> & Context;
    deps.logger.error({ update_id: ctx.update.update_id, error: safeError(err.error) }, "update failed");
    if (ctx.chat?.type !== "private") return;
    const text = typeof ctx.t === "function" ? ctx.t("error-apology") : i18n.t(deps.config.defaultLocale, "error-apology");
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      await ctx.reply(text);
    } catch (replyError) {
      if (!(replyError instanceof GrammyError)) deps.logger.warn({ update_id: ctx.update.update_id, error: safeError(replyError) }, "could not send apology");
    }
  };
}
