import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { STAGE_COUNT, STAGE_RESULT_MAX, type StageNumber, type StagePlan, type StageState } from "../domain/roadmap.js";
import type { ClaimsStore } from "./claims.js";
import { claimKeys } from "./claimKeys.js";

// A programme's roadmap: one document per stage, its id `<programmeId>:<stage>`, so the default
// plan is written by plain inserts that a second writer's duplicates cannot double. Every change
// of a stage runs under its lock (claimKeys.stageLock): two curators pressing «+1 неделя» at once
// move it by two weeks, not one.

export const stageSchema = z.object({
  _id: z.string(),
  programmeId: z.string(),
  stage: z.number().int().min(1).max(STAGE_COUNT),
  start: z.date(),
  deadline: z.date(),
  role: z.enum(["curator", "director", "mentor"]),
  doneOn: z.date().nullable().default(null),
  result: z.string().max(STAGE_RESULT_MAX).nullable().default(null),
  /** Who marked it done (Telegram id). */
  doneBy: z.number().int().nullable().default(null),
});
export type Stage = z.infer<typeof stageSchema> & StageState & { stage: StageNumber };

const stageId = (programmeId: string, stage: number) => `${programmeId}:${stage}`;
const parse = (doc: unknown): Stage => stageSchema.parse(doc) as Stage;

export class StagesStore {
  private readonly col: Collection<z.infer<typeof stageSchema>>;
  constructor(
    db: Db,
    private readonly claims: ClaimsStore,
  ) {
    this.col = db.collection("stages");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ programmeId: 1, stage: 1 });
  }

  /** Writes the plan's stages that are missing (an existing stage is kept as the curator left it). */
  async seed(programmeId: string, plan: readonly StagePlan[]): Promise<void> {
    for (const p of plan) {
      try {
        await this.col.insertOne(stageSchema.parse({ _id: stageId(programmeId, p.stage), programmeId, ...p }));
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    }
  }

  /** The programme's stages, in order. */
  async ofProgramme(programmeId: string): Promise<Stage[]> {
    const docs = await this.col.find({ programmeId }).sort({ stage: 1 }).toArray();
    return docs.map(parse);
  }

  async get(programmeId: string, stage: number): Promise<Stage | null> {
    const doc = await this.col.findOne({ _id: stageId(programmeId, stage) });
    return doc ? parse(doc) : null;
  }

  /** Reads the stage, lets `change` decide what to set (null: nothing), writes it, alone; returns the stage after. */
  async change(programmeId: string, stage: number, change: (current: Stage) => Partial<Pick<Stage, "start" | "deadline" | "doneOn" | "result" | "doneBy">> | null): Promise<Stage | null> {
    return this.claims.withLock(claimKeys.stageLock(programmeId, stage), async () => {
      const doc = await this.col.findOne({ _id: stageId(programmeId, stage) });
      if (!doc) return null;
      const current = parse(doc);
      const set = change(current);
      if (set === null) return current;
      await this.col.updateOne({ _id: current._id }, { $set: set });
      return { ...current, ...set };
    });
  }
}
