import { STUCK_STATUSES, type IntakeStatus } from "../domain/consent.js";
import type { Category, Role } from "../domain/programme.js";
import { checkText } from "../domain/text.js";
import type { Consent } from "../store/consents.js";
import type { Membership } from "../store/memberships.js";
import type { Profile } from "../store/profiles.js";
import { schoolToday } from "../domain/dates.js";
import { claimKeys } from "../store/claimKeys.js";
import type { ProgrammeView } from "./access.js";
import type { Action } from "./actions/index.js";
import * as audit from "./audit.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { authorizeCurator } from "./invitations.js";
import { msg, type Notice } from "./notices.js";
import { ok, refuse, type Result } from "./result.js";
import { isStaffRole } from "../domain/programme.js";

// The curator's bases of mentors and mentees (stages 2–3): counts by status, lists with filters
// and pages, a person's card, a message relayed by the bot, reminders to those stuck at a step,
// the rows of the export. Every call is the curator's of this very programme.

export const BASES_PAGE = 8;
/** The longest message a curator relays through the bot. */
export const RELAY_MAX_LENGTH = 1000;
export type BaseRole = Extract<Role, "mentor" | "mentee">;

const view = (grant: ProgrammeView): ProgrammeView => ({ programme: grant.programme, school: grant.school });

export interface BasesOverview extends ProgrammeView {
  counts: Record<BaseRole, Record<IntakeStatus, number>>;
}

export async function basesOverview(deps: ServiceDeps, actor: Actor, input: { programmeId: string }): Promise<Result<BasesOverview>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const counts = {
    mentor: await deps.store.memberships.intakeCounts(input.programmeId, "mentor"),
    mentee: await deps.store.memberships.intakeCounts(input.programmeId, "mentee"),
  };
  return ok({ ...view(grant.value), counts });
}

export interface BaseFilter {
  role: BaseRole;
  status: IntakeStatus | "all";
  category: Category | "all";
  /** 0: any topic; n: the n-th topic of the programme's list. */
  topic: number;
  page: number;
}

export interface BaseListItem {
  n: number;
  membership: Membership;
  /** The name from the questionnaire, if given. */
  name: string | null;
}

export interface BaseList extends ProgrammeView {
  /** The filter as applied (page clamped). */
  filter: BaseFilter;
  /** The topic filtered by, if any. */
  topicId: string | null;
  total: number;
  pages: number;
  items: BaseListItem[];
}

const nameIn = (profile: Profile | undefined): string | null => {
  const name = profile?.answers["full-name"];
  return typeof name === "string" && name ? name : null;
};

export async function listBase(deps: ServiceDeps, actor: Actor, input: { programmeId: string } & BaseFilter): Promise<Result<BaseList>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const { programme } = grant.value;
  if (input.topic > programme.topicIds.length) return refuse("stale");
  const topicId = input.topic === 0 ? null : programme.topicIds[input.topic - 1]!;
  let people = await deps.store.memberships.participants(input.programmeId, input.role, {
    intake: input.status === "all" ? undefined : input.status,
    category: input.category === "all" ? undefined : input.category,
  });
  // The topic filter reads the programme's profiles at once (one read, not one per id); without
  // it only the page's names are read, each by _id (FerretDB answers those from its index).
  let profiles = topicId ? await deps.store.profiles.byIdOfProgramme(input.programmeId) : new Map<string, Profile>();
  if (topicId) {
    const key = input.role === "mentor" ? "competencies" : "requests";
    people = people.filter((m) => {
      const chosen = profiles.get(m._id)?.answers[key];
      return Array.isArray(chosen) && chosen.includes(topicId);
    });
  }
  const pages = Math.max(1, Math.ceil(people.length / BASES_PAGE));
  const page = Math.min(input.page, pages - 1);
  const shown = people.slice(page * BASES_PAGE, page * BASES_PAGE + BASES_PAGE);
  if (!topicId) profiles = new Map((await Promise.all(shown.map((m) => deps.store.profiles.get(m._id)))).filter((p): p is Profile => p !== null).map((p) => [p._id, p]));
  const items = shown.map((membership, i) => ({ n: page * BASES_PAGE + i + 1, membership, name: nameIn(profiles.get(membership._id)) }));
  const { programmeId: _, ...filter } = input;
  return ok({ ...view(grant.value), filter: { ...filter, page }, topicId, total: people.length, pages, items });
}

/**
 * A mentor or mentee of this programme, for its curator. The one rule for every button on a
 * person's card (the card, «✉️ Написать», the paper consent): a person of another programme, and
 * a curator, are not the curator's to open.
 */
export async function curatedPerson(deps: ServiceDeps, actor: Actor, input: { programmeId: string; membershipId: string }): Promise<Result<ProgrammeView & { person: Membership }>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const person = await deps.store.memberships.get(input.membershipId);
  if (!person || person.programmeId !== input.programmeId || isStaffRole(person.role)) return refuse("not-allowed");
  return ok({ ...view(grant.value), person });
}

/** Intake statuses at which the curator may record a paper consent. */
export const PAPER_CONSENT_STATUSES: readonly IntakeStatus[] = ["invited", "parent", "declined"];

export interface PersonCard extends ProgrammeView {
  person: Membership;
  name: string | null;
  consents: Consent[];
  profile: Profile | null;
  /** Whether the paper consent button applies. */
  paperConsent: boolean;
}

export async function personCard(deps: ServiceDeps, actor: Actor, input: { programmeId: string; membershipId: string }): Promise<Result<PersonCard>> {
  const found = await curatedPerson(deps, actor, input);
  if (!found.ok) return found;
  const { person } = found.value;
  const profile = await deps.store.profiles.get(person._id);
  const consents = await deps.store.consents.history(person._id);
  const paperConsent = person.intake !== null && PAPER_CONSENT_STATUSES.includes(person.intake);
  await audit.record(deps, { programmeId: input.programmeId, actor, action: "card-opened", membershipId: person._id });
  return ok({ ...found.value, name: nameIn(profile ?? undefined), consents, profile, paperConsent });
}

/** The curator writes to a person through the bot, in the school's voice. */
export async function relayMessage(deps: ServiceDeps, actor: Actor, input: { programmeId: string; membershipId: string; text: string }): Promise<Result<{ delivered: boolean }>> {
  const found = await curatedPerson(deps, actor, input);
  if (!found.ok) return found;
  const text = checkText(input.text, RELAY_MAX_LENGTH);
  if (!text.ok) return refuse("rule", text.problem === "too-long" ? "input-too-long" : "input-empty", { max: RELAY_MAX_LENGTH });
  const { person, school } = found.value;
  const delivered = await deps.notices.send(relayedMessage(person.userId, school.name, text.value));
  deps.logger.info({ membershipId: person._id, delivered }, "curator message relayed");
  await audit.record(deps, { programmeId: input.programmeId, actor, action: "message-sent", membershipId: person._id });
  return ok({ delivered });
}

/** The relayed message as a notice. */
export const relayedMessage = (to: number, school: string, text: string): Notice => ({ to, key: "write-from-curator", vars: { school, text } });

/** For each status a reminder helps with: its message and the button of the person's next step. */
const REMINDERS: Partial<Record<IntakeStatus, { key: string; label: string; step: "c" | "pl" | "q" }>> = {
  invited: { key: "remind-consent", label: "participant-give-consent", step: "c" },
  parent: { key: "remind-parent", label: "participant-parent-link-again", step: "pl" },
  questionnaire: { key: "remind-questionnaire", label: "questionnaire-start", step: "q" },
};

/** A reminder for a person stuck at a step, or null when they have none to take. */
export function reminderFor(person: Membership, school: string): Notice | null {
  const status = person.intake;
  if (!status || !STUCK_STATUSES.includes(status)) return null;
  const reminder = REMINDERS[status];
  if (!reminder) return null;
  const action: Action = { type: "participantStep", step: reminder.step, membershipId: person._id };
  return { to: person.userId, key: reminder.key, vars: { school }, actions: [[{ label: msg(reminder.label), action }]] };
}

/**
 * Reminds every mentor and mentee stuck at a step, at most once a school day each: a claim per
 * person and day decides, so pressing «Напомнить» again (or two curators at once) sends nothing
 * twice. Returns how many were reached now and how many had their reminder today already.
 */
export async function remindStuck(deps: ServiceDeps, actor: Actor, input: { programmeId: string }): Promise<Result<{ sent: number; already: number }>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  const now = deps.clock();
  const day = schoolToday(now, grant.value.school.timeZone).toISOString().slice(0, 10);
  let sent = 0;
  let already = 0;
  for (const role of ["mentor", "mentee"] as const) {
    for (const person of await deps.store.memberships.participants(input.programmeId, role)) {
      const notice = reminderFor(person, grant.value.school.name);
      if (!notice) continue;
      const key = claimKeys.stuckReminded(person._id, day);
      if (!(await deps.store.claims.claim(key, key, actor.userId, now))) {
        already++;
        continue;
      }
      if (await deps.notices.send(notice)) sent++;
    }
  }
  deps.logger.info({ programmeId: input.programmeId, sent, already }, "reminders sent");
  return ok({ sent, already });
}

export interface BaseRow {
  membership: Membership;
  profile: Profile | null;
  /** The standing consent (the latest accepted), if any. */
  consent: Consent | null;
}

export interface BasesExport extends ProgrammeView {
  rows: Record<BaseRole, BaseRow[]>;
}

/** Everything the bases' workbook holds; the front lays it out. */
export async function exportBases(deps: ServiceDeps, actor: Actor, input: { programmeId: string }): Promise<Result<BasesExport>> {
  const grant = await authorizeCurator(deps, actor, input.programmeId);
  if (!grant.ok) return grant;
  // One read of the programme per collection (memberships, profiles, standing consents): on
  // FerretDB every read but one by _id alone is a scan, so reading by the people's ids ($in)
  // would cost a scan per batch of ids (the export of 10,000 took 54 s that way).
  // The three at once: the database converts documents on its own cores meanwhile.
  const [people, profiles, consents] = await Promise.all([
    deps.store.memberships.participantsOfProgramme(input.programmeId),
    deps.store.profiles.byIdOfProgramme(input.programmeId),
    deps.store.consents.standingInProgramme(input.programmeId),
  ]);
  const collect = (role: BaseRole): BaseRow[] =>
    people.filter((m) => m.role === role).map((membership) => ({ membership, profile: profiles.get(membership._id) ?? null, consent: consents.get(membership._id) ?? null }));
  const rows = { mentor: collect("mentor"), mentee: collect("mentee") };
  await audit.record(deps, { programmeId: input.programmeId, actor, action: "bases-exported" });
  deps.logger.info({ programmeId: input.programmeId, mentors: rows.mentor.length, mentees: rows.mentee.length }, "bases exported");
  return ok({ ...view(grant.value), rows });
}

