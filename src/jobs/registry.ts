import type { JobDefinition } from "./due.js";
import { pendingJob } from "./pending.js";

// Every scheduled job of the bot. The runner (jobs/index.ts) evaluates each on every tick; add a
// job with one line here.

export const JOBS: JobDefinition<unknown>[] = [
  pendingJob as JobDefinition<unknown>,
];
