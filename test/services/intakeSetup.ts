import type { Category, Role } from "../../src/domain/programme.js";
import { defaultTopicIds } from "../../src/domain/questionnaires.js";
import type { Store } from "../../src/store/index.js";

// Set-up for the intake services' tests: a school, its programme and curator, and people invited
// into it, made straight in the store.

let nextUser = 1000;
export const newUserId = () => nextUser++;

export async function schoolWithCurator(store: Store, now: Date, name = "МОУ СШ № 2"): Promise<{ programmeId: string; curator: number }> {
  const school = await store.schools.create({ name, city: "Ярославль", timeZone: "Europe/Moscow", createdBy: 1 }, now);
  const forms = ["teacher-teacher", "student-student", "teacher-student"] as const;
  const programme = await store.programmes.create({ schoolId: school._id, academicYear: "2026/2027", forms: [...forms], topicIds: defaultTopicIds(forms), createdBy: 1 }, now);
  const curator = newUserId();
  await store.memberships.add({ userId: curator, programmeId: programme._id, role: "curator", category: null, grade: null, invitationId: null }, now);
  return { programmeId: programme._id, curator };
}

export async function invited(store: Store, now: Date, programmeId: string, role: Role, category: Category, grade: number | null = null): Promise<{ userId: number; membershipId: string }> {
  const userId = newUserId();
  const m = (await store.memberships.add({ userId, programmeId, role, category, grade, invitationId: null }, now))!;
  return { userId, membershipId: m._id };
}
