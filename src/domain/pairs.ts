import { utcDay } from "./dates.js";
import { MAX_MENTEES_PER_MENTOR } from "./matching/index.js";
import type { Form } from "./programme.js";

// Pairs and groups (stages 5–6 of the programme): role models, agreement, term, capacity, history.
// Rules from the school's regulation (seed 003, section 2 and 5.1). Time is passed in; words live
// in the locales, code uses ids.

export { MAX_MENTEES_PER_MENTOR };

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Role models (варианты взаимодействия): the variants the regulation lists per form.

/**
 * Role-model variants per form, as the regulation lists them (2.2.5, 2.3.5, 2.4.5). The regulation
 * runs three forms and lists no variants for «учитель – ученик» and «студент – ученик»: those stay
 * empty, and a pair of such a form has no role model. Ids are unique across forms; labels are
 * `role-model-<id>`.
 */
export const ROLE_MODELS: Record<Form, readonly string[]> = {
  "student-student": ["achiever-underachiever", "leader-passive", "peer-to-peer"],
  "teacher-teacher": ["experienced-young", "leader-struggling", "innovator-conservative", "experienced-inexperienced-subject"],
  "teacher-student": [],
  "employer-student": ["professional-indifferent", "colleague-young-colleague", "employer-future-employee"],
  "university-student": [],
};

/** Every role model of every form, once each. */
export const ALL_ROLE_MODELS: readonly string[] = [...new Set(Object.values(ROLE_MODELS).flat())];

export function isRoleModelOf(form: Form, id: string): boolean {
  return ROLE_MODELS[form].includes(id);
}

export const roleModelKey = (id: string): string => `role-model-${id}`;

// ---------------------------------------------------------------------------------------------
// Reasons: replacement of the mentor (2.8, 5.1), extension of the term (2.9), early end (2.10).

/**
 * 2.8: the mentor leaves (прекращение трудового договора; a student mentor leaves the school);
 * either side is transferred; the mentor's or the mentee's request (5.1: the mentee's petition);
 * the mentor does not fulfil the duties; other circumstances — of which a long absence and
 * psychological incompatibility are named apart, being the common ones.
 */
export const REPLACEMENT_REASONS = ["mentor-left", "transfer", "mentor-request", "mentee-request", "mentor-not-fulfilling", "long-absence", "incompatibility", "other"] as const;
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

/** 2.9: temporary incapacity, a business trip, another long absence for a good reason (either side). */
export const EXTENSION_REASONS = ["incapacity", "business-trip", "absence"] as const;
export type ExtensionReason = (typeof EXTENSION_REASONS)[number];

/** 2.10: the mentee does not fulfil the duties; also the mentee leaves, both sides agree, other. */
export const EARLY_END_REASONS = ["mentee-not-fulfilling", "mentee-left", "mutual-agreement", "other"] as const;
export type EarlyEndReason = (typeof EARLY_END_REASONS)[number];

/**
 * Why a person declines a proposed pair or a new mentor (2.6: mentoring is voluntary, but the
 * curator needs to know what to change): no time, the proposed person does not suit them, the
 * format or schedule does not fit, or something else, said in a short text.
 */
export const DECLINE_REASONS = ["no-time", "person", "schedule", "other"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** The longest text a person writes for «другое» when declining. */
export const DECLINE_TEXT_MAX = 300;

/** Only «другое» asks for a text; the others are enough as they are. */
export function declineNeedsText(reason: DeclineReason): boolean {
  return reason === "other";
}

/** Every reason of any kind, once each (a pair's history keeps them). */
export const PAIR_REASONS: readonly string[] = [...new Set([...REPLACEMENT_REASONS, ...EXTENSION_REASONS, ...EARLY_END_REASONS, ...DECLINE_REASONS])];

export type ReasonKind = "replace" | "extend" | "end" | "decline";
const REASONS: Record<ReasonKind, readonly string[]> = { replace: REPLACEMENT_REASONS, extend: EXTENSION_REASONS, end: EARLY_END_REASONS, decline: DECLINE_REASONS };

export function reasonsFor(kind: ReasonKind): readonly string[] {
  return REASONS[kind];
}
export function isReason(kind: ReasonKind, id: string): boolean {
  return REASONS[kind].includes(id);
}
/** `reason-replace-<id>`, `reason-extend-<id>`, `reason-end-<id>`, `reason-decline-<id>`. */
export const reasonKey = (kind: ReasonKind, id: string): string => `reason-${kind}-${id}`;

// ---------------------------------------------------------------------------------------------
// Statuses.

/**
 * awaiting: proposed to the people, waiting for everyone's agreement; active: agreed (and then
 * approved by an order, recorded as an event); declined: someone declined (or the curator
 * withdrew the proposal) before it became active; ended: finished, at the planned end or early.
 * Replacing the mentor or extending the term keeps the pair active and is recorded as an event.
 */
export const PAIR_STATUSES = ["awaiting", "active", "declined", "ended"] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

const TRANSITIONS: Record<PairStatus, readonly PairStatus[]> = {
  awaiting: ["active", "declined"],
  active: ["ended"],
  declined: [],
  ended: [],
};

export function canTransition(from: PairStatus, to: PairStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses that hold a place in the mentor's limit: a proposal reserves it until answered. */
export const OCCUPYING_STATUSES: readonly PairStatus[] = ["awaiting", "active"];

export const pairStatusKey = (status: PairStatus): string => `pair-status-${status}`;

// ---------------------------------------------------------------------------------------------
// Agreement (2.6): voluntary; the mentor and every mentee agree, and for a minor also the parent.

export type PartyKind = "mentor" | "mentee" | "parent";
/** One who must agree. A parent's membershipId is the minor's (mentor's or mentee's) membership. */
export type Party = { kind: PartyKind; membershipId: string; userId: number | null };

export interface AgreementPerson {
  membershipId: string;
  userId: number | null;
  minor: boolean;
  /** The parent's Telegram user, when the parent consented in the bot; null when on paper. */
  parentUserId: number | null;
}

export interface AgreementInput {
  mentor: AgreementPerson;
  mentees: readonly AgreementPerson[];
}

/** A minor whose parent is not in the bot (the consent was given on paper): the curator confirms. */
export type PaperMinor = { kind: "mentor" | "mentee"; membershipId: string };

/** Key of a party in the answers map, a MongoDB field name: `mentor:<id>`, `mentee:<id>`, `parent:<id>`. */
export function partyKey(party: Pick<Party, "kind" | "membershipId">): string {
  if (party.membershipId === "" || /[.$:]/.test(party.membershipId)) throw new RangeError(`membership id unfit for a key: ${party.membershipId}`);
  return `${party.kind}:${party.membershipId}`;
}

function people(input: AgreementInput): { kind: "mentor" | "mentee"; person: AgreementPerson }[] {
  const all = [{ kind: "mentor" as const, person: input.mentor }, ...input.mentees.map((person) => ({ kind: "mentee" as const, person }))];
  const ids = new Set(all.map((p) => p.person.membershipId));
  if (ids.size !== all.length) throw new RangeError("a person appears twice in one pair");
  return all;
}

/**
 * Who must agree: the mentor, every mentee, and the parent of every minor whose parent is in the
 * bot, in that order (each parent after its child). Minors with a parent on paper are not here:
 * see `parentsOnPaper`.
 */
export function requiredParties(input: AgreementInput): Party[] {
  const parties: Party[] = [];
  for (const { kind, person } of people(input)) {
    parties.push({ kind, membershipId: person.membershipId, userId: person.userId });
    if (person.minor && person.parentUserId !== null) parties.push({ kind: "parent", membershipId: person.membershipId, userId: person.parentUserId });
  }
  return parties;
}

/** Minors (mentor or mentees) whose parent's agreement the curator confirms (the parent is not in the bot). */
export function parentsOnPaper(input: AgreementInput): PaperMinor[] {
  return people(input)
    .filter(({ person }) => person.minor && person.parentUserId === null)
    .map(({ kind, person }) => ({ kind, membershipId: person.membershipId }));
}

export type AgreementAnswer = "accepted" | "declined";
export type AgreementStatus = "pending" | "agreed" | "declined";

export interface AgreementOutcome {
  status: AgreementStatus;
  /** Parties with no answer yet; empty once someone declined (nobody waits any more). */
  waitingFor: Party[];
  declinedBy: Party[];
}

/**
 * The state of the agreement: one decline ends it at once; agreed when every required party
 * accepted. Answers of parties not required are ignored. No required parties: pending.
 */
export function agreementOutcome(required: readonly Party[], answers: Readonly<Record<string, AgreementAnswer>>): AgreementOutcome {
  const answerOf = (p: Party): AgreementAnswer | undefined => {
    const key = partyKey(p);
    return Object.hasOwn(answers, key) ? answers[key] : undefined;
  };
  const declinedBy = required.filter((p) => answerOf(p) === "declined");
  if (declinedBy.length > 0) return { status: "declined", waitingFor: [], declinedBy };
  const waitingFor = required.filter((p) => answerOf(p) !== "accepted");
  return { status: waitingFor.length === 0 && required.length > 0 ? "agreed" : "pending", waitingFor, declinedBy: [] };
}

/** Default days after a proposal before the one reminder to those who have not answered. */
export const AGREEMENT_REMIND_AFTER_DAYS = 3;

/** Remind once, `afterDays` days (or more) after the proposal; never again once reminded. */
export function reminderDue(input: { proposedAt: Date; remindedAt: Date | null; now: Date; afterDays: number }): boolean {
  if (input.remindedAt !== null) return false;
  return input.now.getTime() - input.proposedAt.getTime() >= input.afterDays * DAY_MS;
}

// ---------------------------------------------------------------------------------------------
// Term: dates are days kept as UTC midnights (as dates.ts's `parseDay` and `schoolToday` give them).

export const MAX_TERM_YEARS = 2;
/** How far back a start may lie: pairs formed before the bot was used are recorded, within a year. */
export const MAX_START_AGE_YEARS = 1;
/** How far ahead a start may lie. */
export const MAX_START_AHEAD_YEARS = 1;

export type TermProblem = "end-before-start" | "too-long" | "start-too-old" | "start-too-far";

function addYears(date: Date, years: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));
}

/**
 * A pair's term: the end after the start (not the same day); at most two years long; the start at
 * most a year before `today` (the school's calendar day: dates.ts `schoolToday`) and at most a
 * year after it.
 */
export function validateTerm(start: Date, plannedEnd: Date, today: Date): "ok" | TermProblem {
  if (plannedEnd.getTime() <= start.getTime()) return "end-before-start";
  if (plannedEnd.getTime() > addYears(utcDay(start), MAX_TERM_YEARS).getTime()) return "too-long";
  if (start.getTime() < addYears(today, -MAX_START_AGE_YEARS).getTime()) return "start-too-old";
  if (start.getTime() > addYears(today, MAX_START_AHEAD_YEARS).getTime()) return "start-too-far";
  return "ok";
}

/** An extension (2.9) moves the planned end later. */
export function validateExtension(currentEnd: Date, newEnd: Date): "ok" | "not-later" {
  return newEnd.getTime() > currentEnd.getTime() ? "ok" : "not-later";
}

/** Month (0-based) and day on which programmes end by default: 31 May (seeds 000, 003). */
const DEFAULT_END = { month: 4, day: 31 } as const;

/**
 * The default planned end: 31 May of the academic year the start falls in (September starts a new
 * one). A start in June–August is already past that May, so it ends on the next 31 May, as does a
 * start on 31 May itself: the end is always the first 31 May after the start.
 */
export function defaultTerm(start: Date): Date {
  const year = start.getUTCFullYear();
  const sameYear = new Date(Date.UTC(year, DEFAULT_END.month, DEFAULT_END.day));
  return sameYear.getTime() > start.getTime() ? sameYear : new Date(Date.UTC(year + 1, DEFAULT_END.month, DEFAULT_END.day));
}

// ---------------------------------------------------------------------------------------------
// Capacity (2.5).

/** A curator's limit for one mentor: a whole number of mentees, 1 to `MAX_MENTEES_PER_MENTOR`. */
export function validateLimit(limit: number): "ok" | "out-of-range" {
  return Number.isInteger(limit) && limit >= 1 && limit <= MAX_MENTEES_PER_MENTOR ? "ok" : "out-of-range";
}

/** One mentor with 1–3 mentees: 1 is a pair, 2–3 a group. */
export function groupSizeOk(mentees: number): boolean {
  return Number.isInteger(mentees) && mentees >= 1 && mentees <= MAX_MENTEES_PER_MENTOR;
}

// ---------------------------------------------------------------------------------------------
// History: appended, never overwritten.

export const PAIR_EVENT_KINDS = [
  "proposed",
  "agreed",
  "declined",
  "activated",
  "order",
  "mentor-replaced",
  "extended",
  "ended-early",
  "ended",
  "replacement-requested",
  // A new mentor is proposed; the new mentor, the mentees and minors' parents answer; a decline
  // (or the pair closing, or the new mentor leaving) withdraws it and the pair stays as it was.
  "replacement-proposed",
  "replacement-agreed",
  "replacement-declined",
  "replacement-withdrawn",
] as const;
export type PairEventKind = (typeof PAIR_EVENT_KINDS)[number];

/** The kind of reason an event of this kind carries. */
export function reasonKindOf(kind: PairEventKind): ReasonKind {
  switch (kind) {
    case "mentor-replaced":
    case "replacement-requested":
    case "replacement-proposed":
      return "replace";
    case "extended":
      return "extend";
    case "declined":
    case "replacement-declined":
      return "decline";
    default:
      return "end";
  }
}

/** The locale key of an event's label: `pair-event-<kind>`. */
export function describeEventKey(kind: PairEventKind): string {
  return `pair-event-${kind}`;
}
