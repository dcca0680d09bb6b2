import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { MainMenus } from "../menus/mainMenu.js";
import { setLanguage } from "../../services/users.js";

/** Saves the chosen language; used by the language menu. */
export async function setLocale(ctx: BotContext, locale: "ru" | "en"): Promise<void> {
  if (!ctx.from) return;
  await setLanguage(ctx.deps, { userId: ctx.from.id }, locale);
  if (ctx.user) ctx.user = { ...ctx.user, locale };
  ctx.i18n.useLocale(locale);
  await ctx.reply(ctx.t("language-set"));
}

export function languageFeature(menus: MainMenus): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("language", (ctx) => ctx.reply(ctx.t("language-choose"), { reply_markup: menus.language }));
  return feature;
}
