import type { Notice } from "../services/notices.js";
import type { ServiceDeps } from "../services/deps.js";

// The scheduler's contract. A job is a pure function of (now, data) that returns the notices due;
// each carries an idempotency key, and the outbox enqueues a key once only (a unique insert), so
// a job run twice, in two processes, or after a restart sends nothing twice.

export interface DueNotice {
  /** kind:person:period, e.g. `monthly-report:<mentorId>:2026-11`. The same key is sent once, ever. */
  key: string;
  notice: Notice;
  /** A child's messages wait out the night (21:00–08:00 school time) and the holidays. */
  audience: "child" | "adult";
  /** The school's time zone, for the quiet hours. */
  timeZone: string;
  /** The programme, whose holidays a child's message waits out. */
  programmeId?: string;
  /** Alarms jump the queue (and reach an adult at any hour). */
  urgent?: boolean;
  /** Reaches a person who muted nudges (alarms and agreements are essential; the rest is not). */
  essential?: boolean;
}

/** A job: `load` reads what `due` needs from the store; `due` decides, without any I/O. */
export interface JobDefinition<D> {
  name: string;
  /**
   * How often the job looks, in minutes (default 1). A job whose notices are due by the day looks
   * once an hour: its `load` reads whole collections, which FerretDB scans (seconds at 10,000
   * people), and a minute's tick of every job took 30 s there (README, "Scheduled jobs").
   */
  everyMinutes?: number;
  load(deps: ServiceDeps, now: Date): Promise<D>;
  due(now: Date, data: D): DueNotice[];
}

/**
 * Whether a job looks at this minute: every `everyMinutes`, at a minute of its own within that
 * period (from its name), so that the hourly jobs do not all read at once. Pure.
 */
export function looksAt(job: Pick<JobDefinition<unknown>, "name" | "everyMinutes">, now: Date): boolean {
  const every = Math.max(1, Math.floor(job.everyMinutes ?? 1));
  if (every === 1) return true;
  let offset = 0;
  for (const ch of job.name) offset = (offset * 31 + ch.charCodeAt(0)) % every;
  return Math.floor(now.getTime() / 60_000) % every === offset;
}
