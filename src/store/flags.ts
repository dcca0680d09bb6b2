import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { FLAG_SOURCES } from "../domain/feedback.js";
import { newId } from "./ids.js";

// Safety flags: a low rating or the «🆘 Нужна помощь» button alerts the programme's curators.
// One open flag per person per pair (the claim claimKeys.flagOpen); handled once (flagHandled).

export const flagSchema = z.object({
  _id: z.string(),
  pairId: z.string(),
  programmeId: z.string(),
  /** The membership (mentor or mentee) who raised it. */
  raisedBy: z.string(),
  source: z.enum(FLAG_SOURCES),
  /** The meeting whose low rating raised it. */
  meetingId: z.string().nullable().default(null),
  raisedAt: z.date(),
  /** The raiser's own words, for the curators only. */
  comment: z.string().nullable().default(null),
  handledAt: z.date().nullable().default(null),
  /** The curator's membership that marked it handled. */
  handledBy: z.string().nullable().default(null),
  /** The curator's note: for the curators, not for the one who raised it. */
  note: z.string().nullable().default(null),
  /** When the flag, still open after a day, was first raised again (jobs/flags.ts). */
  reraisedAt: z.date().nullable().default(null),
});
export type Flag = z.infer<typeof flagSchema>;

export class FlagsStore {
  private readonly col: Collection<Flag>;
  constructor(db: Db) {
    this.col = db.collection<Flag>("flags");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1, raisedAt: -1 });
    await this.col.createIndex({ pairId: 1 });
    await this.col.createIndex({ handledAt: 1 });
  }

  newId(): string {
    return newId();
  }

  async insert(input: z.input<typeof flagSchema>): Promise<Flag> {
    const flag = flagSchema.parse(input);
    await this.col.insertOne(flag);
    return flag;
  }

  async get(id: string): Promise<Flag | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? flagSchema.parse(doc) : null;
  }

  async setComment(id: string, comment: string): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { comment } });
  }

  /** Written once, by the holder of the flag's handled claim. */
  async markHandled(id: string, by: string, note: string, at: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { handledAt: at, handledBy: by, note } });
  }

  /** Stamps the first time the flag was raised again; later runs leave it as it is. */
  async markReraised(ids: readonly string[], at: Date): Promise<void> {
    if (ids.length) await this.col.updateMany({ _id: { $in: [...ids] }, reraisedAt: null }, { $set: { reraisedAt: at } });
  }

  /** A programme's flags: the open ones first, then the newest. */
  async ofProgramme(programmeId: string): Promise<Flag[]> {
    const docs = await this.col.find({ programmeId }).sort({ raisedAt: -1, _id: 1 }).toArray();
    const flags = docs.map((d) => flagSchema.parse(d));
    return [...flags.filter((f) => f.handledAt === null), ...flags.filter((f) => f.handledAt !== null)];
  }

  async ofPair(pairId: string): Promise<Flag[]> {
    const docs = await this.col.find({ pairId }).sort({ raisedAt: 1, _id: 1 }).toArray();
    return docs.map((d) => flagSchema.parse(d));
  }

  /** Every open flag raised before `before`, of every programme (the re-raise job). */
  async openRaisedBefore(before: Date): Promise<Flag[]> {
    const docs = await this.col.find({ handledAt: null, raisedAt: { $lte: before } }).sort({ raisedAt: 1, _id: 1 }).toArray();
    return docs.map((d) => flagSchema.parse(d));
  }

  /** A withdrawn person's words and id go; the flag itself (the curators' record) stays, without them. */
  async forgetMember(membershipId: string, placeholder: string): Promise<void> {
    await this.col.updateMany({ raisedBy: membershipId }, { $set: { comment: null, raisedBy: placeholder } });
  }
}
