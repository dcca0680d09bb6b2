import { parseJsonParam } from "./content.js";
import { badRequest, isRecord, type Params, type UploadedFile } from "./types.js";

export function isUpload(value: unknown): value is UploadedFile {
  return isRecord(value) && value["kind"] === "upload" && Buffer.isBuffer(value["data"]);
}

/**
 * Typed access to call parameters. JSON bodies carry real types, forms carry strings:
 * every getter accepts both, and throws Telegram-like 400s for values of the wrong type.
 */
export class ParamReader {
  constructor(readonly raw: Params) {}

  has(name: string): boolean {
    const value = this.raw[name];
    return value !== undefined && value !== null;
  }

  string(name: string): string | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  int(name: string): number | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") return undefined;
    const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
    if (!Number.isInteger(n)) throw badRequest(`field "${name}" must be of type Integer`);
    return n;
  }

  bool(name: string): boolean | undefined {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "boolean") return value;
    if (value === "true" || value === "1" || value === 1) return true;
    if (value === "false" || value === "0" || value === 0) return false;
    throw badRequest(`field "${name}" must be of type Boolean`);
  }

  /** An object/array parameter, either as JSON value or JSON-encoded string. */
  json(name: string): unknown {
    const value = this.raw[name];
    if (value === undefined || value === null || value === "") return undefined;
    return parseJsonParam(value, name);
  }

  stringArray(name: string): string[] | undefined {
    const value = this.json(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      throw badRequest(`can't parse ${name}: Array of String expected`);
    }
    return value;
  }
}
