import { CONSENT_VERSION, PARENT_LINK_DAYS, type IntakeStatus } from "../domain/consent.js";
import { expiryFrom } from "../domain/invitations.js";
import type { Membership } from "../store/memberships.js";
import type { AppDeps, BotDeps } from "./context.js";
import { closePairsOf } from "../services/pairs.js";

// The steps of intake that several features share: consent given, declined, withdrawn.
// Each step is an append to the consent history plus one conditional update of the membership.

export interface ConsentDecision {
  membership: Membership;
  relation: "self" | "parent";
  method: "bot" | "paper";
  givenBy: number | null;
  recordedBy?: number | null;
  signedBy?: string | null;
  signedOn?: Date | null;
}

/** Consent accepted: the person may fill the questionnaire. Null when the step was already taken. */
export function acceptConsent(deps: BotDeps, d: ConsentDecision, from: readonly IntakeStatus[]): Promise<Membership | null> {
  return decide(deps, d, from, "accepted");
}

/** Consent declined: only the fact is kept; the curator sees "declined". */
export function declineConsent(deps: BotDeps, d: ConsentDecision, from: readonly IntakeStatus[]): Promise<Membership | null> {
  return decide(deps, d, from, "declined");
}

async function decide(deps: BotDeps, d: ConsentDecision, from: readonly IntakeStatus[], decision: "accepted" | "declined"): Promise<Membership | null> {
  const now = deps.clock();
  const moved = await deps.store.memberships.moveIntake(d.membership._id, from, decision === "accepted" ? "questionnaire" : "declined", now);
  if (!moved) return null;
  await deps.store.consents.add({
    userId: d.membership.userId,
    programmeId: d.membership.programmeId,
    membershipId: d.membership._id,
    relation: d.relation,
    decision,
    method: d.method,
    givenBy: d.givenBy,
    textVersion: CONSENT_VERSION,
    at: now,
    recordedBy: d.recordedBy ?? null,
    signedBy: d.signedBy ?? null,
    signedOn: d.signedOn ?? null,
  });
  return moved;
}

/** A minor's link for a parent; the child waits for the parent from now on. */
export async function issueParentLink(deps: BotDeps, membership: Membership): Promise<string> {
  const now = deps.clock();
  await deps.store.memberships.moveIntake(membership._id, ["invited", "declined", "parent"], "parent", now);
  const { token } = await deps.store.parentLinks.create(
    { membershipId: membership._id, programmeId: membership.programmeId, childId: membership.userId, expiresAt: expiryFrom(now, PARENT_LINK_DAYS) },
    now,
  );
  return token;
}

/**
 * Consent withdrawn: the person's answers, consent history, parent links and roles as a
 * participant of the programme are deleted; an anonymous record of the withdrawal stays.
 * Returns the removed memberships (for telling the curator what kind of participant left).
 */
export async function withdrawConsent(deps: AppDeps, userId: number, programmeId: string, relation: "self" | "parent"): Promise<Membership[]> {
  const now = deps.clock();
  const { store } = deps;
  const memberships = (await store.memberships.ofUser(userId)).filter((m) => m.programmeId === programmeId && m.role !== "curator");
  for (const m of memberships) {
    await closePairsOf(deps, m);
    await store.preferences.forgetMembership(m._id);
    await store.profiles.delete(m._id);
    await store.parentLinks.forgetMembership(m._id);
    await store.memberships.remove(m._id);
  }
  await store.consents.forget(userId, programmeId);
  await store.pairEvents.anonymise(userId, programmeId);
  // An open conversation keeps what was typed in it: it goes too.
  await store.conversations.delete(`conv:${userId}`);
  // The place they took on their invitation link holds their id: it goes too.
  for (const m of memberships) {
    const invitation = m.invitationId ? await store.invitations.get(m.invitationId) : null;
    if (invitation) await store.invitations.release(invitation, userId);
  }
  await store.consents.add({
    userId: null,
    programmeId,
    membershipId: null,
    relation,
    decision: "withdrawn",
    method: "bot",
    givenBy: null,
    textVersion: CONSENT_VERSION,
    at: now,
  });
  return memberships;
}
