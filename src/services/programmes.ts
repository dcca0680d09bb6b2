import { INVITATION_DEFAULT_DAYS, expiryFrom } from "../domain/invitations.js";
import { FORMS, isAcademicYear, type Form, type Role } from "../domain/programme.js";
import { defaultTopicIds } from "../domain/questionnaires.js";
import { LIMITS, checkText, isTimeZone } from "../domain/text.js";
import type { Invitation } from "../store/invitations.js";
import type { Membership } from "../store/memberships.js";
import type { School } from "../store/schools.js";
import { authorize, isOperator, type ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { authorizeCurator } from "./invitations.js";
import { ok, refuse, type Result } from "./result.js";

// Schools and their programmes: the operator sets up a school's programme for an academic year
// with its first curator's invitation; a curator sees the programme at a glance.

export const OPERATOR_ONLY = "operator-only";

/** Whether the person may set up schools (for showing the menu's button; each call checks again). */
export const canCreateSchools = (deps: Pick<ServiceDeps, "operatorIds">, actor: Actor): boolean => isOperator(deps, actor);

export interface SchoolInput {
  name: string;
  city: string;
  timeZone: string;
  academicYear: string;
  forms: readonly Form[];
}

export interface CreatedProgramme extends ProgrammeView {
  /** The school existed (same city and name) and was reused. */
  reused: boolean;
  /** The first curator's invitation: one place; the token is shown once. */
  invitation: Invitation;
  token: string;
}

const isDuplicate = (error: unknown) => (error as { code?: number }).code === 11000;

/** The operator creates (or reuses) a school, its programme for the year and the first curator's link. */
export async function createSchoolProgramme(deps: ServiceDeps, actor: Actor, input: SchoolInput): Promise<Result<CreatedProgramme>> {
  const grant = await authorize(deps, actor, { kind: "operator" });
  if (!grant.ok) return refuse("not-allowed", OPERATOR_ONLY);
  const name = checkText(input.name, LIMITS.schoolName);
  const city = checkText(input.city, LIMITS.city);
  const forms = FORMS.filter((f) => input.forms.includes(f));
  if (!name.ok || !city.ok || !isTimeZone(input.timeZone) || !isAcademicYear(input.academicYear) || forms.length === 0) return refuse("rule", "school-invalid");

  const { store } = deps;
  const at = deps.clock();
  // The unique index (city, name) keeps one record per school; an existing one is reused, even
  // when two operators race to create it.
  let school: School | null = await store.schools.findByName(city.value, name.value);
  const reused = school !== null;
  if (!school) {
    try {
      school = await store.schools.create({ name: name.value, city: city.value, timeZone: input.timeZone, createdBy: actor.userId }, at);
    } catch (error) {
      if (!isDuplicate(error)) throw error;
      school = await store.schools.findByName(city.value, name.value);
      if (!school) throw error;
    }
  }
  const exists = () => refuse("rule", "school-exists-programme", { name: school.name, year: input.academicYear });
  if (await store.programmes.findBySchoolYear(school._id, input.academicYear)) return exists();
  let programme;
  try {
    programme = await store.programmes.create({ schoolId: school._id, academicYear: input.academicYear, forms, topicIds: defaultTopicIds(forms), createdBy: actor.userId }, at);
  } catch (error) {
    // One programme per school and year: the unique index decides a race.
    if (isDuplicate(error)) return exists();
    throw error;
  }
  const { invitation, token } = await store.invitations.create(
    { programmeId: programme._id, role: "curator", category: null, grade: null, createdBy: actor.userId, expiresAt: expiryFrom(at, INVITATION_DEFAULT_DAYS), maxUses: 1 },
    at,
  );
  deps.logger.info({ schoolId: school._id, programmeId: programme._id, invitationId: invitation._id }, "school programme created");
  return ok({ school, programme, reused, invitation, token });
}

export interface ProgrammeOverview extends ProgrammeView {
  counts: Record<Role, number>;
}

/** The curator's panel: the programme and how many people hold each role. */
export async function programmeOverview(deps: ServiceDeps, actor: Actor, input: { programmeId: string }): Promise<Result<ProgrammeOverview>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const members = await deps.store.memberships.ofProgramme(input.programmeId);
  const count = (role: Role) => members.filter((m) => m.role === role).length;
  return ok({ programme: grant.value.programme, school: grant.value.school, counts: { curator: count("curator"), mentor: count("mentor"), mentee: count("mentee"), director: count("director") } });
}

export interface RoleHeld extends ProgrammeView {
  membership: Membership;
}

/** The roles the person holds, each with its programme and school (the main menu). */
export async function rolesOf(deps: ServiceDeps, actor: Actor): Promise<RoleHeld[]> {
  const memberships = await deps.store.memberships.ofUser(actor.userId);
  const programmes = await deps.store.programmes.getMany([...new Set(memberships.map((m) => m.programmeId))]);
  const schools = await deps.store.schools.getMany([...new Set([...programmes.values()].map((p) => p.schoolId))]);
  return memberships.flatMap((membership) => {
    const programme = programmes.get(membership.programmeId);
    const school = programme && schools.get(programme.schoolId);
    return programme && school ? [{ membership, programme, school }] : [];
  });
}
