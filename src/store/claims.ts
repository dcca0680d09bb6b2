import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { newId } from "./ids.js";

// "First one wins" for things several people can race for: a mentor's places, a mentee, the
// last place on an invitation link, a pair's settling. A claim is an insert whose unique _id
// decides the winner. This holds on MongoDB and on FerretDB alike; a conditional update does
// not: FerretDB 1.24 (SQLite) rewrites the whole document from its own earlier read, so two
// concurrent `updateOne({ n: { $gte: 1 } }, { $inc: { n: -1 } })` can both report success, and
// concurrent `$set`s of different fields of one document lose all but one (test/store).

const claimSchema = z.object({
  _id: z.string(),
  /** The group the claim belongs to (a mentor's places, a pair's answers), for counting. */
  scope: z.string(),
  holder: z.union([z.string(), z.number()]),
  at: z.date(),
});
export type Claim = z.infer<typeof claimSchema>;

const isDuplicate = (error: unknown) => (error as { code?: number }).code === 11000;

/** The scope of locks (withLock), apart from every counted scope. */
const LOCK_SCOPE = "lock";
/** A lock older than this was left by a process that died while holding it. */
export const LOCK_STALE_MS = 30_000;
/** How many times a busy lock is tried before giving up (with a growing pause, about 15 s). */
const LOCK_TRIES = 300;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ClaimsStore {
  private readonly col: Collection<Claim>;
  /**
   * Locks live apart from the claims: a lock is deleted when released, and FerretDB 1.24 deletes
   * by reading the whole collection, so a lock costs what the few locks held at that moment cost,
   * not what every claim ever made costs.
   */
  private readonly locks: Collection<Claim>;
  /** Per scope of numbered places: where this process's next probe starts (a hint, never the truth). */
  private readonly nextPlace = new Map<string, number>();
  constructor(
    db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.col = db.collection<Claim>("claims");
    this.locks = db.collection<Claim>("locks");
  }

  /**
   * Runs `work` while holding the lock `key` (a claim released afterwards): one writer at a time
   * reads, checks and writes a document, so neither a conditional update nor a `$set` of another
   * field is lost on FerretDB. Not reentrant: never take the same key inside its own work.
   */
  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const token = newId();
    for (let attempt = 0; !(await this.lock(key, token)); attempt++) {
      const held = await this.locks.findOne({ _id: key });
      if (held && this.clock().getTime() - held.at.getTime() > LOCK_STALE_MS) await this.locks.deleteOne({ _id: key, holder: held.holder });
      if (attempt >= LOCK_TRIES) throw new Error(`lock ${key} stays busy`);
      await pause(2 + Math.floor(Math.random() * 4 * Math.min(attempt + 1, 12)));
    }
    try {
      return await work();
    } finally {
      await this.locks.deleteOne({ _id: key, holder: token });
    }
  }

  private async lock(key: string, token: string): Promise<boolean> {
    try {
      await this.locks.insertOne({ _id: key, scope: LOCK_SCOPE, holder: token, at: this.clock() });
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ scope: 1, holder: 1 });
  }

  /** Claims a key for a holder; false when someone claimed it first. */
  async claim(key: string, scope: string, holder: string | number, now: Date): Promise<boolean> {
    try {
      await this.col.insertOne({ _id: key, scope, holder, at: now });
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  }

  async holderOf(key: string): Promise<string | number | null> {
    const doc = await this.col.findOne({ _id: key });
    return doc ? doc.holder : null;
  }

  async inScope(scope: string): Promise<Claim[]> {
    const docs = await this.col.find({ scope }).toArray();
    return docs.map((d) => claimSchema.parse(d));
  }

  async release(key: string): Promise<void> {
    await this.col.deleteOne({ _id: key });
  }

  /**
   * Takes `count` of the `limit` numbered places in a scope for one holder, all or none.
   * Places are documents `<scope>#<n>`: whoever inserts a number first has it.
   */
  async takePlaces(scope: string, limit: number, count: number, holder: string | number, now: Date): Promise<boolean> {
    const taken: string[] = [];
    for (let i = 0; i < count; i++) {
      const key = await this.claimNumbered(scope, limit, holder, now);
      if (!key) break;
      taken.push(key);
    }
    // Numbers above a lowered limit may still be held, so the count decides, not the numbers.
    if (taken.length === count && (await this.placesUsed(scope)) <= limit) return true;
    for (const key of taken) await this.release(key);
    return false;
  }

  /**
   * Takes one free numbered place `<scope>#<n>` (n from 1 to `limit`); null when all are taken.
   * Probing starts after the number this process took last in the scope, then wraps round to
   * the freed ones: the 30th pupil on one link tries one or two numbers, not thirty.
   */
  async claimNumbered(scope: string, limit: number, holder: string | number, now: Date): Promise<string | null> {
    const start = Math.min(this.nextPlace.get(scope) ?? 1, limit);
    for (let i = 0; i < limit; i++) {
      const n = ((start - 1 + i) % limit) + 1;
      const key = `${scope}#${n}`;
      if (await this.claim(key, scope, holder, now)) {
        this.nextPlace.delete(scope);
        this.nextPlace.set(scope, n + 1);
        if (this.nextPlace.size > 10_000) this.nextPlace.delete(this.nextPlace.keys().next().value!);
        return key;
      }
    }
    return null;
  }

  /**
   * Forgets every claim whose key names this id (a withdrawn membership: a pair's answers, a
   * mentor's places, a mentee taken). Call when nothing holds such a claim as a lock any more.
   */
  async forgetKeysNaming(id: string): Promise<number> {
    const docs = await this.col.find({ _id: { $regex: id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") } }).toArray();
    const mine = docs.filter((d) => d._id.includes(id) && d.scope !== LOCK_SCOPE);
    if (mine.length === 0) return 0;
    const res = await this.col.deleteMany({ _id: { $in: mine.map((d) => d._id) } });
    return res.deletedCount;
  }

  async releasePlaces(scope: string, holder: string | number): Promise<number> {
    const res = await this.col.deleteMany({ scope, holder });
    return res.deletedCount;
  }

  async placesUsed(scope: string): Promise<number> {
    return this.col.countDocuments({ scope });
  }
}
