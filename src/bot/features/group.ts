import { Composer } from "grammy";
import { firstGroupNotice } from "../../services/users.js";
import type { BotContext } from "../context.js";

// Personal features live in private chats only. In a group the bot says so once, and stays quiet.

export function groupFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const groups = feature.chatType(["group", "supergroup"]);
  groups.on("message", async (ctx) => {
    if (await firstGroupNotice(ctx.deps, ctx.chat.id)) {
      await ctx.reply(ctx.t("private-only", { bot: ctx.me.username }));
    }
  });
  groups.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("private-only", { bot: ctx.me.username }), show_alert: true }));
  return feature;
}
