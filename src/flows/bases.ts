import { RELAY_MAX_LENGTH, curatedPerson, relayMessage } from "../services/bases.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { answerRefusal } from "../bot/refusals.js";
import { relayResult } from "../bot/views/bases.js";
import { askText } from "./ask.js";

/**
 * The curator writes to a person through the bot: a link to the person's profile is refused by
 * Telegram for people whose privacy settings forbid it, and the bot keeps the school's voice.
 */
export async function writeToPerson(conversation: FlowConversation, ctx: FlowContext, programmeId: string, membershipId: string): Promise<void> {
  const refusal = await conversation.external(async (c) => {
    const found = await curatedPerson(c.deps, { userId: c.from!.id }, { programmeId, membershipId });
    return found.ok ? null : found;
  });
  if (refusal) return answerRefusal(ctx, refusal);
  const text = await askText(conversation, ctx, ctx.t("write-ask"), RELAY_MAX_LENGTH);
  await conversation.external(async (c) => {
    const relayed = await relayMessage(c.deps, { userId: c.from!.id }, { programmeId, membershipId, text });
    if (!relayed.ok) return answerRefusal(c, relayed);
    const screen = relayResult(c, programmeId, membershipId, relayed.value.delivered);
    await c.reply(screen.text, { reply_markup: screen.keyboard });
  });
}
