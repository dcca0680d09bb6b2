import type { FitReason } from "../domain/matching/index.js";
import {
  DECLINE_TEXT_MAX,
  MAX_MENTEES_PER_MENTOR,
  OCCUPYING_STATUSES,
  ROLE_MODELS,
  agreementOutcome,
  declineNeedsText,
  groupSizeOk,
  isReason,
  isRoleModelOf,
  parentsOnPaper,
  partyKey,
  reasonKey,
  reasonKindOf,
  requiredParties,
  validateExtension,
  validateLimit,
  validateTerm,
  type AgreementAnswer,
  type AgreementPerson,
  type DeclineReason,
  type Party,
  type PairEventKind,
  type PairStatus,
  type ReasonKind,
} from "../domain/pairs.js";
import { checkText } from "../domain/text.js";
import { newId } from "../store/ids.js";
import type { Form } from "../domain/programme.js";
import { pageOf, type Page } from "../domain/paging.js";
import { claimKeys } from "../store/claimKeys.js";
import type { Membership } from "../store/memberships.js";
import type { Pair, PendingReplacement } from "../store/pairs.js";
import { checkPastDay, schoolToday, type DayProblem } from "../domain/dates.js";
import { authorize, type Grant, type ProgrammeView } from "./access.js";
import * as audit from "./audit.js";
import { action } from "./actions/index.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { msg, tellCurators, type Notice, type NoticeVar } from "./notices.js";
import { personRef, personRefs } from "./people.js";
import { currentRound } from "./rounds.js";
import { curatorPairStats, type CuratorPairStats } from "./pairCards.js";
import { ok, refuse, type Result } from "./result.js";

// Pairs and groups as the regulation has them (stages 4–5): places at a mentor are taken under
// claims when the curator proposes; everyone (and a minor's parent) agrees before the pair is
// active (2.6); a decline returns the mentees to the pool; the mentor may be replaced, the term
// extended, the pair ended early, each with a reason. Every step is an event in the pair's history.

type Deps = ServiceDeps;

// ---------------------------------------------------------------------------------------------
// Why a pair was proposed: kept as data so that each person reads it in their own language.

export type PairWhy = { kind: "engine"; reasons: FitReason[] } | { kind: "curator" };
export const encodeWhy = (why: PairWhy): string => JSON.stringify(why);

function decodeWhy(encoded: string): PairWhy | null {
  try {
    const why = JSON.parse(encoded) as PairWhy;
    return why && (why.kind === "curator" || (why.kind === "engine" && Array.isArray(why.reasons))) ? why : null;
  } catch {
    return null;
  }
}

const topicRef = (labels: Record<string, string>, id: string): NoticeVar => labels[id] ?? msg(`topic-${id}`);

/** The engine's reasons as message data: «совпадение: …; выбор наставляемого (№1)». */
export function reasonsRef(reasons: readonly FitReason[], topicLabels: Record<string, string>): NoticeVar {
  const parts: NoticeVar[] = reasons.map((r) => {
    switch (r.kind) {
      case "topics":
        return msg("match-topics", { topics: { list: r.topics.map((id) => topicRef(topicLabels, id)) } });
      case "mutual-preference":
        return msg("match-mutual");
      case "mentee-choice":
        return msg("match-mentee-choice", { rank: r.rank });
      case "mentor-choice":
        return msg("match-mentor-choice", { rank: r.rank });
      case "format":
        return r.compatible ? msg("match-format-match") : msg("match-format-mismatch", { mentee: msg(`match-format-${r.mentee}`), mentor: msg(`match-format-${r.mentor}`) });
      case "shared-time":
        return msg("match-shared-time", { slots: { list: r.slots.map((s) => msg(`opt-${s}`)) } });
    }
  });
  return { list: parts, separator: "; " };
}

/** Why a stored pair was proposed, as message data. */
export function whyRef(encoded: string, topicLabels: Record<string, string>): NoticeVar {
  const why = decodeWhy(encoded);
  if (!why) return "—";
  if (why.kind === "curator") return msg("manual-why");
  return why.reasons.length > 0 ? reasonsRef(why.reasons, topicLabels) : "—";
}

// ---------------------------------------------------------------------------------------------
// Access: the curator of the programme (the refusal says so), a pair's curator, a party.

type CuratorGrant = Grant<{ kind: "curator"; programmeId: string }>;
type PairCuratorGrant = Grant<{ kind: "pair-curator"; pairId: string }>;

export async function asCurator(deps: Deps, actor: Actor, programmeId: string): Promise<Result<CuratorGrant>> {
  const grant = await authorize(deps, actor, { kind: "curator", programmeId });
  return grant.ok ? grant : refuse("not-allowed", "curator-only");
}

async function asPairCurator(deps: Deps, actor: Actor, pairId: string): Promise<Result<PairCuratorGrant>> {
  const grant = await authorize(deps, actor, { kind: "pair-curator", pairId });
  return grant.ok ? grant : refuse("not-allowed", "curator-only");
}

/** A mentor of this programme, for a curator's screen. */
async function curatedMentor(deps: Deps, actor: Actor, membershipId: string): Promise<Result<CuratorGrant & { mentor: Membership }>> {
  const mentor = await deps.store.memberships.get(membershipId);
  if (!mentor || mentor.role !== "mentor") return refuse("not-allowed", "curator-only");
  const grant = await asCurator(deps, actor, mentor.programmeId);
  return grant.ok ? ok({ ...grant.value, mentor }) : grant;
}

// ---------------------------------------------------------------------------------------------
// Places: a mentor's limit of mentees at once, taken as numbered claims.

/** A mentor's free places: the limit less the places claimed by pairs. */
export async function freePlaces(deps: Pick<ServiceDeps, "store">, mentor: Membership): Promise<number> {
  return Math.max(0, mentor.mentorLimit - (await deps.store.claims.placesUsed(claimKeys.mentorPlaces(mentor._id))));
}

/** Takes a mentor's places for a pair, all or none, against the limit read under the mentor's lock. */
async function takePlaces(deps: Deps, mentorId: string, count: number, pairId: string): Promise<boolean> {
  return deps.store.claims.withLock(claimKeys.mentorLock(mentorId), async () => {
    const mentor = await deps.store.memberships.get(mentorId);
    if (!mentor) return false;
    return deps.store.claims.takePlaces(claimKeys.mentorPlaces(mentorId), mentor.mentorLimit, count, pairId, deps.clock());
  });
}

const releasePlaces = (deps: Deps, mentorId: string, pairId: string) => deps.store.claims.releasePlaces(claimKeys.mentorPlaces(mentorId), pairId);

/** Claims a mentee for a pair; false when another pair claimed them first. */
async function claimMentee(deps: Deps, menteeId: string, pairId: string): Promise<boolean> {
  if (!(await deps.store.claims.claim(claimKeys.mentee(menteeId), "mentees", pairId, deps.clock()))) return false;
  await deps.store.memberships.setPair(menteeId, pairId);
  return true;
}

async function releaseMentee(deps: Deps, menteeId: string, pairId: string): Promise<void> {
  if ((await deps.store.claims.holderOf(claimKeys.mentee(menteeId))) !== pairId) return;
  await deps.store.memberships.unsetPair(menteeId, pairId);
  await deps.store.claims.release(claimKeys.mentee(menteeId));
}

/** Gives back the mentor's places and returns the mentees to the pool. */
async function dissolve(deps: Deps, pair: Pair): Promise<void> {
  await releasePlaces(deps, pair.mentorId, pair._id);
  for (const id of pair.menteeIds) await releaseMentee(deps, id, pair._id);
}

/**
 * Whether these memberships are all still there and none is being withdrawn. A step that puts a
 * membership into a pair writes the pair first and asks this afterwards; a withdrawal claims
 * `leaving` first and reads the pairs afterwards: one of the two always sees the other.
 */
async function present(deps: Deps, ids: readonly string[]): Promise<boolean> {
  const found = await deps.store.memberships.getMany(ids);
  if (ids.some((id) => !found.has(id))) return false;
  for (const id of ids) if ((await deps.store.claims.holderOf(claimKeys.leaving(id))) !== null) return false;
  return true;
}

/**
 * Closes a pair read under its lock (`store.pairs.locked`): an active pair ends, a proposed one is
 * declined; the places are freed from the pair as it is now (its current mentor). The new status,
 * or null when it was closed already.
 */
async function closeLocked(deps: Deps, pair: Pair, by: number | null, reason: string): Promise<"ended" | "declined" | null> {
  const now = deps.clock();
  if (pair.status !== "active" && pair.status !== "awaiting") return null;
  const to = pair.status === "active" ? "ended" : "declined";
  if (!(await deps.store.pairs.moveLocked(pair._id, pair.status, to, { endedAt: now }))) return null;
  await dissolve(deps, pair);
  // A request for a replacement dies with the pair, and so does a new mentor proposed for it.
  await deps.store.claims.release(claimKeys.replacementRequest(pair._id));
  await withdrawReplacementLocked(deps, pair, null);
  await deps.store.pairEvents.add({ pairId: pair._id, programmeId: pair.programmeId, kind: to === "ended" ? "ended-early" : "declined", at: now, by, reason });
  deps.logger.info({ pairId: pair._id, reason, to }, "pair closed");
  return to;
}

/** The refusal for a change to a pair that is no longer active: ended (or declined), or changed. */
const notActive = (pair: Pair | null, ended: string, changed = "button-stale") => refuse("stale", pair && (pair.status === "ended" || pair.status === "declined") ? ended : changed);

// ---------------------------------------------------------------------------------------------
// Mentors' readiness (stage 4): selected and trained, and their limit.

export interface MentorRow {
  mentor: Membership;
  name: NoticeVar;
  free: number;
}

export interface MentorsScreen {
  view: ProgrammeView;
  mentors: Page<MentorRow>;
}

export const MENTORS_PAGE = 20;

async function mentorRows(deps: Deps, mentors: Membership[]): Promise<MentorRow[]> {
  const names = await personRefs(deps, mentors);
  return Promise.all(mentors.map(async (m) => ({ mentor: m, name: names.get(m._id) ?? "—", free: await freePlaces(deps, m) })));
}

/** The ready mentors of a programme with their training mark, limit and free places. */
export async function mentorsScreen(deps: Deps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<MentorsScreen>> {
  const grant = await asCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const page = pageOf(await deps.store.memberships.participants(input.programmeId, "mentor", { intake: "ready" }), input.page, MENTORS_PAGE);
  return ok({ view: grant.value, mentors: { ...page, items: await mentorRows(deps, page.items) } });
}

export interface MentorCard extends MentorRow {
  view: ProgrammeView;
}

async function mentorCardOf(deps: Deps, view: ProgrammeView, mentor: Membership): Promise<MentorCard> {
  return { view, mentor, name: await personRef(deps, mentor), free: await freePlaces(deps, mentor) };
}

export async function mentorCard(deps: Deps, actor: Actor, membershipId: string): Promise<Result<MentorCard>> {
  const grant = await curatedMentor(deps, actor, membershipId);
  if (!grant.ok) return grant;
  return ok(await mentorCardOf(deps, grant.value, grant.value.mentor));
}

/** Marks a mentor selected and trained today, or takes the mark back. */
export async function markTrained(deps: Deps, actor: Actor, input: { membershipId: string; trained: boolean }): Promise<Result<MentorCard>> {
  const grant = await curatedMentor(deps, actor, input.membershipId);
  if (!grant.ok) return grant;
  const mentor = await deps.store.memberships.markTrained(input.membershipId, input.trained ? today(deps, grant.value.school.timeZone) : null);
  if (!mentor) return refuse("stale");
  deps.logger.info({ membershipId: mentor._id, trained: input.trained }, "mentor training mark");
  return ok(await mentorCardOf(deps, grant.value, mentor));
}

/** Sets a mentor's limit (the domain's range), never below the mentees they already have. */
export async function setMentorLimit(deps: Deps, actor: Actor, input: { membershipId: string; limit: number }): Promise<Result<MentorCard>> {
  const grant = await curatedMentor(deps, actor, input.membershipId);
  if (!grant.ok) return grant;
  if (validateLimit(input.limit) !== "ok") return refuse("rule", "pairs-limit-out-of-range", { max: MAX_MENTEES_PER_MENTOR });
  const mentorId = input.membershipId;
  const mentor = await deps.store.claims.withLock(claimKeys.mentorLock(mentorId), async () => {
    if ((await deps.store.claims.placesUsed(claimKeys.mentorPlaces(mentorId))) > input.limit) return "below-load" as const;
    return deps.store.memberships.setMentorLimit(mentorId, input.limit);
  });
  if (mentor === "below-load") return refuse("rule", "pairs-limit-below-load");
  if (!mentor) return refuse("stale");
  return ok(await mentorCardOf(deps, grant.value, mentor));
}

// ---------------------------------------------------------------------------------------------
// Agreement (2.6).

/** The parent who consented in the bot for a minor, if any (paper consents have none). */
async function parentInBot(deps: Deps, m: Membership): Promise<number | null> {
  const standing = (await deps.store.consents.standing([m._id])).get(m._id);
  return standing && standing.relation === "parent" && standing.method === "bot" ? standing.givenBy : null;
}

async function agreementPerson(deps: Deps, m: Membership): Promise<AgreementPerson> {
  const minor = m.category === "student" || m.saidUnder18 === true;
  return { membershipId: m._id, userId: m.userId, minor, parentUserId: minor ? await parentInBot(deps, m) : null };
}

/**
 * Everyone who must agree (2.6): the mentor, each mentee, and the parent of each minor. A parent
 * who consented on paper has no Telegram: the curator records their agreement (userId null).
 */
async function partiesOf(deps: Deps, mentor: Membership, mentees: Membership[]): Promise<Party[]> {
  const input = { mentor: await agreementPerson(deps, mentor), mentees: await Promise.all(mentees.map((m) => agreementPerson(deps, m))) };
  return [...requiredParties(input), ...parentsOnPaper(input).map((p) => ({ kind: "parent" as const, membershipId: p.membershipId, userId: null }))];
}

interface People {
  mentor: Membership;
  mentees: Membership[];
}

async function peopleOf(deps: Deps, pair: Pick<Pair, "mentorId" | "menteeIds">): Promise<People | null> {
  const mentor = await deps.store.memberships.get(pair.mentorId);
  const found = await deps.store.memberships.getMany(pair.menteeIds);
  const mentees = pair.menteeIds.flatMap((id) => {
    const m = found.get(id);
    return m ? [m] : [];
  });
  return mentor ? { mentor, mentees } : null;
}

/** The answers given on a pair, by party key. */
async function answersOf(deps: Deps, pairId: string): Promise<Record<string, AgreementAnswer>> {
  const scope = claimKeys.pairAnswers(pairId);
  const claims = await deps.store.claims.inScope(scope);
  return Object.fromEntries(claims.map((c) => [c._id.slice(scope.length + 1), c.holder === "accepted" ? "accepted" : "declined"]));
}

const agreementButtons = (pairId: string) => [
  [
    { label: msg("pair-agree"), action: action("pairAgree", { pairId, answer: "y" }) },
    { label: msg("pair-disagree"), action: action("pairAgree", { pairId, answer: "n" }) },
  ],
];

/** The request to agree to a pair, for one party (the proposal, and its one reminder). */
async function agreementNotice(deps: Deps, pair: Pair, party: Party, people: People): Promise<Notice | null> {
  if (party.userId === null) return null;
  const programme = await deps.store.programmes.get(pair.programmeId);
  const school = programme && (await deps.store.schools.get(programme.schoolId));
  if (!programme || !school) return null;
  const names = await personRefs(deps, [people.mentor, ...people.mentees]);
  return {
    to: party.userId,
    key: party.kind === "parent" ? "pair-ask-parent" : "pair-ask",
    vars: {
      school: school.name,
      mentor: names.get(people.mentor._id) ?? "—",
      mentees: { list: people.mentees.map((m) => names.get(m._id) ?? "—") },
      form: msg(`form-${pair.form}`),
      start: { date: pair.startDate, timeZone: "UTC" },
      end: { date: pair.plannedEnd, timeZone: "UTC" },
      why: whyRef(pair.why, programme.topicLabels),
    },
    actions: agreementButtons(pair._id),
  };
}

async function askAgreement(deps: Deps, pair: Pair, party: Party, people: People): Promise<void> {
  const notice = await agreementNotice(deps, pair, party, people);
  if (notice) await deps.notices.send(notice);
}

export type AgreementResult = "closed" | "waiting" | "active" | "declined";

/** Why a person declines: one of the domain's reasons; «другое» with a short text (DECLINE_TEXT_MAX). */
export interface DeclineInput {
  reason: DeclineReason;
  text?: string;
}

type Decline = { reason: DeclineReason; text: string | null };

/** The reason checked: a known one, and for «другое» a text that is there and not too long. */
export function checkDecline(input: DeclineInput): Result<Decline> {
  if (!isReason("decline", input.reason)) return refuse("rule", "button-stale");
  if (!declineNeedsText(input.reason)) return ok({ reason: input.reason, text: null });
  const text = checkText(input.text, DECLINE_TEXT_MAX);
  if (!text.ok) return refuse("rule", text.problem === "too-long" ? "input-too-long" : "input-empty", { max: DECLINE_TEXT_MAX });
  return ok({ reason: input.reason, text: text.value });
}

/** The decline's details for the pair's history: the text of «другое» (curators read it, no one else). */
const declineDetails = (decline: Decline | null): Record<string, string> => (decline?.text ? { text: decline.text } : {});

/** The reason and the text as the curator's notice says them. */
const declineVars = (decline: Decline | null): Record<string, NoticeVar> => ({
  reason: decline ? msg(reasonKey("decline", decline.reason)) : "—",
  text: decline?.text ? msg("decline-text-line", { text: decline.text }) : "",
});

/** The party keys this person answers for on a proposed pair: their own, and as a minor's parent. */
async function myAgreementParties(deps: Deps, actor: Actor, pair: Pair): Promise<Result<string[]>> {
  const people = await peopleOf(deps, pair);
  if (!people) return refuse("stale");
  const asParty = await authorize(deps, actor, { kind: "pair-party", pairId: pair._id });
  const minors: string[] = [];
  for (const m of [people.mentor, ...people.mentees]) {
    if ((await authorize(deps, actor, { kind: "parent", membershipId: m._id })).ok) minors.push(m._id);
  }
  if (!asParty.ok && minors.length === 0) return refuse("not-allowed");
  const mine = (await partiesOf(deps, people.mentor, people.mentees))
    .filter((p) => p.userId === actor.userId && pair.parties.includes(partyKey(p)))
    .filter((p) => (p.kind === "parent" ? minors.includes(p.membershipId) : asParty.ok))
    .map(partyKey);
  return mine.length === 0 ? refuse("not-allowed") : ok(mine);
}

/**
 * Before «Не согласен» asks why: whether this person may still answer this proposal (a party or a
 * minor's parent, the pair still proposed). Changes nothing.
 */
export async function mayDecline(deps: Deps, actor: Actor, input: { pairId: string }): Promise<Result<Pair>> {
  const pair = await deps.store.pairs.get(input.pairId);
  if (!pair) return refuse("not-allowed");
  const mine = await myAgreementParties(deps, actor, pair);
  if (!mine.ok) return mine;
  return pair.status === "awaiting" ? ok(pair) : refuse("stale", "agreement-closed");
}

/**
 * A party (or a minor's parent in the bot) answers a proposed pair; a decline says why. Who may
 * answer is read from the store: a party of the pair, or the parent of a minor in it.
 */
export async function answerAgreement(deps: Deps, actor: Actor, input: { pairId: string; answer: AgreementAnswer; decline?: DeclineInput }): Promise<Result<AgreementResult>> {
  const pair = await deps.store.pairs.get(input.pairId);
  if (!pair) return refuse("not-allowed");
  const mine = await myAgreementParties(deps, actor, pair);
  if (!mine.ok) return mine;
  let decline: Decline | null = null;
  if (input.answer === "declined" && input.decline) {
    const checked = checkDecline(input.decline);
    if (!checked.ok) return checked;
    decline = checked.value;
  }
  return ok(await recordAnswers(deps, pair, mine.value, input.answer, actor.userId, decline));
}

/** The curator records the agreement of a parent who consented on paper. */
export async function recordPaperParentAgreement(deps: Deps, actor: Actor, input: { pairId: string; membershipId: string }): Promise<Result<AgreementResult>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  const pair = grant.value.pair;
  const people = await peopleOf(deps, pair);
  if (!people) return refuse("stale");
  const key = partyKey({ kind: "parent", membershipId: input.membershipId });
  const paper = (await partiesOf(deps, people.mentor, people.mentees)).find((p) => partyKey(p) === key && p.userId === null);
  if (!paper || !pair.parties.includes(key)) return refuse("not-allowed");
  await audit.record(deps, { programmeId: pair.programmeId, actor, action: "paper-consent", membershipId: input.membershipId, pairId: pair._id });
  return ok(await recordAnswers(deps, pair, [key], "accepted", actor.userId));
}

async function recordAnswers(deps: Deps, pair: Pair, mine: string[], answer: AgreementAnswer, userId: number, decline: Decline | null = null): Promise<AgreementResult> {
  const { store } = deps;
  const pairId = pair._id;
  if (pair.status !== "awaiting") return "closed";
  const now = deps.clock();
  // Each answer is its own claim: the first answer of a party stands, and answers given at the
  // same moment by different people are all kept. Under the pair's lock, only while it is proposed.
  const recorded = await store.pairs.locked(pairId, async () => {
    if ((await store.pairs.get(pairId))?.status !== "awaiting") return false;
    let any = false;
    for (const key of mine) any = (await store.claims.claim(claimKeys.pairAnswer(pairId, key), claimKeys.pairAnswers(pairId), answer, now)) || any;
    if (any) {
      await store.pairEvents.add({
        pairId,
        programmeId: pair.programmeId,
        kind: answer === "accepted" ? "agreed" : "declined",
        at: now,
        by: userId,
        reason: answer === "declined" ? (decline?.reason ?? null) : null,
        details: { parties: mine.join(" "), ...(answer === "declined" ? declineDetails(decline) : {}) },
      });
    }
    return any;
  });
  if (!recorded) return "closed";

  const people = await peopleOf(deps, pair);
  if (!people) return "closed";
  const required = (await partiesOf(deps, people.mentor, people.mentees)).filter((p) => pair.parties.includes(partyKey(p)));
  const outcome = agreementOutcome(required, await answersOf(deps, pairId));
  if (outcome.status === "pending") return "waiting";
  const users = new Set(required.map((p) => p.userId).filter((u): u is number => u !== null));

  if (outcome.status === "agreed") {
    // Whoever answers last settles the pair, once (under its lock, from "awaiting"), and only
    // with everyone still in the programme: a withdrawal meanwhile closes it instead.
    const activated = await store.pairs.locked(pairId, async () => {
      const current = await store.pairs.get(pairId);
      if (!current || current.status !== "awaiting") return false;
      if (!(await present(deps, [current.mentorId, ...current.menteeIds]))) {
        await closeLocked(deps, current, null, "other");
        return false;
      }
      if (!(await store.pairs.moveLocked(pairId, "awaiting", "active", { activatedAt: now }))) return false;
      await store.pairEvents.add({ pairId, programmeId: pair.programmeId, kind: "activated", at: now, by: null });
      return true;
    });
    if (!activated) return "closed";
    deps.logger.info({ pairId }, "pair active");
    for (const user of users) await deps.notices.send({ to: user, key: "pair-active" });
    await tellCurators(deps, pair.programmeId, { key: "pair-active-curator", vars: { mentor: await personRef(deps, people.mentor) }, actions: [[openPairButton(pairId)]] });
    return "active";
  }

  // Someone declined: the mentees go back to the pool, the mentor's places are freed.
  const declined = await store.pairs.locked(pairId, async () => {
    const current = await store.pairs.get(pairId);
    if (!current || !(await store.pairs.moveLocked(pairId, "awaiting", "declined", { endedAt: now }))) return false;
    await dissolve(deps, current);
    return true;
  });
  if (!declined) return "closed";
  deps.logger.info({ pairId }, "pair declined");
  const who = outcome.declinedBy[0];
  const names = await personRefs(deps, [people.mentor, ...people.mentees]);
  await tellCurators(deps, pair.programmeId, {
    key: "pair-declined-curator",
    vars: { who: who ? msg(`pair-party-${who.kind}`) : "", mentor: names.get(people.mentor._id) ?? "—", mentees: { list: people.mentees.map((m) => names.get(m._id) ?? "—") }, ...declineVars(decline) },
  });
  for (const user of users) if (user !== userId) await deps.notices.send({ to: user, key: "pair-declined" });
  return "declined";
}

const openPairButton = (pairId: string) => ({ label: msg("replacement-open-pair"), action: action("pairCard", { pairId }) });

// ---------------------------------------------------------------------------------------------
// Proposing a pair or a group.

export type ProposeFailure = "mentor-full" | "mentee-taken" | "not-ready" | "group-size" | "form" | "role-model" | "term";

export interface ProposeInput {
  programmeId: string;
  mentorId: string;
  menteeIds: string[];
  form: Form;
  roleModel: string | null;
  startDate: Date;
  plannedEnd: Date;
  why: PairWhy;
}

const proposeRefusal = (reason: ProposeFailure) => refuse("rule", `propose-failed-${reason}`);

/** The curator proposes a pair or a group; every party is asked to agree. */
export async function proposePair(deps: Deps, actor: Actor, input: ProposeInput): Promise<Result<Pair>> {
  const grant = await asCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const made = await propose(deps, grant.value, actor, input);
  if (made.ok) await audit.record(deps, { programmeId: input.programmeId, actor, action: "pair-made", pairId: made.value._id });
  return made;
}

/**
 * Places are taken at the mentor under claims, and each mentee is claimed from the pool; if any
 * step fails, what was taken is given back, so a mentor is never over the limit and a mentee is
 * never in two pairs, whoever proposes at the same moment.
 */
export async function propose(deps: Deps, view: ProgrammeView, actor: Actor, input: ProposeInput): Promise<Result<Pair>> {
  const { store } = deps;
  if (!groupSizeOk(input.menteeIds.length) || new Set(input.menteeIds).size !== input.menteeIds.length) return proposeRefusal("group-size");
  if (!view.programme.forms.includes(input.form)) return proposeRefusal("form");
  if (input.roleModel !== null && !isRoleModelOf(input.form, input.roleModel)) return proposeRefusal("role-model");
  if (validateTerm(input.startDate, input.plannedEnd, today(deps, view.school.timeZone)) !== "ok") return proposeRefusal("term");
  const mentor = await store.memberships.get(input.mentorId);
  const found = await store.memberships.getMany(input.menteeIds);
  const mentees = input.menteeIds.flatMap((id) => (found.get(id) ? [found.get(id)!] : []));
  if (!mentor || mentor.role !== "mentor" || mentor.intake !== "ready" || mentor.mentorTrainedOn === null || mentor.programmeId !== input.programmeId) return proposeRefusal("not-ready");
  if (mentees.length !== input.menteeIds.length || mentees.some((m) => m.role !== "mentee" || m.intake !== "ready" || m.programmeId !== input.programmeId)) return proposeRefusal("not-ready");

  const pairId = store.pairs.newId();
  if (!(await takePlaces(deps, mentor._id, mentees.length, pairId))) return proposeRefusal("mentor-full");
  const claimed: string[] = [];
  for (const m of mentees) {
    if (await claimMentee(deps, m._id, pairId)) claimed.push(m._id);
    else {
      for (const id of claimed) await releaseMentee(deps, id, pairId);
      await releasePlaces(deps, mentor._id, pairId);
      return proposeRefusal("mentee-taken");
    }
  }
  const now = deps.clock();
  const parties = await partiesOf(deps, mentor, mentees);
  const pair = await store.pairs.create({
    _id: pairId,
    programmeId: input.programmeId,
    mentorId: mentor._id,
    menteeIds: mentees.map((m) => m._id),
    form: input.form,
    roleModel: input.roleModel,
    status: "awaiting",
    startDate: input.startDate,
    plannedEnd: input.plannedEnd,
    parties: parties.map(partyKey),
    why: encodeWhy(input.why),
    proposedAt: now,
    createdBy: actor.userId,
  });
  // Someone withdrew meanwhile: the pair is declined at once (see `present`).
  if (!(await present(deps, [mentor._id, ...pair.menteeIds]))) {
    await store.pairs.locked(pairId, async () => {
      const current = await store.pairs.get(pairId);
      if (current) await closeLocked(deps, current, null, "other");
    });
    return proposeRefusal("not-ready");
  }
  await store.pairEvents.add({ pairId, programmeId: input.programmeId, kind: "proposed", at: now, by: actor.userId, details: { mentees: mentees.length } });
  deps.logger.info({ pairId, mentorId: mentor._id, mentees: mentees.length }, "pair proposed");
  for (const party of parties) await askAgreement(deps, pair, party, { mentor, mentees });
  return ok(pair);
}

// ---------------------------------------------------------------------------------------------
// Closing, ending, replacing, extending.

const isIn = (pair: Pair, membershipId: string) => pair.mentorId === membershipId || pair.menteeIds.includes(membershipId);

/**
 * Closes whatever pairs a person is in because they left the programme (consent withdrawn). The
 * caller has claimed `leaving` first (services/consent.ts), so no pair takes them in meanwhile;
 * each pair is read again under its lock: one whose mentor was replaced meanwhile is not theirs.
 */
export async function closePairsOf(deps: ServiceDeps, membership: Membership): Promise<void> {
  const pairs = await deps.store.pairs.ofProgramme(membership.programmeId, OCCUPYING_STATUSES);
  for (const pair of pairs.filter((p) => isIn(p, membership._id))) {
    await deps.store.pairs.locked(pair._id, async () => {
      const current = await deps.store.pairs.get(pair._id);
      if (current && isIn(current, membership._id)) await closeLocked(deps, current, null, "other");
    });
  }
  // A mentor proposed to take over a pair: the proposal is withdrawn, the pair stays as it was
  // (or, taken over a moment before, it is theirs and closes above on the next read).
  if (membership.role !== "mentor") return;
  for (const pair of await deps.store.pairs.replacementsTo(membership.programmeId, membership._id)) {
    await deps.store.pairs.locked(pair._id, async () => {
      const current = await deps.store.pairs.get(pair._id);
      if (!current) return;
      if (isIn(current, membership._id)) await closeLocked(deps, current, null, "other");
      else if (current.replacement?.mentorId === membership._id) await withdrawReplacementLocked(deps, current, null);
    });
  }
}

/**
 * Ends an active pair early, with a reason, under its lock: the places are freed from the pair as
 * it is then (a mentor replaced a moment before included). The ended pair, or null when it was not active.
 */
async function endPair(deps: Deps, pairId: string, by: number | null, reason: string): Promise<Pair | null> {
  return deps.store.pairs.locked(pairId, async () => {
    const current = await deps.store.pairs.get(pairId);
    if (!current || current.status !== "active") return null;
    return (await closeLocked(deps, current, by, reason)) === "ended" ? { ...current, status: "ended" as const } : null;
  });
}

/** Tells the pair's mentor and mentees about a change the curator made. */
async function tellPair(deps: Deps, pair: Pick<Pair, "mentorId" | "menteeIds">, key: string): Promise<void> {
  const people = [...(await deps.store.memberships.getMany([pair.mentorId, ...pair.menteeIds])).values()];
  for (const user of new Set(people.map((m) => m.userId))) await deps.notices.send({ to: user, key });
}

function checkReason(kind: ReasonKind, reason: string): Result<string> {
  return isReason(kind, reason) ? ok(reason) : refuse("rule", "button-stale");
}

/** The curator ends an active pair early (2.10). */
export async function endEarly(deps: Deps, actor: Actor, input: { pairId: string; reason: string }): Promise<Result<Pair>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  const reason = checkReason("end", input.reason);
  if (!reason.ok) return reason;
  const ended = await endPair(deps, input.pairId, actor.userId, reason.value);
  if (!ended) return notActive(await deps.store.pairs.get(input.pairId), "change-end-already");
  await audit.record(deps, { programmeId: ended.programmeId, actor, action: "pair-ended", pairId: input.pairId });
  await tellPair(deps, ended, "change-told-ended");
  return ok(ended);
}

/** Ready, trained mentors of the pair's programme with places for all its mentees. */
async function replacementMentors(deps: Deps, pair: Pair): Promise<Membership[]> {
  const out: Membership[] = [];
  for (const m of await deps.store.memberships.participants(pair.programmeId, "mentor", { intake: "ready" })) {
    if (m._id !== pair.mentorId && m.mentorTrainedOn !== null && (await freePlaces(deps, m)) >= pair.menteeIds.length) out.push(m);
  }
  return out;
}

export interface Candidate {
  membershipId: string;
  name: NoticeVar;
}

/** How many candidates for a new mentor one page shows. */
export const CANDIDATES_PAGE = 10;

/** Who may take over an active pair: every ready, trained mentor with places for all its mentees, a page at a time. */
export async function replacementCandidates(deps: Deps, actor: Actor, input: { pairId: string; page: number }): Promise<Result<Page<Candidate>>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  if (grant.value.pair.status !== "active") return refuse("stale");
  const page = pageOf(await replacementMentors(deps, grant.value.pair), input.page, CANDIDATES_PAGE);
  const names = await personRefs(deps, page.items);
  return ok({ ...page, items: page.items.map((m) => ({ membershipId: m._id, name: names.get(m._id) ?? "—" })) });
}

const replaceButtons = (replacementId: string) => [
  [
    { label: msg("pair-agree"), action: action("replAgree", { replacementId, answer: "y" }) },
    { label: msg("pair-disagree"), action: action("replAgree", { replacementId, answer: "n" }) },
  ],
];

/** Asks one party of a proposed replacement (the new mentor, a mentee, a minor's parent) to agree. */
async function askReplacement(deps: Deps, pair: Pair, replacement: PendingReplacement, party: Party, people: People): Promise<void> {
  if (party.userId === null) return;
  const view = await loadProgrammeOf(deps, pair.programmeId);
  if (!view) return;
  const names = await personRefs(deps, [people.mentor, ...people.mentees]);
  await deps.notices.send({
    to: party.userId,
    key: party.kind === "mentor" ? "replace-ask-mentor" : party.kind === "parent" ? "replace-ask-parent" : "replace-ask-mentee",
    vars: {
      school: view.school.name,
      mentor: names.get(people.mentor._id) ?? "—",
      mentees: { list: people.mentees.map((m) => names.get(m._id) ?? "—") },
      form: msg(`form-${pair.form}`),
      end: { date: pair.plannedEnd, timeZone: "UTC" },
    },
    actions: replaceButtons(replacement.id),
  });
}

async function loadProgrammeOf(deps: Deps, programmeId: string) {
  const programme = await deps.store.programmes.get(programmeId);
  const school = programme && (await deps.store.schools.get(programme.schoolId));
  return programme && school ? { programme, school } : null;
}

/**
 * The curator proposes a new mentor for an active pair (2.8). As for a new pair (2.6), the new
 * mentor, every mentee and each minor's parent must agree: until then the pair keeps its mentor
 * and stays active. The new mentor's places are reserved now (under the mentor's lock, like a
 * proposal's), so that agreement never finds them gone; one proposal at a time per pair.
 */
export async function proposeReplacement(deps: Deps, actor: Actor, input: { pairId: string; membershipId: string; reason: string; expectedMentorId?: string }): Promise<Result<Pair>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  const reason = checkReason("replace", input.reason);
  if (!reason.ok) return reason;
  const { store } = deps;
  const outcome = await store.pairs.locked(input.pairId, async (): Promise<Result<{ pair: Pair; replacement: PendingReplacement; people: People }>> => {
    const pair = await store.pairs.get(input.pairId);
    // Ended or declined meanwhile (by another curator, or a withdrawal): nothing is proposed.
    if (!pair || pair.status !== "active") return notActive(pair, "change-replace-ended", "change-replace-changed");
    if (input.expectedMentorId !== undefined && pair.mentorId !== input.expectedMentorId) return refuse("stale", "change-replace-changed");
    if (pair.replacement) return refuse("rule", "change-replace-pending");
    const newMentor = await store.memberships.get(input.membershipId);
    if (!newMentor || newMentor.role !== "mentor" || newMentor.intake !== "ready" || newMentor.mentorTrainedOn === null || newMentor.programmeId !== pair.programmeId || newMentor._id === pair.mentorId) {
      return refuse("rule", "change-replace-not-ready");
    }
    if (!(await takePlaces(deps, newMentor._id, pair.menteeIds.length, pair._id))) return refuse("rule", (await present(deps, [newMentor._id])) ? "change-replace-mentor-full" : "change-replace-not-ready");
    const found = await store.memberships.getMany(pair.menteeIds);
    const mentees = pair.menteeIds.flatMap((id) => (found.get(id) ? [found.get(id)!] : []));
    const replacement: PendingReplacement = { id: newId(), mentorId: newMentor._id, parties: (await partiesOf(deps, newMentor, mentees)).map(partyKey), reason: reason.value, by: actor.userId, at: deps.clock() };
    if (!(await store.pairs.setReplacementLocked(pair._id, replacement))) {
      await releasePlaces(deps, newMentor._id, pair._id);
      return refuse("stale", "change-replace-changed");
    }
    // The new mentor withdrew meanwhile: nothing is proposed (see `present`).
    if (!(await present(deps, [newMentor._id]))) {
      await store.pairs.setReplacementLocked(pair._id, null, replacement.id);
      await releasePlaces(deps, newMentor._id, pair._id);
      return refuse("rule", "change-replace-not-ready");
    }
    await store.pairEvents.add({ pairId: pair._id, programmeId: pair.programmeId, kind: "replacement-proposed", at: replacement.at, by: actor.userId, reason: reason.value, details: { from: pair.mentorId, to: newMentor._id } });
    return ok({ pair: { ...pair, replacement }, replacement, people: { mentor: newMentor, mentees } });
  });
  if (!outcome.ok) return outcome;
  const { pair, replacement, people } = outcome.value;
  deps.logger.info({ pairId: pair._id }, "replacement proposed");
  await audit.record(deps, { programmeId: pair.programmeId, actor, action: "mentor-replaced", pairId: pair._id });
  for (const party of await partiesOf(deps, people.mentor, people.mentees)) if (replacement.parties.includes(partyKey(party))) await askReplacement(deps, pair, replacement, party, people);
  return ok(pair);
}

/**
 * Takes back a pair's pending replacement, read under the pair's lock: the new mentor's reserved
 * places are freed and the pair stays as it is. `why` is recorded as an event unless the proposal
 * ended with a decline (whose answer is the event). Whether there was one.
 */
async function withdrawReplacementLocked(deps: Deps, pair: Pair, by: number | null, declined = false): Promise<boolean> {
  const replacement = pair.replacement;
  if (!replacement) return false;
  if (!(await deps.store.pairs.setReplacementLocked(pair._id, null, replacement.id))) return false;
  // The new mentor's places are held for this pair only while they are not its mentor.
  if (replacement.mentorId !== pair.mentorId) await releasePlaces(deps, replacement.mentorId, pair._id);
  if (!declined) await deps.store.pairEvents.add({ pairId: pair._id, programmeId: pair.programmeId, kind: "replacement-withdrawn", at: deps.clock(), by, details: { to: replacement.mentorId } });
  return true;
}

/** The pair with this pending replacement and the people it is about: the new mentor and the mentees. */
async function pendingOf(deps: Deps, replacementId: string): Promise<{ pair: Pair; replacement: PendingReplacement; people: People } | null> {
  const pair = await deps.store.pairs.withReplacement(replacementId);
  if (!pair?.replacement) return null;
  const people = await peopleOf(deps, { mentorId: pair.replacement.mentorId, menteeIds: pair.menteeIds });
  return people ? { pair, replacement: pair.replacement, people } : null;
}

/** The parties of a pending replacement as they are now (a parent's Telegram id read from the consents). */
async function replacementParties(deps: Deps, found: { replacement: PendingReplacement; people: People }): Promise<Party[]> {
  return (await partiesOf(deps, found.people.mentor, found.people.mentees)).filter((p) => found.replacement.parties.includes(partyKey(p)));
}

/** The party keys this person answers for on a proposed replacement: as the new mentor, a mentee, or a minor's parent. */
async function myReplacementParties(deps: Deps, actor: Actor, found: { replacement: PendingReplacement; people: People }): Promise<Result<string[]>> {
  const mine: string[] = [];
  for (const party of await replacementParties(deps, found)) {
    if (party.userId !== actor.userId) continue;
    const need = party.kind === "parent" ? ({ kind: "parent", membershipId: party.membershipId } as const) : ({ kind: "own", membershipId: party.membershipId } as const);
    if ((await authorize(deps, actor, need)).ok) mine.push(partyKey(party));
  }
  return mine.length === 0 ? refuse("not-allowed") : ok(mine);
}

/** Before «Не согласен» asks why: whether this person may still answer this proposed replacement. Changes nothing. */
export async function mayDeclineReplacement(deps: Deps, actor: Actor, input: { replacementId: string }): Promise<Result<true>> {
  const found = await pendingOf(deps, input.replacementId);
  if (!found) return refuse("stale", "agreement-closed");
  const mine = await myReplacementParties(deps, actor, found);
  return mine.ok ? ok(true) : mine;
}

export type ReplacementResult = "closed" | "waiting" | "replaced" | "declined";

/**
 * The new mentor, a mentee, or a minor's parent answers a proposed replacement. When everyone has
 * agreed, the mentor changes (once, under the pair's lock); one decline withdraws the proposal,
 * the pair stays as it was, and the curators hear why.
 */
export async function answerReplacement(deps: Deps, actor: Actor, input: { replacementId: string; answer: AgreementAnswer; decline?: DeclineInput }): Promise<Result<ReplacementResult>> {
  const found = await pendingOf(deps, input.replacementId);
  if (!found) return refuse("stale", "agreement-closed");
  const mine = await myReplacementParties(deps, actor, found);
  if (!mine.ok) return mine;
  let decline: Decline | null = null;
  if (input.answer === "declined" && input.decline) {
    const checked = checkDecline(input.decline);
    if (!checked.ok) return checked;
    decline = checked.value;
  }
  return ok(await recordReplacementAnswers(deps, found, mine.value, input.answer, actor.userId, decline));
}

/** The curator records the agreement of a parent who consented on paper, for a proposed replacement. */
export async function recordReplacementPaperParent(deps: Deps, actor: Actor, input: { replacementId: string; membershipId: string }): Promise<Result<{ result: ReplacementResult; pairId: string }>> {
  const found = await pendingOf(deps, input.replacementId);
  if (!found) return refuse("not-allowed");
  const grant = await asPairCurator(deps, actor, found.pair._id);
  if (!grant.ok) return grant;
  const key = partyKey({ kind: "parent", membershipId: input.membershipId });
  const paper = (await replacementParties(deps, found)).find((p) => partyKey(p) === key && p.userId === null);
  if (!paper) return refuse("not-allowed");
  await audit.record(deps, { programmeId: found.pair.programmeId, actor, action: "paper-consent", membershipId: input.membershipId, pairId: found.pair._id });
  return ok({ result: await recordReplacementAnswers(deps, found, [key], "accepted", actor.userId, null), pairId: found.pair._id });
}

/** The curator takes back a proposed replacement nobody has settled: the pair stays as it was. */
export async function withdrawReplacement(deps: Deps, actor: Actor, input: { pairId: string }): Promise<Result<Pair>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  const withdrawn = await deps.store.pairs.locked(input.pairId, async () => {
    const pair = await deps.store.pairs.get(input.pairId);
    return pair && pair.status === "active" && (await withdrawReplacementLocked(deps, pair, actor.userId)) ? pair : null;
  });
  if (!withdrawn?.replacement) return refuse("stale", "replacement-none-pending");
  const people = await peopleOf(deps, { mentorId: withdrawn.replacement.mentorId, menteeIds: withdrawn.menteeIds });
  if (people) for (const user of usersOf(await replacementParties(deps, { replacement: withdrawn.replacement, people }))) await deps.notices.send({ to: user, key: "replace-withdrawn" });
  return ok({ ...withdrawn, replacement: null });
}

const usersOf = (parties: readonly Party[]) => new Set(parties.map((p) => p.userId).filter((u): u is number => u !== null));

async function recordReplacementAnswers(
  deps: Deps,
  found: { pair: Pair; replacement: PendingReplacement; people: People },
  mine: string[],
  answer: AgreementAnswer,
  userId: number,
  decline: Decline | null,
): Promise<ReplacementResult> {
  const { store } = deps;
  const { pair, replacement, people } = found;
  const pairId = pair._id;
  const rid = replacement.id;
  const now = deps.clock();
  const stillPending = async () => {
    const current = await store.pairs.get(pairId);
    return current && current.status === "active" && current.replacement?.id === rid ? current : null;
  };
  // Each answer is its own claim, keyed by this proposal: the first of each party stands. A press
  // of a party that has answered is turned away without waiting for the pair's lock.
  if (!(await stillPending())) return "closed";
  const answered = await Promise.all(mine.map((key) => store.claims.holderOf(claimKeys.replacementAnswer(rid, key))));
  if (answered.every((holder) => holder !== null)) return "closed";
  // The claims and their event together, under the pair's lock and only while this proposal is
  // still pending (as for a new pair's answers): an answer counted by whoever settles the
  // proposal is always in the history before the change.
  const recorded = await store.pairs.locked(pairId, async () => {
    if (!(await stillPending())) return false;
    let any = false;
    for (const key of mine) any = (await store.claims.claim(claimKeys.replacementAnswer(rid, key), claimKeys.replacementAnswers(rid), answer, now)) || any;
    if (!any) return false;
    await store.pairEvents.add({
      pairId,
      programmeId: pair.programmeId,
      kind: answer === "accepted" ? "replacement-agreed" : "replacement-declined",
      at: now,
      by: userId,
      reason: answer === "declined" ? (decline?.reason ?? null) : null,
      details: { parties: mine.join(" "), ...(answer === "declined" ? declineDetails(decline) : {}) },
    });
    return true;
  });
  if (!recorded) return "closed";

  const required = await replacementParties(deps, found);
  const scope = claimKeys.replacementAnswers(rid);
  const answers: Record<string, AgreementAnswer> = Object.fromEntries((await store.claims.inScope(scope)).map((c) => [c._id.slice(scope.length + 1), c.holder === "accepted" ? "accepted" : "declined"]));
  const outcome = agreementOutcome(required, answers);
  if (outcome.status === "pending") return "waiting";
  const users = usersOf(required);
  const names = await personRefs(deps, [people.mentor, ...people.mentees]);
  const about = { mentor: names.get(people.mentor._id) ?? "—", mentees: { list: people.mentees.map((m) => names.get(m._id) ?? "—") } };

  if (outcome.status === "agreed") {
    // Whoever answers last makes the change, once: the new mentor in, the old one's places freed,
    // only with everyone still in the programme (a withdrawal meanwhile withdraws the proposal).
    const swapped = await store.pairs.locked(pairId, async () => {
      const current = await stillPending();
      if (!current) return null;
      const from = current.mentorId;
      if (!(await present(deps, [replacement.mentorId, ...current.menteeIds]))) {
        await withdrawReplacementLocked(deps, current, null);
        return null;
      }
      if (!(await store.pairs.setMentorLocked(pairId, from, replacement.mentorId, replacement.parties))) return null;
      // The new mentor withdrew meanwhile: the pair keeps its mentor (see `present`).
      if (!(await present(deps, [replacement.mentorId]))) {
        await store.pairs.setMentorLocked(pairId, replacement.mentorId, from, current.parties);
        await withdrawReplacementLocked(deps, current, null);
        return null;
      }
      await store.pairs.setReplacementLocked(pairId, null, rid);
      await releasePlaces(deps, from, pairId);
      // The replacement answers any open request for one.
      await store.claims.release(claimKeys.replacementRequest(pairId));
      await store.pairEvents.add({ pairId, programmeId: pair.programmeId, kind: "mentor-replaced", at: now, by: replacement.by, reason: replacement.reason, details: { from, to: replacement.mentorId } });
      return { former: from };
    });
    if (!swapped) return "closed";
    deps.logger.info({ pairId }, "mentor replaced");
    for (const user of users) await deps.notices.send({ to: user, key: "change-told-replaced" });
    const former = await store.memberships.get(swapped.former);
    if (former) await deps.notices.send({ to: former.userId, key: "change-told-former-mentor" });
    await tellCurators(deps, pair.programmeId, { key: "replace-done-curator", vars: about, actions: [[openPairButton(pairId)]] });
    return "replaced";
  }

  // Someone declined: the proposal is withdrawn, the pair stays as it was, the curators hear why.
  const withdrawn = await store.pairs.locked(pairId, async () => {
    const current = await stillPending();
    return current ? withdrawReplacementLocked(deps, current, userId, true) : false;
  });
  if (!withdrawn) return "closed";
  deps.logger.info({ pairId }, "replacement declined");
  const who = outcome.declinedBy[0];
  await tellCurators(deps, pair.programmeId, { key: "replace-declined-curator", vars: { who: who ? msg(`pair-party-${who.kind}`) : "", ...about, ...declineVars(decline) }, actions: [[openPairButton(pairId)]] });
  for (const user of users) if (user !== userId) await deps.notices.send({ to: user, key: "replace-declined" });
  return "declined";
}

/** The term of an active pair and the suggestion for its extension (a month later). */
export async function pairTermOf(deps: Deps, actor: Actor, pairId: string, status: PairStatus): Promise<Result<{ startDate: Date; plannedEnd: Date }>> {
  const grant = await asPairCurator(deps, actor, pairId);
  if (!grant.ok) return grant;
  const pair = grant.value.pair;
  if (pair.status !== status) return refuse("stale");
  return ok({ startDate: pair.startDate, plannedEnd: pair.plannedEnd });
}

/** Why a new end cannot be: not later, or the term too long (a message key), or null; `today` is the school's day. */
export function extensionProblem(term: { startDate: Date; plannedEnd: Date }, newEnd: Date, today: Date): string | null {
  if (validateExtension(term.plannedEnd, newEnd) !== "ok") return "extension-problem-not-later";
  return validateTerm(term.startDate, newEnd, today) === "too-long" ? "term-problem-too-long" : null;
}

/** The curator extends the term of an active pair (2.9). */
export async function extendTerm(deps: Deps, actor: Actor, input: { pairId: string; reason: string; plannedEnd: Date }): Promise<Result<Pair>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  const reason = checkReason("extend", input.reason);
  if (!reason.ok) return reason;
  const problem = extensionProblem(grant.value.pair, input.plannedEnd, today(deps, grant.value.school.timeZone));
  if (problem) return refuse("rule", problem);
  const before = await deps.store.pairs.setPlannedEnd(input.pairId, input.plannedEnd);
  if (!before) return notActive(await deps.store.pairs.get(input.pairId), "change-extend-ended");
  await deps.store.pairEvents.add({
    pairId: input.pairId,
    programmeId: before.programmeId,
    kind: "extended",
    at: deps.clock(),
    by: actor.userId,
    reason: reason.value,
    details: { from: before.plannedEnd.toISOString().slice(0, 10), to: input.plannedEnd.toISOString().slice(0, 10) },
  });
  await audit.record(deps, { programmeId: before.programmeId, actor, action: "term-extended", pairId: input.pairId });
  await tellPair(deps, before, "change-told-extended");
  return ok({ ...before, plannedEnd: input.plannedEnd });
}

/** Why a term cannot be (a message key), or null: the domain's rule; `today` is the school's day. */
export function termProblem(start: Date, end: Date, today: Date): string | null {
  const problem = validateTerm(start, end, today);
  return problem === "ok" ? null : `term-problem-${problem}`;
}

/** The dates of a proposed pair. */
export async function setTerm(deps: Deps, actor: Actor, input: { pairId: string; startDate: Date; plannedEnd: Date }): Promise<Result<Pair>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  const problem = termProblem(input.startDate, input.plannedEnd, today(deps, grant.value.school.timeZone));
  if (problem) return refuse("rule", problem);
  // Saved only while the pair is proposed (under its lock); otherwise the curator hears why not.
  if (!(await deps.store.pairs.setTerm(input.pairId, input.startDate, input.plannedEnd))) {
    const now = await deps.store.pairs.get(input.pairId);
    return refuse("stale", now?.status === "active" ? "pair-term-not-saved-active" : "pair-term-not-saved-closed");
  }
  return ok({ ...grant.value.pair, startDate: input.startDate, plannedEnd: input.plannedEnd });
}

/** The role model of a pair (the engine proposes the form; the curator names the model), or none. */
export async function setRoleModel(deps: Deps, actor: Actor, input: { pairId: string; roleModel: string | null }): Promise<Result<Pair>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  if (input.roleModel !== null && !isRoleModelOf(grant.value.pair.form, input.roleModel)) return refuse("rule", "button-stale");
  if (!(await deps.store.pairs.setRoleModel(input.pairId, input.roleModel))) return refuse("stale");
  return ok({ ...grant.value.pair, roleModel: input.roleModel });
}

/** The role models the form of this pair has (for the curator's choice). */
export async function roleModelsOf(deps: Deps, actor: Actor, pairId: string): Promise<Result<readonly string[]>> {
  const grant = await asPairCurator(deps, actor, pairId);
  if (!grant.ok) return grant;
  return ok(ROLE_MODELS[grant.value.pair.form]);
}

/**
 * A mentee or a mentor of an active pair asks the curator for a replacement (5.1). The request
 * stays open (a claim) until the curator replaces the mentor or dismisses it; meanwhile another
 * request, by anyone in the pair, is refused and adds nothing.
 */
export async function requestReplacement(deps: Deps, actor: Actor, input: { pairId: string }): Promise<Result<Pair>> {
  const grant = await authorize(deps, actor, { kind: "pair-party", pairId: input.pairId });
  if (!grant.ok) return grant;
  const { pair, me } = grant.value;
  if (pair.status !== "active") return refuse("stale");
  const key = claimKeys.replacementRequest(pair._id);
  if (!(await deps.store.claims.claim(key, key, actor.userId, deps.clock()))) return refuse("rule", "replacement-already-requested");
  await deps.store.pairEvents.add({ pairId: pair._id, programmeId: pair.programmeId, kind: "replacement-requested", at: deps.clock(), by: actor.userId, reason: me.role === "mentor" ? "mentor-request" : "mentee-request" });
  await tellCurators(deps, pair.programmeId, { key: "replacement-requested-curator", vars: { who: await personRef(deps, me) }, actions: [[openPairButton(pair._id)]] });
  return ok(pair);
}

/** The curator answers an open replacement request without replacing: the one who asked is told. */
export async function dismissReplacement(deps: Deps, actor: Actor, input: { pairId: string }): Promise<Result<Pair>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  const key = claimKeys.replacementRequest(input.pairId);
  const holder = await deps.store.claims.holderOf(key);
  if (holder === null) return refuse("stale", "replacement-none-open");
  await deps.store.claims.release(key);
  deps.logger.info({ pairId: input.pairId }, "replacement request dismissed");
  if (typeof holder === "number") await deps.notices.send({ to: holder, key: "replacement-dismissed" });
  return ok(grant.value.pair);
}

/** Who asked for a replacement that is still open, if anyone. */
async function openReplacementRequest(deps: Deps, pair: Pair, people: People | null): Promise<{ who: NoticeVar; at: Date } | null> {
  const claim = (await deps.store.claims.inScope(claimKeys.replacementRequest(pair._id)))[0];
  if (!claim) return null;
  const asker = people ? [people.mentor, ...people.mentees].find((m) => m.userId === claim.holder) : undefined;
  return { who: asker ? await personRef(deps, asker) : "—", at: claim.at };
}

// ---------------------------------------------------------------------------------------------
// The curator's screens.

export interface PairsHome {
  view: ProgrammeView;
  mentors: number;
  trained: number;
  pool: number;
  awaiting: number;
  active: number;
  roundUntil: Date | null;
}

export async function pairsHome(deps: Deps, actor: Actor, programmeId: string): Promise<Result<PairsHome>> {
  const grant = await asCurator(deps, actor, programmeId);
  if (!grant.ok) return grant;
  const { store } = deps;
  const mentors = await store.memberships.participants(programmeId, "mentor", { intake: "ready" });
  const mentees = await store.memberships.participants(programmeId, "mentee", { intake: "ready" });
  const pairs = await store.pairs.ofProgramme(programmeId, OCCUPYING_STATUSES);
  const round = await currentRound(deps, programmeId);
  return ok({
    view: grant.value,
    mentors: mentors.length,
    trained: mentors.filter((m) => m.mentorTrainedOn !== null).length,
    pool: mentees.filter((m) => m.pairId === null).length,
    awaiting: pairs.filter((p) => p.status === "awaiting").length,
    active: pairs.filter((p) => p.status === "active").length,
    roundUntil: round ? round.deadline : null,
  });
}

export interface PairLine {
  pair: Pair;
  mentor: NoticeVar;
  mentees: NoticeVar[];
}

async function pairLines(deps: Deps, pairs: Pair[]): Promise<PairLine[]> {
  const people = await deps.store.memberships.getMany([...new Set(pairs.flatMap((p) => [p.mentorId, ...p.menteeIds]))]);
  const names = await personRefs(deps, [...people.values()]);
  return pairs.map((pair) => ({ pair, mentor: names.get(pair.mentorId) ?? "—", mentees: pair.menteeIds.flatMap((id) => (names.has(id) ? [names.get(id)!] : [])) }));
}

export const PAIRS_PAGE = 10;

export interface PairsList {
  view: ProgrammeView;
  pairs: Page<PairLine>;
}

export async function pairsList(deps: Deps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<PairsList>> {
  const grant = await asCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const page = pageOf(await deps.store.pairs.ofProgramme(input.programmeId), input.page, PAIRS_PAGE);
  return ok({ view: grant.value, pairs: { ...page, items: await pairLines(deps, page.items) } });
}

export interface HistoryLine {
  kind: PairEventKind;
  at: Date;
  /** The reason's message key, if the event has a reason. */
  reasonKey: string | null;
}

export interface PairCard extends PairLine {
  view: ProgrammeView;
  /** Proposed pairs: the parties who have not answered (a paper parent as such). */
  waiting: { kind: Party["kind"]; paper: boolean }[];
  /** Proposed pairs: children whose paper parent's agreement the curator may record. */
  paperParents: { membershipId: string; child: NoticeVar }[];
  /** The last few events (HISTORY_ON_CARD), oldest first; the whole history pages (pairHistory). */
  history: HistoryLine[];
  historyTotal: number;
  /** An open replacement request: who asked and when. */
  replacement: { who: NoticeVar; at: Date } | null;
  /** A new mentor proposed and not yet agreed: who, who has not answered, paper parents to record. */
  pendingReplacement: { replacementId: string; mentor: NoticeVar; waiting: { kind: Party["kind"]; paper: boolean }[]; paperParents: { membershipId: string; child: NoticeVar }[] } | null;
  roleModels: readonly string[];
  /** Meetings, feedback, open flags and the newest comments (services/pairCards.ts). */
  stats: CuratorPairStats;
}

/** How many of a pair's last events its card shows. */
export const HISTORY_ON_CARD = 5;
export const HISTORY_PAGE = 20;


export async function pairCard(deps: Deps, actor: Actor, pairId: string): Promise<Result<PairCard>> {
  const grant = await asPairCurator(deps, actor, pairId);
  if (!grant.ok) return grant;
  const pair = grant.value.pair;
  const [line] = await pairLines(deps, [pair]);
  const waiting: PairCard["waiting"] = [];
  const paperParents: PairCard["paperParents"] = [];
  const people = await peopleOf(deps, pair);
  if (pair.status === "awaiting" && people) {
    const answers = await answersOf(deps, pair._id);
    const names = await personRefs(deps, people.mentees);
    for (const p of (await partiesOf(deps, people.mentor, people.mentees)).filter((p) => pair.parties.includes(partyKey(p)) && !answers[partyKey(p)])) {
      waiting.push({ kind: p.kind, paper: p.userId === null });
      const child = names.get(p.membershipId);
      if (p.userId === null && child) paperParents.push({ membershipId: p.membershipId, child });
    }
  }
  const history = await historyOf(deps, pair._id);
  const replacement = pair.status === "active" ? await openReplacementRequest(deps, pair, people) : null;
  const pendingReplacement = pair.status === "active" ? await pendingReplacementOf(deps, pair) : null;
  return ok({ ...line!, view: grant.value, waiting, paperParents, history: history.slice(-HISTORY_ON_CARD), historyTotal: history.length, replacement, pendingReplacement, roleModels: ROLE_MODELS[pair.form], stats: await curatorPairStats(deps, pair) });
}

async function pendingReplacementOf(deps: Deps, pair: Pair): Promise<PairCard["pendingReplacement"]> {
  const replacement = pair.replacement;
  if (!replacement) return null;
  const people = await peopleOf(deps, { mentorId: replacement.mentorId, menteeIds: pair.menteeIds });
  if (!people) return null;
  const scope = claimKeys.replacementAnswers(replacement.id);
  const answered = new Set((await deps.store.claims.inScope(scope)).map((c) => c._id.slice(scope.length + 1)));
  const names = await personRefs(deps, [people.mentor, ...people.mentees]);
  const waiting: { kind: Party["kind"]; paper: boolean }[] = [];
  const paperParents: { membershipId: string; child: NoticeVar }[] = [];
  for (const p of (await replacementParties(deps, { replacement, people })).filter((p) => !answered.has(partyKey(p)))) {
    waiting.push({ kind: p.kind, paper: p.userId === null });
    const child = names.get(p.membershipId);
    if (p.userId === null && child) paperParents.push({ membershipId: p.membershipId, child });
  }
  return { replacementId: replacement.id, mentor: names.get(people.mentor._id) ?? "—", waiting, paperParents };
}

const historyOf = async (deps: Deps, pairId: string): Promise<HistoryLine[]> =>
  (await deps.store.pairEvents.history(pairId)).map((e) => ({ kind: e.kind, at: e.at, reasonKey: e.reason ? reasonKey(reasonKindOf(e.kind), e.reason) : null }));

export interface PairHistory extends PairLine {
  view: ProgrammeView;
  events: Page<HistoryLine>;
}

/** A pair's whole history, a page at a time, oldest first. */
export async function pairHistory(deps: Deps, actor: Actor, input: { pairId: string; page: number }): Promise<Result<PairHistory>> {
  const grant = await asPairCurator(deps, actor, input.pairId);
  if (!grant.ok) return grant;
  const [line] = await pairLines(deps, [grant.value.pair]);
  return ok({ ...line!, view: grant.value, events: pageOf(await historyOf(deps, input.pairId), input.page, HISTORY_PAGE) });
}

// ---------------------------------------------------------------------------------------------
// The order (2.7): active pairs without an order get its number and date; the list is built.

/** How many active pairs have no order yet. */
export async function orderPending(deps: Deps, actor: Actor, programmeId: string): Promise<Result<number>> {
  const grant = await asCurator(deps, actor, programmeId);
  if (!grant.ok) return grant;
  return ok((await deps.store.pairs.ofProgramme(programmeId, ["active"])).filter((p) => p.orderNumber === null).length);
}

export interface OrderList {
  view: ProgrammeView;
  number: string;
  date: Date;
  recorded: number;
  rows: (PairLine & { form: Form; roleModel: string | null; start: Date; end: Date })[];
}

/** Records the order for the active pairs without one, and gives the list of the pairs in it. */
export async function recordOrder(deps: Deps, actor: Actor, input: { programmeId: string; number: string; date: Date }): Promise<Result<OrderList>> {
  const grant = await asCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const number = input.number.trim();
  if (number.length === 0 || number.length > 30) return refuse("rule", "input-empty");
  const dateProblem = checkPastDay(input.date, today(deps, grant.value.school.timeZone));
  if (dateProblem) return refuse("rule", dayProblemKey(dateProblem));
  const { store } = deps;
  const pending = (await store.pairs.ofProgramme(input.programmeId, ["active"])).filter((p) => p.orderNumber === null);
  const recorded = await store.pairs.recordOrder(
    pending.map((p) => p._id),
    number,
    input.date,
  );
  for (const id of recorded) await store.pairEvents.add({ pairId: id, programmeId: input.programmeId, kind: "order", at: deps.clock(), by: actor.userId, details: { number } });
  const inOrder = (await store.pairs.ofProgramme(input.programmeId, ["active"])).filter((p) => p.orderNumber === number);
  const lines = await pairLines(deps, inOrder);
  deps.logger.info({ programmeId: input.programmeId, recorded: recorded.length }, "order recorded");
  return ok({
    view: grant.value,
    number,
    date: input.date,
    recorded: recorded.length,
    rows: lines.map((l) => ({ ...l, form: l.pair.form, roleModel: l.pair.roleModel, start: l.pair.startDate, end: l.pair.plannedEnd })),
  });
}

// ---------------------------------------------------------------------------------------------
// The job: once, N days after a proposal, those who have not answered are asked again.

/** A pair proposal not yet answered by everyone: the request again for each who has not answered. */
export interface UnansweredAgreement {
  pairId: string;
  programmeId: string;
  proposedAt: Date;
  /** The school's time zone. */
  timeZone: string;
  asks: { party: string; notice: Notice; child: boolean }[];
}

/**
 * The pairs awaiting answers, with the request again for each party who has not answered (the
 * Pending job, jobs/pending.ts, decides when it is due; the outbox sends it once).
 */
export async function unansweredAgreements(deps: Deps): Promise<UnansweredAgreement[]> {
  const out: UnansweredAgreement[] = [];
  for (const pair of await deps.store.pairs.awaiting()) {
    const people = await peopleOf(deps, pair);
    const programme = await deps.store.programmes.get(pair.programmeId);
    const school = programme && (await deps.store.schools.get(programme.schoolId));
    if (!people || !school) continue;
    const answers = await answersOf(deps, pair._id);
    const asks: UnansweredAgreement["asks"] = [];
    for (const party of await partiesOf(deps, people.mentor, people.mentees)) {
      if (party.userId === null || answers[partyKey(party)] || !pair.parties.includes(partyKey(party))) continue;
      const notice = await agreementNotice(deps, pair, party, people);
      const member = party.membershipId === people.mentor._id ? people.mentor : people.mentees.find((m) => m._id === party.membershipId);
      if (notice) asks.push({ party: partyKey(party), notice, child: party.kind !== "parent" && member?.category === "student" });
    }
    out.push({ pairId: pair._id, programmeId: pair.programmeId, proposedAt: pair.proposedAt, timeZone: school.timeZone, asks });
  }
  return out;
}

/**
 * The school's today (its calendar day in its time zone, dates.ts): the first day of the default
 * term of a pair proposed now, the day a mentor is marked trained, the latest day of an order.
 */
export const today = (deps: Pick<ServiceDeps, "clock">, timeZone: string): Date => schoolToday(deps.clock(), timeZone);

/** The message key of what is wrong with a typed day: «Дата в будущем», «Раньше начала», «Это не дата…». */
export const dayProblemKey = (problem: DayProblem): string => `date-problem-${problem}`;

/** The school's today for the curator of a programme (or of a pair's programme): what a date question offers and checks against. */
export async function schoolDayOf(deps: Deps, actor: Actor, of: { programmeId: string } | { pairId: string }): Promise<Result<Date>> {
  const grant = "pairId" in of ? await asPairCurator(deps, actor, of.pairId) : await asCurator(deps, actor, of.programmeId);
  if (!grant.ok) return grant;
  return ok(today(deps, grant.value.school.timeZone));
}
