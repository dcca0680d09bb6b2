import { InlineKeyboard } from "grammy";
import type { Membership } from "../../store/memberships.js";
import { loadProgramme } from "../access.js";
import type { BotContext } from "../context.js";
import { categorySuffix, roleLabel } from "../labels.js";

/** A mentor's or mentee's panel in one programme. */
export async function openParticipantPanel(ctx: BotContext, membership: Membership): Promise<void> {
  const view = await loadProgramme(ctx, membership.programmeId);
  if (!view) return void (await ctx.reply(ctx.t("button-stale")));
  const text = ctx.t("participant-panel", {
    role: roleLabel(ctx.t, membership.role),
    category: categorySuffix(ctx.t, membership),
    school: view.school.name,
    year: view.programme.academicYear,
  });
  await ctx.reply(text, { reply_markup: new InlineKeyboard().text(ctx.t("to-menu"), "menu") });
}
