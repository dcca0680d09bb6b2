import { schoolToday } from "../domain/dates.js";
import { pageOf, type Page } from "../domain/paging.js";
import { dayInMonth, monthOfDay, reportMonthFor, type Month } from "../domain/reports.js";
import type { MeetingStatus, MeetingType } from "../domain/meetings.js";
import type { PairStatus } from "../domain/pairs.js";
import { authorize } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { expectedMentors } from "./monthlyReports.js";
import type { NoticeVar } from "./notices.js";
import { personRefs } from "./people.js";
import { ok, type Result } from "./result.js";

// The director's read-only overview (3.1): pairs, this month's meetings, who has reported. Names
// and counts only: no questionnaire answers and no feedback comments reach this screen.

export interface DirectorOverview {
  programmeId: string;
  school: string;
  year: string;
  activePairs: number;
  /** This month (school time): meetings confirmed, and all logged or planned. */
  month: Month;
  meetingsConfirmed: number;
  meetingsAll: number;
  /** The month the mentors report for now, and how many of those expected have. */
  reportMonth: Month;
  reported: number;
  expected: number;
  /** Mentors' final reports waiting for the director's approval. */
  toApprove: number;
  /** Individual plans the mentees have acknowledged, waiting for «Утверждаю». */
  plansToApprove: number;
  /** Safety flags not yet handled by a curator. */
  openFlags: number;
}

async function monthMeetings(deps: Pick<ServiceDeps, "store">, programmeId: string, month: Month) {
  const pairs = await deps.store.pairs.ofProgramme(programmeId, ["active", "ended"]);
  const out = [];
  for (const pair of pairs) for (const m of await deps.store.meetings.ofPair(pair._id)) if (m.status !== "cancelled" && dayInMonth(m.day, month)) out.push({ pair, meeting: m });
  out.sort((a, b) => a.meeting.day.getTime() - b.meeting.day.getTime());
  return out;
}

export async function directorOverview(deps: ServiceDeps, actor: Actor, input: { programmeId: string }): Promise<Result<DirectorOverview>> {
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const { programme, school } = granted.value;
  const today = schoolToday(deps.clock(), school.timeZone);
  const month = monthOfDay(today);
  const reportMonth = reportMonthFor(today, programme.monthlyReportDay);
  const meetings = await monthMeetings(deps, programme._id, month);
  const expected = await expectedMentors(deps, programme._id, reportMonth);
  const reports = await deps.store.monthlyReports.ofProgramme(programme._id, [reportMonth]);
  const finals = await deps.store.finalReports.ofProgramme(programme._id);
  return ok({
    programmeId: programme._id,
    school: school.name,
    year: programme.academicYear,
    activePairs: (await deps.store.pairs.ofProgramme(programme._id, ["active"])).length,
    month,
    meetingsConfirmed: meetings.filter((m) => m.meeting.status === "confirmed").length,
    meetingsAll: meetings.length,
    reportMonth,
    reported: reports.filter((r) => expected.some((m) => m._id === r.mentorId)).length,
    expected: expected.length,
    toApprove: finals.filter((r) => r.role === "mentor" && r.approvedAt === null).length,
    plansToApprove: (await deps.store.plans.ofProgramme(programme._id, "acknowledged")).length,
    openFlags: (await deps.store.flags.ofProgramme(programme._id)).filter((f) => f.handledAt === null).length,
  });
}

export interface PlanRow {
  pairId: string;
  menteeId: string;
  mentee: NoticeVar;
  mentor: NoticeVar;
  version: number;
}

/** The individual plans waiting for approval, paged; each opens the plan, where «Утверждаю» is. */
export async function directorPlans(deps: ServiceDeps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<{ programmeId: string; page: Page<PlanRow> }>> {
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const page = pageOf(await deps.store.plans.ofProgramme(input.programmeId, "acknowledged"), input.page, DIRECTOR_PAGE);
  const pairs = new Map((await Promise.all(page.items.map((p) => deps.store.pairs.get(p.pairId)))).filter((p) => p !== null).map((p) => [p._id, p]));
  const people = await deps.store.memberships.getMany([...page.items.map((p) => p.menteeId), ...[...pairs.values()].map((p) => p.mentorId)]);
  const refs = await personRefs(deps, [...people.values()]);
  return ok({
    programmeId: input.programmeId,
    page: {
      ...page,
      items: page.items.map((p) => ({ pairId: p.pairId, menteeId: p.menteeId, mentee: refs.get(p.menteeId) ?? "—", mentor: refs.get(pairs.get(p.pairId)?.mentorId ?? "") ?? "—", version: p.version })),
    },
  });
}

export interface PairRow {
  pairId: string;
  status: PairStatus;
  mentor: NoticeVar;
  mentees: NoticeVar[];
  meetingsConfirmed: number;
}

export const DIRECTOR_PAGE = 10;

/** The programme's active and ended pairs, with their confirmed meetings, paged. */
export async function directorPairs(deps: ServiceDeps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<{ programmeId: string; page: Page<PairRow> }>> {
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const pairs = await deps.store.pairs.ofProgramme(input.programmeId, ["active", "ended"]);
  pairs.sort((a, b) => Number(a.status !== "active") - Number(b.status !== "active"));
  const page = pageOf(pairs, input.page, DIRECTOR_PAGE);
  const people = await deps.store.memberships.getMany(page.items.flatMap((p) => [p.mentorId, ...p.menteeIds]));
  const refs = await personRefs(deps, [...people.values()]);
  const rows: PairRow[] = [];
  for (const p of page.items) {
    const confirmed = (await deps.store.meetings.ofPair(p._id)).filter((m) => m.status === "confirmed").length;
    rows.push({ pairId: p._id, status: p.status, mentor: refs.get(p.mentorId) ?? "—", mentees: p.menteeIds.map((id) => refs.get(id) ?? "—"), meetingsConfirmed: confirmed });
  }
  return ok({ programmeId: input.programmeId, page: { ...page, items: rows } });
}

export interface MeetingRow {
  day: Date;
  type: MeetingType;
  status: MeetingStatus;
  mentor: NoticeVar;
}

/** This month's meetings of the programme (school time), the earliest first, paged. */
export async function directorMeetings(deps: ServiceDeps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<{ programmeId: string; month: Month; page: Page<MeetingRow> }>> {
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const month = monthOfDay(schoolToday(deps.clock(), granted.value.school.timeZone));
  const all = await monthMeetings(deps, input.programmeId, month);
  const page = pageOf(all, input.page, DIRECTOR_PAGE);
  const mentors = await deps.store.memberships.getMany(page.items.map((m) => m.pair.mentorId));
  const refs = await personRefs(deps, [...mentors.values()]);
  return ok({
    programmeId: input.programmeId,
    month,
    page: { ...page, items: page.items.map(({ pair, meeting }) => ({ day: meeting.day, type: meeting.type, status: meeting.status, mentor: refs.get(pair.mentorId) ?? "—" })) },
  });
}
