import { Composer, InlineKeyboard } from "grammy";
import { consentTextKey } from "../../domain/consent.js";
import { ID, cb } from "../callbacks.js";
import { loadProgramme, refuse } from "../access.js";
import type { BaseContext, BotContext } from "../context.js";
import { acceptConsent, declineConsent } from "../intake.js";
import { categorySuffix, roleAccusative } from "../labels.js";
import type { Notifier } from "../notify.js";

// A parent opens the link their child passed on, sees which child, which school and programme,
// what data and why, and accepts or declines. The child and the curators are told.

/** The child's name as Telegram shows it, asked live and never stored before consent. */
async function childName(ctx: BaseContext, childId: number): Promise<string> {
  try {
    const chat = await ctx.api.getChat(childId);
    return "first_name" in chat && chat.first_name ? [chat.first_name, "last_name" in chat ? chat.last_name : ""].join(" ").trim() : ctx.t("parent-child-unnamed");
  } catch {
    return ctx.t("parent-child-unnamed");
  }
}

export async function openParentLink(ctx: BotContext, token: string): Promise<void> {
  const { store } = ctx.deps;
  const link = await store.parentLinks.findByToken(token);
  if (!link) return void (await ctx.reply(ctx.t("link-unknown")));
  if (link.childId === ctx.from!.id) return void (await ctx.reply(ctx.t("parent-link-is-for-parent")));
  if (link.usedAt) return void (await ctx.reply(ctx.t(link.usedBy === ctx.from!.id ? "parent-already-answered" : "parent-link-used")));
  if (link.expiresAt.getTime() <= ctx.deps.clock().getTime()) return void (await ctx.reply(ctx.t("parent-link-expired")));
  const membership = await store.memberships.get(link.membershipId);
  const view = membership && (await loadProgramme(ctx, link.programmeId));
  if (!membership || !view) return void (await ctx.reply(ctx.t("link-unknown")));
  if (!(await store.parentLinks.open(link._id, ctx.from!.id, ctx.deps.clock()))) return void (await ctx.reply(ctx.t("parent-link-used")));

  await ctx.reply(
    ctx.t(consentTextKey("parent"), {
      child: await childName(ctx, link.childId),
      school: view.school.name,
      city: view.school.city,
      year: view.programme.academicYear,
      role: roleAccusative(ctx.t, membership.role),
      category: categorySuffix(ctx.t, membership),
    }),
    { reply_markup: new InlineKeyboard().text(ctx.t("consent-accept"), cb("pc", "yes", link._id)).row().text(ctx.t("consent-decline"), cb("pc", "no", link._id)) },
  );
}

export function parentFeature(notifier: Notifier): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.callbackQuery(new RegExp(`^pc:(yes|no):${ID}$`), async (ctx) => {
    const [, answer, linkId] = ctx.match as RegExpMatchArray;
    const { store } = ctx.deps;
    const link = await store.parentLinks.get(linkId!);
    // Only the parent who opened this link may answer on it, and only once.
    if (!link || link.openedBy !== ctx.from.id) return refuse(ctx, "not-allowed");
    const membership = await store.memberships.get(link.membershipId);
    if (!membership || !(await store.parentLinks.use(link._id, ctx.from.id, ctx.deps.clock()))) return refuse(ctx, "parent-already-answered");
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    const decision = { membership, relation: "parent" as const, method: "bot" as const, givenBy: ctx.from.id };
    const who = (t: (k: string, v?: Record<string, string | number>) => string) => ({ role: roleAccusative(t, membership.role), category: categorySuffix(t, membership) });

    if (answer === "yes") {
      if (!(await acceptConsent(ctx.deps, decision, ["parent", "invited", "declined"]))) return void (await ctx.reply(ctx.t("parent-already-answered")));
      await ctx.reply(ctx.t("parent-thanks"));
      await notifier.toUser(membership.userId, (t) => t("child-parent-accepted"), (t) => new InlineKeyboard().text(t("questionnaire-start"), `p:q:${membership._id}`));
      await notifier.toCurators(membership.programmeId, (t) => t("curator-parent-accepted", who(t)));
    } else {
      if (!(await declineConsent(ctx.deps, decision, ["parent", "invited"]))) return void (await ctx.reply(ctx.t("parent-already-answered")));
      await ctx.reply(ctx.t("parent-declined"));
      await notifier.toUser(membership.userId, (t) => t("child-parent-declined"));
      await notifier.toCurators(membership.programmeId, (t) => t("curator-consent-declined", { ...who(t), relation: t("consent-relation-parent") }));
    }
  });
  feature.callbackQuery(/^pc:/, (ctx) => refuse(ctx, "button-stale"));
  return feature;
}
