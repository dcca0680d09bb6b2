import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { QUESTIONNAIRE_IDS, type AnswerValue, type Answers } from "../domain/questionnaire.js";

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

export class ProfilesStore {
  private readonly col: Collection<Profile>;
  constructor(db: Db) {
    this.col = db.collection<Profile>("profiles");
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
      return profile;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return profileSchema.parse(await this.col.findOne({ _id: input._id }));
    }
  }

  async get(id: string): Promise<Profile | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? profileSchema.parse(doc) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Profile>> {
    const docs = await this.col.find({ _id: { $in: [...ids] } }).toArray();
    return new Map(docs.map((d) => [d._id, profileSchema.parse(d)]));
  }

  /**
   * Saves one answer and moves the cursor in one write: only this answer's field is set (and
   * answers that no longer apply are unset); the other answers are not rewritten.
   */
  async saveAnswer(id: string, questionId: string, value: AnswerValue, cursor: string, now: Date, drop: readonly string[] = []): Promise<void> {
    const update: { $set: Record<string, unknown>; $unset?: Record<string, ""> } = { $set: { [`answers.${questionId}`]: value, cursor, selection: null, updatedAt: now } };
    if (drop.length) update.$unset = Object.fromEntries(drop.map((q) => [`answers.${q}`, ""]));
    await this.col.updateOne({ _id: id }, update);
  }

  /** Replaces the answers and the cursor (test set-up; the questionnaire saves one answer at a time). */
  async setAnswers(id: string, answers: Answers, cursor: string, now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { answers, cursor, updatedAt: now } });
  }

  /** Starts toggling a multiple choice from these values (its stored answer, or none). */
  async startSelection(id: string, questionId: string, values: readonly string[], now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { selection: { questionId, values: [...values] }, updatedAt: now } });
  }

  /**
   * Ticks or unticks one option of the selection being made for `questionId`, in one write.
   * Null when no selection for that question is open (a button of another question).
   */
  async toggle(id: string, questionId: string, value: string, tick: boolean, now: Date): Promise<string[] | null> {
    const change = tick ? { $addToSet: { "selection.values": value } } : { $pull: { "selection.values": value } };
    const res = await this.col.findOneAndUpdate({ _id: id, "selection.questionId": questionId }, { ...change, $set: { updatedAt: now } }, { returnDocument: "after" });
    return res ? profileSchema.parse(res).selection!.values : null;
  }

  async setCursor(id: string, cursor: string, now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { cursor, selection: null, updatedAt: now } });
  }

  async submit(id: string, now: Date): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { status: "submitted", cursor: "summary", submittedAt: now, updatedAt: now } });
  }

  async ofUser(userId: number): Promise<Profile[]> {
    const docs = await this.col.find({ userId }).toArray();
    return docs.map((d) => profileSchema.parse(d));
  }

  async ofProgramme(programmeId: string): Promise<Profile[]> {
    const docs = await this.col.find({ programmeId }).toArray();
    return docs.map((d) => profileSchema.parse(d));
  }

  async delete(id: string): Promise<void> {
    await this.col.deleteOne({ _id: id });
  }
}
