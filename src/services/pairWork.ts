import type { Role } from "../domain/programme.js";
import type { Pair } from "../store/pairs.js";
import { authorize } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import type { NoticeVar } from "./notices.js";
import { personRefs } from "./people.js";
import { ok, refuse, type Result } from "./result.js";

// The pair menu of a mentor or a mentee: who the other side is and what the pair holds. Each part
// of pair work adds its summary line here and its buttons to the menu's view.

export interface PairMenu {
  pair: Pair;
  /** The actor's own membership in the pair and its role there. */
  membershipId: string;
  role: Role;
  mentor: NoticeVar;
  mentees: NoticeVar[];
  timeZone: string;
}

export async function pairMenu(deps: ServiceDeps, actor: Actor, input: { pairId: string }): Promise<Result<PairMenu>> {
  const granted = await authorize(deps, actor, { kind: "pair-party", pairId: input.pairId });
  if (!granted.ok) return granted;
  const { pair, me, school } = granted.value;
  // Pair work is for a pair that works: a proposed, declined or ended pair has no menu.
  if (pair.status !== "active") return refuse("stale", "pair-menu-not-active");
  const people = await deps.store.memberships.getMany([pair.mentorId, ...pair.menteeIds]);
  const refs = await personRefs(deps, [...people.values()]);
  return ok({
    pair,
    membershipId: me._id,
    role: me.role,
    mentor: refs.get(pair.mentorId) ?? "—",
    mentees: pair.menteeIds.map((id) => refs.get(id) ?? "—"),
    timeZone: school.timeZone,
  });
}
