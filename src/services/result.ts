// Services answer with a value or a typed refusal; the front renders the refusal's message.

export type RefusalKind =
  /** The person may not do this (not theirs, or not their role). */
  | "not-allowed"
  /** The thing named does not exist (any more). */
  | "not-found"
  /** The thing moved on since the button was shown. */
  | "stale"
  /** A rule of the programme forbids it; `reason` names which. */
  | "rule";

export interface Refusal {
  ok: false;
  kind: RefusalKind;
  /** A Fluent message key that says why, in the person's words. */
  reason: string;
  vars?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | Refusal;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Default message keys per kind; a service passes its own reason when it knows better. */
export const REFUSAL_KEYS: Record<RefusalKind, string> = {
  "not-allowed": "not-allowed",
  "not-found": "button-stale",
  stale: "button-stale",
  rule: "not-allowed",
};

export function refuse(kind: RefusalKind, reason: string = REFUSAL_KEYS[kind], vars?: Record<string, string | number>): Refusal {
  return vars ? { ok: false, kind, reason, vars } : { ok: false, kind, reason };
}

export const isRefusal = (r: { ok: boolean }): r is Refusal => !r.ok;
