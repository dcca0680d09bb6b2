import type { BotCommand, Chat, MenuButton, Message, User, UserFromGetMe } from "@grammyjs/types";
import { UpdateQueue } from "./updates.js";
import type { CallbackAnswer, ChatEvent, ChatEventKind, NonInlineMarkup } from "./types.js";

export type FileKind = "document" | "photo" | "sticker";

export interface StoredFile {
  readonly fileId: string;
  readonly fileUniqueId: string;
  readonly kind: FileKind;
  readonly fileName: string | undefined;
  readonly mimeType: string;
  readonly data: Buffer;
  readonly width: number | undefined;
  readonly height: number | undefined;
  /** Path for getFile / `GET /file/bot<token>/<file_path>`. */
  readonly filePath: string;
}

export interface StoredMessage {
  message: Message;
  fromBot: boolean;
  deleted: boolean;
}

export interface CallbackQueryRecord {
  readonly id: string;
  readonly userId: number;
  readonly chatId: number;
  readonly messageId: number;
  answered: boolean;
}

/** One chat: its messages (current versions) and the log of what the bot did in it. */
export class ChatLog {
  readonly messages = new Map<number, StoredMessage>();
  readonly events: ChatEvent[] = [];
  /** For private chats: answers to callback queries sent by this chat's user. */
  readonly callbackAnswers: CallbackAnswer[] = [];
  blocked = false;
  private nextMessageId = 1;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly chat: Chat,
    /** Human-readable name used in error messages. */
    readonly label: string,
  ) {}

  get id(): number {
    return this.chat.id;
  }

  allocateMessageId(): number {
    return this.nextMessageId++;
  }

  store(message: Message, fromBot: boolean): void {
    this.messages.set(message.message_id, { message: structuredClone(message), fromBot, deleted: false });
  }

  /** The current (non-deleted) version of a message. */
  find(messageId: number): StoredMessage | undefined {
    const stored = this.messages.get(messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  /** Non-deleted bot messages, oldest first (current versions). */
  botMessages(): Message[] {
    return [...this.messages.values()]
      .filter((m) => m.fromBot && !m.deleted)
      .sort((a, b) => a.message.message_id - b.message.message_id)
      .map((m) => structuredClone(m.message));
  }

  addEvent(kind: ChatEventKind, message: Message, replyKeyboard?: NonInlineMarkup): void {
    this.events.push({
      kind,
      message: structuredClone(message),
      seq: this.events.length,
      at: Date.now(),
      ...(replyKeyboard ? { replyKeyboard: structuredClone(replyKeyboard) } : {}),
    });
    this.notify();
  }

  addCallbackAnswer(answer: CallbackAnswer): void {
    this.callbackAnswers.push(answer);
    this.notify();
  }

  /** Calls `listener` after every new event or callback answer. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

export interface BotIdentity {
  id: number;
  username: string;
  firstName: string;
}

/** Everything the emulated Telegram server knows. */
export class EmulatorState {
  readonly bot: UserFromGetMe;
  readonly users = new Map<number, User>();
  readonly chats = new Map<number, ChatLog>();
  readonly files = new Map<string, StoredFile>();
  readonly callbackQueries = new Map<string, CallbackQueryRecord>();
  /** Key: see `commandsKey`. */
  readonly commands = new Map<string, BotCommand[]>();
  /** Key: chat id, or "default". */
  readonly menuButtons = new Map<string, MenuButton>();
  readonly updates = new UpdateQueue();

  private nextUserId = 1000;
  private nextGroupNumber = 1;
  private nextFileNumber = 1;
  private nextCallbackNumber = 1;

  constructor(identity: BotIdentity) {
    this.bot = {
      id: identity.id,
      is_bot: true,
      first_name: identity.firstName,
      username: identity.username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  }

  /** The bot as it appears in `from` of its messages. */
  get botUser(): User {
    return { id: this.bot.id, is_bot: true, first_name: this.bot.first_name, username: this.bot.username };
  }

  allocateUserId(): number {
    while (this.users.has(this.nextUserId) || this.chats.has(this.nextUserId)) this.nextUserId++;
    return this.nextUserId++;
  }

  allocateGroupId(type: "group" | "supergroup"): number {
    for (;;) {
      const n = this.nextGroupNumber++;
      const id = type === "supergroup" ? -1_001_000_000_000 - n : -1_000_000 - n;
      if (!this.chats.has(id)) return id;
    }
  }

  addChat(log: ChatLog): void {
    if (this.chats.has(log.id)) throw new Error(`Chat ${log.id} already exists in the emulator`);
    this.chats.set(log.id, log);
  }

  findChatByUsername(username: string): ChatLog | undefined {
    const wanted = username.replace(/^@/, "").toLowerCase();
    for (const log of this.chats.values()) {
      if (log.chat.username?.toLowerCase() === wanted) return log;
    }
    return undefined;
  }

  storeFile(input: {
    kind: FileKind;
    data: Buffer;
    fileName: string | undefined;
    mimeType: string;
    width?: number;
    height?: number;
  }): StoredFile {
    const n = this.nextFileNumber++;
    const prefix = input.kind === "photo" ? "AgACAgIAAxkBAAI" : input.kind === "sticker" ? "CAACAgIAAxkBAAI" : "BQACAgIAAxkBAAI";
    const extension = input.fileName?.match(/\.([A-Za-z0-9]+)$/)?.[1] ?? (input.kind === "photo" ? "jpg" : "dat");
    const file: StoredFile = {
      fileId: `${prefix}${String(n).padStart(6, "0")}`,
      fileUniqueId: `AQAD${String(n).padStart(6, "0")}`,
      kind: input.kind,
      fileName: input.fileName,
      mimeType: input.mimeType,
      data: input.data,
      width: input.width,
      height: input.height,
      filePath: `${input.kind}s/file_${n}.${extension}`,
    };
    this.files.set(file.fileId, file);
    return file;
  }

  findFileByPath(filePath: string): StoredFile | undefined {
    for (const file of this.files.values()) if (file.filePath === filePath) return file;
    return undefined;
  }

  newCallbackQueryId(): string {
    return String(4_000_000_000_000_000n + BigInt(this.nextCallbackNumber++));
  }
}
