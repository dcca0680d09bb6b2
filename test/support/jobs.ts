import type { JobDefinition } from "../../src/jobs/due.js";
import type { ServiceDeps } from "../../src/services/deps.js";

// Until the outbox runs the jobs, a test runs one as the outbox would: load and due with the
// clock it chooses, each key sent once (the keys already sent are remembered by the caller).

export async function runJobOnce<D>(deps: ServiceDeps, job: JobDefinition<D>, now: Date, sent: Set<string> = new Set()): Promise<string[]> {
  const due = job.due(now, await job.load(deps, now));
  const keys: string[] = [];
  for (const item of due) {
    if (sent.has(item.key)) continue;
    sent.add(item.key);
    keys.push(item.key);
    await deps.notices.send(item.notice);
  }
  return keys;
}
