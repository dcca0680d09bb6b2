import { describe, expect, it } from "vitest";
import { KEYBOARD_MAX_BUTTONS, MESSAGE_MAX_CHARS, keyboardFits, shorten, splitText } from "../../src/bot/limits.js";

describe("Telegram's limits", () => {
  it("shortens a long text on a line break and says so", () => {
    const text = Array.from({ length: 400 }, (_, i) => `строка ${i} — что-то о человеке`).join("\n");
    const short = shorten(text, MESSAGE_MAX_CHARS);
    expect(short.length).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
    expect(short.endsWith("…")).toBe(true);
    expect(shorten("коротко", 10)).toBe("коротко");
  });

  it("splits a long text into messages within the limit, losing nothing", () => {
    const text = Array.from({ length: 700 }, (_, i) => `${i}: ${"я".repeat(20)}`).join("\n");
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= MESSAGE_MAX_CHARS)).toBe(true);
    expect(parts.join("\n")).toBe(text);
  });

  it("knows a keyboard over 100 buttons or 8 in a row", () => {
    const row = (n: number) => Array.from({ length: n }, () => ({}));
    expect(keyboardFits(Array.from({ length: 12 }, () => row(8)))).toBe(true);
    expect(keyboardFits(Array.from({ length: 13 }, () => row(8)))).toBe(KEYBOARD_MAX_BUTTONS >= 104);
    expect(keyboardFits([row(9)])).toBe(false);
  });
});
