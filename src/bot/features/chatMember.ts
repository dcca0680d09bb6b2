import { Composer } from "grammy";
import type { BotContext } from "../context.js";

// Telegram tells the bot when a person blocks it («kicked») or unblocks it («member») in a
// private chat. Blocked means inactive (nothing is sent to them); unblocked means active again.
// Neither is an answer to anything, so no reply, and no flow ever sees it.

export function chatMemberFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    const userId = ctx.myChatMember.from.id;
    if (status === "kicked") {
      await ctx.deps.store.users.markBlocked(userId, ctx.deps.clock());
      ctx.log.info({ userId }, "user blocked the bot; marked inactive");
    } else if (status === "member") {
      await ctx.deps.store.users.touch(userId, ctx.deps.clock(), ctx.myChatMember.from.language_code ?? null);
      ctx.log.info({ userId }, "user unblocked the bot; active again");
    }
  });
  return feature;
}
