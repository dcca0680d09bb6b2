import { parseDay } from "../domain/dates.js";
import { STAGE_RESULT_MAX, datesProblem, withEdge, type DateEdge } from "../domain/roadmap.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { answerRefusal } from "../bot/refusals.js";
import { stageScreen } from "../bot/views/roadmap.js";
import { markStageDone, setStageDate, stageCard, stageToFinish } from "../services/roadmap.js";
import { askText, flowWait } from "./ask.js";

// The curator's short conversations about a stage: a date typed as dd.mm.yyyy (re-asked until it
// is a date that keeps the start before the deadline), and the result of a stage marked done.
// /cancel leaves either with nothing changed.

const actor = (c: FlowContext) => ({ userId: c.from!.id });

export async function roadmapDate(conversation: FlowConversation, ctx: FlowContext, programmeId: string, stage: number, edge: DateEdge): Promise<void> {
  const found = await conversation.external(async (c) => {
    const card = await stageCard(c.deps, actor(c), { programmeId, stage });
    if (!card.ok || !card.value.canEdit) return null;
    return { start: card.value.stage.start.getTime(), deadline: card.value.stage.deadline.getTime() };
  });
  if (!found) return void (await ctx.reply(ctx.t("curator-only")));
  const current = { start: new Date(found.start), deadline: new Date(found.deadline) };
  const problem = (text: string | undefined): string | null => {
    const d = parseDay(text ?? "");
    if (!d) return "date-problem-not-a-date";
    const dates = withEdge(current, edge, d);
    return datesProblem(dates.start, dates.deadline);
  };
  await ctx.reply(ctx.t(edge === "start" ? "roadmap-ask-start" : "roadmap-ask-deadline"));
  const answer = await flowWait(conversation)
    .and((c) => c.message?.text !== undefined, { otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-not-text"))) })
    .and((c) => problem(c.message!.text) === null, { otherwise: (c) => c.reply(c.t(problem(c.message?.text) ?? "date-problem-not-a-date")) });
  const day = parseDay(answer.message!.text!)!;
  await conversation.external(async (c) => {
    const result = await setStageDate(c.deps, actor(c), { programmeId, stage, edge, day });
    if (!result.ok) return answerRefusal(c, result);
    const screen = await stageScreen(c, result.value);
    await c.reply(`${c.t("roadmap-date-saved")}\n\n${screen.text}`, { reply_markup: screen.keyboard });
  });
}

export async function roadmapDone(conversation: FlowConversation, ctx: FlowContext, programmeId: string, stage: number): Promise<void> {
  const refused = await conversation.external(async (c) => {
    const card = await stageToFinish(c.deps, actor(c), { programmeId, stage });
    return card.ok ? null : card.reason;
  });
  if (refused) return void (await ctx.reply(ctx.t(refused)));
  const result = await askText(conversation, ctx, ctx.t("roadmap-ask-result", { max: STAGE_RESULT_MAX }), STAGE_RESULT_MAX);
  await conversation.external(async (c) => {
    const done = await markStageDone(c.deps, actor(c), { programmeId, stage, result });
    if (!done.ok) return answerRefusal(c, done);
    const screen = await stageScreen(c, done.value);
    await c.reply(`${c.t("roadmap-done-saved")}\n\n${screen.text}`, { reply_markup: screen.keyboard });
  });
}
