import { Composer } from "grammy";
import * as invitations from "../../services/invitations.js";
import { programmeOverview } from "../../services/programmes.js";
import { refuse } from "../../services/result.js";
import type { Membership } from "../../store/memberships.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import {
  curatorPanelScreen,
  invitationListScreen,
  inviteCategoryScreen,
  inviteGradeScreen,
  inviteRoleScreen,
  inviteUsesScreen,
  sendInvitation,
} from "../views/curator.js";

// The curator's panel: the programme at a glance, invitations (create, list, revoke, QR).

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

/** Opens the curator's panel as a new message (from the main menu). */
export async function openCuratorPanel(ctx: BotContext, membership: Membership): Promise<void> {
  const overview = await programmeOverview(ctx.deps, actor(ctx), { programmeId: membership.programmeId });
  if (!overview.ok) return answerRefusal(ctx, overview);
  const panel = curatorPanelScreen(ctx, overview.value);
  await ctx.reply(panel.text, { reply_markup: panel.keyboard });
}

export function curatorFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "curatorPanel", async (ctx, a) => {
    const overview = await programmeOverview(ctx.deps, actor(ctx), a);
    if (!overview.ok) return answerRefusal(ctx, overview);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, curatorPanelScreen(ctx, overview.value));
  });

  // The steps before creating only show choices; each still checks the curator.
  onAction(feature, "invitationStart", async (ctx, a) => {
    const checked = await invitations.curatorView(ctx.deps, actor(ctx), a);
    if (!checked.ok) return answerRefusal(ctx, checked);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, inviteRoleScreen(ctx, a.programmeId));
  });

  onAction(feature, "invitationRole", async (ctx, a) => {
    const checked = await invitations.curatorView(ctx.deps, actor(ctx), a);
    if (!checked.ok) return answerRefusal(ctx, checked);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, inviteCategoryScreen(ctx, a.programmeId, a.role));
  });

  onAction(feature, "invitationGrade", async (ctx, a) => {
    const checked = await invitations.curatorView(ctx.deps, actor(ctx), a);
    if (!checked.ok) return answerRefusal(ctx, checked);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, inviteGradeScreen(ctx, a.programmeId, a.role));
  });

  onAction(feature, "invitationUses", async (ctx, a) => {
    const checked = await invitations.curatorView(ctx.deps, actor(ctx), a);
    if (!checked.ok) return answerRefusal(ctx, checked);
    if (!invitations.checkTarget(a.role, a.category === "-" ? null : a.category, a.grade)) return answerRefusal(ctx, refuse("stale"));
    await ctx.answerCallbackQuery();
    await showScreen(ctx, inviteUsesScreen(ctx, a.programmeId, { role: a.role, category: a.category, grade: a.grade }));
  });

  // Create: the link is shown once, with its QR code; only its hash is kept.
  onAction(feature, "invitationCreate", async (ctx, a) => {
    const created = await invitations.createInvitation(ctx.deps, actor(ctx), {
      programmeId: a.programmeId,
      role: a.role,
      category: a.category === "-" ? null : a.category,
      grade: a.grade > 0 ? a.grade : null,
      uses: a.uses,
    });
    if (!created.ok) return answerRefusal(ctx, created);
    await ctx.answerCallbackQuery();
    await sendInvitation(ctx, created.value.view, created.value.invitation, created.value.token);
  });

  onAction(feature, "invitationList", async (ctx, a) => {
    const list = await invitations.listInvitations(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await invitationListScreen(ctx, list.value));
  });

  onAction(feature, "invitationRevoke", async (ctx, a) => {
    const revoked = await invitations.revokeInvitation(ctx.deps, actor(ctx), a);
    if (!revoked.ok) return answerRefusal(ctx, revoked);
    await ctx.answerCallbackQuery({ text: ctx.t(revoked.value.revoked ? "invite-revoked" : "invite-already-revoked") });
    const list = await invitations.listInvitations(ctx.deps, actor(ctx), a);
    if (list.ok) await showScreen(ctx, await invitationListScreen(ctx, list.value)).catch(() => {});
  });

  return feature;
}
