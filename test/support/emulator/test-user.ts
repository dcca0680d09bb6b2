import type { Chat, InlineKeyboardButton, Message, User } from "@grammyjs/types";
import { commandEntities, imageSize, inlineButtons, mimeTypeFor } from "./content.js";
import type { ChatLog, EmulatorState } from "./state.js";
import {
  unixNow,
  type CallbackAnswer,
  type ChatEvent,
  type ChatEventKind,
  type SentDocument,
  type SentPhoto,
} from "./types.js";

export interface WaitOptions {
  /** Default: the emulator's `defaultTimeoutMs` (5000 ms). */
  timeoutMs?: number;
}

export interface NextEventOptions extends WaitOptions {
  /** Skip (consume) events of other kinds. */
  kind?: ChatEventKind;
}

export interface WaitForOptions extends WaitOptions {
  /** What is being waited for, shown in the timeout error. */
  description?: string;
}

export interface ReaderContext {
  state: EmulatorState;
  defaultTimeoutMs: number;
}

/** A message id or a message (its `message_id` is used). */
export type MessageRef = number | Pick<Message, "message_id">;

const messageIdOf = (ref: MessageRef): number => (typeof ref === "number" ? ref : ref.message_id);

/** A 1×1 PNG, the content of photos sent by test users. */
const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * Reads what the bot did in one chat. Each reader has its own cursor: `next*`/`waitFor` consume events
 * in order, while `messages()`, `documents()`... give the current state without consuming.
 */
export class ChatReader {
  private cursor = 0;

  constructor(
    protected readonly context: ReaderContext,
    protected readonly log: ChatLog,
  ) {}

  get chatId(): number {
    return this.log.id;
  }

  get chat(): Chat {
    return structuredClone(this.log.chat);
  }

  /** All events of this chat so far (consumed or not). */
  events(): readonly ChatEvent[] {
    return [...this.log.events];
  }

  /** Events not consumed yet. */
  unreadEvents(): readonly ChatEvent[] {
    return this.log.events.slice(this.cursor);
  }

  /** Marks every event so far as consumed (e.g. after an uninteresting setup phase). */
  skipEvents(): void {
    this.cursor = this.log.events.length;
  }

  /** Consumes events until `predicate` matches; rejects after the timeout with a description of the chat. */
  waitFor(predicate: (event: ChatEvent) => boolean, options: WaitForOptions = {}): Promise<ChatEvent> {
    const timeoutMs = options.timeoutMs ?? this.context.defaultTimeoutMs;
    const description = options.description ?? "an event matching the predicate";
    const trace = new Error("waitFor");
    return new Promise<ChatEvent>((resolve, reject) => {
      const scan = (): ChatEvent | undefined => {
        for (;;) {
          const event = this.log.events[this.cursor];
          if (!event) return undefined;
          this.cursor++;
          if (predicate(event)) return event;
        }
      };
      const immediate = scan();
      if (immediate) {
        resolve(immediate);
        return;
      }
      const unsubscribe = this.log.subscribe(() => {
        const event = scan();
        if (!event) return;
        clearTimeout(timer);
        unsubscribe();
        resolve(event);
      });
      const timer = setTimeout(() => {
        unsubscribe();
        reject(
          withTrace(
            new Error(
              `Timed out after ${timeoutMs} ms waiting for ${description} in ${this.log.label}.\n${this.describeRecent()}`,
            ),
            trace,
          ),
        );
      }, timeoutMs);
    });
  }

  nextEvent(options: NextEventOptions = {}): Promise<ChatEvent> {
    const kind = options.kind;
    return this.waitFor((event) => kind === undefined || event.kind === kind, {
      ...options,
      description: kind === undefined ? "the next bot event" : `the next "${kind}" event`,
    });
  }

  /** Next new message from the bot (edits/deletes before it are consumed). */
  async nextMessage(options: WaitOptions = {}): Promise<Message> {
    return (await this.nextEvent({ ...options, kind: "message" })).message;
  }

  /** Next edit by the bot; returns the message after the edit. */
  async nextEdit(options: WaitOptions = {}): Promise<Message> {
    return (await this.nextEvent({ ...options, kind: "edit" })).message;
  }

  /** Next deletion by the bot; returns the message as it was before deletion. */
  async nextDelete(options: WaitOptions = {}): Promise<Message> {
    return (await this.nextEvent({ ...options, kind: "delete" })).message;
  }

  /** Next new or edited message whose text (or caption) matches. */
  async waitForText(match: string | RegExp, options: WaitOptions = {}): Promise<Message> {
    const matches = (text: string | undefined): boolean =>
      text !== undefined && (typeof match === "string" ? text.includes(match) : match.test(text));
    const event = await this.waitFor(
      (e) => e.kind !== "delete" && matches(e.message.text ?? e.message.caption),
      { ...options, description: `a message with text matching ${String(match)}` },
    );
    return event.message;
  }

  /** Resolves when no (unconsumed) event arrives within `ms`; rejects as soon as one does. Consumes nothing. */
  expectNoEvent(ms: number): Promise<void> {
    const trace = new Error("expectNoEvent");
    return new Promise<void>((resolve, reject) => {
      const fail = (): void => {
        const unread = this.log.events.slice(this.cursor);
        reject(
          withTrace(
            new Error(
              `Expected no bot activity in ${this.log.label} for ${ms} ms, but got:\n${unread.map(describeEvent).join("\n")}`,
            ),
            trace,
          ),
        );
      };
      if (this.cursor < this.log.events.length) {
        fail();
        return;
      }
      const unsubscribe = this.log.subscribe(() => {
        if (this.cursor >= this.log.events.length) return;
        clearTimeout(timer);
        unsubscribe();
        fail();
      });
      const timer = setTimeout(() => {
        unsubscribe();
        resolve();
      }, ms);
    });
  }

  /** The chat's current bot messages (after edits, without deleted ones), oldest first. */
  messages(): Message[] {
    return this.log.botMessages();
  }

  /** The newest current bot message; throws if there is none. */
  lastMessage(): Message {
    const last = this.messages().at(-1);
    if (!last) throw new Error(`No bot messages in ${this.log.label}`);
    return last;
  }

  /** Labels of the inline buttons of a message, row by row. */
  buttons(ref: MessageRef): string[][] {
    const message = this.currentMessage(ref);
    return (message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));
  }

  /** Every document the bot sent to this chat, in order (also deleted ones). */
  documents(): SentDocument[] {
    return this.log.events.filter((e) => e.kind === "message" && e.message.document).map((e) => this.toDocument(e.message));
  }

  async nextDocument(options: WaitOptions = {}): Promise<SentDocument> {
    const event = await this.waitFor((e) => e.kind === "message" && e.message.document !== undefined, {
      ...options,
      description: "a document",
    });
    return this.toDocument(event.message);
  }

  /** Every photo the bot sent to this chat, in order (also deleted ones). */
  photos(): SentPhoto[] {
    return this.log.events.filter((e) => e.kind === "message" && e.message.photo).map((e) => this.toPhoto(e.message));
  }

  async nextPhoto(options: WaitOptions = {}): Promise<SentPhoto> {
    const event = await this.waitFor((e) => e.kind === "message" && e.message.photo !== undefined, {
      ...options,
      description: "a photo",
    });
    return this.toPhoto(event.message);
  }

  protected currentMessage(ref: MessageRef): Message {
    const id = messageIdOf(ref);
    const stored = this.log.messages.get(id);
    if (!stored) throw new Error(`Message #${id} does not exist in ${this.log.label}`);
    if (stored.deleted) throw new Error(`Message #${id} in ${this.log.label} was deleted by the bot`);
    return structuredClone(stored.message);
  }

  private toDocument(message: Message): SentDocument {
    const document = message.document;
    const file = document ? this.context.state.files.get(document.file_id) : undefined;
    if (!document || !file) throw new Error(`Message #${message.message_id} has no known document`);
    return {
      fileName: document.file_name ?? "",
      mimeType: document.mime_type ?? file.mimeType,
      data: Buffer.from(file.data),
      caption: message.caption,
      message,
    };
  }

  private toPhoto(message: Message): SentPhoto {
    const largest = message.photo?.at(-1);
    const file = largest ? this.context.state.files.get(largest.file_id) : undefined;
    if (!file) throw new Error(`Message #${message.message_id} has no known photo`);
    return { data: Buffer.from(file.data), caption: message.caption, message };
  }

  private describeRecent(): string {
    const events = this.log.events;
    if (events.length === 0) return "The bot has not done anything in this chat.";
    const recent = events.slice(-6);
    return (
      `Consumed ${this.cursor} of ${events.length} events. Last events:\n` +
      recent.map((e) => `${e.seq < this.cursor ? "  (consumed) " : "  (unread)   "}${describeEvent(e)}`).join("\n")
    );
  }
}

/** A chat member with a private chat with the bot. */
export class TestUser extends ChatReader {
  private answerCursor = 0;

  constructor(
    context: ReaderContext,
    log: ChatLog,
    readonly user: User,
  ) {
    super(context, log);
  }

  get id(): number {
    return this.user.id;
  }
  get firstName(): string {
    return this.user.first_name;
  }
  get lastName(): string | undefined {
    return this.user.last_name;
  }
  get username(): string | undefined {
    return this.user.username;
  }
  get languageCode(): string | undefined {
    return this.user.language_code;
  }
  get isBlocked(): boolean {
    return this.log.blocked;
  }

  /** Sends a text message to the bot; texts starting with "/" get a bot_command entity. */
  async sendText(text: string): Promise<Message> {
    const entities = commandEntities(text);
    return this.sendToChat(this.log, { text, ...(entities ? { entities } : {}) });
  }

  /** `/start` or `/start <payload>` (deep link). */
  async start(payload?: string): Promise<Message> {
    return this.sendText(payload === undefined || payload === "" ? "/start" : `/start ${payload}`);
  }

  async sendSticker(emoji = "👍"): Promise<Message> {
    const file = this.context.state.storeFile({
      kind: "sticker",
      data: Buffer.from("RIFF0000WEBP", "latin1"),
      fileName: "sticker.webp",
      mimeType: "image/webp",
      width: 512,
      height: 512,
    });
    return this.sendToChat(this.log, {
      sticker: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji,
        file_size: file.data.length,
      },
    });
  }

  async sendPhoto(options: { data?: Buffer; caption?: string } = {}): Promise<Message> {
    const data = options.data ?? TINY_PNG;
    const size = imageSize(data) ?? { width: 1, height: 1 };
    const file = this.context.state.storeFile({ kind: "photo", data, fileName: undefined, mimeType: "image/jpeg", ...size });
    return this.sendToChat(this.log, {
      photo: [{ file_id: file.fileId, file_unique_id: file.fileUniqueId, ...size, file_size: data.length }],
      ...(options.caption !== undefined ? { caption: options.caption } : {}),
    });
  }

  /** Sends a file; the bot can fetch it with getFile + `GET {apiRoot}/file/bot<token>/<file_path>`. */
  async sendDocument(options: { fileName: string; data: Buffer | string; mimeType?: string; caption?: string }): Promise<Message> {
    const data = typeof options.data === "string" ? Buffer.from(options.data, "utf8") : options.data;
    const mimeType = options.mimeType ?? mimeTypeFor(options.fileName, "application/octet-stream");
    const file = this.context.state.storeFile({ kind: "document", data, fileName: options.fileName, mimeType });
    return this.sendToChat(this.log, {
      document: {
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_name: options.fileName,
        mime_type: mimeType,
        file_size: data.length,
      },
      ...(options.caption !== undefined ? { caption: options.caption } : {}),
    });
  }

  /** A message from this user in a group chat. */
  async sendInGroup(group: TestGroup, text: string): Promise<Message> {
    const entities = commandEntities(text);
    return this.sendToChat(group.chatLog, { text, ...(entities ? { entities } : {}) });
  }

  /** Presses the inline button whose label equals `label` (or matches the RegExp); returns the callback query id. */
  async press(ref: MessageRef, label: string | RegExp): Promise<string> {
    return this.pressIn(this.log, ref, label);
  }

  /** Presses an inline button on a bot message in a group chat. */
  async pressInGroup(group: TestGroup, ref: MessageRef, label: string | RegExp): Promise<string> {
    return this.pressIn(group.chatLog, ref, label);
  }

  /** Sends a callback query with arbitrary data for a message (forged / stale buttons). */
  async pressData(ref: MessageRef, data: string): Promise<string> {
    return this.enqueueCallback(this.currentMessage(ref), this.log, data);
  }

  /** While blocked, bot calls targeting this chat fail with 403 "Forbidden: bot was blocked by the user". */
  block(options: { notify?: boolean } = {}): void {
    this.log.blocked = true;
    if (options.notify !== false) this.chatMemberUpdate("member", "kicked");
  }

  /** As Telegram does, the bot gets a my_chat_member update for each (unless notify is false). */
  unblock(options: { notify?: boolean } = {}): void {
    this.log.blocked = false;
    if (options.notify !== false) this.chatMemberUpdate("kicked", "member");
  }

  private chatMemberUpdate(from: "member" | "kicked", to: "member" | "kicked"): void {
    const bot = this.context.state.botUser;
    const member = (status: "member" | "kicked") => (status === "kicked" ? { status, user: bot, until_date: 0 } : { status, user: bot });
    this.context.state.updates.enqueue({
      my_chat_member: {
        chat: structuredClone(this.log.chat),
        from: structuredClone(this.user),
        date: Math.floor(Date.now() / 1000),
        old_chat_member: member(from),
        new_chat_member: member(to),
      },
    } as never);
  }

  /** Answers the bot gave to this user's callback queries, in order. */
  callbackAnswers(): CallbackAnswer[] {
    return this.log.callbackAnswers.map((a) => ({ ...a }));
  }

  /**
   * With an id: waits for the answer to that callback query (cursor-independent).
   * Without: the next answer not consumed yet.
   */
  nextCallbackAnswer(callbackQueryId?: string, options: WaitOptions = {}): Promise<CallbackAnswer> {
    const timeoutMs = options.timeoutMs ?? this.context.defaultTimeoutMs;
    const trace = new Error("nextCallbackAnswer");
    const answers = this.log.callbackAnswers;
    const find = (): CallbackAnswer | undefined => {
      if (callbackQueryId !== undefined) {
        const found = answers.find((a) => a.callbackQueryId === callbackQueryId);
        const index = found ? answers.indexOf(found) : -1;
        if (index >= this.answerCursor) this.answerCursor = index + 1;
        return found;
      }
      const next = answers[this.answerCursor];
      if (next) this.answerCursor++;
      return next;
    };
    return new Promise<CallbackAnswer>((resolve, reject) => {
      const immediate = find();
      if (immediate) {
        resolve({ ...immediate });
        return;
      }
      const unsubscribe = this.log.subscribe(() => {
        const answer = find();
        if (!answer) return;
        clearTimeout(timer);
        unsubscribe();
        resolve({ ...answer });
      });
      const timer = setTimeout(() => {
        unsubscribe();
        const what = callbackQueryId === undefined ? "the next callback answer" : `the answer to callback query ${callbackQueryId}`;
        const seen = answers.map((a) => `${a.callbackQueryId}: ${JSON.stringify(a.text ?? "")}`).join(", ") || "none";
        reject(withTrace(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} for ${this.log.label}. Answers so far: ${seen}`), trace));
      }, timeoutMs);
    });
  }

  private pressIn(chatLog: ChatLog, ref: MessageRef, label: string | RegExp): string {
    const stored = chatLog.messages.get(messageIdOf(ref));
    if (!stored || stored.deleted) {
      throw new Error(`Cannot press "${String(label)}": message #${messageIdOf(ref)} ${stored ? "was deleted" : "does not exist"} in ${chatLog.label}`);
    }
    const message = structuredClone(stored.message);
    const buttons = inlineButtons(message.reply_markup);
    const button = buttons.find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (!button) {
      const available = buttons.map((b) => JSON.stringify(b.text)).join(", ") || "(no inline keyboard)";
      throw new Error(
        `No button ${typeof label === "string" ? JSON.stringify(label) : String(label)} on message #${message.message_id} ` +
          `in ${chatLog.label} (${preview(message)}). Available buttons: ${available}`,
      );
    }
    const data = callbackDataOf(button);
    if (data === undefined) {
      throw new Error(`Button ${JSON.stringify(button.text)} on message #${message.message_id} is not a callback button: ${JSON.stringify(button)}`);
    }
    return this.enqueueCallback(message, chatLog, data);
  }

  private enqueueCallback(message: Message, chatLog: ChatLog, data: string): string {
    const state = this.context.state;
    const id = state.newCallbackQueryId();
    state.callbackQueries.set(id, {
      id,
      userId: this.user.id,
      chatId: chatLog.id,
      messageId: message.message_id,
      answered: false,
    });
    state.updates.enqueue({
      callback_query: {
        id,
        from: structuredClone(this.user),
        message,
        chat_instance: String(-(Math.abs(chatLog.id) * 7 + 3)),
        data,
      },
    });
    return id;
  }

  private sendToChat(chatLog: ChatLog, content: Partial<Message>): Message {
    const message = {
      message_id: chatLog.allocateMessageId(),
      from: structuredClone(this.user),
      chat: structuredClone(chatLog.chat),
      date: unixNow(),
      ...content,
    } as Message & { from: User };
    chatLog.store(message, false);
    this.context.state.updates.enqueue({ message: message as Message & { from: User; chat: Exclude<Chat, Chat.ChannelChat> } });
    return structuredClone(message);
  }
}

/** A group chat; members send via `user.sendInGroup(group, text)`. */
export class TestGroup extends ChatReader {
  get id(): number {
    return this.log.id;
  }

  get title(): string {
    return this.log.chat.title ?? "";
  }

  /** @internal used by TestUser */
  get chatLog(): ChatLog {
    return this.log;
  }
}

function callbackDataOf(button: InlineKeyboardButton): string | undefined {
  return "callback_data" in button ? button.callback_data : undefined;
}

function preview(message: Message): string {
  const text = message.text ?? message.caption ?? (message.document ? `[document ${message.document.file_name ?? ""}]` : message.photo ? "[photo]" : "[no text]");
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

function describeEvent(event: ChatEvent): string {
  const m = event.message;
  const buttons = m.reply_markup ? ` buttons: [${inlineButtons(m.reply_markup).map((b) => JSON.stringify(b.text)).join(", ")}]` : "";
  return `#${event.seq} ${event.kind} msg ${m.message_id}: ${preview(m)}${buttons}`;
}

function withTrace(error: Error, trace: Error): Error {
  const frames = trace.stack?.split("\n").slice(1).join("\n");
  if (frames) error.stack = `${error.name}: ${error.message}\n${frames}`;
  return error;
}

