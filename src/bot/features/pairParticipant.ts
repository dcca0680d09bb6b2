import { Composer, InlineKeyboard } from "grammy";
import { cb } from "../callbacks.js";
import { onAction } from "../buttons.js";
import { refuse } from "../access.js";
import type { BotContext } from "../context.js";
import type { Notifier } from "../notify.js";
import { answerAgreement, displayName } from "../pairing.js";

// The people of a proposed pair agree or decline in one tap (2.6); a mentee or a mentor asks the
// curator for a replacement (5.1). Who may answer is decided from the store, not the button.

export function pairParticipantFeature(notifier: Notifier): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "pairAgree", async (ctx, { pairId, answer }) => {
    const result = await answerAgreement(ctx.deps, notifier, pairId, ctx.from!.id, answer === "y" ? "accepted" : "declined");
    if (result === "not-a-party") return refuse(ctx, "not-allowed");
    await ctx.answerCallbackQuery({ text: ctx.t(`agreement-${result}`) });
    if (result !== "closed") await ctx.editMessageReplyMarkup().catch(() => {});
  });

  onAction(feature, "pairRequestReplacement", async (ctx, { pairId }) => {
    const pair = await ctx.deps.store.pairs.get(pairId);
    const people = pair ? [...(await ctx.deps.store.memberships.getMany([pair.mentorId, ...pair.menteeIds])).values()] : [];
    const me = people.find((m) => m.userId === ctx.from!.id);
    if (!pair || !me || pair.status !== "active") return refuse(ctx, "not-allowed");
    await ctx.deps.store.pairs.addEvent({ pairId: pair._id, programmeId: pair.programmeId, kind: "replacement-requested", at: ctx.deps.clock(), by: ctx.from!.id, reason: me.role === "mentor" ? "mentor-request" : "mentee-request" });
    await ctx.answerCallbackQuery({ text: ctx.t("replacement-requested"), show_alert: true });
    await notifier.toCurators(
      pair.programmeId,
      async (t) => t("replacement-requested-curator", { who: await displayName(ctx.deps, t, me) }),
      (t) => new InlineKeyboard().text(t("replacement-open-pair"), cb("pcd", pair._id)),
    );
  });
  return feature;
}
