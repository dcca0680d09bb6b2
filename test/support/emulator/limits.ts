import { ApiError, tooManyRequests, type InjectedError, type RateLimitOptions } from "./types.js";

/** Errors queued by `failNext`; consumed one per call of the method (case-insensitive). */
export class FailureInjector {
  private readonly queued = new Map<string, InjectedError[]>();

  add(method: string, error: InjectedError, times: number): void {
    const key = method.toLowerCase();
    const list = this.queued.get(key) ?? [];
    for (let i = 0; i < times; i++) list.push({ ...error });
    this.queued.set(key, list);
  }

  take(method: string): ApiError | undefined {
    const key = method.toLowerCase();
    const list = this.queued.get(key);
    const next = list?.shift();
    if (list && list.length === 0) this.queued.delete(key);
    if (!next) return undefined;
    if (next.error_code === 429 || next.retry_after !== undefined) {
      const retryAfter = Math.max(1, Math.ceil(next.retry_after ?? 1));
      return new ApiError(next.error_code, next.description, { retry_after: retryAfter });
    }
    return new ApiError(next.error_code, next.description);
  }

  pending(method?: string): number {
    if (method !== undefined) return this.queued.get(method.toLowerCase())?.length ?? 0;
    let total = 0;
    for (const list of this.queued.values()) total += list.length;
    return total;
  }

  clear(): void {
    this.queued.clear();
  }
}

const WINDOW_MS = 1000;

/** Sliding 1 s windows over successfully sent messages, per chat and overall. */
export class RateLimiter {
  private options: RateLimitOptions | null = null;
  private readonly perChat = new Map<number, number[]>();
  private global: number[] = [];

  configure(options: RateLimitOptions | null): void {
    this.options = options;
    this.perChat.clear();
    this.global = [];
  }

  /** Throws 429 when sending one more message to `chatId` now would exceed a limit. */
  check(chatId: number, now = Date.now()): void {
    const options = this.options;
    if (!options) return;
    this.prune(now);
    let retryAt = 0;
    const chatSends = this.perChat.get(chatId) ?? [];
    if (options.perChatPerSecond !== undefined && chatSends.length >= options.perChatPerSecond) {
      retryAt = Math.max(retryAt, oldestToExpire(chatSends, options.perChatPerSecond) + WINDOW_MS);
    }
    if (options.globalPerSecond !== undefined && this.global.length >= options.globalPerSecond) {
      retryAt = Math.max(retryAt, oldestToExpire(this.global, options.globalPerSecond) + WINDOW_MS);
    }
    if (retryAt > 0) throw tooManyRequests(Math.max(1, Math.ceil((retryAt - now) / 1000)));
  }

  record(chatId: number, now = Date.now()): void {
    if (!this.options) return;
    const chatSends = this.perChat.get(chatId) ?? [];
    chatSends.push(now);
    this.perChat.set(chatId, chatSends);
    this.global.push(now);
  }

  private prune(now: number): void {
    const cutoff = now - WINDOW_MS;
    this.global = this.global.filter((t) => t > cutoff);
    for (const [chatId, times] of this.perChat) {
      const kept = times.filter((t) => t > cutoff);
      if (kept.length > 0) this.perChat.set(chatId, kept);
      else this.perChat.delete(chatId);
    }
  }
}

/** Time of the send that has to leave the window before one more send fits under `limit`. */
function oldestToExpire(times: readonly number[], limit: number): number {
  return times[times.length - limit] ?? times[0] ?? 0;
}
