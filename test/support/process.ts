import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

// Runs the bot as a real process (src/main.ts through tsx, or `npm start`), for tests of
// start-up, shutdown and crashes.

export const projectRoot = resolve(import.meta.dirname, "../..");

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves when the log shows the text (or rejects when the process exits first). */
  waitForLog(text: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export function spawnBot(env: Record<string, string>, command: "main" | "npm-start" = "main"): BotProcess {
  const [cmd, args] = command === "main" ? [process.execPath, ["--import", "tsx", "src/main.ts"]] : ["npm", ["start", "--silent"]];
  const child = spawn(cmd, args as string[], {
    cwd: projectRoot,
    env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: command === "npm-start",
  });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const l of [...listeners]) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return {
    child,
    output: () => out,
    exited,
    waitForLog(text, timeoutMs = 60_000) {
      return new Promise((done, fail) => {
        const check = () => {
          if (out.includes(text)) {
            cleanup();
            done();
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          fail(new Error(`timed out waiting for "${text}" in the bot's log:\n${out}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then((code) => {
          if (!out.includes(text)) {
            cleanup();
            fail(new Error(`bot exited (${code}) before "${text}":\n${out}`));
          }
        });
        check();
      });
    },
  };
}
