import { pageOf } from "../domain/paging.js";
import { claimKeys } from "../store/claimKeys.js";
import type { Membership } from "../store/memberships.js";
import { isOperator, loadProgramme, type ProgrammeView } from "./access.js";
import * as audit from "./audit.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { CURATOR_ONLY, authorizeCurator } from "./invitations.js";
import { ok, refuse, type Result } from "./result.js";

// The programme's curators: a curator sees the others (a paged list) and removes one, never
// themselves; an operator removes any. Removal deletes the curator's membership, and the access
// guard reads memberships on every press, so the removed curator's buttons stop at once.

export const CURATORS_PAGE = 10;

export interface CuratorItem {
  n: number;
  membership: Membership;
  /** The person looking at the list. */
  self: boolean;
}

export interface CuratorList extends ProgrammeView {
  items: CuratorItem[];
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
}

/** A curator of the programme, or an operator (who may look after any programme). */
async function curatorOrOperator(deps: ServiceDeps, actor: Actor, programmeId: string): Promise<Result<ProgrammeView>> {
  if (isOperator(deps, actor)) {
    const view = await loadProgramme(deps, programmeId);
    return view ? ok(view) : refuse("not-found");
  }
  const grant = await authorizeCurator(deps, actor, programmeId);
  if (!grant.ok) return grant;
  return ok({ programme: grant.value.programme, school: grant.value.school });
}

/** The list is the programme's curators' (an operator with no programme screens removes by the service). */
export async function listCurators(deps: ServiceDeps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<CuratorList>> {
  const found = await authorizeCurator(deps, actor, input.programmeId);
  if (!found.ok) return found;
  const grant = ok({ programme: found.value.programme, school: found.value.school });
  const curators = await deps.store.memberships.ofProgramme(input.programmeId, "curator");
  const page = pageOf(curators, input.page, CURATORS_PAGE);
  const items = page.items.map((membership, i) => ({ n: page.from + i, membership, self: membership.userId === actor.userId }));
  return ok({ ...grant.value, items, page: page.page, pages: page.pages, from: page.from, to: page.to, total: page.total });
}

/**
 * Removes a curator of the programme. Under the programme's curators lock the remover is checked
 * again: of two curators removing each other at once, the second finds themselves removed and is
 * refused, so at least one stays.
 */
export async function removeCurator(deps: ServiceDeps, actor: Actor, input: { programmeId: string; membershipId: string }): Promise<Result<{ removed: boolean }>> {
  const first = await curatorOrOperator(deps, actor, input.programmeId);
  if (!first.ok) return first;
  const operator = isOperator(deps, actor);
  return deps.store.claims.withLock(claimKeys.curatorsLock(input.programmeId), async (): Promise<Result<{ removed: boolean }>> => {
    if (!operator && !(await deps.store.memberships.find(actor.userId, input.programmeId, "curator"))) return refuse("not-allowed", CURATOR_ONLY);
    const target = await deps.store.memberships.get(input.membershipId);
    if (!target) return ok({ removed: false });
    if (target.programmeId !== input.programmeId || target.role !== "curator") return refuse("not-allowed");
    if (target.userId === actor.userId && !operator) return refuse("rule", "curators-not-self");
    await deps.store.memberships.remove(target._id);
    await audit.record(deps, { programmeId: input.programmeId, actor, action: "curator-removed", membershipId: target._id });
    deps.logger.info({ programmeId: input.programmeId, membershipId: target._id }, "curator removed");
    return ok({ removed: true });
  });
}
