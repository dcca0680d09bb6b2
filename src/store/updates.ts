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
// - nothing remembers handled ids one by one. Instead a one-document mark holds `top`: every id
//   below it was admitted before. It is written after each fetched batch is stored, so after a
//   crash an id below `top` is either still in the inbox (unfinished: handled at start) or was
//   handled; a redelivered one is recognised without any per-id record, for as long as Telegram
//   may redeliver (ids only grow).

interface InboxEntry {
  _id: string;
  payload: string | null;
  receivedAt: Date;
}
interface MarkDoc {
  _id: string;
  top: number;
  at: Date;
}

export class UpdatesStore {
  private readonly inbox: Collection<InboxEntry>;
  private readonly marks: Collection<MarkDoc>;
  /** Taken by this process and not finished yet. */
  private readonly open = new Set<number>();
  /** Every id below was admitted (handled, or still open). */
  private top = 0;
  private markWritten = 0;

  constructor(private readonly db: Db) {
    this.inbox = db.collection<InboxEntry>("updates_inbox");
    this.marks = db.collection<MarkDoc>("updates_mark");
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
    if (known.length) await this.raiseMark(Math.max(...known.map((d) => d._id)) + 1, new Date());
    await old.drop().catch(() => {});
  }

  /** Reads the mark (once a process starts; the process keeps it after). */
  private async loadMark(): Promise<void> {
    const mark = await this.marks.findOne({ _id: "mark" });
    this.top = Math.max(this.top, mark?.top ?? 0);
    this.markWritten = Math.max(this.markWritten, mark?.top ?? 0);
  }

  private async raiseMark(top: number, now: Date): Promise<void> {
    this.top = Math.max(this.top, top);
    if (this.top <= this.markWritten) return;
    const writing = this.top;
    await this.marks.replaceOne({ _id: "mark" }, { top: writing, at: now }, { upsert: true });
    this.markWritten = Math.max(this.markWritten, writing);
  }

  /**
   * Stores fetched updates and returns those not seen before, in order. Redelivered ones (ids
   * below the mark) are left out: they were handled, at the latest by the restart's `unfinished`.
   * One insert of the batch and one write of the mark.
   */
  async admit<U extends InboxUpdate>(updates: readonly U[], now: Date): Promise<U[]> {
    const fresh = updates.filter((u) => u.update_id >= this.top && !this.open.has(u.update_id));
    if (fresh.length === 0) return [];
    await this.inbox.insertMany(fresh.map((u) => ({ _id: String(u.update_id), payload: JSON.stringify(u), receivedAt: now })), { ordered: false }).catch(ignoreDuplicates);
    for (const u of fresh) this.open.add(u.update_id);
    await this.raiseMark(Math.max(...fresh.map((u) => u.update_id)) + 1, now);
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

  /** The update is handled: it leaves the inbox (one delete in a collection of what is in flight). */
  async markDone(updateId: number, now: Date): Promise<void> {
    if (!this.open.has(updateId)) return;
    await this.inbox.deleteOne({ _id: String(updateId) });
    this.open.delete(updateId);
    if (updateId >= this.top) await this.raiseMark(updateId + 1, now);
  }

  /** Updates fetched but not handled before the process stopped, oldest first. Read once at start. */
  async unfinished<U extends InboxUpdate>(): Promise<U[]> {
    await this.loadMark();
    const docs = await this.inbox.find({}).toArray();
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

function ignoreDuplicates(error: unknown): void {
  const errors = (error as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
  const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
  if (list.length === 0 || list.some((e) => e.code !== 11000)) throw error;
}
