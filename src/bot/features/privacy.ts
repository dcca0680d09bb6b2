import { Composer, InputFile } from "grammy";
import { canWithdraw, withdrawChildConsent, withdrawOwnConsent } from "../../services/consent.js";
import { keptAbout } from "../../services/privacy.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { answerRefusal } from "../refusals.js";
import { showScreen } from "../screen.js";
import { privacyFile, privacyScreen, withdrawConfirm } from "../views/consent.js";

// /privacy: what the bot keeps about me, in plain words and as a file; withdrawing consent
// deletes my answers and personal fields. A parent can withdraw for their child.

export function privacyFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

  const screen = async (ctx: BotContext) => {
    const kept = await keptAbout(ctx.deps, actor(ctx));
    return kept.ok ? privacyScreen(ctx, kept.value) : null;
  };

  feature.command("privacy", async (ctx) => {
    const s = await screen(ctx);
    if (s) await ctx.reply(s.text, { reply_markup: s.keyboard });
  });

  onAction(feature, "privacyShow", async (ctx) => {
    await ctx.answerCallbackQuery();
    const s = await screen(ctx);
    if (s) await showScreen(ctx, s);
  });

  onAction(feature, "privacyFile", async (ctx) => {
    await ctx.answerCallbackQuery();
    const kept = await keptAbout(ctx.deps, actor(ctx));
    if (!kept.ok) return answerRefusal(ctx, kept);
    const file = await privacyFile(ctx, kept.value);
    await ctx.replyWithDocument(new InputFile(file.bytes, file.fileName), { caption: file.caption, protect_content: true });
  });

  // Withdraw my own consent (or, as a parent, my child's): ask once more, then delete.
  const withdrawal = (forChild: boolean) => async (ctx: BotContext, { membershipId, step }: { membershipId: string; step: "ask" | "yes" }) => {
    if (step === "ask") {
      const allowed = await canWithdraw(ctx.deps, actor(ctx), { membershipId, forChild });
      if (!allowed.ok) return answerRefusal(ctx, allowed);
      await ctx.answerCallbackQuery();
      return showScreen(ctx, withdrawConfirm(ctx, membershipId, forChild));
    }
    if (!forChild) await ctx.conversation.exitAll();
    const done = forChild ? await withdrawChildConsent(ctx.deps, actor(ctx), { membershipId }) : await withdrawOwnConsent(ctx.deps, actor(ctx), { membershipId });
    if (!done.ok) return answerRefusal(ctx, done);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t(forChild ? "privacy-withdrawn-child" : "privacy-withdrawn"));
  };
  onAction(feature, "privacyWithdraw", withdrawal(false));
  onAction(feature, "privacyWithdrawChild", withdrawal(true));
  return feature;
}
