// Conversation ids, in one place: features enter them, flows/index.ts registers them.
export const CREATE_SCHOOL = "create-school";
export const CONSENT = "consent";
export const QUESTIONNAIRE = "questionnaire";
export const PAPER_CONSENT = "paper-consent";
export const ADD_TOPIC = "add-topic";
export const WRITE_TO_PERSON = "write-to-person";
export const MANUAL_PAIR = "manual-pair";
export const ORDER = "order";
export const PAIR_CHANGE = "pair-change";
export const PAIR_TERM = "pair-term";
export const PREFERENCES = "preferences";
export const ROADMAP_DATE = "roadmap-date";
export const ROADMAP_DONE = "roadmap-done";
export const PLAN_ADD_ITEM = "plan-add-item";
export const PLAN_EDIT_ITEM = "plan-edit-item";
export const MONTHLY_REPORT = "monthly-report";
export const FINAL_REPORT = "final-report";
