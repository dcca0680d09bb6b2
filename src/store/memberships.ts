import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { INTAKE_STATUSES, type IntakeStatus } from "../domain/consent.js";
import { MAX_MENTEES_PER_MENTOR } from "../domain/pairs.js";
import { CATEGORIES, ROLES, type Category, type Role } from "../domain/programme.js";
import type { ClaimsStore } from "./claims.js";
import { claimKeys } from "./claimKeys.js";
import { BY_ID_MAX, ReadCache } from "./cache.js";
import { IntakeCounts, type CountRow } from "./intakeCounts.js";
import { newId } from "./ids.js";
import { isStaffRole } from "../domain/programme.js";

// A role a person holds in a programme. One person may hold several roles in several programmes.
// Every write to a membership runs under its lock (claimKeys.membershipLock): FerretDB applies a
// conditional update without atomicity and loses one of two concurrent `$set`s of different
// fields (a pair linked while the intake status moves; the training mark while the limit is
// set), so each write reads, checks and writes alone.

export const membershipSchema = z.object({
  _id: z.string(),
  userId: z.number().int(),
  programmeId: z.string(),
  role: z.enum(ROLES),
  category: z.enum(CATEGORIES).nullable(),
  grade: z.number().int().min(1).max(11).nullable(),
  invitationId: z.string().nullable(),
  createdAt: z.date(),
  /** Mentors and mentees only: where they are on the way into the bases (null for curators). */
  intake: z.enum(INTAKE_STATUSES).nullable().default(null),
  /** An adult-category person who said they are under 18 (so a parent consents). */
  saidUnder18: z.boolean().nullable().default(null),
  intakeAt: z.date().nullable().default(null),
  /** Mentors: selected and trained (stage 4), and their limit of mentees at once (places are claims). */
  mentorTrainedOn: z.date().nullable().default(null),
  mentorLimit: z.number().int().min(1).max(MAX_MENTEES_PER_MENTOR).default(MAX_MENTEES_PER_MENTOR),
  /** Mentees: the pair or group they are in (proposed or active), or null in the pool. */
  pairId: z.string().nullable().default(null),
});
export type Membership = z.infer<typeof membershipSchema>;

/**
 * A person's memberships, reached by _id: the person's Telegram id as text (FerretDB 1.24 finds a
 * text _id without reading the collection; a lookup by `userId` reads every membership). Each
 * entry is `membershipId|programmeId|role`. Kept by add and remove under the person's lock.
 */
interface UserIndexDoc {
  _id: string;
  entries: string[];
}
/** The marker that every membership is in the per-person index (built once from older data). */
const INDEX_BUILT = "_built";
const entryOf = (m: Pick<Membership, "_id" | "programmeId" | "role">) => `${m._id}|${m.programmeId}|${m.role}`;
const parseEntry = (entry: string) => {
  const [id, programmeId, role] = entry.split("|") as [string, string, Role];
  return { id, programmeId, role };
};

/** How long this process trusts its copies of memberships (it makes every write itself). */
export const MEMBERSHIP_CACHE_MS = 300_000;

export class MembershipsStore {
  private readonly col: Collection<Membership>;
  private readonly byUser: Collection<UserIndexDoc>;
  /**
   * Copies for 5 minutes of memberships by id and of people's index entries (store/cache.ts): read on
   * nearly every update. Every write of a membership goes through this store and replaces or drops
   * the copy at once, so this process (the one handling updates) never acts on a stale role; a
   * write by another process is seen within 5 minutes. Keep it so: write memberships only here.
   */
  private readonly cache = new ReadCache<Membership>(MEMBERSHIP_CACHE_MS, 20_000);
  private readonly indexCache = new ReadCache<string[]>(MEMBERSHIP_CACHE_MS, 20_000);
  constructor(
    db: Db,
    private readonly claims: ClaimsStore,
  ) {
    this.col = db.collection<Membership>("memberships");
    this.byUser = db.collection<UserIndexDoc>("memberships_by_user");
    this.counts = new IntakeCounts((programmeId) => this.countRows(programmeId));
  }
  private readonly counts: IntakeCounts;

  /** Mentors and mentees by programme, role and intake step (one read: of a programme, or all). */
  private async countRows(programmeId?: string): Promise<CountRow[]> {
    const match = programmeId ? { programmeId, role: { $in: ["mentor", "mentee"] } } : { role: { $in: ["mentor", "mentee"] } };
    const rows = await this.col
      .aggregate<{ _id: { programmeId: string; role: string; intake: IntakeStatus | null }; n: number }>([{ $match: match }, { $group: { _id: { programmeId: "$programmeId", role: "$role", intake: "$intake" }, n: { $sum: 1 } } }])
      .toArray();
    return rows.map((r) => ({ ...r._id, n: r.n }));
  }

  /** Counts every programme's intake once, for a process that has just started (README, "Performance"). */
  async warmCounts(): Promise<void> {
    await this.counts.warm();
  }

  /** The entries of the person's index. */
  private async entriesOf(userId: number) {
    const entries = await this.indexCache.read(String(userId), async () => (await this.byUser.findOne({ _id: String(userId) }))?.entries ?? []);
    return (entries ?? []).map(parseEntry);
  }

  /** Adds or removes one entry of the person's index, alone. */
  private async changeIndex(userId: number, change: (entries: string[]) => string[]): Promise<void> {
    await this.claims.withLock(claimKeys.userMembershipsLock(userId), async () => {
      this.indexCache.delete(String(userId));
      const doc = await this.byUser.findOne({ _id: String(userId) });
      const entries = change(doc?.entries ?? []);
      // A person with no membership left keeps no index document (a withdrawal leaves no trace).
      if (entries.length === 0) await this.byUser.deleteOne({ _id: String(userId) });
      else await this.byUser.replaceOne({ _id: String(userId) }, { entries }, { upsert: true });
      this.indexCache.set(String(userId), entries);
    });
  }

  /** Builds the per-person index from the memberships, once (data from before the index). */
  private async buildIndex(): Promise<void> {
    if (await this.byUser.findOne({ _id: INDEX_BUILT })) return;
    const all = await this.col.find({}).sort({ createdAt: 1, _id: 1 }).toArray();
    const byUser = new Map<number, string[]>();
    for (const m of all) byUser.set(m.userId, [...(byUser.get(m.userId) ?? []), entryOf(m)]);
    const docs = [...byUser].map(([userId, entries]) => ({ _id: String(userId), entries }));
    for (let i = 0; i < docs.length; i += 1000) {
      await this.byUser.insertMany(docs.slice(i, i + 1000), { ordered: false }).catch((error: unknown) => {
        if (!(error as { writeErrors?: unknown }).writeErrors) throw error;
      });
    }
    await this.byUser.insertOne({ _id: INDEX_BUILT, entries: [] }).catch(() => {});
  }

  /** Reads the membership, lets `change` decide the fields to set (null: nothing), and writes them, alone. */
  private async write(id: string, change: (current: Membership) => Partial<Membership> | null): Promise<Membership | null> {
    return this.claims.withLock(claimKeys.membershipLock(id), async () => {
      const doc = await this.col.findOne({ _id: id });
      if (!doc) return null;
      const current = membershipSchema.parse(doc);
      const set = change(current);
      if (set === null) return null;
      this.cache.delete(id);
      await this.col.updateOne({ _id: id }, { $set: set });
      if (set.intake !== undefined) this.counts.moved(current.programmeId, current.role, current.intake, set.intake);
      return this.cache.set(id, { ...current, ...set });
    });
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ userId: 1, programmeId: 1, role: 1 }, { unique: true });
    await this.col.createIndex({ programmeId: 1, role: 1 });
    await this.col.createIndex({ programmeId: 1, role: 1, intake: 1 });
    await this.buildIndex();
  }

  /** Adds a role; returns null when the person already holds it (the unique index decides). */
  async add(
    input: Omit<Membership, "_id" | "createdAt" | "intake" | "saidUnder18" | "intakeAt" | "mentorTrainedOn" | "mentorLimit" | "pairId">,
    now: Date,
  ): Promise<Membership | null> {
    const intake = isStaffRole(input.role) ? null : "invited";
    const membership = membershipSchema.parse({ ...input, _id: newId(), createdAt: now, intake, intakeAt: intake ? now : null });
    try {
      await this.col.insertOne(membership);
      this.counts.moved(membership.programmeId, membership.role, null, membership.intake);
      this.cache.set(membership._id, membership);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      // Held already, perhaps by a racing add that has not written the index yet: make sure the
      // index holds it before answering, so the caller's `find` sees it (rare: a field read).
      const held = await this.col.findOne({ userId: input.userId, programmeId: input.programmeId, role: input.role });
      if (held) await this.changeIndex(input.userId, (entries) => (entries.includes(entryOf(held)) ? entries : [...entries, entryOf(held)]));
      return null;
    }
    await this.changeIndex(membership.userId, (entries) => [...entries.filter((e) => parseEntry(e).id !== membership._id), entryOf(membership)]);
    return membership;
  }

  async find(userId: number, programmeId: string, role: Role): Promise<Membership | null> {
    const entry = (await this.entriesOf(userId)).find((e) => e.programmeId === programmeId && e.role === role);
    if (!entry) return null;
    const m = await this.get(entry.id);
    return m && m.userId === userId ? m : null;
  }

  async has(userId: number, programmeId: string, role: Role): Promise<boolean> {
    return (await this.find(userId, programmeId, role)) !== null;
  }

  /** The person's memberships, oldest first: the index, then each by _id. */
  async ofUser(userId: number): Promise<Membership[]> {
    const entries = await this.entriesOf(userId);
    const found = await Promise.all(entries.map((e) => this.get(e.id)));
    return found.filter((m): m is Membership => m !== null && m.userId === userId).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  async ofProgramme(programmeId: string, role?: Role): Promise<Membership[]> {
    const docs = await this.col.find(role ? { programmeId, role } : { programmeId }).sort({ createdAt: 1 }).toArray();
    return docs.map((d) => membershipSchema.parse(d));
  }

  async get(id: string): Promise<Membership | null> {
    return this.cache.read(id, async () => {
      const doc = await this.col.findOne({ _id: id });
      return doc ? membershipSchema.parse(doc) : null;
    });
  }

  /** A few (a pair's people) each by _id, or the process's copy; many (a list) in one read. */
  async getMany(ids: readonly string[]): Promise<Map<string, Membership>> {
    const unique = [...new Set(ids)];
    if (unique.length <= BY_ID_MAX) {
      const found = await Promise.all(unique.map((id) => this.get(id)));
      return new Map(found.filter((m): m is Membership => m !== null).map((m) => [m._id, m]));
    }
    const docs = await this.col.find({ _id: { $in: unique } }).toArray();
    return new Map(docs.map((d) => [d._id, membershipSchema.parse(d)]));
  }

  /**
   * Moves a participant to a new intake status, only from the given ones. The filter alone is no
   * guard on FerretDB (a conditional update is not atomic there): callers hold the membership's
   * intake step's lock (claimKeys.intakeStep, services/consent.ts) while they read, check and move.
   * One write: the status, its time and (when given) the under-18 answer.
   */
  async moveIntake(id: string, from: readonly IntakeStatus[], to: IntakeStatus, now: Date, extra: Partial<Pick<Membership, "saidUnder18">> = {}): Promise<Membership | null> {
    return this.write(id, (m) => (m.intake !== null && from.includes(m.intake) ? { intake: to, intakeAt: now, ...extra } : null));
  }

  /** The under-18 answer of an adult-category person (called under the intake claim). */
  async setSaidUnder18(id: string, value: boolean): Promise<void> {
    await this.write(id, () => ({ saidUnder18: value }));
  }

  /** Counts of participants of a role by intake status. */
  async intakeCounts(programmeId: string, role: Role): Promise<Record<IntakeStatus, number>> {
    const counts = Object.fromEntries(INTAKE_STATUSES.map((s) => [s, 0])) as Record<IntakeStatus, number>;
    if (role !== "mentor" && role !== "mentee") return counts;
    // This process's counts (store/intakeCounts.ts), not a read of the whole programme.
    return { ...counts, ...(await this.counts.of(programmeId))[role] };
  }

  /** Participants of a role, filtered, oldest first. */
  async participants(programmeId: string, role: Role, filter: { intake?: IntakeStatus | undefined; category?: Category | undefined; ids?: readonly string[] | undefined } = {}): Promise<Membership[]> {
    const query: Record<string, unknown> = { programmeId, role };
    if (filter.intake) query["intake"] = filter.intake;
    if (filter.category) query["category"] = filter.category;
    if (filter.ids) query["_id"] = { $in: [...filter.ids] };
    const docs = await this.col.find(query).sort({ createdAt: 1, _id: 1 }).toArray();
    return docs.map((d) => membershipSchema.parse(d));
  }

  /** Mentors and mentees of the programme, oldest first: one read of the programme, ordered here. */
  async participantsOfProgramme(programmeId: string): Promise<Membership[]> {
    const docs = (await this.col.find({ programmeId, role: { $in: ["mentor", "mentee"] } }).toArray()).map((d) => membershipSchema.parse(d));
    return docs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  }

  async remove(id: string): Promise<void> {
    const userId = await this.claims.withLock(claimKeys.membershipLock(id), async () => {
      this.cache.delete(id);
      const doc = await this.col.findOne({ _id: id });
      await this.col.deleteOne({ _id: id });
      this.cache.delete(id);
      if (doc) this.counts.moved(doc.programmeId, doc.role, doc.intake ?? null, null);
      return doc?.userId ?? null;
    });
    if (userId !== null) await this.changeIndex(userId, (entries) => entries.filter((e) => parseEntry(e).id !== id));
  }

  /** Stage 4: the mentor is selected and trained on this date (null takes the mark back). */
  async markTrained(id: string, on: Date | null): Promise<Membership | null> {
    return this.write(id, (m) => (m.role === "mentor" ? { mentorTrainedOn: on } : null));
  }

  /** The mentor's limit; the caller checks it against the places taken (services/pairs.ts). */
  async setMentorLimit(id: string, limit: number): Promise<Membership | null> {
    return this.write(id, (m) => (m.role === "mentor" ? { mentorLimit: limit } : null));
  }

  /** Links a mentee to their pair (null: back in the pool). */
  async setPair(id: string, pairId: string | null): Promise<void> {
    await this.write(id, () => ({ pairId }));
  }

  /** Unlinks a mentee from this pair only (a later pair's link stays). */
  async unsetPair(id: string, pairId: string): Promise<void> {
    await this.write(id, (m) => (m.pairId === pairId ? { pairId: null } : null));
  }
}
