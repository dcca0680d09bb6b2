import { InlineKeyboard } from "grammy";
import { meetingFormatKey, meetingStatusKey, meetingTypeKey } from "../../domain/meetings.js";
import type { Meeting } from "../../store/meetings.js";
import type { MeetingsToCheck, PairMeetings } from "../../services/meetings.js";
import { timeOf } from "../../services/meetings.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import { MESSAGE_MAX_CHARS, shorten } from "../limits.js";
import { renderVar } from "../notices.js";
import type { Screen } from "../screen.js";
import { addPager, newRow, pageCount } from "./paging.js";

// A pair's meetings for its sides, and the curator's list of disputed and unconfirmed ones.

type Ctx = Pick<BaseContext, "t" | "i18n">;

const fit = (lines: string[]) => shorten(lines.join("\n"), MESSAGE_MAX_CHARS);

/** One meeting as a line: «3. 12.11.2026 · Рабочая встреча · очно · 45 мин — ✅ подтверждена\n   Тема». */
function meetingLine(ctx: Ctx, locale: string, n: number, meeting: Meeting, timeZone: string): string {
  const when = meeting.startsAt ? `${formatDate(meeting.startsAt, locale, timeZone)} ${timeOf(meeting.startsAt, timeZone)}` : formatDate(meeting.day, locale, "UTC");
  return ctx.t("meetings-line", {
    n,
    when,
    type: ctx.t(meetingTypeKey(meeting.type)),
    format: ctx.t(meetingFormatKey(meeting.format)),
    duration: meeting.durationMin ?? 0,
    status: ctx.t(meetingStatusKey(meeting.status)),
    topic: shorten(meeting.topic, 80),
  });
}

export async function pairMeetingsView(ctx: Ctx, screen: PairMeetings): Promise<Screen> {
  const locale = await ctx.i18n.getLocale();
  const { page, pair, counts } = screen;
  const lines = page.items.map((row, i) => meetingLine(ctx, locale, page.from + i, row.meeting, screen.timeZone));
  const kb = new InlineKeyboard();
  // The reader's own answers still due, as buttons under the list (at most a page's worth).
  page.items.forEach((row, i) => {
    const n = page.from + i;
    if (row.mineToAnswer) {
      addButton(kb, ctx.t("meetings-confirm-n", { n }), { type: "meetingAnswer", meetingId: row.meeting._id, answer: "y" });
      addButton(kb, ctx.t("meetings-dispute-n", { n }), { type: "meetingAnswer", meetingId: row.meeting._id, answer: "n" }).row();
    }
    if (row.mineToHold) {
      addButton(kb, ctx.t("meetings-held-n", { n }), { type: "meetingHeld", meetingId: row.meeting._id, held: "y" });
      addButton(kb, ctx.t("meetings-not-held-n", { n }), { type: "meetingHeld", meetingId: row.meeting._id, held: "n" }).row();
    }
  });
  addPager(kb, ctx, page, (p) => ({ type: "meetingList", pairId: pair._id, page: p }));
  addButton(newRow(kb), ctx.t("pair-menu-log-meeting"), { type: "meetingLog", pairId: pair._id });
  addButton(kb, ctx.t("pair-menu-plan-meeting"), { type: "meetingPlan", pairId: pair._id }).row();
  addButton(kb, ctx.t("meeting-back-to-pair"), { type: "pairMenu", pairId: pair._id });
  const head = ctx.t("meetings-title", { confirmed: counts.confirmed, logged: counts.logged, planned: counts.planned, disputed: counts.disputed });
  return { text: fit([head, pageCount(ctx, page), "", ...(lines.length ? lines : [ctx.t("meetings-empty")])]), keyboard: kb };
}

export async function meetingsToCheckView(ctx: Ctx, screen: MeetingsToCheck): Promise<Screen> {
  const locale = await ctx.i18n.getLocale();
  const say = (v: Parameters<typeof renderVar>[2]) => String(renderVar(ctx.t, locale, v));
  const { page } = screen;
  const pid = screen.view.programme._id;
  const lines = page.items.map((row, i) =>
    [
      meetingLine(ctx, locale, page.from + i, row.meeting, screen.view.school.timeZone),
      ctx.t("meetings-check-pair", { mentor: say(row.mentor), mentees: row.mentees.map(say).join(", ") }),
      ...(row.waitingFor.length ? [ctx.t("meetings-check-waiting", { who: row.waitingFor.map(say).join(", ") })] : []),
    ].join("\n"),
  );
  const kb = new InlineKeyboard();
  addPager(kb, ctx, page, (p) => ({ type: "meetingsToCheck", programmeId: pid, page: p }));
  addButton(newRow(kb), ctx.t("common-back"), { type: "pairsHome", programmeId: pid });
  return { text: fit([ctx.t("meetings-check-title"), pageCount(ctx, page), "", ...(lines.length ? lines : [ctx.t("meetings-check-empty")])]), keyboard: kb };
}
