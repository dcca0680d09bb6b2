import { pack } from "../bot/buttons.js";
import { InlineKeyboard } from "grammy";
import { readPaperDate } from "../domain/consent.js";
import type { BaseContext, FlowContext, FlowConversation } from "../bot/context.js";
import { ageQuestion, consentDecided, consentQuestion, paperConfirm, paperWho, replyParentLink } from "../bot/views/consent.js";
import { answerAge, decideOwnConsent, issueParentLink, paperConsentTarget, recordPaperConsent, startConsent } from "../services/consent.js";
import type { Refusal } from "../services/result.js";
import { askAction, askText, flowWait } from "./ask.js";

// Consent before any personal data: an adult decides for themselves; a minor gets a link for a
// parent. Nothing personal is asked here. And the curator's paper consent, for a family without
// Telegram.

export { CONSENT, PAPER_CONSENT } from "./ids.js";

const actor = (c: BaseContext) => ({ userId: c.from!.id });
const say = (c: BaseContext, r: Refusal) => c.reply(c.t(r.reason, r.vars));

export async function consent(conversation: FlowConversation, ctx: FlowContext, membershipId: string): Promise<void> {
  const start = await conversation.external((c) => startConsent(c.deps, actor(c), { membershipId }));
  if (!start.ok) return void (await say(ctx, start));

  if (start.value.askAge) {
    const age = ageQuestion(ctx, membershipId);
    await ctx.reply(age.text, { reply_markup: age.keyboard });
    const { action } = await askAction(conversation, ["consentAge"], (a) => a.membershipId === membershipId);
    const next = await conversation.external(async (c) => {
      const answered = await answerAge(c.deps, actor(c), { membershipId, minor: action.answer === "minor" });
      if (!answered.ok) {
        await say(c, answered);
        return "stop";
      }
      if (!answered.value.link) return "adult";
      await replyParentLink(c, answered.value.link);
      return "stop";
    });
    if (next !== "adult") return;
  } else if (start.value.minor) {
    await conversation.external(async (c) => {
      const issued = await issueParentLink(c.deps, actor(c), { membershipId });
      if (issued.ok) await replyParentLink(c, issued.value);
      else await say(c, issued);
    });
    return;
  }

  const question = consentQuestion(ctx, start.value);
  await ctx.reply(question.text, { reply_markup: question.keyboard });
  const { action } = await askAction(conversation, ["consentAnswer"], (a) => a.membershipId === membershipId);
  await conversation.external(async (c) => {
    const decided = await decideOwnConsent(c.deps, actor(c), { membershipId, accept: action.answer === "y", seen: start.value.intake });
    if (!decided.ok) return void (await say(c, decided));
    const screen = consentDecided(c, membershipId, action.answer === "y");
    await c.reply(screen.text, { reply_markup: screen.keyboard });
  });
}

export async function paperConsent(conversation: FlowConversation, ctx: FlowContext, programmeId: string, membershipId: string): Promise<void> {
  const target = await conversation.external((c) => paperConsentTarget(c.deps, actor(c), { programmeId, membershipId }));
  if (!target.ok) return void (await say(ctx, target));
  const who = paperWho(ctx, target.value);
  const signer = await askText(conversation, ctx, ctx.t(target.value.minor ? "paper-ask-signer-parent" : "paper-ask-signer", { who }), 200);
  await ctx.reply(ctx.t("paper-ask-date"));
  const today = new Date(target.value.todayMs);
  const dateAnswer = await flowWait(conversation)
    .and((c) => c.message?.text !== undefined, { otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-not-text"))) })
    .and((c) => readPaperDate(c.message!.text!, today).ok, {
      // Says what is wrong: not a date, in the future, or too early.
      otherwise: (c) => {
        const read = readPaperDate(c.message?.text ?? "", today);
        return c.reply(c.t(read.ok ? "paper-bad-date" : read.problem === "before-start" ? "paper-bad-date" : `date-problem-${read.problem}`));
      },
    });
  const date = dateAnswer.message!.text!.trim();
  const confirm = paperConfirm(ctx, membershipId, who, signer, date);
  await ctx.reply(confirm.text, { reply_markup: confirm.keyboard });
  const { action } = await askAction(conversation, ["paperConfirm"], (a) => a.membershipId === membershipId);
  if (action.answer === "n") return void (await ctx.reply(ctx.t("cancelled")));
  await conversation.external(async (c) => {
    const recorded = await recordPaperConsent(c.deps, actor(c), { programmeId, membershipId, signedBy: signer, signedOn: date });
    if (!recorded.ok) return void (await say(c, recorded));
    // The curator's card of this person (helper "curator" owns that action).
    await c.reply(c.t("paper-saved"), { reply_markup: new InlineKeyboard().text(c.t("common-back"), pack({ type: "basesCard", programmeId, membershipId })) });
  });
}
