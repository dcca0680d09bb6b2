import { schoolToday } from "../domain/dates.js";
import { CONSENT_VERSION, PARENT_LINK_DAYS, needsParent, parsePaperDate, type IntakeStatus } from "../domain/consent.js";
import { expiryFrom } from "../domain/invitations.js";
import type { Category, Role } from "../domain/programme.js";
import { claimKeys } from "../store/claimKeys.js";
import type { Membership } from "../store/memberships.js";
import { authorize } from "./access.js";
import * as audit from "./audit.js";
import type { Action } from "./actions/index.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { msg, tellCurators, type NoticeButton, type NoticeVar } from "./notices.js";
import { closePairsOf } from "./pairs.js";
import { personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";
import { isStaffRole } from "../domain/programme.js";

// Consent to the processing of personal data (152-ФЗ): an adult decides for themselves; a minor
// gets a link for a parent, who opens it and decides; a curator records a consent signed on
// paper; consent is withdrawn by the person or by the parent who gave it.
//
// People race for these steps (two taps, a parent's tap and the curator's paper consent at the
// same moment). A conditional update is no guard on FerretDB, so every step that moves a
// person's intake runs under the membership's intake claim: one step at a time, and each step
// reads the status afresh inside it, so the later one sees the earlier one's result.

/**
 * Runs `work` as the membership's one intake step at a time (consent given or declined, a parent
 * link issued, a paper consent, the questionnaire submitted, a withdrawal), so racing steps see
 * each other's result. A lock of its own, not the membership's: a withdrawal closes pairs under
 * it, and a pair's flows write memberships under the pair's lock (the same lock taken in the
 * other order would deadlock). In the locks collection, which holds only the locks held.
 */
export async function underIntakeClaim<T>(deps: ServiceDeps, membershipId: string, work: () => Promise<T>): Promise<T> {
  return deps.store.claims.withLock(claimKeys.intakeStep(membershipId), work);
}

const busy = () => refuse("stale", "intake-busy");

/**
 * Who a person is in the programme, as the locales' `who-nom` / `who-gen` select it: whole
 * phrases in the right case per role and category («педагог-наставник», «наставляемого — ученика
 * 7 класса»), never a role and a category glued together in code.
 */
export const whoOf = (m: Pick<Membership, "role" | "category" | "grade">): { role: Role; category: Category | "none"; grade: number } => ({
  role: m.role,
  category: m.category ?? "none",
  grade: m.grade ?? 0,
});

/** The same, as a notice's variables. */
export const whoVars = (m: Pick<Membership, "role" | "category" | "grade">): Record<string, NoticeVar> => whoOf(m);

/** The button that opens a participant's questionnaire. */
export const questionnaireButton = (membershipId: string): NoticeButton[][] => [
  [{ label: msg("questionnaire-start"), action: { type: "participantStep", step: "q", membershipId } satisfies Action }],
];

interface Decision {
  relation: "self" | "parent";
  method: "bot" | "paper";
  givenBy: number | null;
  recordedBy?: number | null;
  signedBy?: string | null;
  signedOn?: Date | null;
}

/**
 * Moves the intake from one of `from` on a decision and appends it to the consent history.
 * Call under the intake claim. Null when the person is not at one of those steps (any more).
 */
async function decide(deps: ServiceDeps, membershipId: string, from: readonly IntakeStatus[], decision: "accepted" | "declined", d: Decision): Promise<Membership | null> {
  const now = deps.clock();
  const m = await deps.store.memberships.get(membershipId);
  if (!m || m.intake === null || !from.includes(m.intake)) return null;
  const moved = await deps.store.memberships.moveIntake(m._id, from, decision === "accepted" ? "questionnaire" : "declined", now);
  if (!moved) return null;
  await deps.store.consents.add({
    userId: m.userId,
    programmeId: m.programmeId,
    membershipId: m._id,
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
  deps.logger.info({ membershipId: m._id, decision, relation: d.relation, method: d.method }, "consent decision recorded");
  return moved;
}

/** What the consent conversation shows: who is asked, for which school, and whether to ask the age. */
export interface ConsentStart {
  membershipId: string;
  /** The status the consent is asked at (invited, or declined before). */
  intake: IntakeStatus;
  role: Role;
  category: Category | null;
  grade: number | null;
  school: string;
  year: string;
  /** Adults' categories say themselves whether they are 18. */
  askAge: boolean;
  /** A parent decides (a student, or someone who said they are under 18). */
  minor: boolean;
}

/** Opens the person's own consent step; refused when it is not theirs or already taken. */
export async function startConsent(deps: ServiceDeps, actor: Actor, input: { membershipId: string }): Promise<Result<ConsentStart>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  const { me, programme, school } = granted.value;
  if (isStaffRole(me.role) || me.intake === null) return refuse("not-allowed");
  if (me.intake !== "invited" && me.intake !== "declined") return refuse("rule", `consent-already-${me.intake}`);
  const minor = needsParent(me.category, me.saidUnder18);
  return ok({ membershipId: me._id, intake: me.intake, role: me.role, category: me.category, grade: me.grade, school: school.name, year: programme.academicYear, askAge: !minor && me.category !== "student", minor });
}

export interface ParentLinkIssued {
  membershipId: string;
  /** The link's secret: the front turns it into its own deep link (and a QR picture). */
  token: string;
  expiresAt: Date;
  /** Whether an earlier link was revoked by this one (the child is told it no longer works). */
  replaced: boolean;
}

/** Creates the link under the claim: the child waits for a parent from now on. */
async function issueLinkLocked(deps: ServiceDeps, membershipId: string, saidUnder18?: boolean): Promise<Result<ParentLinkIssued>> {
  const now = deps.clock();
  const m = await deps.store.memberships.get(membershipId);
  const from: IntakeStatus[] = ["invited", "declined", "parent"];
  if (!m || m.intake === null || !from.includes(m.intake)) return refuse("rule", m?.intake ? `consent-already-${m.intake}` : "button-stale");
  const extra = saidUnder18 === undefined ? {} : { saidUnder18 };
  if (!needsParent(m.category, saidUnder18 ?? m.saidUnder18)) return refuse("not-allowed");
  if (!(await deps.store.memberships.moveIntake(m._id, from, "parent", now, extra))) return refuse("stale");
  const expiresAt = expiryFrom(now, PARENT_LINK_DAYS);
  const { link, token } = await deps.store.parentLinks.create({ membershipId: m._id, programmeId: m.programmeId, childId: m.userId, expiresAt }, now);
  // One valid link per child: the new one replaces every earlier one not answered on yet.
  const revoked = await deps.store.parentLinks.revokeOthers(m._id, link._id, now);
  deps.logger.info({ membershipId: m._id, revoked }, "parent link issued");
  return ok({ membershipId: m._id, token, expiresAt, replaced: revoked > 0 });
}

/**
 * The person's answer to "are you 18?". An adult goes on to the consent text (null here); a
 * minor's intake moves to waiting for a parent and a parent link is issued.
 */
export async function answerAge(deps: ServiceDeps, actor: Actor, input: { membershipId: string; minor: boolean }): Promise<Result<{ link: ParentLinkIssued | null }>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  if (isStaffRole(granted.value.me.role)) return refuse("not-allowed");
  const result = await underIntakeClaim(deps, input.membershipId, async (): Promise<Result<{ link: ParentLinkIssued | null }>> => {
    const m = await deps.store.memberships.get(input.membershipId);
    if (!m || (m.intake !== "invited" && m.intake !== "declined")) return refuse("rule", m?.intake ? `consent-already-${m.intake}` : "button-stale");
    if (!input.minor) {
      await deps.store.memberships.setSaidUnder18(m._id, false);
      return ok({ link: null });
    }
    const issued = await issueLinkLocked(deps, m._id, true);
    return issued.ok ? ok({ link: issued.value }) : issued;
  });
  return result ?? busy();
}

/** A minor (or the consent conversation) asks for a fresh link for a parent. */
export async function issueParentLink(deps: ServiceDeps, actor: Actor, input: { membershipId: string }): Promise<Result<ParentLinkIssued>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  if (isStaffRole(granted.value.me.role)) return refuse("not-allowed");
  return (await underIntakeClaim(deps, input.membershipId, () => issueLinkLocked(deps, input.membershipId))) ?? busy();
}

/**
 * An adult accepts or declines for themselves; the curators hear of a decline. `seen` is the
 * status the question was asked at: of two answers to one question (two taps, two devices) only
 * the first counts, even when the second would be a valid change of mind on its own.
 */
export async function decideOwnConsent(deps: ServiceDeps, actor: Actor, input: { membershipId: string; accept: boolean; seen?: IntakeStatus }): Promise<Result<{ intake: IntakeStatus }>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  const { me } = granted.value;
  // A minor's consent is the parent's to give.
  if (isStaffRole(me.role) || needsParent(me.category, me.saidUnder18)) return refuse("not-allowed");
  const decision = { relation: "self" as const, method: "bot" as const, givenBy: actor.userId };
  const from: IntakeStatus[] = (["invited", "declined"] as const).filter((s) => input.seen === undefined || s === input.seen);
  const moved = await underIntakeClaim(deps, me._id, () => decide(deps, me._id, from, input.accept ? "accepted" : "declined", decision));
  if (moved === null) return refuse("stale");
  if (!input.accept) await tellCurators(deps, me.programmeId, { key: "curator-consent-declined", vars: { ...whoVars(me), relation: msg("consent-relation-self") } });
  return ok({ intake: moved.intake! });
}

/** What a parent sees on opening the child's link. */
export interface ParentScreen {
  membershipId: string;
  /** The child's Telegram id: the front asks Telegram for the name, which is never stored before consent. */
  childUserId: number;
  role: Role;
  category: Category | null;
  grade: number | null;
  school: string;
  city: string;
  year: string;
}

/**
 * A parent opens the link the child passed on. The first person to open it is bound to it:
 * only they may answer on it, once.
 */
export async function openParentLink(deps: ServiceDeps, actor: Actor, input: { token: string }): Promise<Result<ParentScreen>> {
  const { store } = deps;
  const now = deps.clock();
  // The token is the credential here: it names the child; opening binds it to this person.
  const link = await store.parentLinks.findByToken(input.token);
  if (!link) return refuse("not-found", "link-unknown");
  if (link.childId === actor.userId) return refuse("not-allowed", "parent-link-is-for-parent");
  if (link.usedAt) return refuse("stale", link.usedBy === actor.userId ? "parent-already-answered" : "parent-link-used");
  if (link.revokedAt) return refuse("stale", "parent-link-replaced");
  if (link.expiresAt.getTime() <= now.getTime()) return refuse("stale", "parent-link-expired");
  if (!(await store.parentLinks.open(link._id, actor.userId, now))) return refuse("not-allowed", "parent-link-used");
  const granted = await authorize(deps, actor, { kind: "parent-link", membershipId: link.membershipId });
  if (!granted.ok) return refuse("not-found", "link-unknown");
  const { child, school, programme } = granted.value;
  return ok({ membershipId: child._id, childUserId: child.userId, role: child.role, category: child.category, grade: child.grade, school: school.name, city: school.city, year: programme.academicYear });
}

/** The parent who opened the link decides; the child and the curators are told. */
export async function parentDecide(deps: ServiceDeps, actor: Actor, input: { membershipId: string; accept: boolean }): Promise<Result<{ accepted: boolean }>> {
  const granted = await authorize(deps, actor, { kind: "parent-link", membershipId: input.membershipId });
  if (!granted.ok) {
    // The parent answers on a link the child has replaced since: say so, not "not allowed".
    if (await deps.store.parentLinks.openedReplaced(input.membershipId, actor.userId)) return refuse("stale", "parent-link-replaced");
    return refuse("not-allowed");
  }
  const { child, link } = granted.value;
  if (!(await deps.store.parentLinks.use(link._id, actor.userId, deps.clock()))) return refuse("stale", "parent-already-answered");
  const decision = { relation: "parent" as const, method: "bot" as const, givenBy: actor.userId };
  const from: IntakeStatus[] = input.accept ? ["parent", "invited", "declined"] : ["parent", "invited"];
  const moved = await underIntakeClaim(deps, child._id, () => decide(deps, child._id, from, input.accept ? "accepted" : "declined", decision));
  if (moved === null) return refuse("stale", "parent-already-answered");
  if (input.accept) {
    await deps.notices.send({ to: child.userId, key: "child-parent-accepted", actions: questionnaireButton(child._id) });
    await tellCurators(deps, child.programmeId, { key: "curator-parent-accepted", vars: whoVars(child) });
  } else {
    await deps.notices.send({ to: child.userId, key: "child-parent-declined" });
    await tellCurators(deps, child.programmeId, { key: "curator-consent-declined", vars: { ...whoVars(child), relation: msg("consent-relation-parent") } });
  }
  return ok({ accepted: input.accept });
}

/** Whom a paper consent is being recorded for, as the curator's conversation asks. */
export interface PaperTarget {
  membershipId: string;
  role: Role;
  category: Category | null;
  grade: number | null;
  /** A parent signed (a minor). */
  minor: boolean;
  /** The school's today (dates.ts), as ms: the latest day the paper may carry. */
  todayMs: number;
}

export async function paperConsentTarget(deps: ServiceDeps, actor: Actor, input: { programmeId: string; membershipId: string }): Promise<Result<PaperTarget>> {
  const granted = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!granted.ok) return refuse("not-allowed", "curator-only");
  const m = await deps.store.memberships.get(input.membershipId);
  if (!m || m.programmeId !== input.programmeId || isStaffRole(m.role)) return refuse("not-allowed", "curator-only");
  return ok({ membershipId: m._id, role: m.role, category: m.category, grade: m.grade, minor: needsParent(m.category, m.saidUnder18), todayMs: schoolToday(deps.clock(), granted.value.school.timeZone).getTime() });
}

/** The curator records a consent signed on paper; the person is told they may go on. */
export async function recordPaperConsent(
  deps: ServiceDeps,
  actor: Actor,
  input: { programmeId: string; membershipId: string; signedBy: string; signedOn: string },
): Promise<Result<{ membershipId: string }>> {
  const target = await paperConsentTarget(deps, actor, input);
  if (!target.ok) return target;
  const signedOn = parsePaperDate(input.signedOn, new Date(target.value.todayMs));
  if (!signedOn) return refuse("rule", "paper-bad-date");
  const decision = { relation: target.value.minor ? ("parent" as const) : ("self" as const), method: "paper" as const, givenBy: null, recordedBy: actor.userId, signedBy: input.signedBy, signedOn };
  const moved = await underIntakeClaim(deps, input.membershipId, () => decide(deps, input.membershipId, ["invited", "parent", "declined"], "accepted", decision));
  if (moved === null) return refuse("rule", "paper-not-needed");
  await audit.record(deps, { programmeId: input.programmeId, actor, action: "paper-consent", membershipId: moved._id });
  await deps.notices.send({ to: moved.userId, key: "paper-recorded-for-you", actions: questionnaireButton(moved._id) });
  return ok({ membershipId: moved._id });
}

/** What a withdrawn membership's id becomes where a record of the programme stays (pairs, their history, proposals). */
export const WITHDRAWN = "withdrawn";

/**
 * After a membership is deleted, no record names it any more: the pairs it was in and their
 * history keep their shape with WITHDRAWN in its place (and without the Telegram id of a parent
 * who answered for it), the claims that name it go, others' rankings and the engine's proposals
 * lose it. Its own preferences, answers, consents and parent links were deleted with it.
 */
async function forgetMembership(deps: ServiceDeps, m: Membership): Promise<void> {
  const { store } = deps;
  await store.pairs.forgetMember(m._id, WITHDRAWN);
  await store.pairEvents.forgetMember(m.programmeId, m._id, WITHDRAWN);
  await store.proposalBatches.forgetMember(m.programmeId, m._id, WITHDRAWN);
  await store.audit.forgetMember(m.programmeId, m._id, WITHDRAWN);
  // Their ratings and comments on meetings go; their safety flags stay for the curators, without their words.
  await store.feedback.forgetMember(m._id);
  await store.flags.forgetMember(m._id, WITHDRAWN);
  // Its answers on pairs, its places as a mentor, and the `leaving` claim taken for the withdrawal.
  await store.claims.forgetKeysNaming(m._id);
}

/**
 * Withdrawal: the person's answers, consent history, parent links and roles as a participant of
 * the programme are deleted, their pairs closed and anonymised; an anonymous record of the
 * withdrawal stays. Returns the removed memberships.
 */
async function withdraw(deps: ServiceDeps, userId: number, programmeId: string, relation: "self" | "parent"): Promise<Membership[]> {
  const { store } = deps;
  const now = deps.clock();
  const memberships = (await store.memberships.ofUser(userId)).filter((m) => m.programmeId === programmeId && !isStaffRole(m.role));
  const removed: Membership[] = [];
  for (const m of memberships) {
    const done = await underIntakeClaim(deps, m._id, async () => {
      // First the claim that keeps the membership out of new pairs, then its pairs are closed.
      const leaving = claimKeys.leaving(m._id);
      await store.claims.claim(leaving, leaving, "withdrawal", now);
      await closePairsOf(deps, m);
      await store.preferences.forgetMembership(m._id);
      await store.profiles.delete(m._id);
      await store.parentLinks.forgetMembership(m._id);
      await store.memberships.remove(m._id);
      return true;
    });
    if (!done) continue;
    await forgetMembership(deps, m);
    removed.push(m);
  }
  await store.consents.forget(userId, programmeId);
  await store.pairEvents.anonymise(userId, programmeId);
  // An open conversation keeps what was typed in it: it goes too.
  await store.conversations.delete(`conv:${userId}`);
  // The place they took on their invitation link holds their id: it goes too.
  for (const m of removed) {
    const invitation = m.invitationId ? await store.invitations.get(m.invitationId) : null;
    if (invitation) await store.invitations.release(invitation, userId);
  }
  await store.consents.add({ userId: null, programmeId, membershipId: null, relation, decision: "withdrawn", method: "bot", givenBy: null, textVersion: CONSENT_VERSION, at: now });
  deps.logger.info({ programmeId, removed: removed.length, relation }, "consent withdrawn");
  for (const r of removed) await tellCurators(deps, r.programmeId, { key: "curator-consent-withdrawn", vars: { ...whoVars(r), relation: msg(`consent-relation-${relation}`) } });
  return removed;
}

/** The person withdraws their own consent in this membership's programme. */
export async function withdrawOwnConsent(deps: ServiceDeps, actor: Actor, input: { membershipId: string }): Promise<Result<{ removed: number }>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  const { me } = granted.value;
  if (isStaffRole(me.role)) return refuse("not-allowed");
  const removed = await withdraw(deps, me.userId, me.programmeId, "self");
  return ok({ removed: removed.length });
}

/** A parent withdraws the consent they gave for their child; the child is told. */
export async function withdrawChildConsent(deps: ServiceDeps, actor: Actor, input: { membershipId: string }): Promise<Result<{ removed: number }>> {
  const granted = await authorize(deps, actor, { kind: "parent", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  const { child } = granted.value;
  const removed = await withdraw(deps, child.userId, child.programmeId, "parent");
  await deps.notices.send({ to: child.userId, key: "child-parent-withdrew" });
  return ok({ removed: removed.length });
}

/** Confirms the person may withdraw here (before asking "are you sure?"). */
export async function canWithdraw(deps: ServiceDeps, actor: Actor, input: { membershipId: string; forChild: boolean }): Promise<Result<{ membershipId: string }>> {
  if (input.forChild) {
    const granted = await authorize(deps, actor, { kind: "parent", membershipId: input.membershipId });
    return granted.ok ? ok({ membershipId: granted.value.child._id }) : granted;
  }
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  return isStaffRole(granted.value.me.role) ? refuse("not-allowed") : ok({ membershipId: granted.value.me._id });
}

/** What a participant's next step is, from their panel, a reminder or a notice. */
export type StepOutcome = { step: "consent" | "questionnaire"; membershipId: string } | { step: "parent-link"; link: ParentLinkIssued };

export async function participantStep(deps: ServiceDeps, actor: Actor, input: { membershipId: string; step: "c" | "q" | "pl" }): Promise<Result<StepOutcome>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  const { me } = granted.value;
  if (isStaffRole(me.role) || me.intake === null) return refuse("not-allowed");
  if (input.step === "c") {
    if (me.intake !== "invited" && me.intake !== "declined") return refuse("rule", `consent-already-${me.intake}`);
    return ok({ step: "consent", membershipId: me._id });
  }
  if (input.step === "q") {
    if (me.intake !== "questionnaire" && me.intake !== "ready") return refuse("rule", `questionnaire-not-yet-${me.intake}`);
    return ok({ step: "questionnaire", membershipId: me._id });
  }
  if (me.intake !== "parent") return refuse("stale");
  const issued = await issueParentLink(deps, actor, { membershipId: me._id });
  return issued.ok ? ok({ step: "parent-link", link: issued.value }) : issued;
}

/** A participant's panel in one programme: where they are, and their active pairs. */
export interface ParticipantPanel {
  membershipId: string;
  role: Role;
  category: Category | null;
  grade: number | null;
  school: string;
  year: string;
  intake: IntakeStatus;
  pairs: { pairId: string; mentor: NoticeVar; mentees: NoticeVar[]; plannedEnd: Date }[];
}

export async function participantPanel(deps: ServiceDeps, actor: Actor, input: { membershipId: string }): Promise<Result<ParticipantPanel>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  const { me, programme, school } = granted.value;
  if (isStaffRole(me.role)) return refuse("not-allowed");
  // A mentee has one active pair, a mentor up to three mentees in one or more.
  const pairs = await deps.store.pairs.ofMember(me._id, ["active"]);
  const people = pairs.length ? await deps.store.memberships.getMany(pairs.flatMap((p) => [p.mentorId, ...p.menteeIds])) : new Map<string, Membership>();
  const refs = people.size ? await personRefs(deps, [...people.values()]) : new Map<string, NoticeVar>();
  return ok({
    membershipId: me._id,
    role: me.role,
    category: me.category,
    grade: me.grade,
    school: school.name,
    year: programme.academicYear,
    intake: me.intake ?? "invited",
    pairs: pairs.map((p) => ({ pairId: p._id, mentor: refs.get(p.mentorId) ?? "—", mentees: p.menteeIds.map((id) => refs.get(id) ?? "—"), plannedEnd: p.plannedEnd })),
  });
}
