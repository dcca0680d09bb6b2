import type { Collection, Db } from "mongodb";
import { z } from "zod";

// The preference rounds of stage 5 (collection preference_rounds): one open round per programme
// at a time, kept so by a claim (claimKeys.roundOpen), closed once (claimKeys.roundClosed).

export const roundSchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  openedAt: z.date(),
  deadline: z.date(),
  closedAt: z.date().nullable().default(null),
});
export type Round = z.infer<typeof roundSchema>;

export class RoundsStore {
  private readonly col: Collection<Round>;
  constructor(db: Db) {
    this.col = db.collection<Round>("preference_rounds");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1, openedAt: -1 });
  }

  /** Stores a new open round under the given id (the holder of the programme's round claim). */
  async open(id: string, programmeId: string, now: Date, deadline: Date): Promise<Round> {
    const round = roundSchema.parse({ _id: id, programmeId, openedAt: now, deadline, closedAt: null });
    await this.col.insertOne(round);
    return round;
  }

  /** The programme's latest round not yet closed (its deadline may have passed). */
  async current(programmeId: string): Promise<Round | null> {
    const doc = await this.col.find({ programmeId, closedAt: null }).sort({ openedAt: -1 }).limit(1).next();
    return doc ? roundSchema.parse(doc) : null;
  }

  async get(id: string): Promise<Round | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? roundSchema.parse(doc) : null;
  }

  /** Marks the round closed; the caller holds its closing claim, so this runs once. */
  async close(id: string, now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { closedAt: now } });
  }
}
