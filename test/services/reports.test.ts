import { describe, expect, it } from "vitest";
import { approveFinalReport, finalReportsList, finalTasks, readFinalReport, submitFinalReport } from "../../src/services/finalReports.js";
import { monthlyDraft, monthlyStatus, readMonthlyReport, setMonthlyReportDay, submitMonthlyReport } from "../../src/services/monthlyReports.js";
import { directorOverview, directorPairs, directorPlans } from "../../src/services/director.js";
import { finalReportJob, monthlyReportJob } from "../../src/jobs/reports.js";
import type { MeetingStatus } from "../../src/domain/meetings.js";
import { activePairInStore, newUserId, pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// Reports without a messenger: the monthly report pre-filled and claimed, who reported, final
// reports and their approval, the jobs' load and due over the store.

const f = useServices({ now: new Date("2026-11-26T09:00:00Z") });
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

async function world() {
  const s = pairsSetup(f);
  const { programmeId, curator } = await s.programme();
  const director = { userId: newUserId() };
  await f.store.memberships.add({ userId: director.userId, programmeId, role: "director", category: null, grade: null, invitationId: null }, f.deps.clock());
  const mentor = await s.teacherMentor(programmeId, "Ирина Орлова");
  const mentee = await s.teacherMentee(programmeId, "Анна Новикова");
  const other = await s.teacherMentor(programmeId, "Павел Смирнов");
  const otherMentee = await s.teacherMentee(programmeId, "Олег Юрьев");
  const pair = await activePair(programmeId, mentor.id, [mentee.id]);
  await activePair(programmeId, other.id, [otherMentee.id]);
  return { programmeId, curator, director, mentor, mentee, other, pair };
}

async function activePair(programmeId: string, mentorId: string, menteeIds: string[]) {
  return activePairInStore(f.store, { programmeId, mentorId, menteeIds, at: f.deps.clock(), parties: [] });
}

async function meeting(pair: { _id: string; programmeId: string; mentorId: string }, on: Date, status: MeetingStatus, topic: string) {
  await f.store.meetings.insert({ _id: f.store.meetings.newId(), pairId: pair._id, programmeId: pair.programmeId, type: "working", format: "in-person", day: on, topic, status, loggedBy: pair.mentorId, createdAt: f.deps.clock() });
}

describe("monthly report", () => {
  it("is pre-filled from the month's confirmed meetings only", async () => {
    const w = await world();
    await meeting(w.pair, day(2026, 11, 3), "confirmed", "Знакомство с коллективом");
    await meeting(w.pair, day(2026, 11, 30), "confirmed", "Открытый урок");
    await meeting(w.pair, day(2026, 11, 10), "disputed", "Не было");
    await meeting(w.pair, day(2026, 12, 1), "confirmed", "Уже декабрь");
    await meeting(w.pair, day(2026, 10, 31), "confirmed", "Ещё октябрь");
    const draft = await monthlyDraft(f.deps, w.mentor.actor, { membershipId: w.mentor.id, month: "2026-11" });
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    expect(draft.value.entries).toHaveLength(1);
    expect(draft.value.entries[0]!.meetings.map((m) => m.topic)).toEqual(["Знакомство с коллективом", "Открытый урок"]);
    expect(draft.value.entries[0]!.itemsDone).toEqual([]);
  });

  it("pressed 30 times at once: one record, one notice to each curator and director", async () => {
    const w = await world();
    const results = await Promise.all(Array.from({ length: 30 }, () => submitMonthlyReport(f.deps, w.mentor.actor, { membershipId: w.mentor.id, month: "2026-11" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "monthly-report-already")).toBe(true);
    expect(await f.store.monthlyReports.ofProgramme(w.programmeId, ["2026-11"])).toHaveLength(1);
    expect(f.deps.notices.keys(w.curator.userId)).toEqual(["monthly-report-submitted"]);
    expect(f.deps.notices.keys(w.director.userId)).toEqual(["monthly-report-submitted"]);
  });

  it("keeps the mentor's own words and refuses bad ones", async () => {
    const w = await world();
    const long = await submitMonthlyReport(f.deps, w.mentor.actor, { membershipId: w.mentor.id, month: "2026-11", edits: { [w.mentee.id]: { progress: "x".repeat(1001) } } });
    expect(long.ok || long.reason).toBe("input-too-long");
    const empty = await submitMonthlyReport(f.deps, w.mentor.actor, { membershipId: w.mentor.id, month: "2026-11", edits: { [w.mentee.id]: { plans: "   " } } });
    expect(empty.ok || empty.reason).toBe("input-empty");
    const stranger = await submitMonthlyReport(f.deps, w.mentor.actor, { membershipId: w.mentor.id, month: "2026-11", edits: { [w.other.id]: { plans: "чужое" } } });
    expect(stranger.ok).toBe(false);
    expect(await f.store.monthlyReports.ofMentor(w.mentor.id, "2026-11")).toBeNull();
    const sent = await submitMonthlyReport(f.deps, w.mentor.actor, { membershipId: w.mentor.id, month: "2026-11", edits: { [w.mentee.id]: { difficulties: "Мало времени" } } });
    expect(sent.ok && sent.value.entries[0]!.difficulties).toBe("Мало времени");
    expect(sent.ok && sent.value.entries[0]!.progress).toBeNull();
  });

  it("refuses a month not open now, someone else's membership, and a mentee", async () => {
    const w = await world();
    for (const month of ["2026-13", "2026-12", "2026-10", "2027-01"]) {
      const r = await submitMonthlyReport(f.deps, w.mentor.actor, { membershipId: w.mentor.id, month });
      expect(r.ok || r.reason, month).toBe("monthly-report-bad-month");
    }
    expect((await submitMonthlyReport(f.deps, w.other.actor, { membershipId: w.mentor.id, month: "2026-11" })).ok).toBe(false);
    expect((await submitMonthlyReport(f.deps, w.mentee.actor, { membershipId: w.mentee.id, month: "2026-11" })).ok).toBe(false);
  });

  it("the curator and the director see who has reported; the mentors do not", async () => {
    const w = await world();
    const sent = await submitMonthlyReport(f.deps, w.mentor.actor, { membershipId: w.mentor.id, month: "2026-11" });
    for (const staff of [w.curator, w.director]) {
      const status = await monthlyStatus(f.deps, staff, { programmeId: w.programmeId, page: 0 });
      expect(status.ok && { month: status.value.month, reported: status.value.reported, expected: status.value.expected }).toEqual({ month: "2026-11", reported: 1, expected: 2 });
      // Who has not reported comes first.
      expect(status.ok && status.value.page.items.map((r) => r.reportId !== null)).toEqual([false, true]);
      expect(status.ok && status.value.next).toBeNull();
      const reading = await readMonthlyReport(f.deps, staff, { reportId: sent.ok ? sent.value._id : "" });
      expect(reading.ok).toBe(true);
    }
    expect((await monthlyStatus(f.deps, w.mentor.actor, { programmeId: w.programmeId, page: 0 })).ok).toBe(false);
    expect((await readMonthlyReport(f.deps, w.other.actor, { reportId: sent.ok ? sent.value._id : "" })).ok).toBe(false);
    const october = await monthlyStatus(f.deps, w.director, { programmeId: w.programmeId, month: "2026-10", page: 0 });
    expect(october.ok && october.value.reported).toBe(0);
    expect((await monthlyStatus(f.deps, w.director, { programmeId: w.programmeId, month: "2026-12", page: 0 })).ok).toBe(false);
  });

  it("the curator sets the reminder day; the job follows it; the director and a mentor cannot", async () => {
    const w = await world();
    // The bot's day here is in late November: with the default 25th, the 20th is no reminder day.
    const on20 = new Date("2026-11-20T09:00:00Z");
    const remindedOn = async (now: Date) => monthlyReportJob.due(now, await monthlyReportJob.load(f.deps, now)).filter((d) => d.key.startsWith("monthly-report:")).length;
    expect(await remindedOn(on20)).toBe(0);
    const set = await setMonthlyReportDay(f.deps, w.curator, { programmeId: w.programmeId, day: 20, month: "now" });
    expect(set.ok && { day: set.value.reportDay, canSet: set.value.canSetDay }).toEqual({ day: 20, canSet: true });
    expect((await f.store.programmes.get(w.programmeId))?.monthlyReportDay).toBe(20);
    expect(await remindedOn(on20)).toBe(2);
    for (const who of [w.director, w.mentor.actor]) expect((await setMonthlyReportDay(f.deps, who, { programmeId: w.programmeId, day: 28, month: "now" })).ok).toBe(false);
    expect(await setMonthlyReportDay(f.deps, w.curator, { programmeId: w.programmeId, day: 15, month: "now" })).toMatchObject({ ok: false, kind: "stale" });
    expect((await f.store.programmes.get(w.programmeId))?.monthlyReportDay).toBe(20);
    const asDirector = await monthlyStatus(f.deps, w.director, { programmeId: w.programmeId, page: 0 });
    expect(asDirector.ok && asDirector.value.canSetDay).toBe(false);
  });

  it("the job reminds exactly the mentors without a report, then tells the staff who is late", async () => {
    const w = await world();
    await submitMonthlyReport(f.deps, w.mentor.actor, { membershipId: w.mentor.id, month: "2026-11" });
    const now = f.deps.clock();
    const due = monthlyReportJob.due(now, await monthlyReportJob.load(f.deps, now));
    const reminded = due.filter((d) => d.key.startsWith("monthly-report:"));
    expect(reminded.map((d) => d.key)).toEqual([`monthly-report:${w.other.id}:2026-11`]);
    expect(reminded[0]!.notice.to).toBe(w.other.actor.userId);
    const dec3 = new Date("2026-12-03T09:00:00Z");
    const late = monthlyReportJob.due(dec3, await monthlyReportJob.load(f.deps, dec3));
    expect(late.map((d) => d.key).sort()).toEqual([`monthly-late:${w.curator.userId}:2026-11`, `monthly-late:${w.director.userId}:2026-11`].sort());
  });

  it("the director's overview counts the month's meetings and reports", async () => {
    const w = await world();
    await meeting(w.pair, day(2026, 11, 3), "confirmed", "a");
    await meeting(w.pair, day(2026, 11, 4), "logged", "b");
    const o = await directorOverview(f.deps, w.director, { programmeId: w.programmeId });
    expect(o.ok && { pairs: o.value.activePairs, confirmed: o.value.meetingsConfirmed, all: o.value.meetingsAll, expected: o.value.expected }).toEqual({ pairs: 2, confirmed: 1, all: 2, expected: 2 });
    const pairs = await directorPairs(f.deps, w.director, { programmeId: w.programmeId, page: 0 });
    expect(pairs.ok && pairs.value.page.total).toBe(2);
    expect((await directorOverview(f.deps, w.mentor.actor, { programmeId: w.programmeId })).ok).toBe(false);
  });

  it("the director's overview counts the plans waiting for approval and the open flags, and lists the plans", async () => {
    const w = await world();
    const now = f.deps.clock();
    const plan = await f.store.plans.ensure({ pairId: w.pair._id, programmeId: w.programmeId, menteeId: w.mentee.id }, now);
    await f.store.plans.update(plan._id, (p) => ({ plan: { ...p, status: "acknowledged" as const }, result: true }));
    await f.store.flags.insert({ _id: f.store.flags.newId(), pairId: w.pair._id, programmeId: w.programmeId, raisedBy: w.mentee.id, source: "button", raisedAt: now });
    const handled = await f.store.flags.insert({ _id: f.store.flags.newId(), pairId: w.pair._id, programmeId: w.programmeId, raisedBy: w.mentor.id, source: "button", raisedAt: now });
    await f.store.flags.markHandled(handled._id, "curator", "ok", now);
    const o = await directorOverview(f.deps, w.director, { programmeId: w.programmeId });
    expect(o.ok && { plans: o.value.plansToApprove, flags: o.value.openFlags }).toEqual({ plans: 1, flags: 1 });
    const plans = await directorPlans(f.deps, w.director, { programmeId: w.programmeId, page: 0 });
    expect(plans.ok && plans.value.page.items.map((p) => [p.pairId, p.menteeId])).toEqual([[w.pair._id, w.mentee.id]]);
    expect((await directorPlans(f.deps, w.mentor.actor, { programmeId: w.programmeId, page: 0 })).ok).toBe(false);
  });
});

describe("final reports", () => {
  const mentorAnswers = { progress: "План выполнен", qualities: "Мотивирована", difficulties: "Нет", recommendations: "Продолжать", readiness: "ready" };
  const menteeAnswers = { "how-it-went": "Хорошо", helped: "Встречи", hard: "Время", "mentor-score": 9, "mentor-words": "Внимательная", recommend: "yes" };

  it("are refused while the pair works, then each side writes once; the director approves the mentor's once", async () => {
    const w = await world();
    expect((await finalTasks(f.deps, w.mentor.actor, { pairId: w.pair._id })).ok).toBe(false);
    await f.store.pairs.move(w.pair._id, "active", "ended", { endedAt: new Date("2026-11-20T10:00:00Z") });
    const tasks = await finalTasks(f.deps, w.mentor.actor, { pairId: w.pair._id });
    expect(tasks.ok && tasks.value.map((t) => [t.role, t.menteeId])).toEqual([["mentor", w.mentee.id]]);
    const incomplete = await submitFinalReport(f.deps, w.mentor.actor, { pairId: w.pair._id, menteeId: w.mentee.id, answers: { ...mentorAnswers, readiness: "maybe" } });
    expect(incomplete.ok || incomplete.reason).toBe("final-report-incomplete");
    const results = await Promise.all(Array.from({ length: 10 }, () => submitFinalReport(f.deps, w.mentor.actor, { pairId: w.pair._id, menteeId: w.mentee.id, answers: mentorAnswers })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const report = results.find((r) => r.ok)!;
    if (!report.ok) return;
    expect(f.deps.notices.keys(w.director.userId)).toEqual(["final-report-to-approve"]);
    expect(f.deps.notices.keys(w.curator.userId)).toEqual(["final-report-submitted-mentor"]);
    // A mentee writes only their own.
    expect((await submitFinalReport(f.deps, w.mentee.actor, { pairId: w.pair._id, menteeId: w.mentee.id, answers: mentorAnswers })).ok).toBe(false);
    const mine = await submitFinalReport(f.deps, w.mentee.actor, { pairId: w.pair._id, menteeId: w.mentee.id, answers: menteeAnswers });
    expect(mine.ok).toBe(true);
    // The curator may not approve; the director approves once.
    expect((await approveFinalReport(f.deps, w.curator, { finalReportId: report.value._id })).ok).toBe(false);
    f.deps.notices.clear();
    const approvals = await Promise.all(Array.from({ length: 10 }, () => approveFinalReport(f.deps, w.director, { finalReportId: report.value._id })));
    expect(approvals.filter((r) => r.ok)).toHaveLength(1);
    expect(f.deps.notices.keys(w.mentor.actor.userId)).toEqual(["final-report-approved"]);
    expect((await f.store.finalReports.get(report.value._id))?.approvedBy).toBe(w.director.userId);
    // The mentee's report is not for approval, nor for the director's eyes.
    if (mine.ok) {
      expect((await approveFinalReport(f.deps, w.director, { finalReportId: mine.value._id })).ok).toBe(false);
      expect((await readFinalReport(f.deps, w.director, { finalReportId: mine.value._id })).ok).toBe(false);
      expect((await readFinalReport(f.deps, w.curator, { finalReportId: mine.value._id })).ok).toBe(true);
    }
    const list = await finalReportsList(f.deps, w.director, { programmeId: w.programmeId, page: 0 });
    expect(list.ok && list.value.page.items.map((r) => r.role)).toEqual(["mentor"]);
  });

  it("the job asks both sides, reminds on day 3 and 8, and gives the curator the overdue list", async () => {
    const w = await world();
    await f.store.pairs.move(w.pair._id, "active", "ended", { endedAt: new Date("2026-11-20T10:00:00Z") });
    const at = async (iso: string) => {
      const now = new Date(iso);
      return finalReportJob.due(now, await finalReportJob.load(f.deps, now)).map((d) => d.key);
    };
    expect(await at("2026-11-20T12:00:00Z")).toEqual([`final-report:${w.mentor.id}:${w.pair._id}`, `final-report:${w.mentee.id}:${w.pair._id}`]);
    await submitFinalReport(f.deps, w.mentee.actor, { pairId: w.pair._id, menteeId: w.mentee.id, answers: menteeAnswers });
    expect(await at("2026-11-23T12:00:00Z")).toEqual([`final-report:${w.mentor.id}:${w.pair._id}`, `final-remind-3:${w.mentor.id}:${w.pair._id}`]);
    expect(await at("2026-11-28T12:00:00Z")).toContain(`final-remind-8:${w.mentor.id}:${w.pair._id}`);
    expect(await at("2026-12-01T12:00:00Z")).toEqual([`final-overdue:${w.curator.userId}:${w.pair._id}`]);
  });
});
