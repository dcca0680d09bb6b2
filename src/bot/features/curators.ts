import type { I18n } from "@grammyjs/i18n";
import { Composer, InputFile } from "grammy";
import { auditLog, exportAudit } from "../../services/audit.js";
import { listCurators, removeCurator } from "../../services/curators.js";
import { onAction } from "../buttons.js";
import type { BaseContext, BotContext } from "../context.js";
import { auditWorkbook } from "../exports/audit.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { auditScreen, curatorRemoveAskScreen, curatorsScreen } from "../views/curators.js";

// The programme's curators (list, remove one but oneself) and the audit log (pages, a file).

/** The language of files a school keeps. */
const FILES_LOCALE = "ru";

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

export function curatorsFeature(i18n: I18n<BaseContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "curatorsList", async (ctx, a) => {
    const list = await listCurators(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await curatorsScreen(ctx, list.value));
  });

  onAction(feature, "curatorRemoveAsk", async (ctx, a) => {
    const list = await listCurators(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    const item = list.value.items.find((i) => i.membership._id === a.membershipId);
    if (!item) {
      await ctx.answerCallbackQuery({ text: ctx.t("curators-already-removed"), show_alert: true });
      return;
    }
    if (item.self) return answerRefusal(ctx, { ok: false, kind: "rule", reason: "curators-not-self" });
    await ctx.answerCallbackQuery();
    await showScreen(ctx, curatorRemoveAskScreen(ctx, a.programmeId, item, a.page));
  });

  onAction(feature, "curatorRemove", async (ctx, a) => {
    const removed = await removeCurator(ctx.deps, actor(ctx), a);
    if (!removed.ok) return answerRefusal(ctx, removed);
    await ctx.answerCallbackQuery({ text: ctx.t(removed.value.removed ? "curators-removed" : "curators-already-removed") });
    const list = await listCurators(ctx.deps, actor(ctx), a);
    if (list.ok) await showScreen(ctx, await curatorsScreen(ctx, list.value));
  });

  onAction(feature, "auditList", async (ctx, a) => {
    const log = await auditLog(ctx.deps, actor(ctx), a);
    if (!log.ok) return answerRefusal(ctx, log);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await auditScreen(ctx, log.value));
  });

  onAction(feature, "auditExport", async (ctx, a) => {
    const data = await exportAudit(ctx.deps, actor(ctx), a);
    if (!data.ok) return answerRefusal(ctx, data);
    await ctx.answerCallbackQuery();
    const { programme, school, items } = data.value;
    const ru = (key: string, vars?: Record<string, string | number>) => i18n.t(FILES_LOCALE, key, vars);
    const buffer = await auditWorkbook(ru, items);
    const name = `${ctx.t("audit-file-name")}-${programme.academicYear.replace("/", "-")}.xlsx`;
    // Personal data: the file cannot be forwarded or saved from Telegram.
    await ctx.replyWithDocument(new InputFile(buffer, name), { caption: ctx.t("audit-caption", { school: school.name, year: programme.academicYear }), protect_content: true });
  });

  return feature;
}
