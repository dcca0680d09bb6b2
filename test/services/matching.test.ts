import { describe, expect, it } from "vitest";
import { acceptProposal, allowedForms, manualOptions, otherMentors, proposalAt, runProposals } from "../../src/services/matching.js";
import { pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// The matching engine's side of stage 5 through the services, on FerretDB: a run kept as a batch,
// proposals accepted (with their mentor or another), the mentees left over with their reasons,
// and the options of a pair by hand. Someone else's batch is refused.

const f = useServices({ operatorIds: [1] });
const { programme, person, teacherMentor, teacherMentee } = pairsSetup(f);

describe("the engine's proposals", () => {
  it("are walked through: accepted ones become pairs, the rest are left with reasons", async () => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Ирина Орлова", { limit: 1 });
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    await teacherMentee(programmeId, "Олег Юрьев");
    const batch = await runProposals(f.deps, curator, programmeId);
    expect(batch.ok).toBe(true);
    const batchId = batch.ok ? batch.value : "";
    const first = await proposalAt(f.deps, curator, { batchId, index: 0 });
    expect(first.ok && first.value.kind).toBe("proposal");
    const accepted = await acceptProposal(f.deps, curator, { batchId, index: 0 });
    expect(accepted.ok && accepted.value.mentorId).toBe(mentor.id);
    expect(accepted.ok && accepted.value.menteeIds).toHaveLength(1);
    // Accepting again: the mentor has no place left.
    expect(await acceptProposal(f.deps, curator, { batchId, index: 0 })).toMatchObject({ ok: false });
    const done = await proposalAt(f.deps, curator, { batchId, index: 1 });
    expect(done.ok && done.value.kind).toBe("done");
    expect(done.ok && done.value.kind === "done" && done.value.unmatched.items).toHaveLength(1);
    // Someone else's batch.
    const other = await programme("Другая школа");
    expect(await proposalAt(f.deps, other.curator, { batchId, index: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await acceptProposal(f.deps, anna.actor, { batchId, index: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
  });
});

describe("another mentor and a pair by hand", () => {
  it("offers mentors the forms allow, and accepts a proposal with one of them", async () => {
    const { programmeId, curator } = await programme();
    const irina = await teacherMentor(programmeId, "Ирина Орлова", { answers: { experience: 12, competencies: ["parents"] } });
    const pavel = await teacherMentor(programmeId, "Павел Смирнов", { answers: { experience: 9, competencies: ["adaptation"] } });
    const pupil = await person(programmeId, { name: "Петя Ветров", role: "mentee", category: "student", grade: 7, answers: { requests: ["parents"] }, parent: "paper" });
    const anna = await teacherMentee(programmeId, "Анна Новикова");
    const batch = await runProposals(f.deps, curator, programmeId);
    const batchId = batch.ok ? batch.value : "";
    const screen = await proposalAt(f.deps, curator, { batchId, index: 0 });
    expect(screen.ok && screen.value.kind).toBe("proposal");
    const others = await otherMentors(f.deps, curator, { batchId, index: 0 });
    expect(others.ok).toBe(true);
    const option = others.ok ? others.value.options.items[0] : undefined;
    expect(others.ok && others.value.options.page).toBe(0);
    expect(option).toBeDefined();
    const accepted = await acceptProposal(f.deps, curator, { batchId, index: 0, mentorId: option!.membershipId });
    expect(accepted.ok && accepted.value.mentorId).toBe(option!.membershipId);
    expect([irina.id, pavel.id]).toContain(option!.membershipId);

    const manual = await manualOptions(f.deps, curator, programmeId);
    expect(manual.ok && manual.value.mentees.map((m) => m.membershipId)).not.toContain(accepted.ok ? accepted.value.menteeIds[0] : "");
    // A teacher mentor with a pupil: teacher – student only; with a teacher too: no form fits both.
    const pupil2 = await person(programmeId, { name: "Вова Лесков", role: "mentee", category: "student", grade: 7, answers: { requests: ["parents"] }, parent: "paper" });
    const teacher2 = await teacherMentee(programmeId, "Олег Юрьев");
    expect(await allowedForms(f.deps, curator, { programmeId, mentorId: pavel.id, menteeIds: [pupil2.id] })).toEqual({ ok: true, value: ["teacher-student"] });
    expect(await allowedForms(f.deps, curator, { programmeId, mentorId: pavel.id, menteeIds: [pupil2.id, teacher2.id] })).toEqual({ ok: true, value: [] });
    expect(pupil.id).not.toBe(pupil2.id);
    expect(await manualOptions(f.deps, anna.actor, programmeId)).toMatchObject({ ok: false, kind: "not-allowed" });
  });

  it("«другой наставник» pages through every other mentor, best fit first, not only the best six", async () => {
    const { programmeId, curator } = await programme();
    for (let i = 1; i <= 9; i++) await teacherMentor(programmeId, `Наставник ${i}`, { answers: { experience: 5 + i, competencies: i % 2 ? ["parents"] : ["adaptation"] } });
    await teacherMentee(programmeId, "Анна Новикова");
    const batch = await runProposals(f.deps, curator, programmeId);
    const batchId = batch.ok ? batch.value : "";
    const first = await otherMentors(f.deps, curator, { batchId, index: 0 });
    const second = await otherMentors(f.deps, curator, { batchId, index: 0, page: 1 });
    expect(first.ok && first.value.options).toMatchObject({ page: 0, pages: 2, total: 8 });
    expect(second.ok && second.value.options.items).toHaveLength(2);
    const fits = [...(first.ok ? first.value.options.items : []), ...(second.ok ? second.value.options.items : [])].map((o) => o.fit);
    expect(fits).toEqual([...fits].sort((a, b) => b - a));
    expect(await otherMentors(f.deps, { userId: 424242 }, { batchId, index: 0, page: 1 })).toMatchObject({ ok: false });
  });
});
