import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { CATEGORIES, ROLES, type Role } from "../domain/programme.js";
import { newId } from "./ids.js";

// A role a person holds in a programme. One person may hold several roles in several programmes.

export const membershipSchema = z.object({
  _id: z.string(),
  userId: z.number().int(),
  programmeId: z.string(),
  role: z.enum(ROLES),
  category: z.enum(CATEGORIES).nullable(),
  grade: z.number().int().min(1).max(11).nullable(),
  invitationId: z.string().nullable(),
  createdAt: z.date(),
});
export type Membership = z.infer<typeof membershipSchema>;

export class MembershipsStore {
  private readonly col: Collection<Membership>;
  constructor(db: Db) {
    this.col = db.collection<Membership>("memberships");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ userId: 1, programmeId: 1, role: 1 }, { unique: true });
    await this.col.createIndex({ programmeId: 1, role: 1 });
  }

  /** Adds a role; returns null when the person already holds it (the unique index decides). */
  async add(input: Omit<Membership, "_id" | "createdAt">, now: Date): Promise<Membership | null> {
    const membership = membershipSchema.parse({ ...input, _id: newId(), createdAt: now });
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
}
