import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { BotCommand, BotCommandScope } from "grammy/types";
import type { BaseContext } from "./context.js";
import { LOCALES } from "./i18n.js";

// Command lists per language and per role scope; the descriptions live in the locales.

const BASE = ["menu", "privacy", "language", "cancel", "help"] as const;
const OPERATOR = [...BASE, "newschool"] as const;

function commands(i18n: I18n<BaseContext>, locale: string, names: readonly string[]): BotCommand[] {
  return names.map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) }));
}

async function setFor(api: Api, i18n: I18n<BaseContext>, names: readonly string[], scope: BotCommandScope, defaultLocale: string) {
  await api.setMyCommands(commands(i18n, defaultLocale, names), { scope });
  for (const locale of LOCALES) await api.setMyCommands(commands(i18n, locale, names), { scope, language_code: locale });
}

export async function setDefaultCommands(api: Api, i18n: I18n<BaseContext>, defaultLocale: string): Promise<void> {
  await setFor(api, i18n, BASE, { type: "all_private_chats" }, defaultLocale);
}

/** An operator's private chat also lists /newschool. Fails (ignored) until they have written to the bot. */
export async function setOperatorCommands(api: Api, i18n: I18n<BaseContext>, defaultLocale: string, operatorId: number): Promise<void> {
  await setFor(api, i18n, OPERATOR, { type: "chat", chat_id: operatorId }, defaultLocale);
}
