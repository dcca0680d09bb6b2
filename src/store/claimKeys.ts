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
   * The answers to a proposed new mentor (the pair's pending replacement, by its id), one claim
   * per party (scope): the first answer of each party stands, however often it is pressed.
   */
  replacementAnswers: (replacementId: string) => `repl-answers:${replacementId}`,
  replacementAnswer: (replacementId: string, party: string) => `repl-answers:${replacementId}#${party}`,
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
   * a paper consent, the questionnaire submitted, a withdrawal): a lock held while the step runs
   * (services/consent.ts underIntakeClaim), so racing steps see each other's result.
   */
  intakeStep: (membershipId: string) => `lock:intake:${membershipId}`,
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

  /** A mentor's monthly report (4.2): one per mentor and month, however often «Отправить» is pressed. */
  monthlyReport: (mentorId: string, month: string) => `monthly-report:${mentorId}:${month}`,
  /** A final report (2.13–2.14): one per pair, author and mentee. */
  finalReport: (pairId: string, authorId: string, menteeId: string) => `final-report:${pairId}:${authorId}:${menteeId}`,
  /** The director's approval of a mentor's final report: once, one notice. */
  finalApproved: (reportId: string) => `final-approved:${reportId}`,
  /** Each side answers a logged meeting once (confirmed or «не было»): a second press is refused, one notice. */
  meetingAnswer: (meetingId: string, membershipId: string) => `meeting-answer:${meetingId}#${membershipId}`,
  /** A planned meeting is turned into a log (or called off) once, by whichever side answers first. */
  meetingHeld: (meetingId: string) => `meeting-held:${meetingId}`,
  /** One rating per participant per meeting: pressed a hundred times, one record (services/feedback.ts). */
  feedback: (meetingId: string, membershipId: string) => `feedback:${meetingId}#${membershipId}`,
  /**
   * A person's open safety flag in a pair (holder: the flag's id): repeated 🆘 presses or low
   * ratings while it is open join it, one flag and one alert. Released when a curator handles it.
   */
  flagOpen: (pairId: string, membershipId: string) => `flag-open:${pairId}#${membershipId}`,
  /** A flag is marked handled once: two curators at once, one note, one word to the raiser. */
  flagHandled: (flagId: string) => `flag-handled:${flagId}`,

  // Locks (ClaimsStore.withLock): held while one writer reads, checks and writes, then released.
  /** Every write to one pair document (status, mentor, dates, role model, order, reminder). */
  pairLock: (pairId: string) => `lock:pair:${pairId}`,
  /** Every write to one membership document (intake status, pair link, training mark, limit). */
  membershipLock: (membershipId: string) => `lock:membership:${membershipId}`,
  // The per-person index of memberships (memberships_by_user): one writer adds or removes an entry.
  userMembershipsLock: (userId: number) => `lock:user-memberships:${userId}`,
  // The per-membership index of pairs (pairs_by_member): one writer adds a pair at a time.
  memberPairsLock: (membershipId: string) => `lock:member-pairs:${membershipId}`,
  /** A mentor's limit and the taking of their places: a limit is never set below the places taken. */
  mentorLock: (mentorId: string) => `lock:mentor:${mentorId}`,
  /** A programme's curators: one removal at a time, so two curators removing each other leave one. */
  curatorsLock: (programmeId: string) => `lock:curators:${programmeId}`,
  /** A programme's topic list: counted and changed by one writer at a time (at most TOPICS_MAX). */
  topicsLock: (programmeId: string) => `lock:topics:${programmeId}`,
  /** One press at a time on a person's ranking in progress (store/preferences.ts drafts): no press is lost. */
  rankingLock: (roundId: string, membershipId: string) => `lock:ranking:${roundId}-${membershipId}`,
  /** Every change of one roadmap stage (its dates, its done mark): one writer at a time (store/stages.ts). */
  stageLock: (programmeId: string, stage: number) => `lock:stage:${programmeId}:${stage}`,
  /** Individual plans (services/plans.ts): one plan per (pair, mentee), made once however many ask at once. */
  planCreateLock: (pairId: string, menteeId: string) => `lock:plan-new:${pairId}:${menteeId}`,
  /** Every write to one plan document (items, status, marks): read, checked and written by one writer. */
  planLock: (planId: string) => `lock:plan:${planId}`,
  /** A plan's version acknowledged once, and approved once: one record and one notice, however often pressed. */
  planAcknowledged: (planId: string, version: number) => `plan-ack:${planId}:${version}`,
  planApproved: (planId: string, version: number) => `plan-approved:${planId}:${version}`,
  /** A plan's version sent to the mentee once (one notice). */
  planSent: (planId: string, version: number) => `plan-sent:${planId}:${version}`,
  /** Every write to one meeting document (answers and status, held, cancelled). */
  meetingLock: (meetingId: string) => `lock:meeting:${meetingId}`,
  /** A programme's holidays (services/holidays.ts): the list read, changed and written by one writer at a time. */
  holidaysLock: (programmeId: string) => `lock:holidays:${programmeId}`,
  /** The places on an invitation link (scope of takePlaces): at most its maxUses people. */
  invitationPlaces: (invitationId: string) => `invitation:${invitationId}`,
} as const;
