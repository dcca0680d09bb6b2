import { checkPastDay, schoolToday } from "../domain/dates.js";
import { calendarFile } from "../domain/ics.js";
import {
  MEETING_TEXT_MAX,
  awaitingAnswer,
  checkDuration,
  checkPlannedStart,
  countsAsHeld,
  meetingFormatKey,
  meetingTypeKey,
  nextMeetingType,
  schoolInstant,
  statusFromAnswers,
  type MeetingAnswer,
  type MeetingFormat,
  type MeetingStatus,
  type MeetingType,
} from "../domain/meetings.js";
import { pageOf, type Page } from "../domain/paging.js";
import type { Role } from "../domain/programme.js";
import { checkText } from "../domain/text.js";
import { claimKeys } from "../store/claimKeys.js";
import type { Meeting } from "../store/meetings.js";
import type { Membership } from "../store/memberships.js";
import type { Pair } from "../store/pairs.js";
import { authorize, type ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { afterMeetingConfirmed } from "./feedback.js";
import { msg, type NoticeButton, type NoticeVar } from "./notices.js";
import { personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";

// Meetings of a pair (stage 6): either side logs one held, or plans one ahead (with a calendar
// file for everyone); the other sides confirm it in one tap or say it did not happen. The
// curator sees what is disputed or still unconfirmed.

/** A pair's meetings per page of its list; the curator's list to check per page. */
export const MEETINGS_PAGE = 8;

/** An open item of the pair's individual plan, offered as a meeting's topic. */
export interface PlanItemOption {
  id: string;
  title: string;
}

/** The open items of a mentee's individual plan (not yet done), offered as topics. */
export async function openPlanItems(deps: Pick<ServiceDeps, "store">, pairId: string, menteeId: string): Promise<PlanItemOption[]> {
  const plan = await deps.store.plans.of(pairId, menteeId);
  return (plan?.items ?? []).filter((item) => item.done === null).map((item) => ({ id: item.id, title: item.title }));
}

/** What the log and plan conversations start from. */
export interface MeetingDraft {
  pairId: string;
  membershipId: string;
  role: Role;
  suggested: MeetingType;
  /** The school's today (its UTC midnight). */
  today: Date;
  pairStart: Date;
  plannedEnd: Date;
  timeZone: string;
  planItems: PlanItemOption[];
}

type PartyGrant = ProgrammeView & { pair: Pair; me: Membership };

/** A pair-party of an active pair, or the refusal. */
async function asParty(deps: ServiceDeps, actor: Actor, pairId: string): Promise<Result<PartyGrant>> {
  const granted = await authorize(deps, actor, { kind: "pair-party", pairId });
  if (!granted.ok) return granted;
  if (granted.value.pair.status !== "active") return refuse("stale", "pair-menu-not-active");
  return granted;
}

const partiesOf = (pair: Pair): string[] => [pair.mentorId, ...pair.menteeIds];

/** The plan items of the pair that the actor may pick: a mentee's own, or every mentee's for the mentor. */
async function planItemsFor(deps: ServiceDeps, pair: Pair, me: Membership): Promise<PlanItemOption[]> {
  const mentees = me.role === "mentee" ? [me._id] : pair.menteeIds;
  const lists = await Promise.all(mentees.map((id) => openPlanItems(deps, pair._id, id)));
  return lists.flat();
}

export async function meetingDraft(deps: ServiceDeps, actor: Actor, input: { pairId: string }): Promise<Result<MeetingDraft>> {
  const granted = await asParty(deps, actor, input.pairId);
  if (!granted.ok) return granted;
  const { pair, me, school } = granted.value;
  const today = schoolToday(deps.clock(), school.timeZone);
  const held = (await deps.store.meetings.ofPair(pair._id)).filter((m) => countsAsHeld(m.status)).map((m) => m.type);
  return ok({
    pairId: pair._id,
    membershipId: me._id,
    role: me.role,
    suggested: nextMeetingType(held, today, pair.plannedEnd),
    today,
    pairStart: pair.startDate,
    plannedEnd: pair.plannedEnd,
    timeZone: school.timeZone,
    planItems: await planItemsFor(deps, pair, me),
  });
}

// Refusal keys of the input checks, one per problem.
export const meetingDayProblemKey = (problem: "not-a-date" | "in-the-future" | "before-start") => `meeting-day-${problem}`;
export const meetingDurationProblemKey = (problem: "not-a-number" | "too-short" | "too-long") => `meeting-duration-${problem}`;
export const plannedProblemKey = (problem: "in-the-past" | "before-start" | "after-end") => `meeting-planned-${problem}`;

/** A typed text checked: required ones may not be empty; none may be over its limit. */
function readText(value: string | null | undefined, max: number, required: "meeting-topic-empty" | "meeting-place-empty" | null): Result<string | null> {
  if (value === null || value === undefined || value.trim() === "") return required ? refuse("rule", required) : ok(null);
  const checked = checkText(value, max);
  if (!checked.ok) return refuse("rule", checked.problem === "too-long" ? "meeting-text-too-long" : (required ?? "meeting-topic-empty"), { max });
  return ok(checked.value);
}

interface CommonInput {
  /** Chosen by the conversation once, so the same save pressed again makes no second meeting. */
  meetingId?: string;
  pairId: string;
  type: MeetingType;
  format: MeetingFormat;
  durationMin: number;
  topic: string;
  planItemId?: string | null;
}

/** Checks what a logged and a planned meeting share; the cleaned texts. */
async function checkCommon(deps: ServiceDeps, grant: PartyGrant, input: CommonInput): Promise<Result<{ topic: string; planItemId: string | null }>> {
  const duration = checkDuration(input.durationMin);
  if (duration) return refuse("rule", meetingDurationProblemKey(duration));
  const topic = readText(input.topic, MEETING_TEXT_MAX.topic, "meeting-topic-empty");
  if (!topic.ok) return topic;
  const planItemId = input.planItemId ?? null;
  if (planItemId !== null && !(await planItemsFor(deps, grant.pair, grant.me)).some((i) => i.id === planItemId)) return refuse("stale", "meeting-plan-item-gone");
  return ok({ topic: topic.value!, planItemId });
}

/** The buttons of a confirmation asked of another side. */
const answerButtons = (meetingId: string): NoticeButton[][] => [
  [
    { label: msg("meeting-confirm-yes"), action: { type: "meetingAnswer", meetingId, answer: "y" } },
    { label: msg("meeting-confirm-no"), action: { type: "meetingAnswer", meetingId, answer: "n" } },
  ],
];

/** A meeting as message data: «Рабочая встреча, 12.11.2026, 45 мин: тема». */
function meetingRef(meeting: Meeting): NoticeVar {
  return msg("meeting-summary", {
    type: msg(meetingTypeKey(meeting.type)),
    date: { date: meeting.day, timeZone: "UTC" },
    format: msg(meetingFormatKey(meeting.format)),
    duration: meeting.durationMin ?? 0,
    topic: meeting.topic,
  });
}

/** Asks every side but the one who logged it to confirm: in a group, each mentee. */
async function askToConfirm(deps: ServiceDeps, meeting: Meeting, pair: Pair): Promise<void> {
  const people = await deps.store.memberships.getMany(partiesOf(pair));
  const refs = await personRefs(deps, [...people.values()]);
  const who = refs.get(meeting.loggedBy) ?? "—";
  for (const id of awaitingAnswer(meeting.loggedBy, partiesOf(pair), meeting.answers)) {
    const person = people.get(id);
    if (!person) continue;
    await deps.notices.send({ to: person.userId, key: "meeting-confirm-ask", vars: { who, meeting: meetingRef(meeting) }, actions: answerButtons(meeting._id) });
  }
}

export interface LogInput extends CommonInput {
  /** The day it was held (its UTC midnight, a school day). */
  day: Date;
  result?: string | null;
  nextSteps?: string | null;
}

/** Logs a meeting that was held: the other sides are asked to confirm it. */
export async function logMeeting(deps: ServiceDeps, actor: Actor, input: LogInput): Promise<Result<Meeting>> {
  const granted = await asParty(deps, actor, input.pairId);
  if (!granted.ok) return granted;
  const { pair, me, school } = granted.value;
  const dayProblem = checkPastDay(input.day, schoolToday(deps.clock(), school.timeZone), pair.startDate);
  if (dayProblem) return refuse("rule", meetingDayProblemKey(dayProblem));
  const common = await checkCommon(deps, granted.value, input);
  if (!common.ok) return common;
  const result = readText(input.result, MEETING_TEXT_MAX.result, null);
  if (!result.ok) return result;
  const nextSteps = readText(input.nextSteps, MEETING_TEXT_MAX.nextSteps, null);
  if (!nextSteps.ok) return nextSteps;
  const meeting = await deps.store.meetings.insertOnce({
    _id: input.meetingId ?? deps.store.meetings.newId(),
    pairId: pair._id,
    programmeId: pair.programmeId,
    type: input.type,
    format: input.format,
    day: input.day,
    durationMin: input.durationMin,
    topic: common.value.topic,
    planItemId: common.value.planItemId,
    result: result.value,
    nextSteps: nextSteps.value,
    status: "logged",
    loggedBy: me._id,
    createdAt: deps.clock(),
  });
  if (!meeting) return refuse("stale", "meeting-already-saved");
  deps.logger.info({ meetingId: meeting._id, pairId: pair._id }, "meeting logged");
  await askToConfirm(deps, meeting, pair);
  return ok(meeting);
}

export interface PlanInput extends CommonInput {
  /** The school day (its UTC midnight) and the time of day in minutes after midnight, school time. */
  day: Date;
  minutes: number;
  place: string;
}

/** The calendar file of a planned meeting. */
export function meetingCalendar(meeting: Meeting, summary: string, now: Date): Uint8Array {
  const start = meeting.startsAt ?? meeting.day;
  const text = calendarFile({
    uid: `${meeting._id}@mentorship-bot`,
    stamp: now,
    start,
    end: new Date(start.getTime() + (meeting.durationMin ?? 60) * 60_000),
    summary,
    location: meeting.place,
  });
  return new TextEncoder().encode(text);
}

/** Plans a meeting ahead: every side (the planner too) gets a calendar file. */
export async function planMeeting(deps: ServiceDeps, actor: Actor, input: PlanInput): Promise<Result<Meeting>> {
  const granted = await asParty(deps, actor, input.pairId);
  if (!granted.ok) return granted;
  const { pair, me, school } = granted.value;
  if (!Number.isInteger(input.minutes) || input.minutes < 0 || input.minutes >= 24 * 60) return refuse("rule", "meeting-time-bad");
  const startsAt = schoolInstant(input.day, input.minutes, school.timeZone);
  const problem = checkPlannedStart(startsAt, deps.clock(), schoolInstant(pair.startDate, 0, school.timeZone), schoolInstant(pair.plannedEnd, 0, school.timeZone));
  if (problem) return refuse("rule", plannedProblemKey(problem));
  const common = await checkCommon(deps, granted.value, input);
  if (!common.ok) return common;
  const place = readText(input.place, MEETING_TEXT_MAX.place, "meeting-place-empty");
  if (!place.ok) return place;
  const meeting = await deps.store.meetings.insertOnce({
    _id: input.meetingId ?? deps.store.meetings.newId(),
    pairId: pair._id,
    programmeId: pair.programmeId,
    type: input.type,
    format: input.format,
    day: input.day,
    startsAt,
    place: place.value,
    durationMin: input.durationMin,
    topic: common.value.topic,
    planItemId: common.value.planItemId,
    status: "planned",
    loggedBy: me._id,
    createdAt: deps.clock(),
  });
  if (!meeting) return refuse("stale", "meeting-already-saved");
  deps.logger.info({ meetingId: meeting._id, pairId: pair._id }, "meeting planned");
  const people = await deps.store.memberships.getMany(partiesOf(pair));
  const refs = await personRefs(deps, [...people.values()]);
  const vars = plannedVars(meeting, school.timeZone, refs.get(me._id) ?? "—");
  for (const id of partiesOf(pair)) {
    const person = people.get(id);
    if (!person) continue;
    // One file for every reader, whatever their language: its title is the topic, in the pair's own words.
    const bytes = meetingCalendar(meeting, meeting.topic, deps.clock());
    await deps.notices.send({ to: person.userId, key: "meeting-planned", vars, file: { kind: "document", bytes, fileName: "meeting.ics", protect: true } });
  }
  return ok(meeting);
}

/** The variables of a planned meeting's notices (the plan, the reminder, the follow-up). */
export function plannedVars(meeting: Meeting, timeZone: string, who: NoticeVar): Record<string, NoticeVar> {
  return {
    who,
    type: msg(meetingTypeKey(meeting.type)),
    format: msg(meetingFormatKey(meeting.format)),
    when: msg("meeting-when", { date: { date: meeting.startsAt ?? meeting.day, timeZone }, time: timeOf(meeting.startsAt ?? meeting.day, timeZone) }),
    place: meeting.place ?? "—",
    topic: meeting.topic,
    duration: meeting.durationMin ?? 0,
  };
}

/** «18:30» in the school's zone. */
export const timeOf = (at: Date, timeZone: string): string => new Intl.DateTimeFormat("ru-RU", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);

/** The meeting named by a button, and the pair-party who pressed it. */
async function meetingOfParty(deps: ServiceDeps, actor: Actor, meetingId: string): Promise<Result<PartyGrant & { meeting: Meeting }>> {
  const meeting = await deps.store.meetings.get(meetingId);
  if (!meeting) return refuse("not-found");
  const granted = await authorize(deps, actor, { kind: "pair-party", pairId: meeting.pairId });
  if (!granted.ok) return granted;
  return ok({ ...granted.value, meeting });
}

/**
 * Another side's answer to a logged meeting: it happened, or it did not. Each side answers once
 * (a claim): a second press, or a hundred, is refused and tells nobody again.
 */
export async function answerMeeting(deps: ServiceDeps, actor: Actor, input: { meetingId: string; answer: MeetingAnswer }): Promise<Result<{ meeting: Meeting; answer: MeetingAnswer }>> {
  const found = await meetingOfParty(deps, actor, input.meetingId);
  if (!found.ok) return found;
  const { meeting, me, pair } = found.value;
  return answerAs(deps, meeting, me, pair, input.answer);
}

async function answerAs(deps: ServiceDeps, meeting: Meeting, me: Membership, pair: Pair, answer: MeetingAnswer): Promise<Result<{ meeting: Meeting; answer: MeetingAnswer }>> {
  if (meeting.loggedBy === me._id) return refuse("rule", "meeting-answer-own");
  if (meeting.status === "planned") return refuse("rule", "meeting-not-held-yet");
  if (meeting.status === "cancelled") return refuse("stale", "meeting-cancelled");
  if (!partiesOf(pair).includes(me._id)) return refuse("not-allowed");
  if (meeting.answers[me._id] !== undefined) return refuse("stale", "meeting-already-answered");
  if (!(await deps.store.claims.claim(claimKeys.meetingAnswer(meeting._id, me._id), `meeting-answers:${meeting._id}`, me._id, deps.clock()))) {
    return refuse("stale", "meeting-already-answered");
  }
  const { before, after } = await deps.store.claims.withLock(claimKeys.meetingLock(meeting._id), async () => {
    const current = (await deps.store.meetings.get(meeting._id))!;
    const answers = { ...current.answers, [me._id]: answer };
    const status: MeetingStatus = statusFromAnswers(current.loggedBy, partiesOf(pair), answers);
    await deps.store.meetings.setAnswers(current._id, answers, status);
    return { before: current, after: { ...current, answers, status } };
  });
  deps.logger.info({ meetingId: meeting._id, answer, status: after.status }, "meeting answered");
  const people = await deps.store.memberships.getMany([after.loggedBy, me._id]);
  const refs = await personRefs(deps, [...people.values()]);
  const logger = people.get(after.loggedBy);
  if (logger) {
    await deps.notices.send({
      to: logger.userId,
      key: answer === "confirmed" ? "meeting-answered-confirmed" : "meeting-answered-disputed",
      vars: { who: refs.get(me._id) ?? "—", meeting: meetingRef(after) },
    });
  }
  if (after.status === "confirmed" && before.status !== "confirmed") await afterMeetingConfirmed(deps, after);
  return ok({ meeting: after, answer });
}

/**
 * «Как прошла встреча?»: a planned meeting held as planned becomes a log in one tap (the other
 * sides confirm it), or it is called off. Whoever answers first decides; a later «прошла» of
 * another side is their confirmation.
 */
export async function meetingHeld(deps: ServiceDeps, actor: Actor, input: { meetingId: string; held: boolean }): Promise<Result<{ meeting: Meeting; outcome: "logged" | "cancelled" | "confirmed" }>> {
  const found = await meetingOfParty(deps, actor, input.meetingId);
  if (!found.ok) return found;
  const { meeting, me, pair } = found.value;
  if (meeting.status === "planned") {
    if (meeting.startsAt && meeting.startsAt.getTime() > deps.clock().getTime()) return refuse("rule", "meeting-not-held-yet");
    if (await deps.store.claims.claim(claimKeys.meetingHeld(meeting._id), "meeting-held", me._id, deps.clock())) {
      const updated = await deps.store.claims.withLock(claimKeys.meetingLock(meeting._id), async () => {
        if (input.held) await deps.store.meetings.markHeld(meeting._id, me._id);
        else await deps.store.meetings.cancel(meeting._id);
        return (await deps.store.meetings.get(meeting._id))!;
      });
      deps.logger.info({ meetingId: meeting._id, held: input.held }, "planned meeting answered");
      if (input.held) await askToConfirm(deps, updated, pair);
      else await tellOthersCancelled(deps, updated, pair, me);
      return ok({ meeting: updated, outcome: input.held ? "logged" : "cancelled" });
    }
  }
  // Someone answered first: a «прошла» is this side's confirmation of their log, a «не было» its dispute.
  const current = (await deps.store.meetings.get(meeting._id))!;
  if (current.status === "planned" || current.status === "cancelled" || current.loggedBy === me._id) return refuse("stale", "meeting-already-answered");
  const answered = await answerAs(deps, current, me, pair, input.held ? "confirmed" : "disputed");
  return answered.ok ? ok({ meeting: answered.value.meeting, outcome: "confirmed" as const }) : answered;
}

async function tellOthersCancelled(deps: ServiceDeps, meeting: Meeting, pair: Pair, me: Membership): Promise<void> {
  const people = await deps.store.memberships.getMany(partiesOf(pair));
  const refs = await personRefs(deps, [...people.values()]);
  for (const id of partiesOf(pair)) {
    const person = people.get(id);
    if (!person || id === me._id) continue;
    await deps.notices.send({ to: person.userId, key: "meeting-cancelled-notice", vars: { who: refs.get(me._id) ?? "—", meeting: meetingRef(meeting) } });
  }
}

export interface MeetingRow {
  meeting: Meeting;
  loggedBy: NoticeVar;
  /** Whether the reader still has to answer it (a button on the list). */
  mineToAnswer: boolean;
  /** Whether the reader may say how a planned meeting went (its time has come). */
  mineToHold: boolean;
}

export interface PairMeetings {
  pair: Pair;
  timeZone: string;
  page: Page<MeetingRow>;
  counts: Record<MeetingStatus, number>;
}

/** A pair's meetings for its sides, the latest first, paged, with their statuses. */
export async function pairMeetings(deps: ServiceDeps, actor: Actor, input: { pairId: string; page: number }): Promise<Result<PairMeetings>> {
  const granted = await authorize(deps, actor, { kind: "pair-party", pairId: input.pairId });
  if (!granted.ok) return granted;
  const { pair, me, school } = granted.value;
  const all = (await deps.store.meetings.ofPair(pair._id)).reverse();
  const counts = { planned: 0, logged: 0, confirmed: 0, disputed: 0, cancelled: 0 } as Record<MeetingStatus, number>;
  for (const m of all) counts[m.status]++;
  const page = pageOf(all, input.page, MEETINGS_PAGE);
  const people = await deps.store.memberships.getMany([...new Set(page.items.map((m) => m.loggedBy))]);
  const refs = await personRefs(deps, [...people.values()]);
  const now = deps.clock().getTime();
  const rows = page.items.map((meeting) => ({
    meeting,
    loggedBy: refs.get(meeting.loggedBy) ?? "—",
    mineToAnswer: (meeting.status === "logged" || meeting.status === "disputed") && meeting.loggedBy !== me._id && meeting.answers[me._id] === undefined,
    mineToHold: meeting.status === "planned" && (meeting.startsAt?.getTime() ?? 0) <= now,
  }));
  return ok({ pair, timeZone: school.timeZone, page: { ...page, items: rows }, counts });
}

export interface MeetingToCheck {
  meeting: Meeting;
  mentor: NoticeVar;
  mentees: NoticeVar[];
  /** The sides who have not answered yet. */
  waitingFor: NoticeVar[];
}

export interface MeetingsToCheck {
  view: ProgrammeView;
  page: Page<MeetingToCheck>;
}

/** For the curator (and the director): the programme's disputed and unconfirmed meetings, the latest first, paged. */
export async function meetingsToCheck(deps: ServiceDeps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<MeetingsToCheck>> {
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const all = await deps.store.meetings.ofProgramme(input.programmeId, ["disputed", "logged"]);
  // The disputed first: they need the curator; then those still waiting for an answer.
  const ordered = [...all.filter((m) => m.status === "disputed"), ...all.filter((m) => m.status === "logged")];
  const page = pageOf(ordered, input.page, MEETINGS_PAGE);
  const pairIds = [...new Set(page.items.map((m) => m.pairId))];
  const pairs = new Map((await Promise.all(pairIds.map((id) => deps.store.pairs.get(id)))).filter((p): p is Pair => p !== null).map((p) => [p._id, p]));
  const ids = [...pairs.values()].flatMap(partiesOf);
  const people = await deps.store.memberships.getMany(ids);
  const refs = await personRefs(deps, [...people.values()]);
  const items = page.items.map((meeting) => {
    const pair = pairs.get(meeting.pairId);
    const parties = pair ? partiesOf(pair) : [];
    return {
      meeting,
      mentor: (pair && refs.get(pair.mentorId)) ?? "—",
      mentees: (pair?.menteeIds ?? []).map((id) => refs.get(id) ?? "—"),
      waitingFor: awaitingAnswer(meeting.loggedBy, parties, meeting.answers).map((id) => refs.get(id) ?? "—"),
    };
  });
  return ok({ view: { programme: granted.value.programme, school: granted.value.school }, page: { ...page, items } });
}
