import { sequentialize } from "@grammyjs/runner";
import { Bot, type BotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { flows } from "../flows/index.js";
import { installApiTransformers } from "./api.js";
import { setDefaultCommands, setOperatorCommands } from "./commands.js";
import type { AppDeps, BotContext, BotDeps } from "./context.js";
import { TelegramCourier } from "./notices.js";
import { OutboxNotices, OutboxSender } from "../services/outbox.js";
import { curatorFeature, openCuratorPanel } from "./features/curator.js";
import { curatorsFeature } from "./features/curators.js";
import { chatMemberFeature } from "./features/chatMember.js";
import { fallbackFeature } from "./features/fallback.js";
import { groupFeature } from "./features/group.js";
import { languageFeature, setLocale } from "./features/language.js";
import { basesFeature } from "./features/bases.js";
import { operatorFeature } from "./features/operator.js";
import { pairWorkFeature } from "./features/pairWork.js";
import { openDirectorPanel, reportsFeature } from "./features/reports.js";
import { meetingsFeature } from "./features/meetings.js";
import { feedbackFeature } from "./features/feedback.js";
import { pairParticipantFeature } from "./features/pairParticipant.js";
import { pairsFeature } from "./features/pairs.js";
import { plansFeature } from "./features/plans.js";
import { parentFeature } from "./features/parent.js";
import { roundFeature } from "./features/round.js";
import { openParticipantPanel, participantFeature } from "./features/participant.js";
import { privacyFeature } from "./features/privacy.js";
import { topicsFeature } from "./features/topics.js";
import { roadmapFeature } from "./features/roadmap.js";
import { holidaysFeature } from "./features/holidays.js";
import { startFeature } from "./features/start.js";
import { createI18n } from "./i18n.js";
import { createMainMenus } from "./menus/mainMenu.js";
import { errorHandler } from "./middleware/errors.js";
import { loadUser, provideDeps } from "./middleware/deps.js";
import { handleOnce } from "./middleware/updates.js";
import { floodLimit } from "./middleware/flood.js";

export interface CreateBotOptions {
  /** Skips getMe at start (tests that know the bot). */
  botInfo?: UserFromGetMe;
}

/** Builds the bot from its dependencies. Nothing global: tests build as many as they like. */
export function createBot(deps: BotDeps, options: CreateBotOptions = {}) {
  const botConfig: BotConfig<BotContext> = { client: { apiRoot: deps.config.apiRoot } };
  if (options.botInfo) botConfig.botInfo = options.botInfo;
  const bot = new Bot<BotContext>(deps.config.botToken, botConfig);
  installApiTransformers(bot.api, deps);
  const i18n = createI18n(deps.config.defaultLocale);
  const courier = new TelegramCourier(bot.api, { store: deps.store, logger: deps.logger, defaultLocale: deps.config.defaultLocale }, i18n);
  // Every notice goes through the outbox; the sender drains it at once and on every tick.
  const sender = new OutboxSender(deps, courier, deps.config.outbox);
  const notices = new OutboxNotices(deps, sender);
  const appDeps: AppDeps = { ...deps, notices, operatorIds: deps.config.operatorIds };

  const menus = createMainMenus(
    (ctx, membership) =>
      membership.role === "curator" ? openCuratorPanel(ctx, membership) : membership.role === "director" ? openDirectorPanel(ctx, membership) : openParticipantPanel(ctx, membership),
    setLocale,
  );

  // Install order matters: one update per chat at a time, each update once, then the error
  // boundary around everything that touches the person.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(handleOnce(deps));
  bot.use(floodLimit(deps.config.rateLimit, i18n, deps.config.defaultLocale));
  const app = bot.errorBoundary(errorHandler(deps, i18n));
  app.use(provideDeps(appDeps));

  const groups = app.filter((ctx) => ctx.chat !== undefined && ctx.chat.type !== "private");
  groups.use(i18n);
  groups.use(groupFeature());

  const dm = app.chatType("private");
  dm.use(loadUser);
  dm.use(i18n);
  // Before the flows: blocking or unblocking the bot is never taken as an answer.
  dm.use(chatMemberFeature());
  dm.use(flows(appDeps, i18n));
  dm.use(menus.main);
  dm.use(startFeature(menus, i18n));
  dm.use(languageFeature(menus));
  dm.use(privacyFeature());
  dm.use(operatorFeature());
  dm.use(curatorFeature());
  dm.use(curatorsFeature(i18n));
  dm.use(basesFeature(i18n));
  dm.use(topicsFeature());
  dm.use(pairsFeature());
  dm.use(roundFeature());
  dm.use(pairParticipantFeature());
  dm.use(pairWorkFeature());
  dm.use(roadmapFeature());
  dm.use(holidaysFeature());
  dm.use(plansFeature());
  dm.use(reportsFeature());
  dm.use(meetingsFeature());
  dm.use(feedbackFeature());
  dm.use(participantFeature());
  dm.use(parentFeature());
  dm.use(fallbackFeature());

  bot.catch(errorHandler(deps, i18n));

  /** Pushes command lists; operators who never wrote to the bot are skipped quietly. */
  async function setCommands(): Promise<void> {
    await setDefaultCommands(bot.api, i18n, deps.config.defaultLocale);
    for (const id of deps.config.operatorIds) {
      await setOperatorCommands(bot.api, i18n, deps.config.defaultLocale, id).catch(() => {});
    }
  }

  return { bot, i18n, menus, notices, sender, deps: appDeps, setCommands };
}

export type AppBot = ReturnType<typeof createBot>;
