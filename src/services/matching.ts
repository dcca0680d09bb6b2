import { evaluatePair, formFor, proposePairs, type MatchMentee, type MatchMentor, type MatchingInput, type RankedChoice } from "../domain/matching/index.js";
import { MAX_MENTEES_PER_MENTOR, defaultTerm } from "../domain/pairs.js";
import { pageOf, type Page } from "../domain/paging.js";
import type { Form } from "../domain/programme.js";
import { claimKeys } from "../store/claimKeys.js";
import type { Membership } from "../store/memberships.js";
import type { Pair } from "../store/pairs.js";
import type { Profile } from "../store/profiles.js";
import type { Programme } from "../store/programmes.js";
import type { ProposalBatch, ProposalItem } from "../store/proposalBatches.js";
import type { ProgrammeView } from "./access.js";
import * as audit from "./audit.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { msg, type NoticeVar } from "./notices.js";
import { asCurator, freePlaces, propose, reasonsRef, today, type PairWhy } from "./pairs.js";
import { personRef, personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";

// The matching engine's side of stage 5: the pool (ready mentees not in a pair, ready trained
// mentors with free places, everyone's latest choices), a run of the engine kept as a batch the
// curator walks through (accept, another mentor, skip), and the mentees left without a pair.

type Deps = ServiceDeps;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const format = (v: unknown): "offline" | "online" | "any" => (v === "offline" || v === "online" ? v : "any");
const number = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

export interface Pool {
  input: MatchingInput;
  /** Free places of each mentor in the pool. */
  free: Map<string, number>;
  mentees: Map<string, Membership>;
  mentors: Map<string, Membership>;
}

/** What the engine needs, read from the store. */
export async function matchingPool(deps: Pick<Deps, "store">, programme: Programme): Promise<Pool> {
  const { store } = deps;
  const mentees = (await store.memberships.participants(programme._id, "mentee", { intake: "ready" })).filter((m) => m.pairId === null);
  const free = new Map<string, number>();
  const ready = await store.memberships.participants(programme._id, "mentor", { intake: "ready" });
  for (const m of ready) if (m.mentorTrainedOn !== null) free.set(m._id, await freePlaces(deps, m));
  const mentors = ready.filter((m) => (free.get(m._id) ?? 0) > 0);
  const profiles: Map<string, Profile> = await store.profiles.getMany([...mentees, ...mentors].map((m) => m._id));
  const answers = (m: Membership) => profiles.get(m._id)?.answers ?? {};

  const menteeInput: MatchMentee[] = mentees.flatMap((m) =>
    m.category === "student" || m.category === "teacher"
      ? [{ id: m._id, category: m.category, grade: m.grade ?? undefined, experienceYears: number(answers(m)["experience"]), requests: strings(answers(m)["requests"]), format: format(answers(m)["format"]), availability: strings(answers(m)["availability"]) }]
      : [],
  );
  const mentorInput: MatchMentor[] = mentors.flatMap((m) =>
    m.category
      ? [{ id: m._id, category: m.category, grade: m.grade ?? undefined, experienceYears: number(answers(m)["experience"]), competencies: strings(answers(m)["competencies"]), freeCapacity: free.get(m._id) ?? 0, format: format(answers(m)["format"]), availability: strings(answers(m)["availability"]) }]
      : [],
  );
  const roles = new Map([...mentees, ...mentors].map((m) => [m._id, m.role]));
  const preferences: RankedChoice[] = (await store.preferences.latest(programme._id)).flatMap((p) => {
    const role = roles.get(p.membershipId);
    return role ? [{ side: role === "mentor" ? ("mentor" as const) : ("mentee" as const), chooserId: p.membershipId, ranked: p.ranked }] : [];
  });
  return {
    input: { mentees: menteeInput, mentors: mentorInput, forms: programme.forms, preferences },
    mentees: new Map(mentees.map((m) => [m._id, m])),
    mentors: new Map(mentors.map((m) => [m._id, m])),
    free,
  };
}

/** Runs the engine over the pool and keeps its proposals as a batch; returns the batch's id. */
export async function runProposals(deps: Deps, actor: Actor, programmeId: string): Promise<Result<string>> {
  const grant = await asCurator(deps, actor, programmeId);
  if (!grant.ok) return grant;
  const pool = await matchingPool(deps, grant.value.programme);
  const result = proposePairs(pool.input);
  const batch = await deps.store.proposalBatches.save({
    programmeId,
    createdAt: deps.clock(),
    items: result.proposals.map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId, form: p.form, fit: p.fit, reasons: p.reasons })),
    unmatched: result.unmatched.map((u) => ({ menteeId: u.menteeId, category: u.category, reason: u.reason, best: u.bestCandidate ?? null })),
  });
  deps.logger.info({ programmeId, batchId: batch._id, proposals: batch.items.length, unmatched: batch.unmatched.length }, "matching run");
  return ok(batch._id);
}

async function curatedBatch(deps: Deps, actor: Actor, batchId: string): Promise<Result<{ view: ProgrammeView; batch: ProposalBatch }>> {
  const batch = await deps.store.proposalBatches.get(batchId);
  if (!batch) return refuse("not-allowed", "curator-only");
  const grant = await asCurator(deps, actor, batch.programmeId);
  return grant.ok ? ok({ view: grant.value, batch }) : grant;
}

/** Why a mentee is left without a mentor, as message data. */
function unmatchedRef(u: ProposalBatch["unmatched"][number], mentorName: NoticeVar | undefined): NoticeVar {
  switch (u.reason) {
    case "no-form":
      return msg("match-unmatched-no-form", { category: msg(`match-category-${u.category}`) });
    case "no-mentor-with-capacity":
      return msg("match-unmatched-no-mentor-with-capacity");
    case "no-shared-topic":
      return msg("match-unmatched-no-shared-topic");
    case "outbid":
      if (!u.best) return msg("match-unmatched-outbid");
      return { list: [msg("match-unmatched-outbid"), msg("match-best-candidate", { mentor: mentorName ?? "—", form: msg(`form-${u.best.form}`), fit: u.best.fit })], separator: "; " };
  }
}

export type ProposalScreen =
  | { kind: "proposal"; view: ProgrammeView; batchId: string; index: number; total: number; mentor: NoticeVar; mentee: NoticeVar; form: Form; fit: number; why: NoticeVar }
  | { kind: "done"; view: ProgrammeView; batchId: string; total: number; unmatched: Page<{ mentee: NoticeVar; why: NoticeVar }> };

/** The mentees left without a pair, a page at a time (each line carries a reason, so pages are short). */
export const UNMATCHED_PAGE = 10;

async function doneScreen(deps: Deps, view: ProgrammeView, batch: ProposalBatch, page: number): Promise<ProposalScreen> {
  const shown = pageOf(batch.unmatched, page, UNMATCHED_PAGE);
  const people = await deps.store.memberships.getMany([...shown.items.map((u) => u.menteeId), ...shown.items.flatMap((u) => (u.best ? [u.best.mentorId] : []))]);
  const names = await personRefs(deps, [...people.values()]);
  const items = shown.items.map((u) => ({ mentee: names.get(u.menteeId) ?? "—", why: unmatchedRef(u, u.best ? names.get(u.best.mentorId) : undefined) }));
  return { kind: "done", view, batchId: batch._id, total: batch.items.length, unmatched: { ...shown, items } };
}

/** A page of the list of mentees a batch left without a pair. */
export async function unmatchedAt(deps: Deps, actor: Actor, input: { batchId: string; page: number }): Promise<Result<ProposalScreen>> {
  const found = await curatedBatch(deps, actor, input.batchId);
  if (!found.ok) return found;
  return ok(await doneScreen(deps, found.value.view, found.value.batch, input.page));
}

/** One proposal of a batch, or, past the last, what is left without a pair. */
export async function proposalAt(deps: Deps, actor: Actor, input: { batchId: string; index: number }): Promise<Result<ProposalScreen>> {
  const found = await curatedBatch(deps, actor, input.batchId);
  if (!found.ok) return found;
  const { view, batch } = found.value;
  const item = batch.items[input.index];
  if (!item) return ok(await doneScreen(deps, view, batch, 0));
  const people = await deps.store.memberships.getMany([item.mentorId, item.menteeId]);
  const names = await personRefs(deps, [...people.values()]);
  return ok({
    kind: "proposal",
    view,
    batchId: batch._id,
    index: input.index,
    total: batch.items.length,
    mentor: names.get(item.mentorId) ?? "—",
    mentee: names.get(item.menteeId) ?? "—",
    form: item.form,
    fit: item.fit,
    why: reasonsRef(item.reasons, view.programme.topicLabels),
  });
}

/**
 * The curator accepts a proposal, with its mentor or another one: the pair is proposed to the
 * people at once, starting today and ending on the default date.
 */
export async function acceptProposal(deps: Deps, actor: Actor, input: { batchId: string; index: number; mentorId?: string }): Promise<Result<Pair>> {
  const found = await curatedBatch(deps, actor, input.batchId);
  if (!found.ok) return found;
  const { view, batch } = found.value;
  const item: ProposalItem | undefined = batch.items[input.index];
  if (!item) return refuse("stale");
  const pool = await matchingPool(deps, view.programme);
  const mentorId = input.mentorId ?? item.mentorId;
  const mentee = pool.input.mentees.find((x) => x.id === item.menteeId);
  const mentor = pool.input.mentors.find((x) => x.id === mentorId);
  const form = mentee && mentor ? formFor(mentee, mentor, view.programme.forms) : null;
  if (!form) return refuse("stale", "proposal-no-longer");
  // Another mentor: the reasons of that pair, when the topics or choices give any.
  const evaluation = input.mentorId ? evaluatePair(pool.input, item.menteeId, mentorId) : null;
  const why: PairWhy = !input.mentorId ? { kind: "engine", reasons: item.reasons } : evaluation && evaluation.reasons.length > 0 ? { kind: "engine", reasons: evaluation.reasons } : { kind: "curator" };
  const start = today(deps, view.school.timeZone);
  const made = await propose(deps, view, actor, { programmeId: view.programme._id, mentorId, menteeIds: [item.menteeId], form, roleModel: null, startDate: start, plannedEnd: defaultTerm(start), why });
  if (made.ok) await audit.record(deps, { programmeId: view.programme._id, actor, action: "proposal-accepted", pairId: made.value._id });
  return made;
}

/** Any mentor the form rules allow for a proposal's mentee, best fit first (the curator may know better). */
/** Other mentors for a proposal shown at once, best first; the rest are on the next pages. */
export const OTHERS_PAGE = 6;

export interface OtherMentors {
  batchId: string;
  index: number;
  /** Every other mentor the forms allow, with free places, best fit first, a page at a time. */
  options: Page<{ membershipId: string; name: NoticeVar; fit: number }>;
}

export async function otherMentors(deps: Deps, actor: Actor, input: { batchId: string; index: number; page?: number }): Promise<Result<OtherMentors>> {
  const found = await curatedBatch(deps, actor, input.batchId);
  if (!found.ok) return found;
  const { view, batch } = found.value;
  const item = batch.items[input.index];
  if (!item) return refuse("stale");
  const pool = await matchingPool(deps, view.programme);
  const mentee = pool.input.mentees.find((m) => m.id === item.menteeId);
  const options = pool.input.mentors
    .filter((m) => m.id !== item.mentorId && mentee !== undefined && formFor(mentee, m, view.programme.forms) !== null)
    .map((m) => ({ id: m.id, fit: evaluatePair(pool.input, item.menteeId, m.id)?.fit ?? 0 }))
    .sort((a, b) => b.fit - a.fit);
  const page = pageOf(options, input.page ?? 0, OTHERS_PAGE);
  const names = await personRefs(deps, page.items.flatMap((o) => (pool.mentors.get(o.id) ? [pool.mentors.get(o.id)!] : [])));
  return ok({ batchId: batch._id, index: input.index, options: { ...page, items: page.items.map((o) => ({ membershipId: o.id, name: names.get(o.id) ?? "—", fit: o.fit })) } });
}

export interface ManualOptions {
  forms: readonly Form[];
  mentors: { membershipId: string; name: NoticeVar; free: number }[];
  mentees: { membershipId: string; name: NoticeVar }[];
}

/** For a pair by hand: the mentors with free places and the mentees in the pool. */
export async function manualOptions(deps: Deps, actor: Actor, programmeId: string): Promise<Result<ManualOptions>> {
  const grant = await asCurator(deps, actor, programmeId);
  if (!grant.ok) return grant;
  const pool = await matchingPool(deps, grant.value.programme);
  const mentors = await Promise.all([...pool.mentors.values()].map(async (m) => ({ membershipId: m._id, name: await personRef(deps, m), free: pool.free.get(m._id) ?? 0 })));
  const names = await personRefs(deps, [...pool.mentees.values()]);
  return ok({ forms: grant.value.programme.forms, mentors, mentees: [...pool.mentees.values()].map((m) => ({ membershipId: m._id, name: names.get(m._id) ?? "—" })) });
}

/** The forms the programme runs that the rules allow for this mentor with every one of these mentees. */
export async function allowedForms(deps: Deps, actor: Actor, input: { programmeId: string; mentorId: string; menteeIds: string[] }): Promise<Result<Form[]>> {
  const grant = await asCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const pool = await matchingPool(deps, grant.value.programme);
  const mentor = pool.input.mentors.find((m) => m.id === input.mentorId);
  const mentees = input.menteeIds.map((id) => pool.input.mentees.find((m) => m.id === id));
  if (!mentor || mentees.some((m) => m === undefined)) return ok([]);
  return ok(grant.value.programme.forms.filter((f) => mentees.every((m) => formFor(m!, mentor, [f]) === f)));
}

// ---------------------------------------------------------------------------------------------
// The pair-by-hand picker: pages of mentors and of mentees, any number of them. The choice lives
// in the store (claims: the mentor, and one per marked mentee), so that marking and unmarking is a
// plain button, never an answer a conversation has to keep; the conversation starts after «Готово».

export const PICK_PAGE = 10;

export interface PickMentor {
  membershipId: string;
  name: NoticeVar;
  free: number;
}

export interface ManualMentors {
  view: ProgrammeView;
  mentors: Page<PickMentor>;
}

/** Ready, trained mentors with free places, in a stable order. */
async function pickableMentors(deps: Deps, programmeId: string): Promise<{ mentor: Membership; free: number }[]> {
  const ready = (await deps.store.memberships.participants(programmeId, "mentor", { intake: "ready" })).filter((m) => m.mentorTrainedOn !== null);
  const rows = await Promise.all(ready.map(async (mentor) => ({ mentor, free: await freePlaces(deps, mentor) })));
  return rows.filter((r) => r.free > 0);
}

const pickableMentees = async (deps: Deps, programmeId: string) =>
  (await deps.store.memberships.participants(programmeId, "mentee", { intake: "ready" })).filter((m) => m.pairId === null);

/** A page of the mentors a curator may pick for a pair by hand. */
export async function manualMentors(deps: Deps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<ManualMentors>> {
  const grant = await asCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const page = pageOf(await pickableMentors(deps, input.programmeId), input.page, PICK_PAGE);
  const names = await personRefs(deps, page.items.map((r) => r.mentor));
  return ok({ view: grant.value, mentors: { ...page, items: page.items.map((r) => ({ membershipId: r.mentor._id, name: names.get(r.mentor._id) ?? "—", free: r.free })) } });
}

export interface ManualMentees {
  view: ProgrammeView;
  mentor: PickMentor;
  /** How many mentees may be marked: the mentor's free places, at most a group's size. */
  max: number;
  chosen: number;
  mentees: Page<{ membershipId: string; name: NoticeVar; chosen: boolean }>;
}

async function chosenMentor(deps: Deps, userId: number, programmeId: string): Promise<{ mentor: Membership; free: number } | null> {
  const id = await deps.store.claims.holderOf(claimKeys.manualPickMentor(userId, programmeId));
  const mentor = typeof id === "string" ? await deps.store.memberships.get(id) : null;
  if (!mentor || mentor.programmeId !== programmeId || mentor.role !== "mentor" || mentor.intake !== "ready" || mentor.mentorTrainedOn === null) return null;
  const free = await freePlaces(deps, mentor);
  return free > 0 ? { mentor, free } : null;
}

const chosenMenteeIds = async (deps: Deps, userId: number, programmeId: string): Promise<string[]> =>
  (await deps.store.claims.inScope(claimKeys.manualPick(userId, programmeId))).map((c) => String(c.holder));

/** Forgets a curator's picker choice (a new mentor, a pair made, a cancel). */
export async function clearManualSelection(deps: Pick<Deps, "store">, actor: Actor, programmeId: string): Promise<void> {
  for (const c of await deps.store.claims.inScope(claimKeys.manualPick(actor.userId, programmeId))) await deps.store.claims.release(c._id);
  await deps.store.claims.release(claimKeys.manualPickMentor(actor.userId, programmeId));
}

async function menteesScreen(deps: Deps, actor: Actor, view: ProgrammeView, page: number, known?: { mentor: Membership; free: number }): Promise<Result<ManualMentees>> {
  const programmeId = view.programme._id;
  const mentor = known ?? (await chosenMentor(deps, actor.userId, programmeId));
  if (!mentor) return refuse("stale", "manual-mentor-gone");
  const chosen = new Set(await chosenMenteeIds(deps, actor.userId, programmeId));
  const shown = pageOf(await pickableMentees(deps, programmeId), page, PICK_PAGE);
  const names = await personRefs(deps, [mentor.mentor, ...shown.items]);
  return ok({
    view,
    mentor: { membershipId: mentor.mentor._id, name: names.get(mentor.mentor._id) ?? "—", free: mentor.free },
    max: Math.min(MAX_MENTEES_PER_MENTOR, mentor.free),
    chosen: chosen.size,
    mentees: { ...shown, items: shown.items.map((m) => ({ membershipId: m._id, name: names.get(m._id) ?? "—", chosen: chosen.has(m._id) })) },
  });
}

/** The curator picks the mentor; any mentees marked before are forgotten. */
export async function chooseManualMentor(deps: Deps, actor: Actor, input: { membershipId: string }): Promise<Result<ManualMentees>> {
  const mentor = await deps.store.memberships.get(input.membershipId);
  if (!mentor || mentor.role !== "mentor") return refuse("not-allowed", "curator-only");
  const grant = await asCurator(deps, actor, mentor.programmeId);
  if (!grant.ok) return grant;
  const programmeId = mentor.programmeId;
  await clearManualSelection(deps, actor, programmeId);
  await deps.store.claims.claim(claimKeys.manualPickMentor(actor.userId, programmeId), claimKeys.manualPickMentor(actor.userId, programmeId), mentor._id, deps.clock());
  return menteesScreen(deps, actor, grant.value, 0);
}

/** A page of the mentees for the chosen mentor, with the marks. */
export async function manualMentees(deps: Deps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<ManualMentees>> {
  const grant = await asCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  return menteesScreen(deps, actor, grant.value, input.page);
}

/** Marks a mentee, or takes the mark back; never more than the mentor's free places or a group's size. */
export async function toggleManualMentee(deps: Deps, actor: Actor, input: { membershipId: string; page: number }): Promise<Result<ManualMentees>> {
  const mentee = await deps.store.memberships.get(input.membershipId);
  if (!mentee || mentee.role !== "mentee") return refuse("not-allowed", "curator-only");
  const grant = await asCurator(deps, actor, mentee.programmeId);
  if (!grant.ok) return grant;
  const programmeId = mentee.programmeId;
  const { claims } = deps.store;
  const key = claimKeys.manualPickMentee(actor.userId, programmeId, mentee._id);
  const mentor = await chosenMentor(deps, actor.userId, programmeId);
  if (!mentor) return refuse("stale", "manual-mentor-gone");
  if ((await claims.holderOf(key)) !== null) await claims.release(key);
  else {
    if (mentee.intake !== "ready" || mentee.pairId !== null) return refuse("stale", "manual-mentee-gone");
    const max = Math.min(MAX_MENTEES_PER_MENTOR, mentor.free);
    const scope = claimKeys.manualPick(actor.userId, programmeId);
    if ((await claims.placesUsed(scope)) >= max) return refuse("rule", "manual-too-many", { max });
    await claims.claim(key, scope, mentee._id, deps.clock());
    // Two presses at once: the count decides, the later mark is taken back.
    if ((await claims.placesUsed(scope)) > max) {
      await claims.release(key);
      return refuse("rule", "manual-too-many", { max });
    }
  }
  return menteesScreen(deps, actor, grant.value, input.page, mentor);
}

export interface ManualSelection {
  forms: readonly Form[];
  mentor: PickMentor;
  mentees: { membershipId: string; name: NoticeVar }[];
}

/** The picker's choice, checked again: the mentor still has places, the mentees are still free. */
export async function manualSelection(deps: Deps, actor: Actor, programmeId: string): Promise<Result<ManualSelection>> {
  const grant = await asCurator(deps, actor, programmeId);
  if (!grant.ok) return grant;
  const mentor = await chosenMentor(deps, actor.userId, programmeId);
  if (!mentor) return refuse("stale", "manual-mentor-gone");
  const ids = await chosenMenteeIds(deps, actor.userId, programmeId);
  if (ids.length === 0) return refuse("rule", "answer-too-few", { min: 1 });
  const found = await deps.store.memberships.getMany(ids);
  const mentees = ids.flatMap((id) => {
    const m = found.get(id);
    return m && m.programmeId === programmeId && m.intake === "ready" && m.pairId === null ? [m] : [];
  });
  if (mentees.length !== ids.length) return refuse("stale", "manual-mentee-gone");
  if (mentees.length > Math.min(MAX_MENTEES_PER_MENTOR, mentor.free)) return refuse("rule", "manual-too-many", { max: Math.min(MAX_MENTEES_PER_MENTOR, mentor.free) });
  const names = await personRefs(deps, [mentor.mentor, ...mentees]);
  return ok({
    forms: grant.value.programme.forms,
    mentor: { membershipId: mentor.mentor._id, name: names.get(mentor.mentor._id) ?? "—", free: mentor.free },
    mentees: mentees.map((m) => ({ membershipId: m._id, name: names.get(m._id) ?? "—" })),
  });
}
