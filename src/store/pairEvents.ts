import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { PAIR_EVENT_KINDS, PAIR_REASONS } from "../domain/pairs.js";
import { newId } from "./ids.js";

// What happens to a pair: appended, never overwritten (anonymised only when a person withdraws).

export const pairEventSchema = z.object({
  _id: z.string(),
  pairId: z.string(),
  programmeId: z.string(),
  kind: z.enum(PAIR_EVENT_KINDS),
  at: z.date(),
  by: z.number().int().nullable(),
  reason: z.enum(PAIR_REASONS as [string, ...string[]]).nullable().default(null),
  details: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type PairEventRecord = z.infer<typeof pairEventSchema>;

/** 36^4: the counter that orders events written in the same millisecond. */
const SEQ_SPAN = 1_679_616;

export class PairEventsStore {
  private readonly col: Collection<PairEventRecord>;
  /** Event ids sort in the order the events were written (the clock, then a counter), not by chance. */
  private seq = 0;
  constructor(
    db: Db,
    private readonly clock: () => Date,
  ) {
    this.col = db.collection<PairEventRecord>("pair_events");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ pairId: 1, _id: 1 });
  }

  async add(input: Omit<z.input<typeof pairEventSchema>, "_id">): Promise<void> {
    const order = `${this.clock().getTime().toString(36).padStart(9, "0")}${(this.seq++ % SEQ_SPAN).toString(36).padStart(4, "0")}`;
    await this.col.insertOne(pairEventSchema.parse({ ...input, _id: `${order}-${newId()}` }));
  }

  async history(pairId: string): Promise<PairEventRecord[]> {
    const docs = await this.col.find({ pairId }).sort({ _id: 1 }).toArray();
    return docs.map((d) => pairEventSchema.parse(d));
  }

  /**
   * A withdrawn membership leaves no id in the programme's pair histories: its id in the details (a
   * replaced mentor, the parties who answered) becomes `placeholder`, and whoever answered for it
   * as its parent is no longer named (`by` of the events whose parties name `parent:<id>`).
   */
  async forgetMember(programmeId: string, membershipId: string, placeholder: string): Promise<void> {
    for (const doc of await this.col.find({ programmeId }).toArray()) {
      const event = pairEventSchema.parse(doc);
      if (!JSON.stringify(event.details).includes(membershipId)) continue;
      const details = Object.fromEntries(Object.entries(event.details).map(([k, v]) => [k, typeof v === "string" ? v.split(membershipId).join(placeholder) : v]));
      const byParent = typeof event.details["parties"] === "string" && event.details["parties"].split(" ").includes(`parent:${membershipId}`);
      await this.col.updateOne({ _id: event._id }, { $set: { details, ...(byParent ? { by: null } : {}) } });
    }
  }

  /** Replaces a person's Telegram id in the history by nothing (their consent was withdrawn). */
  async anonymise(userId: number, programmeId: string): Promise<void> {
    await this.col.updateMany({ by: userId, programmeId }, { $set: { by: null } });
  }
}
