import { deliverableFrom } from "../domain/courtesy.js";
import { newId } from "../store/ids.js";
import type { User } from "../store/users.js";
import { bucketStart, type OutboxMessage, type SendOutcome } from "../store/outbox.js";
import type { ServiceDeps } from "./deps.js";
import type { Notice, Notices } from "./notices.js";

// Every message the bot sends on its own goes through the outbox (store/outbox.ts): enqueued once
// per idempotency key, claimed just before it is sent, marked after. A sender drains it within
// Telegram's limits: N a second overall (paced, no burst beyond a few), 1 a second per chat,
// urgent ones first. At most once: a message claimed and not marked (the process died while
// sending) is never sent again (README «The outbox»).

/** How a message leaves: `prepare` does the slow part (rendering) before the claim. */
export interface Courier {
  /** The send, ready to go; null when the person cannot be written to (inactive). */
  prepare(message: OutboxMessage): Promise<(() => Promise<SendOutcome>) | null>;
}

export interface SenderOptions {
  /** Messages a second overall. */
  perSecond: number;
  /** Messages a second to one chat. */
  perChatPerSecond: number;
  /**
   * Sends in flight at once, at most (default `defaultInFlight`: about 60 ms of sends). A send
   * takes a few tens of milliseconds, so at Telegram's 30 a second one at a time keeps up; and a
   * crash can catch at most the messages in flight between their claim and Telegram (README «The outbox»).
   */
  inFlight?: number;
}

/** A bucket is read again after its minute ends, this long after, for late inserts of other processes. */
const SEAL_AFTER_MS = 2 * 60_000;

type Deps = Pick<ServiceDeps, "store" | "logger" | "clock">;

export class OutboxSender {
  private readonly urgent: OutboxMessage[] = [];
  private readonly normal: OutboxMessage[] = [];
  /** Keys this process holds in memory or has tried to claim; a bucket's read skips them. */
  private readonly known = new Set<string>();
  private readonly resolved = new Set<string>();
  private readonly lastToChat = new Map<number, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private slotsUsed = 0;
  private readonly marks: { key: string; outcome: SendOutcome }[] = [];
  private marksAt = 0;
  private flushing: Promise<void> | null = null;
  private slotFreed: (() => void) | null = null;
  private claiming = 0;
  private readonly holder = newId();
  private running: Promise<void> | null = null;
  private scanning: Promise<void> | null = null;
  private stopped = false;
  private tokens = 1;
  private tokensAt = 0;
  private sleeper: { timer: NodeJS.Timeout; wake: () => void } | null = null;
  /** Counts for logs and the benchmark. */
  readonly counts = { sent: 0, blocked: 0, failed: 0, skipped: 0 };

  constructor(
    private readonly deps: Deps,
    private readonly courier: Courier,
    private readonly options: SenderOptions,
  ) {}

  /** A message this process just queued: sent as soon as the limits allow, if due. */
  push(message: OutboxMessage): void {
    if (this.stopped || this.known.has(message.key)) return;
    if (message.notBefore.getTime() > this.deps.clock().getTime()) return; // the bucket's scan brings it
    this.known.add(message.key);
    (message.urgent ? this.urgent : this.normal).push(message);
    this.wake();
  }

  /** Reads the due buckets (at start, on every tick): messages of other processes and of before a crash. */
  scan(): Promise<void> {
    this.scanning ??= this.scanOnce().finally(() => (this.scanning = null));
    return this.scanning;
  }

  private async scanOnce(): Promise<void> {
    const now = this.deps.clock();
    for (const name of await this.deps.store.outbox.dueBuckets(now)) {
      if (this.stopped) return;
      const messages = await this.deps.store.outbox.readBucket(name);
      const sealed = bucketStart(name).getTime() + SEAL_AFTER_MS < now.getTime();
      if (sealed && messages.every((m) => this.resolved.has(m.key))) {
        await this.deps.store.outbox.dropBucket(name);
        for (const m of messages) {
          this.resolved.delete(m.key);
          this.known.delete(m.key);
        }
        continue;
      }
      for (const m of messages) {
        if (this.known.has(m.key)) continue;
        this.known.add(m.key);
        (m.urgent ? this.urgent : this.normal).push(m);
      }
    }
    this.wake();
  }

  /** Starts draining if it is not already. */
  wake(): void {
    if (this.sleeper) {
      clearTimeout(this.sleeper.timer);
      this.sleeper.wake();
    }
    if (this.stopped || this.running) return;
    this.running = this.drain().finally(() => (this.running = null));
  }

  /** Resolves once everything in memory is sent (tests, the benchmark). */
  async idle(): Promise<void> {
    while (this.running || this.scanning || this.inFlight.size > 0) {
      await (this.running ?? this.scanning ?? Promise.all(this.inFlight));
    }
    await this.flushMarks(true);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
    await Promise.all(this.inFlight);
    await this.flushMarks(true).catch(() => {});
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((done) => {
      const wake = () => {
        this.sleeper = null;
        done();
      };
      this.sleeper = { timer: setTimeout(wake, ms), wake };
    });
  }

  /** The next message whose chat is free, urgent ones first; or how long until one is. */
  private next(now: number): OutboxMessage | number | null {
    const gap = 1000 / this.options.perChatPerSecond;
    let wait = Infinity;
    for (const queue of [this.urgent, this.normal]) {
      for (let i = 0; i < queue.length; i++) {
        const m = queue[i]!;
        const free = (this.lastToChat.get(m.to) ?? -Infinity) + gap;
        if (free <= now) {
          queue.splice(i, 1);
          return m;
        }
        wait = Math.min(wait, free - now);
        // Far down a long queue every chat is usually free; do not walk all of it for one busy chat.
        if (i > 500) break;
      }
    }
    return wait === Infinity ? null : wait;
  }

  private async drain(): Promise<void> {
    // Paced a little under the limit, smoothly: a send that reaches Telegram a few milliseconds
    // late must not push a 1 s window over the limit (a 429 costs its retry_after, a second or more).
    const rate = this.options.perSecond * PACE;
    // A burst of at most 3% of the limit: any 1 s window holds at most 95% + 3% of it.
    const capacity = Math.max(1, Math.floor(this.options.perSecond * BURST));
    const maxInFlight = this.options.inFlight ?? defaultInFlight(this.options.perSecond);
    while (!this.stopped) {
      const now = Date.now();
      this.tokens = Math.min(capacity, this.tokens + ((now - this.tokensAt) * rate) / 1000);
      this.tokensAt = now;
      // While a claim is out, the next one waits to be a full burst: a claim costs one insert
      // (tens of milliseconds on a loaded FerretDB) however many messages it carries.
      const want = this.claiming > 0 ? Math.min(capacity, maxInFlight - this.slotsUsed) : 1;
      if (this.tokens < Math.max(1, want)) {
        await this.sleep(Math.max(1, ((Math.max(1, want) - this.tokens) * 1000) / rate));
        continue;
      }
      if (this.slotsUsed >= maxInFlight) {
        await new Promise<void>((done) => (this.slotFreed = done));
        continue;
      }
      // As many as the tokens and the free slots allow, claimed together (one insert).
      const batch: OutboxMessage[] = [];
      let wait: number | null = null;
      while (batch.length < Math.min(Math.floor(this.tokens), maxInFlight - this.slotsUsed)) {
        const picked = this.next(now);
        if (picked === null || typeof picked === "number") {
          wait = picked;
          break;
        }
        this.lastToChat.set(picked.to, now);
        batch.push(picked);
      }
      if (batch.length === 0) {
        if (wait === null) {
          if (this.slotsUsed === 0) return;
          await Promise.race(this.inFlight);
        } else await this.sleep(Math.max(1, wait));
        continue;
      }
      this.tokens -= batch.length;
      this.slotsUsed += batch.length;
      // Each message gives its slot back as soon as its own send is answered.
      const task: Promise<void> = this.sendBatch(batch, () => {
        this.slotsUsed--;
        const waiter = this.slotFreed;
        this.slotFreed = null;
        waiter?.();
      }).finally(() => this.inFlight.delete(task));
      this.inFlight.add(task);
    }
  }

  private async sendBatch(batch: OutboxMessage[], release: () => void): Promise<void> {
    const { outbox } = this.deps.store;
    let released = 0;
    const free = () => {
      released++;
      release();
    };
    try {
      const ready = await Promise.all(batch.map((m) => this.courier.prepare(m)));
      this.claiming++;
      const claimed = await outbox
        .claimSendingMany(
          batch.map((m) => m.key),
          this.holder,
          this.deps.clock(),
        )
        .finally(() => this.claiming--);
      // Claimed, then at once on the wire, all of the batch together.
      await Promise.all(
        batch.map(async (message, i) => {
          try {
            if (!claimed[i]) {
              this.counts.skipped++;
              return;
            }
            const go = ready[i];
            const outcome: SendOutcome = go ? await go().catch(() => "failed" as const) : "blocked";
            this.counts[outcome]++;
            this.marks.push({ key: message.key, outcome });
            if (outcome === "failed") this.deps.logger.warn({ userId: message.to }, "outbox message not delivered");
          } finally {
            this.resolved.add(message.key);
            free();
          }
        }),
      );
      // The marks are written apart from the sends: no slot waits for them.
      void this.flushMarks(false).catch((error: unknown) => this.deps.logger.error({ error: (error as Error).message }, "outbox marks not written"));
    } catch (error) {
      // The store failed: the messages stay unclaimed (or claimed and not marked) for a later scan.
      this.deps.logger.error({ error: (error as Error).message }, "outbox send failed");
    } finally {
      for (const m of batch) this.resolved.add(m.key);
      while (released < batch.length) free();
    }
  }

  /** The marks are written in batches, one write at a time (informational: the claim alone keeps a message from going twice). */
  private async flushMarks(force: boolean): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.marks.length === 0 || (!force && this.marks.length < 100 && Date.now() - this.marksAt < 500)) return;
    const marks = this.marks.splice(0);
    this.marksAt = Date.now();
    this.flushing = this.deps.store.outbox.markSentMany(marks, this.deps.clock()).finally(() => (this.flushing = null));
    await this.flushing;
  }
}

/**
 * The share of the configured rate the sender paces at. Telegram's limits (and the emulator's)
 * count what arrives in any 1 s window; sends paced at exactly the limit arrive with jitter and
 * meet 429s, each costing a retry_after of a second or more.
 */
export const PACE = 0.95;
/** The largest burst, as a share of the limit a second (one claim carries at most this many). */
export const BURST = 0.03;

/**
 * Sends in flight at once. At Telegram's 30 a second and below, one at a time: a claim and a
 * send take a few tens of milliseconds, and a crash catches at most the one message on the wire.
 * Above (a raised limit, the benchmark's 300), 400 ms of sends: the claims are inserts of a
 * burst each, tens of milliseconds apiece on a loaded FerretDB, and several must be out at once.
 */
export function defaultInFlight(perSecond: number): number {
  return perSecond <= 30 ? 1 : Math.ceil(perSecond * 0.4);
}

/** What a queued message is for the store: the notice as data, its file apart. */
export function outboxMessage(key: string, notice: Notice, notBefore: Date, urgent: boolean, now: Date, receiver?: User | null): OutboxMessage {
  const { to, file, ...rest } = notice;
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(rest)) if (value !== undefined) data[name] = value;
  const lang = receiver === undefined ? null : { locale: receiver?.locale ?? null, telegramLanguage: receiver?.telegramLanguage ?? null };
  return { key, to, notice: data, file: file ?? null, notBefore, urgent, enqueuedAt: now, lang };
}

/** The notice of a queued message again (the front renders it). */
export function noticeOf(message: OutboxMessage): Notice {
  return { ...(message.notice as Omit<Notice, "to" | "file">), to: message.to, ...(message.file ? { file: message.file } : {}) };
}

/**
 * When a service's notice may reach its receiver (domain/courtesy.ts): at once for an adult; for
 * a student (a membership of category "student", a child) not at night nor on the holidays of
 * that membership's programme, in its school's time zone. The person's memberships are cached in
 * this process (store/memberships.ts), the programme and the school too: usually no extra read.
 */
export async function noticeNotBefore(deps: Pick<ServiceDeps, "store">, to: number, now: Date): Promise<Date> {
  const student = (await deps.store.memberships.ofUser(to)).find((m) => m.category === "student");
  if (!student) return now;
  const programme = await deps.store.programmes.get(student.programmeId);
  const school = programme ? await deps.store.schools.get(programme.schoolId) : null;
  if (!programme || !school) return now;
  return deliverableFrom(now, "child", school.timeZone, programme.holidays);
}

/**
 * Notices as the services produce them (alarms, agreements, answers to someone's action): each
 * queued under a fresh key, unless it carries its own. An adult's go at once; a student's wait
 * out the night and the holidays, like the jobs' (courtesy).
 */
export class OutboxNotices implements Notices {
  constructor(
    private readonly deps: Pick<ServiceDeps, "store" | "clock">,
    private readonly sender: OutboxSender,
  ) {}

  async send(notice: Notice): Promise<boolean> {
    const user = await this.deps.store.users.get(notice.to);
    if (user && !user.active) return false;
    const now = this.deps.clock();
    const key = notice.once ?? `notice:${newId()}`;
    const notBefore = await noticeNotBefore(this.deps, notice.to, now);
    const message = outboxMessage(key, { ...notice, once: undefined }, notBefore, notice.urgent ?? false, now, user);
    if (await this.deps.store.outbox.enqueue(message)) this.sender.push(message);
    return true;
  }
}
