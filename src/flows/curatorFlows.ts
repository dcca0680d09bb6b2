import { InlineKeyboard } from "grammy";
import { randomBytes } from "node:crypto";
import { curatedProgramme } from "../bot/access.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { topicsScreen } from "../bot/features/topics.js";
import type { Notifier } from "../bot/notify.js";
import { askText } from "./ask.js";

// The curator's small conversations: a new topic, a message to a person.

export async function addTopic(conversation: FlowConversation, ctx: FlowContext, programmeId: string): Promise<void> {
  const label = await askText(conversation, ctx, ctx.t("topics-ask-label"), 60);
  await conversation.external(async (c) => {
    const view = await curatedProgramme(c, programmeId);
    if (!view) return void (await c.reply(c.t("curator-only")));
    await c.deps.store.programmes.addTopic(programmeId, `c-${randomBytes(4).toString("hex")}`, label);
    const fresh = await curatedProgramme(c, programmeId);
    if (!fresh) return;
    const screen = await topicsScreen(c, fresh);
    await c.reply(`${c.t("topics-added", { label })}\n\n${screen.text}`, { reply_markup: screen.keyboard });
  });
}

/**
 * The curator writes to a person through the bot: a link to the person's profile is refused by
 * Telegram for people whose privacy settings forbid it, and the bot keeps the school's voice.
 */
export function writeToPersonFlow(notifier: Notifier) {
  return async function writeToPerson(conversation: FlowConversation, ctx: FlowContext, programmeId: string, membershipId: string): Promise<void> {
    const ok = await conversation.external(async (c) => {
      const m = await c.deps.store.memberships.get(membershipId);
      return (await curatedProgramme(c, programmeId)) !== null && m !== null && m.programmeId === programmeId;
    });
    if (!ok) return void (await ctx.reply(ctx.t("curator-only")));
    const text = await askText(conversation, ctx, ctx.t("write-ask"), 1000);
    await conversation.external(async (c) => {
      const view = await curatedProgramme(c, programmeId);
      const m = await c.deps.store.memberships.get(membershipId);
      if (!view || !m) return void (await c.reply(c.t("curator-only")));
      const sent = await notifier.toUser(m.userId, (t) => t("write-from-curator", { school: view.school.name, text }));
      await c.reply(c.t(sent ? "write-sent" : "write-not-delivered"), { reply_markup: new InlineKeyboard().text(c.t("back"), `bc:${programmeId}:${membershipId}`) });
    });
  };
}
