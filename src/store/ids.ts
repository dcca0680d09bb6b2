import { randomBytes } from "node:crypto";

/** Short random document ids: 12 base64url characters, small enough for callback data. */
export function newId(): string {
  return randomBytes(9).toString("base64url");
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{12}$/;
