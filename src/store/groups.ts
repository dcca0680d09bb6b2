import type { Collection, Db } from "mongodb";

// Group chats the bot was written to in: it answers there once that it works in private.

interface GroupNotice {
  _id: number;
  noticedAt: Date;
}

export class GroupsStore {
  private readonly col: Collection<GroupNotice>;
  constructor(db: Db) {
    this.col = db.collection<GroupNotice>("group_notices");
  }

  async ensureIndexes(): Promise<void> {}

  /** True the first time for a chat; the unique _id makes it once even under concurrency. */
  async firstNotice(chatId: number, now: Date): Promise<boolean> {
    try {
      await this.col.insertOne({ _id: chatId, noticedAt: now });
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return false;
      throw error;
    }
  }
}
