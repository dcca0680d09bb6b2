import { randomBytes } from "node:crypto";
import { checkText } from "../domain/text.js";
import type { ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { authorizeCurator } from "./invitations.js";
import { ok, refuse, type Result } from "./result.js";

// The programme's shared topic list: mentees choose their requests from it, mentors their
// competencies. The curator adds their own topics and removes ones the school does not need.

export const TOPIC_LABEL_MAX = 60;

export interface TopicItem {
  id: string;
  /** The curator's wording; null for a default topic (its words are in the locales). */
  label: string | null;
}

export interface TopicList extends ProgrammeView {
  topics: TopicItem[];
}

const listOf = (v: ProgrammeView): TopicList => ({
  programme: v.programme,
  school: v.school,
  topics: v.programme.topicIds.map((id) => ({ id, label: v.programme.topicLabels[id] ?? null })),
});

export async function listTopics(deps: ServiceDeps, actor: Actor, input: { programmeId: string }): Promise<Result<TopicList>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  return ok(listOf(grant.value));
}

async function fresh(deps: ServiceDeps, actor: Actor, programmeId: string): Promise<Result<TopicList>> {
  return listTopics(deps, actor, { programmeId });
}

/** Adds a topic in the curator's words; returns its id and the list after. */
export async function addTopic(deps: ServiceDeps, actor: Actor, input: { programmeId: string; label: string }): Promise<Result<TopicList & { added: TopicItem }>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const label = checkText(input.label, TOPIC_LABEL_MAX);
  if (!label.ok) return refuse("rule", label.problem === "too-long" ? "input-too-long" : "input-empty", { max: TOPIC_LABEL_MAX });
  const id = `c-${randomBytes(4).toString("hex")}`;
  await deps.store.programmes.addTopic(input.programmeId, id, label.value);
  deps.logger.info({ programmeId: input.programmeId, topicId: id }, "topic added");
  const after = await fresh(deps, actor, input.programmeId);
  if (!after.ok) return after;
  return ok({ ...after.value, added: { id, label: label.value } });
}

/** Removes a topic; at least one stays. People's earlier answers keep the id (and its words). */
export async function removeTopic(deps: ServiceDeps, actor: Actor, input: { programmeId: string; topicId: string }): Promise<Result<TopicList>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const { topicIds } = grant.value.programme;
  if (!topicIds.includes(input.topicId)) return refuse("stale");
  if (topicIds.length <= 1) return refuse("rule", "topics-keep-one");
  const removed = await deps.store.programmes.removeTopic(input.programmeId, input.topicId);
  if (!removed) return refuse("stale");
  deps.logger.info({ programmeId: input.programmeId, topicId: input.topicId }, "topic removed");
  return fresh(deps, actor, input.programmeId);
}
