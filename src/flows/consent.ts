import { InlineKeyboard } from "grammy";
import { consentTextKey, needsParent } from "../domain/consent.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { sendParentLink } from "../bot/features/participant.js";
import { acceptConsent, declineConsent } from "../bot/intake.js";
import { categorySuffix, roleAccusative } from "../bot/labels.js";
import type { Notifier } from "../bot/notify.js";
import { askChoice } from "./ask.js";

// Consent before any personal data: an adult decides for themselves; a minor gets a link
// for a parent. Nothing personal is asked here.

export { CONSENT } from "./ids.js";

export function consentFlow(notifier: Notifier) {
  return async function consent(conversation: FlowConversation, ctx: FlowContext, membershipId: string): Promise<void> {
    const state = await conversation.external(async (c) => {
      const m = await c.deps.store.memberships.get(membershipId);
      if (!m || m.userId !== c.from?.id) return null;
      const programme = await c.deps.store.programmes.get(m.programmeId);
      const school = programme && (await c.deps.store.schools.get(programme.schoolId));
      if (!programme || !school) return null;
      return { intake: m.intake, category: m.category, grade: m.grade, role: m.role, school: school.name, year: programme.academicYear, saidUnder18: m.saidUnder18 };
    });
    if (!state || state.role === "curator") {
      await ctx.reply(ctx.t("button-stale"));
      return;
    }
    if (state.intake !== "invited" && state.intake !== "declined") {
      await ctx.reply(ctx.t(`consent-already-${state.intake}`));
      return;
    }

    let minor = needsParent(state.category, state.saidUnder18);
    if (!minor && state.category !== "student") {
      await ctx.reply(ctx.t("consent-ask-age"), {
        reply_markup: new InlineKeyboard().text(ctx.t("consent-age-adult"), "age:adult").text(ctx.t("consent-age-minor"), "age:minor"),
      });
      const { choice } = await askChoice(conversation, ["age:adult", "age:minor"] as const);
      minor = choice === "age:minor";
      await conversation.external((c) => c.deps.store.memberships.setSaidUnder18(membershipId, minor));
    }

    if (minor) {
      await conversation.external(async (c) => {
        const m = await c.deps.store.memberships.get(membershipId);
        if (m) await sendParentLink(c, m);
      });
      return;
    }

    const names = { school: state.school, year: state.year, role: roleAccusative(ctx.t, state.role), category: categorySuffix(ctx.t, state) };
    await ctx.reply(ctx.t(consentTextKey("self"), names), {
      reply_markup: new InlineKeyboard().text(ctx.t("consent-accept"), "consent:yes").row().text(ctx.t("consent-decline"), "consent:no"),
    });
    const { choice } = await askChoice(conversation, ["consent:yes", "consent:no"] as const);
    await conversation.external(async (c) => {
      const m = await c.deps.store.memberships.get(membershipId);
      if (!m) return;
      const decision = { membership: m, relation: "self" as const, method: "bot" as const, givenBy: c.from!.id };
      if (choice === "consent:yes") {
        if (!(await acceptConsent(c.deps, decision, ["invited", "declined"]))) return void (await c.reply(c.t("button-stale")));
        await c.reply(c.t("consent-thanks"), { reply_markup: new InlineKeyboard().text(c.t("questionnaire-start"), `p:q:${m._id}`) });
      } else {
        if (!(await declineConsent(c.deps, decision, ["invited", "declined"]))) return void (await c.reply(c.t("button-stale")));
        await c.reply(c.t("consent-declined-self"), { reply_markup: new InlineKeyboard().text(c.t("to-menu"), "menu") });
        await notifier.toCurators(m.programmeId, (t) =>
          t("curator-consent-declined", { role: roleAccusative(t, m.role), category: categorySuffix(t, m), relation: t("consent-relation-self") }),
        );
      }
    });
  };
}
