import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { MEETING_FORMATS, MEETING_STATUSES, MEETING_TYPES, type MeetingStatus } from "../domain/meetings.js";
import { newId } from "./ids.js";

// Meetings of pairs, logged after or planned ahead. `answers` holds each other side's word
// (membership id → confirmed / disputed); the status follows from them.

export const meetingSchema = z.object({
  _id: z.string(),
  pairId: z.string(),
  programmeId: z.string(),
  type: z.enum(MEETING_TYPES),
  format: z.enum(MEETING_FORMATS),
  /** The school day it was (or is to be) held: midnight UTC of that day. */
  day: z.date(),
  /** A planned meeting's start (an instant); null for a meeting logged afterwards without a time. */
  startsAt: z.date().nullable().default(null),
  /** A planned meeting's place or link. */
  place: z.string().nullable().default(null),
  durationMin: z.number().int().nullable().default(null),
  topic: z.string(),
  /** The plan item it was about, if one was chosen. */
  planItemId: z.string().nullable().default(null),
  result: z.string().nullable().default(null),
  nextSteps: z.string().nullable().default(null),
  status: z.enum(MEETING_STATUSES),
  /** The membership that logged or planned it. */
  loggedBy: z.string(),
  answers: z.record(z.string(), z.enum(["confirmed", "disputed"])).default({}),
  createdAt: z.date(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export class MeetingsStore {
  private readonly col: Collection<Meeting>;
  constructor(db: Db) {
    this.col = db.collection<Meeting>("meetings");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ pairId: 1, day: 1 });
    await this.col.createIndex({ programmeId: 1, status: 1 });
    await this.col.createIndex({ status: 1, startsAt: 1 });
  }

  newId(): string {
    return newId();
  }

  async insert(input: z.input<typeof meetingSchema>): Promise<Meeting> {
    const meeting = meetingSchema.parse(input);
    await this.col.insertOne(meeting);
    return meeting;
  }

  async get(id: string): Promise<Meeting | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? meetingSchema.parse(doc) : null;
  }

  /** A meeting with its id chosen by the caller: false when that id is taken (the same save pressed twice). */
  async insertOnce(input: z.input<typeof meetingSchema>): Promise<Meeting | null> {
    const meeting = meetingSchema.parse(input);
    try {
      await this.col.insertOne(meeting);
      return meeting;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return null;
      throw error;
    }
  }

  /**
   * One side's answer and the status that follows, in one write. Call under the meeting's lock
   * (claimKeys.meetingLock): FerretDB loses concurrent $sets of one document.
   */
  async setAnswers(id: string, answers: Meeting["answers"], status: MeetingStatus): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { answers, status } });
  }

  /** A planned meeting held: logged by the side who said so, waiting for the others. Under the meeting's lock. */
  async markHeld(id: string, loggedBy: string): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { status: "logged", loggedBy, answers: {} } });
  }

  /** A planned meeting called off. Under the meeting's lock. */
  async cancel(id: string): Promise<void> {
    await this.col.updateOne({ _id: id }, { $set: { status: "cancelled" } });
  }

  /** A programme's meetings in these states, the latest day first (a curator's list to check). */
  async ofProgramme(programmeId: string, statuses: readonly MeetingStatus[]): Promise<Meeting[]> {
    const docs = await this.col.find({ programmeId, status: { $in: [...statuses] } }).sort({ day: -1, _id: 1 }).toArray();
    return docs.map((d) => meetingSchema.parse(d));
  }

  /** Planned meetings starting within [from, to): what the reminders and follow-ups read. */
  async plannedBetween(from: Date, to: Date): Promise<Meeting[]> {
    const docs = await this.col.find({ status: "planned", startsAt: { $gte: from, $lt: to } }).sort({ startsAt: 1, _id: 1 }).toArray();
    return docs.map((d) => meetingSchema.parse(d));
  }

  /** A pair's meetings, the earliest day first. */
  async ofPair(pairId: string): Promise<Meeting[]> {
    const docs = await this.col.find({ pairId }).sort({ day: 1, _id: 1 }).toArray();
    return docs.map((d) => meetingSchema.parse(d));
  }

  /** The day of each pair's last confirmed meeting in the programme (the quiet pairs' rule). */
  async lastConfirmedDays(programmeId: string): Promise<Map<string, Date>> {
    const docs = await this.col.find({ programmeId, status: "confirmed" }, { projection: { pairId: 1, day: 1 } }).toArray();
    const out = new Map<string, Date>();
    for (const d of docs) if (!out.has(d.pairId) || out.get(d.pairId)!.getTime() < d.day.getTime()) out.set(d.pairId, d.day);
    return out;
  }
}
