import type { Collection, Db } from "mongodb";
import { z } from "zod";

// A person known to the bot. Before consent only the Telegram id, the chosen language and
// whether the bot can write to them are kept: no names from Telegram.

export const userSchema = z.object({
  _id: z.number().int(),
  locale: z.enum(["ru", "en"]).nullable().default(null),
  /** Telegram's language of the app, so messages the bot sends on its own use it too. */
  telegramLanguage: z.string().max(16).nullable().default(null),
  active: z.boolean().default(true),
  blockedAt: z.date().nullable().default(null),
  /** The person muted non-essential nudges (services/outbox.ts enqueueDue). */
  nudgesMuted: z.boolean().default(false),
  createdAt: z.date(),
});
export type User = z.infer<typeof userSchema>;

export class UsersStore {
  private readonly col: Collection<User>;
  constructor(db: Db) {
    this.col = db.collection<User>("users");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ active: 1 });
  }

  /** Returns the user, creating the record on first contact. Reactivates a user who writes again. */
  async touch(id: number, now: Date, telegramLanguage: string | null = null): Promise<User> {
    const doc = await this.col.findOneAndUpdate(
      { _id: id },
      { $setOnInsert: { locale: null, createdAt: now }, $set: { active: true, blockedAt: null, telegramLanguage } },
      { upsert: true, returnDocument: "after" },
    );
    return userSchema.parse(doc);
  }

  async get(id: number): Promise<User | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? userSchema.parse(doc) : null;
  }

  async setLocale(id: number, locale: "ru" | "en"): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { locale } });
  }

  async setNudgesMuted(id: number, muted: boolean): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { nudgesMuted: muted } });
  }

  /** Telegram said 403: the person blocked the bot. Stop writing to them until they return. */
  async markBlocked(id: number, now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { active: false, blockedAt: now } });
  }
}
