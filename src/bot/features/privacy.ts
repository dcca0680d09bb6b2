import { Composer, InlineKeyboard, InputFile } from "grammy";
import { applicableQuestions, questionnaireFor } from "../../domain/questionnaire.js";
import { QUESTIONNAIRES } from "../../domain/questionnaires.js";
import type { Consent } from "../../store/consents.js";
import type { Membership } from "../../store/memberships.js";
import { loadProgramme, refuse, type ProgrammeView } from "../access.js";
import { answerText, topicLabeller } from "../answers.js";
import { ID, cb } from "../callbacks.js";
import type { BaseContext, BotContext } from "../context.js";
import { withdrawConsent } from "../intake.js";
import { categorySuffix, formatDate, roleAccusative, roleLabel } from "../labels.js";
import type { Notifier } from "../notify.js";
import { showScreen } from "../screen.js";

// /privacy: what the bot keeps about me, in plain words and as a file; withdrawing consent
// deletes my answers and personal fields. A parent can withdraw for their child.

interface Entry {
  membership: Membership;
  view: ProgrammeView;
}

async function entries(ctx: BaseContext): Promise<Entry[]> {
  const memberships = await ctx.deps.store.memberships.ofUser(ctx.from!.id);
  const out: Entry[] = [];
  for (const membership of memberships) {
    const view = await loadProgramme(ctx, membership.programmeId);
    if (view) out.push({ membership, view });
  }
  return out;
}

function consentLine(ctx: BaseContext, c: Consent, locale: string, tz: string): string {
  return ctx.t("privacy-consent-line", {
    date: formatDate(c.at, locale, tz),
    decision: ctx.t(`consent-decision-${c.decision}`),
    relation: ctx.t(`consent-relation-${c.relation}`),
    method: ctx.t(`consent-method-${c.method}`),
    version: c.textVersion,
  });
}

/** Everything kept about the person, as lines of text (the message and the file share it). */
async function describe(ctx: BaseContext, withAnswers: boolean): Promise<string[]> {
  const locale = await ctx.i18n.getLocale();
  const lines = [ctx.t("privacy-account", { id: String(ctx.from!.id), language: locale })];
  for (const { membership: m, view } of await entries(ctx)) {
    const head = ctx.t("privacy-role", { role: roleLabel(ctx.t, m.role), category: categorySuffix(ctx.t, m), school: view.school.name, year: view.programme.academicYear });
    lines.push("", head);
    if (m.role === "curator") {
      lines.push(ctx.t("privacy-curator-only-id"));
      continue;
    }
    lines.push(ctx.t("privacy-status", { status: ctx.t(`intake-${m.intake ?? "invited"}`) }));
    for (const c of await ctx.deps.store.consents.history(m._id)) lines.push(consentLine(ctx, c, locale, view.school.timeZone));
    const profile = await ctx.deps.store.profiles.get(m._id);
    const qid = questionnaireFor(m.role, m.category);
    if (profile && qid) {
      const definition = QUESTIONNAIRES[qid];
      const questions = applicableQuestions(definition, profile.answers).filter((q) => q.id in profile.answers);
      lines.push(ctx.t("privacy-answers", { count: questions.length }));
      if (withAnswers) {
        const label = topicLabeller(ctx.t, view.programme.topicLabels);
        for (const q of questions) lines.push(`  • ${ctx.t(`q-${q.id}`).split("\n")[0]}: ${answerText(ctx.t, q, profile.answers[q.id], label)}`);
      }
    } else {
      lines.push(ctx.t("privacy-no-answers"));
    }
  }
  for (const c of await ctx.deps.store.consents.givenByParent(ctx.from!.id)) {
    const child = await ctx.deps.store.memberships.get(c.membershipId ?? "");
    const view = child && (await loadProgramme(ctx, child.programmeId));
    if (child && view) lines.push("", ctx.t("privacy-parent-of", { role: roleAccusative(ctx.t, child.role), category: categorySuffix(ctx.t, child), school: view.school.name, date: formatDate(c.at, locale, view.school.timeZone) }));
  }
  return lines;
}

async function privacyScreen(ctx: BaseContext): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const kb = new InlineKeyboard().text(ctx.t("privacy-file"), "pv:file").row();
  for (const { membership: m, view } of await entries(ctx)) {
    if (m.role !== "curator") kb.text(ctx.t("privacy-withdraw", { school: view.school.name }), cb("pv", "w", m._id)).row();
  }
  for (const c of await ctx.deps.store.consents.givenByParent(ctx.from!.id)) {
    const view = await loadProgramme(ctx, c.programmeId);
    if (view) kb.text(ctx.t("privacy-withdraw-child", { school: view.school.name }), cb("pv", "pw", c._id)).row();
  }
  kb.text(ctx.t("to-menu"), "menu");
  return { text: [ctx.t("privacy-title"), "", ...(await describe(ctx, false))].join("\n"), keyboard: kb };
}

export function privacyFeature(notifier: Notifier): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const show = async (ctx: BotContext) => {
    const screen = await privacyScreen(ctx);
    await ctx.reply(screen.text, { reply_markup: screen.keyboard });
  };
  feature.command("privacy", show);
  feature.callbackQuery("privacy", async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx);
  });

  feature.callbackQuery("pv:file", async (ctx) => {
    await ctx.answerCallbackQuery();
    const text = [ctx.t("privacy-file-title"), "", ...(await describe(ctx, true))].join("\n");
    await ctx.replyWithDocument(new InputFile(Buffer.from(text, "utf8"), ctx.t("privacy-file-name")), { caption: ctx.t("privacy-file-caption") });
  });

  // Withdraw my own consent: ask once more, then delete.
  feature.callbackQuery(new RegExp(`^pv:(w|wy):${ID}$`), async (ctx) => {
    const [, step, id] = ctx.match as RegExpMatchArray;
    const m = await ctx.deps.store.memberships.get(id!);
    if (!m || m.userId !== ctx.from.id || m.role === "curator") return refuse(ctx, "not-allowed");
    await ctx.answerCallbackQuery();
    if (step === "w") {
      await ctx.editMessageText(ctx.t("privacy-withdraw-confirm"), {
        reply_markup: new InlineKeyboard().text(ctx.t("privacy-withdraw-yes"), cb("pv", "wy", m._id)).row().text(ctx.t("privacy-withdraw-no"), "pv:x"),
      });
      return;
    }
    await ctx.conversation.exitAll();
    const removed = await withdrawConsent(ctx.deps, m.userId, m.programmeId, "self");
    ctx.log.info({ programmeId: m.programmeId, removed: removed.length }, "consent withdrawn by the person");
    await ctx.editMessageText(ctx.t("privacy-withdrawn"));
    for (const r of removed) await notifier.toCurators(r.programmeId, (t) => t("curator-consent-withdrawn", { role: roleAccusative(t, r.role), category: categorySuffix(t, r), relation: t("consent-relation-self") }));
  });

  // A parent withdraws for their child.
  feature.callbackQuery(new RegExp(`^pv:(pw|pwy):${ID}$`), async (ctx) => {
    const [, step, id] = ctx.match as RegExpMatchArray;
    const consent = (await ctx.deps.store.consents.givenByParent(ctx.from.id)).find((c) => c._id === id);
    if (!consent || consent.userId === null) return refuse(ctx, "not-allowed");
    await ctx.answerCallbackQuery();
    if (step === "pw") {
      await ctx.editMessageText(ctx.t("privacy-withdraw-child-confirm"), {
        reply_markup: new InlineKeyboard().text(ctx.t("privacy-withdraw-yes"), cb("pv", "pwy", consent._id)).row().text(ctx.t("privacy-withdraw-no"), "pv:x"),
      });
      return;
    }
    const removed = await withdrawConsent(ctx.deps, consent.userId, consent.programmeId, "parent");
    ctx.log.info({ programmeId: consent.programmeId, removed: removed.length }, "consent withdrawn by a parent");
    await ctx.editMessageText(ctx.t("privacy-withdrawn-child"));
    await notifier.toUser(consent.userId, (t) => t("child-parent-withdrew"));
    for (const r of removed) await notifier.toCurators(r.programmeId, (t) => t("curator-consent-withdrawn", { role: roleAccusative(t, r.role), category: categorySuffix(t, r), relation: t("consent-relation-parent") }));
  });

  feature.callbackQuery("pv:x", async (ctx) => {
    await ctx.answerCallbackQuery();
    await showScreen(ctx, await privacyScreen(ctx));
  });
  feature.callbackQuery(/^pv:/, (ctx) => refuse(ctx, "button-stale"));
  return feature;
}
