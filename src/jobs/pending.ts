import { AGREEMENT_REMIND_AFTER_DAYS, reminderDue } from "../domain/pairs.js";
import type { Category } from "../domain/programme.js";
import type { IntakeStatus } from "../domain/consent.js";
import { reminderFor } from "../services/bases.js";
import type { Notice } from "../services/notices.js";
import { unansweredAgreements, type UnansweredAgreement } from "../services/pairs.js";
import type { DueNotice, JobDefinition } from "./due.js";

// «Pending»: a consent not given, and a pair proposal not answered, get one reminder each, N days
// after they began waiting. The reminder carries the button that does what it asks (give consent,
// send the parent link again, agree or not). Looks back PENDING_LOOKBACK_DAYS: a reminder that
// came due longer ago than that (the bot was down for a month) is stale and is not sent.

const DAY_MS = 24 * 60 * 60 * 1000;
/** A consent waits this many days before its one reminder. */
export const CONSENT_REMIND_AFTER_DAYS = 3;
/** How far back a reminder that came due while the bot was down is still sent. */
export const PENDING_LOOKBACK_DAYS = 7;

/** The intake steps a consent waits at: the person's own consent, and a parent's. */
const CONSENT_PENDING: readonly IntakeStatus[] = ["invited", "parent"];

export interface PendingConsent {
  membershipId: string;
  programmeId: string;
  intake: IntakeStatus;
  since: Date;
  category: Category | null;
  timeZone: string;
  notice: Notice;
}

export interface PendingData {
  consents: PendingConsent[];
  agreements: UnansweredAgreement[];
}

/** Due from `since + afterDays`, for PENDING_LOOKBACK_DAYS. */
export function reminderWindowOpen(now: Date, since: Date, afterDays: number): boolean {
  const dueAt = since.getTime() + afterDays * DAY_MS;
  return reminderDue({ proposedAt: since, remindedAt: null, now, afterDays }) && now.getTime() - dueAt <= PENDING_LOOKBACK_DAYS * DAY_MS;
}

export const pendingJob: JobDefinition<PendingData> = {
  name: "pending",
  everyMinutes: 60,
  async load(deps) {
    const consents: PendingConsent[] = [];
    const schools = new Map((await deps.store.schools.list()).map((s) => [s._id, s]));
    for (const programme of await deps.store.programmes.all()) {
      const school = schools.get(programme.schoolId);
      if (!school) continue;
      for (const role of ["mentor", "mentee"] as const) {
        for (const intake of CONSENT_PENDING) {
          for (const person of await deps.store.memberships.participants(programme._id, role, { intake })) {
            const notice = reminderFor(person, school.name);
            if (!notice || !person.intakeAt) continue;
            consents.push({ membershipId: person._id, programmeId: programme._id, intake, since: person.intakeAt, category: person.category, timeZone: school.timeZone, notice });
          }
        }
      }
    }
    return { consents, agreements: await unansweredAgreements(deps) };
  },
  due(now, data) {
    const out: DueNotice[] = [];
    for (const c of data.consents) {
      if (!reminderWindowOpen(now, c.since, CONSENT_REMIND_AFTER_DAYS)) continue;
      out.push({ key: `pending-consent:${c.membershipId}:${c.intake}`, notice: c.notice, audience: c.category === "student" ? "child" : "adult", timeZone: c.timeZone, programmeId: c.programmeId });
    }
    for (const a of data.agreements) {
      if (!reminderWindowOpen(now, a.proposedAt, AGREEMENT_REMIND_AFTER_DAYS)) continue;
      for (const ask of a.asks) {
        // An agreement is essential: it reaches a person who muted nudges.
        out.push({ key: `pending-agreement:${a.pairId}:${ask.party}`, notice: ask.notice, audience: ask.child ? "child" : "adult", timeZone: a.timeZone, programmeId: a.programmeId, essential: true });
      }
    }
    return out;
  },
};
