import { InlineKeyboard } from "grammy";
import { QUIET_DAYS_CHOICES } from "../../domain/digest.js";
import { stageNameKey, stageResultKey } from "../../domain/roadmap.js";
import type { DigestListPage } from "../../services/digest.js";
import type { Roadmap, StageCard } from "../../services/roadmap.js";
import type { Stage } from "../../store/stages.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import { renderVar, type Translate } from "../notices.js";
import type { Screen } from "../screen.js";
import { addPager, pageCount } from "./paging.js";

// The roadmap (the seven stages at a glance, a stage's card with the curator's buttons) and the
// lists behind the digests' numbers.

const day = (d: Date, locale: string) => formatDate(d, locale, "UTC");

function stageMark(stage: Stage, today: Date, current: Stage | null): string {
  if (stage.doneOn) return "✅";
  if (stage.deadline.getTime() < today.getTime()) return "⚠️";
  return current?.stage === stage.stage ? "▶️" : "⏳";
}

export async function roadmapScreen(ctx: BaseContext, map: Roadmap): Promise<Screen> {
  const locale = await ctx.i18n.getLocale();
  const programmeId = map.programme._id;
  const lines = map.stages.map((s) =>
    ctx.t("roadmap-line", {
      mark: stageMark(s, map.today, map.current),
      number: s.stage,
      stage: ctx.t(stageNameKey(s.stage)),
      start: day(s.start, locale),
      deadline: day(s.deadline, locale),
      role: ctx.t(`roadmap-role-${s.role}`),
      done: s.doneOn ? ctx.t("roadmap-done-on", { date: day(s.doneOn, locale) }) : "",
    }),
  );
  const current = map.current ? ctx.t("roadmap-current", { number: map.current.stage, stage: ctx.t(stageNameKey(map.current.stage)), deadline: day(map.current.deadline, locale) }) : ctx.t("roadmap-all-done");
  const text = [ctx.t("roadmap-title", { school: map.school.name, year: map.programme.academicYear }), "", ...lines, "", current, map.canEdit ? ctx.t("roadmap-hint") : ""].join("\n").trim();
  const keyboard = new InlineKeyboard();
  for (const s of map.stages) addButton(keyboard, `${stageMark(s, map.today, map.current)} ${s.stage}`, { type: "roadmapStage", programmeId, stage: s.stage });
  keyboard.row();
  if (map.canEdit) addButton(keyboard, ctx.t("holidays-open"), { type: "holidaysOpen", programmeId, page: 0 }).row();
  if (map.canEdit) addButton(keyboard, ctx.t("common-back"), { type: "curatorPanel", programmeId });
  addButton(keyboard, ctx.t("common-menu"), { type: "menuOpen" });
  return { text, keyboard };
}

export async function stageScreen(ctx: BaseContext, card: StageCard): Promise<Screen> {
  const locale = await ctx.i18n.getLocale();
  const { stage: s } = card;
  const programmeId = card.programme._id;
  const stage = s.stage;
  const text = [
    ctx.t("roadmap-stage-title", { number: stage, stage: ctx.t(stageNameKey(stage)) }),
    ctx.t("roadmap-stage-dates", { start: day(s.start, locale), deadline: day(s.deadline, locale), role: ctx.t(`roadmap-role-${s.role}`) }),
    ctx.t("roadmap-stage-expected", { result: ctx.t(stageResultKey(stage)) }),
    s.doneOn ? ctx.t("roadmap-stage-done", { date: day(s.doneOn, locale), result: s.result ?? "" }) : ctx.t("roadmap-stage-open"),
  ].join("\n\n");
  const keyboard = new InlineKeyboard();
  if (card.canEdit) {
    addButton(keyboard, ctx.t("roadmap-start-earlier"), { type: "roadmapShift", programmeId, stage, edge: "start", dir: "earlier" });
    addButton(keyboard, ctx.t("roadmap-start-later"), { type: "roadmapShift", programmeId, stage, edge: "start", dir: "later" }).row();
    addButton(keyboard, ctx.t("roadmap-deadline-earlier"), { type: "roadmapShift", programmeId, stage, edge: "deadline", dir: "earlier" });
    addButton(keyboard, ctx.t("roadmap-deadline-later"), { type: "roadmapShift", programmeId, stage, edge: "deadline", dir: "later" }).row();
    addButton(keyboard, ctx.t("roadmap-type-start"), { type: "roadmapDate", programmeId, stage, edge: "start" });
    addButton(keyboard, ctx.t("roadmap-type-deadline"), { type: "roadmapDate", programmeId, stage, edge: "deadline" }).row();
    if (s.doneOn) addButton(keyboard, ctx.t("roadmap-reopen"), { type: "roadmapReopen", programmeId, stage }).row();
    else addButton(keyboard, ctx.t("roadmap-mark-done"), { type: "roadmapDone", programmeId, stage }).row();
  }
  addButton(keyboard, ctx.t("roadmap-back"), { type: "roadmapOpen", programmeId });
  return { text, keyboard };
}

export async function digestListScreen(ctx: BaseContext, list: DigestListPage): Promise<Screen> {
  const locale = await ctx.i18n.getLocale();
  const t: Translate = (key, vars) => ctx.t(key, vars);
  const programmeId = list.programme._id;
  const keyboard = new InlineKeyboard();
  const lines = list.page.items.map((item) => {
    if (list.canOpenCards && item.membershipId) addButton(keyboard, ctx.t("digest-open-card", { n: item.n }), { type: "basesCard", programmeId, membershipId: item.membershipId });
    if (list.canOpenCards && item.pairId) addButton(keyboard, ctx.t("digest-open-card", { n: item.n }), { type: "pairCard", pairId: item.pairId });
    if (keyboard.inline_keyboard.at(-1)?.length === 5) keyboard.row();
    return ctx.t("digest-list-line", { n: item.n, person: String(renderVar(t, locale, item.person)), detail: String(renderVar(t, locale, item.detail)) });
  });
  addPager(keyboard, ctx, list.page, (page) => ({ type: "digestList", programmeId, list: list.list, page }));
  // The quiet pairs' threshold, for curators: the current one marked.
  if (list.list === "quiet" && list.canOpenCards) {
    if (keyboard.inline_keyboard.at(-1)?.length) keyboard.row();
    for (const days of QUIET_DAYS_CHOICES) addButton(keyboard, ctx.t("digest-quiet-days", { days, mark: days === list.programme.quietPairDays ? "• " : "" }), { type: "quietDays", programmeId, days });
  }
  if (keyboard.inline_keyboard.at(-1)?.length) keyboard.row();
  addButton(keyboard, ctx.t("roadmap-open-button"), { type: "roadmapOpen", programmeId });
  addButton(keyboard, ctx.t("common-menu"), { type: "menuOpen" });
  const title = list.list === "quiet" ? `${ctx.t("digest-list-quiet")}\n${ctx.t("digest-quiet-rule", { days: list.programme.quietPairDays })}` : ctx.t(`digest-list-${list.list}`);
  const text = list.page.total === 0 ? `${title}\n\n${ctx.t("digest-list-empty")}` : [title, pageCount(ctx, list.page), "", ...lines].join("\n");
  return { text, keyboard };
}
