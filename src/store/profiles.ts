import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { QUESTIONNAIRE_IDS, type AnswerValue, type Answers } from "../domain/questionnaire.js";
import { BY_ID_MAX, ReadCache } from "./cache.js";

// A participant's questionnaire: saved after every answer, so nothing is lost between sessions.
// One profile per membership (the _id is the membership id).

const answerValue = z.union([z.string(), z.number(), z.array(z.string())]);

export const profileSchema = z.object({
  _id: z.string(),
  userId: z.number().int(),
  programmeId: z.string(),
  questionnaireId: z.enum(QUESTIONNAIRE_IDS),
  version: z.number().int(),
  answers: z.record(z.string(), answerValue),
  /** The question being asked, or "summary" when all are answered. */
  cursor: z.string(),
  status: z.enum(["draft", "submitted"]),
  /**
   * A multiple choice being toggled: the options ticked so far, kept here rather than in the
   * conversation, so that a toggle is one small write and never grows the conversation's log.
   */
  selection: z.object({ questionId: z.string(), values: z.array(z.string()) }).nullable().default(null),
  updatedAt: z.date(),
  // FerretDB drops null values given in $setOnInsert, so a missing field reads as null.
  submittedAt: z.date().nullable().default(null),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * How long this process trusts its copy of a profile. Every write to a profile goes through this
 * store and changes the copy with it, and a profile is written only by its own person's updates
 * (one at a time) or a withdrawal: so a questionnaire's answers read nothing back (each answer
 * costs one write instead of a read, a write and a read again).
 */
export const PROFILE_CACHE_MS = 300_000;

export class ProfilesStore {
  private readonly col: Collection<Profile>;
  private readonly cache = new ReadCache<Profile>(PROFILE_CACHE_MS, 5_000);
  constructor(db: Db) {
    this.col = db.collection<Profile>("profiles");
  }

  /** Changes this process's copy as the write just made changed the document. */
  private changed(id: string, change: (p: Profile) => Profile): void {
    const copy = this.cache.get(id);
    if (copy) this.cache.set(id, change(copy));
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1, status: 1 });
    await this.col.createIndex({ userId: 1 });
  }

  /** The profile, started if it does not exist yet. */
  async open(input: Pick<Profile, "_id" | "userId" | "programmeId" | "questionnaireId" | "version" | "cursor">, now: Date): Promise<Profile> {
    const existing = await this.get(input._id);
    if (existing) return existing;
    // Not there yet: an insert, whose unique _id settles two opens at the same moment.
    const profile = profileSchema.parse({ ...input, answers: {}, status: "draft", updatedAt: now, submittedAt: null });
    try {
      await this.col.insertOne(profile);
      this.cache.set(profile._id, profile);
      return structuredClone(profile);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return profileSchema.parse(await this.col.findOne({ _id: input._id }));
    }
  }

  async get(id: string): Promise<Profile | null> {
    const profile = await this.cache.read(id, async () => {
      const doc = await this.col.findOne({ _id: id });
      return doc ? profileSchema.parse(doc) : null;
    });
    return profile && structuredClone(profile);
  }

  /** A few each by _id (or the copy), many in one read (store/memberships.ts BY_ID_MAX). */
  async getMany(ids: readonly string[]): Promise<Map<string, Profile>> {
    const unique = [...new Set(ids)];
    if (unique.length <= BY_ID_MAX) {
      const found = await Promise.all(unique.map((id) => this.get(id)));
      return new Map(found.filter((p): p is Profile => p !== null).map((p) => [p._id, p]));
    }
    const docs = await this.col.find({ _id: { $in: unique } }).toArray();
    return new Map(docs.map((d) => [d._id, profileSchema.parse(d)]));
  }

  /**
   * Saves one answer and moves the cursor in one write: only this answer's field is set (and
   * answers that no longer apply are unset); the other answers are not rewritten. `next` opens
   * the selection of the next question when it is a multiple choice (in the same write).
   */
  async saveAnswer(id: string, questionId: string, value: AnswerValue, cursor: string, now: Date, drop: readonly string[] = [], next: Profile["selection"] = null): Promise<void> {
    const selection = next && { questionId: next.questionId, values: [...next.values] };
    const update: { $set: Record<string, unknown>; $unset?: Record<string, ""> } = { $set: { [`answers.${questionId}`]: value, cursor, selection, updatedAt: now } };
    if (drop.length) update.$unset = Object.fromEntries(drop.map((q) => [`answers.${q}`, ""]));
    await this.col.updateOne({ _id: id }, update).catch((error: unknown) => this.failed(id, error));
    this.changed(id, (p) => {
      const answers: Answers = { ...p.answers, [questionId]: value };
      for (const q of drop) delete answers[q];
      return { ...p, answers, cursor, selection, updatedAt: now };
    });
  }

  /** A write that failed may or may not have landed: the copy goes, the next read asks. */
  private failed(id: string, error: unknown): never {
    this.cache.delete(id);
    throw error;
  }

  /** Replaces the answers and the cursor (test set-up; the questionnaire saves one answer at a time). */
  async setAnswers(id: string, answers: Answers, cursor: string, now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { answers, cursor, updatedAt: now } }).catch((error: unknown) => this.failed(id, error));
    this.changed(id, (p) => ({ ...p, answers: { ...answers }, cursor, updatedAt: now }));
  }

  /** Starts toggling a multiple choice from these values (its stored answer, or none). */
  async startSelection(id: string, questionId: string, values: readonly string[], now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { selection: { questionId, values: [...values] }, updatedAt: now } }).catch((error: unknown) => this.failed(id, error));
    this.changed(id, (p) => ({ ...p, selection: { questionId, values: [...values] }, updatedAt: now }));
  }

  /**
   * Ticks or unticks one option of the selection being made for `questionId`, in one write.
   * Null when no selection for that question is open (a button of another question).
   */
  async toggle(id: string, questionId: string, value: string, tick: boolean, now: Date): Promise<string[] | null> {
    // Read (the copy) and write by _id alone: FerretDB answers a filter of `_id` alone from its
    // index and scans for any other (a filter on the selection cost 1.7 s at 10,000 profiles).
    // One person's toggles come one at a time (their chat's updates are handled in turn).
    const current = await this.get(id);
    if (current?.selection?.questionId !== questionId) return null;
    const was = current.selection.values;
    const values = tick ? (was.includes(value) ? was : [...was, value]) : was.filter((v) => v !== value);
    await this.col.updateOne({ _id: id }, { $set: { "selection.values": values, updatedAt: now } }).catch((error: unknown) => this.failed(id, error));
    this.changed(id, (p) => ({ ...p, selection: { questionId, values }, updatedAt: now }));
    return [...values];
  }

  async setCursor(id: string, cursor: string, now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { cursor, selection: null, updatedAt: now } }).catch((error: unknown) => this.failed(id, error));
    this.changed(id, (p) => ({ ...p, cursor, selection: null, updatedAt: now }));
  }

  async submit(id: string, now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { status: "submitted", cursor: "summary", submittedAt: now, updatedAt: now } }).catch((error: unknown) => this.failed(id, error));
    this.changed(id, (p) => ({ ...p, status: "submitted", cursor: "summary", submittedAt: now, updatedAt: now }));
  }

  async ofUser(userId: number): Promise<Profile[]> {
    const docs = await this.col.find({ userId }).toArray();
    return docs.map((d) => profileSchema.parse(d));
  }

  async ofProgramme(programmeId: string): Promise<Profile[]> {
    const docs = await this.col.find({ programmeId }).toArray();
    return docs.map((d) => profileSchema.parse(d));
  }

  /** The programme's profiles by membership id: one read of the programme (not one per id). */
  async byIdOfProgramme(programmeId: string): Promise<Map<string, Profile>> {
    const out = new Map<string, Profile>();
    for await (const d of this.col.find({ programmeId }).batchSize(1000)) out.set(d._id, profileSchema.parse(d));
    return out;
  }

  async delete(id: string): Promise<void> {
    this.cache.delete(id);
    await this.col.deleteOne({ _id: id });
    this.cache.delete(id);
  }
}
