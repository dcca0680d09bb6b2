import type { I18n } from "@grammyjs/i18n";
import { conversations, createConversation } from "@grammyjs/conversations";
import { Composer, type MiddlewareFn } from "grammy";
import { installApiTransformers } from "../bot/api.js";
import type { AppDeps, BaseContext, BotContext, FlowContext } from "../bot/context.js";
import { loadUser, provideDeps } from "../bot/middleware/deps.js";
import { consent, paperConsent } from "./consent.js";
import { createSchool } from "./createSchool.js";
import { writeToPerson } from "./bases.js";
import { addTopic } from "./topics.js";
import { ADD_TOPIC, WRITE_TO_PERSON, CONSENT, CREATE_SCHOOL, MANUAL_PAIR, ORDER, PAIR_CHANGE, PAIR_TERM, PAPER_CONSENT, PREFERENCES, QUESTIONNAIRE } from "./ids.js";
import { PLAN_ADD_ITEM, PLAN_EDIT_ITEM } from "./ids.js";
import { addPlanItemFlow, editPlanItemFlow } from "./plans.js";
import { DECLINE_TEXT } from "./ids.js";
import { declineText, manualPair, order, pairChange, pairTerm } from "./pairFlows.js";
import { preferences } from "./preferences.js";
import { logMeetingFlow, planMeetingFlow } from "./meetings.js";
import { MEETING_LOG, MEETING_PLAN } from "./ids.js";
import { feedbackComment, flagComment, flagHandle } from "./feedback.js";
import { FEEDBACK_COMMENT, FLAG_COMMENT, FLAG_HANDLE } from "./ids.js";
import { questionnaire } from "./questionnaire.js";
import { roadmapDate, roadmapDone } from "./roadmap.js";
import { addHolidaysFlow } from "./holidays.js";
import { ROADMAP_DATE, ROADMAP_DONE } from "./ids.js";
import { HOLIDAYS_ADD } from "./ids.js";
import { finalReport, monthlyReport } from "./reports.js";
import { FINAL_REPORT, MONTHLY_REPORT } from "./ids.js";

// Conversations: state in MongoDB, /cancel before them, the same plugins inside as outside.

/** Bump when a conversation's steps change shape, so old saved states are dropped, not misread. */
const STATE_VERSION = 2;

export function flows(deps: AppDeps, i18n: I18n<BaseContext>): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const inside: MiddlewareFn<FlowContext>[] = [
    (ctx, next) => {
      installApiTransformers(ctx.api, deps);
      return next();
    },
    provideDeps(deps),
    loadUser,
    i18n.middleware(),
  ];
  composer.use(
    conversations<BotContext, FlowContext>({
      storage: { type: "key", version: STATE_VERSION, adapter: deps.store.conversations as never, prefix: "conv:" },
      plugins: inside,
    }),
  );
  // /cancel goes between the plugin and the conversations, so that it is seen while one waits.
  composer.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active());
    if (active.length === 0) return ctx.reply(ctx.t("nothing-to-cancel"));
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t("cancelled"));
  });
  composer.use(createConversation<BotContext, FlowContext>(createSchool, { id: CREATE_SCHOOL }));
  composer.use(createConversation<BotContext, FlowContext>(consent, { id: CONSENT }));
  composer.use(createConversation<BotContext, FlowContext>(questionnaire, { id: QUESTIONNAIRE }));
  composer.use(createConversation<BotContext, FlowContext>(paperConsent, { id: PAPER_CONSENT }));
  composer.use(createConversation<BotContext, FlowContext>(addTopic, { id: ADD_TOPIC }));
  composer.use(createConversation<BotContext, FlowContext>(writeToPerson, { id: WRITE_TO_PERSON }));
  composer.use(createConversation<BotContext, FlowContext>(manualPair, { id: MANUAL_PAIR }));
  composer.use(createConversation<BotContext, FlowContext>(order, { id: ORDER }));
  composer.use(createConversation<BotContext, FlowContext>(pairChange, { id: PAIR_CHANGE }));
  composer.use(createConversation<BotContext, FlowContext>(pairTerm, { id: PAIR_TERM }));
  composer.use(createConversation<BotContext, FlowContext>(preferences, { id: PREFERENCES }));
  composer.use(createConversation<BotContext, FlowContext>(roadmapDate, { id: ROADMAP_DATE }));
  composer.use(createConversation<BotContext, FlowContext>(roadmapDone, { id: ROADMAP_DONE }));
  composer.use(createConversation<BotContext, FlowContext>(addHolidaysFlow, { id: HOLIDAYS_ADD }));
  composer.use(createConversation<BotContext, FlowContext>(addPlanItemFlow, { id: PLAN_ADD_ITEM }));
  composer.use(createConversation<BotContext, FlowContext>(editPlanItemFlow, { id: PLAN_EDIT_ITEM }));
  composer.use(createConversation<BotContext, FlowContext>(monthlyReport, { id: MONTHLY_REPORT }));
  composer.use(createConversation<BotContext, FlowContext>(finalReport, { id: FINAL_REPORT }));
  composer.use(createConversation<BotContext, FlowContext>(logMeetingFlow, { id: MEETING_LOG }));
  composer.use(createConversation<BotContext, FlowContext>(planMeetingFlow, { id: MEETING_PLAN }));
  composer.use(createConversation<BotContext, FlowContext>(feedbackComment, { id: FEEDBACK_COMMENT }));
  composer.use(createConversation<BotContext, FlowContext>(flagComment, { id: FLAG_COMMENT }));
  composer.use(createConversation<BotContext, FlowContext>(flagHandle, { id: FLAG_HANDLE }));
  composer.use(createConversation<BotContext, FlowContext>(declineText, { id: DECLINE_TEXT }));
  return composer;
}
