import { describe, expect, it } from "vitest";
import { readPaperDate } from "../../src/domain/consent.js";
import { addDays, checkPastDay, parseDay, readPastDay, schoolToday } from "../../src/domain/dates.js";
import { defaultTerm, validateTerm } from "../../src/domain/pairs.js";

// The school's day at the edges of the night, in three zones of Russia: Kaliningrad (UTC+2),
// Moscow (UTC+3), Vladivostok (UTC+10). The clock is passed in, so these hold at any hour.

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
/** The instant of a local wall-clock time in a zone with a fixed offset (none of these three has DST). */
const local = (iso: string, offsetHours: number) => new Date(new Date(`${iso}Z`).getTime() - offsetHours * 3600_000);

const zones = [
  { tz: "Europe/Kaliningrad", offset: 2 },
  { tz: "Europe/Moscow", offset: 3 },
  { tz: "Asia/Vladivostok", offset: 10 },
];

describe("the school's calendar day", () => {
  for (const { tz, offset } of zones) {
    it(`is the local day at 23:30 and just after midnight in ${tz}`, () => {
      expect(schoolToday(local("2026-12-01T23:30:00", offset), tz)).toEqual(day(2026, 12, 1));
      expect(schoolToday(local("2026-12-02T00:30:00", offset), tz)).toEqual(day(2026, 12, 2));
    });

    it(`accepts today's date typed at 00:30 in ${tz}, and refuses tomorrow's at 23:30`, () => {
      const justAfterMidnight = schoolToday(local("2026-12-02T00:30:00", offset), tz);
      expect(readPastDay("02.12.2026", justAfterMidnight)).toEqual({ ok: true, day: day(2026, 12, 2) });
      const lateEvening = schoolToday(local("2026-12-01T23:30:00", offset), tz);
      expect(readPastDay("02.12.2026", lateEvening)).toEqual({ ok: false, problem: "in-the-future" });
      expect(readPastDay("01.12.2026", lateEvening)).toEqual({ ok: true, day: day(2026, 12, 1) });
    });
  }

  for (const { tz, offset } of zones) {
    it(`gives the rules that use "today" the local day at 00:30 and 23:30 in ${tz}: a pair's start, a paper consent`, () => {
      const justAfterMidnight = schoolToday(local("2026-12-02T00:30:00", offset), tz);
      const lateEvening = schoolToday(local("2026-12-01T23:30:00", offset), tz);
      // A term may start at most a year ahead, counted from the school's today.
      expect(validateTerm(day(2027, 12, 2), defaultTerm(day(2027, 12, 2)), justAfterMidnight)).toBe("ok");
      expect(validateTerm(day(2027, 12, 2), defaultTerm(day(2027, 12, 2)), lateEvening)).toBe("start-too-far");
      // A paper consent signed today is taken just after midnight; tomorrow's is not, late in the evening.
      expect(readPaperDate("02.12.2026", justAfterMidnight)).toEqual({ ok: true, day: day(2026, 12, 2) });
      expect(readPaperDate("02.12.2026", lateEvening)).toEqual({ ok: false, problem: "in-the-future" });
      expect(readPaperDate("31.12.2018", lateEvening)).toEqual({ ok: false, problem: "before-start" });
    });
  }

  it("differs from the UTC day in the small hours east of Greenwich", () => {
    const now = local("2026-12-02T01:00:00", 3); // 22:00 UTC on 1 December
    expect(now.getUTCDate()).toBe(1);
    expect(schoolToday(now, "Europe/Moscow")).toEqual(day(2026, 12, 2));
  });
});

describe("typed days", () => {
  it("reads dd.mm.yyyy, d.m.yyyy, dd/mm/yyyy and yyyy-mm-dd", () => {
    expect(parseDay("05.09.2026")).toEqual(day(2026, 9, 5));
    expect(parseDay(" 5.9.2026 ")).toEqual(day(2026, 9, 5));
    expect(parseDay("05/09/2026")).toEqual(day(2026, 9, 5));
    expect(parseDay("2026-09-05")).toEqual(day(2026, 9, 5));
  });

  it("refuses what is not a day", () => {
    for (const text of ["31.02.2027", "2026", "завтра", "5 сентября", "00.01.2026", "01.13.2026", "01.01.1999"]) expect(parseDay(text), text).toBeNull();
    expect(readPastDay("завтра", day(2026, 12, 1))).toEqual({ ok: false, problem: "not-a-date" });
  });

  it("says when a day is before the start", () => {
    expect(checkPastDay(day(2026, 8, 31), day(2026, 12, 1), day(2026, 9, 1))).toBe("before-start");
    expect(checkPastDay(day(2026, 9, 1), day(2026, 12, 1), day(2026, 9, 1))).toBeNull();
    expect(addDays(day(2026, 12, 31), 1)).toEqual(day(2027, 1, 1));
  });
});
