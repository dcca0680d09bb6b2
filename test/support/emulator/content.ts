import type { InlineKeyboardButton, InlineKeyboardMarkup, MessageEntity } from "@grammyjs/types";
import { badRequest, isRecord, type NonInlineMarkup } from "./types.js";

export const MAX_TEXT_LENGTH = 4096;
export const MAX_INLINE_BUTTONS = 100;
export const MAX_INLINE_ROW = 8;
export const MAX_CAPTION_LENGTH = 1024;

/** Parses a JSON-or-object parameter (forms send objects as JSON strings). */
export function parseJsonParam(value: unknown, name: string): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`can't parse ${name} JSON object`);
  }
}

export interface ParsedMarkup {
  inline?: InlineKeyboardMarkup;
  other?: NonInlineMarkup;
}

const INLINE_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

/** Validates reply_markup like Telegram does for the cases bots typically get wrong. */
export function parseReplyMarkup(value: unknown): ParsedMarkup {
  if (value === undefined || value === null || value === "") return {};
  const markup = parseJsonParam(value, "reply markup");
  if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object");

  if ("inline_keyboard" in markup) {
    const rows = markup["inline_keyboard"];
    if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    }
    const keyboard: InlineKeyboardButton[][] = rows.map((row: unknown[]) => row.map(parseInlineButton));
    // Telegram refuses more than 100 buttons in one inline keyboard, and more than 8 in a row.
    if (keyboard.flat().length > MAX_INLINE_BUTTONS) throw badRequest("reply markup is too long");
    if (keyboard.some((row) => row.length > MAX_INLINE_ROW)) throw badRequest("BUTTON_ROW_TOO_LONG");
    return { inline: { inline_keyboard: keyboard } };
  }
  if ("keyboard" in markup) {
    const rows = markup["keyboard"];
    if (!Array.isArray(rows) || !rows.every((row) => Array.isArray(row))) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
    }
    return { other: markup as unknown as NonInlineMarkup };
  }
  if (markup["remove_keyboard"] === true || markup["force_reply"] === true) {
    return { other: markup as unknown as NonInlineMarkup };
  }
  throw badRequest("can't find field \"inline_keyboard\"");
}

function parseInlineButton(button: unknown): InlineKeyboardButton {
  if (!isRecord(button) || typeof button["text"] !== "string") {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  const actions = INLINE_ACTIONS.filter((key) => button[key] !== undefined);
  if (actions.length === 0) throw badRequest("text buttons are unallowed in the inline keyboard");
  const data = button["callback_data"];
  if (data !== undefined) {
    if (typeof data !== "string") throw badRequest("can't parse inline keyboard button: field \"callback_data\" must be of type String");
    const bytes = Buffer.byteLength(data, "utf8");
    if (bytes < 1 || bytes > 64) throw badRequest("BUTTON_DATA_INVALID");
  }
  const url = button["url"];
  if (url !== undefined && (typeof url !== "string" || !/^(https?|tg):\/\/\S+$/i.test(url))) {
    throw badRequest(`inline keyboard button URL '${String(url)}' is invalid: Wrong HTTP URL`);
  }
  return button as unknown as InlineKeyboardButton;
}

export function parseEntities(value: unknown, name: string): MessageEntity[] | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const parsed = parseJsonParam(value, name);
  if (!Array.isArray(parsed)) throw badRequest(`can't parse ${name}: Array expected`);
  for (const entity of parsed) {
    if (
      !isRecord(entity) ||
      typeof entity["type"] !== "string" ||
      typeof entity["offset"] !== "number" ||
      typeof entity["length"] !== "number"
    ) {
      throw badRequest(`can't parse ${name}: wrong entity`);
    }
  }
  return parsed.length > 0 ? (parsed as MessageEntity[]) : undefined;
}

/** bot_command entity for texts starting with "/" (covers the "@botname" suffix). */
export function commandEntities(text: string): MessageEntity[] | undefined {
  const match = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
  if (!match) return undefined;
  return [{ type: "bot_command", offset: 0, length: match[0].length }];
}

/** All buttons of an inline keyboard, row by row. */
export function inlineButtons(markup: InlineKeyboardMarkup | undefined): InlineKeyboardButton[] {
  return markup ? markup.inline_keyboard.flat() : [];
}

const MIME_BY_EXTENSION: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  xls: "application/vnd.ms-excel",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  csv: "text/csv",
  txt: "text/plain",
  json: "application/json",
  zip: "application/zip",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
};

/** Telegram derives a document's mime_type from its name (grammY always uploads as application/octet-stream). */
export function mimeTypeFor(fileName: string, sentContentType: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byName = extension !== undefined ? MIME_BY_EXTENSION[extension] : undefined;
  if (byName) return byName;
  const sent = sentContentType.split(";")[0]?.trim().toLowerCase();
  return sent && sent !== "application/octet-stream" ? sent : "application/octet-stream";
}

/** Width/height of PNG, JPEG or GIF data; undefined when unknown. */
export function imageSize(data: Buffer): { width: number; height: number } | undefined {
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && data.toString("latin1", 0, 3) === "GIF") {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let pos = 2;
    while (pos + 9 < data.length) {
      if (data[pos] !== 0xff) return undefined;
      const marker = data[pos + 1] ?? 0;
      const length = data.readUInt16BE(pos + 2);
      const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isStartOfFrame) return { width: data.readUInt16BE(pos + 7), height: data.readUInt16BE(pos + 5) };
      pos += 2 + length;
    }
  }
  return undefined;
}
