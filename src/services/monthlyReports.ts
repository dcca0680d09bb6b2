import { schoolToday } from "../domain/dates.js";
import { pageOf, type Page } from "../domain/paging.js";
import { MONTHLY_FIELDS, MONTHLY_REPORT_DAY_CHOICES, REPORT_TEXT_MAX, dayInMonth, isMonth, monthBounds, monthOfDay, reportMonthFor, reportableMonths, type Month, type MonthlyField } from "../domain/reports.js";
import { checkText } from "../domain/text.js";
import { claimKeys } from "../store/claimKeys.js";
import type { Membership } from "../store/memberships.js";
import type { MonthlyEntry, MonthlyReport } from "../store/monthlyReports.js";
import type { Pair } from "../store/pairs.js";
import type { Programme } from "../store/programmes.js";
import { authorize } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { msg, type MessageRef, type Notice, type NoticeVar } from "./notices.js";
import { personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";

// The mentor's monthly report (4.2): per mentee, progress, difficulties and plans, pre-filled
// from the month's confirmed meetings and the plan items done, so that a month with nothing
// unusual is sent in two taps. Curators and the director are told, read it, and see per month
// who has and has not reported. The reminders are the job in jobs/reports.ts.

/** A month as message data: «ноябрь 2026» in the reader's language. */
export const monthRef = (month: Month): MessageRef => {
  const [y, m] = month.split("-").map(Number) as [number, number];
  // The year as text: Fluent would group a number's digits («2 026»).
  return msg("report-month", { m, y: String(y) });
};

/** The titles of a mentee's plan items marked done within the month (by the day they were marked). */
export async function planItemsDoneIn(deps: Pick<ServiceDeps, "store">, pair: Pair, menteeId: string, month: Month): Promise<string[]> {
  const plan = await deps.store.plans.of(pair._id, menteeId);
  return (plan?.items ?? []).filter((item) => item.done !== null && dayInMonth(item.done.at, month)).map((item) => item.title);
}

/** Whether a pair ran during some of the month: started by its end, and not ended before it began. */
export function pairRanIn(pair: Pair, month: Month): boolean {
  const { first, next } = monthBounds(month);
  if (pair.status !== "active" && pair.status !== "ended") return false;
  if (pair.startDate.getTime() >= next.getTime()) return false;
  if (pair.status === "ended" && (pair.endedAt ?? pair.plannedEnd).getTime() < first.getTime()) return false;
  return true;
}

/** A mentor's pairs that ran in the month. */
async function mentorPairs(deps: Pick<ServiceDeps, "store">, mentor: Membership, month: Month): Promise<Pair[]> {
  const pairs = await deps.store.pairs.ofMember(mentor._id, ["active", "ended"]);
  return pairs.filter((p) => p.mentorId === mentor._id && pairRanIn(p, month));
}

/** The parts of a report as pre-filled: per mentee, the month's confirmed meetings and items done. */
async function prefill(deps: Pick<ServiceDeps, "store">, pairs: readonly Pair[], month: Month): Promise<MonthlyEntry[]> {
  const entries: MonthlyEntry[] = [];
  for (const pair of pairs) {
    const meetings = (await deps.store.meetings.ofPair(pair._id)).filter((m) => m.status === "confirmed" && dayInMonth(m.day, month));
    for (const menteeId of pair.menteeIds) {
      entries.push({
        menteeId,
        meetings: meetings.map((m) => ({ day: m.day, topic: m.topic })),
        itemsDone: await planItemsDoneIn(deps, pair, menteeId, month),
        progress: null,
        difficulties: null,
        plans: null,
      });
    }
  }
  return entries;
}

export interface MonthlyDraft {
  mentor: Membership;
  month: Month;
  entries: (MonthlyEntry & { mentee: NoticeVar })[];
  /** The report already sent for the month, if any. */
  sent: MonthlyReport | null;
}

/** Reads the mentor and checks the month is one they may report for today. */
async function mentorAndMonth(deps: ServiceDeps, actor: Actor, membershipId: string, month: string): Promise<Result<{ mentor: Membership; programme: Programme; month: Month }>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId, role: "mentor" });
  if (!granted.ok) return granted;
  if (!isMonth(month)) return refuse("rule", "monthly-report-bad-month");
  const today = schoolToday(deps.clock(), granted.value.school.timeZone);
  if (!reportableMonths(today, granted.value.programme.monthlyReportDay).includes(month)) return refuse("rule", "monthly-report-bad-month");
  return ok({ mentor: granted.value.me, programme: granted.value.programme, month });
}

/** The report as it would be sent now (or as it was sent). */
export async function monthlyDraft(deps: ServiceDeps, actor: Actor, input: { membershipId: string; month: string }): Promise<Result<MonthlyDraft>> {
  const checked = await mentorAndMonth(deps, actor, input.membershipId, input.month);
  if (!checked.ok) return checked;
  const { mentor, month } = checked.value;
  const sent = await deps.store.monthlyReports.ofMentor(mentor._id, month);
  const entries = sent ? sent.entries : await prefill(deps, await mentorPairs(deps, mentor, month), month);
  if (entries.length === 0) return refuse("rule", "monthly-report-no-mentees");
  const refs = await personRefs(deps, [...(await deps.store.memberships.getMany(entries.map((e) => e.menteeId))).values()]);
  return ok({ mentor, month, sent, entries: entries.map((e) => ({ ...e, mentee: refs.get(e.menteeId) ?? "—" })) });
}

/** The mentor's own words for some fields of some mentees (the rest stays as pre-filled). */
export type MonthlyEdits = Record<string, Partial<Record<MonthlyField, string>>>;

/**
 * Sends the month's report: once per mentor and month (a claim), whoever presses how often;
 * the curators and the director are told once. A second send answers that it is already sent.
 */
export async function submitMonthlyReport(deps: ServiceDeps, actor: Actor, input: { membershipId: string; month: string; edits?: MonthlyEdits }): Promise<Result<MonthlyReport>> {
  const checked = await mentorAndMonth(deps, actor, input.membershipId, input.month);
  if (!checked.ok) return checked;
  const { mentor, month, programme } = checked.value;
  const entries = await prefill(deps, await mentorPairs(deps, mentor, month), month);
  if (entries.length === 0) return refuse("rule", "monthly-report-no-mentees");
  for (const [menteeId, fields] of Object.entries(input.edits ?? {})) {
    const entry = entries.find((e) => e.menteeId === menteeId);
    if (!entry) return refuse("stale");
    for (const [field, text] of Object.entries(fields)) {
      if (!(MONTHLY_FIELDS as readonly string[]).includes(field)) return refuse("rule", "input-empty");
      const t = checkText(text, REPORT_TEXT_MAX);
      if (!t.ok) return t.problem === "too-long" ? refuse("rule", "input-too-long", { max: String(REPORT_TEXT_MAX) }) : refuse("rule", "input-empty");
      entry[field as MonthlyField] = t.value;
    }
  }
  const now = deps.clock();
  if (!(await deps.store.claims.claim(claimKeys.monthlyReport(mentor._id, month), "monthly-report", actor.userId, now))) return refuse("stale", "monthly-report-already");
  const report = await deps.store.monthlyReports.insert({ programmeId: programme._id, mentorId: mentor._id, month, entries, submittedAt: now });
  deps.logger.info({ reportId: report._id, mentorId: mentor._id, month }, "monthly report sent");
  const mentorRef = (await personRefs(deps, [mentor])).get(mentor._id) ?? "—";
  await tellStaff(deps, programme._id, {
    key: "monthly-report-submitted",
    vars: { mentor: mentorRef, month: monthRef(month) },
    actions: [[{ label: msg("monthly-report-read"), action: { type: "monthlyRead", reportId: report._id } }]],
  });
  return ok(report);
}

/** Tells every curator and the director(s) of the programme. */
export async function tellStaff(deps: Pick<ServiceDeps, "store" | "notices">, programmeId: string, notice: Omit<Notice, "to">): Promise<number> {
  const staff = [...(await deps.store.memberships.ofProgramme(programmeId, "curator")), ...(await deps.store.memberships.ofProgramme(programmeId, "director"))];
  let delivered = 0;
  for (const userId of new Set(staff.map((s) => s.userId))) if (await deps.notices.send({ ...notice, to: userId })) delivered++;
  return delivered;
}

export interface MonthlyReading {
  report: MonthlyReport;
  mentor: NoticeVar;
  entries: (MonthlyEntry & { mentee: NoticeVar })[];
  timeZone: string;
}

/** A report, for the programme's curators and director, and for the mentor who wrote it. */
export async function readMonthlyReport(deps: ServiceDeps, actor: Actor, input: { reportId: string }): Promise<Result<MonthlyReading>> {
  const report = await deps.store.monthlyReports.get(input.reportId);
  if (!report) return refuse("not-allowed");
  const staff = await authorize(deps, actor, { kind: "staff", programmeId: report.programmeId });
  const granted = staff.ok ? staff : await authorize(deps, actor, { kind: "own", membershipId: report.mentorId });
  if (!granted.ok) return granted;
  const people = await deps.store.memberships.getMany([report.mentorId, ...report.entries.map((e) => e.menteeId)]);
  const refs = await personRefs(deps, [...people.values()]);
  return ok({
    report,
    mentor: refs.get(report.mentorId) ?? "—",
    entries: report.entries.map((e) => ({ ...e, mentee: refs.get(e.menteeId) ?? "—" })),
    timeZone: granted.value.school.timeZone,
  });
}

export interface MonthlyStatusRow {
  mentorId: string;
  mentor: NoticeVar;
  reportId: string | null;
}

export interface MonthlyStatus {
  programmeId: string;
  /** The programme's reminder day, and whether the reader may change it (a curator). */
  reportDay: number;
  canSetDay: boolean;
  month: Month;
  /** The month before and after, when they can be looked at (none after the current month). */
  previous: Month;
  next: Month | null;
  reported: number;
  expected: number;
  /** Who has not reported first, then who has. */
  page: Page<MonthlyStatusRow>;
}

export const MONTHLY_STATUS_PAGE = 15;

/** The mentors expected to report for a month: those with a pair that ran in it. */
export async function expectedMentors(deps: Pick<ServiceDeps, "store">, programmeId: string, month: Month): Promise<Membership[]> {
  const pairs = (await deps.store.pairs.ofProgramme(programmeId, ["active", "ended"])).filter((p) => pairRanIn(p, month));
  const ids = [...new Set(pairs.map((p) => p.mentorId))];
  const mentors = await deps.store.memberships.getMany(ids);
  return ids.map((id) => mentors.get(id)).filter((m): m is Membership => m !== undefined);
}

/** Who has and has not reported for a month, for the curators and the director. */
export async function monthlyStatus(deps: ServiceDeps, actor: Actor, input: { programmeId: string; month?: string; page: number }): Promise<Result<MonthlyStatus>> {
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const today = schoolToday(deps.clock(), granted.value.school.timeZone);
  const current = monthOfDay(today);
  const month = input.month ?? reportMonthFor(today, granted.value.programme.monthlyReportDay);
  if (!isMonth(month) || month > current) return refuse("rule", "monthly-report-bad-month");
  const mentors = await expectedMentors(deps, input.programmeId, month);
  const reports = new Map((await deps.store.monthlyReports.ofProgramme(input.programmeId, [month])).map((r) => [r.mentorId, r._id]));
  const refs = await personRefs(deps, mentors);
  const rows = mentors.map((m) => ({ mentorId: m._id, mentor: refs.get(m._id) ?? "—", reportId: reports.get(m._id) ?? null }));
  rows.sort((a, b) => Number(a.reportId !== null) - Number(b.reportId !== null));
  const { first, next } = monthBounds(month);
  const after = monthOfDay(next);
  return ok({
    programmeId: input.programmeId,
    reportDay: granted.value.programme.monthlyReportDay,
    canSetDay: granted.value.staff.role === "curator",
    month,
    previous: monthOfDay(new Date(first.getTime() - 86_400_000)),
    next: after <= current ? after : null,
    reported: rows.filter((r) => r.reportId !== null).length,
    expected: rows.length,
    page: pageOf(rows, input.page, MONTHLY_STATUS_PAGE),
  });
}

/** The curator sets the day of the month the mentors are reminded (one of MONTHLY_REPORT_DAY_CHOICES). */
export async function setMonthlyReportDay(deps: ServiceDeps, actor: Actor, input: { programmeId: string; day: number; month: string }): Promise<Result<MonthlyStatus>> {
  const granted = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  if (!(MONTHLY_REPORT_DAY_CHOICES as readonly number[]).includes(input.day)) return refuse("stale");
  await deps.store.programmes.setMonthlyReportDay(input.programmeId, input.day);
  deps.logger.info({ programmeId: input.programmeId, day: input.day }, "monthly report day set");
  return monthlyStatus(deps, actor, { programmeId: input.programmeId, page: 0, ...(input.month === "now" ? {} : { month: input.month }) });
}

/** The month a mentor is asked to report for today, and whether it is sent (for the pair menu's button). */
export async function monthlyAsk(deps: ServiceDeps, actor: Actor, input: { membershipId: string }): Promise<Result<{ month: Month; sent: boolean }>> {
  const granted = await authorize(deps, actor, { kind: "own", membershipId: input.membershipId, role: "mentor" });
  if (!granted.ok) return granted;
  const month = reportMonthFor(schoolToday(deps.clock(), granted.value.school.timeZone), granted.value.programme.monthlyReportDay);
  return ok({ month, sent: (await deps.store.monthlyReports.ofMentor(input.membershipId, month)) !== null });
}
