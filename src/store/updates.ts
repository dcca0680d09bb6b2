/** The part of a Telegram update the inbox reads; the rest is kept as JSON text. */
export interface InboxUpdate {
  update_id: number;
}
import type { Collection, Db } from "mongodb";

// The update inbox. Polling writes each fetched batch here before the next getUpdates call
// confirms it to Telegram, so a crash cannot lose an update. The inbox holds only updates not yet
// handled: a handled one is deleted at once (its payload may hold names and answers).
//
// FerretDB 1.24 (SQLite) reads the whole collection for any update or delete, even by _id, and for
// a lookup of a number _id (README, "Performance"); inserts and reads of a text _id stay flat. So:
// - the inbox is kept small (only what is in flight), which keeps its deletes cheap at any age;
// - ids are kept as text;
// - nothing remembers handled ids one by one. Instead a mark holds `top`: every id below it was
//   admitted before. The mark is a document of the inbox itself (`mark:<top>`), inserted in the
//   same insert as the batch it covers, so after a crash an id below `top` is either still in the
//   inbox (unfinished: handled at start) or was handled; a redelivered one is recognised without
//   any per-id record, for as long as Telegram may redeliver (ids only grow). Older marks leave
//   with the next handled update's delete. So an update costs two commands here: the batch's
//   insert and its own delete.

interface InboxEntry {
  _id: string;
  payload: string | null;
  receivedAt: Date;
  /** Set on a mark: every id below it was admitted. */
  top?: number;
}
/** The mark of the earlier inbox, a document of its own collection (read once, then dropped). */
interface LegacyMarkDoc {
  _id: string;
  top: number;
}
const MARK = "mark:";
/** Marks sort by their text as by their number (ids stay below 10^15). */
const markId = (top: number) => `${MARK}${String(top).padStart(15, "0")}`;

export class UpdatesStore {
  private readonly inbox: Collection<InboxEntry>;
  /** Taken by this process and not finished yet. */
  private readonly open = new Set<number>();
  /** Every id below was admitted (handled, or still open). */
  private top = 0;
  private markWritten = 0;
  /** Marks below the latest one written, to be deleted with the next handled update. */
  private stale: string[] = [];

  constructor(private readonly db: Db) {
    this.inbox = db.collection<InboxEntry>("updates_inbox");
  }

  async ensureIndexes(): Promise<void> {
    // Nothing to index: every read is by _id. The earlier inbox (every handled id kept a week,
    // number _ids) goes: its unfinished entries move over first.
    const old = this.db.collection<{ _id: number; state: string; payload: string | null; receivedAt: Date }>("updates");
    const left = (await old.find({}).toArray()).filter((d) => d.state !== "done" && d.payload);
    if (left.length) {
      await this.inbox.insertMany(left.map((d) => ({ _id: String(d._id), payload: d.payload, receivedAt: d.receivedAt })), { ordered: false }).catch(ignoreDuplicates);
    }
    const known = await old.find({}, { projection: { _id: 1 } }).toArray();
    if (known.length) {
      const mark = this.nextMark(Math.max(...known.map((d) => d._id)) + 1, new Date());
      if (mark) await this.inbox.insertOne(mark).catch(ignoreDuplicate);
      if (mark) this.markStored(mark);
    }
    await old.drop().catch(() => {});
  }

  /** Reads the marks (once a process starts; the process keeps the top after). */
  private async loadMark(): Promise<void> {
    const marks = (await this.inbox.find({ payload: null }).toArray()).filter((d) => d._id.startsWith(MARK)).sort((a, b) => (a._id < b._id ? -1 : 1));
    const legacy = this.db.collection<LegacyMarkDoc>("updates_mark");
    const old = await legacy.findOne({ _id: "mark" });
    const top = Math.max(marks.at(-1)?.top ?? 0, old?.top ?? 0);
    this.top = Math.max(this.top, top);
    this.markWritten = Math.max(this.markWritten, top);
    this.stale.push(...marks.slice(0, -1).map((d) => d._id));
    if (old) {
      // The earlier mark moves into the inbox, then its collection goes.
      await this.inbox.insertOne({ _id: markId(old.top), payload: null, receivedAt: new Date(), top: old.top }).catch(ignoreDuplicate);
      if (marks.length) this.stale.push(marks.at(-1)!._id);
      await legacy.drop().catch(() => {});
    }
  }

  /** The mark to insert with a batch whose ids reach `top`, or null when the written one covers it. */
  private nextMark(top: number, now: Date): InboxEntry | null {
    this.top = Math.max(this.top, top);
    if (this.top <= this.markWritten) return null;
    return { _id: markId(this.top), payload: null, receivedAt: now, top: this.top };
  }

  /** A mark is stored: the ones below it may go. */
  private markStored(mark: InboxEntry): void {
    if (mark.top! <= this.markWritten) return;
    if (this.markWritten > 0) this.stale.push(markId(this.markWritten));
    this.markWritten = mark.top!;
  }

  /**
   * Stores fetched updates and returns those not seen before, in order. Redelivered ones (ids
   * below the mark) are left out: they were handled, at the latest by the restart's `unfinished`.
   * One insert: the batch and its mark.
   */
  async admit<U extends InboxUpdate>(updates: readonly U[], now: Date): Promise<U[]> {
    const fresh = updates.filter((u) => u.update_id >= this.top && !this.open.has(u.update_id));
    if (fresh.length === 0) return [];
    const mark = this.nextMark(Math.max(...fresh.map((u) => u.update_id)) + 1, now);
    const entries: InboxEntry[] = fresh.map((u) => ({ _id: String(u.update_id), payload: JSON.stringify(u), receivedAt: now }));
    await this.inbox.insertMany(mark ? [...entries, mark] : entries, { ordered: false }).catch(ignoreDuplicates);
    for (const u of fresh) this.open.add(u.update_id);
    if (mark) this.markStored(mark);
    return fresh;
  }

  /** Records fetched updates as unhandled (admit, without the answer). */
  async persist(updates: readonly InboxUpdate[], now: Date): Promise<void> {
    await this.admit(updates, now);
  }

  /**
   * Claims an update for handling; false when it was handled before. No command: an admitted
   * update is open; any other (a webhook's) is new unless its id is below the mark.
   */
  async claim(updateId: number, _now: Date): Promise<boolean> {
    if (this.open.has(updateId)) return true;
    if (updateId < this.top) return false;
    this.open.add(updateId);
    return true;
  }

  /**
   * The update is handled: it leaves the inbox, with the marks below the latest (one delete in a
   * collection of what is in flight). An update not admitted here (a webhook's) raises the mark
   * first, so that a redelivery is recognised.
   */
  async markDone(updateId: number, now: Date): Promise<void> {
    if (!this.open.has(updateId)) return;
    const mark = updateId >= this.top ? this.nextMark(updateId + 1, now) : null;
    if (mark) {
      await this.inbox.insertOne(mark).catch(ignoreDuplicate);
      this.markStored(mark);
    }
    const stale = this.stale;
    this.stale = [];
    try {
      if (stale.length) await this.inbox.deleteMany({ _id: { $in: [String(updateId), ...stale] } });
      else await this.inbox.deleteOne({ _id: String(updateId) });
    } catch (error) {
      this.stale.push(...stale);
      throw error;
    }
    this.open.delete(updateId);
  }

  /** Updates fetched but not handled before the process stopped, oldest first. Read once at start. */
  async unfinished<U extends InboxUpdate>(): Promise<U[]> {
    await this.loadMark();
    const docs = await this.inbox.find({ payload: { $ne: null } }).toArray();
    const left = docs
      .filter((d) => d.payload)
      .map((d) => JSON.parse(d.payload!) as U)
      .sort((a, b) => a.update_id - b.update_id);
    for (const u of left) this.open.add(u.update_id);
    if (left.length) this.top = Math.max(this.top, left.at(-1)!.update_id + 1);
    return left;
  }

  /** How many updates this process took and has not finished yet. */
  openCount(): number {
    return this.open.size;
  }

  /** Where an update stands: pending (in the inbox), done (admitted before and gone), or unknown. */
  async state(updateId: number): Promise<"pending" | "handling" | "done" | null> {
    if (await this.inbox.findOne({ _id: String(updateId) }, { projection: { _id: 1 } })) return "pending";
    await this.loadMark();
    return updateId < this.top ? "done" : null;
  }
}

function ignoreDuplicate(error: unknown): void {
  if ((error as { code?: number }).code !== 11000) throw error;
}

function ignoreDuplicates(error: unknown): void {
  const errors = (error as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
  const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
  if (list.length === 0 || list.some((e) => e.code !== 11000)) throw error;
}
