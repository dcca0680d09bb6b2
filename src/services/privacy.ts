import type { IntakeStatus } from "../domain/consent.js";
import type { Category, Role } from "../domain/programme.js";
import { applicableQuestions, questionnaireFor, type AnswerValue, type Question } from "../domain/questionnaire.js";
import { QUESTIONNAIRES } from "../domain/questionnaires.js";
import type { Consent } from "../store/consents.js";
import { loadProgramme } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { ok, type Result } from "./result.js";
import { isStaffRole } from "../domain/programme.js";

// /privacy: everything the bot keeps about the person asking, as data for the message and the
// file. Only the asker's own records are read (by their Telegram id), so anyone may ask: there
// is nothing to authorize beyond being the person.

export interface KeptRole {
  membershipId: string;
  role: Role;
  category: Category | null;
  grade: number | null;
  school: string;
  year: string;
  timeZone: string;
  /** Null for a curator (only the Telegram id is kept). */
  intake: IntakeStatus | null;
  consents: Pick<Consent, "at" | "decision" | "relation" | "method" | "textVersion">[];
  /** The answered questions, or null when there is no questionnaire. */
  answers: { question: Question; value: AnswerValue }[] | null;
  topicLabels: Record<string, string>;
}

export interface KeptAsParent {
  /** The child's membership: the parent may withdraw for it. */
  membershipId: string;
  role: Role;
  category: Category | null;
  grade: number | null;
  school: string;
  timeZone: string;
  at: Date;
}

export interface KeptData {
  userId: number;
  roles: KeptRole[];
  asParent: KeptAsParent[];
}

export async function keptAbout(deps: ServiceDeps, actor: Actor): Promise<Result<KeptData>> {
  const { store } = deps;
  const roles: KeptRole[] = [];
  for (const m of await store.memberships.ofUser(actor.userId)) {
    const view = await loadProgramme(deps, m.programmeId);
    if (!view) continue;
    const base = { membershipId: m._id, role: m.role, category: m.category, grade: m.grade, school: view.school.name, year: view.programme.academicYear, timeZone: view.school.timeZone, topicLabels: view.programme.topicLabels };
    if (isStaffRole(m.role)) {
      roles.push({ ...base, intake: null, consents: [], answers: null });
      continue;
    }
    const consents = (await store.consents.history(m._id)).map(({ at, decision, relation, method, textVersion }) => ({ at, decision, relation, method, textVersion }));
    const profile = await store.profiles.get(m._id);
    const qid = questionnaireFor(m.role, m.category);
    const answers =
      profile && qid
        ? applicableQuestions(QUESTIONNAIRES[qid], profile.answers)
            .filter((q) => q.id in profile.answers)
            .map((question) => ({ question, value: profile.answers[question.id]! }))
        : null;
    roles.push({ ...base, intake: m.intake ?? "invited", consents, answers });
  }
  const asParent: KeptAsParent[] = [];
  for (const c of await store.consents.givenByParent(actor.userId)) {
    const child = c.membershipId ? await store.memberships.get(c.membershipId) : null;
    const view = child && (await loadProgramme(deps, child.programmeId));
    if (!child || !view) continue;
    // Only a consent that still stands (the latest record of the child) lets the parent act.
    const standing = (await store.consents.standing([child._id])).get(child._id);
    if (standing?._id !== c._id) continue;
    asParent.push({ membershipId: child._id, role: child.role, category: child.category, grade: child.grade, school: view.school.name, timeZone: view.school.timeZone, at: c.at });
  }
  return ok({ userId: actor.userId, roles, asParent });
}
