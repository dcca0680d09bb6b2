import { describe, expect, it } from "vitest";
import { createSchoolProgramme, programmeOverview, rolesOf } from "../../src/services/programmes.js";
import { useServices } from "../support/services.js";
import { OPERATOR, newActor, participant, schoolWithCurator } from "./curatorSetup.js";

const f = useServices({ operatorIds: [OPERATOR.userId], now: new Date("2026-10-01T09:00:00Z") });
const school = { name: "ГБОУ ООШ № 4", city: "Новокуйбышевск", timeZone: "Europe/Samara", academicYear: "2026/2027", forms: ["teacher-teacher" as const] };

describe("programmes", () => {
  it("the operator creates a school, its programme and the first curator's one-place link; the same school is reused for another year", async () => {
    const created = await createSchoolProgramme(f.deps, OPERATOR, school);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.reused).toBe(false);
    expect(created.value.programme).toMatchObject({ academicYear: "2026/2027", forms: ["teacher-teacher"] });
    expect(created.value.programme.topicIds.length).toBeGreaterThan(0);
    expect(created.value.invitation).toMatchObject({ role: "curator", maxUses: 1, programmeId: created.value.programme._id });

    expect(await createSchoolProgramme(f.deps, OPERATOR, school)).toMatchObject({ ok: false, kind: "rule", reason: "school-exists-programme" });
    const next = await createSchoolProgramme(f.deps, OPERATOR, { ...school, academicYear: "2027/2028" });
    expect(next.ok && next.value.reused).toBe(true);
    expect(await f.store.schools.list()).toHaveLength(1);
  });

  it("refuses anyone but an operator, and bad details, and creates nothing", async () => {
    const s = await schoolWithCurator(f, "Школа А");
    const schools = (await f.store.schools.list()).length;
    for (const who of [s.curator, newActor()]) {
      expect(await createSchoolProgramme(f.deps, who, { ...school, name: "Другая" })).toEqual({ ok: false, kind: "not-allowed", reason: "operator-only" });
    }
    expect(await createSchoolProgramme(f.deps, OPERATOR, { ...school, forms: [] })).toMatchObject({ ok: false, reason: "school-invalid" });
    expect(await createSchoolProgramme(f.deps, OPERATOR, { ...school, timeZone: "Mars/Olympus" })).toMatchObject({ ok: false, reason: "school-invalid" });
    expect(await createSchoolProgramme(f.deps, OPERATOR, { ...school, academicYear: "2026/2028" })).toMatchObject({ ok: false, reason: "school-invalid" });
    expect((await f.store.schools.list()).length).toBe(schools);
  });

  it("two operators creating the same school's programme at once make one school and one programme", async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => createSchoolProgramme(f.deps, OPERATOR, school)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "school-exists-programme")).toBe(true);
    expect(await f.store.schools.list()).toHaveLength(1);
    expect(await f.store.db.collection("programmes").countDocuments({})).toBe(1);
  });

  it("the curator's overview counts each role; others are refused", async () => {
    const a = await schoolWithCurator(f, "Школа А");
    const b = await schoolWithCurator(f, "Школа Б");
    const mentee = await participant(f, a);
    await participant(f, a, { role: "mentor" });
    await f.store.memberships.add({ userId: 9_000_001, programmeId: a.programmeId, role: "director", category: null, grade: null, invitationId: null }, new Date());
    const overview = await programmeOverview(f.deps, a.curator, { programmeId: a.programmeId });
    expect(overview.ok && overview.value.counts).toEqual({ curator: 1, mentor: 1, mentee: 1, director: 1 });
    for (const who of [b.curator, mentee.actor, newActor()]) {
      expect(await programmeOverview(f.deps, who, { programmeId: a.programmeId })).toEqual({ ok: false, kind: "not-allowed", reason: "curator-only" });
    }
    const roles = await rolesOf(f.deps, mentee.actor);
    expect(roles.map((r) => [r.membership.role, r.school.name])).toEqual([["mentee", "Школа А"]]);
  });
});
