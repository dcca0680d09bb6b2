import { INVITATION_DEFAULT_DAYS, USES_CHOICES, expiryFrom, invitationStatus, validateTarget, type InvitationStatus } from "../domain/invitations.js";
import { categoriesFor, type Category, type Role } from "../domain/programme.js";
import type { Invitation } from "../store/invitations.js";
import type { Membership } from "../store/memberships.js";
import { authorize, loadProgramme, type ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { ok, refuse, type Result } from "./result.js";
import { isStaffRole } from "../domain/programme.js";

// Invitations: a curator creates links to a role (and a category, a class), lists and revokes
// them; a person joins a programme by opening one. Only the token's hash is stored; the token
// itself exists once, in the result of `createInvitation`.

/** Invitations on one page of the curator's list. */
export const INVITATIONS_PAGE = 5;

/** A curator's invitation is single-use. */
export const CURATOR_INVITATION_USES = 1;

/** What a person holding a curator's button is refused with when they curate nothing here. */
export const CURATOR_ONLY = "curator-only";

export interface InvitationTarget {
  role: Role;
  category: Category | null;
  grade: number | null;
}

/** The target as the buttons carry it, or null when it makes no sense (a forged or old button). */
export function checkTarget(role: Role, category: Category | null, grade: number | null): InvitationTarget | null {
  const target = { role, category: category ?? undefined, grade: grade && grade > 0 ? grade : undefined };
  if (target.category && !categoriesFor(role).includes(target.category)) return null;
  if (validateTarget(target) !== "ok") return null;
  // A class only for a student.
  if (target.grade !== undefined && target.category !== "student") return null;
  return { role, category: target.category ?? null, grade: target.grade ?? null };
}

/** The curator's programme, or the curator-only refusal. */
export async function authorizeCurator(deps: ServiceDeps, actor: Actor, programmeId: string) {
  const grant = await authorize(deps, actor, { kind: "curator", programmeId });
  return grant.ok ? grant : refuse("not-allowed", CURATOR_ONLY);
}

/** Whether the actor curates this programme (for showing its buttons). */
export async function curatorView(deps: ServiceDeps, actor: Actor, input: { programmeId: string }): Promise<Result<ProgrammeView>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  return ok({ programme: grant.value.programme, school: grant.value.school });
}

export interface CreatedInvitation {
  view: ProgrammeView;
  invitation: Invitation;
  /** The token: shown once, never stored. */
  token: string;
}

/** Creates an invitation; the caller shows its link once. */
export async function createInvitation(
  deps: ServiceDeps,
  actor: Actor,
  input: { programmeId: string; role: Role; category: Category | null; grade: number | null; uses: number },
): Promise<Result<CreatedInvitation>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const target = checkTarget(input.role, input.category, input.grade);
  if (!target || !(USES_CHOICES as readonly number[]).includes(input.uses)) return refuse("stale");
  // A curator's invitation admits one person: curators are chosen one by one.
  if (isStaffRole(target.role) && input.uses !== CURATOR_INVITATION_USES) return refuse("rule", "invite-curator-single");
  const now = deps.clock();
  const { invitation, token } = await deps.store.invitations.create(
    { programmeId: input.programmeId, ...target, createdBy: actor.userId, expiresAt: expiryFrom(now, INVITATION_DEFAULT_DAYS), maxUses: input.uses },
    now,
  );
  deps.logger.info({ invitationId: invitation._id, programmeId: input.programmeId, role: invitation.role }, "invitation created");
  return ok({ view: { programme: grant.value.programme, school: grant.value.school }, invitation, token });
}

export interface InvitationItem {
  /** Its number in the whole list, from 1. */
  n: number;
  invitation: Invitation;
  status: InvitationStatus;
}

export interface InvitationPage {
  view: ProgrammeView;
  total: number;
  page: number;
  pages: number;
  /** 1-based positions of the first and last shown (0 and 0 when none). */
  from: number;
  to: number;
  items: InvitationItem[];
}

export async function listInvitations(deps: ServiceDeps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<InvitationPage>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const { invitations } = deps.store;
  const total = await invitations.countForProgramme(input.programmeId);
  const pages = Math.max(1, Math.ceil(total / INVITATIONS_PAGE));
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const now = deps.clock();
  const found = await invitations.listForProgramme(input.programmeId, INVITATIONS_PAGE, page * INVITATIONS_PAGE);
  const items = found.map((invitation, i) => ({ n: page * INVITATIONS_PAGE + i + 1, invitation, status: invitationStatus(invitation, now) }));
  const from = items.length ? page * INVITATIONS_PAGE + 1 : 0;
  return ok({ view: { programme: grant.value.programme, school: grant.value.school }, total, page, pages, from, to: from ? from + items.length - 1 : 0, items });
}

/** Revokes an invitation of this programme; `revoked` is false when it already was. */
export async function revokeInvitation(deps: ServiceDeps, actor: Actor, input: { programmeId: string; invitationId: string }): Promise<Result<{ revoked: boolean }>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const invitation = await deps.store.invitations.get(input.invitationId);
  if (!invitation || invitation.programmeId !== input.programmeId) return refuse("not-found");
  const revoked = await deps.store.invitations.revoke(input.invitationId, input.programmeId, actor.userId, deps.clock());
  if (revoked) deps.logger.info({ invitationId: input.invitationId }, "invitation revoked");
  return ok({ revoked });
}

/** Why a link cannot be used: the message keys. */
export const LINK_PROBLEM_KEYS = {
  unknown: "link-unknown",
  expired: "link-expired",
  revoked: "link-revoked",
  "used-up": "link-used-up",
} as const;

export interface Joined {
  /** "joined": a new membership; "already": the person held this role already, no place spent. */
  outcome: "joined" | "already";
  view: ProgrammeView;
  membership: Membership;
}

/**
 * Joins the programme of the invitation with this token. The token is the authority here: whoever
 * holds a usable link may join, once per role; the last place goes to exactly one person.
 */
export async function joinByToken(deps: ServiceDeps, actor: Actor, input: { token: string }): Promise<Result<Joined>> {
  const { store } = deps;
  const found = await store.invitations.lookup(input.token);
  const view = found && (await loadProgramme(deps, found.programmeId));
  if (!found || !view) return refuse("rule", LINK_PROBLEM_KEYS.unknown);

  // Opening the same link again must not spend a place.
  const existing = await store.memberships.find(actor.userId, found.programmeId, found.role);
  if (existing) return ok({ outcome: "already", view, membership: existing });

  const now = deps.clock();
  const redeemed = await store.invitations.redeem(found, actor.userId, now);
  if (!redeemed.ok) return refuse("rule", LINK_PROBLEM_KEYS[redeemed.reason === "usable" ? "unknown" : redeemed.reason]);
  const invitation = redeemed.invitation;
  const membership = await store.memberships.add(
    { userId: actor.userId, programmeId: invitation.programmeId, role: invitation.role, category: invitation.category, grade: invitation.grade, invitationId: invitation._id },
    now,
  );
  if (!membership) {
    // Lost a race with the same person's other tap: give the place back.
    await store.invitations.releasePlace(redeemed.place);
    const again = await store.memberships.find(actor.userId, invitation.programmeId, invitation.role);
    if (!again) return refuse("stale");
    return ok({ outcome: "already", view, membership: again });
  }
  deps.logger.info({ programmeId: invitation.programmeId, role: invitation.role, invitationId: invitation._id }, "joined by invitation");
  return ok({ outcome: "joined", view, membership });
}
