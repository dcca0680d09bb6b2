import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

/** Runs src/main.ts as `npm start` would (from source, without a build) and collects its output. */
function runMain(env: Record<string, string>, timeoutMs = 20_000): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      fail(new Error(`main did not exit: ${stderr}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      done({ code, stderr, stdout });
    });
  });
}

describe("the bot process", () => {
  it("prints every configuration problem and exits 1 without a stack trace", async () => {
    const result = await runMain({ BOT_MODE: "webhook", TZ: "Nowhere/City", OPERATOR_IDS: "abc" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Configuration is not valid");
    for (const key of ["BOT_TOKEN", "TZ", "OPERATOR_IDS", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT"]) expect(result.stderr).toContain(key);
    expect(result.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
