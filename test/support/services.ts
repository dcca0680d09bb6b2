import type { MongoClient } from "mongodb";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { ServiceDeps } from "../../src/services/deps.js";
import type { Notice, Notices } from "../../src/services/notices.js";
import { connectStore, type Store } from "../../src/store/index.js";
import { startDatabase, type TestDatabase } from "./harness.js";

// Services against a real FerretDB, with no messenger at all: notices are kept as the data they
// are, so a test reads who would have been told what.

export class RecordedNotices implements Notices {
  readonly sent: Notice[] = [];
  /** Receivers who "blocked the bot": their notices are not delivered. */
  readonly unreachable = new Set<number>();
  async send(notice: Notice): Promise<boolean> {
    if (this.unreachable.has(notice.to)) return false;
    this.sent.push(notice);
    return true;
  }
  to(userId: number): Notice[] {
    return this.sent.filter((n) => n.to === userId);
  }
  keys(userId?: number): string[] {
    return (userId === undefined ? this.sent : this.to(userId)).map((n) => n.key);
  }
  clear(): void {
    this.sent.length = 0;
  }
}

export interface ServiceFixture {
  deps: ServiceDeps & { notices: RecordedNotices };
  store: Store;
  /** Moves the fixture's clock. */
  setNow(date: Date): void;
}

/**
 * One FerretDB per test file and a fresh database per test. Use inside a describe or at the top
 * of a file: `const f = useServices({ operatorIds: [1] });` then `f.deps` in each test.
 */
export function useServices(opts: { operatorIds?: number[]; now?: Date } = {}): ServiceFixture {
  let db: TestDatabase;
  let client: MongoClient | undefined;
  let counter = 0;
  let now = opts.now ?? new Date();
  const fixture = { setNow: (d: Date) => void (now = d) } as ServiceFixture;
  beforeAll(async () => {
    db = await startDatabase();
  });
  beforeEach(async () => {
    await client?.close();
    const clock = () => now;
    const conn = await connectStore(db.server.uri, `s${process.pid}_${counter++}`, clock);
    client = conn.client;
    now = opts.now ?? new Date();
    fixture.store = conn.store;
    fixture.deps = { store: conn.store, clock, logger: pino({ level: "silent" }), notices: new RecordedNotices(), operatorIds: opts.operatorIds ?? [] };
  });
  afterAll(async () => {
    await client?.close();
    await db?.stop();
  });
  return fixture;
}
