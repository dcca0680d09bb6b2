import { Composer } from "grammy";
import { MANUAL_PAIR, ORDER, PAIR_CHANGE, PAIR_TERM } from "../../flows/ids.js";
import {
  acceptProposal,
  chooseManualMentor,
  manualMentees,
  manualMentors,
  manualSelection,
  otherMentors,
  proposalAt,
  runProposals,
  toggleManualMentee,
  unmatchedAt,
} from "../../services/matching.js";
import {
  dismissReplacement,
  markTrained,
  mentorCard,
  mentorsScreen,
  orderPending,
  pairCard,
  pairHistory,
  pairTermOf,
  pairsHome,
  pairsList,
  recordPaperParentAgreement,
  recordReplacementPaperParent,
  withdrawReplacement,
  roleModelsOf,
  setMentorLimit,
  setRoleModel,
} from "../../services/pairs.js";
import { refuse, type Result } from "../../services/result.js";
import { onAction } from "../buttons.js";
import type { BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { answerRefusal } from "../refusals.js";
import { showScreen, type Screen } from "../screen.js";
import {
  homeView,
  manualMenteesView,
  manualMentorsView,
  mentorCardView,
  mentorsView,
  otherMentorsView,
  pairCardView,
  pairHistoryView,
  pairsListView,
  proposalView,
  roleModelsView,
} from "../views/pairs.js";

// Stages 4–5 for the curator: mentors selected and trained with their limits, the engine's
// proposals (accept, another mentor, skip), pairs by hand, the list of pairs with each one's card
// and history, the order. Each button: decode, call a service, render its answer or its refusal.

const actor = (ctx: BotContext) => ({ userId: ctx.from!.id });

/** Shows the screen the result gives, after answering the press (with a short note, if any). */
async function show<T>(ctx: BotContext, result: Result<T>, view: (value: T) => Promise<Screen> | Screen, note?: string): Promise<void> {
  if (!result.ok) return answerRefusal(ctx, result);
  await ctx.answerCallbackQuery(note ? { text: ctx.t(note) } : {});
  await showScreen(ctx, await view(result.value));
}

export function pairsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  onAction(feature, "pairsHome", async (ctx, { programmeId }) => show(ctx, await pairsHome(ctx.deps, actor(ctx), programmeId), (home) => homeView(ctx, home)));

  // Mentors: selected and trained (stage 4), limit of mentees at once.
  onAction(feature, "pairsMentors", async (ctx, input) => show(ctx, await mentorsScreen(ctx.deps, actor(ctx), input), (s) => mentorsView(ctx, s)));
  onAction(feature, "pairsMentor", async (ctx, { membershipId }) => show(ctx, await mentorCard(ctx.deps, actor(ctx), membershipId), (card) => mentorCardView(ctx, card)));
  onAction(feature, "pairsMentorTrained", async (ctx, { membershipId, trained }) => {
    const result = await markTrained(ctx.deps, actor(ctx), { membershipId, trained: trained === "y" });
    await show(ctx, result, (card) => mentorCardView(ctx, card), trained === "y" ? "pairs-trained-saved" : "pairs-trained-removed");
  });
  onAction(feature, "pairsMentorLimit", async (ctx, { membershipId, limit }) => {
    const result = await setMentorLimit(ctx.deps, actor(ctx), { membershipId, limit });
    await show(ctx, result, (card) => mentorCardView(ctx, card), "pairs-limit-saved");
  });

  // The engine's proposals, one at a time.
  onAction(feature, "pairsPropose", async (ctx, { programmeId }) => {
    const batch = await runProposals(ctx.deps, actor(ctx), programmeId);
    if (!batch.ok) return answerRefusal(ctx, batch);
    await show(ctx, await proposalAt(ctx.deps, actor(ctx), { batchId: batch.value, index: 0 }), (s) => proposalView(ctx, s));
  });
  onAction(feature, "pairsProposal", async (ctx, at) => show(ctx, await proposalAt(ctx.deps, actor(ctx), at), (s) => proposalView(ctx, s)));
  onAction(feature, "pairsUnmatched", async (ctx, input) => show(ctx, await unmatchedAt(ctx.deps, actor(ctx), input), (s) => proposalView(ctx, s)));

  const accept = async (ctx: BotContext, at: { batchId: string; index: number; mentorId?: string }) => {
    const result = await acceptProposal(ctx.deps, actor(ctx), at);
    if (!result.ok && result.kind === "not-allowed") return answerRefusal(ctx, result);
    // Accepted or not (no longer possible), the curator goes on to the next proposal.
    await ctx.answerCallbackQuery(result.ok ? { text: ctx.t("proposal-sent") } : { text: ctx.t(result.reason, result.vars), show_alert: true });
    const next = await proposalAt(ctx.deps, actor(ctx), { batchId: at.batchId, index: at.index + 1 });
    if (next.ok) await showScreen(ctx, await proposalView(ctx, next.value));
  };
  onAction(feature, "pairsProposalAccept", (ctx, at) => accept(ctx, at));
  onAction(feature, "pairsProposalWith", (ctx, { batchId, index, membershipId }) => accept(ctx, { batchId, index, mentorId: membershipId }));
  // Another mentor: the best others with free places who may mentor this mentee.
  onAction(feature, "pairsProposalOthers", async (ctx, at) => show(ctx, await otherMentors(ctx.deps, actor(ctx), at), (others) => otherMentorsView(ctx, others)));

  // A pair or a group by hand: the picker is plain screens over the store; «Готово» starts the
  // conversation for the form, the role model and the dates.
  const showMentors = async (ctx: BotContext, programmeId: string, page: number) => {
    const mentors = await manualMentors(ctx.deps, actor(ctx), { programmeId, page });
    if (mentors.ok && mentors.value.mentors.total === 0) return answerRefusal(ctx, refuse("rule", "manual-nobody"));
    await show(ctx, mentors, (s) => manualMentorsView(ctx, s));
  };
  onAction(feature, "pairsManual", async (ctx, { programmeId }) => showMentors(ctx, programmeId, 0));
  onAction(feature, "pairsManualMentors", async (ctx, { programmeId, page }) => showMentors(ctx, programmeId, page));
  onAction(feature, "pairsManualMentor", async (ctx, input) => show(ctx, await chooseManualMentor(ctx.deps, actor(ctx), input), (s) => manualMenteesView(ctx, s)));
  onAction(feature, "pairsManualMentees", async (ctx, input) => show(ctx, await manualMentees(ctx.deps, actor(ctx), input), (s) => manualMenteesView(ctx, s)));
  onAction(feature, "pairsManualMentee", async (ctx, input) => show(ctx, await toggleManualMentee(ctx.deps, actor(ctx), input), (s) => manualMenteesView(ctx, s)));
  onAction(feature, "pairsManualDone", async (ctx, { programmeId }) => {
    const chosen = await manualSelection(ctx.deps, actor(ctx), programmeId);
    if (!chosen.ok) return answerRefusal(ctx, chosen);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await enterFlow(ctx, MANUAL_PAIR, programmeId);
  });
  onAction(feature, "pairsOrder", async (ctx, { programmeId }) => {
    const pending = await orderPending(ctx.deps, actor(ctx), programmeId);
    if (!pending.ok) return answerRefusal(ctx, pending);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, ORDER, programmeId);
  });
  onAction(feature, "pairsList", async (ctx, input) => show(ctx, await pairsList(ctx.deps, actor(ctx), input), (list) => pairsListView(ctx, list)));
  onAction(feature, "pairCard", async (ctx, { pairId }) => show(ctx, await pairCard(ctx.deps, actor(ctx), pairId), (card) => pairCardView(ctx, card)));
  onAction(feature, "pairHistory", async (ctx, input) => show(ctx, await pairHistory(ctx.deps, actor(ctx), input), (h) => pairHistoryView(ctx, h)));
  onAction(feature, "pairReplacementDismiss", async (ctx, { pairId }) => {
    const dismissed = await dismissReplacement(ctx.deps, actor(ctx), { pairId });
    if (!dismissed.ok) return answerRefusal(ctx, dismissed);
    await show(ctx, await pairCard(ctx.deps, actor(ctx), pairId), (card) => pairCardView(ctx, card), "replacement-dismissed-note");
  });

  // The role model of a pair (the engine proposes the form; the curator names the model).
  onAction(feature, "pairRoleModels", async (ctx, { pairId }) => show(ctx, await roleModelsOf(ctx.deps, actor(ctx), pairId), (models) => roleModelsView(ctx, pairId, models)));
  onAction(feature, "pairRoleModel", async (ctx, { pairId, model }) => {
    const saved = await setRoleModel(ctx.deps, actor(ctx), { pairId, roleModel: model === "-" ? null : model });
    if (!saved.ok) return answerRefusal(ctx, saved);
    await show(ctx, await pairCard(ctx.deps, actor(ctx), pairId), (card) => pairCardView(ctx, card), "pair-model-saved");
  });

  onAction(feature, "pairTerm", async (ctx, { pairId }) => {
    const term = await pairTermOf(ctx.deps, actor(ctx), pairId, "awaiting");
    if (!term.ok) return answerRefusal(ctx, term);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PAIR_TERM, pairId);
  });

  onAction(feature, "pairPaperParent", async (ctx, input) => {
    const result = await recordPaperParentAgreement(ctx.deps, actor(ctx), input);
    if (!result.ok) return answerRefusal(ctx, result);
    await show(ctx, await pairCard(ctx.deps, actor(ctx), input.pairId), (card) => pairCardView(ctx, card), `agreement-${result.value}`);
  });
  // A proposed new mentor: a paper parent's agreement recorded, or the proposal taken back.
  onAction(feature, "replPaper", async (ctx, input) => {
    const result = await recordReplacementPaperParent(ctx.deps, actor(ctx), input);
    if (!result.ok) return answerRefusal(ctx, result);
    await show(ctx, await pairCard(ctx.deps, actor(ctx), result.value.pairId), (card) => pairCardView(ctx, card), `replace-result-${result.value.result}`);
  });
  onAction(feature, "replWithdraw", async (ctx, { pairId }) => {
    const withdrawn = await withdrawReplacement(ctx.deps, actor(ctx), { pairId });
    if (!withdrawn.ok) return answerRefusal(ctx, withdrawn);
    await show(ctx, await pairCard(ctx.deps, actor(ctx), pairId), (card) => pairCardView(ctx, card), "replacement-withdrawn-note");
  });
  onAction(feature, "pairChange", async (ctx, { pairId, kind }) => {
    const term = await pairTermOf(ctx.deps, actor(ctx), pairId, "active");
    if (!term.ok) return answerRefusal(ctx, term);
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PAIR_CHANGE, pairId, kind);
  });
  return feature;
}
