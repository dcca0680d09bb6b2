import type { MatchMentee, MatchMentor, MatchingInput, RankedChoice } from "../domain/matching/index.js";
import type { Programme } from "../store/programmes.js";
import type { Membership } from "../store/memberships.js";
import type { Profile } from "../store/profiles.js";
import type { BotDeps } from "./context.js";
import { freePlaces } from "./pairing.js";

// What the matching engine needs, read from the store: ready mentees still in the pool, ready
// mentors who are trained and have free places, and everyone's latest preferences.

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const format = (v: unknown): "offline" | "online" | "any" => (v === "offline" || v === "online" ? v : "any");
const number = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

export interface Pool {
  input: MatchingInput;
  /** Free places of each mentor in the pool. */
  free: Map<string, number>;
  mentees: Map<string, Membership>;
  mentors: Map<string, Membership>;
}

export async function matchingPool(deps: BotDeps, programme: Programme): Promise<Pool> {
  const { store } = deps;
  const mentees = (await store.memberships.participants(programme._id, "mentee", { intake: "ready" })).filter((m) => m.pairId === null);
  const free = new Map<string, number>();
  for (const m of await store.memberships.participants(programme._id, "mentor", { intake: "ready" })) {
    if (m.mentorTrainedOn !== null) free.set(m._id, await freePlaces(deps, m));
  }
  const mentors = (await store.memberships.participants(programme._id, "mentor", { intake: "ready" })).filter((m) => (free.get(m._id) ?? 0) > 0);
  const profiles: Map<string, Profile> = await store.profiles.getMany([...mentees, ...mentors].map((m) => m._id));
  const answers = (m: Membership) => profiles.get(m._id)?.answers ?? {};

  const menteeInput: MatchMentee[] = mentees.flatMap((m) =>
    m.category === "student" || m.category === "teacher"
      ? [{ id: m._id, category: m.category, grade: m.grade ?? undefined, experienceYears: number(answers(m)["experience"]), requests: strings(answers(m)["requests"]), format: format(answers(m)["format"]), availability: strings(answers(m)["availability"]) }]
      : [],
  );
  const mentorInput: MatchMentor[] = mentors.flatMap((m) =>
    m.category
      ? [{ id: m._id, category: m.category, grade: m.grade ?? undefined, experienceYears: number(answers(m)["experience"]), competencies: strings(answers(m)["competencies"]), freeCapacity: free.get(m._id) ?? 0, format: format(answers(m)["format"]), availability: strings(answers(m)["availability"]) }]
      : [],
  );
  const roles = new Map([...mentees, ...mentors].map((m) => [m._id, m.role]));
  const preferences: RankedChoice[] = (await store.preferences.latest(programme._id)).flatMap((p) => {
    const role = roles.get(p.membershipId);
    return role ? [{ side: role === "mentor" ? ("mentor" as const) : ("mentee" as const), chooserId: p.membershipId, ranked: p.ranked }] : [];
  });
  return {
    input: { mentees: menteeInput, mentors: mentorInput, forms: programme.forms, preferences },
    mentees: new Map(mentees.map((m) => [m._id, m])),
    mentors: new Map(mentors.map((m) => [m._id, m])),
    free,
  };
}
