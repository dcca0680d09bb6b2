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

/**
 * A ranking in progress (collection ranking_drafts): the cards a person chooses from, in the order
 * shown, and their choice so far. One per person per round, reached by _id; each press changes
 * this small document, so no conversation keeps a log of the presses.
 */
export const rankingDraftSchema = z.object({
  _id: z.string(),
  roundId: z.string(),
  membershipId: z.string(),
  /** The other side's membership ids, in the order of the cards. */
  cards: z.array(z.string()),
  /** Card indices chosen, best first. */
  ranked: z.array(z.number().int().min(0)).max(MAX_RANKED_CHOICES),
  /** The page of cards shown. */
  page: z.number().int().min(0),
  /** Grows by one with every press: a press writes only over the draft it read. */
  version: z.number().int().min(0),
  updatedAt: z.date(),
});
export type RankingDraft = z.infer<typeof rankingDraftSchema>;

export class PreferencesStore {
  private readonly col: Collection<Preference>;
  private readonly drafts: Collection<RankingDraft>;
  constructor(db: Db) {
    this.col = db.collection<Preference>("preferences");
    this.drafts = db.collection<RankingDraft>("ranking_drafts");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1 });
    await this.col.createIndex({ roundId: 1 });
    await this.drafts.createIndex({ membershipId: 1 });
    await this.drafts.createIndex({ cards: 1 });
  }

  /** Starts (or starts again) a person's ranking in a round. */
  async startDraft(roundId: string, membershipId: string, cards: string[], ranked: number[], now: Date): Promise<RankingDraft> {
    const doc = rankingDraftSchema.parse({ _id: answerId(roundId, membershipId), roundId, membershipId, cards, ranked, page: 0, version: 0, updatedAt: now });
    await this.drafts.replaceOne({ _id: doc._id }, doc, { upsert: true });
    return doc;
  }

  async getDraft(roundId: string, membershipId: string): Promise<RankingDraft | null> {
    const doc = await this.drafts.findOne({ _id: answerId(roundId, membershipId) });
    return doc ? rankingDraftSchema.parse(doc) : null;
  }

  /**
   * A press: the choice and page replace the ones read, in one write that holds only if the draft
   * is still as it was read (a second press at the same moment is refused, not lost). Null then.
   */
  async updateDraft(before: RankingDraft, change: { ranked: number[]; page: number }, now: Date): Promise<RankingDraft | null> {
    const next = rankingDraftSchema.parse({ ...before, ...change, version: before.version + 1, updatedAt: now });
    const res = await this.drafts.updateOne({ _id: before._id, version: before.version }, { $set: { ranked: next.ranked, page: next.page, version: next.version, updatedAt: now } });
    return res.matchedCount === 1 ? next : null;
  }

  async deleteDraft(roundId: string, membershipId: string): Promise<void> {
    await this.drafts.deleteOne({ _id: answerId(roundId, membershipId) });
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
    // Rankings in progress: the person's own, and those with them among the cards (begun again).
    await this.drafts.deleteMany({ $or: [{ membershipId }, { cards: membershipId }] });
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
