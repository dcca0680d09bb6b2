import { schoolToday } from "../domain/dates.js";
import { pageOf, type Page } from "../domain/paging.js";
import { templateById, templateTitleKey, templatesFor, type PlanTemplate } from "../domain/planTemplates.js";
import {
  PLAN_ITEMS_MAX,
  PLAN_TITLE_MAX,
  afterChange,
  byDue,
  canSend,
  checkDueDay,
  checkPlanTitle,
  dayAtShare,
  dueProblemKey,
  planTitleProblemKey,
  progressOf,
  type PlanItemKind,
  type Progress,
} from "../domain/plans.js";
import { claimKeys } from "../store/claimKeys.js";
import type { Membership } from "../store/memberships.js";
import type { Pair } from "../store/pairs.js";
import type { Plan, PlanItem, PlanVersion } from "../store/plans.js";
import { authorize, type ProgrammeView } from "./access.js";
import { action } from "./actions/index.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { msg, type NoticeVar } from "./notices.js";
import { personRefs, roleRef } from "./people.js";
import { ok, refuse, type Refusal, type Result } from "./result.js";

// The individual plan (regulation 2.11–2.12, 3.1). The mentor builds a plan for each mentee (from
// a template of the pair's form, or item by item), sends it; the mentee acknowledges it in one tap
// («Ознакомлен(а)»); the director or a curator approves it («Утверждаю»). A change after the
// acknowledgement keeps that version and starts the next one, which asks again. The mentor marks
// items done; the mentee may propose an item done, and the mentor confirms.

/** Who looks at a plan: its pair's mentor, the mentee whose plan it is, or staff of the programme. */
export type Viewer = "mentor" | "mentee" | "staff";

/** Items per page of the plan screen. */
export const PLAN_PAGE = 10;
/** Earlier versions per page. */
export const VERSIONS_PAGE = 5;

interface Access {
  view: ProgrammeView;
  pair: Pair;
  viewer: Viewer;
  /** The viewer's membership (the mentor's, the mentee's, the staff's). */
  me: Membership;
}

/** The pair's mentor or mentee, else its programme's curator or director; refused otherwise. */
async function accessPair(deps: ServiceDeps, actor: Actor, pairId: string): Promise<Result<Access>> {
  const party = await authorize(deps, actor, { kind: "pair-party", pairId });
  if (party.ok) {
    const { pair, me, programme, school } = party.value;
    return ok({ view: { programme, school }, pair, me, viewer: me._id === pair.mentorId ? "mentor" : "mentee" });
  }
  const staff = await authorize(deps, actor, { kind: "pair-staff", pairId });
  if (!staff.ok) return staff;
  const { pair, staff: me, programme, school } = staff.value;
  return ok({ view: { programme, school }, pair, me, viewer: "staff" });
}

/** Access to one mentee's plan: a mentee sees only their own. */
async function accessMentee(deps: ServiceDeps, actor: Actor, pairId: string, menteeId: string): Promise<Result<Access>> {
  const access = await accessPair(deps, actor, pairId);
  if (!access.ok) return access;
  if (!access.value.pair.menteeIds.includes(menteeId)) return refuse("not-found");
  if (access.value.viewer === "mentee" && access.value.me._id !== menteeId) return refuse("not-allowed");
  return access;
}

/** A stored plan and the access to it; `only` says who may do this. */
async function accessPlan(deps: ServiceDeps, actor: Actor, planId: string, only?: Viewer): Promise<Result<Access & { plan: Plan }>> {
  const plan = await deps.store.plans.get(planId);
  if (!plan) return refuse("not-allowed");
  const access = await accessMentee(deps, actor, plan.pairId, plan.menteeId);
  if (!access.ok) return access;
  if (only && access.value.viewer !== only) return refuse("not-allowed", only === "mentor" ? "plan-mentor-only" : only === "mentee" ? "plan-mentee-only" : "plan-staff-only");
  return ok({ ...access.value, plan });
}

/** Changes are made while the pair works. */
const notActive = (pair: Pair): Refusal | null => (pair.status === "active" ? null : refuse("stale", "plan-pair-not-active"));

// ---------------------------------------------------------------------------------------------
// Reading.

/** Names alone on the plan's own screens (the roles are plain there); the role for a person with no name. */
async function shortNames(deps: ServiceDeps, people: readonly Membership[]): Promise<Map<string, NoticeVar>> {
  const profiles = await deps.store.profiles.getMany(people.map((m) => m._id));
  const out = new Map<string, NoticeVar>();
  for (const m of people) {
    const name = profiles.get(m._id)?.answers["full-name"];
    out.set(m._id, typeof name === "string" && name ? name : roleRef(m));
  }
  return out;
}

export interface PlanMenteeLine {
  membershipId: string;
  name: NoticeVar;
  progress: Progress;
  status: Plan["status"] | null;
}

export interface PlanPick {
  pair: Pair;
  viewer: Viewer;
  role: Membership["role"];
  mentees: PlanMenteeLine[];
}

/** The plans of a pair the actor may see: the mentee only their own; the mentor and staff each mentee's. */
export async function pickPlan(deps: ServiceDeps, actor: Actor, input: { pairId: string }): Promise<Result<PlanPick>> {
  const access = await accessPair(deps, actor, input.pairId);
  if (!access.ok) return access;
  const { pair, viewer, me } = access.value;
  const ids = viewer === "mentee" ? [me._id] : pair.menteeIds;
  const people = await deps.store.memberships.getMany(ids);
  const names = await shortNames(deps, [...people.values()]);
  const plans = new Map((await deps.store.plans.ofPair(pair._id)).map((p) => [p.menteeId, p]));
  const mentees = ids.map((id) => {
    const plan = plans.get(id);
    return { membershipId: id, name: names.get(id) ?? "—", progress: progressOf(plan?.items ?? []), status: plan?.status ?? null };
  });
  return ok({ pair, viewer, role: me.role, mentees });
}

export interface PlanScreen {
  view: ProgrammeView;
  pair: Pair;
  viewer: Viewer;
  /** The viewer's role in the programme (a staff viewer is a curator or the director). */
  role: Membership["role"];
  menteeId: string;
  mentee: NoticeVar;
  mentor: NoticeVar;
  /** Null until the mentor adds the first item. */
  plan: Plan | null;
  /** The items by due day, a page at a time. */
  items: Page<PlanItem>;
  progress: Progress;
  /** How many earlier versions are kept. */
  versions: number;
  canSend: boolean;
}

/** One mentee's plan, a page of its items. */
export async function openPlan(deps: ServiceDeps, actor: Actor, input: { pairId: string; membershipId: string; page: number }): Promise<Result<PlanScreen>> {
  const access = await accessMentee(deps, actor, input.pairId, input.membershipId);
  if (!access.ok) return access;
  return ok(await screenOf(deps, access.value, input.membershipId, input.page));
}

async function screenOf(deps: ServiceDeps, access: Access, menteeId: string, page: number): Promise<PlanScreen> {
  const { pair, viewer, view } = access;
  const plan = await deps.store.plans.of(pair._id, menteeId);
  const people = await deps.store.memberships.getMany([pair.mentorId, menteeId]);
  const names = await shortNames(deps, [...people.values()]);
  const items = plan ? byDue(plan.items) : [];
  const versions = plan && plan.version > 1 ? (await deps.store.plans.versionsOf(plan._id)).length : 0;
  return {
    view,
    pair,
    viewer,
    role: access.me.role,
    menteeId,
    mentee: names.get(menteeId) ?? "—",
    mentor: names.get(pair.mentorId) ?? "—",
    plan,
    items: pageOf(items, page, PLAN_PAGE),
    progress: progressOf(items),
    versions,
    canSend: viewer === "mentor" && pair.status === "active" && plan !== null && canSend(plan.status, plan.items.length),
  };
}

export interface PlanItemScreen {
  plan: Plan;
  item: PlanItem;
  viewer: Viewer;
  /** Its place among the items by due day, 1-based. */
  number: number;
  pairActive: boolean;
}

export async function planItem(deps: ServiceDeps, actor: Actor, input: { planId: string; itemId: string }): Promise<Result<PlanItemScreen>> {
  const access = await accessPlan(deps, actor, input.planId);
  if (!access.ok) return access;
  const { plan, viewer, pair } = access.value;
  const sorted = byDue(plan.items);
  const index = sorted.findIndex((i) => i.id === input.itemId);
  if (index < 0) return refuse("not-found", "plan-item-gone");
  return ok({ plan, item: sorted[index]!, viewer, number: index + 1, pairActive: pair.status === "active" });
}

export interface PlanVersions {
  plan: Plan;
  pair: Pair;
  viewer: Viewer;
  versions: Page<PlanVersion>;
}

/** The earlier versions of a plan, the newest first. */
export async function planVersions(deps: ServiceDeps, actor: Actor, input: { planId: string; page: number }): Promise<Result<PlanVersions>> {
  const access = await accessPlan(deps, actor, input.planId);
  if (!access.ok) return access;
  const kept = (await deps.store.plans.versionsOf(input.planId)).reverse();
  return ok({ plan: access.value.plan, pair: access.value.pair, viewer: access.value.viewer, versions: pageOf(kept, input.page, VERSIONS_PAGE) });
}

/** Progress of each mentee's plan in a pair (mentees with no plan yet: 0 of 0), for the pair's card. */
export async function planProgress(deps: Pick<ServiceDeps, "store">, pairId: string): Promise<Map<string, Progress>> {
  const pair = await deps.store.pairs.get(pairId);
  const plans = new Map((await deps.store.plans.ofPair(pairId)).map((p) => [p.menteeId, p]));
  const out = new Map<string, Progress>();
  for (const id of pair?.menteeIds ?? [...plans.keys()]) out.set(id, progressOf(plans.get(id)?.items ?? []));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The mentor's changes.

/** The plan after a change of its items: a draft again, a new version if the last one was acknowledged. */
function changed(plan: Plan, items: PlanItem[], by: string, now: Date): { plan: Plan; keep: boolean } {
  const { status, newVersion } = afterChange(plan.status);
  if (!newVersion) return { plan: { ...plan, items, status, updatedAt: now }, keep: false };
  const version = plan.version + 1;
  return {
    plan: { ...plan, items, status, version, acknowledged: null, approved: null, history: [...plan.history, { kind: "new-version", version, by, at: now }], updatedAt: now },
    keep: true,
  };
}

/** A due day inside the pair's term, or the refusal that says why not. */
function dueRefusal(pair: Pair, due: Date): Refusal | null {
  const problem = checkDueDay(due, pair.startDate, pair.plannedEnd);
  return problem ? refuse("rule", dueProblemKey(problem)) : null;
}

export interface ItemInput {
  title: string;
  kind: PlanItemKind;
  due: Date;
}

function checkItem(pair: Pair, input: ItemInput): Result<ItemInput> {
  const title = checkPlanTitle(input.title);
  if (!title.ok) return refuse("rule", planTitleProblemKey(title.problem), { max: PLAN_TITLE_MAX });
  const due = dueRefusal(pair, input.due);
  if (due) return due;
  return ok({ title: title.value, kind: input.kind, due: input.due });
}

/** The mentor adds an item to a mentee's plan (the plan is made on the first one). */
export async function addPlanItem(deps: ServiceDeps, actor: Actor, input: ItemInput & { pairId: string; menteeId: string }): Promise<Result<Plan>> {
  const access = await accessMentee(deps, actor, input.pairId, input.menteeId);
  if (!access.ok) return access;
  const { pair, viewer, me } = access.value;
  if (viewer !== "mentor") return refuse("not-allowed", "plan-mentor-only");
  const stale = notActive(pair);
  if (stale) return stale;
  const item = checkItem(pair, input);
  if (!item.ok) return item;
  const now = deps.clock();
  const plan = await deps.store.plans.ensure({ pairId: pair._id, programmeId: pair.programmeId, menteeId: input.menteeId }, now);
  const added = { id: deps.store.plans.newItemId(), ...item.value, done: null, proposedDone: null };
  return written(
    await deps.store.plans.update<Result<Plan>>(plan._id, (p) => {
      if (p.items.length >= PLAN_ITEMS_MAX) return { refused: refuse("rule", "plan-too-many-items", { max: PLAN_ITEMS_MAX }) };
      const next = changed(p, [...p.items, added], me._id, now);
      return { ...next, result: ok(next.plan) };
    }),
  );
}

const written = <T>(r: Result<T> | null): Result<T> => r ?? refuse("not-found", "plan-item-gone");

/** The templates for the pair's form first, then the others. */
export async function planTemplates(deps: ServiceDeps, actor: Actor, input: { pairId: string; membershipId: string }): Promise<Result<{ pair: Pair; menteeId: string; templates: PlanTemplate[] }>> {
  const access = await accessMentee(deps, actor, input.pairId, input.membershipId);
  if (!access.ok) return access;
  if (access.value.viewer !== "mentor") return refuse("not-allowed", "plan-mentor-only");
  return ok({ pair: access.value.pair, menteeId: input.membershipId, templates: templatesFor(access.value.pair.form) });
}

/**
 * The mentor starts from a template: its items are added, due days spread over the pair's term.
 * Titles are the template's locale keys in the mentor's language (`titleOf` renders one); the
 * plan holds them as text from then on, for the mentor to edit.
 */
export async function applyPlanTemplate(
  deps: ServiceDeps,
  actor: Actor,
  input: { pairId: string; menteeId: string; templateId: string; titleOf: (key: string) => string },
): Promise<Result<Plan>> {
  const access = await accessMentee(deps, actor, input.pairId, input.menteeId);
  if (!access.ok) return access;
  const { pair, viewer, me } = access.value;
  if (viewer !== "mentor") return refuse("not-allowed", "plan-mentor-only");
  const stale = notActive(pair);
  if (stale) return stale;
  const template = templateById(input.templateId);
  if (!template) return refuse("not-found");
  const now = deps.clock();
  const plan = await deps.store.plans.ensure({ pairId: pair._id, programmeId: pair.programmeId, menteeId: input.menteeId }, now);
  const items: PlanItem[] = template.items.map((t, i) => ({
    id: deps.store.plans.newItemId(),
    title: input.titleOf(templateTitleKey(template.id, i + 1)),
    kind: t.kind,
    due: dayAtShare(pair.startDate, pair.plannedEnd, t.share),
    done: null,
    proposedDone: null,
  }));
  return written(
    await deps.store.plans.update<Result<Plan>>(plan._id, (p) => {
      if (p.items.length + items.length > PLAN_ITEMS_MAX) return { refused: refuse("rule", "plan-too-many-items", { max: PLAN_ITEMS_MAX }) };
      const next = changed(p, [...p.items, ...items], me._id, now);
      return { ...next, result: ok(next.plan) };
    }),
  );
}

/** The mentor changes an item's title, kind or due day. */
export async function editPlanItem(deps: ServiceDeps, actor: Actor, input: { planId: string; itemId: string } & Partial<ItemInput>): Promise<Result<Plan>> {
  const access = await accessPlan(deps, actor, input.planId, "mentor");
  if (!access.ok) return access;
  const { pair, me } = access.value;
  const stale = notActive(pair);
  if (stale) return stale;
  let title: string | undefined;
  if (input.title !== undefined) {
    const checked = checkPlanTitle(input.title);
    if (!checked.ok) return refuse("rule", planTitleProblemKey(checked.problem), { max: PLAN_TITLE_MAX });
    title = checked.value;
  }
  if (input.due) {
    const due = dueRefusal(pair, input.due);
    if (due) return due;
  }
  const now = deps.clock();
  return written(
    await deps.store.plans.update<Result<Plan>>(input.planId, (p) => {
      const item = p.items.find((i) => i.id === input.itemId);
      if (!item) return { refused: refuse("not-found", "plan-item-gone") };
      const edited = { ...item, ...(title !== undefined ? { title } : {}), ...(input.kind ? { kind: input.kind } : {}), ...(input.due ? { due: input.due } : {}) };
      if (edited.title === item.title && edited.kind === item.kind && edited.due.getTime() === item.due.getTime()) return { refused: ok(p) };
      const next = changed(p, p.items.map((i) => (i.id === item.id ? edited : i)), me._id, now);
      return { ...next, result: ok(next.plan) };
    }),
  );
}

export async function removePlanItem(deps: ServiceDeps, actor: Actor, input: { planId: string; itemId: string }): Promise<Result<Plan>> {
  const access = await accessPlan(deps, actor, input.planId, "mentor");
  if (!access.ok) return access;
  const stale = notActive(access.value.pair);
  if (stale) return stale;
  const now = deps.clock();
  return written(
    await deps.store.plans.update<Result<Plan>>(input.planId, (p) => {
      if (!p.items.some((i) => i.id === input.itemId)) return { refused: refuse("not-found", "plan-item-gone") };
      const next = changed(p, p.items.filter((i) => i.id !== input.itemId), access.value.me._id, now);
      return { ...next, result: ok(next.plan) };
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Sending, acknowledging, approving.

const openButton = (plan: Pick<Plan, "pairId" | "menteeId">, label = "plan-open") => ({ label: msg(label), action: action("planOpen", { pairId: plan.pairId, membershipId: plan.menteeId, page: 0 }) });

async function namesOf(deps: ServiceDeps, pair: Pair, menteeId: string) {
  const people = await deps.store.memberships.getMany([pair.mentorId, menteeId]);
  const names = await personRefs(deps, [...people.values()]);
  return { mentor: names.get(pair.mentorId) ?? "—", mentee: names.get(menteeId) ?? "—", menteeUser: people.get(menteeId)?.userId ?? null, mentorUser: people.get(pair.mentorId)?.userId ?? null };
}

/** The mentor sends the plan to the mentee, who is told with the «Ознакомлен(а)» button. */
export async function sendPlan(deps: ServiceDeps, actor: Actor, input: { planId: string }): Promise<Result<Plan>> {
  const access = await accessPlan(deps, actor, input.planId, "mentor");
  if (!access.ok) return access;
  const { pair, me } = access.value;
  const stale = notActive(pair);
  if (stale) return stale;
  const now = deps.clock();
  const sent = written(
    await deps.store.plans.update<Result<Plan>>(input.planId, (p) => {
      if (p.status !== "draft") return { refused: refuse("stale", "plan-already-sent") };
      if (!canSend(p.status, p.items.length)) return { refused: refuse("rule", "plan-nothing-to-send") };
      const plan: Plan = { ...p, status: "sent", history: [...p.history, { kind: "sent", version: p.version, by: me._id, at: now }], updatedAt: now };
      return { plan, result: ok(plan) };
    }),
  );
  if (!sent.ok) return sent;
  const plan = sent.value;
  const names = await namesOf(deps, pair, plan.menteeId);
  if (names.menteeUser !== null) {
    await deps.notices.send({
      to: names.menteeUser,
      key: plan.version > 1 ? "plan-changed-mentee" : "plan-ready-mentee",
      vars: { mentor: names.mentor, count: plan.items.length, version: plan.version },
      actions: [[{ label: msg("plan-acknowledge"), action: action("planAck", { planId: plan._id, version: plan.version }) }], [openButton(plan)]],
    });
  }
  deps.logger.info({ planId: plan._id, version: plan.version }, "plan sent");
  return sent;
}

/**
 * One step of a version (acknowledged, approved), once: claimed per version, so a hundred presses
 * make one record; the plan moves only from the status expected, else the claim is given back.
 */
async function stepVersion(
  deps: ServiceDeps,
  input: { planId: string; version: number },
  step: { kind: "acknowledged" | "approved"; from: Plan["status"]; by: string; key: string; already: string; notYet: string },
): Promise<Result<Plan>> {
  const now = deps.clock();
  if (!(await deps.store.claims.claim(step.key, `plan-${step.kind}`, step.by, now))) return refuse("stale", step.already);
  const done = written(
    await deps.store.plans.update<Result<Plan>>(input.planId, (p) => {
      if (p.version !== input.version) return { refused: refuse("stale", "plan-version-changed") };
      if (p.status !== step.from) return { refused: refuse("stale", p.status === step.kind ? step.already : step.notYet) };
      const mark = { at: now, by: step.by };
      const plan: Plan = { ...p, status: step.kind, [step.kind]: mark, history: [...p.history, { kind: step.kind, version: p.version, by: step.by, at: now }], updatedAt: now };
      return { plan, result: ok(plan) };
    }),
  );
  if (!done.ok) await deps.store.claims.release(step.key);
  return done;
}

/** «Ознакомлен(а)»: the mentee acknowledges this version, once; staff are told it waits for approval. */
export async function acknowledgePlan(deps: ServiceDeps, actor: Actor, input: { planId: string; version: number }): Promise<Result<Plan>> {
  const access = await accessPlan(deps, actor, input.planId, "mentee");
  if (!access.ok) return access;
  const { pair, me } = access.value;
  const done = await stepVersion(deps, input, {
    kind: "acknowledged",
    from: "sent",
    by: me._id,
    key: claimKeys.planAcknowledged(input.planId, input.version),
    already: "plan-already-acknowledged",
    notYet: "plan-not-sent",
  });
  if (!done.ok) return done;
  const names = await namesOf(deps, pair, me._id);
  const staff = [...(await deps.store.memberships.ofProgramme(pair.programmeId, "curator")), ...(await deps.store.memberships.ofProgramme(pair.programmeId, "director"))];
  const told = new Set<number>();
  for (const person of staff) {
    if (told.has(person.userId)) continue;
    told.add(person.userId);
    await deps.notices.send({
      to: person.userId,
      key: "plan-acknowledged-staff",
      vars: { mentee: names.mentee, mentor: names.mentor, version: done.value.version },
      actions: [[openButton(done.value, "plan-open-to-approve")]],
    });
  }
  deps.logger.info({ planId: input.planId, version: input.version }, "plan acknowledged");
  return done;
}

/** «Утверждаю»: the director or a curator approves the acknowledged version, once; the mentor is told. */
export async function approvePlan(deps: ServiceDeps, actor: Actor, input: { planId: string; version: number }): Promise<Result<Plan>> {
  const access = await accessPlan(deps, actor, input.planId, "staff");
  if (!access.ok) return access;
  const { pair, me } = access.value;
  const done = await stepVersion(deps, input, {
    kind: "approved",
    from: "acknowledged",
    by: me._id,
    key: claimKeys.planApproved(input.planId, input.version),
    already: "plan-already-approved",
    notYet: "plan-not-acknowledged",
  });
  if (!done.ok) return done;
  const names = await namesOf(deps, pair, done.value.menteeId);
  if (names.mentorUser !== null) {
    await deps.notices.send({ to: names.mentorUser, key: "plan-approved-mentor", vars: { mentee: names.mentee, role: msg(`role-${me.role}`) }, actions: [[openButton(done.value)]] });
  }
  deps.logger.info({ planId: input.planId, version: input.version }, "plan approved");
  return done;
}

// ---------------------------------------------------------------------------------------------
// Progress: done by the mentor, proposed by the mentee.

/**
 * Marks one item not yet done, under the plan's lock: `mark` refuses (a message) or gives the item's
 * new fields. Returns the plan and the item as it was.
 */
async function markItem(
  deps: ServiceDeps,
  input: { planId: string; itemId: string },
  mark: (item: PlanItem) => Refusal | Partial<PlanItem>,
): Promise<Result<{ plan: Plan; item: PlanItem }>> {
  const now = deps.clock();
  return written(
    await deps.store.plans.update<Result<{ plan: Plan; item: PlanItem }>>(input.planId, (p) => {
      const item = p.items.find((i) => i.id === input.itemId);
      if (!item) return { refused: refuse("not-found", "plan-item-gone") };
      if (item.done) return { refused: refuse("stale", "plan-item-already-done") };
      const change = mark(item);
      if ("ok" in change) return { refused: change };
      const plan: Plan = { ...p, items: p.items.map((i) => (i.id === item.id ? { ...i, ...change } : i)), updatedAt: now };
      return { plan, result: ok({ plan, item }) };
    }),
  );
}

/** The mentor marks an item done (or confirms the mentee's proposal, who is then told). */
export async function markItemDone(deps: ServiceDeps, actor: Actor, input: { planId: string; itemId: string }): Promise<Result<Plan>> {
  const access = await accessPlan(deps, actor, input.planId, "mentor");
  if (!access.ok) return access;
  const { pair, me } = access.value;
  const stale = notActive(pair);
  if (stale) return stale;
  const marked = await markItem(deps, input, () => ({ done: { at: deps.clock(), by: me._id } }));
  if (!marked.ok) return marked;
  const { plan, item } = marked.value;
  if (item.proposedDone !== null) {
    const names = await namesOf(deps, pair, plan.menteeId);
    if (names.menteeUser !== null) await deps.notices.send({ to: names.menteeUser, key: "plan-done-confirmed-mentee", vars: { title: item.title, mentor: names.mentor }, actions: [[openButton(plan)]] });
  }
  return ok(plan);
}

/** The mentee proposes an item done; the mentor is told once, with a button to confirm. */
export async function proposeItemDone(deps: ServiceDeps, actor: Actor, input: { planId: string; itemId: string }): Promise<Result<Plan>> {
  const access = await accessPlan(deps, actor, input.planId, "mentee");
  if (!access.ok) return access;
  const { pair, me } = access.value;
  const stale = notActive(pair);
  if (stale) return stale;
  const marked = await markItem(deps, input, (item) => (item.proposedDone ? refuse("stale", "plan-item-already-proposed") : { proposedDone: { at: deps.clock(), by: me._id } }));
  if (!marked.ok) return marked;
  const { plan, item } = marked.value;
  const names = await namesOf(deps, pair, me._id);
  if (names.mentorUser !== null) {
    await deps.notices.send({
      to: names.mentorUser,
      key: "plan-done-proposed-mentor",
      vars: { mentee: names.mentee, title: item.title },
      actions: [[{ label: msg("plan-confirm-done"), action: action("planDone", { planId: input.planId, itemId: input.itemId }) }], [openButton(plan)]],
    });
  }
  return ok(plan);
}

/**
 * What the mentor's add and edit conversations need, checked before they start: the mentor of an
 * active pair, the school's today (due days are counted from it) and the pair's term.
 */
export async function planEditing(deps: ServiceDeps, actor: Actor, input: { pairId: string; membershipId: string }): Promise<Result<{ today: Date; start: Date; end: Date }>> {
  const access = await accessMentee(deps, actor, input.pairId, input.membershipId);
  if (!access.ok) return access;
  const { pair, view, viewer } = access.value;
  if (viewer !== "mentor") return refuse("not-allowed", "plan-mentor-only");
  const stale = notActive(pair);
  if (stale) return stale;
  return ok({ today: schoolToday(deps.clock(), view.school.timeZone), start: pair.startDate, end: pair.plannedEnd });
}
