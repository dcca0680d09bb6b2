// The programme's vocabulary: forms of mentoring, roles and participant categories.

/** The five forms (формы наставничества) a programme may run. */
export const FORMS = ["student-student", "teacher-teacher", "teacher-student", "employer-student", "university-student"] as const;
export type Form = (typeof FORMS)[number];

/**
 * Roles a person holds in a programme. The director (руководитель, 3.1) approves plans and final
 * reports and reads the programme's overview; like a curator, they answer no questionnaire.
 */
export const ROLES = ["curator", "mentor", "mentee", "director"] as const;
export type Role = (typeof ROLES)[number];

/** Who the invited person is: decides the questionnaire and the form rules. */
export const CATEGORIES = ["student", "teacher", "employer", "university"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Categories that make sense for a role: mentees are students or teachers. */
export function categoriesFor(role: Role): readonly Category[] {
  switch (role) {
    case "curator":
    case "director":
      return [];
    case "mentee":
      return ["student", "teacher"];
    case "mentor":
      return CATEGORIES;
  }
}

export const MIN_GRADE = 1;
export const MAX_GRADE = 11;

/** The academic year a date falls in: September starts a new one. "2026/2027". */
export function academicYearOf(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "numeric" }).formatToParts(date);
  const year = Number(parts.find((p) => p.type === "year")?.value);
  const month = Number(parts.find((p) => p.type === "month")?.value);
  const start = month >= 9 ? year : year - 1;
  return `${start}/${start + 1}`;
}

/** Academic years a programme can be created for: the current one and the next. */
export function selectableAcademicYears(now: Date, timeZone: string): string[] {
  const current = academicYearOf(now, timeZone);
  const start = Number(current.slice(0, 4));
  return [current, `${start + 1}/${start + 2}`];
}

export function isAcademicYear(value: string): boolean {
  const m = /^(\d{4})\/(\d{4})$/.exec(value);
  return m !== null && Number(m[2]) === Number(m[1]) + 1;
}

/** Roles that run a programme rather than take part in it: no consent flow, no questionnaire. */
export const STAFF_ROLES = ["curator", "director"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const isStaffRole = (role: Role): role is StaffRole => (STAFF_ROLES as readonly Role[]).includes(role);
