import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { FORMS } from "../domain/programme.js";
import { newId } from "./ids.js";

// A run of the matching engine the curator walks through, kept so that its buttons stay valid.
// Reasons are kept as data (each reader sees them in their own language).

const reasonSchema = z.union([
  z.object({ kind: z.literal("topics"), topics: z.array(z.string()), points: z.number() }),
  z.object({ kind: z.literal("mutual-preference"), menteeRank: z.number(), mentorRank: z.number(), points: z.number() }),
  z.object({ kind: z.literal("mentee-choice"), rank: z.number(), points: z.number() }),
  z.object({ kind: z.literal("mentor-choice"), rank: z.number(), points: z.number() }),
  z.object({ kind: z.literal("format"), compatible: z.boolean(), mentee: z.enum(["offline", "online", "any"]), mentor: z.enum(["offline", "online", "any"]), points: z.number() }),
  z.object({ kind: z.literal("shared-time"), slots: z.array(z.string()), points: z.number() }),
]);

export const batchSchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  createdAt: z.date(),
  items: z.array(z.object({ mentorId: z.string(), menteeId: z.string(), form: z.enum(FORMS), fit: z.number(), reasons: z.array(reasonSchema) })),
  unmatched: z.array(
    z.object({
      menteeId: z.string(),
      category: z.enum(["student", "teacher"]),
      reason: z.enum(["no-form", "no-mentor-with-capacity", "no-shared-topic", "outbid"]),
      best: z.object({ mentorId: z.string(), fit: z.number(), form: z.enum(FORMS) }).nullable(),
    }),
  ),
});
export type ProposalBatch = z.infer<typeof batchSchema>;
export type ProposalItem = ProposalBatch["items"][number];
export type UnmatchedItem = ProposalBatch["unmatched"][number];

export class ProposalBatchesStore {
  private readonly col: Collection<ProposalBatch>;
  constructor(db: Db) {
    this.col = db.collection<ProposalBatch>("proposal_batches");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1, createdAt: 1 });
  }

  async save(input: Omit<ProposalBatch, "_id">): Promise<ProposalBatch> {
    const batch = batchSchema.parse({ ...input, _id: newId() });
    await this.col.insertOne(batch);
    return batch;
  }

  /**
   * A withdrawn membership leaves no id in the programme's batches: it becomes `placeholder`, so
   * the batches keep their order (their buttons name items by position) and accepting such an
   * item finds no one.
   */
  async forgetMember(programmeId: string, membershipId: string, placeholder: string): Promise<void> {
    const swap = (id: string) => (id === membershipId ? placeholder : id);
    for (const doc of await this.col.find({ programmeId }).toArray()) {
      if (!JSON.stringify(doc).includes(membershipId)) continue;
      const batch = batchSchema.parse(doc);
      await this.col.updateOne(
        { _id: batch._id },
        {
          $set: {
            items: batch.items.map((i) => ({ ...i, mentorId: swap(i.mentorId), menteeId: swap(i.menteeId) })),
            unmatched: batch.unmatched.map((u) => ({ ...u, menteeId: swap(u.menteeId), best: u.best ? { ...u.best, mentorId: swap(u.best.mentorId) } : null })),
          },
        },
      );
    }
  }

  async get(id: string): Promise<ProposalBatch | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? batchSchema.parse(doc) : null;
  }
}
