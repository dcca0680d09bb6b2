import { I18n } from "@grammyjs/i18n";
import { resolve } from "node:path";
import type { BaseContext } from "./context.js";

export const LOCALES = ["ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const LOCALES_DIR = resolve(import.meta.dirname, "../../locales");

/** Telegram's language picks the default until the person chooses with /language. */
export function localeFromTelegram(languageCode: string | undefined, fallback: Locale): Locale {
  const code = (languageCode ?? "").toLowerCase();
  if (code.startsWith("en")) return "en";
  if (code.startsWith("ru")) return "ru";
  return fallback;
}

export function createI18n(defaultLocale: Locale): I18n<BaseContext> {
  const i18n = new I18n<BaseContext>({
    defaultLocale,
    // Bidi isolation marks would show up as garbage in phone clients' links and numbers.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.user?.locale ?? localeFromTelegram(ctx.from?.language_code, defaultLocale),
  });
  i18n.loadLocalesDirSync(LOCALES_DIR);
  return i18n;
}
