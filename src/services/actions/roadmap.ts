import { z } from "zod";
import { STAGE_COUNT } from "../../domain/roadmap.js";
import { DIGEST_LISTS, QUIET_DAYS_MAX, QUIET_DAYS_MIN } from "../../domain/digest.js";
import { Id, Index, defineAction } from "./define.js";

// The roadmap (its stages, their dates and done marks) and the lists behind the digests' numbers.

/** A stage's number, 1..7. */
export const StageNo = z.coerce.number().int().min(1).max(STAGE_COUNT);
const edge = z.enum(["start", "deadline"]);

export const roadmapActions = {
  /** The roadmap: curators and the director (and mentors, read-only, from their nudges). */
  roadmapOpen: defineAction({ prefix: "rmo", fields: { programmeId: Id }, for: "staff" }),
  /** One stage's card with its buttons. */
  roadmapStage: defineAction({ prefix: "rms", fields: { programmeId: Id, stage: StageNo }, for: "staff" }),
  /** «±1 неделя» on a stage's start or deadline. */
  roadmapShift: defineAction({ prefix: "rmw", fields: { programmeId: Id, stage: StageNo, edge, dir: z.enum(["later", "earlier"]) }, for: "curator" }),
  /** Type a stage's start or deadline (a short conversation). */
  roadmapDate: defineAction({ prefix: "rmd", fields: { programmeId: Id, stage: StageNo, edge }, for: "curator" }),
  /** Mark a stage done with a short result (a short conversation). */
  roadmapDone: defineAction({ prefix: "rmx", fields: { programmeId: Id, stage: StageNo }, for: "curator" }),
  /** Take a done mark back. */
  roadmapReopen: defineAction({ prefix: "rmr", fields: { programmeId: Id, stage: StageNo }, for: "curator" }),
  /** The quiet pairs' threshold: no confirmed meeting for this many days. */
  quietDays: defineAction({ prefix: "dgq", fields: { programmeId: Id, days: z.coerce.number().int().min(QUIET_DAYS_MIN).max(QUIET_DAYS_MAX) }, for: "curator" }),
  /** A list behind a digest's number, a page. */
  digestList: defineAction({ prefix: "dgl", fields: { programmeId: Id, list: z.enum(DIGEST_LISTS), page: Index }, for: "staff" }),
};
