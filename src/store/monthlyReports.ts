import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { MONTH_PATTERN } from "../domain/reports.js";
import { newId } from "./ids.js";

// The mentor's monthly reports (regulation 4.2): one per mentor and month, a part per mentee.
// A part keeps what it was pre-filled from (the month's confirmed meetings, the plan items done)
// as data, and the mentor's own words where they changed a field (null: as pre-filled).
// Only one is written per mentor and month: the writer first claims claimKeys.monthlyReport.

const entrySchema = z.object({
  menteeId: z.string(),
  /** The month's confirmed meetings of the pair: the day and the topic. */
  meetings: z.array(z.object({ day: z.date(), topic: z.string() })),
  /** The titles of the mentee's plan items done in the month. */
  itemsDone: z.array(z.string()),
  progress: z.string().nullable(),
  difficulties: z.string().nullable(),
  plans: z.string().nullable(),
});
export type MonthlyEntry = z.infer<typeof entrySchema>;

export const monthlyReportSchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  /** The mentor's membership. */
  mentorId: z.string(),
  month: z.string().regex(MONTH_PATTERN),
  entries: z.array(entrySchema),
  submittedAt: z.date(),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

export class MonthlyReportsStore {
  private readonly col: Collection<MonthlyReport>;
  constructor(db: Db) {
    this.col = db.collection<MonthlyReport>("monthlyReports");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ mentorId: 1, month: 1 }, { unique: true });
    await this.col.createIndex({ programmeId: 1, month: 1 });
  }

  async insert(input: Omit<MonthlyReport, "_id">): Promise<MonthlyReport> {
    const report = monthlyReportSchema.parse({ ...input, _id: newId() });
    await this.col.insertOne(report);
    return report;
  }

  async get(id: string): Promise<MonthlyReport | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? monthlyReportSchema.parse(doc) : null;
  }

  async ofMentor(mentorId: string, month: string): Promise<MonthlyReport | null> {
    const doc = await this.col.findOne({ mentorId, month });
    return doc ? monthlyReportSchema.parse(doc) : null;
  }

  /** A programme's reports of one month, or of several months at once. */
  async ofProgramme(programmeId: string, months: readonly string[]): Promise<MonthlyReport[]> {
    const docs = await this.col.find({ programmeId, month: { $in: [...months] } }).sort({ submittedAt: 1, _id: 1 }).toArray();
    return docs.map((d) => monthlyReportSchema.parse(d));
  }
}
