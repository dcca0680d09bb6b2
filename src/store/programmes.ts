import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { FORMS } from "../domain/programme.js";
import { DEFAULT_MONTHLY_REPORT_DAY, MONTHLY_REPORT_DAY_MAX } from "../domain/reports.js";
import { ReadCache } from "./cache.js";
import { newId } from "./ids.js";
import { QUIET_DAYS_DEFAULT, QUIET_DAYS_MAX, QUIET_DAYS_MIN } from "../domain/digest.js";

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
  /** A pair with no confirmed meeting for this many days is quiet (domain/digest.ts). */
  quietPairDays: z.number().int().min(QUIET_DAYS_MIN).max(QUIET_DAYS_MAX).default(QUIET_DAYS_DEFAULT),
  /** The day of the month the mentors are reminded of their monthly report (4.2); default the 25th. */
  monthlyReportDay: z.number().int().min(1).max(MONTHLY_REPORT_DAY_MAX).default(DEFAULT_MONTHLY_REPORT_DAY),
  /** The holidays (каникулы), days inclusive: no message reaches a student then (domain/courtesy.ts). */
  holidays: z.array(z.object({ from: z.date(), to: z.date() })).default([]),
});
export type Programme = z.infer<typeof programmeSchema>;

export class ProgrammesStore {
  private readonly col: Collection<Programme>;
  /** Programmes by id, read on nearly every update (store/cache.ts). */
  private readonly cache = new ReadCache<Programme>();
  constructor(db: Db) {
    this.col = db.collection<Programme>("programmes");
  }

  async ensureIndexes(): Promise<void> {
    // A school runs one programme per academic year.
    await this.col.createIndex({ schoolId: 1, academicYear: 1 }, { unique: true });
  }

  async create(input: Omit<Programme, "_id" | "createdAt" | "topicLabels" | "quietPairDays" | "monthlyReportDay" | "holidays"> & { monthlyReportDay?: number }, now: Date): Promise<Programme> {
    const programme = programmeSchema.parse({ ...input, _id: newId(), createdAt: now });
    await this.col.insertOne(programme);
    return programme;
  }

  async get(id: string): Promise<Programme | null> {
    return this.cache.read(id, async () => {
      const doc = await this.col.findOne({ _id: id });
      return doc ? programmeSchema.parse(doc) : null;
    });
  }

  /** Each by _id (flat on FerretDB, where `$in` reads the whole collection). */
  async getMany(ids: readonly string[]): Promise<Map<string, Programme>> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.get(id)));
    return new Map(found.filter((p): p is Programme => p !== null).map((p) => [p._id, p]));
  }

  /** Replaces the holiday list (under the programme's holidays lock, services/holidays.ts). */
  async setHolidays(programmeId: string, holidays: { from: Date; to: Date }[]): Promise<void> {
    this.cache.delete(programmeId);
    await this.col.updateOne({ _id: programmeId }, { $set: { holidays } });
    this.cache.delete(programmeId);
  }

  async findBySchoolYear(schoolId: string, academicYear: string): Promise<Programme | null> {
    const doc = await this.col.findOne({ schoolId, academicYear });
    return doc ? programmeSchema.parse(doc) : null;
  }

  /** Adds a topic (once: $addToSet) with the curator's wording. */
  async addTopic(programmeId: string, id: string, label: string): Promise<boolean> {
    this.cache.delete(programmeId);
    const res = await this.col.updateOne({ _id: programmeId }, { $addToSet: { topicIds: topicId.parse(id) }, $set: { [`topicLabels.${id}`]: label } });
    this.cache.delete(programmeId);
    return res.modifiedCount === 1;
  }

  async removeTopic(programmeId: string, id: string): Promise<boolean> {
    this.cache.delete(programmeId);
    const res = await this.col.updateOne({ _id: programmeId }, { $pull: { topicIds: id } });
    this.cache.delete(programmeId);
    return res.modifiedCount === 1;
  }

  /** The day of the month the mentors are reminded of their monthly report (one field, one $set). */
  async setMonthlyReportDay(programmeId: string, day: number): Promise<void> {
    this.cache.delete(programmeId);
    await this.col.updateOne({ _id: programmeId }, { $set: { monthlyReportDay: programmeSchema.shape.monthlyReportDay.parse(day) } });
    this.cache.delete(programmeId);
  }

  /** The programme's quiet-pair threshold, in days (one field, one $set). */
  async setQuietPairDays(programmeId: string, days: number): Promise<void> {
    this.cache.delete(programmeId);
    await this.col.updateOne({ _id: programmeId }, { $set: { quietPairDays: programmeSchema.shape.quietPairDays.parse(days) } });
    this.cache.delete(programmeId);
  }

  /** Every programme (the scheduled jobs go through them all). */
  async all(): Promise<Programme[]> {
    const docs = await this.col.find({}).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map((d) => programmeSchema.parse(d));
  }
}
