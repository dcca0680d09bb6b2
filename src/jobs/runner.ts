import { deliverableFrom, type Holiday } from "../domain/courtesy.js";
import { outboxMessage, type OutboxSender } from "../services/outbox.js";
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

/** Queues a job's due notices; returns how many were new. */
export async function enqueueDue(deps: Deps, notices: readonly DueNotice[], context: RunContext): Promise<number> {
  const holidays = new Map<string, readonly Holiday[]>();
  const holidaysOf = async (programmeId: string | undefined): Promise<readonly Holiday[]> => {
    if (!programmeId) return [];
    if (!holidays.has(programmeId)) holidays.set(programmeId, (await deps.store.programmes.get(programmeId))?.holidays ?? []);
    return holidays.get(programmeId)!;
  };
  let queued = 0;
  for (const due of notices) {
    if (context.seen?.has(due.key)) continue;
    const user = await deps.store.users.get(due.notice.to);
    // A muted person gets the essential ones only (alarms, agreements); a later tick asks again.
    if (user?.nudgesMuted && !due.urgent && !due.essential) continue;
    const now = deps.clock();
    const urgentNow = due.urgent === true && due.audience === "adult";
    const notBefore = urgentNow ? now : deliverableFrom(now, due.audience, due.timeZone, due.audience === "child" ? await holidaysOf(due.programmeId) : []);
    const message = outboxMessage(due.key, due.notice, notBefore, due.urgent ?? false, now, user);
    if (await deps.store.outbox.enqueue(message)) {
      queued++;
      context.sender?.push(message);
    }
    context.seen?.add(due.key);
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
