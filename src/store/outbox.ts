import { BSON, Binary, type Collection, type Db } from "mongodb";

// The outbox: every message the bot sends on its own goes through here. Only operation shapes
// that stay flat on FerretDB are used (measured, README «The outbox»): inserts with a unique
// `_id`, `find({})` over a small collection, and dropping a whole collection. No update, no
// delete by `_id` (a scan on FerretDB: 130 ms at 10,000 documents), no find by another field.
//
// - `outbox_keys`   {_id: idempotency key}: the enqueue. A unique insert; a second one of the
//                    same key (a job run twice, a second process) fails: queued once only.
// - `outbox_q_<lane>_<yyyymmddhhmm>`: the messages waiting, bucketed by the minute they may be
//                    sent from (lane 0: urgent, 1: the rest). A bucket is read whole and dropped
//                    whole once every message in it is claimed.
// - `outbox_sending` {_id: key}: the claim taken just before a message is sent (unique insert).
// - `outbox_sent`    {_id: key, outcome}: written after the send (sent, blocked, failed).

export type OutboxFile = { kind: "photo" | "document"; bytes: Uint8Array; fileName: string; protect?: boolean };

export interface OutboxMessage {
  /** The idempotency key. */
  key: string;
  to: number;
  /** The notice without `to` and without its file, as plain data (message key, variables, buttons). */
  notice: Record<string, unknown>;
  file: OutboxFile | null;
  /** Not sent before this moment (the quiet hours of a child). */
  notBefore: Date;
  urgent: boolean;
  enqueuedAt: Date;
  /** The receiver's language settings when queued (the send needs no read of the person then). */
  lang?: { locale: string | null; telegramLanguage: string | null } | null;
}

interface QueuedDoc {
  _id: string;
  to: number;
  /** Extended JSON: FerretDB stores no nested arrays (a notice's rows of buttons). */
  notice: string;
  file: { kind: "photo" | "document"; bytes: Binary; fileName: string; protect: boolean } | null;
  notBefore: Date;
  urgent: boolean;
  enqueuedAt: Date;
  lang?: { locale: string | null; telegramLanguage: string | null } | null;
}

export type SendOutcome = "sent" | "blocked" | "failed";

const BUCKET_PREFIX = "outbox_q_";
const isDuplicate = (error: unknown) => (error as { code?: number }).code === 11000;

/** The indices an unordered insert found taken; rethrows any other error. */
function duplicateIndices(error: unknown): number[] {
  const errors = (error as { writeErrors?: { index: number; code: number }[] | { index: number; code: number } }).writeErrors;
  if (!errors) throw error;
  const list = Array.isArray(errors) ? errors : [errors];
  if (list.some((e) => e.code !== 11000)) throw error;
  return list.map((e) => e.index);
}

const onlyDuplicates = (error: unknown): void => void duplicateIndices(error);

function queuedDoc(message: OutboxMessage): QueuedDoc {
  return {
    _id: message.key,
    to: message.to,
    notice: BSON.EJSON.stringify(message.notice, { relaxed: false }),
    file: message.file
      ? { kind: message.file.kind, bytes: new Binary(message.file.bytes), fileName: message.file.fileName, protect: message.file.protect ?? false }
      : null,
    notBefore: message.notBefore,
    urgent: message.urgent,
    enqueuedAt: message.enqueuedAt,
    lang: message.lang ?? null,
  };
}

/** The bucket of a message: its lane and the UTC minute it may be sent from. */
export function bucketOf(notBefore: Date, urgent: boolean): string {
  const iso = notBefore.toISOString(); // 2026-11-23T08:00:00.000Z
  const minute = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16);
  return `${BUCKET_PREFIX}${urgent ? 0 : 1}_${minute}`;
}

/** The first moment of a bucket's minute. */
export function bucketStart(name: string): Date {
  const m = /_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(name)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
}

export class OutboxStore {
  private readonly keys: Collection<{ _id: string; at: Date }>;
  private readonly sending: Collection<{ _id: string; holder: string; at: Date }>;
  private readonly sent: Collection<{ _id: string; outcome: SendOutcome; at: Date }>;

  constructor(private readonly db: Db) {
    this.keys = db.collection("outbox_keys");
    this.sending = db.collection("outbox_sending");
    this.sent = db.collection("outbox_sent");
  }

  async ensureIndexes(): Promise<void> {
    // `_id` only: every lookup is by key.
  }

  /**
   * Queues a message once per key: false when the key was queued before (by this or another
   * process, now or a year ago). The message is stored first and its key taken after, so a crash
   * between the two leaves a message with no key: the next run stores it again (the same bucket,
   * or another copy) and takes the key, and the sending claim sends one copy only. Two processes
   * racing the same key may both store a copy; one takes the key; the claim sends one.
   */
  async enqueue(message: OutboxMessage): Promise<boolean> {
    if (await this.keys.findOne({ _id: message.key })) return false;
    try {
      await this.db.collection<QueuedDoc>(bucketOf(message.notBefore, message.urgent)).insertOne(queuedDoc(message));
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
    try {
      await this.keys.insertOne({ _id: message.key, at: message.enqueuedAt });
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  }

  /**
   * Queues many messages at once (a job that yields many): for each, whether it was new. Same
   * order as `enqueue` — messages stored first, keys taken after — but one unordered insert per
   * bucket and one for the keys, instead of two inserts and a read each. The keys taken before
   * are read first, in one `$in` (a scan on FerretDB, but one per chunk of the runner, cheaper
   * than a `findOne` each), so that an old key stores no stray copy.
   */
  async enqueueMany(messages: readonly OutboxMessage[]): Promise<boolean[]> {
    if (messages.length === 0) return [];
    const found = new Set((await this.keys.find({ _id: { $in: [...new Set(messages.map((m) => m.key))] } }, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
    const taken = messages.map((m) => found.has(m.key));
    const fresh = new Map<string, number>(); // key → index of its first message in this call
    messages.forEach((m, i) => {
      if (!taken[i] && !fresh.has(m.key)) fresh.set(m.key, i);
    });
    const result = messages.map(() => false);
    if (fresh.size === 0) return result;
    const byBucket = new Map<string, QueuedDoc[]>();
    for (const i of fresh.values()) {
      const m = messages[i]!;
      const name = bucketOf(m.notBefore, m.urgent);
      if (!byBucket.has(name)) byBucket.set(name, []);
      byBucket.get(name)!.push(queuedDoc(m));
    }
    await Promise.all([...byBucket].map(([name, docs]) => this.db.collection<QueuedDoc>(name).insertMany(docs, { ordered: false }).catch(onlyDuplicates)));
    const indices = [...fresh.values()];
    const won = indices.map(() => true);
    try {
      await this.keys.insertMany(indices.map((i) => ({ _id: messages[i]!.key, at: messages[i]!.enqueuedAt })), { ordered: false });
    } catch (error) {
      for (const index of duplicateIndices(error)) won[index] = false;
    }
    indices.forEach((i, n) => (result[i] = won[n]!));
    return result;
  }

  /** Whether a key was ever queued. */
  async queued(key: string): Promise<boolean> {
    return (await this.keys.findOne({ _id: key })) !== null;
  }

  /** The buckets whose minute has begun by `now`: urgent lane first, then oldest first. */
  async dueBuckets(now: Date): Promise<string[]> {
    const names = await this.db.listCollections({ name: { $regex: `^${BUCKET_PREFIX}` } }, { nameOnly: true }).toArray();
    return names
      .map((c) => c.name)
      .filter((n) => /_[01]_\d{12}$/.test(n) && bucketStart(n).getTime() <= now.getTime())
      .sort();
  }

  /** Every message of a bucket (a whole read: `find({})` stays flat on FerretDB). */
  async readBucket(name: string): Promise<OutboxMessage[]> {
    const docs = await this.db.collection<QueuedDoc>(name).find({}).toArray();
    return docs.map((d) => ({
      key: d._id,
      to: d.to,
      notice: BSON.EJSON.parse(d.notice, { relaxed: true }) as Record<string, unknown>, // numbers back as numbers, dates as Dates
      file: d.file ? { kind: d.file.kind, bytes: new Uint8Array(d.file.bytes.buffer.subarray(0, d.file.bytes.position)), fileName: d.file.fileName, protect: d.file.protect } : null,
      notBefore: d.notBefore,
      urgent: d.urgent,
      enqueuedAt: d.enqueuedAt,
      lang: d.lang ?? null,
    }));
  }

  /** A bucket whose every message is claimed goes whole (a drop is flat; deletes scan). */
  async dropBucket(name: string): Promise<void> {
    await this.db.collection(name).drop().catch(() => {});
  }

  /** Claims a message for sending; false when it was claimed before (by anyone, ever). */
  async claimSending(key: string, holder: string, now: Date): Promise<boolean> {
    try {
      await this.sending.insertOne({ _id: key, holder, at: now });
      return true;
    } catch (error) {
      if (isDuplicate(error)) return false;
      throw error;
    }
  }

  /** Claims several at once (one insert, unordered): for each key, whether this holder got it. */
  async claimSendingMany(keys: readonly string[], holder: string, now: Date): Promise<boolean[]> {
    if (keys.length === 1) return [await this.claimSending(keys[0]!, holder, now)];
    const won = keys.map(() => true);
    try {
      await this.sending.insertMany(keys.map((key) => ({ _id: key, holder, at: now })), { ordered: false });
    } catch (error) {
      for (const index of duplicateIndices(error)) won[index] = false;
    }
    return won;
  }

  async markSentMany(marks: readonly { key: string; outcome: SendOutcome }[], now: Date): Promise<void> {
    if (marks.length === 0) return;
    await this.sent.insertMany(marks.map((m) => ({ _id: m.key, outcome: m.outcome, at: now })), { ordered: false }).catch((error: unknown) => {
      if (!(error as { writeErrors?: unknown }).writeErrors) throw error;
    });
  }

  async markSent(key: string, outcome: SendOutcome, now: Date): Promise<void> {
    try {
      await this.sent.insertOne({ _id: key, outcome, at: now });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
  }

  async outcomeOf(key: string): Promise<SendOutcome | "claimed" | null> {
    const done = await this.sent.findOne({ _id: key });
    if (done) return done.outcome;
    return (await this.sending.findOne({ _id: key })) ? "claimed" : null;
  }
}
