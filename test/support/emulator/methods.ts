import type {
  BotCommand,
  BotCommandScope,
  ChatFullInfo,
  File as TgFile,
  InlineKeyboardMarkup,
  MenuButton,
  Message,
  MessageEntity,
} from "@grammyjs/types";
import { isDeepStrictEqual } from "node:util";
import {
  MAX_CAPTION_LENGTH,
  MAX_TEXT_LENGTH,
  imageSize,
  mimeTypeFor,
  parseEntities,
  parseReplyMarkup,
  type ParsedMarkup,
} from "./content.js";
import type { RateLimiter } from "./limits.js";
import { ParamReader, isUpload } from "./params.js";
import type { ChatLog, EmulatorState, FileKind, StoredFile, StoredMessage } from "./state.js";
import { ApiError, badRequest, isRecord, unixNow, type UpdateType } from "./types.js";
import type { WebhookPusher } from "./webhook.js";

export interface MethodContext {
  token: string;
  /** Aborted when the HTTP client disconnects. */
  signal: AbortSignal;
}

export type MethodHandler = (params: ParamReader, context: MethodContext) => unknown;

export interface MethodDeps {
  state: EmulatorState;
  webhook: WebhookPusher;
  limiter: RateLimiter;
}

const BLOCKED = "Forbidden: bot was blocked by the user";
const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);
const SCOPE_TYPES = new Set<BotCommandScope["type"]>([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

/** Storage key of a command list: scope (with numeric chat id) + language code. */
export function commandsKey(scope: BotCommandScope | undefined, languageCode: string | undefined): string {
  const s = scope ?? { type: "default" };
  const chatId = "chat_id" in s ? String(s.chat_id) : "";
  const userId = "user_id" in s ? String(s.user_id) : "";
  return `${s.type}:${chatId}:${userId}|${languageCode ?? ""}`;
}

/** The Bot API methods the emulator implements, looked up case-insensitively (as Telegram does). */
export class MethodTable {
  private readonly handlers = new Map<string, { name: string; handler: MethodHandler }>();
  private readonly state: EmulatorState;
  private readonly webhook: WebhookPusher;
  private readonly limiter: RateLimiter;

  constructor(deps: MethodDeps) {
    this.state = deps.state;
    this.webhook = deps.webhook;
    this.limiter = deps.limiter;
    this.registerAll();
  }

  resolve(method: string): { name: string; handler: MethodHandler } | undefined {
    return this.handlers.get(method.toLowerCase());
  }

  get names(): string[] {
    return [...this.handlers.values()].map((h) => h.name);
  }

  private register(name: string, handler: MethodHandler): void {
    this.handlers.set(name.toLowerCase(), { name, handler });
  }

  private registerAll(): void {
    const { state } = this;

    this.register("getMe", () => state.bot);
    for (const name of ["setMyName", "setMyDescription", "setMyShortDescription", "setMyDefaultAdministratorRights"]) {
      this.register(name, () => true);
    }

    // --- updates -----------------------------------------------------------------------------
    this.register("getUpdates", (p, ctx) => {
      const limit = p.int("limit") ?? 100;
      return state.updates.getUpdates(
        ctx.token,
        {
          offset: p.int("offset"),
          limit: Math.min(100, Math.max(1, limit)),
          timeoutSeconds: Math.max(0, p.int("timeout") ?? 0),
          allowedUpdates: p.stringArray("allowed_updates") as UpdateType[] | undefined,
        },
        ctx.signal,
      );
    });

    this.register("setWebhook", (p, ctx) => {
      const url = p.string("url") ?? "";
      const secretToken = p.string("secret_token");
      if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
        throw badRequest("secret token contains unallowed characters");
      }
      if (url !== "") {
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          throw badRequest("bad webhook: invalid webhook URL specified");
        }
        if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
          throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
      }
      if (p.bool("drop_pending_updates") === true) state.updates.dropPending();
      state.updates.setAllowedUpdates(p.stringArray("allowed_updates") as UpdateType[] | undefined);
      if (url === "") {
        this.webhook.clear();
      } else {
        this.webhook.set({ url, secretToken, maxConnections: p.int("max_connections"), token: ctx.token });
      }
      return true;
    });

    this.register("deleteWebhook", (p) => {
      this.webhook.clear();
      if (p.bool("drop_pending_updates") === true) state.updates.dropPending();
      return true;
    });

    this.register("getWebhookInfo", () => this.webhook.info());

    // --- sending -----------------------------------------------------------------------------
    this.register("sendMessage", (p) => {
      const log = this.targetChat(p);
      const text = p.string("text") ?? "";
      if (text.trim() === "") throw badRequest("message text is empty");
      if (text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
      const entities = parseEntities(p.raw["entities"], "entities");
      const markup = parseReplyMarkup(p.raw["reply_markup"]);
      const replyTo = this.replyTarget(p, log);
      return this.send(log, { text, ...(entities ? { entities } : {}), ...replyTo }, markup);
    });

    this.register("sendDocument", (p) => this.sendMedia(p, "document"));
    this.register("sendPhoto", (p) => this.sendMedia(p, "photo"));

    this.register("sendChatAction", (p) => {
      this.targetChat(p);
      const action = p.string("action");
      if (action === undefined || !CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
      return true;
    });

    // --- editing -----------------------------------------------------------------------------
    this.register("editMessageText", (p) => {
      const text = p.string("text") ?? "";
      const { log, stored } = this.editTarget(p);
      if (text.trim() === "") throw badRequest("message text is empty");
      if (text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
      if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
      const entities = parseEntities(p.raw["entities"], "entities");
      const markup = this.inlineOnly(parseReplyMarkup(p.raw["reply_markup"]));
      return this.applyEdit(log, stored, { text, entities, reply_markup: markup });
    });

    this.register("editMessageCaption", (p) => {
      const caption = p.string("caption") ?? "";
      const { log, stored } = this.editTarget(p);
      if (caption.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
      if (stored.message.document === undefined && stored.message.photo === undefined) {
        throw badRequest("there is no caption in the message to edit");
      }
      const captionEntities = parseEntities(p.raw["caption_entities"], "caption_entities");
      const markup = this.inlineOnly(parseReplyMarkup(p.raw["reply_markup"]));
      return this.applyEdit(log, stored, {
        caption: caption === "" ? undefined : caption,
        caption_entities: captionEntities,
        reply_markup: markup,
      });
    });

    this.register("editMessageReplyMarkup", (p) => {
      const { log, stored } = this.editTarget(p);
      const markup = this.inlineOnly(parseReplyMarkup(p.raw["reply_markup"]));
      return this.applyEdit(log, stored, { reply_markup: markup });
    });

    this.register("deleteMessage", (p) => {
      const log = this.targetChat(p);
      const messageId = p.int("message_id");
      if (messageId === undefined) throw badRequest("message identifier is not specified");
      const stored = log.find(messageId);
      if (!stored) throw badRequest("message to delete not found");
      this.remove(log, stored);
      return true;
    });

    this.register("deleteMessages", (p) => {
      const log = this.targetChat(p);
      const ids = p.json("message_ids");
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isInteger(id))) {
        throw badRequest("message identifiers are not specified");
      }
      for (const id of ids as number[]) {
        const stored = log.find(id);
        if (stored) this.remove(log, stored);
      }
      return true;
    });

    // --- callback queries --------------------------------------------------------------------
    this.register("answerCallbackQuery", (p) => {
      const id = p.string("callback_query_id");
      const record = id !== undefined ? state.callbackQueries.get(id) : undefined;
      if (!record || record.answered) {
        throw badRequest("query is too old and response timeout expired or query ID is invalid");
      }
      const text = p.string("text");
      if (text !== undefined && text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
      record.answered = true;
      state.chats.get(record.userId)?.addCallbackAnswer({
        callbackQueryId: record.id,
        text,
        show_alert: p.bool("show_alert") ?? false,
        url: p.string("url"),
        at: Date.now(),
      });
      return true;
    });

    // --- commands & menu ---------------------------------------------------------------------
    this.register("setMyCommands", (p) => {
      const commands = parseCommands(p.json("commands"));
      const key = commandsKey(this.scopeOf(p), languageOf(p));
      if (commands.length === 0) state.commands.delete(key);
      else state.commands.set(key, commands);
      return true;
    });
    this.register("getMyCommands", (p) => state.commands.get(commandsKey(this.scopeOf(p), languageOf(p))) ?? []);
    this.register("deleteMyCommands", (p) => {
      state.commands.delete(commandsKey(this.scopeOf(p), languageOf(p)));
      return true;
    });

    this.register("setChatMenuButton", (p) => {
      const key = p.has("chat_id") ? String(this.chatOf(p).id) : "default";
      const button = p.json("menu_button");
      if (button === undefined) {
        state.menuButtons.delete(key);
        return true;
      }
      if (!isRecord(button) || !["default", "commands", "web_app"].includes(String(button["type"]))) {
        throw badRequest("can't parse menu button: unsupported type");
      }
      state.menuButtons.set(key, button as unknown as MenuButton);
      return true;
    });
    this.register("getChatMenuButton", (p) => {
      const key = p.has("chat_id") ? String(this.chatOf(p).id) : "default";
      return state.menuButtons.get(key) ?? state.menuButtons.get("default") ?? { type: "default" };
    });

    // --- chats & files -----------------------------------------------------------------------
    this.register("getChat", (p) => this.chatFullInfo(this.chatOf(p)));

    this.register("getFile", (p) => {
      const fileId = p.string("file_id");
      const file = fileId !== undefined ? state.files.get(fileId) : undefined;
      if (!file) throw badRequest("invalid file_id");
      const result: TgFile = {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_size: file.data.length,
        file_path: file.filePath,
      };
      return result;
    });
  }

  // --- helpers ---------------------------------------------------------------------------------

  private chatOf(p: ParamReader): ChatLog {
    const raw = p.string("chat_id");
    if (raw === undefined || raw === "") throw badRequest("chat_id is empty");
    const log = /^-?\d+$/.test(raw)
      ? this.state.chats.get(Number(raw))
      : raw.startsWith("@")
        ? this.state.findChatByUsername(raw)
        : undefined;
    if (!log) throw badRequest("chat not found");
    return log;
  }

  private ensureReachable(log: ChatLog): void {
    if (log.blocked) throw new ApiError(403, BLOCKED);
  }

  /** The chat a send/edit/delete/action call targets; 403 when its user blocked the bot. */
  private targetChat(p: ParamReader): ChatLog {
    const log = this.chatOf(p);
    this.ensureReachable(log);
    return log;
  }

  private replyTarget(p: ParamReader, log: ChatLog): Pick<Message, "reply_to_message"> {
    const parameters = p.json("reply_parameters");
    let messageId = p.int("reply_to_message_id");
    let allowWithout = p.bool("allow_sending_without_reply") ?? false;
    if (isRecord(parameters)) {
      if (typeof parameters["message_id"] === "number") messageId = parameters["message_id"];
      if (parameters["allow_sending_without_reply"] === true) allowWithout = true;
    }
    if (messageId === undefined) return {};
    const stored = log.find(messageId);
    if (!stored) {
      if (allowWithout) return {};
      throw badRequest("message to be replied not found");
    }
    const { reply_to_message: _nested, ...replied } = structuredClone(stored.message);
    return { reply_to_message: replied as Message & { reply_to_message: undefined } };
  }

  /** Common tail of every send: blocked check, rate limit, store, log event. */
  private send(log: ChatLog, content: Partial<Message>, markup: ParsedMarkup): Message {
    this.ensureReachable(log);
    this.limiter.check(log.id);
    const message = {
      message_id: log.allocateMessageId(),
      from: this.state.botUser,
      chat: structuredClone(log.chat),
      date: unixNow(),
      ...content,
      ...(markup.inline ? { reply_markup: markup.inline } : {}),
    } as Message;
    log.store(message, true);
    log.addEvent("message", message, markup.other);
    this.limiter.record(log.id);
    return structuredClone(message);
  }

  private sendMedia(p: ParamReader, field: "document" | "photo"): Message {
    const log = this.targetChat(p);
    const caption = p.string("caption");
    if (caption !== undefined && caption.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
    const captionEntities = parseEntities(p.raw["caption_entities"], "caption_entities");
    const markup = parseReplyMarkup(p.raw["reply_markup"]);
    const file = this.resolveFile(p, field);
    const replyTo = this.replyTarget(p, log);
    const media: Partial<Message> =
      field === "document"
        ? {
            document: {
              file_id: file.fileId,
              file_unique_id: file.fileUniqueId,
              ...(file.fileName !== undefined ? { file_name: file.fileName } : {}),
              mime_type: file.mimeType,
              file_size: file.data.length,
            },
          }
        : {
            photo: [
              {
                file_id: file.fileId,
                file_unique_id: file.fileUniqueId,
                width: file.width ?? 0,
                height: file.height ?? 0,
                file_size: file.data.length,
              },
            ],
          };
    return this.send(
      log,
      {
        ...media,
        ...(caption !== undefined && caption !== "" ? { caption } : {}),
        ...(captionEntities ? { caption_entities: captionEntities } : {}),
        ...replyTo,
      },
      markup,
    );
  }

  /** An uploaded file (multipart) or the file_id of a known file. */
  private resolveFile(p: ParamReader, field: "document" | "photo"): StoredFile {
    const value = p.raw[field];
    if (value === undefined || value === null || value === "") throw badRequest(`there is no ${field} in the request`);
    if (isUpload(value)) {
      if (value.data.length === 0) throw badRequest("file must be non-empty");
      if (field === "photo") {
        const size = imageSize(value.data);
        if (!size) throw badRequest("IMAGE_PROCESS_FAILED");
        return this.state.storeFile({
          kind: "photo",
          data: value.data,
          fileName: value.fileName,
          mimeType: mimeTypeFor(value.fileName, value.contentType),
          ...size,
        });
      }
      return this.state.storeFile({
        kind: "document",
        data: value.data,
        fileName: value.fileName,
        mimeType: mimeTypeFor(value.fileName, value.contentType),
      });
    }
    if (typeof value !== "string") throw badRequest(`wrong type of the ${field}`);
    const known = this.state.files.get(value);
    if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
    const expected: FileKind = field;
    if (known.kind !== expected) throw badRequest(`can't use file of type ${capitalize(known.kind)} as ${capitalize(expected)}`);
    return known;
  }

  private editTarget(p: ParamReader): { log: ChatLog; stored: StoredMessage } {
    if (p.has("inline_message_id")) throw badRequest("message to edit not found");
    const log = this.targetChat(p);
    const messageId = p.int("message_id");
    if (messageId === undefined) throw badRequest("message identifier is not specified");
    const stored = log.find(messageId);
    if (!stored) throw badRequest("message to edit not found");
    if (!stored.fromBot) throw badRequest("message can't be edited");
    return { log, stored };
  }

  private inlineOnly(markup: ParsedMarkup): InlineKeyboardMarkup | undefined {
    if (markup.other) throw badRequest("inline keyboard expected");
    return markup.inline;
  }

  /**
   * Applies an edit. Every key present in `changes` replaces the field (undefined removes it: e.g. an
   * editMessageText without reply_markup removes the inline keyboard, as in Telegram).
   */
  private applyEdit(
    log: ChatLog,
    stored: StoredMessage,
    changes: {
      text?: string;
      entities?: MessageEntity[] | undefined;
      caption?: string | undefined;
      caption_entities?: MessageEntity[] | undefined;
      reply_markup: InlineKeyboardMarkup | undefined;
    },
  ): Message {
    const before = stored.message;
    const next: Record<string, unknown> = { ...structuredClone(before) };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete next[key];
      else next[key] = structuredClone(value);
    }
    const comparable = (m: Record<string, unknown>): unknown[] =>
      Object.keys(changes).map((key) => m[key] ?? null);
    if (isDeepStrictEqual(comparable(before as unknown as Record<string, unknown>), comparable(next))) {
      throw badRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    next["edit_date"] = unixNow();
    const edited = next as unknown as Message;
    stored.message = structuredClone(edited);
    log.addEvent("edit", edited);
    return structuredClone(edited);
  }

  private remove(log: ChatLog, stored: StoredMessage): void {
    stored.deleted = true;
    log.addEvent("delete", stored.message);
  }

  private scopeOf(p: ParamReader): BotCommandScope | undefined {
    const scope = p.json("scope");
    if (scope === undefined) return undefined;
    if (!isRecord(scope) || !SCOPE_TYPES.has(scope["type"] as BotCommandScope["type"])) {
      throw badRequest("can't parse BotCommandScope: wrong type");
    }
    const type = scope["type"] as BotCommandScope["type"];
    if (type === "chat" || type === "chat_administrators" || type === "chat_member") {
      const chat = this.chatOf(new ParamReader({ chat_id: scope["chat_id"] }));
      if (type === "chat_member") {
        const userId = scope["user_id"];
        if (typeof userId !== "number" || !this.state.users.has(userId)) throw badRequest("user not found");
        return { type, chat_id: chat.id, user_id: userId };
      }
      return { type, chat_id: chat.id };
    }
    return { type } as BotCommandScope;
  }

  private chatFullInfo(log: ChatLog): ChatFullInfo {
    const common = {
      accent_color_id: 0,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: false,
        limited_gifts: false,
        unique_gifts: false,
        premium_subscription: false,
        gifts_from_channels: false,
      },
    };
    return { ...structuredClone(log.chat), ...common } as ChatFullInfo;
  }
}

function languageOf(p: ParamReader): string | undefined {
  const language = p.string("language_code");
  if (language === undefined || language === "") return undefined;
  if (!/^[a-z]{2}$/.test(language)) throw badRequest("invalid language code specified");
  return language;
}

function parseCommands(value: unknown): BotCommand[] {
  if (!Array.isArray(value)) throw badRequest("can't parse commands JSON object");
  if (value.length > 100) throw badRequest("too many commands");
  return value.map((item: unknown) => {
    if (!isRecord(item) || typeof item["command"] !== "string" || typeof item["description"] !== "string") {
      throw badRequest("can't parse BotCommand");
    }
    const command = item["command"].replace(/^\//, "");
    if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
    const description = item["description"];
    if (description.trim().length === 0 || description.length > 256) {
      throw badRequest("command description must be non-empty");
    }
    return { command, description };
  });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
