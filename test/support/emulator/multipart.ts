import type { UploadedFile } from "./types.js";

/**
 * A small multipart/form-data parser.
 *
 * undici's `Request#formData()` is not usable here: it rejects the bodies grammY produces
 * (`content-disposition:form-data;name="x";filename=a.xlsx` — no spaces, unquoted file name).
 * This parser accepts both grammY's compact form and the standard one (`fetch` + `FormData`).
 */
export function parseMultipart(body: Buffer, contentType: string): Map<string, string | UploadedFile> {
  const boundary = headerParam(contentType, "boundary");
  if (!boundary) throw new Error("multipart/form-data without boundary");

  const fields = new Map<string, string | UploadedFile>();
  const opening = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.from(`\r\n--${boundary}`);

  let pos = body.indexOf(opening);
  if (pos < 0) throw new Error("multipart body does not contain the boundary");
  pos += opening.length;

  for (;;) {
    // After a boundary: "--" closes the body, otherwise (optional whitespace) CRLF starts a part.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    const lineEnd = body.indexOf("\r\n", pos);
    if (lineEnd < 0) throw new Error("truncated multipart body");
    pos = lineEnd + 2;

    const next = body.indexOf(delimiter, pos);
    if (next < 0) throw new Error("multipart part is not terminated");
    addPart(fields, body.subarray(pos, next));
    pos = next + delimiter.length;
  }
  return fields;
}

function addPart(fields: Map<string, string | UploadedFile>, part: Buffer): void {
  let headerText: string;
  let content: Buffer;
  if (part[0] === 0x0d && part[1] === 0x0a) {
    headerText = "";
    content = part.subarray(2);
  } else {
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd < 0) throw new Error("multipart part without header terminator");
    headerText = part.subarray(0, headerEnd).toString("utf8");
    content = part.subarray(headerEnd + 4);
  }

  const headers = new Map<string, string>();
  for (const line of headerText.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition") ?? "";
  const name = headerParam(disposition, "name");
  if (name === undefined) return;

  const encodedName = headerParam(disposition, "filename*");
  const plainName = headerParam(disposition, "filename");
  if (encodedName === undefined && plainName === undefined) {
    fields.set(name, content.toString("utf8"));
    return;
  }
  const fileName = encodedName !== undefined ? decodeExtValue(encodedName) : decodeFormName(plainName ?? "");
  fields.set(name, {
    kind: "upload",
    fileName,
    contentType: headers.get("content-type") ?? "application/octet-stream",
    data: Buffer.from(content),
  });
}

/** Reads `key=value` / `key="value"` from a header like `form-data; name="a"; filename=b.txt`. */
function headerParam(header: string, key: string): string | undefined {
  for (const segment of splitParams(header)) {
    const eq = segment.indexOf("=");
    if (eq < 0) continue;
    if (segment.slice(0, eq).trim().toLowerCase() !== key) continue;
    const raw = segment.slice(eq + 1).trim();
    if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) {
      return raw.slice(1, -1).replace(/\\(.)/g, "$1");
    }
    return raw;
  }
  return undefined;
}

/** Splits on `;` outside double quotes. */
function splitParams(header: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    if (ch === ";" && !quoted) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** RFC 5987 `UTF-8''%D0%9E...` */
function decodeExtValue(value: string): string {
  const match = /^[^']*'[^']*'(.*)$/.exec(value);
  const encoded = match?.[1] ?? value;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** WHATWG FormData serialisation percent-encodes `"`, CR and LF in names. */
function decodeFormName(value: string): string {
  return value.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");
}
