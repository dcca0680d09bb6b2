import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Store } from "../store/index.js";
import type { User } from "../store/users.js";
import type { ServiceDeps } from "../services/deps.js";

// The one context type of the bot, and the one used inside conversations.

export interface BotDeps {
  config: Config;
  store: Store;
  logger: Logger;
  /** The clock; tests and jobs pass their own. */
  clock: () => Date;
}

/** What every update and every flow is given: the bot's deps plus the services' (notices included). */
export type AppDeps = BotDeps & ServiceDeps;

export interface AppFlavor {
  deps: AppDeps;
  /** A logger bound to this update's id. */
  log: Logger;
  /** The person writing, loaded from the store in private chats; null elsewhere. */
  user: User | null;
}

export type BaseContext = Context & AppFlavor & I18nFlavor;
export type BotContext = ConversationFlavor<BaseContext>;
/** Context inside conversations: the same plugins are installed there (see flows/index.ts). */
export type FlowContext = BaseContext;
export type FlowConversation = Conversation<BotContext, FlowContext>;
