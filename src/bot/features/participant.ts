import { pack } from "../buttons.js";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { inviteLink } from "../../domain/invitations.js";
import type { Membership } from "../../store/memberships.js";
import { loadProgramme, refuse } from "../access.js";
import { ID, cb } from "../callbacks.js";
import type { BaseContext, BotContext } from "../context.js";
import { issueParentLink } from "../intake.js";
import { categorySuffix, formatDate, roleLabel } from "../labels.js";
import { personRef } from "../../services/people.js";
import { displayPerson } from "../notices.js";
import { qrPng } from "../qr.js";
import { CONSENT, QUESTIONNAIRE } from "../../flows/ids.js";
import { enterFlow } from "../flow.js";

// A mentor's or mentee's panel in one programme: the next step of intake, their data.

const NEXT_STEP: Record<NonNullable<Membership["intake"]>, { key: string; action: string } | null> = {
  invited: { key: "participant-give-consent", action: "c" },
  declined: { key: "participant-consent-again", action: "c" },
  parent: { key: "participant-parent-link-again", action: "pl" },
  questionnaire: { key: "questionnaire-start", action: "q" },
  ready: { key: "participant-my-questionnaire", action: "q" },
};

export async function openParticipantPanel(ctx: BotContext, membership: Membership): Promise<void> {
  const view = await loadProgramme(ctx, membership.programmeId);
  if (!view) return void (await ctx.reply(ctx.t("button-stale")));
  const text = ctx.t("participant-panel", {
    role: roleLabel(ctx.t, membership.role),
    category: categorySuffix(ctx.t, membership),
    school: view.school.name,
    year: view.programme.academicYear,
    status: ctx.t(`intake-${membership.intake ?? "invited"}`),
  });
  const kb = new InlineKeyboard();
  const next = membership.intake ? NEXT_STEP[membership.intake] : null;
  if (next) kb.text(ctx.t(next.key), cb("p", next.action, membership._id)).row();
  // The person's active pairs: a mentee has one, a mentor up to three mentees in one or more.
  const lines = [text];
  for (const pair of await activePairsOf(ctx, membership)) {
    const mentor = await ctx.deps.store.memberships.get(pair.mentorId);
    const mentees = [...(await ctx.deps.store.memberships.getMany(pair.menteeIds)).values()];
    lines.push(
      ctx.t("participant-pair", {
        mentor: mentor ? await displayPerson(ctx, await personRef(ctx.deps, mentor)) : "—",
        mentees: (await Promise.all(mentees.map(async (m) => displayPerson(ctx, await personRef(ctx.deps, m))))).join(", "),
        end: formatDate(pair.plannedEnd, await ctx.i18n.getLocale(), "UTC"),
      }),
    );
    kb.text(ctx.t("participant-ask-replacement"), pack({ type: "pairRequestReplacement", pairId: pair._id })).row();
  }
  kb.text(ctx.t("privacy-button"), "privacy").row().text(ctx.t("to-menu"), "menu");
  await ctx.reply(lines.join("\n\n"), { reply_markup: kb });
}

async function activePairsOf(ctx: BaseContext, m: Membership) {
  const pairs = await ctx.deps.store.pairs.ofProgramme(m.programmeId, ["active"]);
  return pairs.filter((p) => p.mentorId === m._id || p.menteeIds.includes(m._id));
}

/** Sends a minor a fresh link (and its QR picture) to pass to a parent. */
export async function sendParentLink(ctx: BaseContext, membership: Membership): Promise<void> {
  const token = await issueParentLink(ctx.deps, membership);
  const link = inviteLink(ctx.me.username, token, "parent");
  await ctx.reply(ctx.t("consent-parent-needed", { link }), { link_preview_options: { is_disabled: true } });
  await ctx.replyWithPhoto(new InputFile(await qrPng(link), "parent-consent-qr.png"), { caption: ctx.t("consent-parent-qr-caption") });
}

export function participantFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** The membership named by the button, if it is the presser's own (checked in the store). */
  const own = async (ctx: BotContext, id: string) => {
    const m = await ctx.deps.store.memberships.get(id);
    return m && m.userId === ctx.from?.id && m.role !== "curator" ? m : null;
  };

  feature.callbackQuery(new RegExp(`^p:(c|q|pl):${ID}$`), async (ctx) => {
    const [, action, id] = ctx.match as RegExpMatchArray;
    const m = await own(ctx, id!);
    if (!m) return refuse(ctx, "not-allowed");
    await ctx.answerCallbackQuery();
    if (action === "c") {
      if (m.intake !== "invited" && m.intake !== "declined") return void (await ctx.reply(ctx.t(`consent-already-${m.intake}`)));
      await enterFlow(ctx, CONSENT, m._id);
    } else if (action === "q") {
      if (m.intake !== "questionnaire" && m.intake !== "ready") return void (await ctx.reply(ctx.t(`questionnaire-not-yet-${m.intake}`)));
      await enterFlow(ctx, QUESTIONNAIRE, m._id);
    } else {
      if (m.intake !== "parent") return void (await ctx.reply(ctx.t("button-stale")));
      await sendParentLink(ctx, m);
    }
  });
  feature.callbackQuery(/^p:/, (ctx) => refuse(ctx, "button-stale"));
  return feature;
}
