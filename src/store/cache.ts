// A small in-process copy of what rarely changes (programmes, schools and their topic lists),
// read on nearly every update. Entries expire after a short time; the process's own writes
// replace or drop them at once. Another process's writes are seen here at the latest `ttlMs`
// later (README, "Performance").

export const READ_CACHE_MS = 10_000;

/**
 * Up to this many ids are read one by one by `_id` (FerretDB answers those from its index); more
 * in one `$in` read, which FerretDB answers by reading the whole collection once.
 */
export const BY_ID_MAX = 20;


export class ReadCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  /** When each key was last dropped, in `seq` steps (reads and drops are numbered in turn). */
  private readonly droppedAt = new Map<string, number>();
  private seq = 0;
  constructor(
    private readonly ttlMs = READ_CACHE_MS,
    private readonly maxSize = 5_000,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, { value, at: Date.now() });
    if (this.entries.size > this.maxSize) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
    this.droppedAt.delete(key);
    this.droppedAt.set(key, ++this.seq);
    if (this.droppedAt.size > this.maxSize) this.droppedAt.delete(this.droppedAt.keys().next().value!);
  }

  /**
   * The copy, or `load`'s answer kept as the copy. An answer is not kept when the key was dropped
   * (a write) after the read began: it may be from before that write, and would hide it.
   */
  async read(key: string, load: () => Promise<V | null>): Promise<V | null> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const started = ++this.seq;
    const value = await load();
    if (value !== null && (this.droppedAt.get(key) ?? 0) < started) this.set(key, value);
    return value;
  }
}
