import { InlineKeyboard, InputFile } from "grammy";
import { consentTextKey } from "../../domain/consent.js";
import { inviteLink } from "../../domain/invitations.js";
import type { IntakeStatus } from "../../domain/consent.js";
import type { Category, Role } from "../../domain/programme.js";
import { whoOf, type ConsentStart, type ParentLinkIssued, type ParentScreen, type ParticipantPanel, type PaperTarget } from "../../services/consent.js";
import type { KeptData } from "../../services/privacy.js";
import { answerLine, topicLabeller } from "../answers.js";
import { pack, addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { categorySuffix, formatDate, roleLabel } from "../labels.js";
import { displayPerson } from "../notices.js";
import { qrPng } from "../qr.js";
import type { Screen } from "../screen.js";

// Consent, the parent's screen, the participant's panel and /privacy: texts and keyboards.

interface Person {
  role: Role;
  category: Category | null;
  grade: number | null;
}

/** "Are you 18?" with its two buttons. */
export function ageQuestion(ctx: BaseContext, membershipId: string): Screen {
  const keyboard = new InlineKeyboard();
  addButton(keyboard, ctx.t("consent-age-adult"), { type: "consentAge", membershipId, answer: "adult" });
  addButton(keyboard, ctx.t("consent-age-minor"), { type: "consentAge", membershipId, answer: "minor" });
  return { text: ctx.t("consent-ask-age"), keyboard };
}

/** The adult's consent text with "accept" and "decline". */
export function consentQuestion(ctx: BaseContext, start: ConsentStart): Screen {
  const text = ctx.t(consentTextKey("self"), { school: start.school, year: start.year, ...whoOf(start) });
  const keyboard = new InlineKeyboard();
  addButton(keyboard, ctx.t("consent-accept"), { type: "consentAnswer", membershipId: start.membershipId, answer: "y" }).row();
  addButton(keyboard, ctx.t("consent-decline"), { type: "consentAnswer", membershipId: start.membershipId, answer: "n" });
  return { text, keyboard };
}

/** After the adult's decision. */
export function consentDecided(ctx: BaseContext, membershipId: string, accepted: boolean): Screen {
  if (accepted) return { text: ctx.t("consent-thanks"), keyboard: addButton(new InlineKeyboard(), ctx.t("questionnaire-start"), { type: "participantStep", step: "q", membershipId }) };
  return { text: ctx.t("consent-declined-self"), keyboard: new InlineKeyboard().text(ctx.t("common-menu"), pack({ type: "menuOpen" })) };
}

/** Sends a minor the link (and its QR picture) to pass to a parent. */
export async function replyParentLink(ctx: BaseContext, issued: ParentLinkIssued): Promise<void> {
  const link = inviteLink(ctx.me.username, issued.token, "parent");
  const text = ctx.t("consent-parent-needed", { link }) + (issued.replaced ? `\n\n${ctx.t("consent-parent-link-replaced")}` : "");
  await ctx.reply(text, { link_preview_options: { is_disabled: true } });
  await ctx.replyWithPhoto(new InputFile(await qrPng(link), "parent-consent-qr.png"), { caption: ctx.t("consent-parent-qr-caption") });
}

/** The child's name as Telegram shows it, asked live and never stored before consent. */
export async function childName(ctx: BaseContext, childId: number): Promise<string> {
  try {
    const chat = await ctx.api.getChat(childId);
    return "first_name" in chat && chat.first_name ? [chat.first_name, "last_name" in chat ? chat.last_name : ""].join(" ").trim() : ctx.t("parent-child-unnamed");
  } catch {
    return ctx.t("parent-child-unnamed");
  }
}

/** What a parent sees on opening the link: which child, which school, what data and why. */
export async function parentQuestion(ctx: BaseContext, screen: ParentScreen): Promise<Screen> {
  const text = ctx.t(consentTextKey("parent"), {
    child: await childName(ctx, screen.childUserId),
    school: screen.school,
    city: screen.city,
    year: screen.year,
    ...whoOf(screen),
  });
  const keyboard = new InlineKeyboard();
  addButton(keyboard, ctx.t("consent-accept"), { type: "parentDecide", membershipId: screen.membershipId, answer: "y" }).row();
  addButton(keyboard, ctx.t("consent-decline"), { type: "parentDecide", membershipId: screen.membershipId, answer: "n" });
  return { text, keyboard };
}

/** «Наставляемый, ученик 5 класса» for the curator's paper-consent questions. */
export const paperWho = (ctx: BaseContext, target: PaperTarget): string => `${roleLabel(ctx.t, target.role)}${categorySuffix(ctx.t, target)}`;

export function paperConfirm(ctx: BaseContext, membershipId: string, who: string, signer: string, date: string): Screen {
  const keyboard = new InlineKeyboard();
  addButton(keyboard, ctx.t("paper-save"), { type: "paperConfirm", membershipId, answer: "y" });
  addButton(keyboard, ctx.t("common-cancel"), { type: "paperConfirm", membershipId, answer: "n" });
  return { text: ctx.t("paper-confirm", { who, signer, date }), keyboard };
}

/** The participant's next step, by intake status. */
const NEXT_STEP: Record<IntakeStatus, { key: string; step: "c" | "q" | "pl" }> = {
  invited: { key: "participant-give-consent", step: "c" },
  declined: { key: "participant-consent-again", step: "c" },
  parent: { key: "participant-parent-link-again", step: "pl" },
  questionnaire: { key: "questionnaire-start", step: "q" },
  ready: { key: "participant-my-questionnaire", step: "q" },
};

/** A mentor's or mentee's panel in one programme. */
export async function participantPanelView(ctx: BaseContext, panel: ParticipantPanel): Promise<Screen> {
  const lines = [
    ctx.t("participant-panel", { role: roleLabel(ctx.t, panel.role), category: categorySuffix(ctx.t, panel), school: panel.school, year: panel.year, status: ctx.t(`intake-${panel.intake}`) }),
  ];
  const keyboard = new InlineKeyboard();
  const next = NEXT_STEP[panel.intake];
  addButton(keyboard, ctx.t(next.key), { type: "participantStep", step: next.step, membershipId: panel.membershipId }).row();
  const locale = await ctx.i18n.getLocale();
  for (const pair of panel.pairs) {
    const mentees = await Promise.all(pair.mentees.map((m) => displayPerson(ctx, m)));
    lines.push(ctx.t("participant-pair", { mentor: await displayPerson(ctx, pair.mentor), mentees: mentees.join(", "), end: formatDate(pair.plannedEnd, locale, "UTC") }));
    addButton(keyboard, ctx.t("participant-open-pair"), { type: "pairMenu", pairId: pair.pairId }).row();
  }
  addButton(keyboard, ctx.t("privacy-button"), { type: "privacyShow" }).row();
  keyboard.text(ctx.t("common-menu"), pack({ type: "menuOpen" }));
  return { text: lines.join("\n\n"), keyboard };
}

const who = (ctx: BaseContext, p: Person) => ({ role: roleLabel(ctx.t, p.role), category: categorySuffix(ctx.t, p) });

/** Everything kept about the person, as lines (the message and the file share them). */
export async function keptLines(ctx: BaseContext, data: KeptData, withAnswers: boolean): Promise<string[]> {
  const locale = await ctx.i18n.getLocale();
  const lines = [ctx.t("privacy-account", { id: String(data.userId), language: locale })];
  for (const r of data.roles) {
    lines.push("", ctx.t("privacy-role", { ...who(ctx, r), school: r.school, year: r.year }));
    if (r.intake === null) {
      lines.push(ctx.t("privacy-curator-only-id"));
      continue;
    }
    lines.push(ctx.t("privacy-status", { status: ctx.t(`intake-${r.intake}`) }));
    for (const c of r.consents) {
      lines.push(
        ctx.t("privacy-consent-line", {
          date: formatDate(c.at, locale, r.timeZone),
          decision: ctx.t(`consent-decision-${c.decision}`),
          relation: ctx.t(`consent-relation-${c.relation}`),
          method: ctx.t(`consent-method-${c.method}`),
          version: c.textVersion,
        }),
      );
    }
    if (!r.answers) {
      lines.push(ctx.t("privacy-no-answers"));
      continue;
    }
    lines.push(ctx.t("privacy-answers", { count: r.answers.length }));
    if (withAnswers) {
      const label = topicLabeller(ctx.t, r.topicLabels);
      for (const a of r.answers) lines.push(`  • ${answerLine(ctx.t, a.question, a.value, label)}`);
    }
  }
  for (const c of data.asParent) {
    lines.push("", ctx.t("privacy-parent-of", { ...whoOf(c), school: c.school, date: formatDate(c.at, locale, c.timeZone) }));
  }
  return lines;
}

/** The /privacy screen: what is kept, the file, and withdrawal per programme and per child. */
export async function privacyScreen(ctx: BaseContext, data: KeptData): Promise<Screen> {
  const keyboard = addButton(new InlineKeyboard(), ctx.t("privacy-file"), { type: "privacyFile" }).row();
  for (const r of data.roles) {
    if (r.intake !== null) addButton(keyboard, ctx.t("privacy-withdraw", { school: r.school }), { type: "privacyWithdraw", membershipId: r.membershipId, step: "ask" }).row();
  }
  for (const c of data.asParent) addButton(keyboard, ctx.t("privacy-withdraw-child", { school: c.school }), { type: "privacyWithdrawChild", membershipId: c.membershipId, step: "ask" }).row();
  keyboard.text(ctx.t("common-menu"), pack({ type: "menuOpen" }));
  return { text: [ctx.t("privacy-title"), "", ...(await keptLines(ctx, data, false))].join("\n"), keyboard };
}

/** The file with everything kept. */
export async function privacyFile(ctx: BaseContext, data: KeptData): Promise<{ bytes: Buffer; fileName: string; caption: string }> {
  const text = [ctx.t("privacy-file-title"), "", ...(await keptLines(ctx, data, true))].join("\n");
  return { bytes: Buffer.from(text, "utf8"), fileName: ctx.t("privacy-file-name"), caption: ctx.t("privacy-file-caption") };
}

/** "Withdraw? yes / no", for oneself or for a child. */
export function withdrawConfirm(ctx: BaseContext, membershipId: string, forChild: boolean): Screen {
  const keyboard = new InlineKeyboard();
  if (forChild) addButton(keyboard, ctx.t("privacy-withdraw-yes"), { type: "privacyWithdrawChild", membershipId, step: "yes" });
  else addButton(keyboard, ctx.t("privacy-withdraw-yes"), { type: "privacyWithdraw", membershipId, step: "yes" });
  keyboard.row();
  addButton(keyboard, ctx.t("privacy-withdraw-no"), { type: "privacyShow" });
  return { text: ctx.t(forChild ? "privacy-withdraw-child-confirm" : "privacy-withdraw-confirm"), keyboard };
}
