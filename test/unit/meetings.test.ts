import { describe, expect, it } from "vitest";
import {
  checkDuration,
  checkPlannedDay,
  checkPlannedStart,
  nextMeetingType,
  parseTime,
  readDuration,
  schoolInstant,
  statusFromAnswers,
  awaitingAnswer,
} from "../../src/domain/meetings.js";
import { calendarFile, foldLine, icsText } from "../../src/domain/ics.js";

const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe("the next expected meeting type", () => {
  const today = day(2026, 11, 20);
  const end = day(2027, 5, 31);
  it("goes знакомство → пробная → планирование → рабочая", () => {
    expect(nextMeetingType([], today, end)).toBe("introduction");
    expect(nextMeetingType(["introduction"], today, end)).toBe("trial");
    expect(nextMeetingType(["introduction", "trial"], today, end)).toBe("planning");
    expect(nextMeetingType(["introduction", "trial", "planning"], today, end)).toBe("working");
    expect(nextMeetingType(["introduction", "trial", "planning", "working", "working"], today, end)).toBe("working");
  });
  it("suggests the final meeting near the planned end, once", () => {
    const held = ["introduction", "trial", "planning", "working"] as const;
    expect(nextMeetingType(held, day(2027, 5, 20), end)).toBe("final");
    expect(nextMeetingType([...held, "final"], day(2027, 5, 20), end)).toBe("working");
    expect(nextMeetingType(held, day(2027, 4, 1), end)).toBe("working");
  });
});

describe("durations", () => {
  it("are 5 minutes to 8 hours", () => {
    expect(checkDuration(5)).toBeNull();
    expect(checkDuration(480)).toBeNull();
    expect(checkDuration(4)).toBe("too-short");
    expect(checkDuration(481)).toBe("too-long");
    expect(checkDuration(30.5)).toBe("not-a-number");
  });
  it("are read from typed minutes", () => {
    expect(readDuration("50")).toEqual({ ok: true, minutes: 50 });
    expect(readDuration(" 50 мин ")).toEqual({ ok: true, minutes: 50 });
    expect(readDuration("час")).toEqual({ ok: false, problem: "not-a-number" });
    expect(readDuration("2")).toEqual({ ok: false, problem: "too-short" });
    expect(readDuration("600")).toEqual({ ok: false, problem: "too-long" });
  });
});

describe("a meeting's status from the answers", () => {
  const mentor = "m";
  it("is confirmed when the other side confirms", () => {
    expect(statusFromAnswers(mentor, [mentor, "a"], {})).toBe("logged");
    expect(statusFromAnswers(mentor, [mentor, "a"], { a: "confirmed" })).toBe("confirmed");
  });
  it("in a group, waits for each mentee", () => {
    const parties = [mentor, "a", "b", "c"];
    expect(statusFromAnswers(mentor, parties, { a: "confirmed", b: "confirmed" })).toBe("logged");
    expect(awaitingAnswer(mentor, parties, { a: "confirmed", b: "confirmed" })).toEqual(["c"]);
    expect(statusFromAnswers(mentor, parties, { a: "confirmed", b: "confirmed", c: "confirmed" })).toBe("confirmed");
  });
  it("is disputed when anyone says it did not happen", () => {
    expect(statusFromAnswers(mentor, [mentor, "a", "b"], { a: "confirmed", b: "disputed" })).toBe("disputed");
    expect(statusFromAnswers("a", [mentor, "a"], { m: "disputed" })).toBe("disputed");
  });
});

describe("planned meetings", () => {
  it("read a typed time", () => {
    expect(parseTime("9:30")).toBe(570);
    expect(parseTime("18.05")).toBe(18 * 60 + 5);
    expect(parseTime("24:00")).toBeNull();
    expect(parseTime("завтра")).toBeNull();
  });
  it("turn a school's day and time into an instant", () => {
    // 15:30 in Moscow (UTC+3) is 12:30 UTC; 09:00 in Vladivostok (UTC+10) is 23:00 UTC the day before.
    expect(schoolInstant(day(2026, 12, 3), 15 * 60 + 30, "Europe/Moscow").toISOString()).toBe("2026-12-03T12:30:00.000Z");
    expect(schoolInstant(day(2026, 12, 3), 9 * 60, "Asia/Vladivostok").toISOString()).toBe("2026-12-02T23:00:00.000Z");
  });
  it("start later than now, within the pair's term", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const start = day(2026, 9, 1);
    const end = day(2027, 5, 31);
    expect(checkPlannedStart(new Date("2026-12-02T09:00:00Z"), now, start, end)).toBe("in-the-past");
    expect(checkPlannedStart(new Date("2026-12-03T09:00:00Z"), now, start, end)).toBeNull();
    expect(checkPlannedStart(new Date("2026-12-03T09:00:00Z"), now, day(2026, 12, 10), end)).toBe("before-start");
    expect(checkPlannedStart(new Date("2027-06-02T09:00:00Z"), now, start, end)).toBe("after-end");
    expect(checkPlannedDay(day(2026, 12, 1), day(2026, 12, 2), start, end)).toBe("in-the-past");
    expect(checkPlannedDay(day(2026, 12, 2), day(2026, 12, 2), start, end)).toBeNull();
  });
});

describe("the calendar file", () => {
  it("escapes text and folds long lines at 75 octets without splitting a character", () => {
    expect(icsText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const line = `SUMMARY:${"Встреча наставника ".repeat(10)}`;
    const folded = foldLine(line).split("\r\n");
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });
  it("is a VCALENDAR with one VEVENT in UTC, CRLF line endings", () => {
    const text = calendarFile({ uid: "abc@bot", stamp: new Date("2026-12-01T10:00:00Z"), start: new Date("2026-12-03T12:30:00Z"), end: new Date("2026-12-03T13:15:00Z"), summary: "Тема, важная", location: "Каб. 12; 2 этаж" });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("DTSTART:20261203T123000Z");
    expect(lines).toContain("DTEND:20261203T131500Z");
    expect(lines).toContain("DTSTAMP:20261201T100000Z");
    expect(lines).toContain("UID:abc@bot");
    expect(lines).toContain("SUMMARY:Тема\\, важная");
    expect(lines).toContain("LOCATION:Каб. 12\\; 2 этаж");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
  });
});
