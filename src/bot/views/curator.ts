import { addPager, pageCount as sharedPageCount } from "./paging.js";
import { InlineKeyboard, InputFile } from "grammy";
import { USES_CHOICES, inviteLink } from "../../domain/invitations.js";
import { MAX_GRADE, MIN_GRADE, ROLES, categoriesFor, type Category, type Role } from "../../domain/programme.js";
import type { ProgrammeView } from "../../services/access.js";
import type { InvitationPage } from "../../services/invitations.js";
import type { ProgrammeOverview } from "../../services/programmes.js";
import type { Invitation } from "../../store/invitations.js";
import type { Action } from "../../services/actions/index.js";
import { pack, addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { categoryLabel, categorySuffix, formatDate, formsLabel, roleLabel } from "../labels.js";
import { qrPng } from "../qr.js";
import type { Screen } from "../screen.js";
import { isStaffRole } from "../../domain/programme.js";

// The curator's panel and the invitation screens: texts and keyboards in one place.

/** Where a page is among the pages: «1–20 из 143». */
export interface PageSpot {
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
}

/** The count line of a page (the shared pager, views/paging.ts). */
export const pageCount = sharedPageCount;

/** The pager row, only when there is more than one page; ends the row (views/paging.ts). */
export const pagerRow = (ctx: BaseContext, keyboard: InlineKeyboard, p: Pick<PageSpot, "page" | "pages">, at: (page: number) => Action): InlineKeyboard => addPager(keyboard, ctx, p, at);

export function curatorPanelScreen(ctx: BaseContext, o: ProgrammeOverview): Screen {
  const text = ctx.t("curator-panel", {
    school: o.school.name,
    year: o.programme.academicYear,
    forms: formsLabel(ctx.t, o.programme.forms),
    curators: o.counts.curator,
    mentors: o.counts.mentor,
    mentees: o.counts.mentee,
  });
  const programmeId = o.programme._id;
  const keyboard = new InlineKeyboard();
  addButton(keyboard, ctx.t("curator-invite"), { type: "invitationStart", programmeId });
  addButton(keyboard, ctx.t("curator-invitations"), { type: "invitationList", programmeId, page: 0 }).row();
  addButton(keyboard, ctx.t("curator-bases"), { type: "basesOpen", programmeId }).row();
  addButton(keyboard, ctx.t("curators-button"), { type: "curatorsList", programmeId, page: 0 });
  addButton(keyboard, ctx.t("audit-button"), { type: "auditList", programmeId, page: 0 }).row();
  // The pairs' screen belongs to the pairs capability; its action is not in the table yet.
  keyboard.text(ctx.t("curator-pairs"), pack({ type: "pairsHome", programmeId })).row();
  addButton(keyboard, ctx.t("curator-roadmap"), { type: "roadmapOpen", programmeId }).row();
  addButton(keyboard, ctx.t("curator-monthly"), { type: "monthlyStatus", programmeId, month: "now", page: 0 });
  addButton(keyboard, ctx.t("curator-finals"), { type: "finalList", programmeId, page: 0 }).row();
  addButton(keyboard, ctx.t("common-menu"), { type: "menuOpen" });
  return { text, keyboard };
}

/** Step 1: the role. */
export function inviteRoleScreen(ctx: BaseContext, programmeId: string): Screen {
  const keyboard = new InlineKeyboard();
  for (const role of ROLES) {
    const label = roleLabel(ctx.t, role);
    // A curator's or a director's invitation is personal: one use, no choice.
    if (isStaffRole(role)) addButton(keyboard, label, { type: "invitationCreate", programmeId, role, category: "-", grade: 0, uses: 1 });
    else addButton(keyboard, label, { type: "invitationRole", programmeId, role });
    keyboard.row();
  }
  addButton(keyboard, ctx.t("common-back"), { type: "curatorPanel", programmeId });
  return { text: ctx.t("invite-choose-role"), keyboard };
}

/** Step 2: the category of a mentor or mentee. */
export function inviteCategoryScreen(ctx: BaseContext, programmeId: string, role: "mentor" | "mentee"): Screen {
  const keyboard = new InlineKeyboard();
  for (const category of categoriesFor(role)) {
    const label = categoryLabel(ctx.t, category, null);
    if (category === "student") addButton(keyboard, label, { type: "invitationGrade", programmeId, role });
    else addButton(keyboard, label, { type: "invitationUses", programmeId, role, category, grade: 0 });
    keyboard.row();
  }
  addButton(keyboard, ctx.t("common-back"), { type: "invitationStart", programmeId });
  return { text: ctx.t("invite-choose-category", { role: roleLabel(ctx.t, role).toLowerCase() }), keyboard };
}

/** Step 2b: the class of a student. */
export function inviteGradeScreen(ctx: BaseContext, programmeId: string, role: "mentor" | "mentee"): Screen {
  const keyboard = new InlineKeyboard();
  for (let grade = MIN_GRADE; grade <= MAX_GRADE; grade++) {
    addButton(keyboard, String(grade), { type: "invitationUses", programmeId, role, category: "student", grade });
    if (grade % 4 === 0) keyboard.row();
  }
  keyboard.row();
  addButton(keyboard, ctx.t("common-back"), { type: "invitationRole", programmeId, role });
  return { text: ctx.t("invite-choose-grade"), keyboard };
}

/** Step 3: how many people may use the link. */
export function inviteUsesScreen(ctx: BaseContext, programmeId: string, target: { role: Role; category: Category | "-"; grade: number }): Screen {
  const keyboard = new InlineKeyboard();
  for (const uses of USES_CHOICES) {
    addButton(keyboard, uses === 1 ? ctx.t("invite-uses-one") : ctx.t("invite-uses-n", { n: uses }), { type: "invitationCreate", programmeId, ...target, uses });
  }
  keyboard.row();
  addButton(keyboard, ctx.t("common-back"), { type: "invitationStart", programmeId });
  return { text: ctx.t("invite-choose-uses"), keyboard };
}

function invitationLabel(ctx: BaseContext, inv: Pick<Invitation, "role" | "category" | "grade">) {
  return { role: roleLabel(ctx.t, inv.role), category: categorySuffix(ctx.t, inv) };
}

/** Sends a new invitation's link and its QR code picture (the link is shown this once). */
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

export async function invitationListScreen(ctx: BaseContext, list: InvitationPage): Promise<Screen> {
  const programmeId = list.view.programme._id;
  const locale = await ctx.i18n.getLocale();
  const keyboard = new InlineKeyboard();
  const lines = list.items.map(({ n, invitation, status }) => {
    if (status === "usable") addButton(keyboard, ctx.t("invite-revoke-button", { n }), { type: "invitationRevoke", programmeId, invitationId: invitation._id, page: list.page }).row();
    return ctx.t("invite-list-item", {
      n,
      ...invitationLabel(ctx, invitation),
      status: ctx.t(`invite-status-${status}`),
      used: invitation.maxUses - invitation.remainingUses,
      max: invitation.maxUses,
      expires: formatDate(invitation.expiresAt, locale, list.view.school.timeZone),
    });
  });
  pagerRow(ctx, keyboard, list, (page) => ({ type: "invitationList", programmeId, page }));
  addButton(keyboard, ctx.t("common-back"), { type: "curatorPanel", programmeId });
  const text = list.total === 0 ? ctx.t("invite-list-empty") : [ctx.t("invite-list-title", { total: list.total }), pageCount(ctx, list), ...lines].join("\n");
  return { text, keyboard };
}

