import { defaultTerm } from "../../src/domain/pairs.js";
import type { Category, Role } from "../../src/domain/programme.js";
import { questionnaireFor } from "../../src/domain/questionnaire.js";
import { defaultTopicIds } from "../../src/domain/questionnaires.js";
import type { Actor } from "../../src/services/deps.js";
import type { ProposeInput } from "../../src/services/pairs.js";
import type { Store } from "../../src/store/index.js";
import type { Pair } from "../../src/store/pairs.js";
import type { ServiceFixture } from "./services.js";

// People of a programme made straight in the store for the pairs' and matching's service tests:
// a school with a curator, ready mentors and mentees (consent, questionnaire), proposal input.

let nextUser = 1000;
/** A fresh Telegram user id. */
export const newUserId = () => nextUser++;

export function pairsSetup(f: ServiceFixture) {
  async function programme(name = "МОУ СШ № 2") {
    const now = f.deps.clock();
    const school = await f.store.schools.create({ name, city: "Ярославль", timeZone: "Europe/Moscow", createdBy: 1 }, now);
    const forms = ["teacher-teacher", "student-student", "teacher-student"] as const;
    const p = await f.store.programmes.create({ schoolId: school._id, academicYear: "2026/2027", forms: [...forms], topicIds: defaultTopicIds(forms), createdBy: 1 }, now);
    const curator: Actor = { userId: newUserId() };
    await f.store.memberships.add({ userId: curator.userId, programmeId: p._id, role: "curator", category: null, grade: null, invitationId: null }, now);
    return { programmeId: p._id, curator };
  }

  async function person(programmeId: string, spec: Spec) {
    const now = f.deps.clock();
    const userId = spec.userId ?? newUserId();
    const m = (await f.store.memberships.add({ userId, programmeId, role: spec.role, category: spec.category, grade: spec.grade ?? null, invitationId: null }, now))!;
    const questionnaireId = questionnaireFor(spec.role, spec.category)!;
    await f.store.profiles.open({ _id: m._id, userId, programmeId, questionnaireId, version: 1, cursor: "summary" }, now);
    const answers = { "full-name": spec.name, format: "any", availability: ["weekdays-afternoon"], ...(spec.answers ?? {}) };
    await f.store.profiles.setAnswers(m._id, answers as never, "summary", now);
    await f.store.profiles.submit(m._id, now);
    const paper = spec.parent === "paper";
    await f.store.consents.add({
      userId,
      programmeId,
      membershipId: m._id,
      relation: spec.parent !== undefined ? "parent" : "self",
      decision: "accepted",
      method: paper ? "paper" : "bot",
      givenBy: paper ? null : typeof spec.parent === "number" ? spec.parent : userId,
      textVersion: 1,
      at: now,
      ...(paper ? { recordedBy: 1, signedBy: "Родитель", signedOn: now } : {}),
    });
    await f.store.memberships.moveIntake(m._id, ["invited"], "ready", now);
    if (spec.trained) await f.store.memberships.markTrained(m._id, now);
    if (spec.limit) await f.store.memberships.setMentorLimit(m._id, spec.limit);
    return { actor: { userId } as Actor, id: m._id };
  }

  const teacherMentor = (programmeId: string, name: string, extra: Partial<Spec> = {}) =>
    person(programmeId, { name, role: "mentor", category: "teacher", answers: { experience: 15, competencies: ["parents", "adaptation"] }, trained: true, ...extra });
  const teacherMentee = (programmeId: string, name: string) => person(programmeId, { name, role: "mentee", category: "teacher", answers: { experience: 1, requests: ["parents"] } });

  function term() {
    const start = new Date(Date.UTC(f.deps.clock().getUTCFullYear(), f.deps.clock().getUTCMonth(), f.deps.clock().getUTCDate()));
    return { startDate: start, plannedEnd: defaultTerm(start) };
  }

  const input = (programmeId: string, mentorId: string, menteeIds: string[], form: ProposeInput["form"] = "teacher-teacher"): ProposeInput => ({
    programmeId,
    mentorId,
    menteeIds,
    form,
    roleModel: null,
    ...term(),
    why: { kind: "curator" },
  });

  async function mentorOf(id: string) {
    return (await f.store.memberships.get(id))!;
  }
  return { programme, person, teacherMentor, teacherMentee, term, input, mentorOf };
}

export interface Spec {
  name: string;
  role: Role;
  category: Category;
  grade?: number;
  answers?: Record<string, unknown>;
  /** A parent who consented in the bot (their user id), or "paper". */
  parent?: number | "paper";
  trained?: boolean;
  limit?: number;
  /** A chosen Telegram id (a test that searches the database for it picks one that stands out). */
  userId?: number;
}

// An active pair made straight in the store (what earlier tests cover through the UI: a proposal
// every side agreed to), with its mentees linked to it.

export interface ActivePairSpec {
  programmeId: string;
  mentorId: string;
  menteeIds: string[];
  /** When it was proposed and activated. */
  at: Date;
  createdBy?: number;
  form?: Pair["form"];
  startDate?: Date;
  plannedEnd?: Date;
  /** Whose agreement it took; by default the mentor's and each mentee's. */
  parties?: string[];
}

export async function activePairInStore(store: Store, spec: ActivePairSpec): Promise<Pair> {
  const pair = await store.pairs.create({
    _id: store.pairs.newId(),
    programmeId: spec.programmeId,
    mentorId: spec.mentorId,
    menteeIds: spec.menteeIds,
    form: spec.form ?? "teacher-teacher",
    status: "active",
    startDate: spec.startDate ?? new Date(Date.UTC(2026, 8, 1)),
    plannedEnd: spec.plannedEnd ?? new Date(Date.UTC(2027, 4, 31)),
    parties: spec.parties ?? [`mentor:${spec.mentorId}`, ...spec.menteeIds.map((id) => `mentee:${id}`)],
    proposedAt: spec.at,
    activatedAt: spec.at,
    createdBy: spec.createdBy ?? 1,
  });
  for (const id of spec.menteeIds) await store.memberships.setPair(id, pair._id);
  return pair;
}
