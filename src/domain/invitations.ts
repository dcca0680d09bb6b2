import { MAX_GRADE, MIN_GRADE, type Category, type Role } from "./programme.js";
import { isStaffRole } from "./programme.js";

// Invitation rules: deep-link payloads, lifetimes, usage limits. Time is passed in.

export const INVITATION_DEFAULT_DAYS = 30;
/** How many people one link may admit: the curator's choices. */
export const USES_CHOICES = [1, 5, 30, 100] as const;

/** Random bytes in a token: 192 bits, well above the 128 required. */
export const TOKEN_BYTES = 24;
const TOKEN_CHARS = Math.ceil((TOKEN_BYTES * 4) / 3); // base64url without padding: 32

/** Deep-link payload kinds: an invitation to a role, a parent's consent link. */
export type LinkKind = "invite" | "parent";
const PREFIX: Record<LinkKind, string> = { invite: "i", parent: "p" };

export function encodeStartPayload(kind: LinkKind, token: string): string {
  return `${PREFIX[kind]}_${token}`;
}

export type ParsedPayload = { kind: LinkKind; token: string } | { kind: "malformed" } | { kind: "none" };

export function parseStartPayload(payload: string | undefined): ParsedPayload {
  const text = (payload ?? "").trim();
  if (text === "") return { kind: "none" };
  const m = new RegExp(`^([a-z])_([A-Za-z0-9_-]{${TOKEN_CHARS}})$`).exec(text);
  if (!m) return { kind: "malformed" };
  const kind = (Object.keys(PREFIX) as LinkKind[]).find((k) => PREFIX[k] === m[1]);
  return kind && m[2] ? { kind, token: m[2] } : { kind: "malformed" };
}

export function inviteLink(botUsername: string, token: string, kind: LinkKind = "invite"): string {
  return `https://t.me/${botUsername}?start=${encodeStartPayload(kind, token)}`;
}

export interface InvitationState {
  expiresAt: Date;
  revokedAt?: Date | null | undefined;
  remainingUses: number;
}

export type InvitationStatus = "usable" | "expired" | "revoked" | "used-up";

/** Why a stored invitation can or cannot be used now. Revocation wins over the rest. */
export function invitationStatus(inv: InvitationState, now: Date): InvitationStatus {
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt.getTime() <= now.getTime()) return "expired";
  if (inv.remainingUses <= 0) return "used-up";
  return "usable";
}

export function expiryFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}

export interface InvitationTarget {
  role: Role;
  category?: Category | undefined;
  grade?: number | undefined;
}

/** Checks that a target is coherent: a curator has no category, a student has a class. */
export function validateTarget(t: InvitationTarget): "ok" | "category-required" | "grade-required" | "unexpected-category" {
  if (isStaffRole(t.role)) return t.category ? "unexpected-category" : "ok";
  if (!t.category) return "category-required";
  if (t.role === "mentee" && t.category !== "student" && t.category !== "teacher") return "unexpected-category";
  if (t.category === "student" && (t.grade === undefined || t.grade < MIN_GRADE || t.grade > MAX_GRADE)) return "grade-required";
  return "ok";
}
