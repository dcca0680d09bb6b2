import type { I18n } from "@grammyjs/i18n";
import { Composer, InputFile } from "grammy";
import { PAPER_CONSENT, WRITE_TO_PERSON } from "../../flows/ids.js";
import { basesOverview, curatedPerson, exportBases, listBase, personCard, remindStuck } from "../../services/bases.js";
import { topicLabeller } from "../answers.js";
import { onAction } from "../buttons.js";
import type { BaseContext, BotContext } from "../context.js";
import { basesWorkbook } from "../exports/bases.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { basesScreen, cardScreen, listScreen, remindedScreen } from "../views/bases.js";

// The curator's bases of mentors and mentees (stages 2–3): counts by status, lists with
// filters and pages, a person's card, reminders to those stuck at a step, an XLSX export.

/** The language of files a school keeps. */
const FILES_LOCALE = "ru";

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

export function basesFeature(i18n: I18n<BaseContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "basesOpen", async (ctx, a) => {
    const overview = await basesOverview(ctx.deps, actor(ctx), a);
    if (!overview.ok) return answerRefusal(ctx, overview);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, basesScreen(ctx, overview.value));
  });

  onAction(feature, "basesList", async (ctx, a) => {
    const list = await listBase(ctx.deps, actor(ctx), a);
    if (!list.ok) return answerRefusal(ctx, list);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, listScreen(ctx, list.value));
  });

  onAction(feature, "basesCard", async (ctx, a) => {
    const card = await personCard(ctx.deps, actor(ctx), a);
    if (!card.ok) return answerRefusal(ctx, card);
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await cardScreen(ctx, card.value));
  });

  // «✉️ Написать» and the paper consent: the card's rule, checked before the conversation starts.
  onAction(feature, "basesWrite", async (ctx, a) => {
    const found = await curatedPerson(ctx.deps, actor(ctx), a);
    if (!found.ok) return answerRefusal(ctx, found);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, WRITE_TO_PERSON, a.programmeId, a.membershipId);
  });

  onAction(feature, "basesPaperConsent", async (ctx, a) => {
    const found = await curatedPerson(ctx.deps, actor(ctx), a);
    if (!found.ok) return answerRefusal(ctx, found);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PAPER_CONSENT, a.programmeId, a.membershipId);
  });

  onAction(feature, "basesExport", async (ctx, a) => {
    const data = await exportBases(ctx.deps, actor(ctx), a);
    if (!data.ok) return answerRefusal(ctx, data);
    await ctx.answerCallbackQuery();
    const { programme, school, rows } = data.value;
    // The workbook goes into the school's files: Russian, whatever the curator's own language.
    const ru = (key: string, vars?: Record<string, string | number>) => i18n.t(FILES_LOCALE, key, vars);
    const buffer = await basesWorkbook(ru, rows, topicLabeller(ru, programme.topicLabels));
    const name = `${ctx.t("xlsx-file-name")}-${programme.academicYear.replace("/", "-")}.xlsx`;
    await ctx.replyWithDocument(new InputFile(buffer, name), {
      caption: ctx.t("xlsx-caption", { school: school.name, year: programme.academicYear }),
      // Personal data: the curator cannot forward or save it from Telegram.
      protect_content: true,
    });
  });

  onAction(feature, "basesRemind", async (ctx, a) => {
    // Answer the tap first: sending to many people may take longer than Telegram waits. The
    // check comes first all the same: a refused person is told so, not «sending…».
    const check = await basesOverview(ctx.deps, actor(ctx), a);
    if (!check.ok) return answerRefusal(ctx, check);
    await ctx.answerCallbackQuery({ text: ctx.t("bases-reminding") });
    const reminded = await remindStuck(ctx.deps, actor(ctx), a);
    if (!reminded.ok) return void (await ctx.reply(ctx.t(reminded.reason, reminded.vars)));
    const screen = remindedScreen(ctx, a.programmeId, reminded.value.sent, reminded.value.already);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  });

  return feature;
}
