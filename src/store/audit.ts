import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { newId } from "./ids.js";

// The audit log of curators' actions on people: who (a Telegram id), what (the kind), on whom
// (a membership or a pair id), when. Ids and kinds only — never names or texts. Kept for a year:
// the daily job deletes older entries (jobs/index.ts, pruneAudit; FerretDB has no TTL index).

export const AUDIT_ACTIONS = [
  "card-opened",
  "bases-exported",
  "message-sent",
  "paper-consent",
  "pair-made",
  "proposal-accepted",
  "mentor-replaced",
  "term-extended",
  "pair-ended",
  "curator-removed",
  "audit-exported",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  /** The curator's (or operator's) Telegram id. */
  actorId: z.number().int(),
  action: z.enum(AUDIT_ACTIONS),
  membershipId: z.string().nullable().default(null),
  pairId: z.string().nullable().default(null),
  at: z.date(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export class AuditStore {
  private readonly col: Collection<AuditEntry>;
  constructor(db: Db) {
    this.col = db.collection<AuditEntry>("audit");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1, at: -1 });
    await this.col.createIndex({ at: 1 });
  }

  async add(input: Omit<AuditEntry, "_id">): Promise<AuditEntry> {
    const entry = auditEntrySchema.parse({ ...input, _id: newId() });
    await this.col.insertOne(entry);
    return entry;
  }

  async countForProgramme(programmeId: string): Promise<number> {
    return this.col.countDocuments({ programmeId });
  }

  /** Newest first. */
  async listForProgramme(programmeId: string, limit?: number, skip = 0): Promise<AuditEntry[]> {
    let cursor = this.col.find({ programmeId }).sort({ at: -1, _id: 1 }).skip(skip);
    if (limit !== undefined) cursor = cursor.limit(limit);
    return (await cursor.toArray()).map((d) => auditEntrySchema.parse(d));
  }

  /**
   * A person withdrew: entries about their membership keep the action and the date (what a
   * curator did stays accountable) with the membership replaced by `placeholder`.
   */
  async forgetMember(programmeId: string, membershipId: string, placeholder: string): Promise<void> {
    await this.col.updateMany({ programmeId, membershipId }, { $set: { membershipId: placeholder } });
  }

  /** Deletes the entries older than `before`; returns how many went. */
  async pruneOlderThan(before: Date): Promise<number> {
    const res = await this.col.deleteMany({ at: { $lt: before } });
    return res.deletedCount;
  }
}
