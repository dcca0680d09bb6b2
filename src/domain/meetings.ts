// Meetings of a pair (stage 6): what kinds there are, how they are held, and the states a
// logged or planned meeting goes through until both sides have confirmed it.

/** знакомство, пробная рабочая встреча, встреча-планирование, рабочая встреча, итоговая встреча. */
export const MEETING_TYPES = ["introduction", "trial", "planning", "working", "final"] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** очно / онлайн. */
export const MEETING_FORMATS = ["in-person", "online"] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

/**
 * planned: set ahead with a time and a place; logged: held, waiting for the other side;
 * confirmed: every other side said it happened; disputed: someone said it did not;
 * cancelled: a planned meeting called off.
 */
export const MEETING_STATUSES = ["planned", "logged", "confirmed", "disputed", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const meetingTypeKey = (type: MeetingType): string => `meeting-type-${type}`;
export const meetingFormatKey = (format: MeetingFormat): string => `meeting-format-${format}`;
export const meetingStatusKey = (status: MeetingStatus): string => `meeting-status-${status}`;
