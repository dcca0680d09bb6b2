import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { newId } from "./ids.js";

// The preference round after the group meeting (stage 5): each ranks up to three of the other side.

export const roundSchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  openedAt: z.date(),
  deadline: z.date(),
  closedAt: z.date().nullable().default(null),
});
export type Round = z.infer<typeof roundSchema>;

export const preferenceSchema = z.object({
  _id: z.string(),
  roundId: z.string(),
  programmeId: z.string(),
  membershipId: z.string(),
  ranked: z.array(z.string()).max(3),
  at: z.date(),
});
export type Preference = z.infer<typeof preferenceSchema>;

export class PreferencesStore {
  private readonly rounds: Collection<Round>;
  private readonly prefs: Collection<Preference>;
  constructor(db: Db) {
    this.rounds = db.collection<Round>("preference_rounds");
    this.prefs = db.collection<Preference>("preferences");
  }

  async ensureIndexes(): Promise<void> {
    await this.rounds.createIndex({ programmeId: 1, openedAt: -1 });
    await this.prefs.createIndex({ programmeId: 1 });
  }

  async open(programmeId: string, now: Date, deadline: Date): Promise<Round> {
    const round = roundSchema.parse({ _id: newId(), programmeId, openedAt: now, deadline, closedAt: null });
    await this.rounds.insertOne(round);
    return round;
  }

  async current(programmeId: string): Promise<Round | null> {
    const doc = await this.rounds.find({ programmeId, closedAt: null }).sort({ openedAt: -1 }).limit(1).next();
    return doc ? roundSchema.parse(doc) : null;
  }

  async getRound(id: string): Promise<Round | null> {
    const doc = await this.rounds.findOne({ _id: id });
    return doc ? roundSchema.parse(doc) : null;
  }

  async close(id: string, now: Date): Promise<boolean> {
    const res = await this.rounds.updateOne({ _id: id, closedAt: null }, { $set: { closedAt: now } });
    return res.modifiedCount === 1;
  }

  /** One answer per person per round; a new answer replaces the old one. */
  async save(round: Round, membershipId: string, ranked: string[], now: Date): Promise<void> {
    const doc = preferenceSchema.parse({ _id: `${round._id}-${membershipId}`, roundId: round._id, programmeId: round.programmeId, membershipId, ranked, at: now });
    await this.prefs.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  async forgetMembership(membershipId: string): Promise<void> {
    await this.prefs.deleteMany({ membershipId });
  }

  async ofRound(roundId: string): Promise<Preference[]> {
    const docs = await this.prefs.find({ roundId }).toArray();
    return docs.map((d) => preferenceSchema.parse(d));
  }

  /** The latest answers of each person in the programme, across rounds. */
  async latest(programmeId: string): Promise<Preference[]> {
    const docs = await this.prefs.find({ programmeId }).sort({ at: 1 }).toArray();
    const byPerson = new Map<string, Preference>();
    for (const d of docs) byPerson.set(d.membershipId, preferenceSchema.parse(d));
    return [...byPerson.values()];
  }
}
