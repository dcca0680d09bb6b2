import { InlineKeyboard } from "grammy";
import type { MonthlyEntry } from "../../store/monthlyReports.js";
import type { DirectorOverview, MeetingRow, PairRow, PlanRow } from "../../services/director.js";
import type { FinalListRow, FinalReading } from "../../services/finalReports.js";
import { monthRef, monthlyAsk, type MonthlyDraft, type MonthlyReading, type MonthlyStatus } from "../../services/monthlyReports.js";
import type { NoticeVar } from "../../services/notices.js";
import type { Page } from "../../domain/paging.js";
import { MONTHLY_REPORT_DAY_CHOICES, type Month } from "../../domain/reports.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import { renderVar, type Translate } from "../notices.js";
import type { Screen } from "../screen.js";
import { addPager, newRow, pageCount } from "./paging.js";

// The reports' screens (4.2, 2.13–2.14) and the director's overview (3.1).

/** Renders message data in the reader's language. */
async function renderer(ctx: BaseContext): Promise<(v: NoticeVar) => string> {
  const locale = await ctx.i18n.getLocale();
  const t: Translate = (key, vars) => ctx.t(key, vars);
  return (v) => String(renderVar(t, locale, v));
}

const monthText = (ctx: BaseContext, month: Month, r: (v: NoticeVar) => string) => r(monthRef(month));

/** A mentor's pair menu row: the report asked for now (or a note that it is sent). */
export async function addMonthlyReportRow(ctx: BaseContext, keyboard: InlineKeyboard, membershipId: string): Promise<void> {
  const ask = await monthlyAsk(ctx.deps, { userId: ctx.from!.id }, { membershipId });
  if (!ask.ok) return;
  const r = await renderer(ctx);
  const label = ctx.t(ask.value.sent ? "monthly-report-button-sent" : "monthly-report-button", { month: monthText(ctx, ask.value.month, r) });
  addButton(keyboard, label, { type: "monthlyOpen", membershipId, month: ask.value.month }).row();
}

const MEETINGS_SHOWN = 8;

function entryText(ctx: BaseContext, e: MonthlyEntry & { mentee: NoticeVar }, r: (v: NoticeVar) => string, locale: string): string {
  const meetings = e.meetings.slice(0, MEETINGS_SHOWN).map((m) => `${formatDate(m.day, locale, "UTC")} ${m.topic}`);
  if (e.meetings.length > MEETINGS_SHOWN) meetings.push("…");
  return ctx.t("monthly-entry", {
    mentee: r(e.mentee),
    count: e.meetings.length,
    meetings: meetings.length ? meetings.join("; ") : "—",
    items: e.itemsDone.length ? e.itemsDone.join("; ") : "—",
    progress: e.progress ?? ctx.t("monthly-progress-default", { count: e.meetings.length, items: e.itemsDone.length }),
    difficulties: e.difficulties ?? ctx.t("monthly-difficulties-default"),
    plans: e.plans ?? ctx.t("monthly-plans-default"),
  });
}

/** The mentor's draft: what will be sent, with «Отправить как есть» and «Изменить». */
export async function monthlyDraftScreen(ctx: BaseContext, d: MonthlyDraft): Promise<Screen> {
  const r = await renderer(ctx);
  const locale = await ctx.i18n.getLocale();
  const month = monthText(ctx, d.month, r);
  const head = ctx.t(d.sent ? "monthly-sent-title" : "monthly-draft-title", { month });
  const text = [head, ...d.entries.map((e) => entryText(ctx, e, r, locale))].join("\n\n");
  const keyboard = new InlineKeyboard();
  if (!d.sent) {
    addButton(keyboard, ctx.t("monthly-send"), { type: "monthlySend", membershipId: d.mentor._id, month: d.month }).row();
    addButton(keyboard, ctx.t("monthly-edit"), { type: "monthlyEdit", membershipId: d.mentor._id, month: d.month }).row();
  }
  addButton(keyboard, ctx.t("common-menu"), { type: "menuOpen" });
  return { text: text.slice(0, 4000), keyboard };
}

/** A sent report, for the curators, the director and its mentor. */
export async function monthlyReadingScreen(ctx: BaseContext, m: MonthlyReading, programmeId: string): Promise<Screen> {
  const r = await renderer(ctx);
  const locale = await ctx.i18n.getLocale();
  const head = ctx.t("monthly-reading-title", { month: monthText(ctx, m.report.month, r), mentor: r(m.mentor), date: formatDate(m.report.submittedAt, locale, m.timeZone) });
  const text = [head, ...m.entries.map((e) => entryText(ctx, e, r, locale))].join("\n\n");
  const keyboard = new InlineKeyboard();
  addButton(keyboard, ctx.t("monthly-status-open"), { type: "monthlyStatus", programmeId, month: m.report.month, page: 0 }).row();
  addButton(keyboard, ctx.t("common-menu"), { type: "menuOpen" });
  return { text: text.slice(0, 4000), keyboard };
}

/** Who has and has not reported for a month, with the month switcher and the pager. */
export async function monthlyStatusScreen(ctx: BaseContext, s: MonthlyStatus): Promise<Screen> {
  const r = await renderer(ctx);
  const lines = s.page.items.map((row, i) => `${s.page.from + i}. ${row.reportId ? "✅" : "⏳"} ${r(row.mentor)}`);
  const text = [
    ctx.t("monthly-status-title", { month: monthText(ctx, s.month, r), reported: s.reported, expected: s.expected }),
    ctx.t("monthly-day-rule", { day: s.reportDay }),
    lines.length ? lines.join("\n") : ctx.t("monthly-status-empty"),
    s.page.total ? pageCount(ctx, s.page) : "",
  ]
    .filter(Boolean)
    .join("\n\n");
  const keyboard = new InlineKeyboard();
  s.page.items.forEach((row, i) => {
    if (row.reportId) addButton(keyboard, `${s.page.from + i} ✅`, { type: "monthlyRead", reportId: row.reportId });
  });
  newRow(keyboard);
  addPager(keyboard, ctx, s.page, (page) => ({ type: "monthlyStatus", programmeId: s.programmeId, month: s.month, page }));
  if (s.canSetDay) {
    // The reminder day: the one set is marked.
    for (const day of MONTHLY_REPORT_DAY_CHOICES) addButton(keyboard, ctx.t("monthly-day-choice", { mark: day === s.reportDay ? "✅ " : "", day }), { type: "monthlyReportDay", programmeId: s.programmeId, day: String(day) as "20" | "25" | "28", month: s.month });
    keyboard.row();
  }
  addButton(keyboard, `◀️ ${monthText(ctx, s.previous, r)}`, { type: "monthlyStatus", programmeId: s.programmeId, month: s.previous, page: 0 });
  if (s.next) addButton(keyboard, `${monthText(ctx, s.next, r)} ▶️`, { type: "monthlyStatus", programmeId: s.programmeId, month: s.next, page: 0 });
  keyboard.row();
  addButton(keyboard, ctx.t("common-menu"), { type: "menuOpen" });
  return { text, keyboard };
}

/** The director's panel: the programme at a glance, each number a way into its list. */
export async function directorPanelScreen(ctx: BaseContext, o: DirectorOverview): Promise<Screen> {
  const r = await renderer(ctx);
  const text = ctx.t("director-panel", {
    school: o.school,
    year: o.year,
    pairs: o.activePairs,
    month: monthText(ctx, o.month, r),
    confirmed: o.meetingsConfirmed,
    meetings: o.meetingsAll,
    reportMonth: monthText(ctx, o.reportMonth, r),
    reported: o.reported,
    expected: o.expected,
    toApprove: o.toApprove,
    plans: o.plansToApprove,
    flags: o.openFlags,
  });
  const programmeId = o.programmeId;
  const keyboard = new InlineKeyboard();
  addButton(keyboard, ctx.t("director-pairs"), { type: "directorPairs", programmeId, page: 0 });
  addButton(keyboard, ctx.t("director-meetings"), { type: "directorMeetings", programmeId, page: 0 }).row();
  addButton(keyboard, ctx.t("director-monthly"), { type: "monthlyStatus", programmeId, month: o.reportMonth, page: 0 }).row();
  addButton(keyboard, ctx.t("director-finals", { count: o.toApprove }), { type: "finalList", programmeId, page: 0 }).row();
  addButton(keyboard, ctx.t("director-plans", { count: o.plansToApprove }), { type: "directorPlans", programmeId, page: 0 });
  addButton(keyboard, ctx.t("director-flags", { count: o.openFlags }), { type: "flagsList", programmeId, page: 0 }).row();
  addButton(keyboard, ctx.t("common-menu"), { type: "menuOpen" });
  return { text, keyboard };
}

const backToDirector = (ctx: BaseContext, keyboard: InlineKeyboard, programmeId: string) => {
  newRow(keyboard);
  addButton(keyboard, ctx.t("common-back"), { type: "directorPanel", programmeId });
  return keyboard;
};

export async function directorPlansScreen(ctx: BaseContext, programmeId: string, page: Page<PlanRow>): Promise<Screen> {
  const r = await renderer(ctx);
  const lines = page.items.map((p, i) => ctx.t("director-plan-row", { n: page.from + i, mentee: r(p.mentee), mentor: r(p.mentor), version: p.version }));
  const text = [ctx.t("director-plans-title"), lines.length ? lines.join("\n") : ctx.t("director-none"), page.total ? pageCount(ctx, page) : ""].filter(Boolean).join("\n\n");
  const keyboard = new InlineKeyboard();
  page.items.forEach((p, i) => {
    addButton(keyboard, ctx.t("director-plan-open", { n: page.from + i }), { type: "planOpen", pairId: p.pairId, membershipId: p.menteeId, page: 0 });
    if (i % 4 === 3) keyboard.row();
  });
  newRow(keyboard);
  addPager(keyboard, ctx, page, (p) => ({ type: "directorPlans", programmeId, page: p }));
  return { text, keyboard: backToDirector(ctx, keyboard, programmeId) };
}

export async function directorPairsScreen(ctx: BaseContext, programmeId: string, page: Page<PairRow>): Promise<Screen> {
  const r = await renderer(ctx);
  const lines = page.items.map((p, i) =>
    ctx.t("director-pair-row", { n: page.from + i, mentor: r(p.mentor), mentees: p.mentees.map(r).join(", "), status: ctx.t(`director-pair-${p.status}`), meetings: p.meetingsConfirmed }),
  );
  const text = [ctx.t("director-pairs-title"), lines.length ? lines.join("\n") : ctx.t("director-none"), page.total ? pageCount(ctx, page) : ""].filter(Boolean).join("\n\n");
  const keyboard = new InlineKeyboard();
  addPager(keyboard, ctx, page, (p) => ({ type: "directorPairs", programmeId, page: p }));
  return { text, keyboard: backToDirector(ctx, keyboard, programmeId) };
}

export async function directorMeetingsScreen(ctx: BaseContext, programmeId: string, month: Month, page: Page<MeetingRow>): Promise<Screen> {
  const r = await renderer(ctx);
  const locale = await ctx.i18n.getLocale();
  const lines = page.items.map(
    (m, i) => `${page.from + i}. ${formatDate(m.day, locale, "UTC")} · ${ctx.t(`report-meeting-${m.status}`)} · ${r(m.mentor)}`,
  );
  const text = [ctx.t("director-meetings-title", { month: monthText(ctx, month, r) }), lines.length ? lines.join("\n") : ctx.t("director-none"), page.total ? pageCount(ctx, page) : ""]
    .filter(Boolean)
    .join("\n\n");
  const keyboard = new InlineKeyboard();
  addPager(keyboard, ctx, page, (p) => ({ type: "directorMeetings", programmeId, page: p }));
  return { text, keyboard: backToDirector(ctx, keyboard, programmeId) };
}

export async function finalListScreen(ctx: BaseContext, programmeId: string, page: Page<FinalListRow>): Promise<Screen> {
  const r = await renderer(ctx);
  const lines = page.items.map((row, i) =>
    ctx.t("final-list-row", { n: page.from + i, role: row.role, author: r(row.author), mentee: r(row.mentee), approved: row.approved ? "yes" : "no" }),
  );
  const text = [ctx.t("final-list-title"), lines.length ? lines.join("\n") : ctx.t("director-none"), page.total ? pageCount(ctx, page) : ""].filter(Boolean).join("\n\n");
  const keyboard = new InlineKeyboard();
  page.items.forEach((row, i) => {
    addButton(keyboard, String(page.from + i), { type: "finalRead", finalReportId: row.reportId });
    if ((i + 1) % 5 === 0) keyboard.row();
  });
  newRow(keyboard);
  addPager(keyboard, ctx, page, (p) => ({ type: "finalList", programmeId, page: p }));
  addButton(keyboard, ctx.t("common-menu"), { type: "menuOpen" });
  return { text, keyboard };
}

/** An answer of a final report as text: a choice by its label, a score as it is. */
const answerText = (ctx: BaseContext, id: string, value: string | number | undefined) =>
  value === undefined ? "—" : typeof value === "number" ? String(value) : id === "readiness" || id === "recommend" ? ctx.t(`final-opt-${value}`) : value;

export async function finalReadingScreen(ctx: BaseContext, f: FinalReading): Promise<Screen> {
  const r = await renderer(ctx);
  const locale = await ctx.i18n.getLocale();
  const head = ctx.t(`final-reading-${f.report.role}`, { author: r(f.author), mentee: r(f.mentee), date: formatDate(f.report.submittedAt, locale, f.timeZone) });
  const body = f.questions.map((q) => `${ctx.t(`final-q-${q.id}`)}\n${answerText(ctx, q.id, f.report.answers[q.id])}`);
  const status = f.report.role === "mentor" ? ctx.t(f.report.approvedAt ? "final-approved-on" : "final-not-approved", { date: f.report.approvedAt ? formatDate(f.report.approvedAt, locale, f.timeZone) : "" }) : "";
  const text = [head, ...body, status].filter(Boolean).join("\n\n").slice(0, 4000);
  const keyboard = new InlineKeyboard();
  if (f.canApprove) addButton(keyboard, ctx.t("final-approve"), { type: "finalApprove", finalReportId: f.report._id }).row();
  addButton(keyboard, ctx.t("final-list-open"), { type: "finalList", programmeId: f.report.programmeId, page: 0 }).row();
  addButton(keyboard, ctx.t("common-menu"), { type: "menuOpen" });
  return { text, keyboard };
}
