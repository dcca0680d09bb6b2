import type { VersionedStateStorage } from "@grammyjs/conversations";
import type { Collection, Db } from "mongodb";

// Conversation state in MongoDB, so a restart or a pause of days loses nothing. Stored as JSON
// text: the replay log holds raw updates with nested arrays that FerretDB cannot store.

interface ConversationDoc {
  _id: string;
  state: string;
  updatedAt: Date;
}

export class ConversationsStore<S> implements VersionedStateStorage<string, S> {
  private readonly col: Collection<ConversationDoc>;
  constructor(db: Db) {
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
    await this.col.updateOne({ _id: key }, { $set: { state: JSON.stringify(state), updatedAt: new Date() } }, { upsert: true });
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
