import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** Last in line: anything no feature took gets a clear answer, never silence. */
export function fallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const dm = feature.chatType("private");
  dm.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true }));
  dm.on("message", (ctx) => ctx.reply(ctx.t("unknown-input")));
  return feature;
}
