import type { Form } from "./programme.js";
import type { PlanItemKind } from "./plans.js";

// Templates of the individual plan, one per form of mentorship, as data: the mentor starts from
// one and edits it. Items follow the kinds of 2.11 in the regulation's words, and each form's own
// tasks and forms of interaction (2.2–2.4 of the school's regulation, seed 003). Titles are kept in
// Russian (the regulation's language) with an English text alongside; `share` places the due day
// at that share of the pair's term (0 = the start, 1 = the planned end).

export interface TemplateItem {
  kind: PlanItemKind;
  ru: string;
  en: string;
  share: number;
}

export interface PlanTemplate {
  id: string;
  form: Form;
  items: readonly TemplateItem[];
}

const item = (kind: PlanItemKind, share: number, ru: string, en: string): TemplateItem => ({ kind, share, ru, en });

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    id: "ss",
    form: "student-student",
    items: [
      item("acquaintance", 0.03, "Знакомство: личная беседа, интересы и ожидания наставляемого", "Getting to know each other: a personal talk about interests and expectations"),
      item("adaptation", 0.08, "Помощь в адаптации к новым условиям обучения и в коллективе класса", "Help adapting to the new conditions of study and to the class"),
      item("duties", 0.12, "Разбор учебных требований и трудностей с успеваемостью", "Going through the study requirements and difficulties with marks"),
      item("theory", 0.3, "Консультации по трудным темам учебных предметов", "Consultations on the hard topics of school subjects"),
      item("practice", 0.45, "Совместный проект или подготовка к конкурсу, олимпиаде", "A joint project or preparation for a contest or an olympiad"),
      item("other", 0.6, "Совместное посещение кружка, секции, спортивного или культурного мероприятия", "Going together to a club, a sports section, a sports or cultural event"),
      item("assistance", 0.75, "Помощь в реализации лидерского потенциала: участие в жизни школы", "Help realising leadership potential: taking part in school life"),
      item("consolidation", 0.95, "Подведение итогов: что получилось, что закрепить дальше", "Summing up: what worked out, what to consolidate next"),
    ],
  },
  {
    id: "tt",
    form: "teacher-teacher",
    items: [
      item("acquaintance", 0.02, "Ознакомление с рабочим местом и коллективом, традициями и регламентом образовательной организации", "Getting to know the workplace and the team, the traditions and rules of the school"),
      item("duties", 0.05, "Ознакомление с должностными обязанностями и квалификационными требованиями", "Getting to know the duties and the qualification requirements"),
      item("adaptation", 0.1, "Меры по профессиональной и должностной адаптации: организация учебного процесса, взаимодействие с обучающимися и родителями", "Professional adaptation: organising the teaching, working with pupils and parents"),
      item("theory", 0.2, "Изучение теоретических и практических вопросов: рабочая программа, тематическое планирование, нормативные документы", "Theory and practice of the duties: the work programme, topic planning, regulations"),
      item("practice", 0.35, "Посещение уроков наставника и анализ урока", "Attending the mentor's lessons and analysing a lesson"),
      item("practice", 0.5, "Проведение открытого урока наставляемым с последующим разбором", "An open lesson given by the mentee, then discussed"),
      item("consolidation", 0.7, "Закрепление профессиональных знаний и навыков: участие в семинаре, конкурсе или методическом объединении", "Consolidating knowledge and skills: a seminar, a contest or the subject association"),
      item("assistance", 0.85, "Содействие в выполнении должностных обязанностей: помощь в подготовке отчётной документации", "Help with the duties: preparing the reporting documents"),
      item("other", 0.97, "Итоговая встреча: анализ результатов своей профессиональной деятельности", "The final meeting: analysing the results of one's professional work"),
    ],
  },
  {
    id: "ts",
    form: "teacher-student",
    items: [
      item("acquaintance", 0.03, "Знакомство: личная беседа, интересы, цели и трудности наставляемого", "Getting to know each other: interests, goals and difficulties"),
      item("duties", 0.08, "Разбор учебных обязанностей и требований по предметам", "Going through the study duties and the requirements of the subjects"),
      item("adaptation", 0.15, "Меры по адаптации: организация учебного времени и режима дня", "Adaptation: organising study time and the daily routine"),
      item("theory", 0.3, "Изучение трудных вопросов учебной программы на консультациях", "Studying the hard questions of the curriculum at consultations"),
      item("practice", 0.5, "Выполнение практических заданий и проекта под руководством наставника", "Practical tasks and a project guided by the mentor"),
      item("consolidation", 0.75, "Закрепление знаний и навыков: подготовка к контрольным, конкурсам, олимпиадам", "Consolidation: preparing for tests, contests, olympiads"),
      item("other", 0.97, "Итоговая встреча: подведение итогов и планы на будущее", "The final meeting: results and plans for the future"),
    ],
  },
  {
    id: "es",
    form: "employer-student",
    items: [
      item("acquaintance", 0.03, "Знакомство с предприятием (организацией), рабочим местом и коллективом", "Getting to know the company, the workplace and the team"),
      item("duties", 0.1, "Знакомство с повседневными задачами внутри профессии и требованиями к специалисту", "The everyday tasks of the profession and what a specialist must know"),
      item("theory", 0.25, "Помощь в раскрытии и оценке своего личного и профессионального потенциала", "Help discovering and assessing one's personal and professional potential"),
      item("practice", 0.45, "Практическое задание или проект по профилю профессии", "A practical task or a project in the profession's field"),
      item("adaptation", 0.6, "Развитие лидерских, организационных, коммуникативных навыков", "Developing leadership, organisational and communication skills"),
      item("consolidation", 0.8, "Вопросы выбора профессии и образовательной траектории, самоопределения", "Choosing a profession and an educational path"),
      item("other", 0.97, "Итоговая встреча: представление результатов проекта", "The final meeting: presenting the project's results"),
    ],
  },
  {
    id: "us",
    form: "university-student",
    items: [
      item("acquaintance", 0.03, "Знакомство: интересы, цели и ожидания наставляемого", "Getting to know each other: interests, goals and expectations"),
      item("duties", 0.1, "Знакомство с требованиями к поступлению и обучению по выбранному направлению", "The requirements of admission and study in the chosen field"),
      item("theory", 0.3, "Изучение теоретических вопросов по профилю направления", "Studying the theory of the chosen field"),
      item("practice", 0.5, "Выполнение практических заданий, учебного или исследовательского проекта", "Practical tasks, a study or research project"),
      item("consolidation", 0.75, "Закрепление знаний и навыков: участие в конкурсе, олимпиаде, конференции", "Consolidation: a contest, an olympiad or a conference"),
      item("other", 0.97, "Итоговая встреча: подведение итогов и планы на будущее", "The final meeting: results and plans for the future"),
    ],
  },
];

export const TEMPLATE_IDS = PLAN_TEMPLATES.map((t) => t.id) as [string, ...string[]];

/** The templates offered for a pair's form (its own first), and the others after it. */
export function templatesFor(form: Form): PlanTemplate[] {
  return [...PLAN_TEMPLATES.filter((t) => t.form === form), ...PLAN_TEMPLATES.filter((t) => t.form !== form)];
}

export const templateById = (id: string): PlanTemplate | undefined => PLAN_TEMPLATES.find((t) => t.id === id);
