import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { BY_ID_MAX } from "./cache.js";
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

/**
 * What every access check and every /menu asks of consents, kept where it is read by `_id`
 * (on FerretDB a read by any other field scans the whole history: 0.6-1.2 s at 10,000 records):
 * - `consent_standing`: a membership's latest consent record, under the membership's id;
 * - `consents_by_parent`: the memberships a parent decided for in the bot, under the parent's
 *   Telegram id as text (candidates only: each is checked against its latest record).
 * Both are written by `add`, and built once from older history at start.
 */
interface ParentIndexDoc {
  _id: string;
  membershipIds: string[];
}
/** A membership's latest record: the record itself under the membership's id, its own id kept. */
type LatestDoc = Omit<Consent, "_id"> & { _id: string; consentId: string };
const fromLatest = (doc: LatestDoc): Consent => consentSchema.parse({ ...doc, _id: doc.consentId });
/** The marker that both documents above were built from the history. */
const BUILT = "_built";

export class ConsentsStore {
  private readonly col: Collection<Consent>;
  private readonly latest: Collection<LatestDoc>;
  private readonly byParent: Collection<ParentIndexDoc>;
  constructor(db: Db) {
    this.col = db.collection<Consent>("consents");
    this.latest = db.collection<LatestDoc>("consent_standing");
    this.byParent = db.collection<ParentIndexDoc>("consents_by_parent");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ membershipId: 1, at: 1 });
    await this.col.createIndex({ givenBy: 1 });
    await this.col.createIndex({ programmeId: 1, decision: 1 });
    await this.latest.createIndex({ userId: 1, programmeId: 1 });
    await this.latest.createIndex({ programmeId: 1 });
    await this.build();
  }

  /** Builds the latest records and the parents' index from the history (once, for older data). */
  private async build(): Promise<void> {
    if (await this.byParent.findOne({ _id: BUILT })) return;
    for (const c of await this.col.find({ membershipId: { $ne: null } }).sort({ at: 1, _id: 1 }).toArray()) await this.remember(consentSchema.parse(c));
    await this.byParent.insertOne({ _id: BUILT, membershipIds: [] }).catch(() => {});
  }

  /**
   * Keeps the membership's latest record and the parent's index. A membership's decisions are
   * taken one at a time, in time order (under its intake step's lock), and a parent decides from
   * their own chat (one update at a time), so neither document has two writers at once, and the
   * record written last is the latest.
   */
  private async remember(consent: Consent): Promise<void> {
    if (!consent.membershipId) return;
    const { _id, ...record } = consent;
    await this.latest.replaceOne({ _id: consent.membershipId }, { ...record, consentId: _id }, { upsert: true });
    if (consent.relation !== "parent" || consent.givenBy === null) return;
    const key = String(consent.givenBy);
    const index = await this.byParent.findOne({ _id: key });
    if (index?.membershipIds.includes(consent.membershipId)) return;
    await this.byParent.replaceOne({ _id: key }, { membershipIds: [...(index?.membershipIds ?? []), consent.membershipId] }, { upsert: true });
  }

  async add(input: Omit<z.input<typeof consentSchema>, "_id">): Promise<Consent> {
    const consent = consentSchema.parse({ ...input, _id: newId() });
    await this.col.insertOne(consent);
    await this.remember(consent);
    return consent;
  }

  /** The latest record of a membership. */
  private async latestOf(membershipId: string): Promise<Consent | null> {
    const doc = await this.latest.findOne({ _id: membershipId });
    return doc ? fromLatest(doc) : null;
  }

  async history(membershipId: string): Promise<Consent[]> {
    const docs = await this.col.find({ membershipId }).sort({ at: 1, _id: 1 }).toArray();
    return docs.map((d) => consentSchema.parse(d));
  }

  /** Consents a parent gave in the bot and that still stand (each membership's latest record). */
  async givenByParent(parentId: number): Promise<Consent[]> {
    const index = await this.byParent.findOne({ _id: String(parentId) });
    const out: Consent[] = [];
    for (const membershipId of index?.membershipIds ?? []) {
      const c = await this.latestOf(membershipId);
      if (c && c.givenBy === parentId && c.relation === "parent" && c.decision === "accepted" && c.userId !== null) out.push(c);
    }
    return out;
  }

  async ofUser(userId: number): Promise<Consent[]> {
    const docs = await this.col.find({ userId }).sort({ at: 1 }).toArray();
    return docs.map((d) => consentSchema.parse(d));
  }

  /** Removes a person's consent history in a programme; returns how many records went. */
  async forget(userId: number, programmeId: string): Promise<number> {
    const res = await this.col.deleteMany({ userId, programmeId });
    for (const c of await this.latest.find({ userId, programmeId }).toArray()) {
      await this.latest.deleteOne({ _id: c._id });
      if (c.relation !== "parent" || c.givenBy === null) continue;
      const index = await this.byParent.findOne({ _id: String(c.givenBy) });
      if (!index) continue;
      const rest = index.membershipIds.filter((id) => id !== c.membershipId);
      // An empty index goes: nothing keeps the parent's id once no child's consent is theirs.
      if (rest.length) await this.byParent.replaceOne({ _id: index._id }, { membershipIds: rest });
      else await this.byParent.deleteOne({ _id: index._id });
    }
    return res.deletedCount;
  }

  /** The standing consent of each membership of the programme: one read of its latest records. */
  async standingInProgramme(programmeId: string): Promise<Map<string, Consent>> {
    const latest = new Map<string, Consent>();
    for await (const doc of this.latest.find({ programmeId }).batchSize(1000)) {
      const c = fromLatest(doc);
      if (c.decision === "accepted") latest.set(doc._id, c);
    }
    return latest;
  }

  /**
   * The standing consent of each membership: its latest record, if that is an acceptance.
   * A few memberships (an access check) are read by `_id`; many (a list) in one read.
   */
  async standing(membershipIds: readonly string[]): Promise<Map<string, Consent>> {
    const latest = new Map<string, Consent>();
    if (membershipIds.length <= BY_ID_MAX) {
      for (const id of membershipIds) {
        const c = await this.latestOf(id);
        if (c) latest.set(id, c);
      }
    } else {
      const docs = await this.col.find({ membershipId: { $in: [...membershipIds] } }).sort({ at: 1, _id: 1 }).toArray();
      for (const d of docs) latest.set(d.membershipId!, consentSchema.parse(d));
    }
    for (const [id, c] of latest) if (c.decision !== "accepted") latest.delete(id);
    return latest;
  }
}
