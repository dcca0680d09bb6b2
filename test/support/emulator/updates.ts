import type { Update } from "@grammyjs/types";
import { ApiError, type UpdateType } from "./types.js";

export type UpdatePayload = Omit<Update, "update_id">;

export interface GetUpdatesRequest {
  offset: number | undefined;
  limit: number;
  timeoutSeconds: number;
  allowedUpdates: UpdateType[] | undefined;
}

/** Update types Telegram delivers when allowed_updates was never set (or set to []). */
const DEFAULT_EXCLUDED: ReadonlySet<UpdateType> = new Set<UpdateType>([
  "chat_member",
  "message_reaction",
  "message_reaction_count",
]);

export const CONFLICT_WEBHOOK =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
export const CONFLICT_OTHER_POLL =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

interface PendingPoll {
  /** Re-checks the queue; answers the poll if updates are available. */
  check(): void;
  finish(result: Update[] | ApiError): void;
  /** A newer getUpdates arrived: stop taking updates, end with 409 unless the client has gone. */
  supersede(): void;
}

/**
 * How long a superseded long poll may still turn out to be abandoned by its client before it gets the 409.
 * grammY's bot.stop() aborts its long poll and immediately sends a final getUpdates; the socket close of the
 * aborted request may reach the server a moment after the new request.
 */
const SUPERSEDE_GRACE_MS = 50;

export function updateTypeOf(update: Update): UpdateType | undefined {
  for (const key of Object.keys(update)) {
    if (key !== "update_id") return key as UpdateType;
  }
  return undefined;
}

/**
 * The bot's server-side update queue. Updates stay queued until confirmed: via `offset` for getUpdates,
 * or by a 2xx answer of the webhook (see WebhookPusher).
 */
export class UpdateQueue {
  private queue: Update[] = [];
  private nextUpdateId = 1;
  private allowed: ReadonlySet<UpdateType> | undefined;
  /** The current long poll per token. */
  private readonly polls = new Map<string, PendingPoll>();
  /** Every unanswered long poll, including superseded ones. */
  private readonly openPolls = new Set<PendingPoll>();
  private readonly enqueueListeners = new Set<() => void>();
  private webhookActive = false;
  private stopped = false;

  enqueue(payload: UpdatePayload): Update {
    const update = { update_id: this.nextUpdateId++, ...structuredClone(payload) } as Update;
    this.queue.push(update);
    for (const poll of [...this.polls.values()]) poll.check();
    for (const listener of [...this.enqueueListeners]) listener();
    return structuredClone(update);
  }

  onEnqueue(listener: () => void): () => void {
    this.enqueueListeners.add(listener);
    return () => this.enqueueListeners.delete(listener);
  }

  pendingCount(): number {
    return this.queue.length;
  }

  /** Snapshot of the not yet confirmed updates. */
  pending(): Update[] {
    return structuredClone(this.queue);
  }

  dropPending(): void {
    this.queue = [];
  }

  get allowedUpdates(): UpdateType[] | undefined {
    return this.allowed ? [...this.allowed] : undefined;
  }

  setAllowedUpdates(types: readonly UpdateType[] | undefined): void {
    // As in Telegram: an empty list means "default set", omitting the parameter keeps the previous setting.
    if (types === undefined) return;
    this.allowed = types.length > 0 ? new Set(types) : undefined;
  }

  isAllowed(update: Update): boolean {
    const type = updateTypeOf(update);
    if (type === undefined) return false;
    return this.allowed ? this.allowed.has(type) : !DEFAULT_EXCLUDED.has(type);
  }

  /** First deliverable update (drops not-allowed ones on the way), for webhook delivery. */
  peek(): Update | undefined {
    this.dropDisallowed();
    const first = this.queue[0];
    return first ? structuredClone(first) : undefined;
  }

  /** Confirms one update (webhook delivery succeeded or was given up). */
  confirm(updateId: number): void {
    this.queue = this.queue.filter((u) => u.update_id !== updateId);
  }

  setWebhookActive(active: boolean): void {
    this.webhookActive = active;
    if (active) {
      for (const poll of [...this.openPolls]) poll.finish(new ApiError(409, CONFLICT_WEBHOOK));
    }
  }

  /** getUpdates with Telegram's semantics: offset confirmation, limit, long polling, conflicts. */
  getUpdates(token: string, request: GetUpdatesRequest, signal: AbortSignal): Promise<Update[]> {
    if (this.webhookActive) return Promise.reject(new ApiError(409, CONFLICT_WEBHOOK));

    this.polls.get(token)?.supersede();
    this.setAllowedUpdates(request.allowedUpdates);
    this.applyOffset(request.offset);

    const ready = this.take(request.limit);
    if (ready.length > 0 || request.timeoutSeconds <= 0 || this.stopped || signal.aborted) {
      return Promise.resolve(ready);
    }

    return new Promise<Update[]>((resolve, reject) => {
      let done = false;
      let superseded = false;
      let graceTimer: NodeJS.Timeout | undefined;
      const poll: PendingPoll = {
        check: () => {
          if (superseded) return;
          const updates = this.take(request.limit);
          if (updates.length > 0) poll.finish(updates);
        },
        supersede: () => {
          superseded = true;
          if (this.polls.get(token) === poll) this.polls.delete(token);
          graceTimer = setTimeout(() => poll.finish(new ApiError(409, CONFLICT_OTHER_POLL)), SUPERSEDE_GRACE_MS);
        },
        finish: (result) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          clearTimeout(graceTimer);
          signal.removeEventListener("abort", onAbort);
          this.openPolls.delete(poll);
          if (this.polls.get(token) === poll) this.polls.delete(token);
          if (result instanceof ApiError) reject(result);
          else resolve(result);
        },
      };
      const onAbort = (): void => poll.finish([]);
      const timer = setTimeout(() => poll.finish([]), request.timeoutSeconds * 1000);
      signal.addEventListener("abort", onAbort, { once: true });
      this.polls.set(token, poll);
      this.openPolls.add(poll);
    });
  }

  /** Ends all pending long polls with an empty result; later getUpdates calls do not wait. */
  stop(): void {
    this.stopped = true;
    for (const poll of [...this.openPolls]) poll.finish([]);
  }

  private applyOffset(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > 0) {
      this.queue = this.queue.filter((u) => u.update_id >= offset);
    } else {
      // Negative offset: keep only the last -offset updates, forget all previous ones.
      this.queue = this.queue.slice(offset);
    }
  }

  private dropDisallowed(): void {
    this.queue = this.queue.filter((u) => this.isAllowed(u));
  }

  private take(limit: number): Update[] {
    this.dropDisallowed();
    return structuredClone(this.queue.slice(0, limit));
  }
}
