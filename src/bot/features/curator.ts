import { Composer, InlineKeyboard, InputFile } from "grammy";
import {
  INVITATION_DEFAULT_DAYS,
  expiryFrom,
  invitationStatus,
  inviteLink,
  validateTarget,
  type InvitationTarget,
} from "../../domain/invitations.js";
import { CATEGORIES, ROLES, categoriesFor, type Category, type Role } from "../../domain/programme.js";
import type { Invitation } from "../../store/invitations.js";
import type { Membership } from "../../store/memberships.js";
import { curatedProgramme, curatorButton, refuse, type ProgrammeView } from "../access.js";
import { ID, cb } from "../callbacks.js";
import type { BaseContext, BotContext } from "../context.js";
import { categoryLabel, categorySuffix, formatDate, formsLabel, roleLabel } from "../labels.js";
import { qrPng } from "../qr.js";
import { showScreen } from "../screen.js";

// The curator's panel: the programme at a glance, invitations (create, list, revoke, QR).

export const USES_CHOICES = [1, 5, 30, 100] as const;
const PAGE_SIZE = 5;

export async function curatorPanel(ctx: BaseContext, view: ProgrammeView): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const members = await ctx.deps.store.memberships.ofProgramme(view.programme._id);
  const count = (role: Role) => members.filter((m) => m.role === role).length;
  const text = ctx.t("curator-panel", {
    school: view.school.name,
    year: view.programme.academicYear,
    forms: formsLabel(ctx.t, view.programme.forms),
    curators: count("curator"),
    mentors: count("mentor"),
    mentees: count("mentee"),
  });
  const pid = view.programme._id;
  const keyboard = new InlineKeyboard()
    .text(ctx.t("curator-invite"), cb("cur", "inv", pid))
    .text(ctx.t("curator-invitations"), cb("cur", "list", pid, 0))
    .row()
    .text(ctx.t("curator-bases"), cb("bb", pid))
    .row()
    .text(ctx.t("curator-pairs"), cb("pp", pid))
    .row()
    .text(ctx.t("to-menu"), "menu");
  return { text, keyboard };
}

export async function openCuratorPanel(ctx: BotContext, membership: Membership): Promise<void> {
  const view = await curatedProgramme(ctx, membership.programmeId);
  if (!view) return void (await ctx.reply(ctx.t("curator-only")));
  const panel = await curatorPanel(ctx, view);
  await ctx.reply(panel.text, { reply_markup: panel.keyboard });
}

function parseTarget(role: string, category: string, grade: string): InvitationTarget | null {
  if (!(ROLES as readonly string[]).includes(role)) return null;
  const cat = category === "-" ? undefined : category;
  if (cat !== undefined && !(CATEGORIES as readonly string[]).includes(cat)) return null;
  const g = Number(grade);
  const target: InvitationTarget = { role: role as Role, category: cat as Category | undefined, grade: g > 0 ? g : undefined };
  if (target.category && !categoriesFor(target.role).includes(target.category)) return null;
  return validateTarget(target) === "ok" ? target : null;
}

function invitationLabel(ctx: BaseContext, inv: Pick<Invitation, "role" | "category" | "grade">) {
  return { role: roleLabel(ctx.t, inv.role), category: categorySuffix(ctx.t, inv) };
}

export function curatorFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** Runs a curator action after checking, from the store, that the person curates this programme. */
  const asCurator = (pattern: RegExp, action: Parameters<typeof curatorButton>[2]) => curatorButton(feature, pattern, action);

  const edit = (ctx: BotContext, text: string, keyboard: InlineKeyboard) => showScreen(ctx, { text, keyboard });

  asCurator(new RegExp(`^cur:panel:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    const panel = await curatorPanel(ctx, view);
    await edit(ctx, panel.text, panel.keyboard);
  });

  // Step 1: the role.
  asCurator(new RegExp(`^cur:inv:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    const pid = view.programme._id;
    const kb = new InlineKeyboard();
    for (const role of ROLES) kb.text(roleLabel(ctx.t, role), role === "curator" ? cb("cur", "use", pid, role, "-", 0) : cb("cur", "role", pid, role)).row();
    kb.text(ctx.t("back"), cb("cur", "panel", pid));
    await edit(ctx, ctx.t("invite-choose-role"), kb);
  });

  // Step 2: the category (mentors and mentees).
  asCurator(new RegExp(`^cur:role:${ID}:(mentor|mentee)$`), async (ctx, view, m) => {
    await ctx.answerCallbackQuery();
    const pid = view.programme._id;
    const role = m[2] as Role;
    const kb = new InlineKeyboard();
    for (const category of categoriesFor(role)) {
      const next = category === "student" ? cb("cur", "grade", pid, role) : cb("cur", "use", pid, role, category, 0);
      kb.text(categoryLabel(ctx.t, category, null), next).row();
    }
    kb.text(ctx.t("back"), cb("cur", "inv", pid));
    await edit(ctx, ctx.t("invite-choose-category", { role: roleLabel(ctx.t, role).toLowerCase() }), kb);
  });

  // Step 2b: the class of a student.
  asCurator(new RegExp(`^cur:grade:${ID}:(mentor|mentee)$`), async (ctx, view, m) => {
    await ctx.answerCallbackQuery();
    const pid = view.programme._id;
    const kb = new InlineKeyboard();
    for (let grade = 1; grade <= 11; grade++) {
      kb.text(String(grade), cb("cur", "use", pid, m[2]!, "student", grade));
      if (grade % 4 === 0) kb.row();
    }
    kb.row().text(ctx.t("back"), cb("cur", "role", pid, m[2]!));
    await edit(ctx, ctx.t("invite-choose-grade"), kb);
  });

  // Step 3: how many people may use the link.
  asCurator(new RegExp(`^cur:use:${ID}:(\\w+):([\\w-]+):(\\d{1,2})$`), async (ctx, view, m) => {
    const target = parseTarget(m[2]!, m[3]!, m[4]!);
    if (!target) return refuse(ctx, "button-stale");
    await ctx.answerCallbackQuery();
    const pid = view.programme._id;
    const kb = new InlineKeyboard();
    for (const uses of USES_CHOICES) {
      kb.text(uses === 1 ? ctx.t("invite-uses-one") : ctx.t("invite-uses-n", { n: uses }), cb("cur", "mk", pid, m[2]!, m[3]!, m[4]!, uses));
    }
    kb.row().text(ctx.t("back"), cb("cur", "inv", pid));
    await edit(ctx, ctx.t("invite-choose-uses"), kb);
  });

  // Step 4: create; the link is shown once, with its QR code, and only its hash is kept.
  asCurator(new RegExp(`^cur:mk:${ID}:(\\w+):([\\w-]+):(\\d{1,2}):(\\d{1,3})$`), async (ctx, view, m) => {
    const target = parseTarget(m[2]!, m[3]!, m[4]!);
    const uses = Number(m[5]);
    if (!target || !(USES_CHOICES as readonly number[]).includes(uses)) return refuse(ctx, "button-stale");
    await ctx.answerCallbackQuery();
    const now = ctx.deps.clock();
    const { invitation, token } = await ctx.deps.store.invitations.create(
      {
        programmeId: view.programme._id,
        role: target.role,
        category: target.category ?? null,
        grade: target.grade ?? null,
        createdBy: ctx.from!.id,
        expiresAt: expiryFrom(now, INVITATION_DEFAULT_DAYS),
        maxUses: uses,
      },
      now,
    );
    ctx.log.info({ invitationId: invitation._id, role: invitation.role }, "invitation created");
    await sendInvitation(ctx, view, invitation, token);
  });

  asCurator(new RegExp(`^cur:list:${ID}:(\\d{1,4})$`), async (ctx, view, m) => {
    await ctx.answerCallbackQuery();
    const list = await invitationList(ctx, view, Number(m[2]));
    await edit(ctx, list.text, list.keyboard);
  });

  asCurator(new RegExp(`^cur:rev:${ID}:${ID}:(\\d{1,4})$`), async (ctx, view, m) => {
    const revoked = await ctx.deps.store.invitations.revoke(m[2]!, view.programme._id, ctx.from!.id, ctx.deps.clock());
    await ctx.answerCallbackQuery({ text: ctx.t(revoked ? "invite-revoked" : "invite-already-revoked") });
    if (revoked) ctx.log.info({ invitationId: m[2] }, "invitation revoked");
    const list = await invitationList(ctx, view, Number(m[3]));
    await edit(ctx, list.text, list.keyboard).catch(() => {});
  });

  // Any other curator button (forged or from an older version of the bot).
  feature.callbackQuery(/^cur:/, (ctx) => refuse(ctx, "button-stale"));
  return feature;
}

/** Sends a new invitation's link and its QR code picture. Used by operators for a school's first curator too. */
export async function sendInvitation(ctx: BaseContext, view: ProgrammeView, invitation: Invitation, token: string): Promise<void> {
  const link = inviteLink(ctx.me.username, token);
  const labels = invitationLabel(ctx, invitation);
  const locale = await ctx.i18n.getLocale();
  await ctx.reply(
    ctx.t("invite-created", {
      ...labels,
      school: view.school.name,
      year: view.programme.academicYear,
      expires: formatDate(invitation.expiresAt, locale, view.school.timeZone),
      uses: invitation.maxUses,
      link,
    }),
    { link_preview_options: { is_disabled: true } },
  );
  await ctx.replyWithPhoto(new InputFile(await qrPng(link), "invitation-qr.png"), {
    caption: ctx.t("invite-qr-caption", { ...labels, school: view.school.name }),
  });
}

async function invitationList(ctx: BaseContext, view: ProgrammeView, page: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const { invitations } = ctx.deps.store;
  const pid = view.programme._id;
  const total = await invitations.countForProgramme(pid);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const items = await invitations.listForProgramme(pid, PAGE_SIZE, current * PAGE_SIZE);
  const locale = await ctx.i18n.getLocale();
  const now = ctx.deps.clock();
  const keyboard = new InlineKeyboard();
  const lines = items.map((inv, i) => {
    const n = current * PAGE_SIZE + i + 1;
    const status = invitationStatus(inv, now);
    if (status === "usable") keyboard.text(ctx.t("invite-revoke-button", { n }), cb("cur", "rev", pid, inv._id, current)).row();
    return ctx.t("invite-list-item", {
      n,
      ...invitationLabel(ctx, inv),
      status: ctx.t(`invite-status-${status}`),
      used: inv.maxUses - inv.remainingUses,
      max: inv.maxUses,
      expires: formatDate(inv.expiresAt, locale, view.school.timeZone),
    });
  });
  if (pages > 1) {
    if (current > 0) keyboard.text(ctx.t("invite-prev"), cb("cur", "list", pid, current - 1));
    if (current < pages - 1) keyboard.text(ctx.t("invite-next"), cb("cur", "list", pid, current + 1));
    keyboard.row();
  }
  keyboard.text(ctx.t("back"), cb("cur", "panel", pid));
  const text = total === 0 ? ctx.t("invite-list-empty") : [ctx.t("invite-list-title", { total }), ...lines].join("\n");
  return { text, keyboard };
}
