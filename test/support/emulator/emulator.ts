import type { BotCommand, BotCommandScope, Chat, Update, UserFromGetMe, WebhookInfo } from "@grammyjs/types";
import { ApiHttpServer, httpStatusOf, type ApiRequest } from "./http.js";
import { FailureInjector, RateLimiter } from "./limits.js";
import { MethodTable, commandsKey } from "./methods.js";
import { ParamReader } from "./params.js";
import { ChatLog, EmulatorState } from "./state.js";
import { TestGroup, TestUser, type ReaderContext } from "./test-user.js";
import {
  ApiError,
  type ApiCall,
  type ApiResponse,
  type InjectedError,
  type Params,
  type RateLimitOptions,
} from "./types.js";
import type { UpdatePayload } from "./updates.js";
import { WebhookPusher, type WebhookFailure, type WebhookRetryOptions } from "./webhook.js";

export interface BotApiEmulatorOptions {
  /** Default "mentor_test_bot". */
  botUsername?: string;
  /** Default 7000000001. */
  botId?: number;
  /** Default "Mentor Test Bot". */
  botFirstName?: string;
  rateLimit?: RateLimitOptions;
  /** Default timeout of nextEvent/nextMessage/waitFor...; default 5000 ms. */
  defaultTimeoutMs?: number;
  webhookRetry?: WebhookRetryOptions;
}

export interface CreateUserOptions {
  id?: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

export interface CreateGroupOptions {
  title: string;
  /** Must be negative. Default: auto-assigned. */
  id?: number;
  /** Default "group". */
  type?: "group" | "supergroup";
}

/**
 * An in-process Telegram Bot API server for end-to-end tests. Point grammY at it with
 * `new Bot(token, { client: { apiRoot: emulator.apiRoot } })`.
 */
export class BotApiEmulator {
  readonly botUsername: string;
  readonly botId: number;
  /** A well-formed token for convenience; any token is accepted. */
  readonly token: string;
  readonly defaultTimeoutMs: number;
  /** Every bot request, in arrival order. */
  readonly calls: ApiCall[] = [];
  private readonly holds = new Map<string, { waiters: (() => void)[] }>();
  /**
   * Called with each call once it is executed and before its answer leaves (e.g. to SIGKILL a
   * bot process while its message is counted here and its answer not yet received).
   */
  afterCall: ((call: ApiCall) => void) | null = null;
  /** Unexpected exceptions inside the emulator (answered with 500). Should stay empty. */
  readonly internalErrors: Error[] = [];

  private readonly state: EmulatorState;
  private readonly failures = new FailureInjector();
  private readonly limiter = new RateLimiter();
  private readonly webhook: WebhookPusher;
  private readonly methods: MethodTable;
  private readonly server: ApiHttpServer;
  private readonly readerContext: ReaderContext;
  private readonly testUsers = new Map<number, TestUser>();

  constructor(options: BotApiEmulatorOptions = {}) {
    this.botUsername = options.botUsername ?? "mentor_test_bot";
    this.botId = options.botId ?? 7_000_000_001;
    this.token = `${this.botId}:AAEmulatorTestToken_${this.botUsername}`;
    this.defaultTimeoutMs = options.defaultTimeoutMs ?? 5000;
    this.state = new EmulatorState({
      id: this.botId,
      username: this.botUsername,
      firstName: options.botFirstName ?? "Mentor Test Bot",
    });
    this.webhook = new WebhookPusher(
      this.state.updates,
      async (token, method, params) => {
        await this.dispatch({ token, method, params, signal: new AbortController().signal });
      },
      options.webhookRetry,
    );
    this.methods = new MethodTable({ state: this.state, webhook: this.webhook, limiter: this.limiter });
    this.server = new ApiHttpServer({
      api: (request) => this.dispatch(request),
      file: (_token, filePath) => {
        const file = this.state.findFileByPath(filePath);
        return file ? { data: file.data, mimeType: file.mimeType } : undefined;
      },
    });
    this.readerContext = { state: this.state, defaultTimeoutMs: this.defaultTimeoutMs };
    if (options.rateLimit) this.limiter.configure(options.rateLimit);
  }

  /** Listens on 127.0.0.1 with a free port. */
  async start(): Promise<void> {
    await this.server.listen();
  }

  /** Ends pending long polls (they return []), stops webhook delivery and closes the server. */
  async stop(): Promise<void> {
    for (const gate of this.holds.values()) for (const wake of gate.waiters.splice(0)) wake();
    this.holds.clear();
    this.state.updates.stop();
    this.webhook.stop();
    await this.server.close();
  }

  /** "http://127.0.0.1:<port>" — pass as grammY's `client.apiRoot`. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.server.port}`;
  }

  /** What getMe returns. */
  get bot(): UserFromGetMe {
    return structuredClone(this.state.bot);
  }

  createUser(options: CreateUserOptions): TestUser {
    const id = options.id ?? this.state.allocateUserId();
    if (this.state.users.has(id) || this.state.chats.has(id)) throw new Error(`User ${id} already exists in the emulator`);
    const user = {
      id,
      is_bot: false,
      first_name: options.firstName,
      ...(options.lastName !== undefined ? { last_name: options.lastName } : {}),
      ...(options.username !== undefined ? { username: options.username } : {}),
      ...(options.languageCode !== undefined ? { language_code: options.languageCode } : {}),
    };
    const chat: Chat.PrivateChat = {
      id,
      type: "private",
      first_name: options.firstName,
      ...(options.lastName !== undefined ? { last_name: options.lastName } : {}),
      ...(options.username !== undefined ? { username: options.username } : {}),
    };
    this.state.users.set(id, user);
    const log = new ChatLog(chat, `private chat ${id} (${options.firstName})`);
    this.state.addChat(log);
    const testUser = new TestUser(this.readerContext, log, user);
    this.testUsers.set(id, testUser);
    return testUser;
  }

  createGroup(options: CreateGroupOptions): TestGroup {
    const type = options.type ?? "group";
    const id = options.id ?? this.state.allocateGroupId(type);
    if (id >= 0) throw new Error(`Group chat ids must be negative, got ${id}`);
    const chat: Chat = { id, type, title: options.title };
    const log = new ChatLog(chat, `${type} ${id} (${options.title})`);
    this.state.addChat(log);
    return new TestGroup(this.readerContext, log);
  }

  /** The TestUser created with this id. */
  getUser(id: number): TestUser {
    const user = this.testUsers.get(id);
    if (!user) throw new Error(`No test user ${id}`);
    return user;
  }

  /** The next `times` calls of `method` fail with `error` (before any other processing). */
  failNext(method: string, error: InjectedError, times = 1): void {
    this.failures.add(method, error, times);
  }

  /**
   * Holds every call of `method` (case-insensitive) unanswered until the returned function is
   * called: the call is neither executed nor recorded as done. A held call whose client went
   * away meanwhile (a killed bot) is dropped without effect, as Telegram never saw it complete.
   */
  hold(method: string): () => void {
    const key = method.toLowerCase();
    const gate = { waiters: [] as (() => void)[] };
    this.holds.set(key, gate);
    return () => {
      if (this.holds.get(key) === gate) this.holds.delete(key);
      for (const wake of gate.waiters.splice(0)) wake();
    };
  }

  /** Calls of `method` held right now (see hold). */
  heldCount(method: string): number {
    return this.holds.get(method.toLowerCase())?.waiters.length ?? 0;
  }

  /** Limits on messages sent per chat / overall within any 1 s window; null disables. */
  setRateLimit(options: RateLimitOptions | null): void {
    this.limiter.configure(options);
  }

  /** Updates not confirmed by the bot yet. */
  pendingUpdateCount(): number {
    return this.state.updates.pendingCount();
  }

  pendingUpdates(): Update[] {
    return this.state.updates.pending();
  }

  /** Escape hatch: enqueues an arbitrary update (e.g. my_chat_member); update_id is assigned. */
  enqueueUpdate(payload: UpdatePayload): Update {
    return this.state.updates.enqueue(payload);
  }

  /** Calls of one method (case-insensitive). */
  callsTo(method: string): ApiCall[] {
    const wanted = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === wanted);
  }

  /** Commands stored by setMyCommands for this scope and language (like getMyCommands). */
  commands(options: { scope?: BotCommandScope; languageCode?: string } = {}): BotCommand[] {
    return structuredClone(this.state.commands.get(commandsKey(options.scope, options.languageCode)) ?? []);
  }

  webhookInfo(): WebhookInfo {
    return this.webhook.info();
  }

  get webhookFailures(): readonly WebhookFailure[] {
    return this.webhook.failures;
  }

  private async dispatch(request: ApiRequest): Promise<ApiResponse> {
    const entry = this.methods.resolve(request.method);
    const gate = this.holds.get((entry?.name ?? request.method).toLowerCase());
    if (gate) {
      await new Promise<void>((wake) => gate.waiters.push(wake));
      if (request.signal.aborted) return { ok: false, error_code: 499, description: "Client went away while the call was held" };
    }
    const call: ApiCall = {
      token: request.token,
      method: entry?.name ?? request.method,
      params: request.params,
      at: Date.now(),
      status: 0,
    };
    this.calls.push(call);
    const response = await this.execute(request, entry?.name, entry?.handler);
    // 499 (nginx's "client closed request"): the client went away, the answer was never delivered.
    call.status = request.signal.aborted ? 499 : httpStatusOf(response);
    call.response = response;
    this.afterCall?.(call);
    return response;
  }

  private async execute(
    request: ApiRequest,
    name: string | undefined,
    handler: ((p: ParamReader, ctx: { token: string; signal: AbortSignal }) => unknown) | undefined,
  ): Promise<ApiResponse> {
    try {
      if (request.bodyError) throw request.bodyError;
      if (!name || !handler) throw new ApiError(404, "Not Found");
      const injected = this.failures.take(name);
      if (injected) throw injected;
      const result = await handler(new ParamReader(request.params as Params), {
        token: request.token,
        signal: request.signal,
      });
      return { ok: true, result };
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse();
      const err = error instanceof Error ? error : new Error(String(error));
      this.internalErrors.push(err);
      return { ok: false, error_code: 500, description: `Internal Server Error: ${err.message}` };
    }
  }
}
