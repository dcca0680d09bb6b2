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
  /** The one reminder of a pair's unanswered agreement is sent once, whichever job runs it. */
  pairReminded: (pairId: string) => `reminded:${pairId}`,
  /** A pair's open request for a replacement: one at a time, until the curator answers it (holder: who asked). */
  replacementRequest: (pairId: string) => `replacement:${pairId}`,
  /**
   * A curator's pair-by-hand picker: the mentor chosen (its own scope) and the mentees marked
   * (scope manualPick, one claim each), so that toggles live in the store and not in a conversation.
   */
  manualPickMentor: (userId: number, programmeId: string) => `pick-mentor:${userId}:${programmeId}`,
  manualPick: (userId: number, programmeId: string) => `pick:${userId}:${programmeId}`,
  manualPickMentee: (userId: number, programmeId: string, menteeId: string) => `pick:${userId}:${programmeId}#${menteeId}`,
  /** A parent link is taken by one parent, and used once. */
  parentLink: (linkId: string) => `parent-link:${linkId}`,
  parentLinkUsed: (linkId: string) => `parent-link-used:${linkId}`,
  /**
   * One intake step at a time per membership (consent given or declined, a parent link issued,
   * a paper consent, the questionnaire submitted, a withdrawal): held while the step runs and
   * released after it, so racing steps see each other's result (services/consent.ts). Its scope
   * is the key itself, so that its age can be read (an abandoned one is taken over).
   */
  intakeStep: (membershipId: string) => `intake:${membershipId}`,
  /**
   * A membership being withdrawn: claimed before its pairs are closed and released once it is
   * deleted. Whatever puts a membership into a pair (a proposal, an activation, a new mentor)
   * writes the pair first and checks this afterwards, so either the withdrawal finds the pair
   * and closes it, or the writer sees the claim and undoes its step (services/pairs.ts).
   */
  leaving: (membershipId: string) => `leaving:${membershipId}`,
  /** One open preference round per programme; held by the open round's id, released when it closes. */
  roundOpen: (programmeId: string) => `round:${programmeId}`,
  /** A round is closed once (by the curator or at its deadline): the closer releases roundOpen. */
  roundClosed: (roundId: string) => `round-closed:${roundId}`,

  /** «Напомнить»: one reminder per stuck person per school day, however often it is pressed. */
  stuckReminded: (membershipId: string, day: string) => `stuck-reminded:${membershipId}:${day}`,

  // Locks (ClaimsStore.withLock): held while one writer reads, checks and writes, then released.
  /** Every write to one pair document (status, mentor, dates, role model, order, reminder). */
  pairLock: (pairId: string) => `lock:pair:${pairId}`,
  /** Every write to one membership document (intake status, pair link, training mark, limit). */
  membershipLock: (membershipId: string) => `lock:membership:${membershipId}`,
  // The per-person index of memberships (memberships_by_user): one writer adds or removes an entry.
  userMembershipsLock: (userId: number) => `lock:user-memberships:${userId}`,
  /** A mentor's limit and the taking of their places: a limit is never set below the places taken. */
  mentorLock: (mentorId: string) => `lock:mentor:${mentorId}`,
  /** A programme's curators: one removal at a time, so two curators removing each other leave one. */
  curatorsLock: (programmeId: string) => `lock:curators:${programmeId}`,
  /** A programme's topic list: counted and changed by one writer at a time (at most TOPICS_MAX). */
  topicsLock: (programmeId: string) => `lock:topics:${programmeId}`,
  /** One press at a time on a person's ranking in progress (store/preferences.ts drafts): no press is lost. */
  rankingLock: (roundId: string, membershipId: string) => `lock:ranking:${roundId}-${membershipId}`,
  /** The places on an invitation link (scope of takePlaces): at most its maxUses people. */
  invitationPlaces: (invitationId: string) => `invitation:${invitationId}`,
} as const;
