import { describe, expect, it } from "vitest";
import { MAX_RANKED_CHOICES, ROUND_DAYS, isRoundDays, mayRank, rankedSide, roundDeadline, roundExpired, roundOpen, validateDeadline, validateRanking } from "../../src/domain/rounds.js";

const now = new Date("2027-01-20T09:00:00Z");
const DAY = 86_400_000;

describe("preference round rules", () => {
  it("runs for the offered days or until a deadline at most a month ahead", () => {
    expect(ROUND_DAYS.every(isRoundDays)).toBe(true);
    expect(isRoundDays(5)).toBe(false);
    expect(roundDeadline(now, 7).getTime() - now.getTime()).toBe(7 * DAY);
    expect(validateDeadline(now, now)).toBe("past");
    expect(validateDeadline(now, new Date(now.getTime() + DAY))).toBe("ok");
    expect(validateDeadline(now, new Date(now.getTime() + 40 * DAY))).toBe("too-far");
  });

  it("takes answers until closed or past its deadline", () => {
    const round = { closedAt: null, deadline: new Date(now.getTime() + DAY) };
    expect(roundOpen(round, now)).toBe(true);
    expect(roundExpired(round, now)).toBe(false);
    expect(roundOpen(round, round.deadline)).toBe(false);
    expect(roundExpired(round, round.deadline)).toBe(true);
    expect(roundOpen({ ...round, closedAt: now }, now)).toBe(false);
    expect(roundExpired({ ...round, closedAt: now }, round.deadline)).toBe(false);
  });

  it("lets ready mentees without a pair and trained mentors with a free place rank", () => {
    const mentee = { role: "mentee", intake: "ready", mentorTrainedOn: null, pairId: null } as const;
    const mentor = { role: "mentor", intake: "ready", mentorTrainedOn: now, pairId: null } as const;
    expect(mayRank(mentee, 0)).toBe(true);
    expect(mayRank({ ...mentee, pairId: "p" }, 0)).toBe(false);
    expect(mayRank({ ...mentee, intake: "questionnaire" }, 0)).toBe(false);
    expect(mayRank(mentor, 1)).toBe(true);
    expect(mayRank(mentor, 0)).toBe(false);
    expect(mayRank({ ...mentor, mentorTrainedOn: null }, 3)).toBe(false);
    expect(mayRank({ ...mentor, role: "curator", intake: null }, 3)).toBe(false);
    expect(rankedSide("mentee")).toBe("mentor");
    expect(rankedSide("mentor")).toBe("mentee");
  });

  it("takes one to three distinct candidates", () => {
    const candidates = new Set(["a", "b", "c", "d"]);
    expect(validateRanking(["b", "a"], candidates)).toBe("ok");
    expect(validateRanking([], candidates)).toBe("empty");
    expect(validateRanking(["a", "b", "c", "d"].slice(0, MAX_RANKED_CHOICES + 1), candidates)).toBe("too-many");
    expect(validateRanking(["a", "a"], candidates)).toBe("repeated");
    expect(validateRanking(["x"], candidates)).toBe("not-a-candidate");
  });
});
