import type { I18n } from "@grammyjs/i18n";
import { Composer } from "grammy";
import { parseStartPayload } from "../../domain/invitations.js";
import { joinByToken } from "../../services/invitations.js";
import { canCreateSchools } from "../../services/programmes.js";
import { CONSENT } from "../../flows/ids.js";
import { onAction } from "../buttons.js";
import { setOperatorCommands } from "../commands.js";
import type { BaseContext, BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { replyWithMainMenu, type MainMenus } from "../menus/mainMenu.js";
import { answerRefusal } from "../refusals.js";
import { joinedText } from "../views/start.js";
import { openParentLink } from "./parent.js";
import { isStaffRole } from "../../domain/programme.js";

// /start with or without a deep link, /menu and /help.

export function startFeature(menus: MainMenus, i18n: I18n<BaseContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    if (canCreateSchools(ctx.deps, { userId: ctx.from!.id })) {
      await setOperatorCommands(ctx.api, i18n, ctx.deps.config.defaultLocale, ctx.from!.id).catch((err: unknown) =>
        ctx.log.warn({ err }, "could not set operator commands"),
      );
    }
    const payload = parseStartPayload(ctx.match);
    switch (payload.kind) {
      case "none":
        return replyWithMainMenu(ctx, menus);
      case "malformed":
        return ctx.reply(ctx.t("link-malformed"));
      case "invite":
        return joinByInvitation(ctx, payload.token, menus);
      case "parent":
        return openParentLink(ctx, payload.token);
    }
  });

  feature.command("menu", (ctx) => replyWithMainMenu(ctx, menus));
  feature.command("help", (ctx) => ctx.reply(ctx.t("help")));
  onAction(feature, "menuOpen", async (ctx) => {
    await ctx.answerCallbackQuery();
    await replyWithMainMenu(ctx, menus);
  });
  return feature;
}

async function joinByInvitation(ctx: BotContext, token: string, menus: MainMenus): Promise<void> {
  const joined = await joinByToken(ctx.deps, { userId: ctx.from!.id }, { token });
  if (!joined.ok) return answerRefusal(ctx, joined);
  const { outcome, membership } = joined.value;
  await ctx.reply(joinedText(ctx, joined.value));
  // A participant who just joined goes straight on to consent: nothing personal is asked before it.
  if (outcome === "joined" && !isStaffRole(membership.role)) return enterFlow(ctx, CONSENT, membership._id);
  await replyWithMainMenu(ctx, menus);
}
