import type { WebhookInfo } from "@grammyjs/types";
import type { UpdateQueue } from "./updates.js";
import { isRecord, unixNow, type Params, type UpdateType } from "./types.js";

export interface WebhookConfig {
  url: string;
  secretToken: string | undefined;
  maxConnections: number | undefined;
  /** Token of the setWebhook call; used to log "webhook reply" calls. */
  token: string;
}

export interface WebhookRetryOptions {
  /** Delay before the first retry; grows linearly per attempt, capped at 1 s. Default 200 ms. */
  delayMs?: number;
  /** Attempts per update before it is dropped. Default 10. */
  maxAttempts?: number;
  /** Per-request timeout. Default 10 s. */
  requestTimeoutMs?: number;
}

/** A failed delivery attempt, kept for assertions/debugging. */
export interface WebhookFailure {
  updateId: number;
  attempt: number;
  error: string;
  at: number;
  dropped: boolean;
}

/** Executes a method call returned in a webhook response body ("webhook reply"). */
export type WebhookReplyHandler = (token: string, method: string, params: Params) => Promise<void>;

/**
 * Pushes queued updates to the webhook URL one at a time, in order; an update is confirmed
 * (removed from the queue) on a 2xx answer and retried with a small backoff otherwise.
 */
export class WebhookPusher {
  private config: WebhookConfig | undefined;
  private running = false;
  private readonly stopController = new AbortController();
  private lastErrorDate: number | undefined;
  private lastErrorMessage: string | undefined;
  readonly failures: WebhookFailure[] = [];
  private readonly delayMs: number;
  private readonly maxAttempts: number;
  private readonly requestTimeoutMs: number;

  constructor(
    private readonly queue: UpdateQueue,
    private readonly onReply: WebhookReplyHandler,
    retry: WebhookRetryOptions = {},
  ) {
    this.delayMs = retry.delayMs ?? 200;
    this.maxAttempts = retry.maxAttempts ?? 10;
    this.requestTimeoutMs = retry.requestTimeoutMs ?? 10_000;
    queue.onEnqueue(() => this.kick());
  }

  get active(): WebhookConfig | undefined {
    return this.config;
  }

  set(config: WebhookConfig): void {
    this.config = config;
    this.lastErrorDate = undefined;
    this.lastErrorMessage = undefined;
    this.queue.setWebhookActive(true);
    this.kick();
  }

  clear(): void {
    this.config = undefined;
    this.queue.setWebhookActive(false);
  }

  stop(): void {
    this.config = undefined;
    this.stopController.abort();
  }

  info(): WebhookInfo {
    const allowed: UpdateType[] | undefined = this.queue.allowedUpdates;
    return {
      url: this.config?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.queue.pendingCount(),
      ...(this.config?.maxConnections !== undefined ? { max_connections: this.config.maxConnections } : {}),
      ...(this.config && allowed ? { allowed_updates: allowed } : {}),
      ...(this.lastErrorDate !== undefined ? { last_error_date: this.lastErrorDate } : {}),
      ...(this.lastErrorMessage !== undefined ? { last_error_message: this.lastErrorMessage } : {}),
    };
  }

  private kick(): void {
    if (this.running || !this.config || this.stopController.signal.aborted) return;
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
      // An update may have been enqueued while the loop was finishing.
      if (this.config && this.queue.pendingCount() > 0) this.kick();
    });
  }

  private async run(): Promise<void> {
    let attempts = 0;
    let currentId: number | undefined;
    for (;;) {
      const config = this.config;
      if (!config || this.stopController.signal.aborted) return;
      const update = this.queue.peek();
      if (!update) return;
      if (update.update_id !== currentId) {
        currentId = update.update_id;
        attempts = 0;
      }
      attempts++;
      const error = await this.deliver(config, update);
      if (error === undefined) {
        this.queue.confirm(update.update_id);
        continue;
      }
      const dropped = attempts >= this.maxAttempts;
      this.lastErrorDate = unixNow();
      this.lastErrorMessage = error;
      this.failures.push({ updateId: update.update_id, attempt: attempts, error, at: Date.now(), dropped });
      if (dropped) {
        this.queue.confirm(update.update_id);
        continue;
      }
      await this.sleep(Math.min(this.delayMs * attempts, 1000));
    }
  }

  /** Returns undefined on success, else a Telegram-like error message. */
  private async deliver(config: WebhookConfig, update: object): Promise<string | undefined> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (config.secretToken !== undefined) headers["X-Telegram-Bot-Api-Secret-Token"] = config.secretToken;
    let response: Response;
    try {
      response = await fetch(config.url, {
        method: "POST",
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.any([this.stopController.signal, AbortSignal.timeout(this.requestTimeoutMs)]),
      });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      return `Connection error: ${cause}`;
    }
    const body = await response.text().catch(() => "");
    if (response.status < 200 || response.status >= 300) {
      return `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    }
    await this.handleReply(config.token, body);
    return undefined;
  }

  private async handleReply(token: string, body: string): Promise<void> {
    if (!body.trim().startsWith("{")) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (!isRecord(parsed)) return;
    const { method, ...params } = parsed;
    if (typeof method === "string") await this.onReply(token, method, params);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const signal = this.stopController.signal;
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    });
  }
}
