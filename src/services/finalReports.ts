import { schoolToday } from "../domain/dates.js";
import { pageOf, type Page } from "../domain/paging.js";
import { FINAL_QUESTIONS, checkFinalAnswers, finalDueDay, pairEndDay, type FinalAnswers, type FinalRole } from "../domain/reports.js";
import { claimKeys } from "../store/claimKeys.js";
import type { FinalReport } from "../store/finalReports.js";
import type { Pair } from "../store/pairs.js";
import { authorize } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { msg, tellCurators, type NoticeVar } from "./notices.js";
import { personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";

// Final reports (2.13–2.14): within 10 days of a pair's end, the mentor reports on each mentee's
// plan and each mentee on the process with an evaluation of the mentor. The director approves
// the mentor's report. The director reads the mentors' reports only: a mentee's report (often a
// child's words about an adult) is for the curators. The requests, reminders and the overdue
// list are the job in jobs/reports.ts.

/** One report the person still has to write for a pair: as whom, about which mentee. */
export interface FinalTask {
  pairId: string;
  role: FinalRole;
  menteeId: string;
  mentee: NoticeVar;
  due: { date: Date; timeZone: string };
}

/** The reports of an ended pair that the actor has not written yet (the first is asked next). */
export async function finalTasks(deps: ServiceDeps, actor: Actor, input: { pairId: string }): Promise<Result<FinalTask[]>> {
  const granted = await authorize(deps, actor, { kind: "pair-party", pairId: input.pairId });
  if (!granted.ok) return granted;
  const { pair, me, school } = granted.value;
  const endDay = pairEndDay(pair, schoolToday(deps.clock(), school.timeZone), school.timeZone);
  if (!endDay) return refuse("rule", "final-report-not-ended");
  const written = new Set((await deps.store.finalReports.ofPair(pair._id)).filter((r) => r.authorId === me._id).map((r) => r.menteeId));
  const menteeIds = me._id === pair.mentorId ? pair.menteeIds : pair.menteeIds.filter((id) => id === me._id);
  const refs = await personRefs(deps, [...(await deps.store.memberships.getMany(menteeIds)).values()]);
  const role: FinalRole = me._id === pair.mentorId ? "mentor" : "mentee";
  return ok(
    menteeIds
      .filter((id) => !written.has(id))
      .map((menteeId) => ({ pairId: pair._id, role, menteeId, mentee: refs.get(menteeId) ?? "—", due: { date: finalDueDay(endDay), timeZone: "UTC" } })),
  );
}

/** Saves a final report, once per pair, author and mentee; the curators (and for a mentor's report the director) are told. */
export async function submitFinalReport(deps: ServiceDeps, actor: Actor, input: { pairId: string; menteeId: string; answers: FinalAnswers }): Promise<Result<FinalReport>> {
  const granted = await authorize(deps, actor, { kind: "pair-party", pairId: input.pairId });
  if (!granted.ok) return granted;
  const { pair, me, school } = granted.value;
  if (!pairEndDay(pair, schoolToday(deps.clock(), school.timeZone), school.timeZone)) return refuse("rule", "final-report-not-ended");
  const role: FinalRole = me._id === pair.mentorId ? "mentor" : "mentee";
  if (!pair.menteeIds.includes(input.menteeId) || (role === "mentee" && input.menteeId !== me._id)) return refuse("not-allowed");
  if (!checkFinalAnswers(role, input.answers)) return refuse("rule", "final-report-incomplete");
  const now = deps.clock();
  if (!(await deps.store.claims.claim(claimKeys.finalReport(pair._id, me._id, input.menteeId), "final-report", actor.userId, now))) return refuse("stale", "final-report-already");
  const report = await deps.store.finalReports.insert({ programmeId: pair.programmeId, pairId: pair._id, role, authorId: me._id, menteeId: input.menteeId, answers: input.answers, submittedAt: now });
  deps.logger.info({ reportId: report._id, pairId: pair._id, role }, "final report sent");
  const refs = await personRefs(deps, [...(await deps.store.memberships.getMany([me._id, input.menteeId])).values()]);
  const vars = { author: refs.get(me._id) ?? "—", mentee: refs.get(input.menteeId) ?? "—" };
  const read = [[{ label: msg("final-report-read"), action: { type: "finalRead" as const, finalReportId: report._id } }]];
  await tellCurators(deps, pair.programmeId, { key: `final-report-submitted-${role}`, vars, actions: read });
  if (role === "mentor") {
    for (const director of await deps.store.memberships.ofProgramme(pair.programmeId, "director")) {
      await deps.notices.send({ to: director.userId, key: "final-report-to-approve", vars, actions: read });
    }
  }
  return ok(report);
}

export interface FinalReading {
  report: FinalReport;
  author: NoticeVar;
  mentee: NoticeVar;
  /** The questions in order, for showing the answers. */
  questions: readonly { id: string; kind: string }[];
  /** Whether the reader may approve it now (a director, a mentor's report not yet approved). */
  canApprove: boolean;
  timeZone: string;
}

/** Who of the programme's staff may read a report: the curators all; the director the mentors'. */
async function staffFor(deps: ServiceDeps, actor: Actor, report: FinalReport) {
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: report.programmeId });
  if (!granted.ok) return granted;
  if (granted.value.staff.role === "director" && report.role !== "mentor") return refuse("not-allowed");
  return granted;
}

export async function readFinalReport(deps: ServiceDeps, actor: Actor, input: { finalReportId: string }): Promise<Result<FinalReading>> {
  const report = await deps.store.finalReports.get(input.finalReportId);
  if (!report) return refuse("not-allowed");
  const granted = await staffFor(deps, actor, report);
  if (!granted.ok) return granted;
  const refs = await personRefs(deps, [...(await deps.store.memberships.getMany([report.authorId, report.menteeId])).values()]);
  return ok({
    report,
    author: refs.get(report.authorId) ?? "—",
    mentee: refs.get(report.menteeId) ?? "—",
    questions: FINAL_QUESTIONS[report.role],
    canApprove: granted.value.staff.role === "director" && report.role === "mentor" && report.approvedAt === null,
    timeZone: granted.value.school.timeZone,
  });
}

/** The director approves a mentor's final report (3.1): once, whoever presses how often; the mentor and the curators are told. */
export async function approveFinalReport(deps: ServiceDeps, actor: Actor, input: { finalReportId: string }): Promise<Result<FinalReport>> {
  const report = await deps.store.finalReports.get(input.finalReportId);
  if (!report) return refuse("not-allowed");
  const director = await deps.store.memberships.find(actor.userId, report.programmeId, "director");
  if (!director) return refuse("not-allowed");
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: report.programmeId });
  if (!granted.ok) return granted;
  if (report.role !== "mentor") return refuse("rule", "final-report-not-approvable");
  const now = deps.clock();
  if (report.approvedAt !== null || !(await deps.store.claims.claim(claimKeys.finalApproved(report._id), "final-approved", actor.userId, now))) return refuse("stale", "final-report-already-approved");
  await deps.store.finalReports.approve(report._id, actor.userId, now);
  deps.logger.info({ reportId: report._id }, "final report approved");
  const refs = await personRefs(deps, [...(await deps.store.memberships.getMany([report.authorId, report.menteeId])).values()]);
  const vars = { author: refs.get(report.authorId) ?? "—", mentee: refs.get(report.menteeId) ?? "—" };
  const author = await deps.store.memberships.get(report.authorId);
  if (author) await deps.notices.send({ to: author.userId, key: "final-report-approved", vars: { mentee: vars.mentee } });
  await tellCurators(deps, report.programmeId, { key: "final-report-approved-staff", vars });
  return ok({ ...report, approvedAt: now, approvedBy: actor.userId });
}

export interface FinalListRow {
  reportId: string;
  role: FinalRole;
  author: NoticeVar;
  mentee: NoticeVar;
  approved: boolean;
}

export const FINAL_LIST_PAGE = 10;

/** The programme's final reports: not yet approved first; the director sees the mentors' only. */
export async function finalReportsList(deps: ServiceDeps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<{ programmeId: string; page: Page<FinalListRow> }>> {
  const granted = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const director = granted.value.staff.role === "director";
  const reports = (await deps.store.finalReports.ofProgramme(input.programmeId)).filter((r) => !director || r.role === "mentor");
  const ids = [...new Set(reports.flatMap((r) => [r.authorId, r.menteeId]))];
  const refs = await personRefs(deps, [...(await deps.store.memberships.getMany(ids)).values()]);
  const rows = reports.map((r) => ({ reportId: r._id, role: r.role, author: refs.get(r.authorId) ?? "—", mentee: refs.get(r.menteeId) ?? "—", approved: r.approvedAt !== null }));
  rows.sort((a, b) => Number(a.approved || a.role !== "mentor") - Number(b.approved || b.role !== "mentor"));
  return ok({ programmeId: input.programmeId, page: pageOf(rows, input.page, FINAL_LIST_PAGE) });
}

/** The reports a pair still owes: per author membership, the mentees whose report is missing. */
export function missingFinalReports(pair: Pick<Pair, "mentorId" | "menteeIds">, written: readonly Pick<FinalReport, "authorId" | "menteeId">[]): { authorId: string; role: FinalRole; menteeIds: string[] }[] {
  const has = (authorId: string, menteeId: string) => written.some((r) => r.authorId === authorId && r.menteeId === menteeId);
  const out: { authorId: string; role: FinalRole; menteeIds: string[] }[] = [];
  const mentorMissing = pair.menteeIds.filter((id) => !has(pair.mentorId, id));
  if (mentorMissing.length) out.push({ authorId: pair.mentorId, role: "mentor", menteeIds: mentorMissing });
  for (const id of pair.menteeIds) if (!has(id, id)) out.push({ authorId: id, role: "mentee", menteeIds: [id] });
  return out;
}
