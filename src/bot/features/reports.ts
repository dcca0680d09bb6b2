import { Composer } from "grammy";
import { directorMeetings, directorOverview, directorPairs, directorPlans } from "../../services/director.js";
import { approveFinalReport, finalReportsList, finalTasks, readFinalReport } from "../../services/finalReports.js";
import { monthlyDraft, monthlyStatus, setMonthlyReportDay, readMonthlyReport, submitMonthlyReport, monthRef } from "../../services/monthlyReports.js";
import type { Membership } from "../../store/memberships.js";
import { FINAL_REPORT, MONTHLY_REPORT } from "../../flows/ids.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { renderVar } from "../notices.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import {
  directorMeetingsScreen,
  directorPlansScreen,
  directorPairsScreen,
  directorPanelScreen,
  finalListScreen,
  finalReadingScreen,
  monthlyDraftScreen,
  monthlyReadingScreen,
  monthlyStatusScreen,
} from "../views/reports.js";

// Reports (4.2, 2.13–2.14) and the director's panel (3.1).

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

/** Opens the director's panel as a new message (from the main menu). */
export async function openDirectorPanel(ctx: BotContext, membership: Membership): Promise<void> {
  const overview = await directorOverview(ctx.deps, actor(ctx), { programmeId: membership.programmeId });
  if (!overview.ok) return answerRefusal(ctx, overview);
  const panel = await directorPanelScreen(ctx, overview.value);
  await ctx.reply(panel.text, { reply_markup: panel.keyboard });
}

export function reportsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "monthlyOpen", async (ctx, a) => {
    const draft = await monthlyDraft(ctx.deps, actor(ctx), a);
    if (!draft.ok) return answerRefusal(ctx, draft);
    await ctx.answerCallbackQuery();
    const screen = await monthlyDraftScreen(ctx, draft.value);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });

  onAction(feature, "monthlySend", async (ctx, a) => {
    const sent = await submitMonthlyReport(ctx.deps, actor(ctx), a);
    if (!sent.ok) return answerRefusal(ctx, sent);
    await ctx.answerCallbackQuery();
    const locale = await ctx.i18n.getLocale();
    const month = String(renderVar((k, v) => ctx.t(k, v), locale, monthRef(sent.value.month)));
    await ctx.reply(ctx.t("monthly-sent", { month }));
  });

  onAction(feature, "monthlyEdit", async (ctx, a) => {
    const draft = await monthlyDraft(ctx.deps, actor(ctx), a);
    if (!draft.ok) return answerRefusal(ctx, draft);
    if (draft.value.sent) return answerRefusal(ctx, { ok: false, kind: "stale", reason: "monthly-report-already" });
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, MONTHLY_REPORT, a.membershipId, a.month);
  });

  onAction(feature, "monthlyStatus", async (ctx, a) => {
    const status = await monthlyStatus(ctx.deps, actor(ctx), { programmeId: a.programmeId, page: a.page, ...(a.month === "now" ? {} : { month: a.month }) });
    if (!status.ok) return answerRefusal(ctx, status);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await monthlyStatusScreen(ctx, status.value));
  });

  onAction(feature, "monthlyReportDay", async (ctx, a) => {
    const status = await setMonthlyReportDay(ctx.deps, actor(ctx), { programmeId: a.programmeId, day: Number(a.day), month: a.month });
    if (!status.ok) return answerRefusal(ctx, status);
    await ctx.answerCallbackQuery({ text: ctx.t("monthly-day-saved", { day: status.value.reportDay }) });
    await showScreen(ctx, await monthlyStatusScreen(ctx, status.value));
  });

  onAction(feature, "monthlyRead", async (ctx, a) => {
    const reading = await readMonthlyReport(ctx.deps, actor(ctx), a);
    if (!reading.ok) return answerRefusal(ctx, reading);
    await ctx.answerCallbackQuery();
    const screen = await monthlyReadingScreen(ctx, reading.value, reading.value.report.programmeId);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });

  onAction(feature, "directorPanel", async (ctx, a) => {
    const overview = await directorOverview(ctx.deps, actor(ctx), a);
    if (!overview.ok) return answerRefusal(ctx, overview);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await directorPanelScreen(ctx, overview.value));
  });

  onAction(feature, "directorPairs", async (ctx, a) => {
    const pairs = await directorPairs(ctx.deps, actor(ctx), a);
    if (!pairs.ok) return answerRefusal(ctx, pairs);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await directorPairsScreen(ctx, a.programmeId, pairs.value.page));
  });

  onAction(feature, "directorPlans", async (ctx, a) => {
    const plans = await directorPlans(ctx.deps, actor(ctx), a);
    if (!plans.ok) return answerRefusal(ctx, plans);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await directorPlansScreen(ctx, a.programmeId, plans.value.page));
  });

  onAction(feature, "directorMeetings", async (ctx, a) => {
    const meetings = await directorMeetings(ctx.deps, actor(ctx), a);
    if (!meetings.ok) return answerRefusal(ctx, meetings);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await directorMeetingsScreen(ctx, a.programmeId, meetings.value.month, meetings.value.page));
  });

  onAction(feature, "finalStart", async (ctx, a) => {
    const tasks = await finalTasks(ctx.deps, actor(ctx), a);
    if (!tasks.ok) return answerRefusal(ctx, tasks);
    if (tasks.value.length === 0) return answerRefusal(ctx, { ok: false, kind: "stale", reason: "final-report-already" });
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, FINAL_REPORT, a.pairId);
  });

  onAction(feature, "finalList", async (ctx, a) => {
    const list = await finalReportsList(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await finalListScreen(ctx, a.programmeId, list.value.page));
  });

  onAction(feature, "finalRead", async (ctx, a) => {
    const reading = await readFinalReport(ctx.deps, actor(ctx), a);
    if (!reading.ok) return answerRefusal(ctx, reading);
    await ctx.answerCallbackQuery();
    const screen = await finalReadingScreen(ctx, reading.value);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });

  onAction(feature, "finalApprove", async (ctx, a) => {
    const approved = await approveFinalReport(ctx.deps, actor(ctx), a);
    if (!approved.ok) return answerRefusal(ctx, approved);
    await ctx.answerCallbackQuery();
    const reading = await readFinalReport(ctx.deps, actor(ctx), a);
    if (reading.ok) await showScreen(ctx, await finalReadingScreen(ctx, reading.value));
    await ctx.reply(ctx.t("final-approved-done"));
  });

  return feature;
}
