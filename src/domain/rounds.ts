import type { IntakeStatus } from "./consent.js";
import { MAX_RANKED_CHOICES } from "./matching/index.js";
import type { Role } from "./programme.js";

// The preference round of stage 5: after the group meeting each ready mentee ranks up to three
// mentors, each trained mentor with a free place up to three mentees; the engine then weighs
// mutual choices (domain/matching). Time is passed in.

/** How long a round runs, offered to the curator. */
export const ROUND_DAYS = [3, 7, 14] as const;
export type RoundDays = (typeof ROUND_DAYS)[number];
/** A chosen deadline lies at most this many days ahead. */
export const MAX_ROUND_DAYS = 31;
export { MAX_RANKED_CHOICES };

const DAY_MS = 86_400_000;

export const isRoundDays = (days: number): days is RoundDays => (ROUND_DAYS as readonly number[]).includes(days);

export function roundDeadline(now: Date, days: RoundDays): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** A deadline chosen by hand: later than now and not too far ahead. */
export function validateDeadline(now: Date, deadline: Date): "ok" | "past" | "too-far" {
  if (!(deadline.getTime() > now.getTime())) return "past";
  if (deadline.getTime() - now.getTime() > MAX_ROUND_DAYS * DAY_MS) return "too-far";
  return "ok";
}

/** A round takes answers until it is closed or its deadline passes. */
export function roundOpen(round: { closedAt: Date | null; deadline: Date }, now: Date): boolean {
  return round.closedAt === null && round.deadline.getTime() > now.getTime();
}

/** An open round whose deadline has passed is closed at the next look. */
export function roundExpired(round: { closedAt: Date | null; deadline: Date }, now: Date): boolean {
  return round.closedAt === null && round.deadline.getTime() <= now.getTime();
}

export interface RankingPerson {
  role: Role;
  intake: IntakeStatus | null;
  mentorTrainedOn: Date | null;
  pairId: string | null;
}

/**
 * Who takes part in a round: a ready mentee still without a pair, or a ready mentor selected and
 * trained (stage 4) with a free place. Curators do not rank.
 */
export function mayRank(person: RankingPerson, freePlaces: number): boolean {
  if (person.intake !== "ready") return false;
  if (person.role === "mentee") return person.pairId === null;
  if (person.role === "mentor") return person.mentorTrainedOn !== null && freePlaces > 0;
  return false;
}

/** Whom a person ranks: the other side. */
export function rankedSide(role: "mentor" | "mentee"): "mentor" | "mentee" {
  return role === "mentor" ? "mentee" : "mentor";
}

export type RankingProblem = "empty" | "too-many" | "repeated" | "not-a-candidate";

/** A ranking: one to MAX_RANKED_CHOICES distinct people, each one of the candidates. */
export function validateRanking(ranked: readonly string[], candidates: ReadonlySet<string>): "ok" | RankingProblem {
  if (ranked.length === 0) return "empty";
  if (ranked.length > MAX_RANKED_CHOICES) return "too-many";
  if (new Set(ranked).size !== ranked.length) return "repeated";
  if (ranked.some((id) => !candidates.has(id))) return "not-a-candidate";
  return "ok";
}
