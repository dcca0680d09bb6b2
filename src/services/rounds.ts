import {
  MAX_RANKED_CHOICES,
  isRoundDays,
  mayRank,
  rankedSide,
  roundDeadline,
  roundExpired,
  roundOpen,
  validateDeadline,
  validateRanking,
} from "../domain/rounds.js";
import { pageOf } from "../domain/paging.js";
import { claimKeys } from "../store/claimKeys.js";
import { newId } from "../store/ids.js";
import type { Membership } from "../store/memberships.js";
import type { RankingDraft } from "../store/preferences.js";
import type { Round } from "../store/rounds.js";
import { authorize } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { msg, type NoticeVar } from "./notices.js";
import { personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";
import { isStaffRole } from "../domain/programme.js";

// The preference round (stage 5): after the group meeting the curator opens a round with a
// deadline; everyone who may rank is asked; each ranks up to three people of the other side; the
// curator sees who has answered and closes the round. Who may rank is read from the store on
// every call: a button never stands for a right.

type Deps = ServiceDeps;
type StoreDeps = Pick<ServiceDeps, "store" | "clock">;

/** A round as the fronts see it: plain data. */
export interface RoundInfo {
  roundId: string;
  deadline: Date;
  /** The school's time zone, for showing the deadline. */
  timeZone: string;
}

/** Free places of a mentor: the limit less the places held (claims). */
async function freePlacesOf(deps: Pick<ServiceDeps, "store">, mentor: Membership): Promise<number> {
  return Math.max(0, mentor.mentorLimit - (await deps.store.claims.placesUsed(claimKeys.mentorPlaces(mentor._id))));
}

async function mayRankNow(deps: Pick<ServiceDeps, "store">, m: Membership): Promise<boolean> {
  return mayRank(m, m.role === "mentor" ? await freePlacesOf(deps, m) : 0);
}

/** Everyone of one side who may rank now (and so may be ranked), oldest first. */
async function eligible(deps: Pick<ServiceDeps, "store">, programmeId: string, role: "mentor" | "mentee"): Promise<Membership[]> {
  const out: Membership[] = [];
  for (const m of await deps.store.memberships.participants(programmeId, role, { intake: "ready" })) if (await mayRankNow(deps, m)) out.push(m);
  return out;
}

/** Who is asked in a round: ready mentees without a pair, then trained mentors with free places. */
async function asked(deps: Pick<ServiceDeps, "store">, programmeId: string): Promise<Membership[]> {
  return [...(await eligible(deps, programmeId, "mentee")), ...(await eligible(deps, programmeId, "mentor"))];
}

/** Closes a round once, whoever comes first (the curator, or the first look after its deadline). */
async function closeOnce(deps: StoreDeps, round: Round): Promise<boolean> {
  const now = deps.clock();
  if (!(await deps.store.claims.claim(claimKeys.roundClosed(round._id), "rounds", round._id, now))) return false;
  await deps.store.rounds.close(round._id, now);
  await deps.store.claims.release(claimKeys.roundOpen(round.programmeId));
  return true;
}

/**
 * The programme's open round, or null; a round whose deadline has passed is closed here. No
 * access check: for other services and views that already checked theirs (the pairs' home).
 */
export async function currentRound(deps: StoreDeps, programmeId: string): Promise<Round | null> {
  const round = await deps.store.rounds.current(programmeId);
  if (!round) return null;
  if (roundExpired(round, deps.clock())) {
    await closeOnce(deps, round);
    return null;
  }
  return round;
}

export type RoundLength = { days: number } | { deadline: Date };

/**
 * The curator opens a round for a number of days (ROUND_DAYS) or until a chosen deadline; one
 * open round per programme, even when two curators press at once. Everyone who may rank is
 * asked, with a button to start.
 */
export async function openRound(deps: Deps, actor: Actor, input: { programmeId: string } & RoundLength): Promise<Result<{ round: RoundInfo; asked: number; delivered: number }>> {
  const access = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!access.ok) return access;
  const { programme, school } = access.value;
  const now = deps.clock();
  let deadline: Date;
  if ("days" in input) {
    if (!isRoundDays(input.days)) return refuse("rule", "round-deadline-invalid");
    deadline = roundDeadline(now, input.days);
  } else {
    if (validateDeadline(now, input.deadline) !== "ok") return refuse("rule", "round-deadline-invalid");
    deadline = input.deadline;
  }
  if (await currentRound(deps, programme._id)) return refuse("stale", "round-already-open");
  const roundId = newId();
  if (!(await deps.store.claims.claim(claimKeys.roundOpen(programme._id), "rounds", roundId, now))) return refuse("stale", "round-already-open");
  let round: Round;
  try {
    round = await deps.store.rounds.open(roundId, programme._id, now, deadline);
  } catch (error) {
    await deps.store.claims.release(claimKeys.roundOpen(programme._id));
    throw error;
  }
  const people = await asked(deps, programme._id);
  let delivered = 0;
  for (const m of people) {
    const sent = await deps.notices.send({
      to: m.userId,
      key: m.role === "mentee" ? "round-ask-mentee" : "round-ask-mentor",
      vars: { school: school.name, until: { date: round.deadline, timeZone: school.timeZone } },
      actions: [[{ label: msg("round-choose"), action: { type: "roundChoose", roundId: round._id, membershipId: m._id } }]],
    });
    if (sent) delivered++;
  }
  deps.logger.info({ programmeId: programme._id, roundId: round._id, asked: people.length, delivered }, "preference round opened");
  return ok({ round: { roundId: round._id, deadline: round.deadline, timeZone: school.timeZone }, asked: people.length, delivered });
}

export interface RoundStatus {
  programmeId: string;
  /** The open round, or null when none is open. */
  round: RoundInfo | null;
  /** Everyone asked, and whether they have answered. */
  people: { membershipId: string; name: NoticeVar; answered: boolean }[];
  answered: number;
}

/** The curator's view of the round: who is asked and who has answered. */
export async function roundStatus(deps: Deps, actor: Actor, input: { programmeId: string }): Promise<Result<RoundStatus>> {
  const access = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!access.ok) return access;
  const { programme, school } = access.value;
  const round = await currentRound(deps, programme._id);
  if (!round) return ok({ programmeId: programme._id, round: null, people: [], answered: 0 });
  const answered = new Set((await deps.store.preferences.ofRound(round._id)).map((p) => p.membershipId));
  const people = await asked(deps, programme._id);
  const names = await personRefs(deps, people);
  return ok({
    programmeId: programme._id,
    round: { roundId: round._id, deadline: round.deadline, timeZone: school.timeZone },
    people: people.map((m) => ({ membershipId: m._id, name: names.get(m._id)!, answered: answered.has(m._id) })),
    answered: answered.size,
  });
}

/** The curator closes the open round; `closed` is false when none was open. */
export async function closeRound(deps: Deps, actor: Actor, input: { programmeId: string }): Promise<Result<{ closed: boolean }>> {
  const access = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!access.ok) return access;
  const round = await currentRound(deps, access.value.programme._id);
  const closed = round ? await closeOnce(deps, round) : false;
  if (closed) deps.logger.info({ programmeId: access.value.programme._id, roundId: round!._id }, "preference round closed");
  return ok({ closed });
}

/** One card of the other side: plain data, rendered by the front. */
export interface RankingCard {
  membershipId: string;
  name: NoticeVar;
  /** Topic ids: the mentor's competencies or the mentee's requests. */
  topics: string[];
  /** The meeting format answered ("offline", "online", "any"), or null. */
  format: string | null;
}

export interface Ranking {
  roundId: string;
  membershipId: string;
  /** The side the person ranks. */
  side: "mentor" | "mentee";
  /** Every card, in the order shown (the front pages them). */
  cards: RankingCard[];
  /** Card indices chosen so far, best first. */
  ranked: number[];
  /** The page of cards the person is on. */
  page: number;
  max: number;
  /** The curator's own wording of topics. */
  topicLabels: Record<string, string>;
}

/**
 * The person and the round: refused unless the round is open and they may rank now (ready,
 * trained, not yet paired, a mentor with a free place). Read from the store on every call: the
 * start, every press and the save.
 */
async function rankingAccess(deps: Deps, actor: Actor, input: { roundId: string; membershipId: string }) {
  const access = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId });
  if (!access.ok) return access;
  const { me, programme } = access.value;
  const round = await deps.store.rounds.get(input.roundId);
  if (!round) return refuse("not-found", "round-closed");
  if (round.programmeId !== me.programmeId) return refuse("not-allowed");
  if (!roundOpen(round, deps.clock())) {
    if (roundExpired(round, deps.clock())) await closeOnce(deps, round);
    return refuse("stale", "round-closed");
  }
  if (isStaffRole(me.role) || !(await mayRankNow(deps, me))) return refuse("rule", "round-not-eligible");
  return ok({ me, programme, round, side: rankedSide(me.role) });
}

/** The cards of these people of the other side: name, topics, format. */
async function cardsOf(deps: Deps, side: "mentor" | "mentee", ids: readonly string[]): Promise<RankingCard[]> {
  const found = await deps.store.memberships.getMany(ids);
  const people = ids.flatMap((id) => (found.get(id) ? [found.get(id)!] : []));
  const [names, profiles] = await Promise.all([personRefs(deps, people), deps.store.profiles.getMany(people.map((m) => m._id))]);
  return ids.map((id): RankingCard => {
    const answers = profiles.get(id)?.answers ?? {};
    const topics = answers[side === "mentor" ? "competencies" : "requests"];
    const format = answers["format"];
    return {
      membershipId: id,
      // Someone withdrawn since the cards were dealt keeps their place, nameless.
      name: names.get(id) ?? "—",
      topics: Array.isArray(topics) ? topics.filter((x): x is string => typeof x === "string") : [],
      format: typeof format === "string" ? format : null,
    };
  });
}

/** Cards on one page of a ranking (the front shows this many at a time). */
export const RANKING_PAGE_SIZE = 10;

/**
 * The ranking as the front shows it: every card is listed, but only those on the person's page
 * and those chosen are read from the store (a press costs the same with 10 people or 300).
 */
async function rankingOf(deps: Deps, draft: RankingDraft, side: "mentor" | "mentee", topicLabels: Record<string, string>): Promise<Ranking> {
  const page = pageOf(draft.cards, draft.page, RANKING_PAGE_SIZE);
  const shown = new Set([...page.items, ...draft.ranked.map((i) => draft.cards[i]!)]);
  const read = new Map((await cardsOf(deps, side, [...shown])).map((c) => [c.membershipId, c]));
  const cards = draft.cards.map((id): RankingCard => read.get(id) ?? { membershipId: id, name: "—", topics: [], format: null });
  return { roundId: draft.roundId, membershipId: draft.membershipId, side, cards, ranked: [...draft.ranked], page: page.page, max: MAX_RANKED_CHOICES, topicLabels: { ...topicLabels } };
}

/**
 * A person asked in the round opens their ranking: every person of the other side who may be
 * ranked now (paged by the front), and their answer so far. The ranking in progress is kept in the
 * store (one draft per person per round); pressing the round's button again starts it afresh.
 */
export async function startRanking(deps: Deps, actor: Actor, input: { roundId: string; membershipId: string }): Promise<Result<Ranking>> {
  const access = await rankingAccess(deps, actor, input);
  if (!access.ok) return access;
  const { me, programme, round, side } = access.value;
  const others = await eligible(deps, round.programmeId, side);
  const saved = await deps.store.preferences.get(round._id, me._id);
  const ids = others.map((m) => m._id);
  const ranked = (saved?.ranked ?? []).map((id) => ids.indexOf(id)).filter((i) => i >= 0);
  const draft = await deps.store.preferences.startDraft(round._id, me._id, ids, ranked, deps.clock());
  return ok(await rankingOf(deps, draft, side, programme.topicLabels));
}

export type RankingPress = { kind: "rank"; index: number } | { kind: "reset" } | { kind: "page"; page: number };

/**
 * One press on the ranking: a card chosen (or unchosen when pressed again), the choice reset, or
 * another page. Eligibility is checked again on every press; the draft changes in one write.
 */
export async function pressRanking(deps: Deps, actor: Actor, input: { roundId: string; membershipId: string; press: RankingPress }): Promise<Result<Ranking>> {
  const access = await rankingAccess(deps, actor, input);
  if (!access.ok) return access;
  const { me, programme, round, side } = access.value;
  // One press at a time per person: each reads the draft the last one wrote (FerretDB does not
  // make a conditional update atomic, so the version check alone would not do).
  const next = await deps.store.claims.withLock(claimKeys.rankingLock(round._id, me._id), async () => {
    const draft = await deps.store.preferences.getDraft(round._id, me._id);
    if (!draft) return refuse("stale", "round-ranking-changed");
    const change = applyPress(draft, input.press);
    if (!change.ok) return change;
    const written = await deps.store.preferences.updateDraft(draft, change.value, deps.clock());
    return written ? ok(written) : refuse("stale", "round-ranking-busy");
  });
  if (!next.ok) return next;
  return ok(await rankingOf(deps, next.value, side, programme.topicLabels));
}

/** A press applied to a draft: the new choice and page, or what is wrong. */
function applyPress(draft: RankingDraft, press: RankingPress): Result<{ ranked: number[]; page: number }> {
  const ranked = [...draft.ranked];
  let page = draft.page;
  if (press.kind === "reset") ranked.splice(0);
  else if (press.kind === "page") page = press.page;
  else {
    if (press.index >= draft.cards.length) return refuse("stale", "round-ranking-changed");
    const at = ranked.indexOf(press.index);
    if (at >= 0) ranked.splice(at, 1);
    else if (ranked.length >= MAX_RANKED_CHOICES) return refuse("rule", "round-ranking-too-many", { max: MAX_RANKED_CHOICES });
    else ranked.push(press.index);
  }
  return ok({ ranked, page });
}

/** Saves the ranking in progress: the people chosen must still be ones who may be ranked. */
export async function finishRanking(deps: Deps, actor: Actor, input: { roundId: string; membershipId: string }): Promise<Result<{ names: NoticeVar[] }>> {
  const access = await rankingAccess(deps, actor, input);
  if (!access.ok) return access;
  const draft = await deps.store.preferences.getDraft(input.roundId, access.value.me._id);
  if (!draft) return refuse("stale", "round-ranking-changed");
  if (draft.ranked.length === 0) return refuse("rule", "round-ranking-empty");
  const saved = await saveRanking(deps, actor, { ...input, ranked: draft.ranked.map((i) => draft.cards[i]!) });
  if (saved.ok) await deps.store.preferences.deleteDraft(input.roundId, access.value.me._id);
  return saved;
}

/** Saves a person's ranking (ids of the other side, best first); a new answer replaces the old one. */
export async function saveRanking(deps: Deps, actor: Actor, input: { roundId: string; membershipId: string; ranked: readonly string[] }): Promise<Result<{ names: NoticeVar[] }>> {
  const access = await rankingAccess(deps, actor, input);
  if (!access.ok) return access;
  const { me, round, side } = access.value;
  const others = await eligible(deps, round.programmeId, side);
  const problem = validateRanking(input.ranked, new Set(others.map((m) => m._id)));
  if (problem !== "ok") return refuse("rule", problem === "empty" ? "round-ranking-empty" : problem === "too-many" ? "round-ranking-too-many" : "round-ranking-changed", { max: MAX_RANKED_CHOICES });
  await deps.store.preferences.save(round, me._id, [...input.ranked], deps.clock());
  deps.logger.info({ roundId: round._id, membershipId: me._id, count: input.ranked.length }, "preferences saved");
  const byId = new Map(others.map((m) => [m._id, m]));
  const names = await personRefs(deps, input.ranked.map((id) => byId.get(id)!));
  return ok({ names: input.ranked.map((id) => names.get(id)!) });
}
