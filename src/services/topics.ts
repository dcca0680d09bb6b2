import { randomBytes } from "node:crypto";
import { pageOf } from "../domain/paging.js";
import { checkText } from "../domain/text.js";
import { claimKeys } from "../store/claimKeys.js";
import type { ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { authorizeCurator } from "./invitations.js";
import { ok, refuse, type Result } from "./result.js";

// The programme's shared topic list: mentees choose their requests from it, mentors their
// competencies. The curator adds their own topics and removes ones the school does not need.
// The list is bounded (TOPICS_MAX) and shown in pages.

export const TOPIC_LABEL_MAX = 60;
/** The most topics a programme may have: enough for a large school, few enough to choose from. */
export const TOPICS_MAX = 150;
/** Topics on one page of the curator's list (one remove button each, 4 in a row). */
export const TOPICS_PAGE = 20;

export interface TopicItem {
  /** Its number in the whole list, from 1. */
  n: number;
  id: string;
  /** The curator's wording; null for a default topic (its words are in the locales). */
  label: string | null;
}

export interface TopicList extends ProgrammeView {
  /** The topics of the page shown. */
  topics: TopicItem[];
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
}

const listOf = (v: ProgrammeView, page: number): TopicList => {
  const all = v.programme.topicIds.map((id, i) => ({ n: i + 1, id, label: v.programme.topicLabels[id] ?? null }));
  const p = pageOf(all, page, TOPICS_PAGE);
  return { programme: v.programme, school: v.school, topics: p.items, page: p.page, pages: p.pages, from: p.from, to: p.to, total: p.total };
};

export async function listTopics(deps: ServiceDeps, actor: Actor, input: { programmeId: string; page?: number }): Promise<Result<TopicList>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  return ok(listOf(grant.value, input.page ?? 0));
}

/** Adds a topic in the curator's words; returns it and the list's last page (where it is). */
export async function addTopic(deps: ServiceDeps, actor: Actor, input: { programmeId: string; label: string }): Promise<Result<TopicList & { added: TopicItem }>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const label = checkText(input.label, TOPIC_LABEL_MAX);
  if (!label.ok) return refuse("rule", label.problem === "too-long" ? "input-too-long" : "input-empty", { max: TOPIC_LABEL_MAX });
  const id = `c-${randomBytes(4).toString("hex")}`;
  // Counted and added under the programme's topics lock: two curators adding at once stay within the limit.
  const added = await deps.store.claims.withLock(claimKeys.topicsLock(input.programmeId), async () => {
    const programme = await deps.store.programmes.get(input.programmeId);
    if (!programme || programme.topicIds.length >= TOPICS_MAX) return false;
    await deps.store.programmes.addTopic(input.programmeId, id, label.value);
    return true;
  });
  if (!added) return refuse("rule", "topics-too-many", { max: TOPICS_MAX });
  deps.logger.info({ programmeId: input.programmeId, topicId: id }, "topic added");
  const after = await listTopics(deps, actor, { programmeId: input.programmeId, page: Number.MAX_SAFE_INTEGER });
  if (!after.ok) return after;
  return ok({ ...after.value, added: { n: after.value.total, id, label: label.value } });
}

/** Removes a topic; at least one stays. People's earlier answers keep the id (and its words). */
export async function removeTopic(deps: ServiceDeps, actor: Actor, input: { programmeId: string; topicId: string; page?: number }): Promise<Result<TopicList>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const { topicIds } = grant.value.programme;
  if (!topicIds.includes(input.topicId)) return refuse("stale");
  if (topicIds.length <= 1) return refuse("rule", "topics-keep-one");
  const removed = await deps.store.claims.withLock(claimKeys.topicsLock(input.programmeId), () => deps.store.programmes.removeTopic(input.programmeId, input.topicId));
  if (!removed) return refuse("stale");
  deps.logger.info({ programmeId: input.programmeId, topicId: input.topicId }, "topic removed");
  return listTopics(deps, actor, { programmeId: input.programmeId, page: input.page ?? 0 });
}
