import { FEEDBACK_COMMENT_MAX, FLAG_NOTE_MAX, RATINGS, isLowRating, isRating, type FlagSource, type Rating } from "../domain/feedback.js";
import { pageOf, type Page } from "../domain/paging.js";
import { checkText } from "../domain/text.js";
import { claimKeys } from "../store/claimKeys.js";
import { LOCK_STALE_MS } from "../store/claims.js";
import type { Feedback } from "../store/feedback.js";
import type { Flag } from "../store/flags.js";
import type { Meeting } from "../store/meetings.js";
import type { Membership } from "../store/memberships.js";
import type { Pair } from "../store/pairs.js";
import { authorize, type ProgrammeView } from "./access.js";
import { action } from "./actions/index.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { msg, tellCurators, type NoticeButton, type NoticeVar } from "./notices.js";
import { personRef, personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";

// Feedback after each meeting (1–5) and the safety flag. Once a meeting is confirmed each of its
// pair's participants is asked to rate it; a low rating, or «🆘 Нужна помощь» in the pair menu,
// raises a flag that alerts every curator of the programme at once. Free text (a comment, the
// raiser's words) is for the curators only: never the other side, never the director.

type Deps = ServiceDeps;

/** The emoji scale under a prompt, one row of five. */
export const ratingButtons = (meetingId: string): NoticeButton[][] => [RATINGS.map((rating) => ({ label: msg(`feedback-rate-${rating}`), action: action("feedbackRate", { meetingId, rating }) }))];

const openPairButton = (pairId: string): NoticeButton => ({ label: msg("flag-open-pair"), action: action("pairCard", { pairId }) });
const openFlagButton = (flagId: string): NoticeButton => ({ label: msg("flag-open-flag"), action: action("flagOpen", { flagId }) });

/** «Наставник Иванова Анна — наставляемые: …» as message data: which pair. */
export async function pairRef(deps: Pick<ServiceDeps, "store">, pair: Pair): Promise<NoticeVar> {
  const people = await deps.store.memberships.getMany([pair.mentorId, ...pair.menteeIds]);
  const refs = await personRefs(deps, [...people.values()]);
  return msg("flag-pair", { mentor: refs.get(pair.mentorId) ?? "—", mentees: { list: pair.menteeIds.map((id) => refs.get(id) ?? "—") } });
}

/** Called by the meetings service once a meeting is confirmed: each participant is asked to rate it. */
export async function afterMeetingConfirmed(deps: Deps, meeting: Meeting): Promise<void> {
  const pair = await deps.store.pairs.get(meeting.pairId);
  if (!pair) return;
  const people = await deps.store.memberships.getMany([pair.mentorId, ...pair.menteeIds]);
  for (const person of people.values()) {
    // Asked once per person and meeting, whoever calls this twice.
    if (await deps.store.feedback.of(meeting._id, person._id)) continue;
    await deps.notices.send({
      to: person.userId,
      key: "feedback-ask",
      vars: { date: { date: meeting.day, timeZone: "UTC" }, topic: meeting.topic },
      actions: ratingButtons(meeting._id),
    });
  }
  deps.logger.info({ meetingId: meeting._id, asked: people.size }, "feedback asked");
}

/** A meeting of a pair the actor is in, with the actor's membership there. */
async function meetingOfParty(deps: Deps, actor: Actor, meetingId: string): Promise<Result<{ meeting: Meeting; pair: Pair; me: Membership }>> {
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) return refuse("not-allowed");
  const granted = await authorize(deps, actor, { kind: "pair-party", pairId: meeting.pairId });
  if (!granted.ok) return granted;
  return ok({ meeting, pair: granted.value.pair, me: granted.value.me });
}

export interface Rated {
  rating: Rating;
  /** A low rating raised (or joined) a safety flag: the curators know. */
  flagged: boolean;
}

/** A participant rates a confirmed meeting, once: a second press, or a hundredth, changes nothing. */
export async function rateMeeting(deps: Deps, actor: Actor, input: { meetingId: string; rating: number }): Promise<Result<Rated>> {
  const found = await meetingOfParty(deps, actor, input.meetingId);
  if (!found.ok) return found;
  const { meeting, pair, me } = found.value;
  if (!isRating(input.rating)) return refuse("rule", "feedback-bad-rating");
  if (meeting.status !== "confirmed") return refuse("stale", "feedback-not-confirmed");
  const now = deps.clock();
  if (!(await deps.store.claims.claim(claimKeys.feedback(meeting._id, me._id), "feedback", me._id, now))) return refuse("rule", "feedback-already-rated");
  const feedback = await deps.store.feedback.insert({ meetingId: meeting._id, pairId: pair._id, programmeId: pair.programmeId, membershipId: me._id, rating: input.rating, at: now });
  deps.logger.info({ meetingId: meeting._id, membershipId: me._id }, "meeting rated");
  if (!isLowRating(input.rating)) return ok({ rating: input.rating, flagged: false });
  const raised = await raiseFlag(deps, pair, me, { source: "rating", meetingId: meeting._id, rating: input.rating });
  await deps.store.feedback.setFlag(feedback._id, raised.flagId);
  return ok({ rating: input.rating, flagged: true });
}

/** The actor's own rating of a meeting, to comment on (the comment conversation asks this first). */
export async function ownFeedback(deps: Deps, actor: Actor, input: { meetingId: string }): Promise<Result<Feedback>> {
  const found = await meetingOfParty(deps, actor, input.meetingId);
  if (!found.ok) return found;
  const feedback = await deps.store.feedback.of(input.meetingId, found.value.me._id);
  return feedback ? ok(feedback) : refuse("stale", "feedback-rate-first");
}

/** The actor's comment on their rating: kept for the curators (and passed to them with a flag). */
export async function commentOnMeeting(deps: Deps, actor: Actor, input: { meetingId: string; text: string }): Promise<Result<{ flagged: boolean }>> {
  const own = await ownFeedback(deps, actor, input);
  if (!own.ok) return own;
  const text = checkText(input.text, FEEDBACK_COMMENT_MAX);
  if (!text.ok) return text.problem === "too-long" ? refuse("rule", "input-too-long", { max: FEEDBACK_COMMENT_MAX }) : refuse("rule", "input-empty");
  await deps.store.feedback.setComment(own.value._id, text.value);
  const flag = own.value.flagId ? await deps.store.flags.get(own.value.flagId) : null;
  if (flag && flag.handledAt === null) await addWordsToFlag(deps, flag, text.value);
  return ok({ flagged: flag !== null && flag.handledAt === null });
}

// ---------------------------------------------------------------------------------------------
// The safety flag.

export interface Raised {
  flagId: string;
  /** False when the person already had a flag open in this pair: no second flag, no second alert. */
  fresh: boolean;
}

/**
 * Raises the person's flag in the pair and alerts every curator at once; while one of theirs is
 * open (the claim flagOpen, held by the flag's id), another press or low rating joins it and
 * alerts nobody again.
 */
async function raiseFlag(deps: Deps, pair: Pair, me: Membership, how: { source: FlagSource; meetingId?: string; rating?: Rating }): Promise<Raised> {
  const now = deps.clock();
  const key = claimKeys.flagOpen(pair._id, me._id);
  const flagId = deps.store.flags.newId();
  if (!(await deps.store.claims.claim(key, key, flagId, now))) {
    const claim = (await deps.store.claims.inScope(key))[0];
    const holder = claim && typeof claim.holder === "string" ? claim.holder : null;
    // The holder's flag is written right after its claim. A claim whose flag never came (its
    // writer died in between) is taken over once it is old; otherwise the press joins the holder.
    const abandoned = claim && holder && !(await deps.store.flags.get(holder)) && now.getTime() - claim.at.getTime() > LOCK_STALE_MS;
    if (!abandoned && holder) return { flagId: holder, fresh: false };
    await deps.store.claims.release(key);
    if (!(await deps.store.claims.claim(key, key, flagId, now))) return { flagId: String(await deps.store.claims.holderOf(key)), fresh: false };
  }
  await deps.store.flags.insert({ _id: flagId, pairId: pair._id, programmeId: pair.programmeId, raisedBy: me._id, source: how.source, meetingId: how.meetingId ?? null, raisedAt: now });
  deps.logger.warn({ flagId, pairId: pair._id, source: how.source }, "safety flag raised");
  await tellCurators(deps, pair.programmeId, {
    key: how.source === "rating" ? "flag-alert-rating" : "flag-alert-button",
    vars: { who: await personRef(deps, me), pair: await pairRef(deps, pair), rating: how.rating ?? 0 },
    actions: [[openFlagButton(flagId)], [openPairButton(pair._id)]],
    // The safety alarm jumps the outbox's queue and reaches the adults at any hour.
    urgent: true,
  });
  return { flagId, fresh: true };
}

/** «🆘 Нужна помощь»: the curators are alerted at once; pressed again while it is open, nothing more. */
export async function askForHelp(deps: Deps, actor: Actor, input: { pairId: string }): Promise<Result<Raised>> {
  const granted = await authorize(deps, actor, { kind: "pair-party", pairId: input.pairId });
  if (!granted.ok) return granted;
  const { pair, me } = granted.value;
  if (pair.status !== "active") return refuse("stale", "pair-menu-not-active");
  return ok(await raiseFlag(deps, pair, me, { source: "button" }));
}

/** The raiser's own open flag, to add their words to. */
export async function ownOpenFlag(deps: Deps, actor: Actor, input: { flagId: string }): Promise<Result<Flag>> {
  const flag = await deps.store.flags.get(input.flagId);
  if (!flag) return refuse("not-allowed");
  const granted = await authorize(deps, actor, { kind: "own", membershipId: flag.raisedBy });
  if (!granted.ok) return granted;
  return flag.handledAt === null ? ok(flag) : refuse("stale", "flag-already-handled");
}

/** The raiser says what happened: the curators get the words (only they). */
export async function commentOnFlag(deps: Deps, actor: Actor, input: { flagId: string; text: string }): Promise<Result<Flag>> {
  const flag = await ownOpenFlag(deps, actor, input);
  if (!flag.ok) return flag;
  const text = checkText(input.text, FEEDBACK_COMMENT_MAX);
  if (!text.ok) return text.problem === "too-long" ? refuse("rule", "input-too-long", { max: FEEDBACK_COMMENT_MAX }) : refuse("rule", "input-empty");
  await addWordsToFlag(deps, flag.value, text.value);
  return ok({ ...flag.value, comment: text.value });
}

async function addWordsToFlag(deps: Deps, flag: Flag, text: string): Promise<void> {
  const comment = flag.comment ? `${flag.comment}\n${text}` : text;
  await deps.store.flags.setComment(flag._id, [...comment].slice(-FEEDBACK_COMMENT_MAX * 2).join(""));
  const raiser = await deps.store.memberships.get(flag.raisedBy);
  await tellCurators(deps, flag.programmeId, {
    key: "flag-words",
    vars: { who: raiser ? await personRef(deps, raiser) : "—", text },
    actions: [[openFlagButton(flag._id)]],
  });
}

// ---------------------------------------------------------------------------------------------
// The curators' side: a flag, the list, marking handled.

export interface FlagLine {
  flag: Flag;
  who: NoticeVar;
  pair: NoticeVar;
  /** The rating that raised it, if a rating did. */
  rating: number | null;
}

async function flagLines(deps: Deps, flags: Flag[], withWords: boolean): Promise<FlagLine[]> {
  const people = await deps.store.memberships.getMany([...new Set(flags.map((f) => f.raisedBy))]);
  const refs = await personRefs(deps, [...people.values()]);
  const lines: FlagLine[] = [];
  for (const flag of flags) {
    const pair = await deps.store.pairs.get(flag.pairId);
    const rating = flag.meetingId ? ((await deps.store.feedback.of(flag.meetingId, flag.raisedBy))?.rating ?? null) : null;
    lines.push({
      flag: withWords ? flag : { ...flag, comment: null, note: null },
      who: refs.get(flag.raisedBy) ?? "—",
      pair: pair ? await pairRef(deps, pair) : "—",
      rating,
    });
  }
  return lines;
}

/** A pair's open flags for its curator's card (with the raisers' words). */
export const openFlagLines = async (deps: Deps, pairId: string): Promise<FlagLine[]> =>
  flagLines(deps, (await deps.store.flags.ofPair(pairId)).filter((f) => f.handledAt === null), true);

export const FLAGS_PAGE = 10;

export interface FlagsList {
  view: ProgrammeView;
  flags: Page<FlagLine>;
  open: number;
  /** A curator reads the words and opens flags; a director sees the list without any words. */
  curator: boolean;
}

/** The programme's «🆘 Сигналы»: open flags first, then the handled ones, newest first. */
export async function flagsList(deps: Deps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<FlagsList>> {
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (!granted.ok) return refuse("not-allowed", "curator-only");
  const curator = granted.value.staff.role === "curator";
  const all = await deps.store.flags.ofProgramme(input.programmeId);
  const page = pageOf(all, input.page, FLAGS_PAGE);
  return ok({ view: granted.value, flags: { ...page, items: await flagLines(deps, page.items, curator) }, open: all.filter((f) => f.handledAt === null).length, curator });
}

export interface FlagCard extends FlagLine {
  view: ProgrammeView;
  handledBy: NoticeVar | null;
}

/** One flag for a curator of its programme. */
export async function flagCard(deps: Deps, actor: Actor, input: { flagId: string }): Promise<Result<FlagCard>> {
  const flag = await deps.store.flags.get(input.flagId);
  if (!flag) return refuse("not-allowed", "curator-only");
  const granted = await authorize(deps, actor, { kind: "curator", programmeId: flag.programmeId });
  if (!granted.ok) return refuse("not-allowed", "curator-only");
  const [line] = await flagLines(deps, [flag], true);
  const handler = flag.handledBy ? await deps.store.memberships.get(flag.handledBy) : null;
  return ok({ ...line!, view: granted.value, handledBy: handler ? await personRef(deps, handler) : null });
}

/**
 * The curator marks a flag handled with a note. Once only (the claim flagHandled): two curators
 * at once write one note and the raiser is told once. The raiser is told that it was seen, not
 * the note: the note is the curators' working record (it may name other people, or what the
 * curator plans to do next), and the curator who handled it speaks to the person directly.
 */
export async function handleFlag(deps: Deps, actor: Actor, input: { flagId: string; note: string }): Promise<Result<Flag>> {
  const card = await flagCard(deps, actor, input);
  if (!card.ok) return card;
  const flag = card.value.flag;
  if (flag.handledAt !== null) return refuse("stale", "flag-already-handled");
  const note = checkText(input.note, FLAG_NOTE_MAX);
  if (!note.ok) return note.problem === "too-long" ? refuse("rule", "input-too-long", { max: FLAG_NOTE_MAX }) : refuse("rule", "input-empty");
  const now = deps.clock();
  const curator = (await deps.store.memberships.find(actor.userId, flag.programmeId, "curator"))!;
  if (!(await deps.store.claims.claim(claimKeys.flagHandled(flag._id), "flags-handled", curator._id, now))) return refuse("stale", "flag-already-handled");
  await deps.store.flags.markHandled(flag._id, curator._id, note.value, now);
  // The person may raise a new flag from now on.
  const openKey = claimKeys.flagOpen(flag.pairId, flag.raisedBy);
  if ((await deps.store.claims.holderOf(openKey)) === flag._id) await deps.store.claims.release(openKey);
  deps.logger.info({ flagId: flag._id }, "safety flag handled");
  const raiser = await deps.store.memberships.get(flag.raisedBy);
  if (raiser) await deps.notices.send({ to: raiser.userId, key: "flag-seen", vars: { date: { date: flag.raisedAt, timeZone: card.value.view.school.timeZone } } });
  return ok({ ...flag, handledAt: now, handledBy: curator._id, note: note.value });
}
