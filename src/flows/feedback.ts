import { InlineKeyboard } from "grammy";
import { FEEDBACK_COMMENT_MAX, FLAG_NOTE_MAX } from "../domain/feedback.js";
import { addButton } from "../bot/buttons.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { answerRefusal } from "../bot/refusals.js";
import { commentOnFlag, commentOnMeeting, handleFlag } from "../services/feedback.js";
import { askText } from "./ask.js";

// Short conversations of feedback and the safety flag: a comment on one's rating, one's words to
// the curators with a flag, and the curator's note when marking a flag handled. /cancel leaves each.

const actor = (c: FlowContext) => ({ userId: c.from!.id });

/** A participant's comment on their rating of a meeting (for the curators only). */
export async function feedbackComment(conversation: FlowConversation, ctx: FlowContext, meetingId: string): Promise<void> {
  const text = await askText(conversation, ctx, ctx.t("feedback-comment-ask", { max: FEEDBACK_COMMENT_MAX }), FEEDBACK_COMMENT_MAX);
  await conversation.external(async (c) => {
    const saved = await commentOnMeeting(c.deps, actor(c), { meetingId, text });
    if (!saved.ok) return answerRefusal(c, saved);
    await c.reply(c.t(saved.value.flagged ? "feedback-comment-saved-flag" : "feedback-comment-saved"));
  });
}

/** The raiser's words with their open flag: the curators get them at once. */
export async function flagComment(conversation: FlowConversation, ctx: FlowContext, flagId: string): Promise<void> {
  const text = await askText(conversation, ctx, ctx.t("flag-comment-ask", { max: FEEDBACK_COMMENT_MAX }), FEEDBACK_COMMENT_MAX);
  await conversation.external(async (c) => {
    const saved = await commentOnFlag(c.deps, actor(c), { flagId, text });
    if (!saved.ok) return answerRefusal(c, saved);
    await c.reply(c.t("flag-comment-saved"));
  });
}

/** The curator's note: the flag is marked handled and the one who raised it is told it was seen. */
export async function flagHandle(conversation: FlowConversation, ctx: FlowContext, flagId: string): Promise<void> {
  const note = await askText(conversation, ctx, ctx.t("flag-note-ask", { max: FLAG_NOTE_MAX }), FLAG_NOTE_MAX);
  await conversation.external(async (c) => {
    const handled = await handleFlag(c.deps, actor(c), { flagId, note });
    if (!handled.ok) return answerRefusal(c, handled);
    const kb = addButton(new InlineKeyboard(), c.t("flag-open-pair"), { type: "pairCard", pairId: handled.value.pairId }).row();
    addButton(kb, c.t("flags-list"), { type: "flagsList", programmeId: handled.value.programmeId, page: 0 });
    await c.reply(c.t("flag-handled-done"), { reply_markup: kb });
  });
}
