import { Composer } from "grammy";
import { parseStartPayload } from "../../domain/invitations.js";
import type { Invitation } from "../../store/invitations.js";
import { loadProgramme } from "../access.js";
import { setOperatorCommands } from "../commands.js";
import type { BotContext } from "../context.js";
import { categorySuffix, roleAccusative, roleLabel } from "../labels.js";
import { replyWithMainMenu, type MainMenus } from "../menus/main.js";
import type { I18n } from "@grammyjs/i18n";
import type { BaseContext } from "../context.js";
import { CONSENT } from "../../flows/ids.js";
import { openParentLink } from "./parent.js";
import { enterFlow } from "../flow.js";

// /start with or without a deep link, /menu and /help.

const LINK_PROBLEM_KEYS = {
  unknown: "link-unknown",
  expired: "link-expired",
  revoked: "link-revoked",
  "used-up": "link-used-up",
} as const;

export function startFeature(menus: MainMenus, i18n: I18n<BaseContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command("start", async (ctx) => {
    if (ctx.deps.config.operatorIds.includes(ctx.from?.id ?? -1)) {
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
  feature.callbackQuery("menu", async (ctx) => {
    await ctx.answerCallbackQuery();
    await replyWithMainMenu(ctx, menus);
  });
  return feature;
}

async function joinByInvitation(ctx: BotContext, token: string, menus: MainMenus): Promise<void> {
  const { store } = ctx.deps;
  const userId = ctx.from!.id;
  const now = ctx.deps.clock();

  const found = await store.invitations.findByToken(token);
  if (!found) {
    await ctx.reply(ctx.t("link-unknown"));
    return;
  }
  const view = await loadProgramme(ctx, found.programmeId);
  if (!view) {
    await ctx.reply(ctx.t("link-unknown"));
    return;
  }
  const names = { school: view.school.name, year: view.programme.academicYear };

  // Opening the same link again must not spend a place.
  if (await store.memberships.has(userId, found.programmeId, found.role)) {
    await ctx.reply(ctx.t("link-already-member", { ...names, role: roleLabel(ctx.t, found.role) }));
    return replyWithMainMenu(ctx, menus);
  }

  const redeemed = await store.invitations.redeem(token, userId, now);
  if (!redeemed.ok) {
    await ctx.reply(ctx.t(LINK_PROBLEM_KEYS[redeemed.reason === "usable" ? "unknown" : redeemed.reason]));
    return;
  }
  const invitation: Invitation = redeemed.invitation;
  const membership = await store.memberships.add(
    {
      userId,
      programmeId: invitation.programmeId,
      role: invitation.role,
      category: invitation.category,
      grade: invitation.grade,
      invitationId: invitation._id,
    },
    now,
  );
  if (!membership) {
    // Lost a race with the same person's other tap: give the place back.
    await store.invitations.release(invitation, userId);
    await ctx.reply(ctx.t("link-already-member", { ...names, role: roleLabel(ctx.t, invitation.role) }));
    return replyWithMainMenu(ctx, menus);
  }
  ctx.log.info({ programmeId: invitation.programmeId, role: invitation.role, invitationId: invitation._id }, "joined by invitation");

  if (invitation.role === "curator") {
    await ctx.reply(ctx.t("link-welcome-curator", names));
    return replyWithMainMenu(ctx, menus);
  }
  // A participant goes straight on to consent: nothing personal is asked before it.
  await ctx.reply(ctx.t("link-welcome-participant", { ...names, role: roleAccusative(ctx.t, invitation.role), category: categorySuffix(ctx.t, invitation) }));
  await enterFlow(ctx, CONSENT, membership._id);
}
