import type {
  ForceReply,
  Message,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ResponseParameters,
  Update,
} from "@grammyjs/types";

/** Parameters of one Bot API call after body parsing (JSON values, strings from forms, uploaded files). */
export type Params = Record<string, unknown>;

/** A file part of a multipart/form-data request. */
export interface UploadedFile {
  readonly kind: "upload";
  readonly fileName: string;
  /** Content type sent by the client (grammY always sends application/octet-stream). */
  readonly contentType: string;
  readonly data: Buffer;
}

export type ApiResponse =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

/** One request the bot made to the emulator. */
export interface ApiCall {
  readonly token: string;
  /** Canonical method name when the method is known (Telegram method names are case-insensitive), else as requested. */
  readonly method: string;
  readonly params: Params;
  /** `Date.now()` when the request was received. */
  readonly at: number;
  /**
   * HTTP status of the answer; 0 while the request is still pending (e.g. a long poll),
   * 499 if the client disconnected before the answer (e.g. grammY aborting its long poll on stop()).
   */
  status: number;
  response?: ApiResponse;
}

export interface InjectedError {
  error_code: number;
  description: string;
  retry_after?: number;
}

export interface RateLimitOptions {
  /** Max messages the bot may send to one chat within any 1 s window. */
  perChatPerSecond?: number;
  /** Max messages the bot may send overall within any 1 s window. */
  globalPerSecond?: number;
}

export type UpdateType = Exclude<keyof Update, "update_id">;

export type ChatEventKind = "message" | "edit" | "delete";

export type NonInlineMarkup = ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** Something the bot did in a chat. `message` is a snapshot taken when the event happened. */
export interface ChatEvent {
  readonly kind: ChatEventKind;
  readonly message: Message;
  /** Position in the chat's event log, starting at 0. */
  readonly seq: number;
  readonly at: number;
  /** Reply keyboard / keyboard removal / force reply sent along with a new message (Telegram does not echo these in Message). */
  readonly replyKeyboard?: NonInlineMarkup;
}

export interface SentDocument {
  fileName: string;
  mimeType: string;
  data: Buffer;
  caption: string | undefined;
  message: Message;
}

export interface SentPhoto {
  data: Buffer;
  caption: string | undefined;
  message: Message;
}

export interface CallbackAnswer {
  callbackQueryId: string;
  text: string | undefined;
  show_alert: boolean;
  url: string | undefined;
  at: number;
}

/** A Bot API error; turned into `{ ok: false, error_code, description, parameters? }` with the same HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(`${errorCode} ${description}`);
    this.name = "ApiError";
  }

  toResponse(): ApiResponse {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (reason: string): ApiError => new ApiError(400, `Bad Request: ${reason}`);

export const tooManyRequests = (retryAfter: number): ApiError =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const unixNow = (): number => Math.floor(Date.now() / 1000);
