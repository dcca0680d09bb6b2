import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { newId } from "./ids.js";

// Consent records are appended, never changed: the history is the record.
// After a withdrawal only an anonymous line remains (no user id).

export const consentSchema = z.object({
  _id: z.string(),
  /** Whose data: null only in the anonymous record left after a withdrawal. */
  userId: z.number().int().nullable(),
  programmeId: z.string(),
  membershipId: z.string().nullable(),
  relation: z.enum(["self", "parent"]),
  decision: z.enum(["accepted", "declined", "withdrawn"]),
  method: z.enum(["bot", "paper"]),
  /** Telegram id of whoever decided in the bot (the person or the parent). */
  givenBy: z.number().int().nullable(),
  textVersion: z.number().int(),
  at: z.date(),
  /** Paper consent: the curator who recorded it, who signed, and the date on the paper. */
  recordedBy: z.number().int().nullable().default(null),
  signedBy: z.string().max(200).nullable().default(null),
  signedOn: z.date().nullable().default(null),
});
export type Consent = z.infer<typeof consentSchema>;

export class ConsentsStore {
  private readonly col: Collection<Consent>;
  constructor(db: Db) {
    this.col = db.collection<Consent>("consents");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ membershipId: 1, at: 1 });
    await this.col.createIndex({ givenBy: 1 });
    await this.col.createIndex({ programmeId: 1, decision: 1 });
  }

  async add(input: Omit<z.input<typeof consentSchema>, "_id">): Promise<Consent> {
    const consent = consentSchema.parse({ ...input, _id: newId() });
    await this.col.insertOne(consent);
    return consent;
  }

  async history(membershipId: string): Promise<Consent[]> {
    const docs = await this.col.find({ membershipId }).sort({ at: 1, _id: 1 }).toArray();
    return docs.map((d) => consentSchema.parse(d));
  }

  /** Consents a parent gave in the bot and that still stand. */
  async givenByParent(parentId: number): Promise<Consent[]> {
    const docs = await this.col.find({ givenBy: parentId, relation: "parent", decision: "accepted", userId: { $ne: null } }).toArray();
    return docs.map((d) => consentSchema.parse(d));
  }

  async ofUser(userId: number): Promise<Consent[]> {
    const docs = await this.col.find({ userId }).sort({ at: 1 }).toArray();
    return docs.map((d) => consentSchema.parse(d));
  }

  /** Removes a person's consent history in a programme; returns how many records went. */
  async forget(userId: number, programmeId: string): Promise<number> {
    const res = await this.col.deleteMany({ userId, programmeId });
    return res.deletedCount;
  }

  /** The standing consent of each membership: its latest record, if that is an acceptance. */
  async standing(membershipIds: readonly string[]): Promise<Map<string, Consent>> {
    const docs = await this.col.find({ membershipId: { $in: [...membershipIds] } }).sort({ at: 1, _id: 1 }).toArray();
    const latest = new Map<string, Consent>();
    for (const d of docs) latest.set(d.membershipId!, consentSchema.parse(d));
    for (const [id, c] of latest) if (c.decision !== "accepted") latest.delete(id);
    return latest;
  }
}
