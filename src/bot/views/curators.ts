import { InlineKeyboard } from "grammy";
import type { AuditItem, AuditPage } from "../../services/audit.js";
import type { CuratorItem, CuratorList } from "../../services/curators.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { formatDate } from "../labels.js";
import type { Screen } from "../screen.js";
import { pageCount, pagerRow } from "./curator.js";

// The programme's curators (a page, «remove» for each but oneself) and the audit log's pages.

export async function curatorsScreen(ctx: BaseContext, list: CuratorList): Promise<Screen> {
  const programmeId = list.programme._id;
  const locale = await ctx.i18n.getLocale();
  const lines = list.items.map(({ n, membership, self }) =>
    ctx.t("curators-item", { n, id: String(membership.userId), since: formatDate(membership.createdAt, locale, list.school.timeZone), self: self ? "yes" : "no" }),
  );
  const kb = new InlineKeyboard();
  list.items.forEach(({ n, membership, self }) => {
    if (!self) addButton(kb, ctx.t("curators-remove-button", { n }), { type: "curatorRemoveAsk", programmeId, membershipId: membership._id, page: list.page }).row();
  });
  pagerRow(ctx, kb, list, (page) => ({ type: "curatorsList", programmeId, page }));
  addButton(kb, ctx.t("common-back"), { type: "curatorPanel", programmeId });
  return { text: [ctx.t("curators-title", { total: list.total }), pageCount(ctx, list), "", ...lines].join("\n"), keyboard: kb };
}

export function curatorRemoveAskScreen(ctx: BaseContext, programmeId: string, item: CuratorItem, page: number): Screen {
  const kb = new InlineKeyboard();
  addButton(kb, ctx.t("curators-remove-yes"), { type: "curatorRemove", programmeId, membershipId: item.membership._id, page });
  addButton(kb, ctx.t("common-back"), { type: "curatorsList", programmeId, page });
  return { text: ctx.t("curators-remove-ask", { n: item.n, id: String(item.membership.userId) }), keyboard: kb };
}

/** One entry as a line: when, who, what, on whom. */
export function auditLine(ctx: BaseContext, item: AuditItem, me: number, locale: string, timeZone: string): string {
  const { entry } = item;
  const when = `${formatDate(entry.at, locale, timeZone)} ${new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "ru-RU", { timeZone, hour: "2-digit", minute: "2-digit" }).format(entry.at)}`;
  const who = entry.actorId === me ? ctx.t("audit-who-you") : ctx.t("audit-who-curator", { id: String(entry.actorId) });
  // A removed curator has no card to name: the entry keeps the id, the line says «убрал куратора».
  const whom = entry.action === "curator-removed" ? "" : entry.membershipId ? (item.name ? ctx.t("audit-whom-person", { name: item.name }) : ctx.t("audit-whom-unnamed")) : entry.pairId ? ctx.t("audit-whom-pair") : "";
  return ctx.t("audit-item", { n: item.n, date: when, who, what: ctx.t(`audit-action-${entry.action}`), whom });
}

export async function auditScreen(ctx: BaseContext, log: AuditPage): Promise<Screen> {
  const programmeId = log.programme._id;
  const locale = await ctx.i18n.getLocale();
  const me = ctx.from?.id ?? 0;
  const lines = log.items.map((item) => auditLine(ctx, item, me, locale, log.school.timeZone));
  const kb = new InlineKeyboard();
  pagerRow(ctx, kb, log, (page) => ({ type: "auditList", programmeId, page }));
  if (log.total > 0) addButton(kb, ctx.t("audit-export"), { type: "auditExport", programmeId }).row();
  addButton(kb, ctx.t("common-back"), { type: "curatorPanel", programmeId });
  const body = log.total === 0 ? [ctx.t("audit-empty")] : [pageCount(ctx, log), "", ...lines];
  return { text: [ctx.t("audit-title", { total: log.total }), ...body].join("\n"), keyboard: kb };
}
