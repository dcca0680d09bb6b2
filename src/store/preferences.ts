import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { MAX_RANKED_CHOICES } from "../domain/matching/index.js";
import type { Round } from "./rounds.js";

// The answers of a preference round (collection preferences): whom each person ranks, best first.

export const preferenceSchema = z.object({
  _id: z.string(),
  roundId: z.string(),
  programmeId: z.string(),
  membershipId: z.string(),
  ranked: z.array(z.string()).max(MAX_RANKED_CHOICES),
  at: z.date(),
});
export type Preference = z.infer<typeof preferenceSchema>;

const answerId = (roundId: string, membershipId: string) => `${roundId}-${membershipId}`;

export class PreferencesStore {
  private readonly col: Collection<Preference>;
  constructor(db: Db) {
    this.col = db.collection<Preference>("preferences");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1 });
    await this.col.createIndex({ roundId: 1 });
  }

  /** One answer per person per round; a new answer replaces the old one (one write of one document). */
  async save(round: Pick<Round, "_id" | "programmeId">, membershipId: string, ranked: string[], now: Date): Promise<void> {
    const doc = preferenceSchema.parse({ _id: answerId(round._id, membershipId), roundId: round._id, programmeId: round.programmeId, membershipId, ranked, at: now });
    await this.col.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async get(roundId: string, membershipId: string): Promise<Preference | null> {
    const doc = await this.col.findOne({ _id: answerId(roundId, membershipId) });
    return doc ? preferenceSchema.parse(doc) : null;
  }

  /** Forgets a person's own answers, and takes them out of everyone else's ranking. */
  async forgetMembership(membershipId: string): Promise<void> {
    await this.col.deleteMany({ membershipId });
    for (const doc of await this.col.find({ ranked: membershipId }).toArray()) {
      await this.col.updateOne({ _id: doc._id }, { $set: { ranked: doc.ranked.filter((id) => id !== membershipId) } });
    }
  }

  async ofRound(roundId: string): Promise<Preference[]> {
    const docs = await this.col.find({ roundId }).toArray();
    return docs.map((d) => preferenceSchema.parse(d));
  }

  /** The latest answers of each person in the programme, across rounds. */
  async latest(programmeId: string): Promise<Preference[]> {
    const docs = await this.col.find({ programmeId }).sort({ at: 1 }).toArray();
    const byPerson = new Map<string, Preference>();
    for (const d of docs) byPerson.set(d.membershipId, preferenceSchema.parse(d));
    return [...byPerson.values()];
  }
}
