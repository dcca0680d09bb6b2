import type { Category, Form, Role } from "../domain/programme.js";
import type { Membership } from "../store/memberships.js";

// Words for the domain's values, from the locales.

type T = (key: string, vars?: Record<string, string | number>) => string;

export const roleLabel = (t: T, role: Role): string => t(`role-${role}`);
export const formsLabel = (t: T, forms: readonly Form[]): string => forms.map((f) => t(`form-${f}`)).join("; ");

export function categoryLabel(t: T, category: Category | null, grade: number | null): string {
  if (!category) return "";
  return category === "student" && grade ? t("category-student-grade", { grade }) : t(`category-${category}`);
}

/** ", педагог" or "" — appended after a role. */
export function categorySuffix(t: T, m: Pick<Membership, "category" | "grade">): string {
  const label = categoryLabel(t, m.category, m.grade);
  return label ? `, ${label}` : "";
}

export function formatDate(date: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "ru-RU", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
}
