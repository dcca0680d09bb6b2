import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { ReadCache } from "./cache.js";
import { newId } from "./ids.js";

export const schoolSchema = z.object({
  _id: z.string(),
  name: z.string().min(1).max(200),
  city: z.string().min(1).max(100),
  timeZone: z.string().min(1),
  createdBy: z.number().int(),
  createdAt: z.date(),
});
export type School = z.infer<typeof schoolSchema>;

export class SchoolsStore {
  private readonly col: Collection<School>;
  /** Schools by id, read on nearly every update (store/cache.ts). */
  private readonly cache = new ReadCache<School>();
  constructor(db: Db) {
    this.col = db.collection<School>("schools");
  }

  async ensureIndexes(): Promise<void> {
    // One school per name within a city: a second operator's typo should not split a school.
    await this.col.createIndex({ city: 1, name: 1 }, { unique: true });
  }

  async create(input: Omit<School, "_id" | "createdAt">, now: Date): Promise<School> {
    const school = schoolSchema.parse({ ...input, _id: newId(), createdAt: now });
    await this.col.insertOne(school);
    return school;
  }

  async findByName(city: string, name: string): Promise<School | null> {
    const doc = await this.col.findOne({ city, name });
    return doc ? schoolSchema.parse(doc) : null;
  }

  async get(id: string): Promise<School | null> {
    return this.cache.read(id, async () => {
      const doc = await this.col.findOne({ _id: id });
      return doc ? schoolSchema.parse(doc) : null;
    });
  }

  /** Each by _id (flat on FerretDB, where `$in` reads the whole collection). */
  async getMany(ids: readonly string[]): Promise<Map<string, School>> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.get(id)));
    return new Map(found.filter((s): s is School => s !== null).map((s) => [s._id, s]));
  }

  async list(): Promise<School[]> {
    const docs = await this.col.find({}).sort({ city: 1, name: 1 }).toArray();
    return docs.map((d) => schoolSchema.parse(d));
  }
}
