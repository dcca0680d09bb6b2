// Matching of mentees to mentors (stage 5 of the methodology: «формирование наставнических пар»).
//
// The engine proposes; the curator decides and both sides agree (regulation 2.6). It is a pure
// function of its input: no clock, no randomness, no I/O. The same input gives the same output,
// whatever order the people come in (everyone is processed in id order).
//
// The parts: rules.ts (limits, fit points, the types, the form rules and the fit of one pair),
// words.ts (reasons in words), preparation.ts (typed arrays and candidates, shared by both
// engines, and the result), greedy.ts (the baseline), flow.ts (the exact engine: min-cost flow).

export {
  DEFAULT_CANDIDATES_PER_MENTEE,
  DEFAULT_CANDIDATES_PER_MENTOR,
  FIT_WEIGHTS,
  MAX_MENTEES_PER_MENTOR,
  MAX_RANKED_CHOICES,
  evaluatePair,
  formFor,
  totalFit,
  type ExistingPair,
  type FitReason,
  type MatchMentee,
  type MatchMentor,
  type MatchingInput,
  type MatchingOptions,
  type MatchingResult,
  type MatchingStats,
  type MeetingFormat,
  type MenteeCategory,
  type PairEvaluation,
  type Proposal,
  type RankedChoice,
  type Translate,
  type Unmatched,
  type UnmatchedReason,
} from "./rules.js";
export { describeReasons, describeUnmatched, keysOnly } from "./words.js";
export { greedyAssignment } from "./greedy.js";
export { proposePairs } from "./flow.js";
