import type { Form } from "./programme.js";
import type { z } from "zod";
import { QUESTIONNAIRE_IDS, questionnaireSchema, type Questionnaire, type QuestionnaireId, type QuestionInput } from "./questionnaire.js";

// The entry questionnaires (stages 2 and 3 of the methodology: the bases of mentees and mentors)
// and the default topic list, as data. Content follows shared/QUESTIONNAIRES.md; the words live
// in the locales (`q-<question id>`, `opt-<option id>`, `topic-<topic id>`), so every key used
// here is listed in QUESTIONNAIRE_KEYS for the tests.
//
// Question ids that other modules rely on (matching, statistics):
// - every questionnaire: `full-name` (text), `format` (single: offline / online / any),
//   `availability` (multi of AVAILABILITY_SLOTS);
// - mentees: `requests` (multi of topics); mentors: `competencies` (multi of topics) and
//   `capacity` (number 1..3, regulation 2.5);
// - teachers and external mentors: `experience` (number, years); mentee teachers: `age-band`
//   (single: under-35 / age-35-plus, for the city's KPI).
// A student's class comes from the invitation and is not asked.

export type TopicAudience = "teacher" | "student" | "external";

/** The default shared list of topics: mentees' requests and mentors' competencies. */
export const DEFAULT_TOPICS: readonly { id: string; audience: TopicAudience }[] = [
  // Teachers: young specialists, newcomers, teachers in burnout.
  { id: "lesson-planning", audience: "teacher" },
  { id: "paperwork", audience: "teacher" },
  { id: "discipline", audience: "teacher" },
  { id: "low-motivation", audience: "teacher" },
  { id: "special-needs", audience: "teacher" },
  { id: "gifted-pupils", audience: "teacher" },
  { id: "parents", audience: "teacher" },
  { id: "colleagues", audience: "teacher" },
  { id: "certification", audience: "teacher" },
  { id: "digital-tools", audience: "teacher" },
  { id: "research-projects", audience: "teacher" },
  { id: "class-teacher", audience: "teacher" },
  { id: "burnout", audience: "teacher" },
  { id: "subject-knowledge", audience: "teacher" },
  // Students.
  { id: "subject-help", audience: "student" },
  { id: "adaptation", audience: "student" },
  { id: "communication", audience: "student" },
  { id: "self-organisation", audience: "student" },
  { id: "olympiads", audience: "student" },
  { id: "projects", audience: "student" },
  { id: "leadership", audience: "student" },
  { id: "career-guidance", audience: "student" },
  { id: "creativity-sports", audience: "student" },
  // Employer and university mentors (for students).
  { id: "professions", audience: "external" },
  { id: "internships", audience: "external" },
  { id: "soft-skills", audience: "external" },
  { id: "education-path", audience: "external" },
];

/** Ids of the default topics for one audience, in list order. */
export function topicIdsFor(audience: TopicAudience): string[] {
  return DEFAULT_TOPICS.filter((topic) => topic.audience === audience).map((topic) => topic.id);
}

/** Meeting formats: the values of every `format` question (matching reads them). */
export const MEETING_FORMAT_OPTIONS = ["offline", "online", "any"] as const;
/** Free-time slots: the options of every `availability` question. */
export const AVAILABILITY_SLOTS = ["weekdays-morning", "weekdays-afternoon", "weekdays-evening", "weekend"] as const;
/** A mentor takes at most this many mentees at once (regulation 2.5). */
const MAX_CAPACITY = 3;

// Shared questions (the same id means the same prompt key, so the wording fits every audience).

const fullName: QuestionInput = { id: "full-name", kind: "text", maxLength: 100 };
const format: QuestionInput = { id: "format", kind: "single", options: [...MEETING_FORMAT_OPTIONS] };
const availability: QuestionInput = { id: "availability", kind: "multi", options: [...AVAILABILITY_SLOTS], min: 1, max: AVAILABILITY_SLOTS.length };
const requests: QuestionInput = { id: "requests", kind: "multi", options: "topics", min: 1, max: 5 };
const competencies: QuestionInput = { id: "competencies", kind: "multi", options: "topics", min: 1, max: 8 };
const experience: QuestionInput = { id: "experience", kind: "number", min: 0, max: 60 };
const capacity: QuestionInput = { id: "capacity", kind: "number", min: 1, max: MAX_CAPACITY };
const expectations: QuestionInput = { id: "expectations", kind: "text", maxLength: 500, optional: true };

const definitions: Record<QuestionnaireId, z.input<typeof questionnaireSchema>> = {
  "mentee-teacher": {
    id: "mentee-teacher",
    version: 1,
    questions: [
      fullName,
      { id: "subjects", kind: "text", maxLength: 200 },
      experience,
      { id: "age-band", kind: "single", options: ["under-35", "age-35-plus"] },
      requests,
      { id: "work-satisfaction", kind: "scale", min: 1, max: 10 },
      {
        id: "help-kinds",
        kind: "multi",
        options: ["visit-mentor-lessons", "mentor-visits-my-lessons", "consultations", "joint-preparation"],
        min: 1,
        max: 4,
      },
      format,
      availability,
      expectations,
    ],
  },
  "mentee-student": {
    id: "mentee-student",
    version: 1,
    questions: [
      fullName,
      requests,
      { id: "help-subjects", kind: "text", maxLength: 200, optional: true },
      { id: "interests", kind: "text", maxLength: 300, optional: true },
      { id: "school-confidence", kind: "scale", min: 1, max: 10 },
      { id: "mentor-preference", kind: "single", options: ["older-student", "teacher", "professional", "any"] },
      format,
      availability,
      expectations,
    ],
  },
  "mentor-teacher": {
    id: "mentor-teacher",
    version: 1,
    questions: [
      fullName,
      { id: "subjects", kind: "text", maxLength: 200 },
      experience,
      {
        id: "qualification",
        kind: "single",
        options: ["no-category", "position-match", "first-category", "highest-category", "teacher-methodist", "teacher-mentor"],
      },
      competencies,
      { id: "mentored-before", kind: "single", options: ["yes", "no"] },
      { id: "mentoring-experience", kind: "text", maxLength: 500, when: { question: "mentored-before", oneOf: ["yes"] } },
      capacity,
      { id: "time-per-month", kind: "single", options: ["hours-1-2", "hours-3-4", "hours-5-8", "hours-9-plus"] },
      format,
      availability,
    ],
  },
  "mentor-student": {
    id: "mentor-student",
    version: 1,
    questions: [
      fullName,
      { id: "strong-subjects", kind: "text", maxLength: 200 },
      competencies,
      { id: "achievements", kind: "text", maxLength: 500, optional: true },
      { id: "motivation", kind: "text", maxLength: 500 },
      capacity,
      format,
      availability,
    ],
  },
  "mentor-external": {
    id: "mentor-external",
    version: 1,
    questions: [
      fullName,
      { id: "organisation", kind: "text", maxLength: 200 },
      { id: "position", kind: "text", maxLength: 100 },
      experience,
      competencies,
      {
        id: "can-offer",
        kind: "multi",
        options: ["career-talks", "master-classes", "excursions", "joint-projects", "internships"],
        min: 1,
        max: 5,
      },
      { id: "can-teach", kind: "text", maxLength: 500, optional: true },
      capacity,
      format,
      availability,
    ],
  },
};

function build(): Record<QuestionnaireId, Questionnaire> {
  const built = {} as Record<QuestionnaireId, Questionnaire>;
  for (const id of QUESTIONNAIRE_IDS) {
    const parsed = questionnaireSchema.parse(definitions[id]);
    if (parsed.id !== id) throw new Error(`questionnaire ${id} is defined with id ${parsed.id}`);
    built[id] = parsed;
  }
  return built;
}

/** The entry questionnaires, checked at module load: a bad definition fails at startup. */
export const QUESTIONNAIRES: Readonly<Record<QuestionnaireId, Questionnaire>> = Object.freeze(build());

function keysOf(questionnaires: readonly Questionnaire[]): string[] {
  const keys = new Set<string>();
  for (const q of questionnaires) {
    for (const question of q.questions) {
      keys.add(`q-${question.id}`);
      keys.add(`qlabel-${question.id}`);
      if ((question.kind === "single" || question.kind === "multi") && question.options !== "topics") {
        for (const option of question.options) keys.add(`opt-${option}`);
      }
    }
  }
  for (const topic of DEFAULT_TOPICS) keys.add(`topic-${topic.id}`);
  return [...keys].sort();
}

/** Every locale key the questionnaires and the default topics need (sorted, no repeats). */
export const QUESTIONNAIRE_KEYS: string[] = keysOf(Object.values(QUESTIONNAIRES));

/** The programme's starting topic list: the audiences its forms involve, teachers' first. */
export function defaultTopicIds(forms: readonly Form[]): string[] {
  const audiences = new Set<TopicAudience>();
  for (const form of forms) {
    if (form === "teacher-teacher") audiences.add("teacher");
    else audiences.add("student");
    if (form === "employer-student" || form === "university-student") audiences.add("external");
  }
  return DEFAULT_TOPICS.filter((t) => audiences.has(t.audience)).map((t) => t.id);
}
