import type { Category, Form } from "../programme.js";

// The rules of matching: limits, fit points, the people and results the engine works with, the
// form rules and the fit of one pair (the plain, readable version; the engine's fast path in
// preparation.ts computes the same numbers on typed arrays, and the tests check one against the
// other).

/** Regulation 2.5: a mentor has at most three mentees at once. */
export const MAX_MENTEES_PER_MENTOR = 3;
/** A person's ranked choice counts up to this many names. */
export const MAX_RANKED_CHOICES = 3;

/**
 * Pruning of the exact engine: each mentee keeps its best K candidate mentors, each mentor its
 * best L mentees among the rest, and every pair named in a choice (either way) is always kept.
 *
 * Pruning is for speed only, never at the cost of the optimum: time grows with the edges in every
 * Dijkstra run, and a city-sized instance has millions of candidates (5,000 mentees whose topics
 * each ~200 mentors share: 2.3 million), while a mentee's place in the optimum is almost always
 * among its best few dozen mentors. So the flow runs on the kept edges (9% on the benchmark), and
 * then its potentials are checked against every pruned candidate: an edge of negative reduced
 * cost is added back and the flow rebalanced from where it is, until none is left. The result is
 * the optimum over all candidates (on the benchmark: ~500 edges added back, 3× faster than the
 * unpruned flow). `candidatesPerMentee: Infinity` skips the pruning (same optimum, slower).
 */
export const DEFAULT_CANDIDATES_PER_MENTEE = 30;
/** L of the pruning above. */
export const DEFAULT_CANDIDATES_PER_MENTOR = 30;

/**
 * Fit points, all in one place. Integers, so that totals compare exactly.
 * - each request of the mentee covered by a competency of the mentor: `topic`;
 * - mutual choice (both named each other): `mutualPreference`, plus `mutualFirstChoiceBonus` for
 *   each side that named the other first; it replaces the one-sided points;
 * - one-sided choice by rank 1, 2, 3: the mentee's `menteeChoiceByRank`, the mentor's
 *   `mentorChoiceByRank` (the mentee's wish weighs more: the programme is for the mentee);
 * - formats compatible ("any" fits both): `formatCompatible`; offline vs online: `formatMismatch`.
 *   A penalty, not an exclusion: in a school both sides are in the same building and a format is a
 *   wish, not a wall, so a strong match is still proposed (its reasons say the formats differ and
 *   the curator talks it over); the gap between the two is 8 points, almost a shared topic. The
 *   penalty is smaller than the smallest topic or choice points, so every candidate (a shared topic
 *   or a choice) keeps a positive fit;
 * - each shared availability slot: `sharedSlot`, counted up to `sharedSlotsCap` slots.
 */
export const FIT_WEIGHTS = {
  topic: 10,
  mutualPreference: 30,
  mutualFirstChoiceBonus: 5,
  menteeChoiceByRank: [15, 10, 5],
  mentorChoiceByRank: [10, 7, 4],
  formatCompatible: 5,
  formatMismatch: -3,
  sharedSlot: 2,
  sharedSlotsCap: 3,
} as const;

export type MenteeCategory = "student" | "teacher";
export type MeetingFormat = "offline" | "online" | "any";
/** Translation: a locale key (and its variables) to words, e.g. the bot's i18n for one locale. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface MatchMentee {
  id: string;
  category: MenteeCategory;
  /** Class 1–11, for a student. */
  grade?: number | undefined;
  /** Years of teaching experience, for a teacher. */
  experienceYears?: number | undefined;
  /** Topic ids from the programme's shared list. */
  requests: readonly string[];
  format: MeetingFormat;
  /** Slot ids ("mon-pm") or free-time tags. */
  availability: readonly string[];
}

export interface MatchMentor {
  id: string;
  category: Category;
  /** Class, for a student mentor. */
  grade?: number | undefined;
  /** Years of experience, for a teacher mentor. */
  experienceYears?: number | undefined;
  /** Topic ids from the same list as the mentees' requests. */
  competencies: readonly string[];
  /** Limit − current active mentees; clamped to 0…MAX_MENTEES_PER_MENTOR. */
  freeCapacity: number;
  format: MeetingFormat;
  availability: readonly string[];
}

/** One person's ranked choice after the group meeting: ids of the other side, best first. */
export interface RankedChoice {
  side: "mentee" | "mentor";
  chooserId: string;
  ranked: readonly string[];
}

export interface ExistingPair {
  mentorId: string;
  menteeId: string;
}

export interface MatchingInput {
  mentees: readonly MatchMentee[];
  mentors: readonly MatchMentor[];
  /** The forms the programme runs. */
  forms: readonly Form[];
  preferences?: readonly RankedChoice[] | undefined;
  /** Mentees in these pairs are skipped; mentors' free capacity already reflects them. */
  existingPairs?: readonly ExistingPair[] | undefined;
}

export interface MatchingOptions {
  /** Words of the reasons (keys `match-*`, `form-*`); without it, the keys themselves (see keysOnly). */
  t?: Translate | undefined;
  topicLabel?: ((topicId: string) => string) | undefined;
  slotLabel?: ((slotId: string) => string) | undefined;
  mentorLabel?: ((mentorId: string) => string) | undefined;
  /** K of the pruning (see DEFAULT_CANDIDATES_PER_MENTEE); exact engine only. */
  candidatesPerMentee?: number | undefined;
  /** L of the pruning (see DEFAULT_CANDIDATES_PER_MENTOR); exact engine only. */
  candidatesPerMentor?: number | undefined;
}

export type FitReason =
  | { kind: "topics"; topics: string[]; points: number }
  | { kind: "mutual-preference"; menteeRank: number; mentorRank: number; points: number }
  | { kind: "mentee-choice"; rank: number; points: number }
  | { kind: "mentor-choice"; rank: number; points: number }
  | { kind: "format"; compatible: boolean; mentee: MeetingFormat; mentor: MeetingFormat; points: number }
  | { kind: "shared-time"; slots: string[]; points: number };

export interface PairEvaluation {
  form: Form;
  fit: number;
  /** The points of the reasons add up to `fit`. */
  reasons: FitReason[];
}

export interface Proposal extends PairEvaluation {
  mentorId: string;
  menteeId: string;
  /** The reasons in words, through `options.t`. */
  summary: string;
}

export type UnmatchedReason = "no-form" | "no-mentor-with-capacity" | "no-shared-topic" | "outbid";

export interface Unmatched {
  menteeId: string;
  category: MenteeCategory;
  reason: UnmatchedReason;
  /** For "outbid": the best-fitting candidate, whose places went to better-fitting mentees. */
  bestCandidate?: { mentorId: string; fit: number; form: Form } | undefined;
  words: string;
}

export interface MatchingStats {
  /** Mentee–mentor pairs allowed by the forms with a shared topic or a choice and fit > 0. */
  candidateEdges: number;
  /** Edges the engine worked on (kept by the pruning plus added back, for the exact engine). */
  edgesUsed: number;
  /** Dijkstra runs (exact engine). */
  phases: number;
  /** Pruned edges added back by the optimality check after the flow (exact engine). */
  repaired: number;
}

export interface MatchingResult {
  method: "exact" | "greedy";
  /** Ordered by mentor id, then fit (best first), then mentee id. */
  proposals: Proposal[];
  /** Ordered by mentee id. */
  unmatched: Unmatched[];
  /** Mentees skipped because they already have a pair. */
  alreadyPaired: string[];
  stats: MatchingStats;
}


// ---------------------------------------------------------------------------------------------
// Form rules and the fit of one pair.

/**
 * The form under which `mentor` may mentor `mentee` in a programme running `forms`, or null.
 * student-student: a student mentor in a strictly higher class; teacher-teacher: a teacher mentor
 * with strictly more years of experience; teacher/employer/university-student: that mentor, a
 * student mentee. A person never mentors themself.
 */
export function formFor(mentee: MatchMentee, mentor: MatchMentor, forms: readonly Form[]): Form | null {
  if (mentee.id === mentor.id) return null;
  const form = formOfCategories(mentee.category, mentor.category);
  if (form === null || !forms.includes(form)) return null;
  if (form === "student-student" && !strictlyAbove(mentor.grade, mentee.grade)) return null;
  if (form === "teacher-teacher" && !strictlyAbove(mentor.experienceYears, mentee.experienceYears)) return null;
  return form;
}

function formOfCategories(mentee: MenteeCategory, mentor: Category): Form | null {
  if (mentee === "teacher") return mentor === "teacher" ? "teacher-teacher" : null;
  switch (mentor) {
    case "student":
      return "student-student";
    case "teacher":
      return "teacher-student";
    case "employer":
      return "employer-student";
    case "university":
      return "university-student";
  }
}

function strictlyAbove(a: number | undefined, b: number | undefined): boolean {
  return typeof a === "number" && typeof b === "number" && Number.isFinite(a) && Number.isFinite(b) && a > b;
}

function formatsCompatible(a: MeetingFormat, b: MeetingFormat): boolean {
  return a === "any" || b === "any" || a === b;
}

/** Ranked choices of each side, first MAX_RANKED_CHOICES distinct names; the first list of a chooser wins. */
export interface ChoiceBook {
  mentee: Map<string, string[]>;
  mentor: Map<string, string[]>;
}

export function choiceBook(preferences: readonly RankedChoice[] | undefined): ChoiceBook {
  const book: ChoiceBook = { mentee: new Map(), mentor: new Map() };
  for (const p of preferences ?? []) {
    const side = book[p.side];
    if (side.has(p.chooserId)) continue;
    const ranked: string[] = [];
    for (const id of p.ranked) {
      if (ranked.length >= MAX_RANKED_CHOICES) break;
      if (!ranked.includes(id)) ranked.push(id);
    }
    side.set(p.chooserId, ranked);
  }
  return book;
}

function rankIn(list: readonly string[] | undefined, id: string): number {
  const i = list ? list.indexOf(id) : -1;
  return i < 0 ? 0 : i + 1;
}

export function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export function evaluateWith(mentee: MatchMentee, mentor: MatchMentor, forms: readonly Form[], book: ChoiceBook): PairEvaluation | null {
  const form = formFor(mentee, mentor, forms);
  if (form === null) return null;
  const competencies = new Set(mentor.competencies);
  const topics = unique(mentee.requests).filter((t) => competencies.has(t));
  const menteeRank = rankIn(book.mentee.get(mentee.id), mentor.id);
  const mentorRank = rankIn(book.mentor.get(mentor.id), mentee.id);
  if (topics.length === 0 && menteeRank === 0 && mentorRank === 0) return null;

  const W = FIT_WEIGHTS;
  const reasons: FitReason[] = [];
  if (topics.length > 0) reasons.push({ kind: "topics", topics, points: W.topic * topics.length });
  if (menteeRank > 0 && mentorRank > 0) {
    const bonus = W.mutualFirstChoiceBonus * ((menteeRank === 1 ? 1 : 0) + (mentorRank === 1 ? 1 : 0));
    reasons.push({ kind: "mutual-preference", menteeRank, mentorRank, points: W.mutualPreference + bonus });
  } else if (menteeRank > 0) {
    reasons.push({ kind: "mentee-choice", rank: menteeRank, points: W.menteeChoiceByRank[menteeRank - 1] ?? 0 });
  } else if (mentorRank > 0) {
    reasons.push({ kind: "mentor-choice", rank: mentorRank, points: W.mentorChoiceByRank[mentorRank - 1] ?? 0 });
  }
  const compatible = formatsCompatible(mentee.format, mentor.format);
  reasons.push({
    kind: "format",
    compatible,
    mentee: mentee.format,
    mentor: mentor.format,
    points: compatible ? W.formatCompatible : W.formatMismatch,
  });
  const mentorSlots = new Set(mentor.availability);
  const slots = unique(mentee.availability).filter((s) => mentorSlots.has(s));
  if (slots.length > 0) reasons.push({ kind: "shared-time", slots, points: W.sharedSlot * Math.min(slots.length, W.sharedSlotsCap) });

  const fit = reasons.reduce((sum, r) => sum + r.points, 0);
  return fit > 0 ? { form, fit, reasons } : null;
}

/**
 * The fit of one pair, or null if the pair is not a candidate: not allowed by the forms, or
 * neither a shared topic nor a choice either way, or fit ≤ 0. Capacity is not considered.
 */
export function evaluatePair(input: MatchingInput, menteeId: string, mentorId: string): PairEvaluation | null {
  const mentee = input.mentees.find((p) => p.id === menteeId);
  const mentor = input.mentors.find((p) => p.id === mentorId);
  if (!mentee || !mentor) return null;
  return evaluateWith(mentee, mentor, input.forms, choiceBook(input.preferences));
}

export function totalFit(result: MatchingResult): number {
  let sum = 0;
  for (const p of result.proposals) sum += p.fit;
  return sum;
}
