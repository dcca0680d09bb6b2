import type { Form } from "./programme.js";
import type { PlanItemKind } from "./plans.js";

// Templates of the individual plan, one per form of mentorship, as data: the mentor starts from
// one and edits it. Items follow the kinds of 2.11 in the regulation's words, and each form's own
// tasks and forms of interaction (2.2–2.4 of the school's regulation, seed 003). The titles, in the
// regulation's words, are in the locales (templateTitleKey: ru.ftl, en.ftl), taken in the mentor's
// language when the template is used; `share` places the due day at that share of the pair's term
// (0 = the start, 1 = the planned end).

export interface TemplateItem {
  kind: PlanItemKind;
  share: number;
}

export interface PlanTemplate {
  id: string;
  form: Form;
  items: readonly TemplateItem[];
}

const item = (kind: PlanItemKind, share: number): TemplateItem => ({ kind, share });

/** The title of a template's item (1-based): a locale key, `plan-tpl-<template>-<n>`. */
export const templateTitleKey = (templateId: string, n: number): string => `plan-tpl-${templateId}-${n}`;

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [
  {
    id: "ss",
    form: "student-student",
    items: [
      item("acquaintance", 0.03),
      item("adaptation", 0.08),
      item("duties", 0.12),
      item("theory", 0.3),
      item("practice", 0.45),
      item("other", 0.6),
      item("assistance", 0.75),
      item("consolidation", 0.95),
    ],
  },
  {
    id: "tt",
    form: "teacher-teacher",
    items: [
      item("acquaintance", 0.02),
      item("duties", 0.05),
      item("adaptation", 0.1),
      item("theory", 0.2),
      item("practice", 0.35),
      item("practice", 0.5),
      item("consolidation", 0.7),
      item("assistance", 0.85),
      item("other", 0.97),
    ],
  },
  {
    id: "ts",
    form: "teacher-student",
    items: [
      item("acquaintance", 0.03),
      item("duties", 0.08),
      item("adaptation", 0.15),
      item("theory", 0.3),
      item("practice", 0.5),
      item("consolidation", 0.75),
      item("other", 0.97),
    ],
  },
  {
    id: "es",
    form: "employer-student",
    items: [
      item("acquaintance", 0.03),
      item("duties", 0.1),
      item("theory", 0.25),
      item("practice", 0.45),
      item("adaptation", 0.6),
      item("consolidation", 0.8),
      item("other", 0.97),
    ],
  },
  {
    id: "us",
    form: "university-student",
    items: [
      item("acquaintance", 0.03),
      item("duties", 0.1),
      item("theory", 0.3),
      item("practice", 0.5),
      item("consolidation", 0.75),
      item("other", 0.97),
    ],
  },
];

export const TEMPLATE_IDS = PLAN_TEMPLATES.map((t) => t.id) as [string, ...string[]];

/** The templates offered for a pair's form (its own first), and the others after it. */
export function templatesFor(form: Form): PlanTemplate[] {
  return [...PLAN_TEMPLATES.filter((t) => t.form === form), ...PLAN_TEMPLATES.filter((t) => t.form !== form)];
}

export const templateById = (id: string): PlanTemplate | undefined => PLAN_TEMPLATES.find((t) => t.id === id);
