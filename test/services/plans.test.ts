import { describe, expect, it } from "vitest";
import {
  acknowledgePlan,
  addPlanItem,
  applyPlanTemplate,
  approvePlan,
  editPlanItem,
  markItemDone,
  openPlan,
  pickPlan,
  planProgress,
  proposeItemDone,
  removePlanItem,
  sendPlan,
} from "../../src/services/plans.js";
import { answerAgreement, proposePair } from "../../src/services/pairs.js";
import { newUserId, pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// The individual plan through the services on FerretDB, no messenger: built, sent, acknowledged,
// approved; a change asks again and keeps the earlier version; progress; refusals; races.

const f = useServices({ operatorIds: [1] });
const { programme, teacherMentor, teacherMentee, input } = pairsSetup(f);

async function activePair(mentees = 1) {
  const { programmeId, curator } = await programme();
  const director = { userId: newUserId() };
  await f.store.memberships.add({ userId: director.userId, programmeId, role: "director", category: null, grade: null, invitationId: null }, f.deps.clock());
  const mentor = await teacherMentor(programmeId, "Ирина Орлова", { limit: 3 });
  const people = [];
  for (let i = 0; i < mentees; i++) people.push(await teacherMentee(programmeId, ["Анна Новикова", "Олег Белов", "Вера Ким"][i]!));
  const proposed = await proposePair(f.deps, curator, input(programmeId, mentor.id, people.map((p) => p.id)));
  if (!proposed.ok) throw new Error(proposed.reason);
  const pairId = proposed.value._id;
  for (const p of people) await answerAgreement(f.deps, p.actor, { pairId, answer: "accepted" });
  expect(await answerAgreement(f.deps, mentor.actor, { pairId, answer: "accepted" })).toEqual({ ok: true, value: "active" });
  f.deps.notices.clear();
  const pair = (await f.store.pairs.get(pairId))!;
  return { programmeId, curator, director, mentor, mentees: people, pairId, pair };
}

const titleOf = (key: string) => `title of ${key}`;
const inTerm = (pair: { startDate: Date }, days: number) => new Date(pair.startDate.getTime() + days * 86_400_000);

describe("the individual plan", () => {
  it("from a template: sent, acknowledged once, approved by the director; everyone told", async () => {
    const { curator, director, mentor, mentees, pairId, pair } = await activePair();
    const anna = mentees[0]!;
    const built = await applyPlanTemplate(f.deps, mentor.actor, { pairId, menteeId: anna.id, templateId: "tt", titleOf });
    expect(built.ok).toBe(true);
    const plan = built.ok ? built.value : null!;
    expect(plan.items.length).toBe(9);
    expect(plan.items[0]!.title).toBe("title of plan-tpl-tt-1");
    expect(plan.items.every((i) => i.due >= pair.startDate && i.due <= pair.plannedEnd)).toBe(true);
    expect(plan.status).toBe("draft");

    // Not yet sent: the mentee cannot acknowledge; staff cannot approve.
    expect(await acknowledgePlan(f.deps, anna.actor, { planId: plan._id, version: 1 })).toMatchObject({ ok: false, reason: "plan-not-sent" });
    expect(await sendPlan(f.deps, mentor.actor, { planId: plan._id })).toMatchObject({ ok: true, value: { status: "sent" } });
    expect(f.deps.notices.keys(anna.actor.userId)).toEqual(["plan-ready-mentee"]);
    expect(await approvePlan(f.deps, director, { planId: plan._id, version: 1 })).toMatchObject({ ok: false, reason: "plan-not-acknowledged" });

    // Only the mentee acknowledges, and only their own plan.
    expect(await acknowledgePlan(f.deps, mentor.actor, { planId: plan._id, version: 1 })).toMatchObject({ ok: false, reason: "plan-mentee-only" });
    expect(await acknowledgePlan(f.deps, anna.actor, { planId: plan._id, version: 1 })).toMatchObject({ ok: true, value: { status: "acknowledged" } });
    expect(f.deps.notices.keys(curator.userId)).toEqual(["plan-acknowledged-staff"]);
    expect(f.deps.notices.keys(director.userId)).toEqual(["plan-acknowledged-staff"]);
    const staffNotice = f.deps.notices.to(director.userId)[0]!;
    expect(staffNotice.actions?.[0]?.[0]?.action).toEqual({ type: "planOpen", pairId, membershipId: anna.id, page: 0 });

    // Neither party approves; the director does.
    expect(await approvePlan(f.deps, mentor.actor, { planId: plan._id, version: 1 })).toMatchObject({ ok: false });
    expect(await approvePlan(f.deps, director, { planId: plan._id, version: 1 })).toMatchObject({ ok: true, value: { status: "approved" } });
    expect(f.deps.notices.keys(mentor.actor.userId)).toEqual(["plan-approved-mentor"]);
    expect(await approvePlan(f.deps, curator, { planId: plan._id, version: 1 })).toMatchObject({ ok: false, reason: "plan-already-approved" });
  });

  it("a change after the acknowledgement keeps the version, starts the next one, and asks again", async () => {
    const { curator, mentor, mentees, pairId, pair } = await activePair();
    const anna = mentees[0]!;
    const added = await addPlanItem(f.deps, mentor.actor, { pairId, menteeId: anna.id, title: "Посещение уроков наставника", kind: "practice", due: inTerm(pair, 20) });
    const planId = added.ok ? added.value._id : "";
    await sendPlan(f.deps, mentor.actor, { planId });
    await acknowledgePlan(f.deps, anna.actor, { planId, version: 1 });
    await approvePlan(f.deps, curator, { planId, version: 1 });

    const changed = await addPlanItem(f.deps, mentor.actor, { pairId, menteeId: anna.id, title: "Открытый урок", kind: "practice", due: inTerm(pair, 60) });
    expect(changed).toMatchObject({ ok: true, value: { version: 2, status: "draft", acknowledged: null, approved: null } });
    const kept = await f.store.plans.versionsOf(planId);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ version: 1, status: "approved" });
    expect(kept[0]!.items.map((i) => i.title)).toEqual(["Посещение уроков наставника"]);

    // A second change to the new draft keeps no further version.
    const item = changed.ok ? changed.value.items[1]! : null!;
    await editPlanItem(f.deps, mentor.actor, { planId, itemId: item.id, title: "Открытый урок по теме «Дроби»" });
    expect(await f.store.plans.versionsOf(planId)).toHaveLength(1);

    // The old acknowledgement does not count for the new version.
    expect(await acknowledgePlan(f.deps, anna.actor, { planId, version: 1 })).toMatchObject({ ok: false });
    f.deps.notices.clear();
    await sendPlan(f.deps, mentor.actor, { planId });
    expect(f.deps.notices.keys(anna.actor.userId)).toEqual(["plan-changed-mentee"]);
    expect(await acknowledgePlan(f.deps, anna.actor, { planId, version: 2 })).toMatchObject({ ok: true, value: { status: "acknowledged", version: 2 } });
  });

  it("progress: the mentor marks done; the mentee proposes and the mentor confirms", async () => {
    const { mentor, mentees, pairId, pair } = await activePair();
    const anna = mentees[0]!;
    await addPlanItem(f.deps, mentor.actor, { pairId, menteeId: anna.id, title: "Первое", kind: "acquaintance", due: inTerm(pair, 5) });
    const two = await addPlanItem(f.deps, mentor.actor, { pairId, menteeId: anna.id, title: "Второе", kind: "theory", due: inTerm(pair, 30) });
    const plan = two.ok ? two.value : null!;
    const [first, second] = plan.items;
    expect(await markItemDone(f.deps, mentor.actor, { planId: plan._id, itemId: first!.id })).toMatchObject({ ok: true });
    expect(await markItemDone(f.deps, mentor.actor, { planId: plan._id, itemId: first!.id })).toMatchObject({ ok: false, reason: "plan-item-already-done" });
    // The mentee cannot mark done, only propose.
    expect(await markItemDone(f.deps, anna.actor, { planId: plan._id, itemId: second!.id })).toMatchObject({ ok: false, reason: "plan-mentor-only" });
    expect(await proposeItemDone(f.deps, anna.actor, { planId: plan._id, itemId: second!.id })).toMatchObject({ ok: true });
    expect(await proposeItemDone(f.deps, anna.actor, { planId: plan._id, itemId: second!.id })).toMatchObject({ ok: false, reason: "plan-item-already-proposed" });
    expect(f.deps.notices.keys(mentor.actor.userId)).toEqual(["plan-done-proposed-mentor"]);
    expect((await planProgress(f.deps, pairId)).get(anna.id)).toEqual({ done: 1, total: 2 });
    await markItemDone(f.deps, mentor.actor, { planId: plan._id, itemId: second!.id });
    expect(f.deps.notices.keys(anna.actor.userId)).toEqual(["plan-done-confirmed-mentee"]);
    expect((await planProgress(f.deps, pairId)).get(anna.id)).toEqual({ done: 2, total: 2 });
    // Marking done is progress, not a change: the status and version stay.
    expect((await f.store.plans.get(plan._id))!.version).toBe(1);
  });

  it("in a group each mentee has their own plan, and sees only theirs", async () => {
    const { mentor, mentees, pairId, pair } = await activePair(2);
    const [anna, oleg] = mentees;
    await addPlanItem(f.deps, mentor.actor, { pairId, menteeId: anna!.id, title: "Для Анны", kind: "other", due: inTerm(pair, 10) });
    await applyPlanTemplate(f.deps, mentor.actor, { pairId, menteeId: oleg!.id, templateId: "tt", titleOf });
    const progress = await planProgress(f.deps, pairId);
    expect(progress.get(anna!.id)).toEqual({ done: 0, total: 1 });
    expect(progress.get(oleg!.id)).toEqual({ done: 0, total: 9 });
    expect(await openPlan(f.deps, anna!.actor, { pairId, membershipId: oleg!.id, page: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
    const own = await pickPlan(f.deps, anna!.actor, { pairId });
    expect(own.ok && own.value.mentees.map((m) => m.membershipId)).toEqual([anna!.id]);
    const all = await pickPlan(f.deps, mentor.actor, { pairId });
    expect(all.ok && all.value.mentees.map((m) => m.progress.total)).toEqual([1, 9]);
    const page = await openPlan(f.deps, mentor.actor, { pairId, membershipId: oleg!.id, page: 0 });
    expect(page.ok && page.value.items.items.length).toBe(9);
  });

  it("bad input is refused and changes nothing", async () => {
    const { mentor, mentees, pairId, pair } = await activePair();
    const anna = mentees[0]!;
    const stranger = await pairsSetup(f).programme("Другая школа");
    const item = { pairId, menteeId: anna.id, kind: "theory" as const, due: inTerm(pair, 10) };
    expect(await addPlanItem(f.deps, mentor.actor, { ...item, title: "   " })).toMatchObject({ ok: false, reason: "plan-title-empty" });
    expect(await addPlanItem(f.deps, mentor.actor, { ...item, title: "x".repeat(201) })).toMatchObject({ ok: false, reason: "plan-title-too-long" });
    expect(await addPlanItem(f.deps, mentor.actor, { ...item, title: "Рано", due: inTerm(pair, -1) })).toMatchObject({ ok: false, reason: "plan-due-before-start" });
    expect(await addPlanItem(f.deps, mentor.actor, { ...item, title: "Поздно", due: new Date(pair.plannedEnd.getTime() + 86_400_000) })).toMatchObject({ ok: false, reason: "plan-due-after-end" });
    expect(await addPlanItem(f.deps, anna.actor, { ...item, title: "Сама себе" })).toMatchObject({ ok: false, reason: "plan-mentor-only" });
    expect(await addPlanItem(f.deps, stranger.curator, { ...item, title: "Чужое" })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await f.store.plans.of(pairId, anna.id)).toBeNull();

    const made = await addPlanItem(f.deps, mentor.actor, { ...item, title: "Настоящий пункт" });
    const plan = made.ok ? made.value : null!;
    const itemId = plan.items[0]!.id;
    expect(await editPlanItem(f.deps, mentor.actor, { planId: plan._id, itemId, title: "" })).toMatchObject({ ok: false, reason: "plan-title-empty" });
    expect(await editPlanItem(f.deps, mentor.actor, { planId: plan._id, itemId, due: new Date(Date.UTC(2040, 0, 1)) })).toMatchObject({ ok: false, reason: "plan-due-after-end" });
    expect(await removePlanItem(f.deps, stranger.curator, { planId: plan._id, itemId })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await sendPlan(f.deps, anna.actor, { planId: plan._id })).toMatchObject({ ok: false });
    expect(await f.store.plans.get(plan._id)).toEqual(plan);
  });

  it("100 presses of «Ознакомлен(а)» at once: one acknowledgement, one notice per staff member", async () => {
    const { curator, director, mentor, mentees, pairId, pair } = await activePair();
    const anna = mentees[0]!;
    const made = await addPlanItem(f.deps, mentor.actor, { pairId, menteeId: anna.id, title: "Пункт", kind: "duties", due: inTerm(pair, 7) });
    const planId = made.ok ? made.value._id : "";
    await sendPlan(f.deps, mentor.actor, { planId });
    f.deps.notices.clear();
    const results = await Promise.all(Array.from({ length: 100 }, () => acknowledgePlan(f.deps, anna.actor, { planId, version: 1 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const plan = (await f.store.plans.get(planId))!;
    expect(plan.history.filter((e) => e.kind === "acknowledged")).toHaveLength(1);
    expect(f.deps.notices.keys(curator.userId)).toEqual(["plan-acknowledged-staff"]);
    expect(f.deps.notices.keys(director.userId)).toEqual(["plan-acknowledged-staff"]);

    // And 50 approvals by the curator and the director at once: one.
    const approvals = await Promise.all(Array.from({ length: 50 }, (_, i) => approvePlan(f.deps, i % 2 ? curator : director, { planId, version: 1 })));
    expect(approvals.filter((r) => r.ok)).toHaveLength(1);
    expect(f.deps.notices.keys(mentor.actor.userId)).toEqual(["plan-approved-mentor"]);
    expect((await f.store.plans.get(planId))!.history.filter((e) => e.kind === "approved")).toHaveLength(1);
  });

  it("two template presses at once make one plan", async () => {
    const { mentor, mentees, pairId } = await activePair();
    const anna = mentees[0]!;
    await Promise.all(Array.from({ length: 10 }, () => applyPlanTemplate(f.deps, mentor.actor, { pairId, menteeId: anna.id, templateId: "ts", titleOf })));
    expect(await f.store.plans.ofPair(pairId)).toHaveLength(1);
  });
});
