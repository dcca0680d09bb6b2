import type { Collection, Db } from "mongodb";

// Conversation state in MongoDB, so a restart or a pause of days loses nothing. Stored as JSON
// text: the replay log holds raw updates with nested arrays that FerretDB cannot store.

interface ConversationDoc {
  _id: string;
  state: string;
  updatedAt: Date;
}

/** Shaped as the conversations plugin's storage adapter (read, write, delete by key). */
export class ConversationsStore {
  private readonly col: Collection<ConversationDoc>;
  constructor(
    db: Db,
    private readonly clock: () => Date,
  ) {
    this.col = db.collection<ConversationDoc>("conversations");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ updatedAt: 1 });
  }

  async read(key: string) {
    const doc = await this.col.findOne({ _id: key });
    return doc ? JSON.parse(doc.state) : undefined;
  }

  async write(key: string, state: unknown): Promise<void> {
    await this.col.updateOne({ _id: key }, { $set: { state: JSON.stringify(state), updatedAt: this.clock() } }, { upsert: true });
  }

  /** Drops states untouched since the cut-off; progress that matters is kept in its own store. */
  async pruneOlderThan(before: Date): Promise<number> {
    const res = await this.col.deleteMany({ updatedAt: { $lt: before } });
    return res.deletedCount;
  }

  async delete(key: string): Promise<void> {
    await this.col.deleteOne({ _id: key });
  }
}
