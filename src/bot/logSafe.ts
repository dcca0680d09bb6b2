import { GrammyError, HttpError } from "grammy";

// Logs carry ids, methods and error codes, never what people wrote: a GrammyError holds the
// request's payload (a message's text, names, answers), and other errors' messages may quote
// values. Only the error's kind, Telegram's method and code, and the code's location are kept.

export interface SafeError {
  name: string;
  method?: string;
  code?: number;
  /** Telegram's own description, e.g. "Bad Request: message is too long" (no payload in it). */
  description?: string;
  /** The stack's frames, without the message line. */
  at?: string[];
}

function frames(error: Error): string[] | undefined {
  return error.stack
    ?.split("\n")
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l.startsWith("at "))
    .slice(0, 8);
}

export function safeError(error: unknown): SafeError {
  if (error instanceof GrammyError) {
    return { name: "GrammyError", method: error.method, code: error.error_code, description: error.description.slice(0, 200), ...withFrames(error) };
  }
  if (error instanceof HttpError) return { name: "HttpError", ...withFrames(error) };
  if (error instanceof Error) return { name: error.name, ...withFrames(error) };
  return { name: typeof error };
}

const withFrames = (error: Error): { at?: string[] } => {
  const at = frames(error);
  return at ? { at } : {};
};
