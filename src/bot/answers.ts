import { SKIPPED, type AnswerValue, type Question } from "../domain/questionnaire.js";

// Answers in words: for the summary, the person's card, /privacy and the spreadsheets.

type T = (key: string, vars?: Record<string, string | number>) => string;

/** A question's short label (`qlabel-<id>`), for summaries, cards, /privacy and spreadsheets. */
export const questionLabel = (t: T, question: Pick<Question, "id">): string => t(`qlabel-${question.id}`);

/** A topic's words: the curator's own, or the locale's for a default topic. */
export function topicLabeller(t: T, custom: Record<string, string>): (id: string) => string {
  return (id) => custom[id] ?? t(`topic-${id}`);
}

export function answerText(t: T, question: Question, value: AnswerValue | undefined, topicLabel: (id: string) => string): string {
  if (value === undefined) return t("answer-none");
  if (value === SKIPPED) return t("answer-skipped");
  switch (question.kind) {
    case "single":
      return t(`opt-${String(value)}`);
    case "multi": {
      const ids = Array.isArray(value) ? value : [String(value)];
      return ids.map((id) => (question.options === "topics" ? topicLabel(id) : t(`opt-${id}`))).join(", ");
    }
    default:
      return String(value);
  }
}

/** «Label: answer», one line of a card, /privacy or a spreadsheet cell: the short label, never the whole question. */
export function answerLine(t: T, question: Question, value: AnswerValue | undefined, topicLabel: (id: string) => string): string {
  return `${questionLabel(t, question)}: ${answerText(t, question, value, topicLabel)}`;
}
