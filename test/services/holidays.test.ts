import { describe, expect, it } from "vitest";
import { addHolidays, addTypicalHolidays, holidaysList, removeHolidays } from "../../src/services/holidays.js";
import { noticeNotBefore } from "../../src/services/outbox.js";
import { newUserId, pairsSetup } from "../support/pairs.js";
import { useServices } from "../support/services.js";

// The programme's holidays through the services, on FerretDB: curators only, checked periods,
// merged overlaps, two curators adding at once lose nothing, a removal pressed twice; and the
// holidays hold a student's notice.

const NOW = new Date("2026-12-02T09:00:00Z");
const f = useServices({ operatorIds: [1], now: NOW });
const { programme, person, teacherMentor } = pairsSetup(f);
const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

describe("holidays", () => {
  it("a curator adds, merges and removes periods; others are refused", async () => {
    const { programmeId, curator } = await programme();
    const mentor = await teacherMentor(programmeId, "Ирина Орлова");
    expect(await addHolidays(f.deps, mentor.actor, { programmeId, from: d(2026, 12, 29), to: d(2027, 1, 11) })).toMatchObject({ ok: false, kind: "not-allowed" });
    expect(await holidaysList(f.deps, { userId: newUserId() }, { programmeId, page: 0 })).toMatchObject({ ok: false });

    const added = await addHolidays(f.deps, curator, { programmeId, from: d(2026, 12, 29), to: d(2027, 1, 11) });
    expect(added.ok && added.value.page.items).toEqual([{ from: d(2026, 12, 29), to: d(2027, 1, 11) }]);
    const merged = await addHolidays(f.deps, curator, { programmeId, from: d(2027, 1, 10), to: d(2027, 1, 14) });
    expect(merged.ok && merged.value.page.items).toEqual([{ from: d(2026, 12, 29), to: d(2027, 1, 14) }]);
    expect(await addHolidays(f.deps, curator, { programmeId, from: d(2027, 1, 14), to: d(2027, 1, 10) })).toMatchObject({ ok: false, reason: "holidays-problem-ends-before-start" });
    expect(await addHolidays(f.deps, curator, { programmeId, from: d(2025, 12, 29), to: d(2026, 1, 10) })).toMatchObject({ ok: false, reason: "holidays-problem-outside-year" });
    expect((await f.store.programmes.get(programmeId))?.holidays).toEqual([{ from: d(2026, 12, 29), to: d(2027, 1, 14) }]);

    const removed = await removeHolidays(f.deps, curator, { programmeId, holidayFrom: "20261229", page: 0 });
    expect(removed.ok && removed.value.page.total).toBe(0);
    expect(await removeHolidays(f.deps, curator, { programmeId, holidayFrom: "20261229", page: 0 })).toMatchObject({ ok: false, reason: "holidays-gone" });
    expect(await removeHolidays(f.deps, mentor.actor, { programmeId, holidayFrom: "20261229", page: 0 })).toMatchObject({ ok: false, kind: "not-allowed" });
  });

  it("two curators adding at once both keep their periods; the typical ones merge in", async () => {
    const { programmeId, curator } = await programme();
    const second = { userId: newUserId() };
    await f.store.memberships.add({ userId: second.userId, programmeId, role: "curator", category: null, grade: null, invitationId: null }, NOW);
    const periods = [
      { who: curator, from: d(2026, 11, 1), to: d(2026, 11, 3) },
      { who: second, from: d(2027, 2, 20), to: d(2027, 2, 23) },
      { who: curator, from: d(2027, 5, 1), to: d(2027, 5, 3) },
      { who: second, from: d(2027, 6, 1), to: d(2027, 8, 31) },
    ];
    const results = await Promise.all(periods.map((p) => addHolidays(f.deps, p.who, { programmeId, from: p.from, to: p.to })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await f.store.programmes.get(programmeId))?.holidays).toHaveLength(4);
    const typical = await addTypicalHolidays(f.deps, curator, { programmeId });
    // The autumn period absorbs 1–3 November; winter and spring are new.
    expect(typical.ok && typical.value.page.items.map((h) => h.from)).toEqual([d(2026, 10, 27), d(2026, 12, 29), d(2027, 2, 20), d(2027, 3, 24), d(2027, 5, 1), d(2027, 6, 1)]);
  });

  it("hold a student's notice until 08:00 after them; a teacher's goes at once", async () => {
    const { programmeId, curator } = await programme();
    const pupil = await person(programmeId, { name: "Пётр Иванов", role: "mentee", category: "student", grade: 8 });
    const teacher = await teacherMentor(programmeId, "Ирина Орлова");
    await addHolidays(f.deps, curator, { programmeId, from: d(2026, 12, 29), to: d(2027, 1, 11) });
    const onHoliday = new Date("2027-01-05T09:00:00Z");
    expect(await noticeNotBefore(f.deps, pupil.actor.userId, onHoliday)).toEqual(new Date("2027-01-12T05:00:00Z"));
    expect(await noticeNotBefore(f.deps, teacher.actor.userId, onHoliday)).toEqual(onHoliday);
    // A school day: 12:00 goes at once, 22:00 waits for 08:00.
    expect(await noticeNotBefore(f.deps, pupil.actor.userId, NOW)).toEqual(NOW);
    expect(await noticeNotBefore(f.deps, pupil.actor.userId, new Date("2026-12-02T19:00:00Z"))).toEqual(new Date("2026-12-03T05:00:00Z"));
  });
});
