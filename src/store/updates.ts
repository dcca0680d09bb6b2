/** The part of a Telegram update the inbox reads; the rest is kept as JSON text. */
export interface InboxUpdate {
  update_id: number;
}
import type { Collection, Db } from "mongodb";

// The update inbox. Polling writes each fetched batch here before the next getUpdates call
// confirms it to Telegram, so a crash cannot lose an update; an update handled is remembered so a
// redelivered one is not acted on twice. The payload is kept as JSON text (updates contain nested
// arrays, which FerretDB cannot store).
//
// Only shapes that stay flat on FerretDB 1.24 (SQLite) are used on the way of an update: inserts
// and reads by _id (README, "Performance"). On that backend an update or a delete even by _id
// reads the whole collection, so nothing is updated or deleted one by one:
// - fetched updates go into a collection per day, `updates_in_<day>` (one insertMany a batch);
// - a handled update is one insert into `updates_done_<day>`;
// - forgetting is dropping a whole day's collections (pruneDone), after the still unhandled
//   entries of an inbox day are carried over into today's;
// - a watermark (every id below it is handled), written at most every few seconds into a
//   one-document collection, lets a restart read only the inbox's tail.
// Redelivery after a crash concerns ids at or above the watermark: a restart reads them all
// (unfinished) and polling then drops any fetched id it already knows (admit).

const DAY_MS = 24 * 60 * 60 * 1000;
const IN = "updates_in_";
const DONE = "updates_done_";
/** The watermark is written at most this often (a stale one is safe: a restart reads a bit more). */
const MARK_EVERY_MS = 5_000;

// Ids are kept as text: FerretDB 1.24 finds a text _id without reading the collection, a number
// _id it scans for (README, "Performance").
interface InboxEntry {
  _id: string;
  payload: string | null;
  receivedAt: Date;
}
interface DoneEntry {
  _id: string;
  at: Date;
}
interface MarkDoc {
  _id: string;
  below: number;
  at: Date;
}

const dayOf = (at: Date): number => Math.floor(at.getTime() / DAY_MS);
const isDuplicate = (error: unknown) => (error as { code?: number }).code === 11000;

export class UpdatesStore {
  private readonly marks: Collection<MarkDoc>;
  /** Fetched here and not yet handled (admitted, or left over and read at start). */
  private readonly open = new Set<number>();
  /** Every id below is handled; ids at or above it known to the inbox are in `known`. */
  private below = 0;
  private readonly known = new Set<number>();
  private markWrittenAt = 0;
  private markWritten = 0;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.marks = db.collection<MarkDoc>("updates_mark");
  }

  async ensureIndexes(): Promise<void> {
    // Nothing to index: every read is by _id. The pre-day-bucket inbox is dropped if present.
    await this.db.collection("updates").drop().catch(() => {});
  }

  private inbox(day: number): Collection<InboxEntry> {
    return this.db.collection<InboxEntry>(`${IN}${day}`);
  }
  private done(day: number): Collection<DoneEntry> {
    return this.db.collection<DoneEntry>(`${DONE}${day}`);
  }

  /** The day collections there are, by kind, oldest first. */
  private async days(): Promise<{ inbox: number[]; done: number[] }> {
    const names = (await this.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    const pick = (prefix: string) =>
      names
        .filter((n) => n.startsWith(prefix))
        .map((n) => Number(n.slice(prefix.length)))
        .filter(Number.isInteger)
        .sort((a, b) => a - b);
    return { inbox: pick(IN), done: pick(DONE) };
  }

  /**
   * Records fetched updates and returns those never seen before, in order: polling hands only
   * these to the bot (a redelivered id was handled, at the latest by the restart's `unfinished`).
   */
  async admit<U extends InboxUpdate>(updates: readonly U[], now: Date): Promise<U[]> {
    const fresh = updates.filter((u) => u.update_id >= this.below && !this.known.has(u.update_id) && !this.open.has(u.update_id));
    if (fresh.length === 0) return [];
    const dup = new Set<number>();
    try {
      await this.inbox(dayOf(now)).insertMany(
        fresh.map((u) => ({ _id: String(u.update_id), payload: JSON.stringify(u), receivedAt: now })),
        { ordered: false },
      );
    } catch (error) {
      const errors = (error as { writeErrors?: { code?: number; index: number }[] | { code?: number; index: number } }).writeErrors;
      const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
      if (list.length === 0 || list.some((e) => e.code !== 11000)) throw error;
      for (const e of list) dup.add(fresh[e.index]!.update_id);
    }
    const admitted = fresh.filter((u) => !dup.has(u.update_id));
    for (const u of admitted) this.open.add(u.update_id);
    await this.writeMark(now, updates);
    return admitted;
  }

  /** Records fetched updates as unhandled (admit, without the answer). */
  async persist(updates: readonly InboxUpdate[], now: Date): Promise<void> {
    await this.admit(updates, now);
  }

  /** Moves the watermark up to the lowest id still open, at most every few seconds. */
  private async writeMark(now: Date, batch: readonly InboxUpdate[]): Promise<void> {
    const top = Math.max(this.below, ...batch.map((u) => u.update_id + 1), ...[...this.known].map((id) => id + 1));
    const below = this.open.size > 0 ? Math.min(...this.open) : top;
    if (below <= this.markWritten || now.getTime() - this.markWrittenAt < MARK_EVERY_MS) return;
    await this.marks.replaceOne({ _id: "mark" }, { below, at: now }, { upsert: true });
    this.markWritten = below;
    this.markWrittenAt = now.getTime();
  }

  /**
   * Claims an update for handling; false when it was handled before. An update polling admitted
   * costs nothing here; any other (a webhook's) is looked up among the handled of the kept days.
   */
  async claim(updateId: number, _now: Date): Promise<boolean> {
    if (this.open.has(updateId)) return true;
    for (const day of (await this.days()).done.reverse()) {
      if (await this.done(day).findOne({ _id: String(updateId) }, { projection: { _id: 1 } })) return false;
    }
    return true;
  }

  /** One insert: the update is handled. A repeat is harmless. */
  async markDone(updateId: number, now: Date): Promise<void> {
    try {
      await this.done(dayOf(now)).insertOne({ _id: String(updateId), at: now });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
    this.open.delete(updateId);
  }

  /**
   * Updates fetched but not handled before the process stopped, oldest first. Read once at start:
   * only the inbox's entries at or above the watermark, less those handled.
   */
  async unfinished<U extends InboxUpdate>(): Promise<U[]> {
    const mark = await this.marks.findOne({ _id: "mark" });
    this.below = mark?.below ?? 0;
    this.markWritten = this.below;
    const { inbox, done } = await this.days();
    const handled = new Set<number>();
    for (const day of done) {
      for (const d of await this.done(day).find({}, { projection: { _id: 1 } }).toArray()) if (Number(d._id) >= this.below) handled.add(Number(d._id));
    }
    const byId = new Map<number, U>();
    for (const day of inbox) {
      const ids = (await this.inbox(day).find({}, { projection: { _id: 1 } }).toArray()).map((d) => Number(d._id)).filter((id) => id >= this.below);
      for (const id of ids) {
        this.known.add(id);
        if (handled.has(id) || byId.has(id)) continue;
        const entry = await this.inbox(day).findOne({ _id: String(id) });
        if (entry?.payload) byId.set(id, JSON.parse(entry.payload) as U);
      }
    }
    for (const id of byId.keys()) this.open.add(id);
    return [...byId.entries()].sort((a, b) => a[0] - b[0]).map(([, u]) => u);
  }

  /**
   * Forgets handled ids of the days before the cut-off by dropping those days' collections whole;
   * an inbox day's unhandled entries move to today's first. Returns how many handled ids went.
   */
  async pruneDone(before: Date): Promise<number> {
    const cut = dayOf(before);
    const today = dayOf(new Date(Math.max(this.clock().getTime(), before.getTime())));
    const { inbox, done } = await this.days();
    const handled = new Set<string>();
    for (const day of done) for (const d of await this.done(day).find({}, { projection: { _id: 1 } }).toArray()) handled.add(d._id);
    for (const day of inbox.filter((d) => d < cut && d !== today)) {
      const keep = (await this.inbox(day).find({}).toArray()).filter((d) => !handled.has(d._id));
      if (keep.length) {
        await this.inbox(today)
          .insertMany(keep, { ordered: false })
          .catch((error: unknown) => {
            if (!isDuplicate(error) && !(error as { writeErrors?: unknown }).writeErrors) throw error;
          });
      }
      await this.inbox(day).drop();
    }
    let forgotten = 0;
    for (const day of done.filter((d) => d < cut && d !== today)) {
      forgotten += await this.done(day).countDocuments({});
      await this.done(day).drop();
    }
    return forgotten;
  }

  /** How many updates this process took and has not finished yet. */
  openCount(): number {
    return this.open.size;
  }

  /** Where an update stands: done, pending (in the inbox), or unknown. */
  async state(updateId: number): Promise<"pending" | "handling" | "done" | null> {
    const { inbox, done } = await this.days();
    for (const day of done) if (await this.done(day).findOne({ _id: String(updateId) })) return "done";
    for (const day of inbox) if (await this.inbox(day).findOne({ _id: String(updateId) })) return "pending";
    return null;
  }
}
