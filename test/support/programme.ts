import type { Message } from "grammy/types";
import { expect } from "vitest";
import { INVITATION_DEFAULT_DAYS, expiryFrom } from "../../src/domain/invitations.js";
import type { Category, Role } from "../../src/domain/programme.js";
import { applicableQuestions, questionnaireFor, type Answers } from "../../src/domain/questionnaire.js";
import { QUESTIONNAIRES, defaultTopicIds } from "../../src/domain/questionnaires.js";
import type { TestUser } from "./emulator/index.js";
import type { TestBot } from "./harness.js";

// Set-up that earlier tests already cover through the UI (a school, its programme, a curator,
// invitations), made straight in the store; and a driver that fills a questionnaire as a person.

export interface Programme {
  programmeId: string;
  schoolName: string;
  curator: TestUser;
}

export async function programmeWithCurator(t: TestBot, name = "МОУ СШ № 2"): Promise<Programme> {
  const now = t.deps.clock();
  const school = await t.store.schools.create({ name, city: "Ярославль", timeZone: "Europe/Moscow", createdBy: 1 }, now);
  const forms = ["teacher-teacher", "student-student", "teacher-student"] as const;
  const programme = await t.store.programmes.create({ schoolId: school._id, academicYear: "2026/2027", forms: [...forms], topicIds: defaultTopicIds(forms), createdBy: 1 }, now);
  const curator = t.emulator.createUser({ firstName: "Куратор", languageCode: "ru" });
  await t.store.memberships.add({ userId: curator.id, programmeId: programme._id, role: "curator", category: null, grade: null, invitationId: null }, now);
  return { programmeId: programme._id, schoolName: name, curator };
}

export async function invitation(t: TestBot, programmeId: string, role: Role, category: Category, grade: number | null = null): Promise<string> {
  const now = t.deps.clock();
  const { token } = await t.store.invitations.create(
    { programmeId, role, category, grade, createdBy: 1, expiresAt: expiryFrom(now, INVITATION_DEFAULT_DAYS), maxUses: 30 },
    now,
  );
  return `i_${token}`;
}

export const label = (t: TestBot, key: string, vars?: Record<string, string | number>) => t.app.i18n.t("ru", key, vars);

/** Answers the questions from the current one to the summary with plain valid answers. */
export async function fillQuestionnaire(t: TestBot, user: TestUser, membershipId: string, overrides: Record<string, string> = {}): Promise<Message> {
  const m = await t.store.memberships.get(membershipId);
  const definition = QUESTIONNAIRES[questionnaireFor(m!.role, m!.category)!];
  const topics = (await t.store.programmes.get(m!.programmeId))!.topicIds;
  for (let guard = 0; guard < 40; guard++) {
    const shown = /Вопрос \d+ из \d+|Проверьте анкету/;
    // The first question may already have been read by the caller.
    const last = user.messages().at(-1);
    const message =
      guard === 0 && user.unreadEvents().length === 0 && last && shown.test(last.text ?? "")
        ? last
        : await user.waitFor((e) => e.kind === "message" && shown.test(e.message.text ?? "")).then((e) => e.message);
    if (/Проверьте анкету/.test(message.text ?? "")) return message;
    const profile = await t.store.profiles.get(membershipId);
    const answers: Answers = profile?.answers ?? {};
    const question = applicableQuestions(definition, answers).find((q) => q.id === profile?.cursor);
    expect(question, `cursor ${profile?.cursor}`).toBeDefined();
    const q = question!;
    if (q.id in overrides) {
      await user.sendText(overrides[q.id]!);
      continue;
    }
    switch (q.kind) {
      case "text":
        await user.sendText(q.id === "full-name" ? `${user.firstName} Тестовый` : `Ответ на ${q.id}`);
        break;
      case "number":
        await user.sendText(String(Math.min(q.max, q.min + 2)));
        break;
      case "scale":
        await user.press(message, String(q.max - 2));
        break;
      case "single":
        await user.press(message, label(t, `opt-${q.options[0]}`));
        break;
      case "multi": {
        const options = q.options === "topics" ? topics : q.options;
        const want = options.slice(0, Math.max(1, q.min));
        for (const o of want) {
          await user.press(message, new RegExp(`${(q.options === "topics" ? label(t, `topic-${o}`) : label(t, `opt-${o}`)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
          await user.nextEdit();
        }
        await user.press(message, new RegExp(`^${label(t, "question-done")}`));
        break;
      }
    }
  }
  throw new Error("the questionnaire did not reach its summary");
}

/** A participant who has consented and submitted a questionnaire, made straight in the store. */
export async function readyParticipant(
  t: TestBot,
  programmeId: string,
  spec: { name: string; role: Role; category: Category; grade?: number; answers: Answers; parent?: TestUser; trained?: boolean; limit?: number },
): Promise<{ user: TestUser; membershipId: string }> {
  const now = t.deps.clock();
  const user = t.emulator.createUser({ firstName: spec.name.split(" ")[0]!, languageCode: "ru" });
  const m = (await t.store.memberships.add({ userId: user.id, programmeId, role: spec.role, category: spec.category, grade: spec.grade ?? null, invitationId: null }, now))!;
  const questionnaireId = questionnaireFor(spec.role, spec.category)!;
  await t.store.profiles.open({ _id: m._id, userId: user.id, programmeId, questionnaireId, version: 1, cursor: "summary" }, now);
  await t.store.profiles.setAnswers(m._id, { "full-name": spec.name, format: "any", availability: ["weekdays-afternoon"], ...spec.answers }, "summary", now);
  await t.store.profiles.submit(m._id, now);
  await t.store.consents.add({
    userId: user.id,
    programmeId,
    membershipId: m._id,
    relation: spec.parent ? "parent" : "self",
    decision: "accepted",
    method: "bot",
    givenBy: spec.parent ? spec.parent.id : user.id,
    textVersion: 1,
    at: now,
  });
  await t.store.memberships.moveIntake(m._id, ["invited"], "ready", now);
  if (spec.trained) await t.store.memberships.markTrained(m._id, now);
  if (spec.limit) await t.store.memberships.setMentorLimit(m._id, spec.limit);
  return { user, membershipId: m._id };
}

/** An adult opens an invitation, says they are 18 or older, consents, and opens the questionnaire. */
export async function joinAndConsentAsAdult(t: TestBot, user: TestUser, link: string): Promise<void> {
  await user.start(link);
  await user.press(await user.waitForText(/исполнилось 18 лет/), /Да, мне 18/);
  await user.press(await user.waitForText(/версия 1/), /Даю согласие/);
  await user.press(await user.waitForText(/согласие записано/), /Заполнить анкету/);
  await user.waitForText(/Вопрос 1 из/);
}
