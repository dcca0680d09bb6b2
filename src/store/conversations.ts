import type { Collection, Db } from "mongodb";

// Conversation state in MongoDB, so a restart or a pause of days loses nothing. Stored as JSON
// text: the replay log holds raw updates with nested arrays that FerretDB cannot store.

interface ConversationDoc {
  _id: string;
  state: string;
  updatedAt: Date;
}

/**
 * How long this process trusts its own copy of a chat's state (the plugin reads it on every
 * update of a private chat). Only the one process that handles updates writes states, so its copy
 * is the truth; a second process would see its own writes only (README, "Performance").
 */
export const CONVERSATION_CACHE_MS = 300_000;
const CONVERSATION_CACHE_SIZE = 5_000;

/** Shaped as the conversations plugin's storage adapter (read, write, delete by key). */
export class ConversationsStore {
  private readonly col: Collection<ConversationDoc>;
  /** key → the state as stored (JSON text, or null: none), and when it was known. */
  private readonly cache = new Map<string, { state: string | null; at: number }>();
  constructor(
    db: Db,
    private readonly clock: () => Date,
  ) {
    this.col = db.collection<ConversationDoc>("conversations");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ updatedAt: 1 });
  }

  private remember(key: string, state: string | null): void {
    this.cache.delete(key);
    this.cache.set(key, { state, at: Date.now() });
    if (this.cache.size > CONVERSATION_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  async read(key: string) {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at <= CONVERSATION_CACHE_MS) return hit.state === null ? undefined : JSON.parse(hit.state);
    const doc = await this.col.findOne({ _id: key });
    this.remember(key, doc ? doc.state : null);
    return doc ? JSON.parse(doc.state) : undefined;
  }

  async write(key: string, state: unknown): Promise<void> {
    const text = JSON.stringify(state);
    this.cache.delete(key);
    await this.col.updateOne({ _id: key }, { $set: { state: text, updatedAt: this.clock() } }, { upsert: true });
    this.remember(key, text);
  }

  /** Drops states untouched since the cut-off; progress that matters is kept in its own store. */
  async pruneOlderThan(before: Date): Promise<number> {
    const res = await this.col.deleteMany({ updatedAt: { $lt: before } });
    this.cache.clear();
    return res.deletedCount;
  }

  async delete(key: string): Promise<void> {
    this.cache.delete(key);
    await this.col.deleteOne({ _id: key });
    this.remember(key, null);
  }
}
