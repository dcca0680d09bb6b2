import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { FORMS } from "../domain/programme.js";
import { newId } from "./ids.js";

export const programmeSchema = z.object({
  _id: z.string(),
  schoolId: z.string(),
  academicYear: z.string().regex(/^\d{4}\/\d{4}$/),
  forms: z.array(z.enum(FORMS)).min(1),
  createdBy: z.number().int(),
  createdAt: z.date(),
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

  async create(input: Omit<Programme, "_id" | "createdAt">, now: Date): Promise<Programme> {
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

  async findBySchoolYear(schoolId: string, academicYear: string): Promise<Programme | null> {
    const doc = await this.col.findOne({ schoolId, academicYear });
    return doc ? programmeSchema.parse(doc) : null;
  }
}
