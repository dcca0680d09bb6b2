import { InlineKeyboard } from "grammy";
import { parsePaperDate } from "../domain/consent.js";
import { curatedProgramme } from "../bot/access.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { acceptConsent } from "../bot/intake.js";
import { categorySuffix, roleLabel } from "../bot/labels.js";
import type { Notifier } from "../bot/notify.js";
import { askChoice, askText, flowWait } from "./ask.js";

// The curator's paper consent for a family without Telegram.

export function paperConsentFlow(notifier: Notifier) {
  return async function paperConsent(conversation: FlowConversation, ctx: FlowContext, programmeId: string, membershipId: string): Promise<void> {
    const person = await conversation.external(async (c) => {
      const view = await curatedProgramme(c, programmeId);
      const m = await c.deps.store.memberships.get(membershipId);
      if (!view || !m || m.programmeId !== programmeId || m.role === "curator") return null;
      return { role: m.role, category: m.category, grade: m.grade, minor: m.category === "student" || m.saidUnder18 === true };
    });
    if (!person) {
      await ctx.reply(ctx.t("curator-only"));
      return;
    }
    const who = `${roleLabel(ctx.t, person.role)}${categorySuffix(ctx.t, person)}`;
    const signer = await askText(conversation, ctx, ctx.t(person.minor ? "paper-ask-signer-parent" : "paper-ask-signer", { who }), 200);
    await ctx.reply(ctx.t("paper-ask-date"));
    const nowMs = await conversation.now();
    const dateAnswer = await flowWait(conversation)
      .and((c) => c.message?.text !== undefined, { otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-not-text"))) })
      .and((c) => parsePaperDate(c.message!.text!, new Date(nowMs)) !== null, { otherwise: (c) => c.reply(c.t("paper-bad-date")) });
    const dateText = dateAnswer.message!.text!.trim();
    await ctx.reply(ctx.t("paper-confirm", { who, signer, date: dateText }), {
      reply_markup: new InlineKeyboard().text(ctx.t("paper-save"), "paper:yes").text(ctx.t("school-cancel"), "paper:no"),
    });
    const { choice } = await askChoice(conversation, ["paper:yes", "paper:no"] as const);
    if (choice === "paper:no") {
      await ctx.reply(ctx.t("cancelled"));
      return;
    }
    await conversation.external(async (c) => {
      const m = await c.deps.store.memberships.get(membershipId);
      if (!m || !(await curatedProgramme(c, programmeId))) return void (await c.reply(c.t("curator-only")));
      const signedOn = parsePaperDate(dateText, c.deps.clock());
      const moved = await acceptConsent(
        c.deps,
        { membership: m, relation: person.minor ? "parent" : "self", method: "paper", givenBy: null, recordedBy: c.from!.id, signedBy: signer, signedOn },
        ["invited", "parent", "declined"],
      );
      if (!moved) return void (await c.reply(c.t("paper-not-needed")));
      c.log.info({ membershipId }, "paper consent recorded");
      await c.reply(c.t("paper-saved"), { reply_markup: new InlineKeyboard().text(c.t("back"), `bc:${programmeId}:${membershipId}`) });
      await notifier.toUser(m.userId, (t) => t("paper-recorded-for-you"), (t) => new InlineKeyboard().text(t("questionnaire-start"), `p:q:${m._id}`));
    });
  };
}
