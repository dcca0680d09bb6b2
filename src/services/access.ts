import type { Role } from "../domain/programme.js";
import type { Membership } from "../store/memberships.js";
import type { Pair } from "../store/pairs.js";
import type { ParentLink } from "../store/parentLinks.js";
import type { Programme } from "../store/programmes.js";
import type { School } from "../store/schools.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { ok, refuse, type Result } from "./result.js";
import { isStaffRole } from "../domain/programme.js";

// The one access guard. Every service call asks it first, with what the call needs; it reads the
// store each time (never a button, never a cache), so a removed curator or a withdrawn person
// is refused on their very next press.

export type Need =
  /** One of OPERATOR_IDS. */
  | { kind: "operator" }
  /** A curator of this programme. */
  | { kind: "curator"; programmeId: string }
  /** A curator of the programme this pair belongs to. */
  | { kind: "pair-curator"; pairId: string }
  /** A curator or the director of this programme: who may read its overview and approve. */
  | { kind: "staff"; programmeId: string }
  /** A curator or the director of the programme this pair belongs to. */
  | { kind: "pair-staff"; pairId: string }
  /** The mentor or a mentee of this pair. */
  | { kind: "pair-party"; pairId: string }
  /** The parent who consented in the bot for this child (a membership). */
  | { kind: "parent"; membershipId: string }
  /** The parent who opened a consent link for this child and has not answered on it yet. */
  | { kind: "parent-link"; membershipId: string }
  /** This membership is the actor's own (optionally of one role). */
  | { kind: "own"; membershipId: string; role?: Role }
  /** A mentor or mentee (or the given role) of this programme. */
  | { kind: "participant"; programmeId: string; role?: Role };

export interface ProgrammeView {
  programme: Programme;
  school: School;
}

export type Grant<N extends Need> = N extends { kind: "operator" }
  ? { actor: Actor }
  : N extends { kind: "curator" }
    ? ProgrammeView & { curator: Membership }
    : N extends { kind: "pair-curator" }
      ? ProgrammeView & { curator: Membership; pair: Pair }
      : N extends { kind: "staff" }
      ? ProgrammeView & { staff: Membership }
      : N extends { kind: "pair-staff" }
      ? ProgrammeView & { staff: Membership; pair: Pair }
      : N extends { kind: "pair-party" }
        ? ProgrammeView & { pair: Pair; me: Membership }
        : N extends { kind: "parent" }
          ? ProgrammeView & { child: Membership }
          : N extends { kind: "parent-link" }
            ? ProgrammeView & { child: Membership; link: ParentLink }
          : N extends { kind: "own" }
            ? ProgrammeView & { me: Membership }
            : ProgrammeView & { me: Membership };

type Deps = Pick<ServiceDeps, "store" | "operatorIds" | "clock">;

export const isOperator = (deps: Pick<ServiceDeps, "operatorIds">, actor: Actor): boolean => deps.operatorIds.includes(actor.userId);

export async function loadProgramme(deps: Pick<ServiceDeps, "store">, programmeId: string): Promise<ProgrammeView | null> {
  const programme = await deps.store.programmes.get(programmeId);
  if (!programme) return null;
  const school = await deps.store.schools.get(programme.schoolId);
  return school ? { programme, school } : null;
}

const denied = () => refuse("not-allowed");

/** The actor's curator membership in the programme, else their director membership. */
async function staffOf(deps: Deps, actor: Actor, programmeId: string): Promise<Membership | null> {
  return (await deps.store.memberships.find(actor.userId, programmeId, "curator")) ?? (await deps.store.memberships.find(actor.userId, programmeId, "director"));
}

/** Decides whether the actor may act as `need` says; returns what it loaded to decide. */
export async function authorize<N extends Need>(deps: Deps, actor: Actor, need: N): Promise<Result<Grant<N>>> {
  const grant = await decide(deps, actor, need);
  return grant ? ok(grant as Grant<N>) : denied();
}

async function decide(deps: Deps, actor: Actor, need: Need): Promise<object | null> {
  const { store } = deps;
  switch (need.kind) {
    case "operator":
      return isOperator(deps, actor) ? { actor } : null;
    case "curator": {
      const curator = await store.memberships.find(actor.userId, need.programmeId, "curator");
      if (!curator) return null;
      const view = await loadProgramme(deps, need.programmeId);
      return view ? { ...view, curator } : null;
    }
    case "pair-curator": {
      const pair = await store.pairs.get(need.pairId);
      if (!pair) return null;
      const curator = await store.memberships.find(actor.userId, pair.programmeId, "curator");
      if (!curator) return null;
      const view = await loadProgramme(deps, pair.programmeId);
      return view ? { ...view, curator, pair } : null;
    }
    case "staff": {
      const staff = await staffOf(deps, actor, need.programmeId);
      if (!staff) return null;
      const view = await loadProgramme(deps, need.programmeId);
      return view ? { ...view, staff } : null;
    }
    case "pair-staff": {
      const pair = await store.pairs.get(need.pairId);
      if (!pair) return null;
      const staff = await staffOf(deps, actor, pair.programmeId);
      if (!staff) return null;
      const view = await loadProgramme(deps, pair.programmeId);
      return view ? { ...view, staff, pair } : null;
    }
    case "pair-party": {
      const pair = await store.pairs.get(need.pairId);
      if (!pair) return null;
      const people = await store.memberships.getMany([pair.mentorId, ...pair.menteeIds]);
      const me = [...people.values()].find((m) => m.userId === actor.userId);
      if (!me) return null;
      const view = await loadProgramme(deps, pair.programmeId);
      return view ? { ...view, pair, me } : null;
    }
    case "parent": {
      const child = await store.memberships.get(need.membershipId);
      if (!child) return null;
      const standing = (await store.consents.standing([child._id])).get(child._id);
      if (!standing || standing.relation !== "parent" || standing.givenBy !== actor.userId) return null;
      const view = await loadProgramme(deps, child.programmeId);
      return view ? { ...view, child } : null;
    }
    case "parent-link": {
      const link = await store.parentLinks.openedBy(need.membershipId, actor.userId);
      if (!link || link.childId === actor.userId || link.expiresAt.getTime() <= deps.clock().getTime()) return null;
      const child = await store.memberships.get(need.membershipId);
      if (!child || isStaffRole(child.role)) return null;
      const view = await loadProgramme(deps, child.programmeId);
      return view ? { ...view, child, link } : null;
    }
    case "own": {
      const me = await store.memberships.get(need.membershipId);
      if (!me || me.userId !== actor.userId || (need.role !== undefined && me.role !== need.role)) return null;
      const view = await loadProgramme(deps, me.programmeId);
      return view ? { ...view, me } : null;
    }
    case "participant": {
      const roles: Role[] = need.role ? [need.role] : ["mentor", "mentee"];
      for (const role of roles) {
        const me = await store.memberships.find(actor.userId, need.programmeId, role);
        if (!me) continue;
        const view = await loadProgramme(deps, need.programmeId);
        return view ? { ...view, me } : null;
      }
      return null;
    }
  }
}
