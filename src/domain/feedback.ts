// Feedback after a meeting (stage 6) and the safety flag: the rating scale, what counts as a low
// rating, the limits of free text, and when an unhandled flag is raised again.

/** A meeting is rated 1–5. */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

/** The buttons of the scale, worst first: 😞 😕 😐 🙂 😀. */
export const RATING_EMOJI: Record<Rating, string> = { 1: "😞", 2: "😕", 3: "😐", 4: "🙂", 5: "😀" };

export const isRating = (n: number): n is Rating => (RATINGS as readonly number[]).includes(n);

/** A rating of 1 or 2 raises the safety flag: the curators are alerted at once. */
export const LOW_RATING_MAX = 2;
export const isLowRating = (rating: Rating): boolean => rating <= LOW_RATING_MAX;

/** A participant's comment on a meeting, or their words with a flag (shown to curators only). */
export const FEEDBACK_COMMENT_MAX = 1000;
/** The curator's note when marking a flag handled. */
export const FLAG_NOTE_MAX = 500;

/** Where a flag came from: a low rating of a meeting, or the «🆘 Нужна помощь» button. */
export const FLAG_SOURCES = ["rating", "button"] as const;
export type FlagSource = (typeof FLAG_SOURCES)[number];

/** A flag still open this long after it was raised is raised again, to the curators and the director. */
export const FLAG_RERAISE_AFTER_MS = 24 * 60 * 60 * 1000;

/** Whether an open flag is due to be raised again at `now`. */
export const flagReraiseDue = (flag: { raisedAt: Date; handledAt: Date | null }, now: Date): boolean =>
  flag.handledAt === null && now.getTime() - flag.raisedAt.getTime() >= FLAG_RERAISE_AFTER_MS;

/**
 * The pair's average rating as the sides see it: only once there are at least this many ratings,
 * so that the other side's single rating cannot be read back from the average.
 */
export const AVERAGE_SHOWN_FROM = 3;

/** The average of ratings to one decimal, or null when there are none. */
export function averageRating(ratings: readonly number[]): number | null {
  if (ratings.length === 0) return null;
  return Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10;
}
