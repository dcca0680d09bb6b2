// Telegram's limits on what the bot sends, in one place; views page to stay within them and the
// API transformer in api.ts is the last check before anything leaves.

/** A message's text: 1–4096 characters after entities parsing. */
export const MESSAGE_MAX_CHARS = 4096;
/** A photo's or document's caption: 0–1024 characters. */
export const CAPTION_MAX_CHARS = 1024;
/** callback_data: 1–64 bytes (checked where buttons are packed, buttons.ts). */
export const CALLBACK_DATA_MAX_BYTES = 64;
/** An inline keyboard: at most 100 buttons in all, and at most 8 in a row. */
export const KEYBOARD_MAX_BUTTONS = 100;
export const KEYBOARD_ROW_MAX_BUTTONS = 8;
/** An answer to a callback query (the alert): 0–200 characters. */
export const ALERT_MAX_CHARS = 200;

const ELLIPSIS = "…";

/** Shortens a text to a limit, on a line break where one is near, and says it was cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  const cut = text.lastIndexOf("\n", room);
  return `${text.slice(0, cut > room * 0.8 ? cut : room)}${ELLIPSIS}`;
}

/** Splits a long text into messages within the limit, on line breaks where possible. */
export function splitText(text: string, max = MESSAGE_MAX_CHARS): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf("\n", max);
    const at = cut > max * 0.5 ? cut : max;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  if (rest.length) parts.push(rest);
  return parts;
}

/** Whether an inline keyboard is within Telegram's limits. */
export function keyboardFits(rows: readonly (readonly unknown[])[]): boolean {
  return rows.reduce((n, r) => n + r.length, 0) <= KEYBOARD_MAX_BUTTONS && rows.every((r) => r.length <= KEYBOARD_ROW_MAX_BUTTONS);
}
