import { describe, expect, it } from "vitest";
import {
  answerAge,
  decideOwnConsent,
  issueParentLink,
  openParentLink,
  paperConsentTarget,
  parentDecide,
  participantPanel,
  participantStep,
  recordPaperConsent,
  startConsent,
  withdrawChildConsent,
  withdrawOwnConsent,
} from "../../src/services/consent.js";
import { keptAbout } from "../../src/services/privacy.js";
import { useServices } from "../support/services.js";
import { invited, newUserId, schoolWithCurator } from "./intakeSetup.js";

// Consent as a service against FerretDB: an adult's own, a parent's through a link, a paper one,
// withdrawal; who may do each; and the races people run into, each with one outcome.

const f = useServices();
const as = (userId: number) => ({ userId });

describe("an adult's own consent", () => {
  it("asks the age, records the acceptance once, and opens the questionnaire", async () => {
    const { programmeId } = await schoolWithCurator(f.store, f.deps.clock());
    const teacher = await invited(f.store, f.deps.clock(), programmeId, "mentee", "teacher");

    const start = await startConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId });
    expect(start).toMatchObject({ ok: true, value: { askAge: true, minor: false, school: "МОУ СШ № 2", year: "2026/2027" } });
    expect(await answerAge(f.deps, as(teacher.userId), { membershipId: teacher.membershipId, minor: false })).toEqual({ ok: true, value: { link: null } });
    expect(await decideOwnConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId, accept: true })).toEqual({ ok: true, value: { intake: "questionnaire" } });

    expect(await f.store.consents.history(teacher.membershipId)).toMatchObject([{ relation: "self", decision: "accepted", method: "bot", givenBy: teacher.userId }]);
    // A second tap changes nothing.
    expect(await decideOwnConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId, accept: false })).toMatchObject({ ok: false, kind: "stale" });
    expect(await startConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId })).toMatchObject({ ok: false, reason: "consent-already-questionnaire" });
    expect(await participantStep(f.deps, as(teacher.userId), { membershipId: teacher.membershipId, step: "q" })).toEqual({ ok: true, value: { step: "questionnaire", membershipId: teacher.membershipId } });
  });

  it("a decline tells the curators; the person may change their mind", async () => {
    const { programmeId, curator } = await schoolWithCurator(f.store, f.deps.clock());
    const mentor = await invited(f.store, f.deps.clock(), programmeId, "mentor", "teacher");
    expect(await decideOwnConsent(f.deps, as(mentor.userId), { membershipId: mentor.membershipId, accept: false })).toEqual({ ok: true, value: { intake: "declined" } });
    expect(f.deps.notices.to(curator)).toEqual([
      { to: curator, key: "curator-consent-declined", vars: { role: "mentor", category: "teacher", grade: 0, relation: { key: "consent-relation-self" } } },
    ]);
    expect(await participantStep(f.deps, as(mentor.userId), { membershipId: mentor.membershipId, step: "q" })).toMatchObject({ ok: false, kind: "rule", reason: "questionnaire-not-yet-declined" });
    f.setNow(new Date(f.deps.clock().getTime() + 60_000));
    expect(await decideOwnConsent(f.deps, as(mentor.userId), { membershipId: mentor.membershipId, accept: true })).toEqual({ ok: true, value: { intake: "questionnaire" } });
    expect((await f.store.consents.history(mentor.membershipId)).map((c) => c.decision)).toEqual(["declined", "accepted"]);
  });

  it("refuses someone else's membership, a curator's, and a minor's own consent; nothing changes", async () => {
    const { programmeId, curator } = await schoolWithCurator(f.store, f.deps.clock());
    const teacher = await invited(f.store, f.deps.clock(), programmeId, "mentee", "teacher");
    const pupil = await invited(f.store, f.deps.clock(), programmeId, "mentee", "student", 7);
    const stranger = newUserId();
    for (const who of [stranger, curator, pupil.userId]) {
      expect(await decideOwnConsent(f.deps, as(who), { membershipId: teacher.membershipId, accept: true })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await startConsent(f.deps, as(who), { membershipId: teacher.membershipId })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await issueParentLink(f.deps, as(who), { membershipId: teacher.membershipId })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await withdrawOwnConsent(f.deps, as(who), { membershipId: teacher.membershipId })).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await participantPanel(f.deps, as(who), { membershipId: teacher.membershipId })).toMatchObject({ ok: false, kind: "not-allowed" });
    }
    // A pupil's consent is the parent's to give.
    expect(await decideOwnConsent(f.deps, as(pupil.userId), { membershipId: pupil.membershipId, accept: true })).toMatchObject({ ok: false, kind: "not-allowed" });
    const curatorMembership = (await f.store.memberships.find(curator, programmeId, "curator"))!;
    expect(await decideOwnConsent(f.deps, as(curator), { membershipId: curatorMembership._id, accept: true })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect((await f.store.memberships.get(teacher.membershipId))?.intake).toBe("invited");
    expect((await f.store.memberships.get(pupil.membershipId))?.intake).toBe("invited");
    expect(await f.store.consents.history(teacher.membershipId)).toEqual([]);
    expect(f.deps.notices.sent).toEqual([]);
  });
});

describe("a parent's consent", () => {
  it("the link: the child cannot use it, the first opener is bound to it, the child and curators are told", async () => {
    const { programmeId, curator } = await schoolWithCurator(f.store, f.deps.clock());
    const pupil = await invited(f.store, f.deps.clock(), programmeId, "mentee", "student", 7);
    expect(await startConsent(f.deps, as(pupil.userId), { membershipId: pupil.membershipId })).toMatchObject({ ok: true, value: { askAge: false, minor: true } });
    const issued = await issueParentLink(f.deps, as(pupil.userId), { membershipId: pupil.membershipId });
    if (!issued.ok) throw new Error("no link");
    expect((await f.store.memberships.get(pupil.membershipId))?.intake).toBe("parent");

    const parent = newUserId();
    const stranger = newUserId();
    expect(await openParentLink(f.deps, as(pupil.userId), { token: issued.value.token })).toMatchObject({ ok: false, reason: "parent-link-is-for-parent" });
    expect(await openParentLink(f.deps, as(parent), { token: "nonsense" })).toMatchObject({ ok: false, reason: "link-unknown" });
    expect(await openParentLink(f.deps, as(parent), { token: issued.value.token })).toMatchObject({ ok: true, value: { membershipId: pupil.membershipId, childUserId: pupil.userId, grade: 7, school: "МОУ СШ № 2", city: "Ярославль" } });
    expect(await openParentLink(f.deps, as(stranger), { token: issued.value.token })).toMatchObject({ ok: false, reason: "parent-link-used" });
    // Someone who did not open the link cannot decide on it, nor can the child.
    for (const who of [stranger, pupil.userId, curator]) {
      expect(await parentDecide(f.deps, as(who), { membershipId: pupil.membershipId, accept: true })).toMatchObject({ ok: false, kind: "not-allowed" });
    }
    expect(await f.store.consents.history(pupil.membershipId)).toEqual([]);

    expect(await parentDecide(f.deps, as(parent), { membershipId: pupil.membershipId, accept: true })).toEqual({ ok: true, value: { accepted: true } });
    expect(await parentDecide(f.deps, as(parent), { membershipId: pupil.membershipId, accept: false })).toMatchObject({ ok: false });
    expect(await f.store.consents.history(pupil.membershipId)).toMatchObject([{ relation: "parent", decision: "accepted", method: "bot", givenBy: parent, userId: pupil.userId }]);
    expect((await f.store.memberships.get(pupil.membershipId))?.intake).toBe("questionnaire");
    expect(f.deps.notices.to(pupil.userId)).toEqual([
      { to: pupil.userId, key: "child-parent-accepted", actions: [[{ label: { key: "questionnaire-start" }, action: { type: "participantStep", step: "q", membershipId: pupil.membershipId } }]] },
    ]);
    expect(f.deps.notices.keys(curator)).toEqual(["curator-parent-accepted"]);

    // The parent now sees the child in /privacy and may withdraw for them; a stranger may not.
    const kept = await keptAbout(f.deps, as(parent));
    expect(kept).toMatchObject({ ok: true, value: { roles: [], asParent: [{ membershipId: pupil.membershipId, grade: 7 }] } });
    expect(await withdrawChildConsent(f.deps, as(stranger), { membershipId: pupil.membershipId })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await withdrawChildConsent(f.deps, as(pupil.userId), { membershipId: pupil.membershipId })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await withdrawChildConsent(f.deps, as(parent), { membershipId: pupil.membershipId })).toEqual({ ok: true, value: { removed: 1 } });
    expect(await f.store.memberships.ofUser(pupil.userId)).toEqual([]);
    expect(f.deps.notices.keys(pupil.userId)).toContain("child-parent-withdrew");
    expect(f.deps.notices.keys(curator)).toContain("curator-consent-withdrawn");
  });

  it("an adult-category person under 18 gets the parent path; a decline stores nothing personal", async () => {
    const { programmeId, curator } = await schoolWithCurator(f.store, f.deps.clock());
    const young = await invited(f.store, f.deps.clock(), programmeId, "mentor", "university");
    const answered = await answerAge(f.deps, as(young.userId), { membershipId: young.membershipId, minor: true });
    expect(answered).toMatchObject({ ok: true, value: { link: { membershipId: young.membershipId } } });
    expect(await f.store.memberships.get(young.membershipId)).toMatchObject({ intake: "parent", saidUnder18: true });
    const parent = newUserId();
    const token = answered.ok ? answered.value.link!.token : "";
    expect((await openParentLink(f.deps, as(parent), { token })).ok).toBe(true);
    expect(await parentDecide(f.deps, as(parent), { membershipId: young.membershipId, accept: false })).toEqual({ ok: true, value: { accepted: false } });
    expect((await f.store.memberships.get(young.membershipId))?.intake).toBe("declined");
    expect(await f.store.profiles.get(young.membershipId)).toBeNull();
    expect(f.deps.notices.keys(young.userId)).toEqual(["child-parent-declined"]);
    expect(f.deps.notices.keys(curator)).toEqual(["curator-consent-declined"]);
  });

  it("«Ссылка для родителя» pressed 100 times: one valid link, the last; the old ones say they were replaced", async () => {
    const { programmeId } = await schoolWithCurator(f.store, f.deps.clock());
    const pupil = await invited(f.store, f.deps.clock(), programmeId, "mentee", "student", 7);
    const first = await issueParentLink(f.deps, as(pupil.userId), { membershipId: pupil.membershipId });
    if (!first.ok) throw new Error("no link");
    expect(first.value.replaced).toBe(false);
    // A parent opens the first link before the child presses again: it is bound to them, then replaced.
    const early = newUserId();
    expect((await openParentLink(f.deps, as(early), { token: first.value.token })).ok).toBe(true);
    const tokens = [first.value.token];
    for (let i = 0; i < 100; i++) {
      const pressed = await participantStep(f.deps, as(pupil.userId), { membershipId: pupil.membershipId, step: "pl" });
      if (!pressed.ok || pressed.value.step !== "parent-link") throw new Error("no link");
      expect(pressed.value.link.replaced).toBe(true);
      tokens.push(pressed.value.link.token);
    }
    const valid = await f.store.parentLinks.validOf(pupil.membershipId);
    expect(valid).toHaveLength(1);
    expect((await f.store.parentLinks.findByToken(tokens.at(-1)!))?._id).toBe(valid[0]!._id);
    // The parent who opened the first link can no longer answer on it.
    expect(await parentDecide(f.deps, as(early), { membershipId: pupil.membershipId, accept: true })).toMatchObject({ ok: false, reason: "parent-link-replaced" });
    for (const old of [tokens[0]!, tokens[1]!, tokens[50]!, tokens[99]!]) {
      expect(await openParentLink(f.deps, as(newUserId()), { token: old })).toMatchObject({ ok: false, kind: "stale", reason: "parent-link-replaced" });
    }
    const parent = newUserId();
    expect((await openParentLink(f.deps, as(parent), { token: tokens.at(-1)! })).ok).toBe(true);
    expect(await parentDecide(f.deps, as(parent), { membershipId: pupil.membershipId, accept: true })).toEqual({ ok: true, value: { accepted: true } });
    expect(await f.store.consents.history(pupil.membershipId)).toHaveLength(1);
  });

  it("presses at the same moment still leave one valid link", async () => {
    const { programmeId } = await schoolWithCurator(f.store, f.deps.clock());
    const pupil = await invited(f.store, f.deps.clock(), programmeId, "mentee", "student", 6);
    await issueParentLink(f.deps, as(pupil.userId), { membershipId: pupil.membershipId });
    await Promise.all(Array.from({ length: 8 }, () => participantStep(f.deps, as(pupil.userId), { membershipId: pupil.membershipId, step: "pl" })));
    expect(await f.store.parentLinks.validOf(pupil.membershipId)).toHaveLength(1);
  });

  it("an expired link is refused", async () => {
    const { programmeId } = await schoolWithCurator(f.store, f.deps.clock());
    const pupil = await invited(f.store, f.deps.clock(), programmeId, "mentee", "student", 5);
    const issued = await issueParentLink(f.deps, as(pupil.userId), { membershipId: pupil.membershipId });
    f.setNow(new Date(f.deps.clock().getTime() + 15 * 86_400_000));
    expect(await openParentLink(f.deps, as(newUserId()), { token: issued.ok ? issued.value.token : "" })).toMatchObject({ ok: false, reason: "parent-link-expired" });
  });
});

describe("a paper consent", () => {
  it("is recorded by the programme's curator only, with a checked date, once", async () => {
    const { programmeId, curator } = await schoolWithCurator(f.store, f.deps.clock());
    const other = await schoolWithCurator(f.store, f.deps.clock(), "Школа Б");
    const pupil = await invited(f.store, f.deps.clock(), programmeId, "mentee", "student", 5);
    const input = { programmeId, membershipId: pupil.membershipId, signedBy: "Смирнова Е. В.", signedOn: "15.11.2025" };

    for (const who of [other.curator, pupil.userId, newUserId()]) {
      expect(await recordPaperConsent(f.deps, as(who), input)).toMatchObject({ ok: false, kind: "not-allowed" });
      expect(await paperConsentTarget(f.deps, as(who), input)).toMatchObject({ ok: false, kind: "not-allowed" });
    }
    // Through the other curator's own programme: the person is not in it.
    expect(await recordPaperConsent(f.deps, as(other.curator), { ...input, programmeId: other.programmeId })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await recordPaperConsent(f.deps, as(curator), { ...input, signedOn: "31.02.2025" })).toMatchObject({ ok: false, reason: "paper-bad-date" });
    expect(await f.store.consents.history(pupil.membershipId)).toEqual([]);

    expect(await paperConsentTarget(f.deps, as(curator), input)).toMatchObject({ ok: true, value: { minor: true, grade: 5 } });
    expect(await recordPaperConsent(f.deps, as(curator), input)).toEqual({ ok: true, value: { membershipId: pupil.membershipId } });
    expect(await recordPaperConsent(f.deps, as(curator), input)).toMatchObject({ ok: false, reason: "paper-not-needed" });
    expect(await f.store.consents.history(pupil.membershipId)).toMatchObject([
      { decision: "accepted", method: "paper", relation: "parent", recordedBy: curator, signedBy: "Смирнова Е. В.", signedOn: new Date("2025-11-15T00:00:00Z"), givenBy: null },
    ]);
    expect(f.deps.notices.keys(pupil.userId)).toEqual(["paper-recorded-for-you"]);
  });
});

describe("withdrawal", () => {
  it("deletes the person's answers, consents and role, keeps an anonymous record and tells the curators", async () => {
    const { programmeId, curator } = await schoolWithCurator(f.store, f.deps.clock());
    const teacher = await invited(f.store, f.deps.clock(), programmeId, "mentor", "teacher");
    await decideOwnConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId, accept: true });
    await f.store.profiles.open({ _id: teacher.membershipId, userId: teacher.userId, programmeId, questionnaireId: "mentor-teacher", version: 1, cursor: "full-name" }, f.deps.clock());
    f.deps.notices.clear();

    expect(await withdrawOwnConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId })).toEqual({ ok: true, value: { removed: 1 } });
    expect(await f.store.memberships.get(teacher.membershipId)).toBeNull();
    expect(await f.store.profiles.get(teacher.membershipId)).toBeNull();
    expect(await f.store.consents.ofUser(teacher.userId)).toEqual([]);
    expect(await f.store.claims.holderOf(`intake:${teacher.membershipId}`)).toBeNull();
    expect(f.deps.notices.keys(curator)).toEqual(["curator-consent-withdrawn"]);
    expect(await withdrawOwnConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId })).toMatchObject({ ok: false, kind: "not-allowed" });
  });
});

describe("races, each with one outcome (FerretDB)", () => {
  it("accept racing decline: one decision stands", async () => {
    const { programmeId } = await schoolWithCurator(f.store, f.deps.clock());
    const teacher = await invited(f.store, f.deps.clock(), programmeId, "mentee", "teacher");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => decideOwnConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId, accept: i % 2 === 0, seen: "invited" })),
    );
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const history = await f.store.consents.history(teacher.membershipId);
    expect(history).toHaveLength(1);
    const intake = (await f.store.memberships.get(teacher.membershipId))?.intake;
    expect(intake).toBe(history[0]!.decision === "accepted" ? "questionnaire" : "declined");
    expect(won[0]).toEqual({ ok: true, value: { intake } });
    expect(await f.store.claims.holderOf(`intake:${teacher.membershipId}`)).toBeNull();
  });

  it("a paper consent racing the parent's tap: one acceptance is recorded", async () => {
    for (const accept of [true, false, true, false]) {
      const { programmeId, curator } = await schoolWithCurator(f.store, f.deps.clock(), `Школа ${newUserId()}`);
      const pupil = await invited(f.store, f.deps.clock(), programmeId, "mentee", "student", 6);
      const issued = await issueParentLink(f.deps, as(pupil.userId), { membershipId: pupil.membershipId });
      const parent = newUserId();
      await openParentLink(f.deps, as(parent), { token: issued.ok ? issued.value.token : "" });
      const [byParent, onPaper] = await Promise.all([
        parentDecide(f.deps, as(parent), { membershipId: pupil.membershipId, accept }),
        recordPaperConsent(f.deps, as(curator), { programmeId, membershipId: pupil.membershipId, signedBy: "Иванова", signedOn: "01.11.2025" }),
      ]);
      const history = await f.store.consents.history(pupil.membershipId);
      if (byParent.ok && onPaper.ok) {
        // A parent's decline first, then the signed paper: both stand, in that order (a family may
        // sign on paper after declining in the bot); never two acceptances.
        expect(accept).toBe(false);
        // (Both records carry the fixture's one fixed time, so their stored order says nothing.)
        expect(history.map((c) => `${c.method}:${c.decision}`).sort()).toEqual(["bot:declined", "paper:accepted"]);
        expect((await f.store.memberships.get(pupil.membershipId))?.intake).toBe("questionnaire");
        continue;
      }
      expect([byParent.ok, onPaper.ok].filter(Boolean)).toHaveLength(1);
      expect(history).toHaveLength(1);
      expect(history[0]!.method).toBe(byParent.ok ? "bot" : "paper");
      expect((await f.store.memberships.get(pupil.membershipId))?.intake).toBe(history[0]!.decision === "accepted" ? "questionnaire" : "declined");
    }
  });

  it("a new parent link racing the parent's acceptance never leaves an accepted child waiting", async () => {
    const { programmeId } = await schoolWithCurator(f.store, f.deps.clock());
    const pupil = await invited(f.store, f.deps.clock(), programmeId, "mentee", "student", 8);
    const issued = await issueParentLink(f.deps, as(pupil.userId), { membershipId: pupil.membershipId });
    const parent = newUserId();
    await openParentLink(f.deps, as(parent), { token: issued.ok ? issued.value.token : "" });
    const [decided] = await Promise.all([
      parentDecide(f.deps, as(parent), { membershipId: pupil.membershipId, accept: true }),
      issueParentLink(f.deps, as(pupil.userId), { membershipId: pupil.membershipId }),
      issueParentLink(f.deps, as(pupil.userId), { membershipId: pupil.membershipId }),
    ]);
    expect(decided.ok).toBe(true);
    expect((await f.store.memberships.get(pupil.membershipId))?.intake).toBe("questionnaire");
  });

  it("a withdrawal racing an acceptance leaves nothing personal behind", async () => {
    const { programmeId } = await schoolWithCurator(f.store, f.deps.clock());
    const teacher = await invited(f.store, f.deps.clock(), programmeId, "mentee", "teacher");
    await Promise.all([
      decideOwnConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId, accept: true }),
      withdrawOwnConsent(f.deps, as(teacher.userId), { membershipId: teacher.membershipId }),
    ]);
    const membership = await f.store.memberships.get(teacher.membershipId);
    if (membership === null) expect(await f.store.consents.ofUser(teacher.userId)).toEqual([]);
    else expect(membership.intake).toBe("questionnaire");
  });
});
