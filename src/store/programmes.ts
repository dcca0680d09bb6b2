import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { FORMS } from "../domain/programme.js";
import { newId } from "./ids.js";

const topicId = z.string().regex(/^[a-z0-9-]{1,24}$/);

export const programmeSchema = z.object({
  _id: z.string(),
  schoolId: z.string(),
  academicYear: z.string().regex(/^\d{4}\/\d{4}$/),
  forms: z.array(z.enum(FORMS)).min(1),
  createdBy: z.number().int(),
  createdAt: z.date(),
  /** The shared topic list for requests and competencies, in order. Kept as plain ids (FerretDB
   * cannot update arrays of documents by a field); the curator's own wording in topicLabels,
   * default topics take theirs from the locales. */
  topicIds: z.array(topicId).default([]),
  topicLabels: z.record(z.string(), z.string().min(1).max(60)).default({}),
  /** The holidays (каникулы), days inclusive: no message reaches a student then (domain/courtesy.ts). */
  holidays: z.array(z.object({ from: z.date(), to: z.date() })).default([]),
});
export type Programme = z.infer<typeof programmeSchema>;

export class ProgrammesStore {
  private readonly col: Collection<Programme>;
  constructor(db: Db) {
    this.col = db.collection<Programme>("programmes");
  }

  async ensureIndexes(): Promise<void> {
    // A school runs one programme per academic year.
    await this.col.createIndex({ schoolId: 1, academicYear: 1 }, { unique: true });
  }

  async create(input: Omit<Programme, "_id" | "createdAt" | "topicLabels" | "holidays">, now: Date): Promise<Programme> {
    const programme = programmeSchema.parse({ ...input, _id: newId(), createdAt: now });
    await this.col.insertOne(programme);
    return programme;
  }

  async get(id: string): Promise<Programme | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? programmeSchema.parse(doc) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Programme>> {
    const docs = await this.col.find({ _id: { $in: [...ids] } }).toArray();
    return new Map(docs.map((d) => [d._id, programmeSchema.parse(d)]));
  }

  /** Every programme (a few per school): the scheduled jobs read them once a tick. */
  async all(): Promise<Programme[]> {
    const docs = await this.col.find({}).toArray();
    return docs.map((d) => programmeSchema.parse(d));
  }

  /** Replaces the holiday list (under the programme's holidays lock, services/holidays.ts). */
  async setHolidays(programmeId: string, holidays: { from: Date; to: Date }[]): Promise<void> {
    await this.col.updateOne({ _id: programmeId }, { $set: { holidays } });
  }

  async findBySchoolYear(schoolId: string, academicYear: string): Promise<Programme | null> {
    const doc = await this.col.findOne({ schoolId, academicYear });
    return doc ? programmeSchema.parse(doc) : null;
  }

  /** Adds a topic (once: $addToSet) with the curator's wording. */
  async addTopic(programmeId: string, id: string, label: string): Promise<boolean> {
    const res = await this.col.updateOne({ _id: programmeId }, { $addToSet: { topicIds: topicId.parse(id) }, $set: { [`topicLabels.${id}`]: label } });
    return res.modifiedCount === 1;
  }

  async removeTopic(programmeId: string, id: string): Promise<boolean> {
    const res = await this.col.updateOne({ _id: programmeId }, { $pull: { topicIds: id } });
    return res.modifiedCount === 1;
  }
}
