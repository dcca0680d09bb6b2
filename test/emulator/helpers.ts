import type { BotApiEmulator } from "../support/emulator/index.js";

export interface RawResponse {
  status: number;
  body: {
    ok: boolean;
    result?: unknown;
    error_code?: number;
    description?: string;
    parameters?: { retry_after?: number };
  };
}

/** Calls the emulator as a bot would: POST {apiRoot}/bot<token>/<method> with a JSON body. */
export async function callApi(
  emulator: BotApiEmulator,
  method: string,
  params: Record<string, unknown> = {},
  init: { token?: string; signal?: AbortSignal } = {},
): Promise<RawResponse> {
  const response = await fetch(`${emulator.apiRoot}/bot${init.token ?? emulator.token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  return { status: response.status, body: (await response.json()) as RawResponse["body"] };
}

/** Like callApi but returns `result`, failing the test on `ok: false`. */
export async function callOk<T>(emulator: BotApiEmulator, method: string, params: Record<string, unknown> = {}): Promise<T> {
  const { body } = await callApi(emulator, method, params);
  if (!body.ok) throw new Error(`${method} failed: ${body.error_code} ${body.description}`);
  return body.result as T;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
