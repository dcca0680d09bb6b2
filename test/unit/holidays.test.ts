import { describe, expect, it } from "vitest";
import { deliverableFrom } from "../../src/domain/courtesy.js";
import { addHoliday, dayOfCode, holidayDayCode, holidayProblem, parseHolidayPeriod, removeHoliday, typicalHolidays } from "../../src/domain/holidays.js";

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

describe("holiday periods", () => {
  it("reads a period typed with any dash, or one day", () => {
    expect(parseHolidayPeriod("28.12.2026 – 08.01.2027")).toEqual({ from: d(2026, 12, 28), to: d(2027, 1, 8) });
    expect(parseHolidayPeriod("28.12.2026-8.1.2027")).toEqual({ from: d(2026, 12, 28), to: d(2027, 1, 8) });
    expect(parseHolidayPeriod(" 28.12.2026 08.01.2027 ")).toEqual({ from: d(2026, 12, 28), to: d(2027, 1, 8) });
    expect(parseHolidayPeriod("04.11.2026")).toEqual({ from: d(2026, 11, 4), to: d(2026, 11, 4) });
    expect(parseHolidayPeriod("зимние")).toBeNull();
    expect(parseHolidayPeriod("31.02.2027 – 03.03.2027")).toBeNull();
    expect(parseHolidayPeriod("01.01.2027 – 02.01.2027 – 03.01.2027")).toBeNull();
  });

  it("checks the order, the length and the academic year", () => {
    expect(holidayProblem({ from: d(2026, 12, 28), to: d(2027, 1, 8) }, "2026/2027")).toBeNull();
    expect(holidayProblem({ from: d(2027, 1, 8), to: d(2026, 12, 28) }, "2026/2027")).toBe("ends-before-start");
    expect(holidayProblem({ from: d(2026, 9, 1), to: d(2027, 5, 31) }, "2026/2027")).toBe("too-long");
    expect(holidayProblem({ from: d(2025, 12, 28), to: d(2026, 1, 8) }, "2026/2027")).toBe("outside-year");
    expect(holidayProblem({ from: d(2027, 6, 1), to: d(2027, 8, 31) }, "2026/2027")).toBeNull();
    expect(holidayProblem({ from: d(2027, 8, 30), to: d(2027, 9, 2) }, "2026/2027")).toBe("outside-year");
  });

  it("merges periods that overlap or touch, keeps the list sorted, removes by first day", () => {
    let list = addHoliday([], { from: d(2026, 12, 29), to: d(2027, 1, 11) });
    list = addHoliday(list, { from: d(2026, 10, 27), to: d(2026, 11, 4) });
    list = addHoliday(list, { from: d(2027, 1, 5), to: d(2027, 1, 14) });
    list = addHoliday(list, { from: d(2026, 12, 26), to: d(2026, 12, 28) });
    expect(list).toEqual([
      { from: d(2026, 10, 27), to: d(2026, 11, 4) },
      { from: d(2026, 12, 26), to: d(2027, 1, 14) },
    ]);
    expect(removeHoliday(list, d(2026, 12, 26))).toEqual([{ from: d(2026, 10, 27), to: d(2026, 11, 4) }]);
    expect(removeHoliday(list, d(2026, 12, 27))).toHaveLength(2);
    expect(dayOfCode(holidayDayCode(d(2026, 12, 26)))).toEqual(d(2026, 12, 26));
    expect(dayOfCode("20270231")).toBeNull();
  });

  it("offers the typical autumn, winter and spring holidays, each valid for the year", () => {
    const typical = typicalHolidays("2026/2027");
    expect(typical).toHaveLength(3);
    for (const h of typical) expect(holidayProblem(h, "2026/2027")).toBeNull();
    expect(typical[1]).toEqual({ from: d(2026, 12, 29), to: d(2027, 1, 11) });
  });

  it("a student's message on a holiday waits for 08:00 after it; an adult's goes at once", () => {
    const holidays = [{ from: d(2026, 12, 29), to: d(2027, 1, 11) }];
    const noon = new Date("2027-01-05T09:00:00Z"); // 12:00 in Moscow
    expect(deliverableFrom(noon, "child", "Europe/Moscow", holidays)).toEqual(new Date("2027-01-12T05:00:00Z"));
    expect(deliverableFrom(noon, "adult", "Europe/Moscow", holidays)).toEqual(noon);
    // The evening before the holidays: not the next morning (a holiday) but after them.
    expect(deliverableFrom(new Date("2026-12-28T19:00:00Z"), "child", "Europe/Moscow", holidays)).toEqual(new Date("2027-01-12T05:00:00Z"));
  });
});
