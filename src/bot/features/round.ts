import { Composer, InlineKeyboard } from "grammy";
import { PREFERENCES } from "../../flows/ids.js";
import { curatorButton, refuse, type ProgrammeView } from "../access.js";
import { ID, cb } from "../callbacks.js";
import type { BaseContext, BotContext } from "../context.js";
import { formatDate } from "../labels.js";
import type { Notifier } from "../notify.js";
import { displayName, freePlaces } from "../pairing.js";
import { enterFlow } from "../flow.js";
import { showScreen } from "../screen.js";

// The preference round (stage 5): the curator opens it with a deadline, everyone ready is asked,
// the curator sees who has answered and closes it.

const ROUND_DAYS = [3, 7, 14] as const;
const roundKey = (pid: string) => `round:${pid}`;

/** The open round, closing it first if its deadline has passed. */
export async function openRound(ctx: BaseContext, pid: string) {
  const { store } = ctx.deps;
  const round = await store.preferences.current(pid);
  if (round && round.deadline.getTime() <= ctx.deps.clock().getTime()) {
    await store.preferences.close(round._id, ctx.deps.clock());
    await store.claims.release(roundKey(pid));
    return null;
  }
  return round;
}

async function roundScreen(ctx: BaseContext, view: ProgrammeView) {
  const pid = view.programme._id;
  const { store } = ctx.deps;
  const round = await openRound(ctx, pid);
  const kb = new InlineKeyboard();
  if (!round) {
    for (const days of ROUND_DAYS) kb.text(ctx.t("round-open", { days }), cb("pro", pid, days));
    kb.row().text(ctx.t("back"), cb("pp", pid));
    return { text: ctx.t("round-none"), keyboard: kb };
  }
  const answers = await store.preferences.ofRound(round._id);
  const answered = new Set(answers.map((a) => a.membershipId));
  const asked = await askedIn(ctx, pid);
  const lines = await Promise.all(asked.map(async (m) => `${answered.has(m._id) ? "✅" : "⏳"} ${await displayName(ctx.deps, ctx.t, m)}`));
  kb.text(ctx.t("round-close"), cb("prc", pid)).row().text(ctx.t("back"), cb("pp", pid));
  const text = [ctx.t("round-status", { until: formatDate(round.deadline, await ctx.i18n.getLocale(), view.school.timeZone), answered: answered.size, asked: asked.length }), "", ...lines].join("\n");
  return { text, keyboard: kb };
}

/** Who is asked: ready mentees still in the pool and trained mentors with free places. */
async function askedIn(ctx: BaseContext, pid: string) {
  const { store } = ctx.deps;
  const mentees = (await store.memberships.participants(pid, "mentee", { intake: "ready" })).filter((m) => m.pairId === null);
  const mentors = [];
  for (const m of await store.memberships.participants(pid, "mentor", { intake: "ready" })) {
    if (m.mentorTrainedOn !== null && (await freePlaces(ctx.deps, m)) > 0) mentors.push(m);
  }
  return [...mentees, ...mentors];
}

export function roundFeature(notifier: Notifier): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const asCurator = (pattern: RegExp, action: Parameters<typeof curatorButton>[2]) => curatorButton(feature, pattern, action);
  const show = async (ctx: BotContext, view: ProgrammeView) => showScreen(ctx, await roundScreen(ctx, view));

  asCurator(new RegExp(`^pr:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    await show(ctx, view);
  });
  asCurator(new RegExp(`^pro:${ID}:(3|7|14)$`), async (ctx, view) => {
    const pid = view.programme._id;
    const now = ctx.deps.clock();
    // One open round per programme, even when two curators press at once.
    if ((await openRound(ctx, pid)) || !(await ctx.deps.store.claims.claim(roundKey(pid), "rounds", ctx.from!.id, now))) return refuse(ctx, "button-stale");
    const days = Number((ctx.match as RegExpMatchArray)[2]);
    const round = await ctx.deps.store.preferences.open(pid, now, new Date(now.getTime() + days * 86_400_000));
    await ctx.answerCallbackQuery({ text: ctx.t("round-opening") });
    let asked = 0;
    for (const m of await askedIn(ctx, pid)) {
      const sent = await notifier.toUser(
        m.userId,
        (t, locale) => t(m.role === "mentee" ? "round-ask-mentee" : "round-ask-mentor", { school: view.school.name, until: formatDate(round.deadline, locale, view.school.timeZone) }),
        (t) => new InlineKeyboard().text(t("round-choose"), cb("pf", round._id, m._id)),
      );
      if (sent) asked++;
    }
    ctx.log.info({ roundId: round._id, asked }, "preference round opened");
    await ctx.reply(ctx.t("round-opened", { count: asked }));
    await show(ctx, view);
  });
  asCurator(new RegExp(`^prc:${ID}$`), async (ctx, view) => {
    const round = await openRound(ctx, view.programme._id);
    if (round) await ctx.deps.store.preferences.close(round._id, ctx.deps.clock());
    await ctx.deps.store.claims.release(roundKey(view.programme._id));
    await ctx.answerCallbackQuery({ text: ctx.t("round-closed-curator") });
    await show(ctx, view);
  });

  // A participant's button: their own membership, checked in the store.
  feature.callbackQuery(new RegExp(`^pf:${ID}:${ID}$`), async (ctx) => {
    const [, roundId, membershipId] = ctx.match as RegExpMatchArray;
    const me = await ctx.deps.store.memberships.get(membershipId!);
    if (!me || me.userId !== ctx.from.id) return refuse(ctx, "not-allowed");
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PREFERENCES, roundId!, me._id);
  });
  for (const prefix of ["pr", "pro", "prc", "pf"]) feature.callbackQuery(new RegExp(`^${prefix}:`), (ctx) => refuse(ctx, "button-stale"));
  return feature;
}
