import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { newId } from "./ids.js";

// Final reports of a pair (regulation 2.13–2.14), within 10 days of its end: the mentor's report
// on a mentee's plan (one per mentee) and each mentee's report on the process with an evaluation
// of the mentor. The director approves the mentor's. One per (pair, author, mentee): the writer
// first claims claimKeys.finalReport; the approval is claimed too (claimKeys.finalApproved).

export const finalReportSchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  pairId: z.string(),
  role: z.enum(["mentor", "mentee"]),
  /** The author's membership. */
  authorId: z.string(),
  /** The mentee the report is about (the author, for a mentee's report). */
  menteeId: z.string(),
  answers: z.record(z.string(), z.union([z.string(), z.number()])),
  submittedAt: z.date(),
  approvedAt: z.date().nullable().default(null),
  /** The director's Telegram id. */
  approvedBy: z.number().int().nullable().default(null),
});
export type FinalReport = z.infer<typeof finalReportSchema>;

export class FinalReportsStore {
  private readonly col: Collection<FinalReport>;
  constructor(db: Db) {
    this.col = db.collection<FinalReport>("finalReports");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ pairId: 1, authorId: 1, menteeId: 1 }, { unique: true });
    await this.col.createIndex({ programmeId: 1 });
  }

  async insert(input: Omit<FinalReport, "_id" | "approvedAt" | "approvedBy">): Promise<FinalReport> {
    const report = finalReportSchema.parse({ ...input, _id: newId() });
    await this.col.insertOne(report);
    return report;
  }

  async get(id: string): Promise<FinalReport | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? finalReportSchema.parse(doc) : null;
  }

  async ofPair(pairId: string): Promise<FinalReport[]> {
    const docs = await this.col.find({ pairId }).toArray();
    return docs.map((d) => finalReportSchema.parse(d));
  }

  async ofPairs(pairIds: readonly string[]): Promise<FinalReport[]> {
    const docs = await this.col.find({ pairId: { $in: [...pairIds] } }).toArray();
    return docs.map((d) => finalReportSchema.parse(d));
  }

  async ofProgramme(programmeId: string): Promise<FinalReport[]> {
    const docs = await this.col.find({ programmeId }).sort({ submittedAt: 1, _id: 1 }).toArray();
    return docs.map((d) => finalReportSchema.parse(d));
  }

  /** Stamps the approval; the caller holds the claim claimKeys.finalApproved, so one write per report. */
  async approve(id: string, by: number, at: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { approvedAt: at, approvedBy: by } });
  }
}
