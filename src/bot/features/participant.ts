import { Composer } from "grammy";
import type { Membership } from "../../store/memberships.js";
import { participantPanel, participantStep } from "../../services/consent.js";
import { selectionScreen, toggleOption } from "../../services/questionnaires.js";
import { CONSENT, QUESTIONNAIRE } from "../../flows/ids.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { participantPanelView, replyParentLink } from "../views/consent.js";
import { multiKeyboard, pageOfOption } from "../views/questionnaire.js";

// A mentor's or mentee's panel in one programme: the next step of intake, their pairs, their data.

export async function openParticipantPanel(ctx: BotContext, membership: Membership): Promise<void> {
  const panel = await participantPanel(ctx.deps, { userId: ctx.from!.id }, { membershipId: membership._id });
  if (!panel.ok) return answerRefusal(ctx, panel);
  const screen = await participantPanelView(ctx, panel.value);
  await ctx.reply(screen.text, { reply_markup: screen.keyboard });
}

export function participantFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "participantStep", async (ctx, action) => {
    const result = await participantStep(ctx.deps, { userId: ctx.from!.id }, action);
    if (!result.ok) {
      if (result.kind !== "rule") return answerRefusal(ctx, result);
      // Not this step yet (or any more): said in the chat, where the person is looking.
      await ctx.answerCallbackQuery();
      return void (await ctx.reply(ctx.t(result.reason, result.vars)));
    }
    await ctx.answerCallbackQuery();
    const next = result.value;
    if (next.step === "parent-link") return replyParentLink(ctx, next.link);
    await enterFlow(ctx, next.step === "consent" ? CONSENT : QUESTIONNAIRE, next.membershipId);
  });

  // A multiple choice's toggles and pages: outside the questionnaire's conversation, which waits
  // only for done, back or skip. Each press is one write of the profile and one edit of the keyboard.
  onAction(feature, "questionToggle", async (ctx, action) => {
    const toggled = await toggleOption(ctx.deps, { userId: ctx.from!.id }, action);
    if (!toggled.ok) return answerRefusal(ctx, toggled);
    await ctx.answerCallbackQuery();
    const { state, question, values } = toggled.value;
    await ctx.editMessageReplyMarkup({ reply_markup: multiKeyboard(ctx, state, question, new Set(values), pageOfOption(action.option)) });
  });
  onAction(feature, "questionPage", async (ctx, action) => {
    const shown = await selectionScreen(ctx.deps, { userId: ctx.from!.id }, action);
    if (!shown.ok) return answerRefusal(ctx, shown);
    await ctx.answerCallbackQuery();
    const { state, question, values } = shown.value;
    await ctx.editMessageReplyMarkup({ reply_markup: multiKeyboard(ctx, state, question, new Set(values), action.page) }).catch(() => {});
  });
  return feature;
}
