import { pageOf } from "../domain/paging.js";
import type { AuditAction, AuditEntry } from "../store/audit.js";
import type { ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { authorizeCurator } from "./invitations.js";
import { ok, type Result } from "./result.js";

// The audit log of curators' actions on people (card opened, export, message sent, paper
// consent, pair changes): ids and the kind only. Readable by the programme's curators, page by
// page, and as a file; kept for a year (AUDIT_KEPT_DAYS, the daily job prunes).

export const AUDIT_KEPT_DAYS = 365;
export const AUDIT_PAGE = 15;

export interface AuditInput {
  programmeId: string;
  actor: Actor;
  action: AuditAction;
  membershipId?: string | null;
  pairId?: string | null;
}

/**
 * Records one action. Never fails the action it records: a failed write is logged (ids only).
 * One line at the place of the action: `await audit.record(deps, { programmeId, actor, action, … })`.
 */
export async function record(deps: Pick<ServiceDeps, "store" | "clock" | "logger">, input: AuditInput): Promise<void> {
  try {
    await deps.store.audit.add({
      programmeId: input.programmeId,
      actorId: input.actor.userId,
      action: input.action,
      membershipId: input.membershipId ?? null,
      pairId: input.pairId ?? null,
      at: deps.clock(),
    });
  } catch (error) {
    deps.logger.error({ programmeId: input.programmeId, action: input.action, code: (error as { code?: unknown }).code }, "audit entry not written");
  }
}

export interface AuditItem {
  n: number;
  entry: AuditEntry;
  /** The person's name from their questionnaire, when the entry is about a person who has one. */
  name: string | null;
}

export interface AuditPage extends ProgrammeView {
  items: AuditItem[];
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
}

async function namesOf(deps: ServiceDeps, entries: readonly AuditEntry[]): Promise<Map<string, string>> {
  const ids = [...new Set(entries.flatMap((e) => (e.membershipId ? [e.membershipId] : [])))];
  const profiles = await deps.store.profiles.getMany(ids);
  const names = new Map<string, string>();
  for (const [id, profile] of profiles) {
    const name = profile.answers["full-name"];
    if (typeof name === "string" && name) names.set(id, name);
  }
  return names;
}

/** A page of the programme's log, newest first. */
export async function auditLog(deps: ServiceDeps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<AuditPage>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const total = await deps.store.audit.countForProgramme(input.programmeId);
  const probe = pageOf(Array.from({ length: total }), input.page, AUDIT_PAGE);
  const entries = await deps.store.audit.listForProgramme(input.programmeId, AUDIT_PAGE, probe.page * AUDIT_PAGE);
  const names = await namesOf(deps, entries);
  const items = entries.map((entry, i) => ({ n: probe.from + i, entry, name: entry.membershipId ? (names.get(entry.membershipId) ?? null) : null }));
  const { programme, school } = grant.value;
  return ok({ programme, school, items, page: probe.page, pages: probe.pages, from: probe.from, to: probe.to, total });
}

export interface AuditExport extends ProgrammeView {
  items: AuditItem[];
}

/** The whole log for the file (recorded as an export itself). */
export async function exportAudit(deps: ServiceDeps, actor: Actor, input: { programmeId: string }): Promise<Result<AuditExport>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  await record(deps, { programmeId: input.programmeId, actor, action: "audit-exported" });
  const entries = await deps.store.audit.listForProgramme(input.programmeId);
  const names = await namesOf(deps, entries);
  const items = entries.map((entry, i) => ({ n: i + 1, entry, name: entry.membershipId ? (names.get(entry.membershipId) ?? null) : null }));
  deps.logger.info({ programmeId: input.programmeId, entries: items.length }, "audit exported");
  return ok({ programme: grant.value.programme, school: grant.value.school, items });
}
