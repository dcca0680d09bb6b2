import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { MEETING_FORMATS, MEETING_STATUSES, MEETING_TYPES } from "../domain/meetings.js";
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
