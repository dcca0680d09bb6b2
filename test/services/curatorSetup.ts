import { expect } from "vitest";
import type { IntakeStatus } from "../../src/domain/consent.js";
import type { Category, Role } from "../../src/domain/programme.js";
import { createInvitation, joinByToken } from "../../src/services/invitations.js";
import { createSchoolProgramme } from "../../src/services/programmes.js";
import type { ServiceFixture } from "../support/services.js";

// Set-up shared by the curator capability's service tests: schools, curators and people, made
// through the services themselves where a person would make them.

export const OPERATOR = { userId: 1 };

let nextUser = 1000;
export const newActor = () => ({ userId: nextUser++ });

/** A school's programme with its first curator joined. */
export async function schoolWithCurator(f: ServiceFixture, name = "МОУ СШ № 2") {
  const created = await createSchoolProgramme(f.deps, OPERATOR, { name, city: "Самара", timeZone: "Europe/Samara", academicYear: "2026/2027", forms: ["teacher-teacher", "student-student"] });
  if (!created.ok) throw new Error(created.reason);
  const curator = newActor();
  const joined = await joinByToken(f.deps, curator, { token: created.value.token });
  if (!joined.ok) throw new Error(joined.reason);
  return { programmeId: created.value.programme._id, schoolId: created.value.school._id, curator, curatorMembership: joined.value.membership };
}

/** A person invited by the curator and joined; optionally moved to an intake status and named. */
export async function participant(
  f: ServiceFixture,
  s: { programmeId: string; curator: { userId: number } },
  opts: { role?: Extract<Role, "mentor" | "mentee">; category?: Category; grade?: number | null; intake?: IntakeStatus; name?: string; answers?: Record<string, string | string[]> } = {},
) {
  const role = opts.role ?? "mentee";
  const category = opts.category ?? "teacher";
  const inv = await createInvitation(f.deps, s.curator, { programmeId: s.programmeId, role, category, grade: opts.grade ?? null, uses: 1 });
  expect(inv.ok).toBe(true);
  if (!inv.ok) throw new Error(inv.reason);
  const actor = newActor();
  const joined = await joinByToken(f.deps, actor, { token: inv.value.token });
  if (!joined.ok) throw new Error(joined.reason);
  let membership = joined.value.membership;
  if (opts.intake && opts.intake !== "invited") membership = (await f.store.memberships.moveIntake(membership._id, ["invited"], opts.intake, f.deps.clock()))!;
  if (opts.name || opts.answers) {
    const now = f.deps.clock();
    await f.store.profiles.open({ _id: membership._id, userId: actor.userId, programmeId: s.programmeId, questionnaireId: role === "mentor" ? "mentor-teacher" : "mentee-teacher", version: 1, cursor: "full-name" }, now);
    if (opts.name) await f.store.profiles.saveAnswer(membership._id, "full-name", opts.name, "full-name", now);
    for (const [q, v] of Object.entries(opts.answers ?? {})) await f.store.profiles.saveAnswer(membership._id, q, v, q, now);
  }
  return { actor, membership };
}
