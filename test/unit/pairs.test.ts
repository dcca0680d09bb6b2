import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_MENTEES_PER_MENTOR as MATCHING_MAX } from "../../src/domain/matching/index.js";
import {
  ALL_ROLE_MODELS,
  DECLINE_REASONS,
  DECLINE_TEXT_MAX,
  declineNeedsText,
  reasonKindOf,
  PAIR_REASONS,
  EARLY_END_REASONS,
  EXTENSION_REASONS,
  MAX_MENTEES_PER_MENTOR,
  PAIR_EVENT_KINDS,
  PAIR_STATUSES,
  REPLACEMENT_REASONS,
  ROLE_MODELS,
  agreementOutcome,
  canTransition,
  defaultTerm,
  describeEventKey,
  groupSizeOk,
  isReason,
  isRoleModelOf,
  pairStatusKey,
  parentsOnPaper,
  partyKey,
  reasonKey,
  reasonsFor,
  reminderDue,
  requiredParties,
  roleModelKey,
  validateExtension,
  validateLimit,
  validateTerm,
  type AgreementAnswer,
  type AgreementPerson,
  type PairStatus,
  type Party,
} from "../../src/domain/pairs.js";
import { FORMS } from "../../src/domain/programme.js";

const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));
const DAY = 24 * 60 * 60 * 1000;

const adult = (id: string, userId: number | null = Number(id.replace(/\D/g, "")) || 1): AgreementPerson => ({ membershipId: id, userId, minor: false, parentUserId: null });
const minor = (id: string, userId: number, parentUserId: number | null): AgreementPerson => ({ membershipId: id, userId, minor: true, parentUserId });

describe("role models", () => {
  it("cover every form, with ids unique across forms and in kebab-case", () => {
    expect(Object.keys(ROLE_MODELS).sort()).toEqual([...FORMS].sort());
    const all = FORMS.flatMap((f) => ROLE_MODELS[f]);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("are the variants the regulation lists", () => {
    expect(ROLE_MODELS["student-student"]).toEqual(["achiever-underachiever", "leader-passive", "peer-to-peer"]);
    expect(ROLE_MODELS["teacher-teacher"]).toHaveLength(4);
    expect(ROLE_MODELS["teacher-teacher"]).toContain("experienced-young");
    expect(ROLE_MODELS["teacher-teacher"]).toContain("experienced-inexperienced-subject");
    expect(ROLE_MODELS["teacher-teacher"]).toContain("innovator-conservative");
    expect(ROLE_MODELS["employer-student"]).toContain("employer-future-employee");
    expect(ROLE_MODELS["employer-student"]).toHaveLength(3);
  });

  it("belong to their own form only", () => {
    expect(isRoleModelOf("student-student", "leader-passive")).toBe(true);
    expect(isRoleModelOf("teacher-teacher", "leader-passive")).toBe(false);
    expect(isRoleModelOf("teacher-student", "leader-passive")).toBe(false);
    expect(isRoleModelOf("student-student", "")).toBe(false);
  });

  it("are listed once each across forms, for the store and the buttons", () => {
    expect([...ALL_ROLE_MODELS].sort()).toEqual(FORMS.flatMap((f) => ROLE_MODELS[f]).sort());
  });
});

describe("reasons", () => {
  it("are listed per kind and recognised only in their kind", () => {
    expect(reasonsFor("replace")).toBe(REPLACEMENT_REASONS);
    expect(reasonsFor("extend")).toBe(EXTENSION_REASONS);
    expect(reasonsFor("end")).toBe(EARLY_END_REASONS);
    expect(isReason("replace", "mentee-request")).toBe(true);
    expect(isReason("end", "mentee-request")).toBe(false);
    expect(isReason("extend", "business-trip")).toBe(true);
    expect(isReason("end", "mentee-not-fulfilling")).toBe(true);
    expect(isReason("replace", "other")).toBe(true);
    expect(isReason("extend", "other")).toBe(false);
  });

  it("of a decline: a short list ending in «другое», the only one that asks for a text", () => {
    expect(reasonsFor("decline")).toBe(DECLINE_REASONS);
    expect(DECLINE_REASONS.at(-1)).toBe("other");
    expect(DECLINE_REASONS.length).toBeLessThanOrEqual(5);
    expect(DECLINE_REASONS.filter(declineNeedsText)).toEqual(["other"]);
    expect(isReason("decline", "no-time")).toBe(true);
    expect(isReason("decline", "mentee-request")).toBe(false);
    expect(DECLINE_TEXT_MAX).toBeGreaterThanOrEqual(100);
    // The history keeps them with the rest.
    for (const r of DECLINE_REASONS) expect(PAIR_REASONS).toContain(r);
  });

  it("are read in the kind of the event that carries them", () => {
    expect(reasonKindOf("declined")).toBe("decline");
    expect(reasonKindOf("replacement-declined")).toBe("decline");
    expect(reasonKindOf("replacement-proposed")).toBe("replace");
    expect(reasonKindOf("mentor-replaced")).toBe("replace");
    expect(reasonKindOf("replacement-requested")).toBe("replace");
    expect(reasonKindOf("extended")).toBe("extend");
    expect(reasonKindOf("ended-early")).toBe("end");
  });

  it("cover the regulation's cases", () => {
    expect(REPLACEMENT_REASONS).toEqual(expect.arrayContaining(["mentor-left", "transfer", "mentor-request", "mentee-request", "mentor-not-fulfilling", "other"]));
    expect(EXTENSION_REASONS).toEqual(["incapacity", "business-trip", "absence"]);
    expect(EARLY_END_REASONS[0]).toBe("mentee-not-fulfilling");
  });

  it("are listed once each across kinds, for the history and the buttons", () => {
    expect(new Set(PAIR_REASONS).size).toBe(PAIR_REASONS.length);
    expect([...PAIR_REASONS].sort()).toEqual([...new Set([...REPLACEMENT_REASONS, ...EXTENSION_REASONS, ...EARLY_END_REASONS, ...DECLINE_REASONS])].sort());
  });
});

describe("statuses", () => {
  const allowed: [PairStatus, PairStatus][] = [
    ["awaiting", "active"],
    ["awaiting", "declined"],
    ["active", "ended"],
  ];

  it("allow only the forward moves", () => {
    for (const from of PAIR_STATUSES) {
      for (const to of PAIR_STATUSES) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it.each([
    ["awaiting", "ended"],
    ["active", "awaiting"],
    ["active", "declined"],
    ["declined", "active"],
    ["ended", "active"],
    ["active", "active"],
  ] as [PairStatus, PairStatus][])("forbid %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });
});

describe("agreement parties", () => {
  it("of an adult pair: mentor and mentee", () => {
    const input = { mentor: adult("t1", 100), mentees: [adult("t2", 200)] };
    expect(requiredParties(input)).toEqual([
      { kind: "mentor", membershipId: "t1", userId: 100 },
      { kind: "mentee", membershipId: "t2", userId: 200 },
    ]);
    expect(parentsOnPaper(input)).toEqual([]);
  });

  it("of a minor mentee with a parent in the bot: the parent too", () => {
    const input = { mentor: adult("t1", 100), mentees: [minor("s1", 300, 301)] };
    expect(requiredParties(input)).toEqual([
      { kind: "mentor", membershipId: "t1", userId: 100 },
      { kind: "mentee", membershipId: "s1", userId: 300 },
      { kind: "parent", membershipId: "s1", userId: 301 },
    ]);
    expect(parentsOnPaper(input)).toEqual([]);
  });

  it("of a minor whose consent is on paper: no parent party, the minor is listed for the curator", () => {
    const input = { mentor: adult("t1", 100), mentees: [minor("s1", 300, null)] };
    expect(requiredParties(input)).toEqual([
      { kind: "mentor", membershipId: "t1", userId: 100 },
      { kind: "mentee", membershipId: "s1", userId: 300 },
    ]);
    expect(parentsOnPaper(input)).toEqual([{ kind: "mentee", membershipId: "s1" }]);
  });

  it("of a group of three with a student mentor: every mentee and the parents of all minors", () => {
    const input = { mentor: minor("m", 10, 11), mentees: [minor("a", 20, 21), minor("b", 30, null), adult("c", 40)] };
    expect(requiredParties(input)).toEqual([
      { kind: "mentor", membershipId: "m", userId: 10 },
      { kind: "parent", membershipId: "m", userId: 11 },
      { kind: "mentee", membershipId: "a", userId: 20 },
      { kind: "parent", membershipId: "a", userId: 21 },
      { kind: "mentee", membershipId: "b", userId: 30 },
      { kind: "mentee", membershipId: "c", userId: 40 },
    ]);
    expect(parentsOnPaper(input)).toEqual([{ kind: "mentee", membershipId: "b" }]);
  });

  it("of a minor mentor on paper, and an adult's parent is ignored", () => {
    const input = { mentor: minor("m", 10, null), mentees: [{ ...adult("c", 40), parentUserId: 41 }] };
    expect(requiredParties(input).map(partyKey)).toEqual(["mentor:m", "mentee:c"]);
    expect(parentsOnPaper(input)).toEqual([{ kind: "mentor", membershipId: "m" }]);
  });

  it("keep a person without a Telegram account (userId null)", () => {
    expect(requiredParties({ mentor: adult("t1", null), mentees: [adult("t2", 2)] })[0]).toEqual({ kind: "mentor", membershipId: "t1", userId: null });
  });

  it("refuse the same person twice", () => {
    expect(() => requiredParties({ mentor: adult("x", 1), mentees: [adult("x", 1)] })).toThrow(RangeError);
    expect(() => parentsOnPaper({ mentor: adult("x", 1), mentees: [adult("y", 2), adult("y", 2)] })).toThrow(RangeError);
  });
});

describe("party keys", () => {
  it("are kind:membershipId", () => {
    expect(partyKey({ kind: "mentor", membershipId: "65f0a1b2c3d4e5f6a7b8c9d0" })).toBe("mentor:65f0a1b2c3d4e5f6a7b8c9d0");
    expect(partyKey({ kind: "parent", membershipId: "s1" })).toBe("parent:s1");
  });

  it.each(["", "a.b", "$x", "a:b"])("refuse an id unfit for a MongoDB field name: %j", (id) => {
    expect(() => partyKey({ kind: "mentee", membershipId: id })).toThrow(RangeError);
  });
});

describe("agreement outcome", () => {
  const parties = requiredParties({ mentor: adult("t1", 100), mentees: [minor("s1", 300, 301), adult("s2", 400)] });
  const [mentor, mentee1, parent1, mentee2] = parties as [Party, Party, Party, Party];
  const answersOf = (entries: [Party, AgreementAnswer][]) => Object.fromEntries(entries.map(([p, a]) => [partyKey(p), a]));

  it("is pending with nobody's answer, waiting for everyone", () => {
    expect(agreementOutcome(parties, {})).toEqual({ status: "pending", waitingFor: parties, declinedBy: [] });
  });

  it("is pending while someone has not answered", () => {
    const out = agreementOutcome(parties, answersOf([[mentor, "accepted"], [mentee1, "accepted"], [mentee2, "accepted"]]));
    expect(out.status).toBe("pending");
    expect(out.waitingFor).toEqual([parent1]);
  });

  it("is agreed when everyone accepted; extra answers are ignored", () => {
    const answers = { ...answersOf(parties.map((p) => [p, "accepted"])), "mentee:stranger": "declined" as const };
    expect(agreementOutcome(parties, answers)).toEqual({ status: "agreed", waitingFor: [], declinedBy: [] });
  });

  it("is declined at once by a single decline, even with others unanswered", () => {
    const out = agreementOutcome(parties, answersOf([[parent1, "declined"]]));
    expect(out).toEqual({ status: "declined", waitingFor: [], declinedBy: [parent1] });
  });

  it("is declined when everyone else accepted but one declined, and lists all who declined", () => {
    expect(agreementOutcome(parties, answersOf([[mentor, "accepted"], [mentee1, "accepted"], [parent1, "accepted"], [mentee2, "declined"]])).declinedBy).toEqual([mentee2]);
    expect(agreementOutcome(parties, answersOf([[mentor, "declined"], [mentee2, "declined"]])).declinedBy).toEqual([mentor, mentee2]);
  });

  it("does not read inherited properties as answers, and is pending with no parties", () => {
    const inherited = Object.create({ "mentor:x": "accepted" }) as Record<string, AgreementAnswer>;
    expect(agreementOutcome([{ kind: "mentor", membershipId: "x", userId: 1 }], inherited).status).toBe("pending");
    expect(agreementOutcome([], {}).status).toBe("pending");
  });
});

describe("reminder", () => {
  const proposedAt = utc(2026, 2, 1, 10);
  it("is not due before N days", () => {
    expect(reminderDue({ proposedAt, remindedAt: null, now: new Date(proposedAt.getTime() + 3 * DAY - 1), afterDays: 3 })).toBe(false);
  });
  it("is due exactly at N days and after", () => {
    expect(reminderDue({ proposedAt, remindedAt: null, now: new Date(proposedAt.getTime() + 3 * DAY), afterDays: 3 })).toBe(true);
    expect(reminderDue({ proposedAt, remindedAt: null, now: new Date(proposedAt.getTime() + 10 * DAY), afterDays: 3 })).toBe(true);
  });
  it("is sent only once", () => {
    const remindedAt = new Date(proposedAt.getTime() + 3 * DAY);
    expect(reminderDue({ proposedAt, remindedAt, now: new Date(proposedAt.getTime() + 3 * DAY), afterDays: 3 })).toBe(false);
    expect(reminderDue({ proposedAt, remindedAt, now: new Date(proposedAt.getTime() + 30 * DAY), afterDays: 3 })).toBe(false);
  });
});

describe("term", () => {
  // The school's today (dates.ts `schoolToday`): a day, not a moment.
  const now = utc(2026, 3, 10);

  it("accepts an ordinary term", () => {
    expect(validateTerm(utc(2026, 1, 15), utc(2026, 5, 31), now)).toBe("ok");
  });

  it("refuses an end before or on the start", () => {
    expect(validateTerm(utc(2026, 5, 31), utc(2026, 1, 15), now)).toBe("end-before-start");
    expect(validateTerm(utc(2026, 3, 1), utc(2026, 3, 1), now)).toBe("end-before-start");
  });

  it("allows exactly two years, not a day more", () => {
    expect(validateTerm(utc(2026, 3, 1), utc(2028, 3, 1), now)).toBe("ok");
    expect(validateTerm(utc(2026, 3, 1), utc(2028, 3, 2), now)).toBe("too-long");
  });

  it("allows a start exactly a year ago, not a day earlier", () => {
    expect(validateTerm(utc(2025, 3, 10), utc(2025, 5, 31), now)).toBe("ok");
    expect(validateTerm(utc(2025, 3, 9), utc(2025, 5, 31), now)).toBe("start-too-old");
  });

  it("refuses a start more than a year ahead", () => {
    expect(validateTerm(utc(2027, 3, 10), utc(2027, 5, 31), now)).toBe("ok");
    expect(validateTerm(utc(2027, 3, 11), utc(2027, 5, 31), now)).toBe("start-too-far");
  });

  it("extends only to a later end", () => {
    expect(validateExtension(utc(2026, 5, 31), utc(2026, 6, 30))).toBe("ok");
    expect(validateExtension(utc(2026, 5, 31), utc(2026, 5, 31))).toBe("not-later");
    expect(validateExtension(utc(2026, 5, 31), utc(2026, 4, 30))).toBe("not-later");
  });
});

describe("default term", () => {
  it("ends on 31 May of the next calendar year for an autumn start", () => {
    expect(defaultTerm(utc(2025, 10, 1))).toEqual(utc(2026, 5, 31));
    expect(defaultTerm(utc(2025, 9, 1))).toEqual(utc(2026, 5, 31));
  });
  it("ends on 31 May of the same year for a spring start", () => {
    expect(defaultTerm(utc(2026, 3, 15))).toEqual(utc(2026, 5, 31));
    expect(defaultTerm(utc(2026, 1, 1))).toEqual(utc(2026, 5, 31));
  });
  it("never ends on or before the start: a summer start or 31 May goes to the next May", () => {
    expect(defaultTerm(utc(2026, 5, 31))).toEqual(utc(2027, 5, 31));
    expect(defaultTerm(utc(2026, 7, 1))).toEqual(utc(2027, 5, 31));
    expect(defaultTerm(utc(2026, 5, 30))).toEqual(utc(2026, 5, 31));
  });
  it("gives a valid term", () => {
    const start = utc(2025, 10, 1);
    expect(validateTerm(start, defaultTerm(start), utc(2025, 10, 1))).toBe("ok");
  });
});


describe("capacity", () => {
  it("keeps the regulation's maximum of three, shared with matching", () => {
    expect(MAX_MENTEES_PER_MENTOR).toBe(3);
    expect(MAX_MENTEES_PER_MENTOR).toBe(MATCHING_MAX);
  });

  it.each([
    [1, "ok"],
    [2, "ok"],
    [3, "ok"],
    [0, "out-of-range"],
    [4, "out-of-range"],
    [-1, "out-of-range"],
    [2.5, "out-of-range"],
    [Number.NaN, "out-of-range"],
  ])("limit %d is %s", (limit, expected) => {
    expect(validateLimit(limit)).toBe(expected);
  });

  it("allows one mentor with 1–3 mentees", () => {
    expect([0, 1, 2, 3, 4, 1.5].map(groupSizeOk)).toEqual([false, true, true, true, false, false]);
  });
});

const RU = new URL("../../locales/ru.ftl", import.meta.url);
const EN = new URL("../../locales/en.ftl", import.meta.url);

describe("labels", () => {
  const entriesOf = (file: URL) =>
    readFileSync(file, "utf8")
      .split("\n")
      .map((line) => /^([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ key: m[1]!, value: m[2]!.trim() }));
  const ruEntries = entriesOf(RU);
  const enEntries = entriesOf(EN);
  const ru = ruEntries.map((e) => e.key);
  const en = enEntries.map((e) => e.key);

  it("have the same keys, once each, in Russian and English, each with a value", () => {
    expect(new Set(ru).size).toBe(ru.length);
    expect(new Set(en).size).toBe(en.length);
    // The pairs' labels are one-liners; other keys of the locales may be multi-line.
    const ours = /^(role-model|reason|pair-status|pair-event)-/;
    expect([...ruEntries, ...enEntries].filter((e) => ours.test(e.key) && e.value === "")).toEqual([]);
    expect([...ru].sort()).toEqual([...en].sort());
  });

  it("exist for every role model, reason, status and event in both files", () => {
    const needed = [
      ...FORMS.flatMap((f) => ROLE_MODELS[f].map(roleModelKey)),
      ...REPLACEMENT_REASONS.map((r) => reasonKey("replace", r)),
      ...EXTENSION_REASONS.map((r) => reasonKey("extend", r)),
      ...EARLY_END_REASONS.map((r) => reasonKey("end", r)),
      ...DECLINE_REASONS.map((r) => reasonKey("decline", r)),
      ...PAIR_STATUSES.map(pairStatusKey),
      ...PAIR_EVENT_KINDS.map(describeEventKey),
      ...["end-before-start", "too-long", "start-too-old", "start-too-far"].map((p) => `term-problem-${p}`),
      "extension-problem-not-later",
      "date-problem-not-a-date",
      "date-problem-in-the-future",
      "date-problem-before-start",
      "limit-problem-out-of-range",
    ];
    for (const keys of [ru, en]) expect(needed.filter((k) => !keys.includes(k))).toEqual([]);
    expect(describeEventKey("mentor-replaced")).toBe("pair-event-mentor-replaced");
    expect(reasonKey("replace", "mentee-request")).toBe("reason-replace-mentee-request");
    expect(roleModelKey("leader-passive")).toBe("role-model-leader-passive");
  });

  it("use the regulation's Russian wording for role models", () => {
    const ruText = readFileSync(RU, "utf8");
    expect(ruText).toContain("role-model-achiever-underachiever = успевающий – неуспевающий");
    expect(ruText).toContain("role-model-experienced-young = опытный педагог – молодой специалист");
    expect(ruText).toContain("pair-event-mentor-replaced = наставник заменён");
  });
});
