import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { PLAN_ITEM_KINDS, PLAN_STATUSES } from "../domain/plans.js";
import type { ClaimsStore } from "./claims.js";
import { claimKeys } from "./claimKeys.js";
import { newId } from "./ids.js";

// Individual plans: one per (pair, mentee), its items and status; and the earlier versions, kept
// as they were when a change after the mentee's acknowledgement started the next one. Every write
// to a plan document runs under the plan's lock (FerretDB: no atomic conditional updates).

const mark = z.object({ at: z.date(), by: z.string() });

export const planItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(PLAN_ITEM_KINDS),
  /** The due school day: midnight UTC of that day. */
  due: z.date(),
  /** Marked done by the mentor (membership id). */
  done: mark.nullable().default(null),
  /** Proposed as done by the mentee, waiting for the mentor. */
  proposedDone: mark.nullable().default(null),
});
export type PlanItem = z.infer<typeof planItemSchema>;

const planEventSchema = z.object({
  kind: z.enum(["sent", "acknowledged", "approved", "new-version"]),
  version: z.number().int(),
  /** Membership id of who did it. */
  by: z.string(),
  at: z.date(),
});
export type PlanEvent = z.infer<typeof planEventSchema>;

export const planSchema = z.object({
  _id: z.string(),
  pairId: z.string(),
  programmeId: z.string(),
  menteeId: z.string(),
  version: z.number().int().min(1),
  status: z.enum(PLAN_STATUSES),
  items: z.array(planItemSchema),
  acknowledged: mark.nullable().default(null),
  approved: mark.nullable().default(null),
  /** What happened to the plan, oldest first: each sending, acknowledgement, approval, new version. */
  history: z.array(planEventSchema).default([]),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Plan = z.infer<typeof planSchema>;

/** An earlier version of a plan, as it stood when the next one began. */
export const planVersionSchema = z.object({
  _id: z.string(),
  planId: z.string(),
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  items: z.array(planItemSchema),
  acknowledged: mark.nullable(),
  approved: mark.nullable(),
  keptAt: z.date(),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export class PlansStore {
  private readonly col: Collection<Plan>;
  private readonly versions: Collection<PlanVersion>;
  constructor(
    db: Db,
    private readonly claims: ClaimsStore,
  ) {
    this.col = db.collection<Plan>("plans");
    this.versions = db.collection<PlanVersion>("planVersions");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ pairId: 1, menteeId: 1 });
    await this.col.createIndex({ programmeId: 1, status: 1 });
    await this.versions.createIndex({ planId: 1, version: 1 });
  }

  newItemId(): string {
    return newId();
  }

  async get(id: string): Promise<Plan | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? planSchema.parse(doc) : null;
  }

  async of(pairId: string, menteeId: string): Promise<Plan | null> {
    const doc = await this.col.findOne({ pairId, menteeId });
    return doc ? planSchema.parse(doc) : null;
  }

  /** A programme's plans in a status (the plans waiting for approval), the oldest first. */
  async ofProgramme(programmeId: string, status: Plan["status"]): Promise<Plan[]> {
    const docs = await this.col.find({ programmeId, status }).sort({ updatedAt: 1, _id: 1 }).toArray();
    return docs.map((d) => planSchema.parse(d));
  }

  /** Every plan of a pair (one per mentee who has one). */
  async ofPair(pairId: string): Promise<Plan[]> {
    const docs = await this.col.find({ pairId }).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map((d) => planSchema.parse(d));
  }

  /** The mentee's plan in this pair, made empty (a draft, version 1) if there is none yet; one however many ask at once. */
  async ensure(input: { pairId: string; programmeId: string; menteeId: string }, now: Date): Promise<Plan> {
    return this.claims.withLock(claimKeys.planCreateLock(input.pairId, input.menteeId), async () => {
      const found = await this.of(input.pairId, input.menteeId);
      if (found) return found;
      const plan = planSchema.parse({ _id: newId(), ...input, version: 1, status: "draft", items: [], history: [], createdAt: now, updatedAt: now });
      await this.col.insertOne(plan);
      return plan;
    });
  }

  /**
   * Reads, changes and writes one plan under its lock: `change` gets the stored plan and returns
   * the new one (or a refusal value, written nothing). The earlier version is kept first when the
   * change starts a new one (`keep`).
   */
  async update<R>(id: string, change: (plan: Plan) => { plan: Plan; keep?: boolean; result: R } | { refused: R }): Promise<R | null> {
    return this.claims.withLock(claimKeys.planLock(id), async () => {
      const plan = await this.get(id);
      if (!plan) return null;
      const out = change(plan);
      if ("refused" in out) return out.refused;
      if (out.keep) await this.keepVersion(plan, out.plan.updatedAt);
      const next = planSchema.parse(out.plan);
      await this.col.replaceOne({ _id: id }, next);
      return out.result;
    });
  }

  private async keepVersion(plan: Plan, now: Date): Promise<void> {
    const kept: PlanVersion = { _id: `${plan._id}.${plan.version}`, planId: plan._id, version: plan.version, status: plan.status, items: plan.items, acknowledged: plan.acknowledged, approved: plan.approved, keptAt: now };
    // A version is kept once: a retry after a crash finds it there already.
    try {
      await this.versions.insertOne(kept);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
  }

  /** The earlier versions of a plan, the oldest first. */
  async versionsOf(planId: string): Promise<PlanVersion[]> {
    const docs = await this.versions.find({ planId }).sort({ version: 1 }).toArray();
    return docs.map((d) => planVersionSchema.parse(d));
  }
}
