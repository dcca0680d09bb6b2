// Conversation ids, in one place: features enter them, flows/index.ts registers them.
export const CREATE_SCHOOL = "create-school";
export const CONSENT = "consent";
export const QUESTIONNAIRE = "questionnaire";
export const PAPER_CONSENT = "paper-consent";
export const ADD_TOPIC = "add-topic";
