import type { Membership } from "../store/memberships.js";
import type { Pair } from "../store/pairs.js";
import { claimKeys } from "../store/claimKeys.js";
import type { ServiceDeps } from "./deps.js";

// TEMPORARY (branch "intake"): only `closePairsOf`, a faithful copy of today's logic from
// src/bot/pairing.ts adapted to ServiceDeps, so that a withdrawal can close the person's pairs.
// Helper "pairs" owns this file; the lead takes their version at merge.

async function releaseMentee(deps: ServiceDeps, menteeId: string, pairId: string): Promise<void> {
  if ((await deps.store.claims.holderOf(claimKeys.mentee(menteeId))) !== pairId) return;
  await deps.store.claims.release(claimKeys.mentee(menteeId));
  await deps.store.memberships.setPair(menteeId, null);
}

/** Gives back the mentor's places and returns the mentees to the pool. */
async function dissolve(deps: ServiceDeps, pair: Pair): Promise<void> {
  await deps.store.claims.releasePlaces(claimKeys.mentorPlaces(pair.mentorId), pair._id);
  for (const id of pair.menteeIds) await releaseMentee(deps, id, pair._id);
}

async function endPair(deps: ServiceDeps, pair: Pair, by: number | null, reason: string, early: boolean): Promise<boolean> {
  const now = deps.clock();
  if (!(await deps.store.claims.claim(claimKeys.pairEnded(pair._id), "ended", by ?? "system", now))) return false;
  if (!(await deps.store.pairs.move(pair._id, "active", "ended", { endedAt: now }))) return false;
  await dissolve(deps, pair);
  await deps.store.pairs.addEvent({ pairId: pair._id, programmeId: pair.programmeId, kind: early ? "ended-early" : "ended", at: now, by, reason });
  return true;
}

/** Closes whatever pairs a person is in because they left the programme (consent withdrawn). */
export async function closePairsOf(deps: ServiceDeps, membership: Membership): Promise<void> {
  const pairs = await deps.store.pairs.ofProgramme(membership.programmeId, ["awaiting", "active"]);
  for (const pair of pairs.filter((p) => p.mentorId === membership._id || p.menteeIds.includes(membership._id))) {
    if (pair.status === "active") {
      await endPair(deps, pair, null, "other", true);
      continue;
    }
    const now = deps.clock();
    if (!(await deps.store.claims.claim(claimKeys.pairSettled(pair._id), "settled", "withdrawn", now))) continue;
    if (await deps.store.pairs.move(pair._id, "awaiting", "declined", { endedAt: now })) {
      await dissolve(deps, pair);
      await deps.store.pairs.addEvent({ pairId: pair._id, programmeId: pair.programmeId, kind: "declined", at: now, by: null, reason: "other" });
    }
  }
}
