/** The part of a Telegram update the inbox reads; the rest is kept as JSON text. */
export interface InboxUpdate {
  update_id: number;
}
import type { Collection, Db } from "mongodb";
import { z } from "zod";

// The update inbox. Polling persists each fetched batch here before the next getUpdates call
// confirms it to Telegram, so a crash cannot lose an update; handled ids stay remembered so a
// redelivered update is not acted on twice. The payload is kept as JSON text (updates contain
// nested arrays, which FerretDB cannot store) and removed once handled.

const inboxSchema = z.object({
  _id: z.number().int(),
  state: z.enum(["pending", "handling", "done"]),
  payload: z.string().nullable().default(null),
  receivedAt: z.date(),
  doneAt: z.date().nullable().default(null),
});
type InboxEntry = z.infer<typeof inboxSchema>;

export class UpdatesStore {
  private readonly col: Collection<InboxEntry>;
  constructor(db: Db) {
    this.col = db.collection<InboxEntry>("updates");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ state: 1, _id: 1 });
    await this.col.createIndex({ doneAt: 1 });
  }

  /** Records fetched updates as pending; ones already known keep their state. */
  async persist(updates: readonly InboxUpdate[], now: Date): Promise<void> {
    if (updates.length === 0) return;
    await this.col.bulkWrite(
      updates.map((u) => ({
        updateOne: {
          filter: { _id: u.update_id },
          update: { $setOnInsert: { state: "pending" as const, payload: JSON.stringify(u), receivedAt: now, doneAt: null } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** Claims an update for handling; false when it was handled before. */
  async claim(updateId: number, now: Date): Promise<boolean> {
    try {
      await this.col.updateOne(
        { _id: updateId, state: { $ne: "done" } },
        { $set: { state: "handling" }, $setOnInsert: { payload: null, receivedAt: now, doneAt: null } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      // The filter missed because the entry is done, so the upsert hit the existing _id.
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }

  async markDone(updateId: number, now: Date): Promise<void> {
    await this.col.updateOne({ _id: updateId }, { $set: { state: "done", doneAt: now, payload: null } });
  }

  /** Updates fetched but not finished before the process stopped, oldest first. */
  async unfinished<U extends InboxUpdate>(): Promise<U[]> {
    const docs = await this.col.find({ state: { $in: ["pending", "handling"] } }).sort({ _id: 1 }).toArray();
    return docs.flatMap((d) => (d.payload ? [JSON.parse(d.payload) as U] : []));
  }

  /** Forgets handled ids older than the cut-off (Telegram redelivers within a day at most). */
  async pruneDone(before: Date): Promise<number> {
    const res = await this.col.deleteMany({ state: "done", doneAt: { $lt: before } });
    return res.deletedCount;
  }

  async state(updateId: number): Promise<InboxEntry["state"] | null> {
    const doc = await this.col.findOne({ _id: updateId });
    return doc ? inboxSchema.parse(doc).state : null;
  }
}
