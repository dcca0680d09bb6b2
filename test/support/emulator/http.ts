import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseMultipart } from "./multipart.js";
import { ApiError, badRequest, isRecord, type ApiResponse, type Params, type UploadedFile } from "./types.js";

export interface ApiRequest {
  token: string;
  method: string;
  params: Params;
  /** Set when the body could not be parsed; the call must then fail with it. */
  bodyError?: ApiError;
  /** Aborted when the client goes away before the answer is written (e.g. grammY aborting a long poll). */
  signal: AbortSignal;
}

export interface HttpRoutes {
  api(request: ApiRequest): Promise<ApiResponse>;
  file(token: string, filePath: string): { data: Buffer; mimeType: string } | undefined;
}

const API_PATH = /^\/bot([^/]+)\/([^/]+)$/;
const FILE_PATH = /^\/file\/bot([^/]+)\/(.+)$/;
const NOT_FOUND: ApiResponse = { ok: false, error_code: 404, description: "Not Found" };

/** node:http server speaking the Bot API wire protocol on 127.0.0.1. */
export class ApiHttpServer {
  private server: Server | undefined;
  private boundPort: number | undefined;
  /** Requests being handled; close() lets them write their answers first. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly routes: HttpRoutes) {}

  get port(): number {
    if (this.boundPort === undefined) throw new Error("BotApiEmulator is not started; call start() first");
    return this.boundPort;
  }

  async listen(): Promise<number> {
    if (this.server) throw new Error("BotApiEmulator already started");
    const server = createServer((req, res) => {
      const handling = this.handle(req, res)
        .catch((error: unknown) => {
          const description = `Internal Server Error: ${error instanceof Error ? error.message : String(error)}`;
          writeJson(res, { ok: false, error_code: 500, description });
        })
        .finally(() => this.inFlight.delete(handling));
      this.inFlight.add(handling);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.boundPort = (server.address() as AddressInfo).port;
    return this.boundPort;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // grammY uses keep-alive agents; idle sockets would otherwise keep close() waiting.
    server.closeIdleConnections();
    // Let answers that are being produced (e.g. long polls just ended with []) reach the client.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => (timer = setTimeout(resolve, 1000))),
    ]);
    clearTimeout(timer);
    server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const pathname = decodeURIComponent(url.pathname);

    const fileMatch = FILE_PATH.exec(pathname);
    if (fileMatch && req.method === "GET") {
      req.resume();
      const file = this.routes.file(fileMatch[1] ?? "", fileMatch[2] ?? "");
      if (!file) {
        writeJson(res, NOT_FOUND);
        return;
      }
      res.writeHead(200, { "content-type": file.mimeType, "content-length": file.data.length });
      res.end(file.data);
      return;
    }

    const apiMatch = API_PATH.exec(pathname);
    if (!apiMatch || (req.method !== "POST" && req.method !== "GET")) {
      req.resume();
      writeJson(res, NOT_FOUND);
      return;
    }

    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });

    const body = await readBody(req);
    let params: Params = Object.fromEntries(url.searchParams);
    let bodyError: ApiError | undefined;
    try {
      params = { ...params, ...parseBody(body, req.headers["content-type"] ?? "") };
    } catch (error) {
      bodyError = error instanceof ApiError ? error : badRequest("can't parse request body");
    }

    const response = await this.routes.api({
      token: apiMatch[1] ?? "",
      method: apiMatch[2] ?? "",
      params,
      signal: abort.signal,
      ...(bodyError ? { bodyError } : {}),
    });
    if (!abort.signal.aborted) writeJson(res, response);
  }
}

export function httpStatusOf(response: ApiResponse): number {
  if (response.ok) return 200;
  const code = response.error_code;
  return Number.isInteger(code) && code >= 100 && code <= 599 ? code : 500;
}

function writeJson(res: ServerResponse, response: ApiResponse): void {
  if (res.headersSent || res.destroyed) return;
  const payload = Buffer.from(JSON.stringify(response));
  res.writeHead(httpStatusOf(response), {
    "content-type": "application/json",
    "content-length": payload.length,
  });
  res.end(payload);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function parseBody(body: Buffer, contentType: string): Params {
  if (body.length === 0) return {};
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";

  if (type === "application/json" || type === "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (!isRecord(parsed)) throw badRequest("JSON object expected");
    return parsed;
  }

  if (type === "application/x-www-form-urlencoded") {
    return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
  }

  if (type === "multipart/form-data") {
    let fields: Map<string, string | UploadedFile>;
    try {
      fields = parseMultipart(body, contentType);
    } catch (error) {
      throw badRequest(`can't parse multipart/form-data: ${error instanceof Error ? error.message : String(error)}`);
    }
    return resolveAttachments(fields);
  }

  throw badRequest(`unsupported Content-Type ${type}`);
}

/** Replaces `attach://<name>` values by the uploaded file part of that name (how grammY sends InputFile). */
function resolveAttachments(fields: Map<string, string | UploadedFile>): Params {
  const params: Params = {};
  const attached = new Set<string>();
  for (const [key, value] of fields) {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const name = value.slice("attach://".length);
      const file = fields.get(name);
      if (file !== undefined && typeof file !== "string") {
        params[key] = file;
        attached.add(name);
        continue;
      }
    }
    params[key] = value;
  }
  for (const name of attached) {
    if (!(name in params) || params[name] === fields.get(name)) delete params[name];
  }
  return params;
}
