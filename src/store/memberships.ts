import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { INTAKE_STATUSES, type IntakeStatus } from "../domain/consent.js";
import { MAX_MENTEES_PER_MENTOR } from "../domain/pairs.js";
import { CATEGORIES, ROLES, type Category, type Role } from "../domain/programme.js";
import type { ClaimsStore } from "./claims.js";
import { claimKeys } from "./claimKeys.js";
import { newId } from "./ids.js";
import { isStaffRole } from "../domain/programme.js";

// A role a person holds in a programme. One person may hold several roles in several programmes.
// Every write to a membership runs under its lock (claimKeys.membershipLock): FerretDB applies a
// conditional update without atomicity and loses one of two concurrent `$set`s of different
// fields (a pair linked while the intake status moves; the training mark while the limit is
// set), so each write reads, checks and writes alone.

export const membershipSchema = z.object({
  _id: z.string(),
  userId: z.number().int(),
  programmeId: z.string(),
  role: z.enum(ROLES),
  category: z.enum(CATEGORIES).nullable(),
  grade: z.number().int().min(1).max(11).nullable(),
  invitationId: z.string().nullable(),
  createdAt: z.date(),
  /** Mentors and mentees only: where they are on the way into the bases (null for curators). */
  intake: z.enum(INTAKE_STATUSES).nullable().default(null),
  /** An adult-category person who said they are under 18 (so a parent consents). */
  saidUnder18: z.boolean().nullable().default(null),
  intakeAt: z.date().nullable().default(null),
  /** Mentors: selected and trained (stage 4), and their limit of mentees at once (places are claims). */
  mentorTrainedOn: z.date().nullable().default(null),
  mentorLimit: z.number().int().min(1).max(MAX_MENTEES_PER_MENTOR).default(MAX_MENTEES_PER_MENTOR),
  /** Mentees: the pair or group they are in (proposed or active), or null in the pool. */
  pairId: z.string().nullable().default(null),
});
export type Membership = z.infer<typeof membershipSchema>;

export class MembershipsStore {
  private readonly col: Collection<Membership>;
  constructor(
    db: Db,
    private readonly claims: ClaimsStore,
  ) {
    this.col = db.collection<Membership>("memberships");
  }

  /** Reads the membership, lets `change` decide the fields to set (null: nothing), and writes them, alone. */
  private async write(id: string, change: (current: Membership) => Partial<Membership> | null): Promise<Membership | null> {
    return this.claims.withLock(claimKeys.membershipLock(id), async () => {
      const doc = await this.col.findOne({ _id: id });
      if (!doc) return null;
      const current = membershipSchema.parse(doc);
      const set = change(current);
      if (set === null) return null;
      await this.col.updateOne({ _id: id }, { $set: set });
      return { ...current, ...set };
    });
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ userId: 1, programmeId: 1, role: 1 }, { unique: true });
    await this.col.createIndex({ programmeId: 1, role: 1 });
  }

  /** Adds a role; returns null when the person already holds it (the unique index decides). */
  async add(
    input: Omit<Membership, "_id" | "createdAt" | "intake" | "saidUnder18" | "intakeAt" | "mentorTrainedOn" | "mentorLimit" | "pairId">,
    now: Date,
  ): Promise<Membership | null> {
    const intake = isStaffRole(input.role) ? null : "invited";
    const membership = membershipSchema.parse({ ...input, _id: newId(), createdAt: now, intake, intakeAt: intake ? now : null });
    try {
      await this.col.insertOne(membership);
      return membership;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return null;
      throw error;
    }
  }

  async find(userId: number, programmeId: string, role: Role): Promise<Membership | null> {
    const doc = await this.col.findOne({ userId, programmeId, role });
    return doc ? membershipSchema.parse(doc) : null;
  }

  async has(userId: number, programmeId: string, role: Role): Promise<boolean> {
    return (await this.col.countDocuments({ userId, programmeId, role }, { limit: 1 })) > 0;
  }

  async ofUser(userId: number): Promise<Membership[]> {
    const docs = await this.col.find({ userId }).sort({ createdAt: 1 }).toArray();
    return docs.map((d) => membershipSchema.parse(d));
  }

  async ofProgramme(programmeId: string, role?: Role): Promise<Membership[]> {
    const docs = await this.col.find(role ? { programmeId, role } : { programmeId }).sort({ createdAt: 1 }).toArray();
    return docs.map((d) => membershipSchema.parse(d));
  }

  async get(id: string): Promise<Membership | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? membershipSchema.parse(doc) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Membership>> {
    const docs = await this.col.find({ _id: { $in: [...ids] } }).toArray();
    return new Map(docs.map((d) => [d._id, membershipSchema.parse(d)]));
  }

  /**
   * Moves a participant to a new intake status, only from the given ones. The filter alone is no
   * guard on FerretDB (a conditional update is not atomic there): callers hold the membership's
   * intake claim (claimKeys.intakeStep, services/consent.ts) while they read, check and move.
   * One write: the status, its time and (when given) the under-18 answer.
   */
  async moveIntake(id: string, from: readonly IntakeStatus[], to: IntakeStatus, now: Date, extra: Partial<Pick<Membership, "saidUnder18">> = {}): Promise<Membership | null> {
    return this.write(id, (m) => (m.intake !== null && from.includes(m.intake) ? { intake: to, intakeAt: now, ...extra } : null));
  }

  /** The under-18 answer of an adult-category person (called under the intake claim). */
  async setSaidUnder18(id: string, value: boolean): Promise<void> {
    await this.write(id, () => ({ saidUnder18: value }));
  }

  /** Counts of participants of a role by intake status. */
  async intakeCounts(programmeId: string, role: Role): Promise<Record<IntakeStatus, number>> {
    const rows = await this.col.aggregate<{ _id: IntakeStatus; n: number }>([{ $match: { programmeId, role } }, { $group: { _id: "$intake", n: { $sum: 1 } } }]).toArray();
    const counts = Object.fromEntries(INTAKE_STATUSES.map((s) => [s, 0])) as Record<IntakeStatus, number>;
    for (const row of rows) if (row._id in counts) counts[row._id] = row.n;
    return counts;
  }

  /** Participants of a role, filtered, oldest first. */
  async participants(programmeId: string, role: Role, filter: { intake?: IntakeStatus | undefined; category?: Category | undefined; ids?: readonly string[] | undefined } = {}): Promise<Membership[]> {
    const query: Record<string, unknown> = { programmeId, role };
    if (filter.intake) query["intake"] = filter.intake;
    if (filter.category) query["category"] = filter.category;
    if (filter.ids) query["_id"] = { $in: [...filter.ids] };
    const docs = await this.col.find(query).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map((d) => membershipSchema.parse(d));
  }

  async remove(id: string): Promise<void> {
    await this.claims.withLock(claimKeys.membershipLock(id), async () => {
      await this.col.deleteOne({ _id: id });
    });
  }

  /** Stage 4: the mentor is selected and trained on this date (null takes the mark back). */
  async markTrained(id: string, on: Date | null): Promise<Membership | null> {
    return this.write(id, (m) => (m.role === "mentor" ? { mentorTrainedOn: on } : null));
  }

  /** The mentor's limit; the caller checks it against the places taken (services/pairs.ts). */
  async setMentorLimit(id: string, limit: number): Promise<Membership | null> {
    return this.write(id, (m) => (m.role === "mentor" ? { mentorLimit: limit } : null));
  }

  /** Links a mentee to their pair (null: back in the pool). */
  async setPair(id: string, pairId: string | null): Promise<void> {
    await this.write(id, () => ({ pairId }));
  }

  /** Unlinks a mentee from this pair only (a later pair's link stays). */
  async unsetPair(id: string, pairId: string): Promise<void> {
    await this.write(id, (m) => (m.pairId === pairId ? { pairId: null } : null));
  }
}
