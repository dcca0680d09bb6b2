import { monthlySummaryJob, weeklyDigestJob } from "./digest.js";
import type { JobDefinition } from "./due.js";
import { flagsJob } from "./flags.js";
import { meetingFollowUpsJob, meetingRemindersJob } from "./meetings.js";
import { pendingJob } from "./pending.js";
import { quietPairsJob } from "./quietPairs.js";
import { finalReportJob, monthlyReportJob } from "./reports.js";
import { roadmapJob } from "./roadmap.js";

// Every scheduled job of the bot. The runner (jobs/index.ts) evaluates each on every tick; add a
// job with one line here. Alarms first: a tick that runs long still raises the flags.

export const JOBS: JobDefinition<unknown>[] = [
  flagsJob as JobDefinition<unknown>,
  pendingJob as JobDefinition<unknown>,
  meetingRemindersJob as JobDefinition<unknown>,
  meetingFollowUpsJob as JobDefinition<unknown>,
  monthlyReportJob as JobDefinition<unknown>,
  finalReportJob as JobDefinition<unknown>,
  roadmapJob as JobDefinition<unknown>,
  quietPairsJob as JobDefinition<unknown>,
  weeklyDigestJob as JobDefinition<unknown>,
  monthlySummaryJob as JobDefinition<unknown>,
];
