import { InlineKeyboard } from "grammy";
import { describeReasons, type FitReason } from "../domain/matching/index.js";
import { type Form } from "../domain/programme.js";
import {
  AGREEMENT_REMIND_AFTER_DAYS,
  agreementOutcome,
  parentsOnPaper,
  partyKey,
  reminderDue,
  requiredParties,
  type AgreementPerson,
  type Party,
} from "../domain/pairs.js";
import type { Membership } from "../store/memberships.js";
import type { Pair } from "../store/pairs.js";
import { topicLabeller } from "./answers.js";
import { cb } from "./callbacks.js";
import { pack } from "./buttons.js";
import type { BotDeps } from "./context.js";
import { categorySuffix, formatDate, roleLabel } from "./labels.js";
import type { Notifier } from "./notify.js";

// Pairs and groups as the regulation has them: places at a mentor are taken atomically when the
// curator approves; everyone (and a minor's parent) agrees before the pair is active (2.6);
// a decline returns the mentees to the pool. Every step is an event in the pair's history.

type T = (key: string, vars?: Record<string, string | number>) => string;

/**
 * Why a pair was proposed, kept as data so that each person reads it in their own language:
 * the engine's reasons, or the curator's own choice.
 */
export type PairWhy = { kind: "engine"; reasons: FitReason[] } | { kind: "curator" };
export const encodeWhy = (why: PairWhy): string => JSON.stringify(why);

export function whyText(t: T, encoded: string, topicLabels: Record<string, string>): string {
  try {
    const why = JSON.parse(encoded) as PairWhy;
    if (why.kind === "curator") return t("manual-why");
    return describeReasons(why.reasons, { t, topicLabel: topicLabeller(t, topicLabels), slotLabel: (s) => t(`opt-${s}`) }) || "—";
  } catch {
    return "—";
  }
}

const mentorScope = (mentorId: string) => `mentor:${mentorId}`;
const menteeKey = (menteeId: string) => `mentee:${menteeId}`;

/** A mentor's free places: the limit less the places claimed by pairs. */
export async function freePlaces(deps: BotDeps, mentor: Membership): Promise<number> {
  return Math.max(0, mentor.mentorLimit - (await deps.store.claims.placesUsed(mentorScope(mentor._id))));
}

/** Sets a mentor's limit (1–3), never below the mentees they already have. */
export async function setMentorLimit(deps: BotDeps, mentor: Membership, limit: number): Promise<boolean> {
  if (limit < 1 || limit > 3) return false;
  if ((await deps.store.claims.placesUsed(mentorScope(mentor._id))) > limit) return false;
  await deps.store.memberships.setMentorLimit(mentor._id, limit);
  return true;
}

/** Takes a mentor's places for a pair, all or none. */
async function takePlaces(deps: BotDeps, mentor: Membership, count: number, pairId: string): Promise<boolean> {
  return deps.store.claims.takePlaces(mentorScope(mentor._id), mentor.mentorLimit, count, pairId, deps.clock());
}

/** Claims a mentee for a pair; false when another pair claimed them first. */
async function claimMentee(deps: BotDeps, menteeId: string, pairId: string): Promise<boolean> {
  if (!(await deps.store.claims.claim(menteeKey(menteeId), "mentees", pairId, deps.clock()))) return false;
  await deps.store.memberships.setPair(menteeId, pairId);
  return true;
}

async function releaseMentee(deps: BotDeps, menteeId: string, pairId: string): Promise<void> {
  if ((await deps.store.claims.holderOf(menteeKey(menteeId))) !== pairId) return;
  await deps.store.claims.release(menteeKey(menteeId));
  await deps.store.memberships.setPair(menteeId, null);
}

/** The parent who consented in the bot for a minor, if any (paper consents have none). */
async function parentInBot(deps: BotDeps, m: Membership): Promise<number | null> {
  const standing = (await deps.store.consents.standing([m._id])).get(m._id);
  return standing && standing.relation === "parent" && standing.method === "bot" ? standing.givenBy : null;
}

async function agreementPerson(deps: BotDeps, m: Membership): Promise<AgreementPerson> {
  const minor = m.category === "student" || m.saidUnder18 === true;
  return { membershipId: m._id, userId: m.userId, minor, parentUserId: minor ? await parentInBot(deps, m) : null };
}

/**
 * Everyone who must agree (2.6): the mentor, each mentee, and the parent of each minor. A parent
 * who consented on paper has no Telegram: the curator records their agreement (userId null).
 */
export async function partiesOf(deps: BotDeps, mentor: Membership, mentees: Membership[]): Promise<Party[]> {
  const input = { mentor: await agreementPerson(deps, mentor), mentees: await Promise.all(mentees.map((m) => agreementPerson(deps, m))) };
  return [...requiredParties(input), ...parentsOnPaper(input).map((p) => ({ kind: "parent" as const, membershipId: p.membershipId, userId: null }))];
}

/** A person's name from their questionnaire, or their category when there is none. */
export async function displayName(deps: BotDeps, t: T, m: Membership): Promise<string> {
  const name = (await deps.store.profiles.get(m._id))?.answers["full-name"];
  const label = `${roleLabel(t, m.role)}${categorySuffix(t, m)}`;
  return typeof name === "string" && name ? `${name} (${label.toLowerCase()})` : label;
}

export type ProposeResult = { ok: true; pair: Pair } | { ok: false; reason: "mentor-full" | "mentee-taken" | "not-ready" | "group-size" };

export interface ProposeInput {
  programmeId: string;
  mentorId: string;
  menteeIds: string[];
  form: Form;
  roleModel: string | null;
  startDate: Date;
  plannedEnd: Date;
  why: string;
  by: number;
}

/**
 * The curator approves a pair or group. Places are taken at the mentor in one conditional
 * update, and each mentee is claimed from the pool in one; if any step fails, what was taken
 * is given back, so a mentor is never over the limit, whoever approves at the same moment.
 */
export async function proposePair(deps: BotDeps, notifier: Notifier, input: ProposeInput): Promise<ProposeResult> {
  const { store } = deps;
  if (input.menteeIds.length < 1 || input.menteeIds.length > 3 || new Set(input.menteeIds).size !== input.menteeIds.length) return { ok: false, reason: "group-size" };
  const mentor = await store.memberships.get(input.mentorId);
  const mentees = [...(await store.memberships.getMany(input.menteeIds)).values()];
  if (!mentor || mentor.role !== "mentor" || mentor.intake !== "ready" || mentor.programmeId !== input.programmeId) return { ok: false, reason: "not-ready" };
  if (mentees.length !== input.menteeIds.length || mentees.some((m) => m.role !== "mentee" || m.intake !== "ready" || m.programmeId !== input.programmeId)) return { ok: false, reason: "not-ready" };

  const pairId = store.pairs.newId();
  if (!(await takePlaces(deps, mentor, mentees.length, pairId))) return { ok: false, reason: "mentor-full" };
  const claimed: string[] = [];
  for (const m of mentees) {
    if (await claimMentee(deps, m._id, pairId)) claimed.push(m._id);
    else {
      for (const id of claimed) await releaseMentee(deps, id, pairId);
      await store.claims.releasePlaces(mentorScope(mentor._id), pairId);
      return { ok: false, reason: "mentee-taken" };
    }
  }
  const now = deps.clock();
  const parties = await partiesOf(deps, mentor, mentees);
  const pair = await store.pairs.create({
    _id: pairId,
    programmeId: input.programmeId,
    mentorId: mentor._id,
    menteeIds: mentees.map((m) => m._id),
    form: input.form,
    roleModel: input.roleModel,
    status: "awaiting",
    startDate: input.startDate,
    plannedEnd: input.plannedEnd,
    parties: parties.map(partyKey),
    why: input.why,
    proposedAt: now,
    createdBy: input.by,
  });
  await store.pairs.addEvent({ pairId, programmeId: input.programmeId, kind: "proposed", at: now, by: input.by, details: { mentees: mentees.length } });
  deps.logger.info({ pairId, mentorId: mentor._id, mentees: mentees.length }, "pair proposed");
  for (const party of parties) await askAgreement(deps, notifier, pair, party, mentor, mentees);
  return { ok: true, pair };
}

async function askAgreement(deps: BotDeps, notifier: Notifier, pair: Pair, party: Party, mentor: Membership, mentees: Membership[]): Promise<void> {
  if (party.userId === null) return;
  const programme = await deps.store.programmes.get(pair.programmeId);
  const school = programme && (await deps.store.schools.get(programme.schoolId));
  if (!programme || !school) return;
  await notifier.toUser(
    party.userId,
    async (t, locale) => {
      const menteeNames = await Promise.all(mentees.map((m) => displayName(deps, t, m)));
      return t(party.kind === "parent" ? "pair-ask-parent" : "pair-ask", {
        school: school.name,
        mentor: await displayName(deps, t, mentor),
        mentees: menteeNames.join(", "),
        form: t(`form-${pair.form}`),
        start: formatDate(pair.startDate, locale, "UTC"),
        end: formatDate(pair.plannedEnd, locale, "UTC"),
        why: whyText(t, pair.why, programme.topicLabels),
      });
    },
    (t) => new InlineKeyboard().text(t("pair-agree"), pack({ type: "pairAgree", pairId: pair._id, answer: "y" })).text(t("pair-disagree"), pack({ type: "pairAgree", pairId: pair._id, answer: "n" })),
  );
}

/** Which parties of this pair the person writing is (a parent may also be a participant). */
export async function partiesOfUser(deps: BotDeps, pair: Pair, userId: number): Promise<string[]> {
  const mentor = await deps.store.memberships.get(pair.mentorId);
  const mentees = [...(await deps.store.memberships.getMany(pair.menteeIds)).values()];
  if (!mentor) return [];
  const parties = await partiesOf(deps, mentor, mentees);
  return parties.filter((p) => p.userId === userId && pair.parties.includes(partyKey(p))).map(partyKey);
}

const answerScope = (pairId: string) => `answers:${pairId}`;
const answerKey = (pairId: string, party: string) => `${answerScope(pairId)}#${party}`;

/** The answers given on a pair, by party key. */
export async function answersOf(deps: BotDeps, pairId: string): Promise<Record<string, "accepted" | "declined">> {
  const claims = await deps.store.claims.inScope(answerScope(pairId));
  return Object.fromEntries(claims.map((c) => [c._id.slice(answerScope(pairId).length + 1), c.holder === "accepted" ? "accepted" : "declined"]));
}

export type AgreementResult = "not-a-party" | "closed" | "waiting" | "active" | "declined";

/** Records a person's answer; activates or dissolves the pair when everyone has spoken. */
export async function answerAgreement(deps: BotDeps, notifier: Notifier, pairId: string, userId: number, answer: "accepted" | "declined"): Promise<AgreementResult> {
  const pair = await deps.store.pairs.get(pairId);
  if (!pair) return "not-a-party";
  const mine = await partiesOfUser(deps, pair, userId);
  if (mine.length === 0) return "not-a-party";
  return recordAnswers(deps, notifier, pair, mine, answer, userId);
}

/** The curator records the agreement of a parent who consented on paper. */
export async function recordPaperParentAgreement(deps: BotDeps, notifier: Notifier, pair: Pair, menteeId: string, curatorId: number): Promise<AgreementResult> {
  const key = partyKey({ kind: "parent", membershipId: menteeId });
  const mentor = await deps.store.memberships.get(pair.mentorId);
  const mentees = [...(await deps.store.memberships.getMany(pair.menteeIds)).values()];
  if (!mentor) return "closed";
  const paper = (await partiesOf(deps, mentor, mentees)).find((p) => partyKey(p) === key && p.userId === null);
  if (!paper || !pair.parties.includes(key)) return "not-a-party";
  return recordAnswers(deps, notifier, pair, [key], "accepted", curatorId);
}

async function recordAnswers(deps: BotDeps, notifier: Notifier, pair: Pair, mine: string[], answer: "accepted" | "declined", userId: number): Promise<AgreementResult> {
  const { store } = deps;
  const pairId = pair._id;
  if (pair.status !== "awaiting") return "closed";
  const now = deps.clock();
  // Each answer is its own claim: the first answer of a party stands, and answers given at the
  // same moment by different people are all kept.
  let any = false;
  for (const key of mine) any = (await store.claims.claim(answerKey(pairId, key), answerScope(pairId), answer, now)) || any;
  if (!any) return "closed";
  await store.pairs.addEvent({ pairId, programmeId: pair.programmeId, kind: answer === "accepted" ? "agreed" : "declined", at: now, by: userId, details: { parties: mine.join(" ") } });

  const mentor = await store.memberships.get(pair.mentorId);
  const mentees = [...(await store.memberships.getMany(pair.menteeIds)).values()];
  if (!mentor) return "closed";
  const required = await partiesOf(deps, mentor, mentees);
  const outcome = agreementOutcome(required.filter((p) => pair.parties.includes(partyKey(p))), await answersOf(deps, pairId));
  if (outcome.status === "pending") return "waiting";
  // Whoever answers last settles the pair, once, even if two last answers arrive together.
  if (!(await store.claims.claim(`settled:${pairId}`, "settled", outcome.status, now))) return "closed";

  if (outcome.status === "agreed") {
    if (!(await store.pairs.move(pairId, "awaiting", "active", { activatedAt: now }))) return "closed";
    await store.pairs.addEvent({ pairId, programmeId: pair.programmeId, kind: "activated", at: now, by: null });
    for (const user of new Set(required.map((p) => p.userId).filter((u): u is number => u !== null))) {
      await notifier.toUser(user, (t) => t("pair-active"));
    }
    await notifier.toCurators(pair.programmeId, async (t) => t("pair-active-curator", { mentor: await displayName(deps, t, mentor) }));
    return "active";
  }

  // Someone declined: the mentees go back to the pool, the mentor's places are freed.
  if (!(await store.pairs.move(pairId, "awaiting", "declined", { endedAt: now }))) return "closed";
  await dissolve(deps, pair);
  const who = outcome.declinedBy[0];
  await notifier.toCurators(
    pair.programmeId,
    async (t) => {
      const whom = who ? t(`pair-party-${who.kind}`) : "";
      return t("pair-declined-curator", { who: whom, mentor: await displayName(deps, t, mentor), mentees: (await Promise.all(mentees.map((m) => displayName(deps, t, m)))).join(", ") });
    },
  );
  for (const user of new Set(required.map((p) => p.userId).filter((u): u is number => u !== null && u !== userId))) {
    await notifier.toUser(user, (t) => t("pair-declined"));
  }
  return "declined";
}

/** Gives back the mentor's places and returns the mentees to the pool. */
async function dissolve(deps: BotDeps, pair: Pair): Promise<void> {
  await deps.store.claims.releasePlaces(mentorScope(pair.mentorId), pair._id);
  for (const id of pair.menteeIds) await releaseMentee(deps, id, pair._id);
}

/** Closes whatever pairs a person is in because they left the programme (consent withdrawn). */
export async function closePairsOf(deps: BotDeps, membership: Membership): Promise<void> {
  const pairs = await deps.store.pairs.ofProgramme(membership.programmeId, ["awaiting", "active"]);
  for (const pair of pairs.filter((p) => p.mentorId === membership._id || p.menteeIds.includes(membership._id))) {
    if (pair.status === "active") {
      await endPair(deps, pair, null, "other", true);
      continue;
    }
    const now = deps.clock();
    if (!(await deps.store.claims.claim(`settled:${pair._id}`, "settled", "withdrawn", now))) continue;
    if (await deps.store.pairs.move(pair._id, "awaiting", "declined", { endedAt: now })) {
      await dissolve(deps, pair);
      await deps.store.pairs.addEvent({ pairId: pair._id, programmeId: pair.programmeId, kind: "declined", at: now, by: null, reason: "other" });
    }
  }
}

/** Ends a pair (early, with a reason): its places are freed; history keeps the record. */
export async function endPair(deps: BotDeps, pair: Pair, by: number | null, reason: string, early: boolean): Promise<boolean> {
  const now = deps.clock();
  if (!(await deps.store.claims.claim(`ended:${pair._id}`, "ended", by ?? "system", now))) return false;
  if (!(await deps.store.pairs.move(pair._id, "active", "ended", { endedAt: now }))) return false;
  await dissolve(deps, pair);
  await deps.store.pairs.addEvent({ pairId: pair._id, programmeId: pair.programmeId, kind: early ? "ended-early" : "ended", at: now, by, reason });
  return true;
}

/** Replaces the mentor (2.8): the new mentor's places are taken first, then the old one's freed. */
export async function replaceMentor(deps: BotDeps, pair: Pair, newMentorId: string, by: number, reason: string): Promise<"ok" | "mentor-full" | "not-ready" | "changed"> {
  const { store } = deps;
  const newMentor = await store.memberships.get(newMentorId);
  if (!newMentor || newMentor.role !== "mentor" || newMentor.intake !== "ready" || newMentor.mentorTrainedOn === null || newMentor.programmeId !== pair.programmeId || newMentor._id === pair.mentorId) return "not-ready";
  if (!(await takePlaces(deps, newMentor, pair.menteeIds.length, pair._id))) return "mentor-full";
  const mentees = [...(await store.memberships.getMany(pair.menteeIds)).values()];
  const parties = (await partiesOf(deps, newMentor, mentees)).map(partyKey);
  if (!(await store.pairs.setMentor(pair._id, pair.mentorId, newMentor._id, parties))) {
    await store.claims.releasePlaces(mentorScope(newMentor._id), pair._id);
    return "changed";
  }
  await store.claims.releasePlaces(mentorScope(pair.mentorId), pair._id);
  await store.pairs.addEvent({ pairId: pair._id, programmeId: pair.programmeId, kind: "mentor-replaced", at: deps.clock(), by, reason, details: { from: pair.mentorId, to: newMentor._id } });
  return "ok";
}

/** Once, N days after a proposal, the people who have not answered are reminded. */
export async function remindAgreements(deps: BotDeps, notifier: Notifier, now: Date): Promise<number> {
  let reminded = 0;
  for (const pair of await deps.store.pairs.awaiting()) {
    if (!reminderDue({ proposedAt: pair.proposedAt, remindedAt: pair.remindedAt, now, afterDays: AGREEMENT_REMIND_AFTER_DAYS })) continue;
    if (!(await deps.store.pairs.markReminded(pair._id, now))) continue;
    const mentor = await deps.store.memberships.get(pair.mentorId);
    const mentees = [...(await deps.store.memberships.getMany(pair.menteeIds)).values()];
    if (!mentor) continue;
    const parties = await partiesOf(deps, mentor, mentees);
    const answers = await answersOf(deps, pair._id);
    for (const party of parties) {
      if (party.userId === null || answers[partyKey(party)]) continue;
      await askAgreement(deps, notifier, pair, party, mentor, mentees);
      reminded++;
    }
  }
  return reminded;
}
