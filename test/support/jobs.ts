import type { JobDefinition } from "../../src/jobs/due.js";
import { enqueueDue } from "../../src/jobs/runner.js";
import type { OutboxSender } from "../../src/services/outbox.js";
import type { ServiceDeps } from "../../src/services/deps.js";

// Runs one job the way a tick does (load, due, the outbox's unique insert of each key, courtesy),
// with the clock the test chooses, and waits until the sender has sent what is due. Returns the
// keys newly queued: a key queued before (by an earlier run) is not queued again.

export async function runJobOnce<D>(deps: ServiceDeps, job: JobDefinition<D>, now: Date, sender: OutboxSender): Promise<string[]> {
  const due = job.due(now, await job.load(deps, now));
  const keys: string[] = [];
  for (const item of due) if ((await enqueueDue(deps, [item], { sender })) === 1) keys.push(item.key);
  await sender.scan();
  await sender.idle();
  return keys;
}
