import { MEETING_DURATION_MAX, type MeetingFormat, type MeetingType } from "../domain/meetings.js";
import type { ServiceDeps } from "../services/deps.js";
import { plannedVars } from "../services/meetings.js";
import { msg, type NoticeVar } from "../services/notices.js";
import { personRefs } from "../services/people.js";
import type { Meeting } from "../store/meetings.js";
import type { DueNotice, JobDefinition } from "./due.js";

// Planned meetings: a reminder the day before, and «Как прошла встреча?» once it is over, with
// buttons that turn it into the log in one tap. Each notice is keyed per meeting and person, so
// it is sent once whichever run finds it.

const HOUR = 60 * 60 * 1000;
/** The reminder goes in the 24 hours before the start. */
export const REMINDER_BEFORE_MS = 24 * HOUR;
/** The follow-up is asked for a week after the meeting's end, then the planned meeting is left as it is. */
export const FOLLOW_UP_FOR_MS = 7 * 24 * HOUR;

export interface PlannedMeetingData {
  meeting: Pick<Meeting, "_id" | "pairId" | "type" | "format" | "day" | "startsAt" | "place" | "topic" | "durationMin" | "createdAt"> & { type: MeetingType; format: MeetingFormat };
  timeZone: string;
  plannedBy: NoticeVar;
  /** Every side of the pair: who is told, and whether a child (their messages wait out the night). */
  parties: { membershipId: string; userId: number; child: boolean }[];
}

/** What both jobs read: the planned meetings whose follow-up week or reminder day holds `now`. */
async function loadPlanned(deps: ServiceDeps, now: Date): Promise<PlannedMeetingData[]> {
  const meetings = await deps.store.meetings.plannedBetween(new Date(now.getTime() - FOLLOW_UP_FOR_MS - MEETING_DURATION_MAX * 60_000), new Date(now.getTime() + REMINDER_BEFORE_MS + HOUR));
  const out: PlannedMeetingData[] = [];
  for (const meeting of meetings) {
    const pair = await deps.store.pairs.get(meeting.pairId);
    if (!pair || pair.status !== "active") continue;
    const programme = await deps.store.programmes.get(pair.programmeId);
    const school = programme ? await deps.store.schools.get(programme.schoolId) : null;
    if (!school) continue;
    const people = await deps.store.memberships.getMany([pair.mentorId, ...pair.menteeIds]);
    const refs = await personRefs(deps, [...people.values()]);
    out.push({
      meeting,
      timeZone: school.timeZone,
      plannedBy: refs.get(meeting.loggedBy) ?? "—",
      parties: [...people.values()].map((m) => ({ membershipId: m._id, userId: m.userId, child: m.category === "student" })),
    });
  }
  return out;
}

const endOf = (m: PlannedMeetingData["meeting"]) => (m.startsAt ?? m.day).getTime() + (m.durationMin ?? 60) * 60_000;

/** The reminder the day before: within 24 hours of the start, unless it was planned within them (the plan itself told them). */
export function dueReminders(now: Date, data: readonly PlannedMeetingData[]): DueNotice[] {
  const out: DueNotice[] = [];
  for (const item of data) {
    const start = (item.meeting.startsAt ?? item.meeting.day).getTime();
    if (now.getTime() < start - REMINDER_BEFORE_MS || now.getTime() >= start) continue;
    if (item.meeting.createdAt.getTime() > start - REMINDER_BEFORE_MS) continue;
    const vars = plannedVars(item.meeting as Meeting, item.timeZone, item.plannedBy);
    for (const p of item.parties) {
      out.push({
        key: `meeting-reminder:${item.meeting._id}:${p.membershipId}`,
        // The button opens the pair's meetings, where the planned one is (its time, place, link).
        notice: { to: p.userId, key: "meeting-reminder", vars, actions: [[{ label: msg("pair-menu-meetings"), action: { type: "meetingList", pairId: item.meeting.pairId, page: 0 } }]] },
        audience: p.child ? "child" : "adult",
        timeZone: item.timeZone,
      });
    }
  }
  return out;
}

/** «Как прошла встреча?» once it is over (still planned: nobody has answered), for a week. */
export function dueFollowUps(now: Date, data: readonly PlannedMeetingData[]): DueNotice[] {
  const out: DueNotice[] = [];
  for (const item of data) {
    const end = endOf(item.meeting);
    if (now.getTime() < end || now.getTime() >= end + FOLLOW_UP_FOR_MS) continue;
    const vars = plannedVars(item.meeting as Meeting, item.timeZone, item.plannedBy);
    const meetingId = item.meeting._id;
    for (const p of item.parties) {
      out.push({
        key: `meeting-followup:${meetingId}:${p.membershipId}`,
        notice: {
          to: p.userId,
          key: "meeting-followup",
          vars,
          actions: [
            [{ label: { key: "meeting-held-yes" }, action: { type: "meetingHeld", meetingId, held: "y" } }],
            [{ label: { key: "meeting-held-no" }, action: { type: "meetingHeld", meetingId, held: "n" } }],
          ],
        },
        audience: p.child ? "child" : "adult",
        timeZone: item.timeZone,
      });
    }
  }
  return out;
}

export const meetingRemindersJob: JobDefinition<PlannedMeetingData[]> = { name: "meeting-reminders", everyMinutes: 15, load: loadPlanned, due: dueReminders };
export const meetingFollowUpsJob: JobDefinition<PlannedMeetingData[]> = { name: "meeting-follow-ups", everyMinutes: 15, load: loadPlanned, due: dueFollowUps };
