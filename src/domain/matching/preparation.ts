import { FORMS, type Category, type Form } from "../programme.js";
import {
  FIT_WEIGHTS,
  MAX_MENTEES_PER_MENTOR,
  MAX_RANKED_CHOICES,
  choiceBook,
  evaluateWith,
  formFor,
  unique,
  type ChoiceBook,
  type MatchMentee,
  type MatchMentor,
  type MatchingInput,
  type MatchingOptions,
  type MatchingResult,
  type MatchingStats,
  type MeetingFormat,
  type Proposal,
  type Unmatched,
  type UnmatchedReason,
} from "./rules.js";
import { describeReasons, describeUnmatched } from "./words.js";

// Preparation, shared by both engines: people in id order, interned topics and slots, typed
// arrays, each mentee's candidates best first; and the result built from an assignment.

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

export class GrowableInt32 {
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
export class EdgeList {
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

export interface Prepared {
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

export function prepare(input: MatchingInput): Prepared {
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

export function buildResult(
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
