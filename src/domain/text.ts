// Validation of free-text answers: one place decides what "too long" or "empty" means.

export type TextProblem = "empty" | "too-long" | "not-text";

export function checkText(value: string | undefined, maxLength: number): { ok: true; value: string } | { ok: false; problem: TextProblem } {
  if (value === undefined) return { ok: false, problem: "not-text" };
  const trimmed = value.trim().replace(/\s+/g, " ");
  if (trimmed === "") return { ok: false, problem: "empty" };
  if ([...trimmed].length > maxLength) return { ok: false, problem: "too-long" };
  return { ok: true, value: trimmed };
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return /\//.test(tz) || tz === "UTC";
  } catch {
    return false;
  }
}

/** Russian time zones a school is likely in, offered as buttons. */
export const RUSSIAN_TIME_ZONES = [
  "Europe/Kaliningrad",
  "Europe/Moscow",
  "Europe/Samara",
  "Asia/Yekaterinburg",
  "Asia/Omsk",
  "Asia/Novosibirsk",
  "Asia/Krasnoyarsk",
  "Asia/Irkutsk",
  "Asia/Yakutsk",
  "Asia/Vladivostok",
  "Asia/Magadan",
  "Asia/Kamchatka",
] as const;

export const LIMITS = { schoolName: 200, city: 100 } as const;
