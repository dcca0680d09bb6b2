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
export const DECLINE_TEXT = "decline-text";
