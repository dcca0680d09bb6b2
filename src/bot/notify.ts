import type { I18n } from "@grammyjs/i18n";
import { GrammyError, type Api, type InlineKeyboard } from "grammy";
import type { BaseContext, BotDeps } from "./context.js";
import { localeFromTelegram } from "./i18n.js";

type Vars = Record<string, string | number>;

/**
 * Messages the bot sends on its own (to curators, to a child when the parent decides, reminders),
 * each in the receiver's language. A person who blocked the bot is skipped, not retried.
 */
export class Notifier {
  constructor(
    private readonly api: Api,
    private readonly deps: BotDeps,
    readonly i18n: I18n<BaseContext>,
  ) {}

  /** A text in the receiver's language; `build` may compose several keys. */
  async toUser(userId: number, build: (t: (key: string, vars?: Vars) => string, locale: string) => string | Promise<string>, keyboard?: (t: (key: string, vars?: Vars) => string) => InlineKeyboard): Promise<boolean> {
    const user = await this.deps.store.users.get(userId);
    if (user && !user.active) return false;
    const locale = user?.locale ?? localeFromTelegram(user?.telegramLanguage ?? undefined, this.deps.config.defaultLocale);
    const t = (key: string, vars?: Vars) => this.i18n.t(locale, key, vars);
    try {
      await this.api.sendMessage(userId, await build(t, locale), keyboard ? { reply_markup: keyboard(t) } : {});
      return true;
    } catch (error) {
      if (error instanceof GrammyError) {
        this.deps.logger.warn({ userId, description: error.description }, "notification not delivered");
        return false;
      }
      throw error;
    }
  }

  /** Tells every curator of the programme; returns how many got it. */
  async toCurators(programmeId: string, build: (t: (key: string, vars?: Vars) => string, locale: string) => string | Promise<string>, keyboard?: (t: (key: string, vars?: Vars) => string) => InlineKeyboard): Promise<number> {
    const curators = await this.deps.store.memberships.ofProgramme(programmeId, "curator");
    let delivered = 0;
    for (const curator of curators) if (await this.toUser(curator.userId, build, keyboard)) delivered++;
    return delivered;
  }
}
