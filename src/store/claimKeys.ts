// Every claim key in one place. A claim is a unique insert (store/claims.ts): the first writer of
// a key wins, which FerretDB guarantees where it does not guarantee conditional updates.
// Add a capability's keys here, with a line on what the claim protects.

export const claimKeys = {
  /** A mentor's numbered places (scope of takePlaces): at most the mentor's limit of mentees. */
  mentorPlaces: (mentorId: string) => `mentor:${mentorId}`,
  /** A mentee belongs to at most one proposed or active pair. */
  mentee: (menteeId: string) => `mentee:${menteeId}`,
  /** The answers of a pair's parties, one claim per party (scope). */
  pairAnswers: (pairId: string) => `answers:${pairId}`,
  pairAnswer: (pairId: string, party: string) => `answers:${pairId}#${party}`,
  /** A pair's agreement is settled once: active, declined or withdrawn. */
  pairSettled: (pairId: string) => `settled:${pairId}`,
  /** A pair ends once. */
  pairEnded: (pairId: string) => `ended:${pairId}`,
  /** A parent link is taken by one parent, and used once. */
  parentLink: (linkId: string) => `parent-link:${linkId}`,
  parentLinkUsed: (linkId: string) => `parent-link-used:${linkId}`,
  /** The places on an invitation link (scope of takePlaces): at most its maxUses people. */
  invitationPlaces: (invitationId: string) => `invitation:${invitationId}`,
} as const;
