import { deliverableFrom, type Holiday } from "../domain/courtesy.js";
import { outboxMessage, type OutboxSender } from "../services/outbox.js";
import type { OutboxMessage } from "../store/outbox.js";
import type { ServiceDeps } from "../services/deps.js";
import type { DueNotice, JobDefinition } from "./due.js";

// The runner: on each tick, for each job, `load` then `due`, and every due notice into the outbox
// by the unique insert of its key. A notice already queued (by an earlier tick, a second process,
// before a restart) is found taken and sent nothing again. Courtesy decides when each may go.

type Deps = Pick<ServiceDeps, "store" | "clock" | "logger">;

export interface RunContext {
  /** Where newly queued messages are handed for an immediate send (null: the next scan finds them). */
  sender: OutboxSender | null;
  /** Keys this process queued or found queued already: skipped without a database round trip. */
  seen?: Set<string>;
}

/** Due notices are queued this many at a time: one insert per bucket and one for the keys each. */
const ENQUEUE_CHUNK = 1000;

/** Queues a job's due notices; returns how many were new. */
export async function enqueueDue(deps: Deps, notices: readonly DueNotice[], context: RunContext): Promise<number> {
  const holidays = new Map<string, readonly Holiday[]>();
  const holidaysOf = async (programmeId: string | undefined): Promise<readonly Holiday[]> => {
    if (!programmeId) return [];
    if (!holidays.has(programmeId)) holidays.set(programmeId, (await deps.store.programmes.get(programmeId))?.holidays ?? []);
    return holidays.get(programmeId)!;
  };
  const fresh = notices.filter((due) => !context.seen?.has(due.key));
  let queued = 0;
  for (let start = 0; start < fresh.length; start += ENQUEUE_CHUNK) {
    const chunk = fresh.slice(start, start + ENQUEUE_CHUNK);
    // The receivers in one read (or the process's copies).
    const users = chunk.length === 1 ? [await deps.store.users.get(chunk[0]!.notice.to)] : await deps.store.users.getMany(chunk.map((due) => due.notice.to));
    const now = deps.clock();
    const messages: OutboxMessage[] = [];
    for (const [i, due] of chunk.entries()) {
      const user = users[i];
      // A muted person gets the essential ones only (alarms, agreements); a later tick asks again.
      if (user?.nudgesMuted && !due.urgent && !due.essential) continue;
      const urgentNow = due.urgent === true && due.audience === "adult";
      const notBefore = urgentNow ? now : deliverableFrom(now, due.audience, due.timeZone, due.audience === "child" ? await holidaysOf(due.programmeId) : []);
      messages.push(outboxMessage(due.key, due.notice, notBefore, due.urgent ?? false, now, user));
    }
    const isNew = messages.length === 1 ? [await deps.store.outbox.enqueue(messages[0]!)] : await deps.store.outbox.enqueueMany(messages);
    for (const [i, message] of messages.entries()) {
      if (isNew[i]) {
        queued++;
        context.sender?.push(message);
      }
      context.seen?.add(message.key);
    }
  }
  return queued;
}

/** One job once: what is due now goes into the outbox. Returns how many were new. */
export async function runJob<D>(deps: ServiceDeps, job: JobDefinition<D>, now: Date, context: RunContext = { sender: null }): Promise<number> {
  const data = await job.load(deps, now);
  return enqueueDue(deps, job.due(now, data), context);
}

/** One tick: every job, each on its own (one failing job does not stop the others). */
export async function runTick(deps: ServiceDeps, jobs: readonly JobDefinition<unknown>[], now: Date, context: RunContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const job of jobs) {
    try {
      counts[job.name] = await runJob(deps, job, now, context);
    } catch (error) {
      deps.logger.error({ job: job.name, error: (error as Error).message }, "job failed");
    }
  }
  return counts;
}
