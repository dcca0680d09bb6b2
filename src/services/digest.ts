import { needsParent } from "../domain/consent.js";
import { schoolToday } from "../domain/dates.js";
import { DIGEST_LISTS, QUIET_DAYS_CHOICES, periodOf, quietSince, type DigestList, type DigestPeriod } from "../domain/digest.js";
import { pageOf, type Page } from "../domain/paging.js";
import { currentStage, daysBetween, stageNameKey, type StageNumber } from "../domain/roadmap.js";
import type { Membership } from "../store/memberships.js";
import type { Pair } from "../store/pairs.js";
import { authorize, type ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { msg, type NoticeVar } from "./notices.js";
import { personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";
import { stagesOf } from "./roadmap.js";
import { MONTHLY_LATE_DAY, finalDueDay, monthOfDay, pairEndDay, previousMonth } from "../domain/reports.js";
import { missingFinalReports } from "./finalReports.js";
import { expectedMentors } from "./monthlyReports.js";

// The figures of the curators' weekly digest and the director's monthly summary, and the lists
// behind each figure. The numbers and the lists come from the same functions, so a list opened
// from a digest holds exactly the people its number counted (for the same week or month).

type Deps = Pick<ServiceDeps, "store" | "clock" | "logger" | "operatorIds">;

export const DIGEST_PAGE = 10;

/** A person the bot nudges: their Telegram id and whether they are a child (quiet hours apply). */
export interface Recipient {
  userId: number;
  child: boolean;
}
export const recipientOf = (m: Pick<Membership, "userId" | "category" | "saidUnder18">): Recipient => ({ userId: m.userId, child: needsParent(m.category, m.saidUnder18) });

export interface QuietPair {
  pair: Pair;
  /** The day the quiet spell began: the last confirmed meeting, or the activation. */
  since: Date;
  days: number;
}

/** The programme's active pairs with no confirmed meeting for the programme's quiet days. */
export async function quietPairsOf(deps: Pick<ServiceDeps, "store">, view: ProgrammeView, today: Date): Promise<QuietPair[]> {
  const pairs = await deps.store.pairs.ofProgramme(view.programme._id, ["active"]);
  const last = await deps.store.meetings.lastConfirmedDays(view.programme._id);
  const out: QuietPair[] = [];
  for (const pair of pairs) {
    const activatedOn = schoolToday(pair.activatedAt ?? pair.startDate, view.school.timeZone);
    const since = quietSince(last.get(pair._id) ?? null, activatedOn, today, view.programme.quietPairDays);
    if (since) out.push({ pair, since, days: daysBetween(since, today) });
  }
  return out;
}

/** The people behind one of a digest's numbers (not the quiet pairs: quietPairsOf). */
async function peopleOf(deps: Pick<ServiceDeps, "store">, view: ProgrammeView, list: Exclude<DigestList, "quiet">, today: Date): Promise<Membership[]> {
  const { store } = deps;
  const programmeId = view.programme._id;
  const everyone = await store.memberships.ofProgramme(programmeId);
  const participants = everyone.filter((m) => m.role === "mentor" || m.role === "mentee");
  switch (list) {
    case "new-week":
    case "new-month": {
      const { from, to } = periodOf(list === "new-week" ? "week" : "month", today);
      return participants.filter((m) => {
        const day = schoolToday(m.createdAt, view.school.timeZone);
        return day.getTime() >= from.getTime() && day.getTime() < to.getTime();
      });
    }
    case "consents":
      return participants.filter((m) => m.intake === "invited" || m.intake === "parent" || m.intake === "declined");
    case "unpaired":
      return participants.filter((m) => m.role === "mentee" && m.intake === "ready" && m.pairId === null);
    case "unreachable": {
      const blocked = await store.users.unreachable(everyone.map((m) => m.userId));
      return everyone.filter((m) => blocked.has(m.userId));
    }
  }
}

export interface DigestFigures {
  newPeople: number;
  consents: number;
  unpaired: number;
  quietPairs: number;
  /** Safety flags no curator has handled yet. */
  openFlags: number;
  /** Monthly reports missing for the last month past its late day, and final reports past their 10 days. */
  overdueReports: number;
  /** The month whose missing monthly reports are counted (the list behind the number). */
  lateMonth: string;
  unreachable: number;
  activePairs: number;
  stage: { stage: StageNumber; deadline: Date } | null;
}

/** The digest's figures for the programme on the school day `today` (its week or month). */
export async function digestFigures(deps: Pick<ServiceDeps, "store">, view: ProgrammeView, period: DigestPeriod, today: Date): Promise<DigestFigures> {
  const count = async (list: Exclude<DigestList, "quiet">) => (await peopleOf(deps, view, list, today)).length;
  const stages = await stagesOf(deps, view.programme, view.school);
  const current = currentStage(stages);
  return {
    newPeople: await count(period === "week" ? "new-week" : "new-month"),
    consents: await count("consents"),
    unpaired: await count("unpaired"),
    quietPairs: (await quietPairsOf(deps, view, today)).length,
    openFlags: (await deps.store.flags.ofProgramme(view.programme._id)).filter((f) => f.handledAt === null).length,
    ...(await overdueReportsOf(deps, view, today)),
    unreachable: await count("unreachable"),
    activePairs: (await deps.store.pairs.ofProgramme(view.programme._id, ["active"])).length,
    stage: current ? { stage: current.stage, deadline: current.deadline } : null,
  };
}

/** The month whose reports are late on this school day: the last one whose late day has passed. */
export function lateMonthOf(today: Date): string {
  const last = previousMonth(monthOfDay(today));
  return today.getUTCDate() >= MONTHLY_LATE_DAY ? last : previousMonth(last);
}

/** Overdue reports: the late month's missing monthly reports, and final reports past their due day. */
async function overdueReportsOf(deps: Pick<ServiceDeps, "store">, view: ProgrammeView, today: Date): Promise<{ overdueReports: number; lateMonth: string }> {
  const lateMonth = lateMonthOf(today);
  const expected = await expectedMentors(deps, view.programme._id, lateMonth);
  const reported = new Set((await deps.store.monthlyReports.ofProgramme(view.programme._id, [lateMonth])).map((r) => r.mentorId));
  let overdue = expected.filter((m) => !reported.has(m._id)).length;
  const ended = (await deps.store.pairs.ofProgramme(view.programme._id, ["active", "ended"])).filter((pair) => {
    const end = pairEndDay(pair, today, view.school.timeZone);
    return end !== null && finalDueDay(end).getTime() < today.getTime();
  });
  const written = await deps.store.finalReports.ofPairs(ended.map((p) => p._id));
  for (const pair of ended) overdue += missingFinalReports(pair, written.filter((r) => r.pairId === pair._id)).length;
  return { overdueReports: overdue, lateMonth };
}

/** The stage line's variables: its name and deadline, or «all done». */
export function stageVars(figures: DigestFigures): Record<string, NoticeVar> {
  return figures.stage
    ? { stage: msg(stageNameKey(figures.stage.stage)), number: figures.stage.stage, deadline: { date: figures.stage.deadline, timeZone: "UTC" } }
    : { stage: msg("roadmap-all-done"), number: 0, deadline: "—" };
}

/** The curator sets the programme's quiet-pair threshold (one of QUIET_DAYS_CHOICES); the quiet list follows. */
export async function setQuietPairDays(deps: Deps, actor: Actor, input: { programmeId: string; days: number }): Promise<Result<DigestListPage>> {
  const grant = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!grant.ok) return grant;
  if (!(QUIET_DAYS_CHOICES as readonly number[]).includes(input.days)) return refuse("stale");
  await deps.store.programmes.setQuietPairDays(input.programmeId, input.days);
  deps.logger.info({ programmeId: input.programmeId, days: input.days }, "quiet-pair threshold set");
  return digestList(deps, actor, { programmeId: input.programmeId, list: "quiet", page: 0 });
}

export interface DigestListItem {
  n: number;
  /** A person, or a pair's mentor with its mentees. */
  person: NoticeVar;
  /** The person's status, or how long the pair has been quiet. */
  detail: NoticeVar;
  membershipId: string | null;
  pairId: string | null;
}

export interface DigestListPage extends ProgrammeView {
  list: DigestList;
  page: Page<DigestListItem>;
  /** Cards open for curators only. */
  canOpenCards: boolean;
}

/** One of the lists behind a digest's numbers, a page; for the programme's curators and director. */
export async function digestList(deps: Deps, actor: Actor, input: { programmeId: string; list: DigestList; page: number }): Promise<Result<DigestListPage>> {
  const grant = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (!grant.ok) return grant;
  if (!(DIGEST_LISTS as readonly string[]).includes(input.list)) return refuse("not-found");
  const view: ProgrammeView = { programme: grant.value.programme, school: grant.value.school };
  const today = schoolToday(deps.clock(), view.school.timeZone);
  const canOpenCards = grant.value.staff.role === "curator";
  if (input.list === "quiet") {
    const quiet = await quietPairsOf(deps, view, today);
    const page = pageOf(quiet, input.page, DIGEST_PAGE);
    const people = await deps.store.memberships.getMany(page.items.flatMap((q) => [q.pair.mentorId, ...q.pair.menteeIds]));
    const refs = await personRefs(deps, [...people.values()]);
    const items = page.items.map((q, i) => ({
      n: page.from + i,
      person: msg("digest-pair-line", { mentor: refs.get(q.pair.mentorId) ?? "—", mentees: { list: q.pair.menteeIds.map((id) => refs.get(id) ?? "—") } }),
      detail: msg("digest-quiet-detail", { days: q.days, since: { date: q.since, timeZone: "UTC" } }),
      membershipId: null,
      pairId: q.pair._id,
    }));
    return ok({ ...view, list: input.list, page: { ...page, items }, canOpenCards });
  }
  const people = await peopleOf(deps, view, input.list, today);
  const page = pageOf(people, input.page, DIGEST_PAGE);
  const refs = await personRefs(deps, page.items);
  const items = page.items.map((m, i) => ({
    n: page.from + i,
    person: refs.get(m._id) ?? "—",
    detail: m.intake ? msg(`digest-intake-${m.intake}`) : msg(`role-${m.role}`),
    membershipId: m.role === "mentor" || m.role === "mentee" ? m._id : null,
    pairId: null,
  }));
  return ok({ ...view, list: input.list, page: { ...page, items }, canOpenCards });
}
