import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { RATINGS } from "../domain/feedback.js";
import { newId } from "./ids.js";

// Ratings of meetings: one per participant per meeting (the claim claimKeys.feedback guards it),
// with an optional comment that only the programme's curators read.

export const feedbackSchema = z.object({
  _id: z.string(),
  meetingId: z.string(),
  pairId: z.string(),
  programmeId: z.string(),
  /** The membership (mentor or mentee) who rated. */
  membershipId: z.string(),
  rating: z.number().int().min(RATINGS[0]).max(RATINGS[RATINGS.length - 1]!),
  comment: z.string().nullable().default(null),
  /** The flag this rating raised (or joined, when the person already had one open). */
  flagId: z.string().nullable().default(null),
  at: z.date(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export class FeedbackStore {
  private readonly col: Collection<Feedback>;
  constructor(db: Db) {
    this.col = db.collection<Feedback>("feedback");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ meetingId: 1, membershipId: 1 });
    await this.col.createIndex({ pairId: 1, at: 1 });
  }

  async insert(input: Omit<z.input<typeof feedbackSchema>, "_id">): Promise<Feedback> {
    const doc = feedbackSchema.parse({ ...input, _id: newId() });
    await this.col.insertOne(doc);
    return doc;
  }

  async of(meetingId: string, membershipId: string): Promise<Feedback | null> {
    const doc = await this.col.findOne({ meetingId, membershipId });
    return doc ? feedbackSchema.parse(doc) : null;
  }

  async setComment(id: string, comment: string): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { comment } });
  }

  async setFlag(id: string, flagId: string): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { flagId } });
  }

  /** A pair's ratings, the oldest first. */
  async ofPair(pairId: string): Promise<Feedback[]> {
    const docs = await this.col.find({ pairId }).sort({ at: 1, _id: 1 }).toArray();
    return docs.map((d) => feedbackSchema.parse(d));
  }

  /** A withdrawn person's ratings and comments go with their other answers. */
  async forgetMember(membershipId: string): Promise<number> {
    return (await this.col.deleteMany({ membershipId })).deletedCount;
  }
}
