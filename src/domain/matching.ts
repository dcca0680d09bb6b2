import { FORMS, type Category, type Form } from "./programme.js";

// Matching of mentees to mentors (stage 5 of the methodology: «формирование наставнических пар»).
//
// The engine proposes; the curator decides and both sides agree (regulation 2.6). It is a pure
// function of its input: no clock, no randomness, no I/O. The same input gives the same output,
// whatever order the people come in (everyone is processed in id order).
//
// Exact method: min-cost flow on source → mentee (cap 1) → mentor (cap = free places) → sink,
// cost = −fit, by successive shortest paths with potentials (Dijkstra on reduced costs). Paths
// of the same length are augmented together (a blocking flow on the zero-reduced-cost edges, as in
// the primal–dual method), so the number of Dijkstra runs is bounded by the number of distinct
// path costs (≤ the largest fit), not by the number of mentees. Augmenting stops as soon as the
// cheapest path costs ≥ 0: the total fit is maximised, not the number of pairs.

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
// Words: every word comes from the locales (keys `match-*`, `form-*`) through `options.t`.

/** Separators of the lists and reasons in words (punctuation only, the same in every locale). */
const LIST_SEPARATOR = ", ";
const REASON_SEPARATOR = "; ";

/**
 * Without a translation function the words stay neutral and language-free: the key and its
 * variables, "match-topics(adaptation, parents)".
 */
export const keysOnly: Translate = (key, vars) => (vars === undefined ? key : `${key}(${Object.values(vars).join(LIST_SEPARATOR)})`);

const identity = (s: string): string => s;

function formatWord(t: Translate, format: MeetingFormat): string {
  switch (format) {
    case "offline":
      return t("match-format-offline");
    case "online":
      return t("match-format-online");
    case "any":
      return t("match-format-any");
  }
}

function menteesOfCategory(t: Translate, category: MenteeCategory): string {
  return category === "student" ? t("match-category-student") : t("match-category-teacher");
}

/** The reasons of a pair in words: "совпадение: адаптация, работа с родителями; взаимный выбор". */
export function describeReasons(reasons: readonly FitReason[], options: MatchingOptions = {}): string {
  const t = options.t ?? keysOnly;
  const topicLabel = options.topicLabel ?? identity;
  const slotLabel = options.slotLabel ?? identity;
  const parts: string[] = [];
  for (const r of reasons) {
    switch (r.kind) {
      case "topics":
        parts.push(t("match-topics", { topics: r.topics.map(topicLabel).join(LIST_SEPARATOR) }));
        break;
      case "mutual-preference":
        parts.push(t("match-mutual"));
        break;
      case "mentee-choice":
        parts.push(t("match-mentee-choice", { rank: r.rank }));
        break;
      case "mentor-choice":
        parts.push(t("match-mentor-choice", { rank: r.rank }));
        break;
      case "format":
        parts.push(r.compatible ? t("match-format-match") : t("match-format-mismatch", { mentee: formatWord(t, r.mentee), mentor: formatWord(t, r.mentor) }));
        break;
      case "shared-time":
        parts.push(t("match-shared-time", { slots: r.slots.map(slotLabel).join(LIST_SEPARATOR) }));
        break;
    }
  }
  return parts.join(REASON_SEPARATOR);
}

/** Why a mentee is left without a mentor, in words. */
export function describeUnmatched(u: Omit<Unmatched, "words">, options: MatchingOptions = {}): string {
  const t = options.t ?? keysOnly;
  switch (u.reason) {
    case "no-form":
      return t("match-unmatched-no-form", { category: menteesOfCategory(t, u.category) });
    case "no-mentor-with-capacity":
      return t("match-unmatched-no-mentor-with-capacity");
    case "no-shared-topic":
      return t("match-unmatched-no-shared-topic");
    case "outbid": {
      const outbid = t("match-unmatched-outbid");
      if (!u.bestCandidate) return outbid;
      const { mentorId, form, fit } = u.bestCandidate;
      const best = t("match-best-candidate", { mentor: (options.mentorLabel ?? identity)(mentorId), form: t(`form-${form}`), fit });
      return `${outbid}${REASON_SEPARATOR}${best}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Form rules and the fit of one pair (the plain, readable version; the engine's fast path below
// computes the same numbers on typed arrays, and the tests check one against the other).

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
interface ChoiceBook {
  mentee: Map<string, string[]>;
  mentor: Map<string, string[]>;
}

function choiceBook(preferences: readonly RankedChoice[] | undefined): ChoiceBook {
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

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function evaluateWith(mentee: MatchMentee, mentor: MatchMentor, forms: readonly Form[], book: ChoiceBook): PairEvaluation | null {
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

// ---------------------------------------------------------------------------------------------
// Preparation: people in id order, interned topics and slots, typed arrays.

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const FORM_INDEX: Record<Form, number> = {
  "student-student": 0,
  "teacher-teacher": 1,
  "teacher-student": 2,
  "employer-student": 3,
  "university-student": 4,
};
const MENTOR_CATEGORY_INDEX: Record<Category, number> = { student: 0, teacher: 1, employer: 2, university: 3 };
// FORM_BY_CATEGORIES[menteeCat * 4 + mentorCat] → form index or −1 (menteeCat: 0 student, 1 teacher).
const FORM_BY_CATEGORIES = Int8Array.from([0, 2, 3, 4, -1, 1, -1, -1]);
const FORMAT_INDEX: Record<MeetingFormat, number> = { offline: 0, online: 1, any: 2 };

class GrowableInt32 {
  data = new Int32Array(4096);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** Candidate edges as parallel arrays: mentee index, mentor index, fit. */
class EdgeList {
  readonly mentee = new GrowableInt32();
  readonly mentor = new GrowableInt32();
  readonly fit = new GrowableInt32();
  get length(): number {
    return this.fit.length;
  }
  push(i: number, j: number, fit: number): void {
    this.mentee.push(i);
    this.mentor.push(j);
    this.fit.push(fit);
  }
}

interface Prepared {
  mentees: MatchMentee[];
  mentors: MatchMentor[];
  alreadyPaired: string[];
  forms: readonly Form[];
  book: ChoiceBook;
  n: number;
  m: number;
  /** Free places per mentor, clamped. */
  cap: Int32Array;
  /**
   * Fills the scratch arrays with mentee i's candidates, best first (ties in a fixed order)
   * and returns their number. The scratch is overwritten by the next call.
   */
  scan: (i: number) => number;
  scratchMentor: Int32Array;
  scratchFit: Int32Array;
  /** 1 if the candidate is named in a choice either way. */
  scratchChoice: Uint8Array;
  /** Why mentee i has no candidate at all. */
  whyNoCandidate: (i: number) => Exclude<UnmatchedReason, "outbid">;
}

function clampCapacity(c: number): number {
  if (!Number.isFinite(c)) return 0;
  return Math.max(0, Math.min(MAX_MENTEES_PER_MENTOR, Math.floor(c)));
}

function level(v: number | undefined): number {
  return typeof v === "number" && Number.isFinite(v) ? v : Number.NaN;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function prepare(input: MatchingInput): Prepared {
  const paired = new Set((input.existingPairs ?? []).map((p) => p.menteeId));
  const allMentees = [...input.mentees].sort(byId);
  const mentors = [...input.mentors].sort(byId);
  for (let k = 1; k < allMentees.length; k++) {
    if (allMentees[k]!.id === allMentees[k - 1]!.id) throw new RangeError(`matching: duplicate mentee id ${allMentees[k]!.id}`);
  }
  for (let k = 1; k < mentors.length; k++) {
    if (mentors[k]!.id === mentors[k - 1]!.id) throw new RangeError(`matching: duplicate mentor id ${mentors[k]!.id}`);
  }
  const mentees = allMentees.filter((p) => !paired.has(p.id));
  const alreadyPaired = allMentees.filter((p) => paired.has(p.id)).map((p) => p.id);
  const n = mentees.length;
  const m = mentors.length;
  const forms = [...new Set(input.forms)];
  const formOn = new Uint8Array(FORMS.length);
  for (const f of forms) formOn[FORM_INDEX[f]] = 1;
  const book = choiceBook(input.preferences);

  const topicIndex = new Map<string, number>();
  const slotIndex = new Map<string, number>();
  const intern = (map: Map<string, number>, key: string): number => {
    let v = map.get(key);
    if (v === undefined) {
      v = map.size;
      map.set(key, v);
    }
    return v;
  };

  // Mentors.
  const cap = new Int32Array(m);
  const mentorCat = new Uint8Array(m);
  const mentorLevel = new Float64Array(m);
  const mentorFormat = new Uint8Array(m);
  const mentorIndex = new Map<string, number>();
  const mentorTopics: number[][] = [];
  const mentorSlotLists: number[][] = [];
  for (let j = 0; j < m; j++) {
    const p = mentors[j]!;
    mentorIndex.set(p.id, j);
    cap[j] = clampCapacity(p.freeCapacity);
    mentorCat[j] = MENTOR_CATEGORY_INDEX[p.category];
    mentorLevel[j] = level(p.category === "student" ? p.grade : p.experienceYears);
    mentorFormat[j] = FORMAT_INDEX[p.format];
    // Only mentors with a free place can be proposed: the others are left out of the index.
    mentorTopics.push(cap[j]! > 0 ? unique(p.competencies).map((t) => intern(topicIndex, t)) : []);
    mentorSlotLists.push(unique(p.availability).map((s) => intern(slotIndex, s)));
  }
  const T = topicIndex.size;
  // Mentors with free places by topic (CSR, mentor indices ascending).
  const byTopicStart = new Int32Array(T + 1);
  for (const ts of mentorTopics) for (const t of ts) byTopicStart[t + 1]!++;
  for (let t = 0; t < T; t++) byTopicStart[t + 1]! += byTopicStart[t]!;
  const byTopic = new Int32Array(byTopicStart[T]!);
  {
    const fill = byTopicStart.slice(0, T);
    for (let j = 0; j < m; j++) for (const t of mentorTopics[j]!) byTopic[fill[t]!++] = j;
  }

  // Mentees.
  const menteeCat = new Uint8Array(n);
  const menteeLevel = new Float64Array(n);
  const menteeFormat = new Uint8Array(n);
  const menteeIndex = new Map<string, number>();
  const selfMentor = new Int32Array(n).fill(-1);
  const reqStart = new Int32Array(n + 1);
  const reqTopic = new GrowableInt32();
  let maxRequests = 0;
  const menteeSlotLists: number[][] = [];
  for (let i = 0; i < n; i++) {
    const p = mentees[i]!;
    menteeIndex.set(p.id, i);
    menteeCat[i] = p.category === "student" ? 0 : 1;
    menteeLevel[i] = level(p.category === "student" ? p.grade : p.experienceYears);
    menteeFormat[i] = FORMAT_INDEX[p.format];
    selfMentor[i] = mentorIndex.get(p.id) ?? -1;
    reqStart[i] = reqTopic.length;
    const ts: number[] = [];
    for (const t of unique(p.requests)) {
      const k = topicIndex.get(t);
      if (k !== undefined) ts.push(k);
    }
    ts.sort((x, y) => x - y);
    for (const k of ts) reqTopic.push(k);
    if (ts.length > maxRequests) maxRequests = ts.length;
    menteeSlotLists.push(unique(p.availability).map((s) => intern(slotIndex, s)));
  }
  reqStart[n] = reqTopic.length;
  const reqTopics = reqTopic.view();

  // Availability as bitsets of W words each.
  const W = Math.max(1, Math.ceil(slotIndex.size / 32));
  const toBits = (lists: number[][]): Uint32Array => {
    const bits = new Uint32Array(lists.length * W);
    lists.forEach((list, k) => {
      for (const s of list) bits[k * W + (s >>> 5)]! |= 1 << (s & 31);
    });
    return bits;
  };
  const menteeSlots = toBits(menteeSlotLists);
  const mentorSlots = toBits(mentorSlotLists);

  // Choices: each mentee's ranked mentors; each mentor's ranked mentees; who chose each mentee.
  const R = MAX_RANKED_CHOICES;
  const menteeChoice = new Int32Array(n * R).fill(-1);
  for (const [chooser, ranked] of book.mentee) {
    const i = menteeIndex.get(chooser);
    if (i === undefined) continue;
    ranked.forEach((id, r) => {
      menteeChoice[i * R + r] = mentorIndex.get(id) ?? -1;
    });
  }
  const mentorChoice = new Int32Array(m * R).fill(-1);
  const chosenBy: number[][] = Array.from({ length: n }, () => []);
  for (const [chooser, ranked] of book.mentor) {
    const j = mentorIndex.get(chooser);
    if (j === undefined) continue;
    ranked.forEach((id, r) => {
      const i = menteeIndex.get(id);
      if (i === undefined) return;
      mentorChoice[j * R + r] = i;
      chosenBy[i]!.push(j);
    });
  }

  // For the reasons of mentees without candidates: per form, is there a mentor with a free
  // place, and the highest class / experience among such student / teacher mentors.
  let maxStudentGrade = Number.NEGATIVE_INFINITY;
  let maxTeacherExperience = Number.NEGATIVE_INFINITY;
  const withPlaces = new Int32Array(4);
  for (let j = 0; j < m; j++) {
    if (cap[j]! <= 0) continue;
    const c = mentorCat[j]!;
    withPlaces[c]!++;
    const lv = mentorLevel[j]!;
    if (c === 0 && lv > maxStudentGrade) maxStudentGrade = lv;
    if (c === 1 && lv > maxTeacherExperience) maxTeacherExperience = lv;
  }
  const whyNoCandidate = (i: number): Exclude<UnmatchedReason, "outbid"> => {
    if (menteeCat[i] === 1) {
      if (!formOn[1]) return "no-form";
      return maxTeacherExperience > menteeLevel[i]! ? "no-shared-topic" : "no-mentor-with-capacity";
    }
    if (!(formOn[0] || formOn[2] || formOn[3] || formOn[4])) return "no-form";
    const someone =
      (formOn[0] && maxStudentGrade > menteeLevel[i]!) ||
      (formOn[2] && withPlaces[1]! > 0) ||
      (formOn[3] && withPlaces[2]! > 0) ||
      (formOn[4] && withPlaces[3]! > 0);
    return someone ? "no-shared-topic" : "no-mentor-with-capacity";
  };

  const formCode = (i: number, j: number): number => {
    const f = FORM_BY_CATEGORIES[menteeCat[i]! * 4 + mentorCat[j]!]!;
    if (f < 0 || formOn[f] === 0 || selfMentor[i] === j) return -1;
    if (f <= 1 && !(mentorLevel[j]! > menteeLevel[i]!)) return -1; // NaN compares false
    return f;
  };

  // The fast path of evaluateWith: the same points, on typed arrays.
  const F = FIT_WEIGHTS;
  const mark = new Int32Array(m).fill(-1);
  const shared = new Int32Array(m);
  const cand = new Int32Array(m);
  const candFit = new Int32Array(m);
  // An upper bound of any fit, for the counting sort of a mentee's candidates.
  const maxFit =
    F.topic * maxRequests +
    Math.max(F.mutualPreference + 2 * F.mutualFirstChoiceBonus, ...F.menteeChoiceByRank, ...F.mentorChoiceByRank) +
    Math.max(F.formatCompatible, F.formatMismatch, 0) +
    F.sharedSlot * F.sharedSlotsCap;
  const bucket = new Int32Array(maxFit + 2);
  const scratchMentor = new Int32Array(m);
  const scratchFit = new Int32Array(m);
  const scratchChoice = new Uint8Array(m);

  const scan = (i: number): number => {
    let count = 0;
    for (let q = reqStart[i]!, qEnd = reqStart[i + 1]!; q < qEnd; q++) {
      const t = reqTopics[q]!;
      for (let k = byTopicStart[t]!, end = byTopicStart[t + 1]!; k < end; k++) {
        const j = byTopic[k]!;
        if (mark[j] !== i) {
          mark[j] = i;
          shared[j] = 1;
          if (formCode(i, j) >= 0) cand[count++] = j;
        } else {
          shared[j]!++;
        }
      }
    }
    const named = (j: number): void => {
      if (j < 0 || mark[j] === i) return;
      mark[j] = i;
      shared[j] = 0;
      if (cap[j]! > 0 && formCode(i, j) >= 0) cand[count++] = j;
    };
    for (let r = 0; r < R; r++) named(menteeChoice[i * R + r]!);
    for (const j of chosenBy[i]!) named(j);

    let kept = 0;
    const a = menteeFormat[i]!;
    for (let c = 0; c < count; c++) {
      const j = cand[c]!;
      let menteeRank = 0;
      for (let r = 0; r < R; r++) {
        if (menteeChoice[i * R + r] === j) {
          menteeRank = r + 1;
          break;
        }
      }
      let mentorRank = 0;
      for (let r = 0; r < R; r++) {
        if (mentorChoice[j * R + r] === i) {
          mentorRank = r + 1;
          break;
        }
      }
      let fit = F.topic * shared[j]!;
      if (menteeRank > 0 && mentorRank > 0) {
        fit += F.mutualPreference + F.mutualFirstChoiceBonus * ((menteeRank === 1 ? 1 : 0) + (mentorRank === 1 ? 1 : 0));
      } else if (menteeRank > 0) {
        fit += F.menteeChoiceByRank[menteeRank - 1] ?? 0;
      } else if (mentorRank > 0) {
        fit += F.mentorChoiceByRank[mentorRank - 1] ?? 0;
      }
      const b = mentorFormat[j]!;
      fit += a === 2 || b === 2 || a === b ? F.formatCompatible : F.formatMismatch;
      let slots = 0;
      for (let w = 0; w < W; w++) slots += popcount(menteeSlots[i * W + w]! & mentorSlots[j * W + w]!);
      fit += F.sharedSlot * Math.min(slots, F.sharedSlotsCap);
      if (fit <= 0) continue;
      shared[j] = menteeRank > 0 || mentorRank > 0 ? -1 : 0; // reused: "named in a choice"
      cand[kept] = j;
      candFit[kept++] = fit;
    }
    // Counting sort by fit desc; ties keep the gathering order (topics in index order, mentors in
    // id order within a topic, then the named ones), a function of the input's sets only.
    bucket.fill(0);
    for (let c = 0; c < kept; c++) bucket[maxFit - candFit[c]! + 1]!++;
    for (let b = 1; b <= maxFit + 1; b++) bucket[b]! += bucket[b - 1]!;
    for (let c = 0; c < kept; c++) {
      const j = cand[c]!;
      const fit = candFit[c]!;
      const at = bucket[maxFit - fit]!++;
      scratchMentor[at] = j;
      scratchFit[at] = fit;
      scratchChoice[at] = shared[j] === -1 ? 1 : 0;
    }
    return kept;
  };

  return { mentees, mentors, alreadyPaired, forms, book, n, m, cap, scan, scratchMentor, scratchFit, scratchChoice, whyNoCandidate };
}

// ---------------------------------------------------------------------------------------------
// Results

function buildResult(
  prep: Prepared,
  method: "exact" | "greedy",
  assigned: Int32Array,
  best: { mentor: Int32Array; fit: Int32Array },
  stats: MatchingStats,
  options: MatchingOptions,
): MatchingResult {
  const { mentees, mentors, n } = prep;
  const proposals: Proposal[] = [];
  const mentorOf: number[] = [];
  for (let i = 0; i < n; i++) {
    const j = assigned[i]!;
    if (j < 0) continue;
    const mentee = mentees[i]!;
    const mentor = mentors[j]!;
    const ev = evaluateWith(mentee, mentor, prep.forms, prep.book);
    if (ev === null) throw new Error(`matching: internal error, pair ${mentee.id} – ${mentor.id} has no fit`);
    proposals.push({ mentorId: mentor.id, menteeId: mentee.id, ...ev, summary: describeReasons(ev.reasons, options) });
    mentorOf.push(j);
  }
  const order = proposals.map((_, k) => k);
  order.sort((a, b) => mentorOf[a]! - mentorOf[b]! || proposals[b]!.fit - proposals[a]!.fit || a - b);

  const unmatched: Unmatched[] = [];
  for (let i = 0; i < n; i++) {
    if (assigned[i]! >= 0) continue;
    const mentee = mentees[i]!;
    const j = best.mentor[i]!;
    let u: Omit<Unmatched, "words">;
    if (j < 0) {
      u = { menteeId: mentee.id, category: mentee.category, reason: prep.whyNoCandidate(i) };
    } else {
      const mentor = mentors[j]!;
      const form = formFor(mentee, mentor, prep.forms)!;
      u = { menteeId: mentee.id, category: mentee.category, reason: "outbid", bestCandidate: { mentorId: mentor.id, fit: best.fit[i]!, form } };
    }
    unmatched.push({ ...u, words: describeUnmatched(u, options) });
  }
  return { method, proposals: order.map((k) => proposals[k]!), unmatched, alreadyPaired: prep.alreadyPaired, stats };
}

/** Positions of the edges ordered by fit desc; ties keep the list's order (a stable counting sort). */
function orderByFit(fit: Int32Array): Int32Array {
  let maxFit = 0;
  for (let k = 0; k < fit.length; k++) if (fit[k]! > maxFit) maxFit = fit[k]!;
  const bucket = new Int32Array(maxFit + 2);
  for (let k = 0; k < fit.length; k++) bucket[maxFit - fit[k]! + 1]!++;
  for (let b = 1; b < bucket.length; b++) bucket[b]! += bucket[b - 1]!;
  const out = new Int32Array(fit.length);
  for (let k = 0; k < fit.length; k++) out[bucket[maxFit - fit[k]!]!++] = k;
  return out;
}

/** Takes edges best fit first while the mentee is free and the mentor has a place; returns how many were taken. */
function takeGreedily(edges: EdgeList, assigned: Int32Array, left: Int32Array): number {
  const mentee = edges.mentee.view();
  const mentor = edges.mentor.view();
  let taken = 0;
  for (const k of orderByFit(edges.fit.view())) {
    const i = mentee[k]!;
    const j = mentor[k]!;
    if (assigned[i]! < 0 && left[j]! > 0) {
      assigned[i] = j;
      left[j]!--;
      taken++;
    }
  }
  return taken;
}

/**
 * The baseline: every candidate edge, best fit first (ties: by mentee id, then in the fixed order
 * of the mentee's candidates), taken while the mentee is free and the mentor has a place.
 */
export function greedyAssignment(input: MatchingInput, options: MatchingOptions = {}): MatchingResult {
  const prep = prepare(input);
  const { n, scan, scratchMentor, scratchFit } = prep;
  const edges = new EdgeList();
  const best = { mentor: new Int32Array(n).fill(-1), fit: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const count = scan(i);
    if (count > 0) {
      best.mentor[i] = scratchMentor[0]!;
      best.fit[i] = scratchFit[0]!;
    }
    for (let c = 0; c < count; c++) edges.push(i, scratchMentor[c]!, scratchFit[c]!);
  }
  const assigned = new Int32Array(n).fill(-1);
  takeGreedily(edges, assigned, prep.cap.slice());
  const stats = { candidateEdges: edges.length, edgesUsed: edges.length, phases: 0, repaired: 0 };
  return buildResult(prep, "greedy", assigned, best, stats, options);
}

// ---------------------------------------------------------------------------------------------
// The exact engine.

/**
 * Proposes pairs that maximise the total fit under the mentors' free places (min-cost flow, see
 * the top of this file), with the reasons for every pair and every mentee left without one.
 */
export function proposePairs(input: MatchingInput, options: MatchingOptions = {}): MatchingResult {
  const prep = prepare(input);
  const { n, m, cap, scan, scratchMentor, scratchFit, scratchChoice } = prep;
  const k = options.candidatesPerMentee ?? DEFAULT_CANDIDATES_PER_MENTEE;
  const K = Number.isNaN(k) ? DEFAULT_CANDIDATES_PER_MENTEE : Math.max(1, k);
  const l = options.candidatesPerMentor ?? DEFAULT_CANDIDATES_PER_MENTOR;
  const L = Number.isNaN(l) ? DEFAULT_CANDIDATES_PER_MENTOR : Math.min(n, Math.max(0, Math.floor(l)));

  // Kept edges: each mentee's best K, every edge named in a choice, and each mentor's best L
  // among the rest (a bounded min-heap per mentor; mentees come in index order, so on equal fit
  // the earlier one stays). Every candidate is also kept aside (mentee by mentee) for the
  // optimality check after the flow.
  const edges = new EdgeList();
  const best = { mentor: new Int32Array(n).fill(-1), fit: new Int32Array(n) };
  const heapSize = new Int32Array(m);
  const heapFit = new Int32Array(m * L);
  const heapMentee = new Int32Array(m * L);
  const allStart = new Int32Array(n + 1);
  const allMentor = new GrowableInt32();
  const allFit = new GrowableInt32();
  let candidateEdges = 0;
  for (let i = 0; i < n; i++) {
    const count = scan(i);
    candidateEdges += count;
    allStart[i] = allMentor.length;
    if (count > 0) {
      best.mentor[i] = scratchMentor[0]!;
      best.fit[i] = scratchFit[0]!;
    }
    for (let c = 0; c < count; c++) {
      const j = scratchMentor[c]!;
      const fit = scratchFit[c]!;
      allMentor.push(j);
      allFit.push(fit);
      if (c < K || scratchChoice[c] === 1) {
        edges.push(i, j, fit);
        continue;
      }
      if (L === 0) continue;
      const base = j * L;
      const size = heapSize[j]!;
      if (size < L) {
        // sift up: the root holds the lowest fit (the latest mentee among equals)
        let p = size;
        while (p > 0) {
          const q = (p - 1) >> 1;
          if (heapFit[base + q]! <= fit) break;
          heapFit[base + p] = heapFit[base + q]!;
          heapMentee[base + p] = heapMentee[base + q]!;
          p = q;
        }
        heapFit[base + p] = fit;
        heapMentee[base + p] = i;
        heapSize[j] = size + 1;
      } else if (fit > heapFit[base]!) {
        let p = 0;
        for (;;) {
          let q = 2 * p + 1;
          if (q >= L) break;
          if (q + 1 < L && heapFit[base + q + 1]! < heapFit[base + q]!) q++;
          if (heapFit[base + q]! >= fit) break;
          heapFit[base + p] = heapFit[base + q]!;
          heapMentee[base + p] = heapMentee[base + q]!;
          p = q;
        }
        heapFit[base + p] = fit;
        heapMentee[base + p] = i;
      }
    }
  }
  allStart[n] = allMentor.length;
  for (let j = 0; j < m; j++) {
    for (let h = 0; h < heapSize[j]!; h++) edges.push(heapMentee[j * L + h]!, j, heapFit[j * L + h]!);
  }

  const flow = maxFitFlow(n, m, cap, edges);
  let { assigned, potMentee, potMentor } = flow;
  let phases = flow.phases;

  // Optimality on the full graph (the pruning is lossless): the flow is optimal on the kept edges
  // and the potentials prove it (every residual arc has a reduced cost ≥ 0, π(S) = π(T) = 0). They
  // prove it for every candidate too unless some pruned edge u → v (unused, so in the residual
  // graph) has −fit + π(u) − π(v) < 0. Such edges are added, saturated, and the flow is rebalanced
  // by shortest paths from the current optimum; repeated until no candidate violates.
  let repaired = 0;
  const allM = allMentor.view();
  const allF = allFit.view();
  for (;;) {
    const firstNew = edges.length;
    for (let i = 0; i < n; i++) {
      const pu = potMentee[i]!;
      const own = assigned[i]!;
      for (let c = allStart[i]!, end = allStart[i + 1]!; c < end; c++) {
        const j = allM[c]!;
        if (pu - allF[c]! - potMentor[j]! < 0 && j !== own) edges.push(i, j, allF[c]!);
      }
    }
    if (edges.length === firstNew) break;
    repaired += edges.length - firstNew;
    const next = restoreOptimality(n, m, cap, edges, firstNew, assigned, potMentee, potMentor);
    ({ assigned, potMentee, potMentor } = next);
    phases += next.phases;
  }

  const stats = { candidateEdges, edgesUsed: edges.length, phases, repaired };
  return buildResult(prep, "exact", assigned, best, stats, options);
}

/** A binary min-heap of (node, key) pairs on typed arrays, shared by the Dijkstra runs. */
class MinHeap {
  private readonly keys: Int32Array;
  private readonly nodes: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Int32Array(capacity);
    this.nodes = new Int32Array(capacity);
  }
  clear(): void {
    this.size = 0;
  }
  minKey(): number {
    return this.keys[0]!;
  }
  push(node: number, key: number): void {
    const { keys, nodes } = this;
    let p = this.size++;
    while (p > 0) {
      const q = (p - 1) >> 1;
      if (keys[q]! <= key) break;
      keys[p] = keys[q]!;
      nodes[p] = nodes[q]!;
      p = q;
    }
    keys[p] = key;
    nodes[p] = node;
  }
  /** Removes and returns the node with the smallest key. */
  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0]!;
    const n = --this.size;
    if (n > 0) {
      const lk = keys[n]!;
      const ln = nodes[n]!;
      let p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
        if (keys[c]! >= lk) break;
        keys[p] = keys[c]!;
        nodes[p] = nodes[c]!;
        p = c;
      }
      keys[p] = lk;
      nodes[p] = ln;
    }
    return top;
  }
}

/**
 * The residual graph of arcs (with their current flow, or none) in CSR form: edge e and its
 * reverse are linked through eRev; arcEdge maps an arc to its forward edge.
 */
function residualGraph(N: number, from: Int32Array, to: Int32Array, arcCap: Int32Array, arcFlow: Int32Array | null, arcCost: Int32Array) {
  const arcs = from.length;
  const E = 2 * arcs;
  const adjStart = new Int32Array(N + 1);
  for (let x = 0; x < arcs; x++) {
    adjStart[from[x]! + 1]!++;
    adjStart[to[x]! + 1]!++;
  }
  for (let v = 0; v < N; v++) adjStart[v + 1]! += adjStart[v]!;
  const eTo = new Int32Array(E);
  const eCap = new Int32Array(E);
  const eCost = new Int32Array(E);
  const eRev = new Int32Array(E);
  const arcEdge = new Int32Array(arcs);
  const fill = adjStart.slice(0, N);
  for (let x = 0; x < arcs; x++) {
    const u = from[x]!;
    const v = to[x]!;
    const flow = arcFlow ? arcFlow[x]! : 0;
    const e = fill[u]!++;
    const r = fill[v]!++;
    eTo[e] = v;
    eCap[e] = arcCap[x]! - flow;
    eCost[e] = arcCost[x]!;
    eRev[e] = r;
    eTo[r] = u;
    eCap[r] = flow;
    eCost[r] = -arcCost[x]!;
    eRev[r] = e;
    arcEdge[x] = e;
  }
  return { adjStart, eTo, eCap, eCost, eRev, arcEdge };
}

/**
 * Back to an optimum after edges `firstNew`… were added to the edges of an optimal `assigned`
 * with potentials proving it (π(S) = π(T) = 0, so S and T are one node here: the amount of flow is
 * free). Each new edge of negative reduced cost is saturated, which leaves its mentee one unit
 * short and its mentor one unit over; every arc's reduced cost is then ≥ 0, and shortest paths
 * (Dijkstra with potentials, from all nodes with a surplus to the nearest with a shortage) move
 * the units back at least cost. Returns the new optimum and its potentials.
 */
function restoreOptimality(
  n: number,
  m: number,
  cap: Int32Array,
  edges: EdgeList,
  firstNew: number,
  assigned0: Int32Array,
  potMentee: Int32Array,
  potMentor: Int32Array,
): { assigned: Int32Array; phases: number; potMentee: Int32Array; potMentor: Int32Array } {
  const eMentee = edges.mentee.view();
  const eMentor = edges.mentor.view();
  const eFit = edges.fit.view();
  const count = edges.length;
  // Nodes: ST = 0, mentee i = 1 + i, mentor j = 1 + n + j.
  const N = 1 + n + m;
  const load = new Int32Array(m);
  for (let i = 0; i < n; i++) if (assigned0[i]! >= 0) load[assigned0[i]!]!++;
  const hasEdge = new Uint8Array(m);
  for (let k = 0; k < count; k++) hasEdge[eMentor[k]!] = 1;
  let arcs = n + count;
  for (let j = 0; j < m; j++) if (cap[j]! > 0) arcs++;
  const from = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const arcCap = new Int32Array(arcs);
  const arcFlow = new Int32Array(arcs);
  const arcCost = new Int32Array(arcs);
  let a = 0;
  for (let i = 0; i < n; i++, a++) {
    to[a] = 1 + i;
    arcCap[a] = 1;
    arcFlow[a] = assigned0[i]! >= 0 ? 1 : 0;
  }
  const firstPair = a;
  for (let k = 0; k < count; k++, a++) {
    from[a] = 1 + eMentee[k]!;
    to[a] = 1 + n + eMentor[k]!;
    arcCap[a] = 1;
    arcCost[a] = -eFit[k]!;
    arcFlow[a] = assigned0[eMentee[k]!] === eMentor[k]! ? 1 : 0;
  }
  for (let j = 0; j < m; j++) {
    if (cap[j]! <= 0) continue;
    from[a] = 1 + n + j;
    arcCap[a] = cap[j]!;
    arcFlow[a] = load[j]!;
    a++;
  }
  const pot = new Int32Array(N);
  for (let i = 0; i < n; i++) pot[1 + i] = potMentee[i]!;
  for (let j = 0; j < m; j++) pot[1 + n + j] = potMentor[j]!;
  const excess = new Int32Array(N);
  let unbalanced = 0;
  for (let x = firstPair + firstNew; x < firstPair + count; x++) {
    const u = from[x]!;
    const v = to[x]!;
    if (arcFlow[x]! === 0 && arcCost[x]! + pot[u]! - pot[v]! < 0) {
      arcFlow[x] = 1;
      excess[u]!--;
      excess[v]!++;
      unbalanced++;
    }
  }

  const E = 2 * arcs;
  const { adjStart, eTo, eCap, eCost, eRev, arcEdge } = residualGraph(N, from, to, arcCap, arcFlow, arcCost);

  const INF = 0x3fffffff;
  const dist = new Int32Array(N);
  const done = new Uint8Array(N);
  const via = new Int32Array(N);
  const heap = new MinHeap(E + N + 1);
  const levelOf = new Int32Array(N);
  const queue = new Int32Array(N);
  const iter = new Int32Array(N);
  const pathEdges = new Int32Array(N);
  let phases = 0;
  while (unbalanced > 0) {
    phases++;
    dist.fill(INF);
    done.fill(0);
    heap.clear();
    const push = (v: number, nd: number): void => heap.push(v, nd);
    for (let v = 0; v < N; v++) {
      if (excess[v]! > 0) {
        dist[v] = 0;
        via[v] = -1;
        push(v, 0);
      }
    }
    let sink = -1;
    while (heap.size > 0) {
      const d = heap.minKey();
      const u = heap.pop();
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      if (excess[u]! < 0) {
        sink = u;
        break;
      }
      const pu = pot[u]! + d;
      for (let e: number = adjStart[u]!, end: number = adjStart[u + 1]!; e < end; e++) {
        if (eCap[e]! <= 0) continue;
        const v = eTo[e]!;
        if (done[v]) continue;
        const nd = pu + eCost[e]! - pot[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          via[v] = e;
          push(v, nd);
        }
      }
    }
    // The reverse of a saturated new edge always leads from its surplus back to its shortage.
    if (sink < 0) throw new Error("matching: internal error, no path to rebalance the flow");
    const D = dist[sink]!;
    for (let v = 0; v < N; v++) pot[v]! += done[v] ? dist[v]! : D;
    // Blocking flows on the arcs of zero reduced cost, from the surpluses to the shortages.
    for (;;) {
      levelOf.fill(-1);
      let qt = 0;
      for (let v = 0; v < N; v++) {
        if (excess[v]! > 0) {
          levelOf[v] = 0;
          queue[qt++] = v;
        }
      }
      let reached = false;
      for (let qh = 0; qh < qt; qh++) {
        const u = queue[qh]!;
        if (excess[u]! < 0) {
          reached = true;
          continue;
        }
        const pu = pot[u]!;
        for (let e = adjStart[u]!, end = adjStart[u + 1]!; e < end; e++) {
          const v = eTo[e]!;
          if (eCap[e]! > 0 && levelOf[v]! < 0 && eCost[e]! + pu - pot[v]! === 0) {
            levelOf[v] = levelOf[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      if (!reached) break;
      iter.set(adjStart.subarray(0, N));
      for (let s = 0; s < N; s++) {
        let depth = 0;
        let u = s;
        while (excess[s]! > 0 && levelOf[s] === 0) {
          if (excess[u]! < 0 && u !== s) {
            for (let k = 0; k < depth; k++) {
              const e = pathEdges[k]!;
              eCap[e]!--;
              eCap[eRev[e]!]!++;
            }
            excess[s]!--;
            excess[u]!++;
            unbalanced--;
            depth = 0;
            u = s;
            continue;
          }
          let advanced = false;
          const pu = pot[u]!;
          for (let e = iter[u]!, end = adjStart[u + 1]!; e < end; e++) {
            const v = eTo[e]!;
            if (eCap[e]! > 0 && levelOf[v] === levelOf[u]! + 1 && eCost[e]! + pu - pot[v]! === 0) {
              iter[u] = e;
              pathEdges[depth++] = e;
              u = v;
              advanced = true;
              break;
            }
          }
          if (advanced) continue;
          iter[u] = adjStart[u + 1]!;
          levelOf[u] = -1; // a dead end for this round
          if (u === s) break;
          const back: number = pathEdges[--depth]!;
          u = eTo[eRev[back]!]!;
          iter[u]!++;
        }
      }
    }
  }

  const assigned = new Int32Array(n).fill(-1);
  for (let k = 0; k < count; k++) if (eCap[arcEdge[firstPair + k]!] === 0) assigned[eMentee[k]!] = eMentor[k]!;
  const outMentee = new Int32Array(n);
  const outMentor = new Int32Array(m);
  for (let i = 0; i < n; i++) outMentee[i] = pot[1 + i]! - pot[0]!;
  // A mentor without edges only has its arc to ST: π = π(ST) is the lowest it may have.
  for (let j = 0; j < m; j++) outMentor[j] = hasEdge[j] ? pot[1 + n + j]! - pot[0]! : 0;
  return { assigned, phases, potMentee: outMentee, potMentor: outMentor };
}

/**
 * Maximum-fit assignment on the given edges: min-cost flow S → mentee (1) → mentor (cap) → T,
 * cost −fit, primal–dual: Dijkstra with potentials, then a blocking flow on the edges of zero
 * reduced cost, until the cheapest path no longer has negative cost.
 */
function maxFitFlow(
  n: number,
  m: number,
  cap: Int32Array,
  edges: EdgeList,
): { assigned: Int32Array; phases: number; potMentee: Int32Array; potMentor: Int32Array } {
  const eMentee = edges.mentee.view();
  const eMentor = edges.mentor.view();
  const eFit = edges.fit.view();
  const count = edges.length;
  // Nodes: S = 0, mentee i = 1 + i, mentor j = 1 + n + j, T = 1 + n + m.
  const S = 0;
  const Tn = 1 + n + m;
  const N = n + m + 2;
  const menteeUsed = new Uint8Array(n);
  const mentorUsed = new Uint8Array(m);
  for (let k = 0; k < count; k++) {
    menteeUsed[eMentee[k]!] = 1;
    if (cap[eMentor[k]!]! > 0) mentorUsed[eMentor[k]!] = 1;
  }
  let arcs = 0;
  for (let i = 0; i < n; i++) arcs += menteeUsed[i]!;
  for (let j = 0; j < m; j++) arcs += mentorUsed[j]!;
  arcs += count;
  const from = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const arcCap = new Int32Array(arcs);
  const arcCost = new Int32Array(arcs);
  let a = 0;
  for (let i = 0; i < n; i++) {
    if (!menteeUsed[i]) continue;
    from[a] = S;
    to[a] = 1 + i;
    arcCap[a] = 1;
    a++;
  }
  const firstPair = a;
  for (let k = 0; k < count; k++) {
    from[a] = 1 + eMentee[k]!;
    to[a] = 1 + n + eMentor[k]!;
    arcCap[a] = 1;
    arcCost[a] = -eFit[k]!;
    a++;
  }
  for (let j = 0; j < m; j++) {
    if (!mentorUsed[j]) continue;
    from[a] = 1 + n + j;
    to[a] = Tn;
    arcCap[a] = cap[j]!;
    a++;
  }

  const E = 2 * arcs;
  const { adjStart, eTo, eCap, eCost, eRev, arcEdge } = residualGraph(N, from, to, arcCap, null, arcCost);

  // Initial potentials (S → mentees → mentors → T is a DAG): all reduced costs ≥ 0.
  const pot = new Int32Array(N);
  for (let x = firstPair; x < firstPair + count; x++) {
    const v = to[x]!;
    if (arcCost[x]! < pot[v]!) pot[v] = arcCost[x]!;
  }
  for (let x = firstPair + count; x < arcs; x++) if (pot[from[x]!]! < pot[Tn]!) pot[Tn] = pot[from[x]!]!;

  const INF = 0x3fffffff;
  const dist = new Int32Array(N);
  const done = new Uint8Array(N);
  const heap = new MinHeap(E + N + 2);
  // The admissible graph of a phase: edges of zero reduced cost (both directions), CSR.
  const zStart = new Int32Array(N + 1);
  let zEdge = new Int32Array(1024);
  const levelOf = new Int32Array(N);
  const queue = new Int32Array(N);
  const iter = new Int32Array(N);
  const pathEdges = new Int32Array(N);
  let phases = 0;

  for (;;) {
    // Dijkstra on reduced costs, stopping once T is settled.
    phases++;
    dist.fill(INF);
    done.fill(0);
    dist[S] = 0;
    heap.clear();
    heap.push(S, 0);
    while (heap.size > 0) {
      const d = heap.minKey();
      const u = heap.pop();
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      if (u === Tn) break;
      const pu = pot[u]! + d;
      for (let e: number = adjStart[u]!, end: number = adjStart[u + 1]!; e < end; e++) {
        if (eCap[e]! <= 0) continue;
        const v = eTo[e]!;
        if (done[v]) continue;
        const nd = pu + eCost[e]! - pot[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          heap.push(v, nd);
        }
      }
    }
    if (!done[Tn]) break;
    // New potentials: settled nodes by their distance, the rest by T's (their distance is ≥ it).
    const D = dist[Tn]!;
    for (let v = 0; v < N; v++) pot[v]! += done[v] ? dist[v]! : D;
    if (pot[Tn]! - pot[S]! >= 0) break; // the cheapest path no longer adds fit

    // Collect the admissible graph once per phase: augmenting along zero-reduced-cost edges
    // only opens their reverses, which have zero reduced cost too.
    let zCount = 0;
    for (let u = 0; u < N; u++) {
      zStart[u] = zCount;
      const pu = pot[u]!;
      for (let e = adjStart[u]!, end = adjStart[u + 1]!; e < end; e++) {
        if (eCost[e]! + pu - pot[eTo[e]!]! !== 0) continue;
        if (zCount === zEdge.length) {
          const next = new Int32Array(zEdge.length * 2);
          next.set(zEdge);
          zEdge = next;
        }
        zEdge[zCount++] = e;
      }
    }
    zStart[N] = zCount;

    // Blocking flows (Dinic) on it until T is unreachable.
    for (;;) {
      levelOf.fill(-1);
      levelOf[S] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = S;
      while (qh < qt) {
        const u = queue[qh++]!;
        for (let z = zStart[u]!, end = zStart[u + 1]!; z < end; z++) {
          const e = zEdge[z]!;
          const v = eTo[e]!;
          if (eCap[e]! > 0 && levelOf[v]! < 0) {
            levelOf[v] = levelOf[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      if (levelOf[Tn]! < 0) break;
      iter.set(zStart.subarray(0, N));
      let depth = 0;
      let u = S;
      for (;;) {
        if (u === Tn) {
          for (let k = 0; k < depth; k++) {
            const e = pathEdges[k]!;
            eCap[e]!--;
            eCap[eRev[e]!]!++;
          }
          depth = 0;
          u = S;
          continue;
        }
        let advanced = false;
        for (let z = iter[u]!, end = zStart[u + 1]!; z < end; z++) {
          const e = zEdge[z]!;
          const v = eTo[e]!;
          if (eCap[e]! > 0 && levelOf[v] === levelOf[u]! + 1) {
            iter[u] = z;
            pathEdges[depth++] = e;
            u = v;
            advanced = true;
            break;
          }
        }
        if (advanced) continue;
        iter[u] = zStart[u + 1]!;
        levelOf[u] = -1; // a dead end for this round
        if (u === S) break;
        const back: number = pathEdges[--depth]!;
        u = eTo[eRev[back]!]!;
        iter[u]!++;
      }
    }
  }

  // The assignment is on the saturated mentee → mentor arcs.
  const assigned = new Int32Array(n).fill(-1);
  for (let k = 0; k < count; k++) if (eCap[arcEdge[firstPair + k]!] === 0) assigned[eMentee[k]!] = eMentor[k]!;

  // Dual certificate. Every residual arc has a reduced cost ≥ 0 under `pot`, but S and T differ;
  // the flow's amount is free (an arc T → S of cost 0), so potentials with π(S) = π(T) are needed.
  // First make π(T) ≥ π(S) (the loop may have stopped with T unreachable: the unsettled nodes
  // then move by a bound M ≥ every settled distance), then one Dijkstra from S at 0 and T at
  // π(S) − π(T) ≤ 0: the distances (capped) keep every reduced cost ≥ 0 and end with π(S) = π(T).
  const settle = (): number => {
    heap.clear();
    const push = (v: number, nd: number): void => heap.push(v, nd);
    for (let v = 0; v < N; v++) if (dist[v]! < INF) push(v, dist[v]!);
    let maxD = 0;
    while (heap.size > 0) {
      const d = heap.minKey();
      const u = heap.pop();
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      if (d > maxD) maxD = d;
      const pu = pot[u]! + d;
      for (let e: number = adjStart[u]!, end: number = adjStart[u + 1]!; e < end; e++) {
        if (eCap[e]! <= 0) continue;
        const v = eTo[e]!;
        if (done[v]) continue;
        const nd = pu + eCost[e]! - pot[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          push(v, nd);
        }
      }
    }
    return maxD;
  };
  if (pot[Tn]! < pot[S]!) {
    dist.fill(INF);
    done.fill(0);
    dist[S] = 0;
    const M = Math.max(settle(), pot[S]! - pot[Tn]!);
    for (let v = 0; v < N; v++) pot[v]! += done[v] ? dist[v]! : M;
  }
  dist.fill(INF);
  done.fill(0);
  dist[S] = 0;
  dist[Tn] = pot[S]! - pot[Tn]!;
  const M = settle();
  for (let v = 0; v < N; v++) pot[v]! += done[v] ? dist[v]! : M;
  const base = pot[S]!;
  const potMentee = new Int32Array(n);
  const potMentor = new Int32Array(m);
  // Outside the network: a mentee without edges, a mentor without edges (its arc to T is free, so
  // π = π(T) is the lowest it may have) — both at π(S) = π(T).
  for (let i = 0; i < n; i++) potMentee[i] = menteeUsed[i] ? pot[1 + i]! - base : 0;
  for (let j = 0; j < m; j++) potMentor[j] = mentorUsed[j] ? pot[1 + n + j]! - base : 0;
  return { assigned, phases, potMentee, potMentor };
}
