import type { FitReason, MatchingOptions, MeetingFormat, MenteeCategory, Translate, Unmatched } from "./rules.js";

// Words: every word comes from the locales (keys `match-*`, `form-*`) through `options.t`.

/** Separators of the lists and reasons in words (punctuation only, the same in every locale). */
const LIST_SEPARATOR = ", ";
const REASON_SEPARATOR = "; ";

/**
 * Without a translation function the words stay neutral and language-free: the key and its
 * variables, "match-topics(adaptation, parents)".
 */
export const keysOnly: Translate = (key, vars) => (vars === undefined ? key : `${key}(${Object.values(vars).join(LIST_SEPARATOR)})`);

const identity = (s: string): string => s;

function formatWord(t: Translate, format: MeetingFormat): string {
  switch (format) {
    case "offline":
      return t("match-format-offline");
    case "online":
      return t("match-format-online");
    case "any":
      return t("match-format-any");
  }
}

function menteesOfCategory(t: Translate, category: MenteeCategory): string {
  return category === "student" ? t("match-category-student") : t("match-category-teacher");
}

/** The reasons of a pair in words: "совпадение: адаптация, работа с родителями; взаимный выбор". */
export function describeReasons(reasons: readonly FitReason[], options: MatchingOptions = {}): string {
  const t = options.t ?? keysOnly;
  const topicLabel = options.topicLabel ?? identity;
  const slotLabel = options.slotLabel ?? identity;
  const parts: string[] = [];
  for (const r of reasons) {
    switch (r.kind) {
      case "topics":
        parts.push(t("match-topics", { topics: r.topics.map(topicLabel).join(LIST_SEPARATOR) }));
        break;
      case "mutual-preference":
        parts.push(t("match-mutual"));
        break;
      case "mentee-choice":
        parts.push(t("match-mentee-choice", { rank: r.rank }));
        break;
      case "mentor-choice":
        parts.push(t("match-mentor-choice", { rank: r.rank }));
        break;
      case "format":
        parts.push(r.compatible ? t("match-format-match") : t("match-format-mismatch", { mentee: formatWord(t, r.mentee), mentor: formatWord(t, r.mentor) }));
        break;
      case "shared-time":
        parts.push(t("match-shared-time", { slots: r.slots.map(slotLabel).join(LIST_SEPARATOR) }));
        break;
    }
  }
  return parts.join(REASON_SEPARATOR);
}

/** Why a mentee is left without a mentor, in words. */
export function describeUnmatched(u: Omit<Unmatched, "words">, options: MatchingOptions = {}): string {
  const t = options.t ?? keysOnly;
  switch (u.reason) {
    case "no-form":
      return t("match-unmatched-no-form", { category: menteesOfCategory(t, u.category) });
    case "no-mentor-with-capacity":
      return t("match-unmatched-no-mentor-with-capacity");
    case "no-shared-topic":
      return t("match-unmatched-no-shared-topic");
    case "outbid": {
      const outbid = t("match-unmatched-outbid");
      if (!u.bestCandidate) return outbid;
      const { mentorId, form, fit } = u.bestCandidate;
      const best = t("match-best-candidate", { mentor: (options.mentorLabel ?? identity)(mentorId), form: t(`form-${form}`), fit });
      return `${outbid}${REASON_SEPARATOR}${best}`;
    }
  }
}
