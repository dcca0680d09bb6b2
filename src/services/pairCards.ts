import { AVERAGE_SHOWN_FROM, averageRating } from "../domain/feedback.js";
import type { Meeting } from "../store/meetings.js";
import type { Membership } from "../store/memberships.js";
import type { Pair } from "../store/pairs.js";
import { authorize, loadProgramme, type ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { openFlagLines, type FlagLine } from "./feedback.js";
import { planProgress } from "./plans.js";
import type { NoticeVar } from "./notices.js";
import { nameOf, personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";

// The pair card (stage 6, part 5): what a pair holds, in three cuts. The sides and the curator see
// the meetings, the feedback and the flags; a minor mentee's parent sees only the mentor's name,
// the dates, the number of meetings and the plan's progress (no ratings, no comments).

type Deps = ServiceDeps;

export interface MeetingCounts {
  confirmed: number;
  planned: number;
  disputed: number;
  /** Logged by one side, waiting for the other. */
  waiting: number;
}

/** The plan's progress, «выполнено 4 из 9» (a group's mentees' items together); null with no items yet. */
export type PlanProgress = { done: number; total: number } | null;

/** The progress of the given mentees' plans together (all the pair's by default). */
async function progressOf(deps: Pick<ServiceDeps, "store">, pair: Pair, menteeIds: readonly string[] = pair.menteeIds): Promise<PlanProgress> {
  const each = await planProgress(deps, pair._id);
  let done = 0;
  let total = 0;
  for (const id of menteeIds) {
    const p = each.get(id);
    if (p) {
      done += p.done;
      total += p.total;
    }
  }
  return total === 0 ? null : { done, total };
}

export interface PairStats {
  meetings: MeetingCounts;
  /** The latest thing that happened in the pair: a meeting logged or held, a rating, a flag. */
  lastActivity: Date | null;
  /** The average rating of the pair's meetings (both sides), and how many ratings it is of. */
  average: number | null;
  ratings: number;
  planProgress: PlanProgress;
}

export function countMeetings(meetings: readonly Meeting[]): MeetingCounts {
  const count = (status: Meeting["status"]) => meetings.filter((m) => m.status === status).length;
  return { confirmed: count("confirmed"), planned: count("planned"), disputed: count("disputed"), waiting: count("logged") };
}

/** What every cut of the card is built from. */
export async function pairStats(deps: Pick<ServiceDeps, "store">, pair: Pair): Promise<PairStats> {
  const [meetings, feedback, flags] = await Promise.all([deps.store.meetings.ofPair(pair._id), deps.store.feedback.ofPair(pair._id), deps.store.flags.ofPair(pair._id)]);
  const times = [
    ...meetings.map((m) => m.createdAt.getTime()),
    ...meetings.filter((m) => m.status === "confirmed").map((m) => m.day.getTime()),
    ...feedback.map((f) => f.at.getTime()),
    ...flags.map((f) => f.raisedAt.getTime()),
    ...(pair.activatedAt ? [pair.activatedAt.getTime()] : []),
  ];
  return {
    meetings: countMeetings(meetings),
    lastActivity: times.length ? new Date(Math.max(...times)) : null,
    average: averageRating(feedback.map((f) => f.rating)),
    ratings: feedback.length,
    planProgress: await progressOf(deps, pair),
  };
}

/** The comments on the pair's meetings, for its curator only: the newest few. */
export interface CommentLine {
  who: NoticeVar;
  rating: number;
  text: string;
  at: Date;
}
export const COMMENTS_ON_CARD = 3;

export async function recentComments(deps: Pick<ServiceDeps, "store">, pair: Pair): Promise<CommentLine[]> {
  const withText = (await deps.store.feedback.ofPair(pair._id)).filter((f) => f.comment !== null).slice(-COMMENTS_ON_CARD);
  const people = await deps.store.memberships.getMany([...new Set(withText.map((f) => f.membershipId))]);
  const refs = await personRefs(deps, [...people.values()]);
  return withText.map((f) => ({ who: refs.get(f.membershipId) ?? "—", rating: f.rating, text: f.comment!, at: f.at }));
}

/** The curator's additions to their pair card (services/pairs.ts pairCard). */
export interface CuratorPairStats extends PairStats {
  openFlags: FlagLine[];
  comments: CommentLine[];
}

export async function curatorPairStats(deps: Deps, pair: Pair): Promise<CuratorPairStats> {
  return { ...(await pairStats(deps, pair)), openFlags: await openFlagLines(deps, pair._id), comments: await recentComments(deps, pair) };
}

// ---------------------------------------------------------------------------------------------
// A side's card.

export interface SideCard {
  pair: Pair;
  timeZone: string;
  /** The other side: for a mentee the mentor (and the group's other mentees), for the mentor the mentees. */
  others: NoticeVar[];
  role: Membership["role"];
  stats: PairStats;
  /** The actor's own open flags in the pair (the other side's flags are not theirs to see). */
  ownOpenFlags: number;
}

export async function sideCard(deps: Deps, actor: Actor, input: { pairId: string }): Promise<Result<SideCard>> {
  const granted = await authorize(deps, actor, { kind: "pair-party", pairId: input.pairId });
  if (!granted.ok) return granted;
  const { pair, me, school } = granted.value;
  const people = await deps.store.memberships.getMany([pair.mentorId, ...pair.menteeIds]);
  const refs = await personRefs(deps, [...people.values()]);
  const others = [pair.mentorId, ...pair.menteeIds].filter((id) => id !== me._id).map((id) => refs.get(id) ?? "—");
  const stats = await pairStats(deps, pair);
  // A side sees the pair's average only over enough ratings that no single one can be read back.
  const shown = stats.ratings >= AVERAGE_SHOWN_FROM ? stats : { ...stats, average: null };
  const ownOpenFlags = (await deps.store.flags.ofPair(pair._id)).filter((f) => f.raisedBy === me._id && f.handledAt === null).length;
  return ok({ pair, timeZone: school.timeZone, others, role: me.role, stats: shown, ownOpenFlags });
}

// ---------------------------------------------------------------------------------------------
// A minor mentee's parent.

export interface ChildLine {
  membershipId: string;
  /** The child's name from their questionnaire, or their role. */
  child: NoticeVar;
  school: string;
}

/** The children whose standing consent this person gave as a parent in the bot, and who are in an active pair. */
export async function parentChildren(deps: Deps, actor: Actor): Promise<ChildLine[]> {
  const out: ChildLine[] = [];
  const seen = new Set<string>();
  for (const consent of await deps.store.consents.givenByParent(actor.userId)) {
    if (!consent.membershipId || seen.has(consent.membershipId)) continue;
    seen.add(consent.membershipId);
    if (!(await authorize(deps, actor, { kind: "parent", membershipId: consent.membershipId })).ok) continue;
    const child = await deps.store.memberships.get(consent.membershipId);
    const pair = child?.pairId ? await deps.store.pairs.get(child.pairId) : null;
    if (!child || !pair || pair.status !== "active") continue;
    const view = await loadProgramme(deps, child.programmeId);
    const refs = await personRefs(deps, [child]);
    out.push({ membershipId: child._id, child: refs.get(child._id) ?? "—", school: view?.school.name ?? "—" });
  }
  return out;
}

/** Exactly what a parent may see: nothing about ratings, comments or flags is in here. */
export interface ParentCard {
  view: ProgrammeView;
  /** The child's membership. */
  membershipId: string;
  child: NoticeVar;
  /** The mentor's name only (no role details, no questionnaire). */
  mentorName: string | null;
  startDate: Date;
  plannedEnd: Date;
  /** Meetings held and confirmed by both sides. */
  meetings: number;
  planProgress: PlanProgress;
}

export async function parentCard(deps: Deps, actor: Actor, input: { membershipId: string }): Promise<Result<ParentCard>> {
  const granted = await authorize(deps, actor, { kind: "parent", membershipId: input.membershipId });
  if (!granted.ok) return granted;
  const { child } = granted.value;
  const pair = child.pairId ? await deps.store.pairs.get(child.pairId) : null;
  if (!pair || pair.status !== "active" || !pair.menteeIds.includes(child._id)) return refuse("stale", "parent-card-no-pair");
  const mentor = await deps.store.memberships.get(pair.mentorId);
  const stats = await pairStats(deps, pair);
  const refs = await personRefs(deps, [child]);
  return ok({
    view: { programme: granted.value.programme, school: granted.value.school },
    membershipId: child._id,
    child: refs.get(child._id) ?? "—",
    mentorName: mentor ? await nameOf(deps, mentor) : null,
    startDate: pair.startDate,
    plannedEnd: pair.plannedEnd,
    meetings: stats.meetings.confirmed,
    // The parent sees their own child's plan, not the group's.
    planProgress: await progressOf(deps, pair, [child._id]),
  });
}
