import { newId } from "../../src/store/ids.js";
import type { Message } from "grammy/types";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { pack, parse } from "../../src/bot/buttons.js";
import { defaultTopicIds } from "../../src/domain/questionnaires.js";
import { INVITATION_DEFAULT_DAYS, expiryFrom } from "../../src/domain/invitations.js";
import { ACTIONS, type Action, type ActionType } from "../../src/services/actions/index.js";
import { Index, type ActionSpec } from "../../src/services/actions/define.js";
import type { TestUser } from "../support/emulator/index.js";
import { useTestBot, type TestBot } from "../support/harness.js";
import { programmeWithCurator, readyParticipant } from "../support/programme.js";
import { activePairInStore } from "../support/pairs.js";

// The authorization matrix, generated from the codec table: every action, pressed by every kind
// of person with the ids of someone else's school, is refused with a message and changes nothing.
// A new action is in the matrix by being in the table; a new kind of id field fails here until
// it is added to `idsOfB` below.

const OPERATOR_ID = 500;
const t = useTestBot({ operatorIds: [OPERATOR_ID], per: "file" });

/** What the world holds: school A (ours, the people who press) and school B (someone else's, whose ids they press). */
interface World {
  a: {
    operator: TestUser;
    curator: TestUser;
    pairedMentor: TestUser;
    mentee: TestUser;
    parent: TestUser;
    freeMentor: TestUser;
    director: TestUser;
    stranger: TestUser;
  };
  b: {
    /** A curator of the same school B, of its other programme (another year). */
    otherProgrammeCurator: TestUser;
    people: TestUser[];
    programmeId: string;
    pairId: string;
    menteeMembershipId: string;
    menteeUserId: number;
    roundId: string;
    batchId: string;
    invitationId: string;
    topicId: string;
    planId: string;
    itemId: string;
    reportId: string;
    finalReportId: string;
    meetingId: string;
    flagId: string;
    /** A new mentor proposed for B's pair, waiting for agreement. */
    replacementId: string;
  };
}

/**
 * Seeds both schools straight in the store (the UI that makes them is covered elsewhere).
 * The one place to fix when the store's API moves.
 */
async function seedWorld(t: TestBot): Promise<World> {
  const now = new Date();
  const store = t.store;
  const user = (firstName: string, id?: number) => t.emulator.createUser({ firstName, languageCode: "ru", ...(id ? { id } : {}) });
  const activePair = async (programmeId: string, mentorId: string, menteeId: string, createdBy: number) => {
    const start = new Date(Date.UTC(2026, 8, 1));
    const pair = await activePairInStore(store, { programmeId, mentorId, menteeIds: [menteeId], at: now, createdBy, form: "teacher-student", startDate: start, parties: [`mentor:${mentorId}`, `mentee:${menteeId}`, `parent:${menteeId}`] });
    await store.pairEvents.add({ pairId: pair._id, programmeId, kind: "activated", at: now, by: createdBy });
    return pair;
  };

  // School A: an operator, a curator, a mentor in a pair with a pupil (whose parent consented
  // in the bot), a mentor with no pair, and a stranger.
  const operator = user("Оператор", OPERATOR_ID);
  const a = await programmeWithCurator(t, "Школа А");
  const aMentor = await readyParticipant(t, a.programmeId, { name: "Анна Учителева", role: "mentor", category: "teacher", answers: { experience: 10, competencies: ["adaptation"] }, trained: true, limit: 2 });
  const aParent = user("Родитель А");
  const aMentee = await readyParticipant(t, a.programmeId, { name: "Петя Учеников", role: "mentee", category: "student", grade: 7, answers: { requests: ["adaptation"] }, parent: aParent });
  const aFree = await readyParticipant(t, a.programmeId, { name: "Борис Свободный", role: "mentor", category: "teacher", answers: { experience: 5, competencies: ["parents"] }, trained: true, limit: 2 });
  await activePair(a.programmeId, aMentor.membershipId, aMentee.membershipId, a.curator.id);
  const stranger = user("Незнакомец");
  const director = user("Директор А");
  await store.memberships.add({ userId: director.id, programmeId: a.programmeId, role: "director", category: null, grade: null, invitationId: null }, now);

  // School B: its curator, programme, mentor, pupil (with a parent), an active pair, a batch of
  // proposals, a preference round, an invitation, a topic of its own; and another programme.
  const b = await programmeWithCurator(t, "Школа Б");
  const bMentor = await readyParticipant(t, b.programmeId, { name: "Вера Наставница", role: "mentor", category: "teacher", answers: { experience: 15, competencies: ["adaptation"] }, trained: true, limit: 2 });
  const bParent = user("Родитель Б");
  const bMentee = await readyParticipant(t, b.programmeId, { name: "Коля Школьников", role: "mentee", category: "student", grade: 6, answers: { requests: ["adaptation"] }, parent: bParent });
  const bPair = await activePair(b.programmeId, bMentor.membershipId, bMentee.membershipId, b.curator.id);
  const bNext = await readyParticipant(t, b.programmeId, { name: "Глеб Сменщик", role: "mentor", category: "teacher", answers: { experience: 8, competencies: ["adaptation"] }, trained: true, limit: 2 });
  const replacementId = newId();
  const replacement = { id: replacementId, mentorId: bNext.membershipId, parties: [`mentor:${bNext.membershipId}`, `mentee:${bMentee.membershipId}`, `parent:${bMentee.membershipId}`], reason: "other", by: b.curator.id, at: now };
  await store.db.collection("pairs").updateOne({ _id: bPair._id as never }, { $set: { replacement } });
  const batch = await store.proposalBatches.save({ programmeId: b.programmeId, createdAt: now, items: [{ mentorId: bMentor.membershipId, menteeId: bMentee.membershipId, form: "teacher-student", fit: 1, reasons: [] }], unmatched: [] });
  const round = await store.rounds.open(newId(), b.programmeId, now, new Date(now.getTime() + 7 * 86_400_000));
  const { invitation } = await store.invitations.create({ programmeId: b.programmeId, role: "mentee", category: "student", grade: 6, createdBy: b.curator.id, expiresAt: expiryFrom(now, INVITATION_DEFAULT_DAYS), maxUses: 30 }, now);
  const topicId = "c-0b0b0b0b";
  await store.programmes.addTopic(b.programmeId, topicId, "Тема школы Б");
  const bSchoolId = (await store.programmes.get(b.programmeId))!.schoolId;
  const forms = ["teacher-student"] as const;
  const bOther = await store.programmes.create({ schoolId: bSchoolId, academicYear: "2025/2026", forms: [...forms], topicIds: defaultTopicIds(forms), createdBy: 1 }, now);
  // An individual plan of B's mentee, sent for acknowledgement, with one item.
  const bPlan = await store.plans.ensure({ pairId: bPair._id, programmeId: b.programmeId, menteeId: bMentee.membershipId }, now);
  const bItemId = store.plans.newItemId();
  const bItem = { id: bItemId, title: "Знакомство с классом", kind: "acquaintance" as const, due: new Date(Date.UTC(2026, 9, 1)), done: null, proposedDone: null };
  await store.plans.update(bPlan._id, (p) => ({ plan: { ...p, status: "sent" as const, items: [bItem] }, result: true }));
  const bReport = await store.monthlyReports.insert({ programmeId: b.programmeId, mentorId: bMentor.membershipId, month: "2026-11", entries: [{ menteeId: bMentee.membershipId, meetings: [], itemsDone: [], progress: null, difficulties: null, plans: null }], submittedAt: now });
  const bFinal = await store.finalReports.insert({ programmeId: b.programmeId, pairId: bPair._id, role: "mentor", authorId: bMentor.membershipId, menteeId: bMentee.membershipId, answers: {}, submittedAt: now });
  const bMeeting = await store.meetings.insert({ _id: store.meetings.newId(), pairId: bPair._id, programmeId: b.programmeId, type: "introduction", format: "in-person", day: new Date(Date.UTC(2026, 9, 1)), durationMin: 45, topic: "Знакомство", status: "logged", loggedBy: bMentor.membershipId, createdAt: now });
  // An open safety flag raised by B's pupil (feedback).
  const bFlag = await store.flags.insert({ _id: store.flags.newId(), pairId: bPair._id, programmeId: b.programmeId, raisedBy: bMentee.membershipId, source: "button", raisedAt: now });
  const otherCurator = user("Куратор прошлого года");
  await store.memberships.add({ userId: otherCurator.id, programmeId: bOther._id, role: "curator", category: null, grade: null, invitationId: null }, now);

  return {
    a: { operator, curator: a.curator, pairedMentor: aMentor.user, mentee: aMentee.user, parent: aParent, freeMentor: aFree.user, director, stranger },
    b: {
      otherProgrammeCurator: otherCurator,
      people: [b.curator, bMentor.user, bMentee.user, bParent],
      programmeId: b.programmeId,
      pairId: bPair._id,
      menteeMembershipId: bMentee.membershipId,
      menteeUserId: bMentee.user.id,
      roundId: round._id,
      batchId: batch._id,
      invitationId: invitation._id,
      topicId,
      planId: bPlan._id,
      itemId: bItemId,
      reportId: bReport._id,
      finalReportId: bFinal._id,
      meetingId: bMeeting._id,
      flagId: bFlag._id,
      replacementId,
    },
  };
}

/** Fields that point to something, filled with B's: the name says what. */
const idsOfB = (b: World["b"]): Record<string, string | number> => ({
  programmeId: b.programmeId,
  pairId: b.pairId,
  membershipId: b.menteeMembershipId,
  roundId: b.roundId,
  batchId: b.batchId,
  invitationId: b.invitationId,
  topicId: b.topicId,
  userId: b.menteeUserId,
  planId: b.planId,
  itemId: b.itemId,
  reportId: b.reportId,
  finalReportId: b.finalReportId,
  month: "2026-11",
  meetingId: b.meetingId,
  flagId: b.flagId,
  replacementId: b.replacementId,
  holidayFrom: "20261229",
});

/** The action with every field filled: ids with B's, enums with their first option, numbers with the smallest accepted. */
function forgeAction(type: ActionType, b: World["b"]): Action {
  const spec = ACTIONS[type] as ActionSpec;
  const ids = idsOfB(b);
  const fields: Record<string, string | number> = {};
  for (const [name, schema] of Object.entries(spec.fields)) {
    if (name in ids) fields[name] = ids[name]!;
    else if (schema instanceof z.ZodEnum) fields[name] = schema.options[0] as string;
    else if (schema === Index || schema instanceof z.ZodNumber) {
      // The smallest number the field takes (a refined one, e.g. a round's days, may refuse 0).
      const n = Array.from({ length: 400 }, (_, i) => i).find((i) => schema.safeParse(String(i)).success);
      if (n === undefined) throw new Error(`${type}.${name}: no small number parses; add it to the matrix`);
      fields[name] = n;
    }
    else throw new Error(`${type}.${name}: a field the authorization matrix does not know; add it to the matrix (idsOfB in test/e2e/authorization.test.ts)`);
  }
  return { type, ...fields } as unknown as Action;
}

const hasIdFields = (type: ActionType) => Object.keys((ACTIONS[type] as ActionSpec).fields).some((name) => name.endsWith("Id"));

type PersonaKey = keyof World["a"] | "otherProgrammeCurator";
/** The kinds of person who press, and whom each action is meant for among them. */
const PERSONAS: { key: PersonaKey; label: string; is: ActionSpec["for"][] }[] = [
  { key: "stranger", label: "a stranger", is: [] },
  { key: "mentee", label: "a mentee (of school A)", is: ["participant", "pair-party"] },
  { key: "pairedMentor", label: "a mentor of another pair", is: ["participant", "pair-party"] },
  { key: "freeMentor", label: "a mentor with no pair", is: ["participant"] },
  { key: "parent", label: "a parent (of A's pupil)", is: ["parent"] },
  { key: "curator", label: "a curator of another school", is: ["curator", "staff"] },
  { key: "director", label: "a director of another school", is: ["director", "staff"] },
  { key: "otherProgrammeCurator", label: "a curator of the same school's other programme", is: ["curator", "staff"] },
  { key: "operator", label: "an operator", is: ["operator"] },
];

/**
 * An action with no ids names nothing of someone else's: it acts on the presser's own things, so
 * it is not forged for the people it is meant for (an operator-only action, for the operator).
 * A conversation's own button is refused for everyone when no conversation waits.
 */
const notForged = (type: ActionType, persona: (typeof PERSONAS)[number]) => {
  const spec = ACTIONS[type] as ActionSpec;
  if (spec.flow || hasIdFields(type)) return false;
  return spec.for === "anyone" || persona.is.includes(spec.for);
};

const KEPT_AS_THEY_ARE = new Set(["updates", "users", "conversations"]);

/** Every collection but the inbox, people's settings and conversation states: id → document. */
async function snapshot(): Promise<Map<string, Map<string, string>>> {
  const db = t.store.db;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !KEPT_AS_THEY_ARE.has(n) && !n.startsWith("updates_") && !n.startsWith("system."));
  const entries = await Promise.all(
    names.map(async (name) => {
      const docs = await db.collection(name).find({}).toArray();
      return [name, new Map(docs.map((d) => [JSON.stringify(d._id), JSON.stringify(d)]))] as const;
    }),
  );
  return new Map(entries);
}

function changes(before: Map<string, Map<string, string>>, after: Map<string, Map<string, string>>): string[] {
  const out: string[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(name) ?? new Map<string, string>();
    const is = after.get(name) ?? new Map<string, string>();
    for (const [id, doc] of is) if (!was.has(id)) out.push(`${name}: added ${doc}`);
    for (const [id, doc] of was) {
      if (!is.has(id)) out.push(`${name}: removed ${doc}`);
      else if (is.get(id) !== doc) out.push(`${name}: changed ${doc} → ${is.get(id)}`);
    }
  }
  return out;
}

/** Waits until the bot has finished every update it took (the inbox marks each done at the end). */
async function settled(): Promise<void> {
  for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
    if (t.store.updates.openCount() === 0) return;
  }
  throw new Error("the bot did not finish its updates within 5 s");
}

let world: World;
let home: Map<PersonaKey, Message>;
let baseline: Map<string, Map<string, string>>;

beforeAll(async () => {
  world = await seedWorld(t);
  home = new Map();
  const pressers: [PersonaKey, TestUser][] = [...(Object.entries(world.a) as [PersonaKey, TestUser][]), ["otherProgrammeCurator", world.b.otherProgrammeCurator]];
  // Each presser has a message of the bot to press on: their menu.
  for (const [key, user] of pressers) {
    await user.sendText("/menu");
    home.set(key, await user.nextMessage());
  }
  await settled();
  baseline = await snapshot();
});

const types = Object.keys(ACTIONS) as ActionType[];

describe("authorization matrix: every action with someone else's ids is refused with a message and changes nothing", () => {
  it("covers every action of the table", () => {
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(() => forgeAction(type, world.b), type).not.toThrow();
    // Only an action with no ids, for everyone, is pressed by no one.
    for (const type of types) if (PERSONAS.every((p) => notForged(type, p))) expect((ACTIONS[type] as ActionSpec).for, type).toBe("anyone");
  });

  for (const type of types.filter((type) => PERSONAS.some((p) => !notForged(type, p)))) {
    describe(`${type}${(ACTIONS[type] as ActionSpec).flow ? " (a conversation's button, no conversation waiting)" : ""}`, () => {
      for (const persona of PERSONAS.filter((p) => !notForged(type, p))) {
        it(`pressed by ${persona.label}`, async () => {
          const action = forgeAction(type, world.b);
          const data = pack(action);
          // The forged values fit the fields, so the press reaches the access check and is not
          // merely turned away as damaged.
          expect(parse(data), `${data} does not parse back: fix the matrix's value for a field of ${type}`).not.toBeNull();
          const user = persona.key === "otherProgrammeCurator" ? world.b.otherProgrammeCurator : world.a[persona.key];
          const heardByB = world.b.people.map((p) => p.events().length);

          user.skipEvents();
          const pressId = await user.pressData(home.get(persona.key)!, data);
          const answer = await user.nextCallbackAnswer(pressId);
          await settled();
          const reply = user.unreadEvents().find((e) => e.kind === "message")?.message;
          const told = answer.text || reply?.text || reply?.caption || "";
          expect(told, `${type} pressed by ${persona.label} was answered with no message`).not.toBe("");

          const now = await snapshot();
          const changed = changes(baseline, now);
          baseline = now; // one broken case does not fail the ones after it
          expect(changed, `${type} pressed by ${persona.label} (${data}) changed the database`).toEqual([]);
          expect(world.b.people.map((p) => p.events().length), `${type} pressed by ${persona.label} told school B's people something`).toEqual(heardByB);
        });
      }
    });
  }
});
