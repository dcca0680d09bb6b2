import type { I18n } from "@grammyjs/i18n";
import { GrammyError, InlineKeyboard, InputFile, type Api } from "grammy";
import type { Notice, NoticeVar } from "../services/notices.js";
import { noticeOf, type Courier } from "../services/outbox.js";
import type { OutboxMessage, SendOutcome } from "../store/outbox.js";
import type { Store } from "../store/index.js";
import type { Logger } from "pino";
import { pack } from "./buttons.js";
import type { BaseContext } from "./context.js";
import { localeFromTelegram, type Locale } from "./i18n.js";
import { formatDate } from "./labels.js";

// Renders a notice in the receiver's own language and sends it (for the outbox's sender). A person
// who blocked the bot is skipped, not retried; only ids and error codes are logged.

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** Renders a message variable in a language: message references first, then dates and lists. */
export function renderVar(t: Translate, locale: string, value: NoticeVar): string | number {
  if (typeof value === "string" || typeof value === "number") return value;
  if ("date" in value) return formatDate(value.date, locale, value.timeZone);
  if ("lower" in value) return String(renderVar(t, locale, value.lower)).toLocaleLowerCase(locale);
  if ("list" in value) return value.list.map((v) => renderVar(t, locale, v)).join(value.separator ?? ", ");
  return t(value.key, renderVars(t, locale, value.vars));
}

export function renderVars(t: Translate, locale: string, vars: Record<string, NoticeVar> | undefined): Record<string, string | number> | undefined {
  if (!vars) return undefined;
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars)) out[name] = renderVar(t, locale, value);
  return out;
}

export interface RenderedNotice {
  text: string;
  keyboard?: InlineKeyboard;
}

export function renderNotice(i18n: I18n<BaseContext>, locale: string, notice: Omit<Notice, "to">): RenderedNotice {
  const t: Translate = (key, vars) => i18n.t(locale, key, vars);
  const text = t(notice.key, renderVars(t, locale, notice.vars));
  if (!notice.actions?.length) return { text };
  const keyboard = new InlineKeyboard();
  for (const row of notice.actions) {
    for (const b of row) keyboard.text(t(b.label.key, renderVars(t, locale, b.label.vars)), pack(b.action));
    keyboard.row();
  }
  return { text, keyboard };
}

/**
 * The outbox's courier over Telegram: renders a queued notice in the receiver's language, then
 * sends it. 403 marks the person inactive (api.ts), 429 waits out retry_after (auto-retry).
 */
export class TelegramCourier implements Courier {
  constructor(
    private readonly api: Api,
    private readonly deps: { store: Store; logger: Logger; defaultLocale: Locale },
    readonly i18n: I18n<BaseContext>,
  ) {}

  async localeOf(userId: number): Promise<Locale | null> {
    const user = await this.deps.store.users.get(userId);
    if (user && !user.active) return null;
    return (user?.locale as Locale | undefined) ?? localeFromTelegram(user?.telegramLanguage ?? undefined, this.deps.defaultLocale);
  }

  async prepare(message: OutboxMessage): Promise<(() => Promise<SendOutcome>) | null> {
    const notice = noticeOf(message);
    const lang = message.lang;
    const locale = lang ? ((lang.locale as Locale | null) ?? localeFromTelegram(lang.telegramLanguage ?? undefined, this.deps.defaultLocale)) : await this.localeOf(notice.to);
    if (!locale) return null;
    const { text, keyboard } = renderNotice(this.i18n, locale, notice);
    const markup = keyboard ? { reply_markup: keyboard } : {};
    return async () => {
      try {
        if (notice.file) {
          const file = new InputFile(notice.file.bytes, notice.file.fileName);
          const extra = { caption: text, ...markup, ...(notice.file.protect ? { protect_content: true } : {}) };
          if (notice.file.kind === "photo") await this.api.sendPhoto(notice.to, file, extra);
          else await this.api.sendDocument(notice.to, file, extra);
        } else {
          await this.api.sendMessage(notice.to, text, markup);
        }
        return "sent";
      } catch (error) {
        if (error instanceof GrammyError) {
          this.deps.logger.warn({ userId: notice.to, key: notice.key, code: error.error_code }, "notice not delivered");
          return error.error_code === 403 ? "blocked" : "failed";
        }
        throw error;
      }
    };
  }
}

/** A person's name for a view, in the reader's language (see services/people.ts). */
export async function displayPerson(ctx: { t: Translate; i18n: { getLocale(): Promise<string> } }, ref: NoticeVar): Promise<string> {
  return String(renderVar(ctx.t, await ctx.i18n.getLocale(), ref));
}
