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

/**
 * How long this process trusts its own copy of a person's record. The bot reads the record on
 * every update; within this time it costs no database command. Every write of this process goes
 * through the copy; a write by another process is seen here at the latest this much later.
 */
export const USER_CACHE_MS = 300_000;
const USER_CACHE_SIZE = 20_000;

/** As stored: the Telegram id as text, because FerretDB 1.24 finds a document by a text _id
 * without reading the collection, but scans for a number _id (README, "Performance"). */
type UserDoc = Omit<User, "_id"> & { _id: string };
const toDoc = (user: User): UserDoc => ({ ...user, _id: String(user._id) });
const fromDoc = (doc: UserDoc | Record<string, unknown>): User => userSchema.parse({ ...doc, _id: Number(doc._id) });

export class UsersStore {
  private readonly col: Collection<UserDoc>;
  private readonly cache = new Map<number, { user: User; at: number }>();
  constructor(db: Db) {
    this.col = db.collection<UserDoc>("users");
  }

  private cached(id: number): User | null {
    const hit = this.cache.get(id);
    if (!hit) return null;
    if (Date.now() - hit.at > USER_CACHE_MS) {
      this.cache.delete(id);
      return null;
    }
    return hit.user;
  }

  private remember(user: User): User {
    this.cache.delete(user._id);
    this.cache.set(user._id, { user, at: Date.now() });
    if (this.cache.size > USER_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return user;
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ active: 1 });
    // Records kept with a number _id (before the text key) move to the text key, once.
    const raw = this.col as unknown as Collection<Record<string, unknown>>;
    const old = (await raw.find({}).toArray()).filter((d) => typeof d["_id"] === "number");
    if (old.length === 0) return;
    await this.col.insertMany(old.map((d) => toDoc(fromDoc(d))), { ordered: false }).catch((error: unknown) => {
      if (!(error as { writeErrors?: unknown }).writeErrors) throw error;
    });
    await raw.deleteMany({ _id: { $in: old.map((d) => d["_id"]) } });
  }

  /**
   * Returns the user, creating the record on first contact. Reactivates a user who writes again.
   * Writes only what changed: a read by _id (or the process's copy) in the common case, an insert
   * for a newcomer (both flat on FerretDB, where an update by _id is not).
   */
  async touch(id: number, now: Date, telegramLanguage: string | null = null): Promise<User> {
    const current = this.cached(id) ?? (await this.read(id));
    if (current) {
      if (current.active && current.blockedAt === null && current.telegramLanguage === telegramLanguage) return current;
      await this.col.updateOne({ _id: String(id) }, { $set: { active: true, blockedAt: null, telegramLanguage } });
      return this.remember({ ...current, active: true, blockedAt: null, telegramLanguage });
    }
    const user = userSchema.parse({ _id: id, locale: null, telegramLanguage, active: true, blockedAt: null, createdAt: now });
    try {
      await this.col.insertOne(toDoc(user));
      return this.remember(user);
    } catch (error) {
      // Two first updates at once: the other one created the record.
      if ((error as { code?: number }).code !== 11000) throw error;
      this.cache.delete(id);
      return this.touch(id, now, telegramLanguage);
    }
  }

  private async read(id: number): Promise<User | null> {
    const doc = await this.col.findOne({ _id: String(id) });
    return doc ? this.remember(fromDoc(doc)) : null;
  }

  async get(id: number): Promise<User | null> {
    return this.cached(id) ?? (await this.read(id));
  }

  /** Several people at once (a job's receivers): the process's copies, the rest in one read (`$in` scans once, instead of a read each). */
  async getMany(ids: readonly number[]): Promise<(User | null)[]> {
    const missing = [...new Set(ids.filter((id) => this.cached(id) === null))];
    const read = new Map<number, User>();
    if (missing.length > 0) {
      for (const doc of await this.col.find({ _id: { $in: missing.map(String) } }).toArray()) {
        const user = this.remember(fromDoc(doc));
        read.set(user._id, user);
      }
    }
    return ids.map((id) => this.cached(id) ?? read.get(id) ?? null);
  }

  async setLocale(id: number, locale: "ru" | "en"): Promise<void> {
    await this.col.updateOne({ _id: String(id) }, { $set: { locale } });
    const current = this.cached(id);
    if (current) this.remember({ ...current, locale });
  }

  async setNudgesMuted(id: number, muted: boolean): Promise<void> {
    await this.col.updateOne({ _id: String(id) }, { $set: { nudgesMuted: muted } });
    const current = this.cached(id);
    if (current) this.remember({ ...current, nudgesMuted: muted });
  }

  /** Telegram said 403: the person blocked the bot. Stop writing to them until they return. */
  async markBlocked(id: number, now: Date): Promise<void> {
    await this.col.updateOne({ _id: String(id) }, { $set: { active: false, blockedAt: now } });
    const current = this.cached(id);
    if (current) this.remember({ ...current, active: false, blockedAt: now });
  }

  /** The people among these whom the bot cannot reach (they blocked it). */
  async unreachable(ids: readonly number[]): Promise<Set<number>> {
    const docs = await this.col.find({ _id: { $in: ids.map(String) }, active: false }, { projection: { _id: 1 } }).toArray();
    return new Set(docs.map((d) => Number(d._id)));
  }
}
