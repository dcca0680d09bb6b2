import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { FORMS } from "../domain/programme.js";
import { newId } from "./ids.js";

// Pairs and groups: one mentor, one to three mentees. What happens to a pair is appended to
// pair_events and never overwritten; the pair document holds the current state.

export const pairSchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  mentorId: z.string(),
  menteeIds: z.array(z.string()).min(1).max(3),
  form: z.enum(FORMS),
  roleModel: z.string().nullable().default(null),
  status: z.enum(["awaiting", "active", "declined", "ended"]),
  startDate: z.date(),
  plannedEnd: z.date(),
  /** Party keys (mentor:<id>, mentee:<id>, parent:<id>) whose agreement is needed. */
  parties: z.array(z.string()),
  /** Why the engine proposed it, in the curator's words at the time. */
  why: z.string().default(""),
  proposedAt: z.date(),
  remindedAt: z.date().nullable().default(null),
  activatedAt: z.date().nullable().default(null),
  endedAt: z.date().nullable().default(null),
  orderNumber: z.string().nullable().default(null),
  orderDate: z.date().nullable().default(null),
  createdBy: z.number().int(),
});
export type Pair = z.infer<typeof pairSchema>;

export const pairEventSchema = z.object({
  _id: z.string(),
  pairId: z.string(),
  programmeId: z.string(),
  kind: z.string(),
  at: z.date(),
  by: z.number().int().nullable(),
  reason: z.string().nullable().default(null),
  details: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type PairEventRecord = z.infer<typeof pairEventSchema>;

/** A run of the matching engine the curator walks through, kept so that buttons stay valid. */
export const batchSchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  createdAt: z.date(),
  items: z.array(z.object({ mentorId: z.string(), menteeId: z.string(), form: z.enum(FORMS), fit: z.number(), why: z.string() })),
  unmatched: z.array(z.object({ menteeId: z.string(), words: z.string() })),
});
export type ProposalBatch = z.infer<typeof batchSchema>;

export class PairsStore {
  private readonly col: Collection<Pair>;
  private readonly events: Collection<PairEventRecord>;
  private readonly batches: Collection<ProposalBatch>;
  constructor(db: Db) {
    this.col = db.collection<Pair>("pairs");
    this.events = db.collection<PairEventRecord>("pair_events");
    this.batches = db.collection<ProposalBatch>("proposal_batches");
  }

  async saveBatch(input: Omit<ProposalBatch, "_id">): Promise<ProposalBatch> {
    const batch = batchSchema.parse({ ...input, _id: newId() });
    await this.batches.insertOne(batch);
    return batch;
  }

  async getBatch(id: string): Promise<ProposalBatch | null> {
    const doc = await this.batches.findOne({ _id: id });
    return doc ? batchSchema.parse(doc) : null;
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1, status: 1 });
    await this.col.createIndex({ mentorId: 1 });
    await this.events.createIndex({ pairId: 1, at: 1 });
  }

  async create(input: z.input<typeof pairSchema>): Promise<Pair> {
    const pair = pairSchema.parse(input);
    await this.col.insertOne(pair);
    return pair;
  }

  newId(): string {
    return newId();
  }

  async get(id: string): Promise<Pair | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? pairSchema.parse(doc) : null;
  }

  async ofProgramme(programmeId: string, statuses?: readonly Pair["status"][]): Promise<Pair[]> {
    const query = statuses ? { programmeId, status: { $in: [...statuses] } } : { programmeId };
    const docs = await this.col.find(query).sort({ proposedAt: 1, _id: 1 }).toArray();
    return docs.map((d) => pairSchema.parse(d));
  }

  async awaiting(): Promise<Pair[]> {
    const docs = await this.col.find({ status: "awaiting" }).toArray();
    return docs.map((d) => pairSchema.parse(d));
  }

  /** Moves the status, only from the expected one (so a step happens once). */
  async move(id: string, from: Pair["status"], to: Pair["status"], set: Partial<Pick<Pair, "activatedAt" | "endedAt">> = {}): Promise<boolean> {
    const res = await this.col.updateOne({ _id: id, status: from }, { $set: { status: to, ...set } });
    return res.modifiedCount === 1;
  }

  async setMentor(id: string, fromMentor: string, toMentor: string, parties: string[]): Promise<boolean> {
    const res = await this.col.updateOne({ _id: id, mentorId: fromMentor }, { $set: { mentorId: toMentor, parties } });
    return res.modifiedCount === 1;
  }

  async setRoleModel(id: string, roleModel: string | null): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { roleModel } });
  }

  async setTerm(id: string, startDate: Date, plannedEnd: Date): Promise<void> {
    await this.col.updateOne({ _id: id, status: "awaiting" }, { $set: { startDate, plannedEnd } });
  }

  async setPlannedEnd(id: string, plannedEnd: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { plannedEnd } });
  }

  async markReminded(id: string, at: Date): Promise<boolean> {
    const res = await this.col.updateOne({ _id: id, remindedAt: null }, { $set: { remindedAt: at } });
    return res.modifiedCount === 1;
  }

  /** Records the order for the active pairs that have none; returns how many got it. */
  async recordOrder(ids: readonly string[], orderNumber: string, orderDate: Date): Promise<number> {
    const res = await this.col.updateMany({ _id: { $in: [...ids] }, status: "active", orderNumber: null }, { $set: { orderNumber, orderDate } });
    return res.modifiedCount;
  }

  /** Replaces a person's Telegram id in the history by nothing (their consent was withdrawn). */
  async anonymiseEvents(userId: number, programmeId: string): Promise<void> {
    await this.events.updateMany({ by: userId, programmeId }, { $set: { by: null } });
  }

  /** Event ids sort in the order the events were written (time, then a counter), not by chance. */
  private seq = 0;

  async addEvent(input: Omit<z.input<typeof pairEventSchema>, "_id">): Promise<void> {
    const order = `${Date.now().toString(36).padStart(9, "0")}${(this.seq++ % 1_679_616).toString(36).padStart(4, "0")}`;
    await this.events.insertOne(pairEventSchema.parse({ ...input, _id: `${order}-${newId()}` }));
  }

  async history(pairId: string): Promise<PairEventRecord[]> {
    const docs = await this.events.find({ pairId }).sort({ _id: 1 }).toArray();
    return docs.map((d) => pairEventSchema.parse(d));
  }
}
