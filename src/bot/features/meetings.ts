import { Composer } from "grammy";
import { answerMeeting, meetingDraft, meetingHeld, meetingsToCheck, pairMeetings } from "../../services/meetings.js";
import { MEETING_LOG, MEETING_PLAN } from "../../flows/ids.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { meetingsToCheckView, pairMeetingsView } from "../views/meetings.js";

// Meetings of a pair (stage 6): the list, the log and plan conversations, the answers of the
// other sides, «Как прошла встреча?», and the curator's list to check.

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

export function meetingsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  onAction(feature, "meetingList", async (ctx, input) => {
    const screen = await pairMeetings(ctx.deps, actor(ctx), input);
    if (!screen.ok) return answerRefusal(ctx, screen);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await pairMeetingsView(ctx, screen.value));
  });
  for (const [type, flow] of [
    ["meetingLog", MEETING_LOG],
    ["meetingPlan", MEETING_PLAN],
  ] as const) {
    onAction(feature, type, async (ctx, { pairId }) => {
      // Checked before the conversation starts, so a forged or stale press is refused at once.
      const draft = await meetingDraft(ctx.deps, actor(ctx), { pairId });
      if (!draft.ok) return answerRefusal(ctx, draft);
      await ctx.answerCallbackQuery();
      await enterFlow(ctx, flow, pairId);
    });
  }
  onAction(feature, "meetingAnswer", async (ctx, { meetingId, answer }) => {
    const result = await answerMeeting(ctx.deps, actor(ctx), { meetingId, answer: answer === "y" ? "confirmed" : "disputed" });
    if (!result.ok) return answerRefusal(ctx, result);
    await ctx.answerCallbackQuery({ text: ctx.t(answer === "y" ? "meeting-answer-thanks-confirmed" : "meeting-answer-thanks-disputed") });
  });
  onAction(feature, "meetingHeld", async (ctx, { meetingId, held }) => {
    const result = await meetingHeld(ctx.deps, actor(ctx), { meetingId, held: held === "y" });
    if (!result.ok) return answerRefusal(ctx, result);
    await ctx.answerCallbackQuery({ text: ctx.t(`meeting-held-${result.value.outcome}`) });
  });
  onAction(feature, "meetingsToCheck", async (ctx, input) => {
    const screen = await meetingsToCheck(ctx.deps, actor(ctx), input);
    if (!screen.ok) return answerRefusal(ctx, screen);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await meetingsToCheckView(ctx, screen.value));
  });
  return feature;
}
