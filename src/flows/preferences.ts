import type { FlowContext, FlowConversation } from "../bot/context.js";

// The preference ranking is no longer a conversation: each press changes the ranking in progress
// kept in the store (services/rounds.ts, `pressRanking`), so nothing grows with the presses
// (bot/features/round.ts). This id stays registered so that a ranking begun as a conversation
// before the change ends at its next update (the function returns at once) instead of lingering;
// the person presses «Выбрать» in the invitation again.
export async function preferences(_conversation: FlowConversation, _ctx: FlowContext): Promise<void> {}
