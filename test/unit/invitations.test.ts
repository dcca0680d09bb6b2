import { describe, expect, it } from "vitest";
import {
  encodeStartPayload,
  expiryFrom,
  invitationStatus,
  inviteLink,
  parseStartPayload,
  validateTarget,
} from "../../src/domain/invitations.js";
import { academicYearOf, isAcademicYear, selectableAcademicYears } from "../../src/domain/programme.js";
import { checkText, isTimeZone } from "../../src/domain/text.js";
import { hashToken } from "../../src/store/invitations.js";

const TOKEN = "A".repeat(31) + "_";

describe("start payloads", () => {
  it("round-trips an invitation token", () => {
    expect(parseStartPayload(encodeStartPayload("invite", TOKEN))).toEqual({ kind: "invite", token: TOKEN });
    expect(inviteLink("my_bot", TOKEN)).toBe(`https://t.me/my_bot?start=i_${TOKEN}`);
  });

  it.each([
    ["i_short", "malformed"],
    [`x_${TOKEN}`, "malformed"],
    [`i_${TOKEN}extra`, "malformed"],
    [`i_${"A".repeat(31)}=`, "malformed"],
    ["", "none"],
    [undefined, "none"],
  ])("%s is %s", (payload, kind) => {
    expect(parseStartPayload(payload).kind).toBe(kind);
  });

  it("hashes tokens one-way and stably", () => {
    expect(hashToken(TOKEN)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(TOKEN)).toBe(hashToken(TOKEN));
    expect(hashToken(TOKEN)).not.toContain(TOKEN);
  });
});

describe("invitation status", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  const base = { expiresAt: expiryFrom(now, 30), revokedAt: null, remainingUses: 3 };
  it("is usable within its term and uses", () => expect(invitationStatus(base, now)).toBe("usable"));
  it("expires at its end", () => expect(invitationStatus(base, expiryFrom(now, 30))).toBe("expired"));
  it("runs out of uses", () => expect(invitationStatus({ ...base, remainingUses: 0 }, now)).toBe("used-up"));
  it("revocation wins", () => expect(invitationStatus({ ...base, remainingUses: 0, revokedAt: now }, now)).toBe("revoked"));
  it("expiry is 30 days later", () => expect(expiryFrom(now, 30).toISOString()).toBe("2026-12-23T10:00:00.000Z"));
});

describe("invitation targets", () => {
  it("needs a class for students and no category for curators", () => {
    expect(validateTarget({ role: "curator" })).toBe("ok");
    expect(validateTarget({ role: "curator", category: "teacher" })).toBe("unexpected-category");
    expect(validateTarget({ role: "mentee", category: "student" })).toBe("grade-required");
    expect(validateTarget({ role: "mentee", category: "student", grade: 7 })).toBe("ok");
    expect(validateTarget({ role: "mentee", category: "employer" })).toBe("unexpected-category");
    expect(validateTarget({ role: "mentor" })).toBe("category-required");
    expect(validateTarget({ role: "mentor", category: "university" })).toBe("ok");
  });
});

describe("academic years", () => {
  it("starts in September in the school's time zone", () => {
    expect(academicYearOf(new Date("2026-08-31T20:00:00Z"), "Europe/Moscow")).toBe("2025/2026");
    expect(academicYearOf(new Date("2026-08-31T21:30:00Z"), "Europe/Moscow")).toBe("2026/2027");
    expect(selectableAcademicYears(new Date("2026-11-23T00:00:00Z"), "Europe/Moscow")).toEqual(["2026/2027", "2027/2028"]);
    expect(isAcademicYear("2026/2027")).toBe(true);
    expect(isAcademicYear("2026/2028")).toBe(false);
  });
});

describe("text answers", () => {
  it("trims, rejects empty and too long", () => {
    expect(checkText("  Школа   № 4 ", 20)).toEqual({ ok: true, value: "Школа № 4" });
    expect(checkText("   ", 20)).toEqual({ ok: false, problem: "empty" });
    expect(checkText("я".repeat(21), 20)).toEqual({ ok: false, problem: "too-long" });
    expect(checkText(undefined, 20)).toEqual({ ok: false, problem: "not-text" });
  });
  it("knows time zones", () => {
    expect(isTimeZone("Asia/Novosibirsk")).toBe(true);
    expect(isTimeZone("Moscow")).toBe(false);
  });
});
