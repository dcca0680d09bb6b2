import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { ALL_ROLE_MODELS, MAX_MENTEES_PER_MENTOR, PAIR_STATUSES, canTransition, type PairStatus } from "../domain/pairs.js";
import { FORMS } from "../domain/programme.js";
import type { ClaimsStore } from "./claims.js";
import { claimKeys } from "./claimKeys.js";
import { newId } from "./ids.js";

// Pairs and groups: one mentor, one to three mentees; the document holds the current state (its
// history is in pairEvents). Every write runs under the pair's lock (claimKeys.pairLock): a
// status moves only by the domain's transitions and only from the status expected, and two
// writes of different fields never lose one another on FerretDB.

/**
 * A new mentor proposed for an active pair (2.8 with 2.6): the pair keeps its mentor until the new
 * mentor, every mentee and each minor's parent agree (their answers are claims,
 * claimKeys.replacementAnswer). One at a time; cleared when it is settled or withdrawn.
 */
export const pendingReplacementSchema = z.object({
  /** Names this proposal on its buttons: an old button never answers a later proposal. */
  id: z.string(),
  mentorId: z.string(),
  /** Party keys (mentor:<new mentor>, mentee:<id>, parent:<id>) whose agreement is needed. */
  parties: z.array(z.string()),
  reason: z.string(),
  by: z.number().int(),
  at: z.date(),
});
export type PendingReplacement = z.infer<typeof pendingReplacementSchema>;

export const pairSchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  mentorId: z.string(),
  menteeIds: z.array(z.string()).min(1).max(MAX_MENTEES_PER_MENTOR),
  form: z.enum(FORMS),
  roleModel: z.enum(ALL_ROLE_MODELS as [string, ...string[]]).nullable().default(null),
  status: z.enum(PAIR_STATUSES),
  startDate: z.date(),
  plannedEnd: z.date(),
  /** Party keys (mentor:<id>, mentee:<id>, parent:<id>) whose agreement is needed. */
  parties: z.array(z.string()),
  /** Why it was proposed, as data (services/pairs.ts: PairWhy, JSON). */
  why: z.string().default(""),
  proposedAt: z.date(),
  remindedAt: z.date().nullable().default(null),
  activatedAt: z.date().nullable().default(null),
  endedAt: z.date().nullable().default(null),
  orderNumber: z.string().nullable().default(null),
  orderDate: z.date().nullable().default(null),
  createdBy: z.number().int(),
  replacement: pendingReplacementSchema.nullable().default(null),
});
export type Pair = z.infer<typeof pairSchema>;

/**
 * The pairs a membership was ever in, under the membership's id: a participant's panel reads
 * their pairs by `_id` instead of every pair of the programme (a scan on FerretDB that grows with
 * the programme). Candidates only: each pair is checked to still hold the member.
 */
interface MemberPairsDoc {
  _id: string;
  pairIds: string[];
}
const MEMBER_INDEX_BUILT = "_built";

export class PairsStore {
  private readonly col: Collection<Pair>;
  private readonly byMember: Collection<MemberPairsDoc>;
  constructor(
    db: Db,
    private readonly claims: ClaimsStore,
  ) {
    this.col = db.collection<Pair>("pairs");
    this.byMember = db.collection<MemberPairsDoc>("pairs_by_member");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1, status: 1 });
    await this.col.createIndex({ mentorId: 1 });
    // Pairs from before the per-member index are indexed once.
    if (await this.byMember.findOne({ _id: MEMBER_INDEX_BUILT })) return;
    const members = new Map<string, string[]>();
    for (const p of await this.col.find({}, { projection: { _id: 1, mentorId: 1, menteeIds: 1 } }).toArray()) {
      for (const m of [p.mentorId, ...p.menteeIds]) members.set(m, [...(members.get(m) ?? []), p._id]);
    }
    const docs = [...members].map(([_id, pairIds]) => ({ _id, pairIds }));
    for (let i = 0; i < docs.length; i += 1000) {
      await this.byMember.insertMany(docs.slice(i, i + 1000), { ordered: false }).catch((error: unknown) => {
        if (!(error as { writeErrors?: unknown }).writeErrors) throw error;
      });
    }
    await this.byMember.insertOne({ _id: MEMBER_INDEX_BUILT, pairIds: [] }).catch(() => {});
  }

  /** Adds a pair to a member's index, alone (a member may be put into two pairs at once). */
  private async indexMember(membershipId: string, pairId: string): Promise<void> {
    await this.claims.withLock(claimKeys.memberPairsLock(membershipId), async () => {
      const doc = await this.byMember.findOne({ _id: membershipId });
      if (doc?.pairIds.includes(pairId)) return;
      await this.byMember.replaceOne({ _id: membershipId }, { pairIds: [...(doc?.pairIds ?? []), pairId] }, { upsert: true });
    });
  }

  /** The pairs this membership is in now (as mentor or mentee), oldest first: reads by `_id`. */
  async ofMember(membershipId: string, statuses?: readonly PairStatus[]): Promise<Pair[]> {
    const doc = await this.byMember.findOne({ _id: membershipId });
    const pairs = await Promise.all((doc?.pairIds ?? []).map((id) => this.get(id)));
    return pairs
      .filter((p): p is Pair => p !== null && (p.mentorId === membershipId || p.menteeIds.includes(membershipId)) && (!statuses || statuses.includes(p.status)))
      .sort((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime() || (a._id < b._id ? -1 : 1));
  }

  /** Reads the pair, lets `change` decide the fields to set (null: nothing), and writes them, alone. */
  private async write(id: string, change: (current: Pair) => Partial<Pair> | null): Promise<Pair | null> {
    return this.claims.withLock(claimKeys.pairLock(id), async () => {
      const doc = await this.col.findOne({ _id: id });
      if (!doc) return null;
      const current = pairSchema.parse(doc);
      const set = change(current);
      if (set === null) return null;
      await this.col.updateOne({ _id: id }, { $set: set });
      return { ...current, ...set };
    });
  }

  /** Runs `work` holding the pair's lock (e.g. a mentor replaced: places taken and the pair changed as one step). */
  async locked<T>(id: string, work: () => Promise<T>): Promise<T> {
    return this.claims.withLock(claimKeys.pairLock(id), work);
  }

  async create(input: z.input<typeof pairSchema>): Promise<Pair> {
    const pair = pairSchema.parse(input);
    await this.col.insertOne(pair);
    for (const member of [pair.mentorId, ...pair.menteeIds]) await this.indexMember(member, pair._id);
    return pair;
  }

  newId(): string {
    return newId();
  }

  async get(id: string): Promise<Pair | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? pairSchema.parse(doc) : null;
  }

  async ofProgramme(programmeId: string, statuses?: readonly PairStatus[]): Promise<Pair[]> {
    const query = statuses ? { programmeId, status: { $in: [...statuses] } } : { programmeId };
    const docs = await this.col.find(query).sort({ proposedAt: 1, _id: 1 }).toArray();
    return docs.map((d) => pairSchema.parse(d));
  }

  async awaiting(): Promise<Pair[]> {
    const docs = await this.col.find({ status: "awaiting" }).toArray();
    return docs.map((d) => pairSchema.parse(d));
  }

  /** Moves the status, only from the expected one and only as the domain allows (so a step happens once). */
  async move(id: string, from: PairStatus, to: PairStatus, set: Partial<Pick<Pair, "activatedAt" | "endedAt">> = {}): Promise<boolean> {
    if (!canTransition(from, to)) throw new RangeError(`a pair does not move from ${from} to ${to}`);
    return (await this.write(id, (p) => (p.status === from ? { status: to, ...set } : null))) !== null;
  }

  /**
   * Moves the status like `move`, for a caller that holds the pair's lock (`locked(id, …)`) and
   * has read the pair inside it: it writes without taking the lock again.
   */
  async moveLocked(id: string, from: PairStatus, to: PairStatus, set: Partial<Pick<Pair, "activatedAt" | "endedAt">> = {}): Promise<boolean> {
    if (!canTransition(from, to)) throw new RangeError(`a pair does not move from ${from} to ${to}`);
    const doc = await this.col.findOne({ _id: id });
    if (!doc || doc.status !== from) return false;
    await this.col.updateOne({ _id: id }, { $set: { status: to, ...set } });
    return true;
  }

  /**
   * A withdrawn membership leaves no id in the pairs it was in: it is replaced by `placeholder` as
   * mentor, mentee and party (the pair's shape and dates stay, for the counts). Returns their ids.
   */
  async forgetMember(membershipId: string, placeholder: string): Promise<string[]> {
    const docs = await this.col.find({ $or: [{ mentorId: membershipId }, { menteeIds: membershipId }] }).toArray();
    const ids: string[] = [];
    for (const doc of docs) {
      await this.write(doc._id, (p) => ({
        mentorId: p.mentorId === membershipId ? placeholder : p.mentorId,
        menteeIds: p.menteeIds.map((id) => (id === membershipId ? placeholder : id)),
        parties: p.parties.map((key) => key.replace(`:${membershipId}`, `:${placeholder}`)),
        replacement: p.replacement && {
          ...p.replacement,
          mentorId: p.replacement.mentorId === membershipId ? placeholder : p.replacement.mentorId,
          parties: p.replacement.parties.map((key) => key.replace(`:${membershipId}`, `:${placeholder}`)),
        },
      }));
      ids.push(doc._id);
    }
    // Its index goes with it: nothing keeps the withdrawn membership's id.
    await this.byMember.deleteOne({ _id: membershipId });
    return ids;
  }

  /**
   * Sets the mentor and the parties, only while the pair still has `fromMentor`. Call it inside
   * `locked(id, …)`: it writes without taking the lock again.
   */
  async setMentorLocked(id: string, fromMentor: string, toMentor: string, parties: string[]): Promise<boolean> {
    const doc = await this.col.findOne({ _id: id });
    if (!doc || doc.mentorId !== fromMentor) return false;
    await this.col.updateOne({ _id: id }, { $set: { mentorId: toMentor, parties } });
    await this.indexMember(toMentor, id);
    return true;
  }

  /** The pair whose pending replacement has this id, if any. */
  async withReplacement(replacementId: string): Promise<Pair | null> {
    const doc = await this.col.findOne({ "replacement.id": replacementId });
    return doc ? pairSchema.parse(doc) : null;
  }

  /** Active pairs of a programme that wait for this person to take them over. */
  async replacementsTo(programmeId: string, mentorId: string): Promise<Pair[]> {
    const docs = await this.col.find({ programmeId, status: "active", "replacement.mentorId": mentorId }).toArray();
    return docs.map((d) => pairSchema.parse(d));
  }

  /**
   * Sets a pending replacement on an active pair that has none, or clears the one with this id
   * (`null`, with `clearing`). Call it inside `locked(id, …)`: it writes without taking the lock again.
   */
  async setReplacementLocked(id: string, replacement: PendingReplacement | null, clearing?: string): Promise<boolean> {
    const doc = await this.col.findOne({ _id: id });
    if (!doc) return false;
    const current = pairSchema.parse(doc);
    if (replacement !== null ? current.status !== "active" || current.replacement !== null : current.replacement?.id !== clearing) return false;
    await this.col.updateOne({ _id: id }, { $set: { replacement } });
    return true;
  }

  /** The role model, while the pair is proposed or active. */
  async setRoleModel(id: string, roleModel: string | null): Promise<boolean> {
    return (await this.write(id, (p) => (p.status === "awaiting" || p.status === "active" ? { roleModel } : null))) !== null;
  }

  /** The dates of a proposed pair. */
  async setTerm(id: string, startDate: Date, plannedEnd: Date): Promise<boolean> {
    return (await this.write(id, (p) => (p.status === "awaiting" ? { startDate, plannedEnd } : null))) !== null;
  }

  /** A new planned end of an active pair; returns the pair as it was before. */
  async setPlannedEnd(id: string, plannedEnd: Date): Promise<Pair | null> {
    let before: Pair | null = null;
    await this.write(id, (p) => {
      if (p.status !== "active") return null;
      before = p;
      return { plannedEnd };
    });
    return before;
  }

  /** Stamps the one reminder (the claim claimKeys.pairReminded decides who sends it). */
  async setReminded(id: string, at: Date): Promise<void> {
    await this.write(id, () => ({ remindedAt: at }));
  }

  /** Records the order for those of these pairs that are active and have none; returns their ids. */
  async recordOrder(ids: readonly string[], orderNumber: string, orderDate: Date): Promise<string[]> {
    const recorded: string[] = [];
    for (const id of ids) {
      if (await this.write(id, (p) => (p.status === "active" && p.orderNumber === null ? { orderNumber, orderDate } : null))) recorded.push(id);
    }
    return recorded;
  }
}
