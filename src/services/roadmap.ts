import { schoolToday } from "../domain/dates.js";
import { STAGE_COUNT, STAGE_RESULT_MAX, currentStage, datesProblem, defaultRoadmap, isStageNumber, shiftEdge, withEdge, type DateEdge } from "../domain/roadmap.js";
import { checkText } from "../domain/text.js";
import type { Programme } from "../store/programmes.js";
import type { School } from "../store/schools.js";
import type { Stage } from "../store/stages.js";
import { authorize, type ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { ok, refuse, type Result } from "./result.js";

// The programme's roadmap: the seven stages with their dates, the role responsible and the result.
// Staff (curators, the director) and participants read it; curators move the dates and mark a
// stage done with a short result. The default plan is written the first time it is needed.

type Deps = Pick<ServiceDeps, "store" | "clock" | "logger" | "operatorIds">;

/** The programme's stages, writing the default plan first if it has none yet. */
export async function stagesOf(deps: Pick<ServiceDeps, "store">, programme: Programme, school: School): Promise<Stage[]> {
  const stages = await deps.store.stages.ofProgramme(programme._id);
  if (stages.length === STAGE_COUNT) return stages;
  await deps.store.stages.seed(programme._id, defaultRoadmap(programme.academicYear, schoolToday(programme.createdAt, school.timeZone)));
  return deps.store.stages.ofProgramme(programme._id);
}

export interface Roadmap extends ProgrammeView {
  stages: Stage[];
  current: Stage | null;
  today: Date;
  /** Curators edit; the director and participants read. */
  canEdit: boolean;
}

/** The roadmap for a curator, the director, or a mentor or mentee of the programme. */
export async function roadmap(deps: Deps, actor: Actor, input: { programmeId: string }): Promise<Result<Roadmap>> {
  let view: ProgrammeView;
  let canEdit = false;
  const staff = await authorize(deps, actor, { kind: "staff", programmeId: input.programmeId });
  if (staff.ok) {
    view = staff.value;
    canEdit = staff.value.staff.role === "curator";
  } else {
    const participant = await authorize(deps, actor, { kind: "participant", programmeId: input.programmeId });
    if (!participant.ok) return participant;
    view = participant.value;
  }
  const stages = await stagesOf(deps, view.programme, view.school);
  return ok({ programme: view.programme, school: view.school, stages, current: currentStage(stages), today: schoolToday(deps.clock(), view.school.timeZone), canEdit });
}

export interface StageCard extends ProgrammeView {
  stage: Stage;
  canEdit: boolean;
}

/** One stage, for its card. */
export async function stageCard(deps: Deps, actor: Actor, input: { programmeId: string; stage: number }): Promise<Result<StageCard>> {
  const map = await roadmap(deps, actor, input);
  if (!map.ok) return map;
  const stage = map.value.stages.find((s) => s.stage === input.stage);
  if (!stage) return refuse("not-found");
  return ok({ programme: map.value.programme, school: map.value.school, stage, canEdit: map.value.canEdit });
}

async function asCurator(deps: Deps, actor: Actor, programmeId: string, stage: number): Promise<Result<ProgrammeView>> {
  const grant = await authorize(deps, actor, { kind: "curator", programmeId });
  if (!grant.ok) return grant;
  if (!isStageNumber(stage)) return refuse("not-found");
  await stagesOf(deps, grant.value.programme, grant.value.school);
  return ok({ programme: grant.value.programme, school: grant.value.school });
}

type Change = { problem: string } | { set: Partial<Pick<Stage, "start" | "deadline" | "doneOn" | "result" | "doneBy">> };

async function changeStage(deps: Deps, view: ProgrammeView, stage: number, decide: (s: Stage) => Change): Promise<Result<StageCard>> {
  let problem: string | null = null;
  const after = await deps.store.stages.change(view.programme._id, stage, (s) => {
    const d = decide(s);
    if ("problem" in d) {
      problem = d.problem;
      return null;
    }
    return d.set;
  });
  if (problem) return refuse("rule", problem);
  if (!after) return refuse("not-found");
  return ok({ ...view, stage: after, canEdit: true });
}

/** Moves a stage's start or deadline by whole weeks (the ±1 week buttons). */
export async function shiftStage(deps: Deps, actor: Actor, input: { programmeId: string; stage: number; edge: DateEdge; weeks: number }): Promise<Result<StageCard>> {
  const view = await asCurator(deps, actor, input.programmeId, input.stage);
  if (!view.ok) return view;
  const result = await changeStage(deps, view.value, input.stage, (s) => {
    const dates = shiftEdge(s, input.edge, input.weeks);
    const problem = datesProblem(dates.start, dates.deadline);
    return problem ? { problem } : { set: dates };
  });
  if (result.ok) deps.logger.info({ programmeId: input.programmeId, stage: input.stage, edge: input.edge, weeks: input.weeks }, "stage date moved");
  return result;
}

/** Sets a stage's start or deadline to a typed day. */
export async function setStageDate(deps: Deps, actor: Actor, input: { programmeId: string; stage: number; edge: DateEdge; day: Date }): Promise<Result<StageCard>> {
  const view = await asCurator(deps, actor, input.programmeId, input.stage);
  if (!view.ok) return view;
  const result = await changeStage(deps, view.value, input.stage, (s) => {
    const dates = withEdge(s, input.edge, input.day);
    const problem = datesProblem(dates.start, dates.deadline);
    return problem ? { problem } : { set: dates };
  });
  if (result.ok) deps.logger.info({ programmeId: input.programmeId, stage: input.stage, edge: input.edge }, "stage date set");
  return result;
}

/** The checks before asking the curator for a result: the stage exists and is not done yet. */
export async function stageToFinish(deps: Deps, actor: Actor, input: { programmeId: string; stage: number }): Promise<Result<StageCard>> {
  const view = await asCurator(deps, actor, input.programmeId, input.stage);
  if (!view.ok) return view;
  const stage = await deps.store.stages.get(input.programmeId, input.stage);
  if (!stage) return refuse("not-found");
  if (stage.doneOn) return refuse("stale", "roadmap-already-done");
  return ok({ ...view.value, stage, canEdit: true });
}

/** Marks a stage done today (the school's day) with the curator's short result; done once. */
export async function markStageDone(deps: Deps, actor: Actor, input: { programmeId: string; stage: number; result: string }): Promise<Result<StageCard>> {
  const view = await asCurator(deps, actor, input.programmeId, input.stage);
  if (!view.ok) return view;
  const text = checkText(input.result, STAGE_RESULT_MAX);
  if (!text.ok) return refuse("rule", text.problem === "too-long" ? "roadmap-result-too-long" : "input-empty", { max: STAGE_RESULT_MAX });
  const today = schoolToday(deps.clock(), view.value.school.timeZone);
  const result = await changeStage(deps, view.value, input.stage, (s) => (s.doneOn ? { problem: "roadmap-already-done" } : { set: { doneOn: today, result: text.value, doneBy: actor.userId } }));
  if (result.ok) deps.logger.info({ programmeId: input.programmeId, stage: input.stage }, "stage marked done");
  return result;
}

/** Takes a stage's done mark back (marked by mistake): it counts as not done again. */
export async function reopenStage(deps: Deps, actor: Actor, input: { programmeId: string; stage: number }): Promise<Result<StageCard>> {
  const view = await asCurator(deps, actor, input.programmeId, input.stage);
  if (!view.ok) return view;
  return changeStage(deps, view.value, input.stage, () => ({ set: { doneOn: null, result: null, doneBy: null } }));
}
