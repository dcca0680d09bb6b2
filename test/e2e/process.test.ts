import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BotApiEmulator } from "../support/emulator/index.js";
import { useTestBot } from "../support/harness.js";
import { spawnBot } from "../support/process.js";

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

describe("webhook mode", () => {
  // The bot runs as a real process: the fixture gives only the database and Telegram.
  const t = useTestBot({ bot: false });
  it("takes updates Telegram pushes with the secret token, and refuses requests without it", { timeout: 60_000 }, async () => {
    const port = await new Promise<number>((done) => {
      const srv = createServer().listen(0, "127.0.0.1", () => {
        const address = srv.address();
        srv.close(() => done(typeof address === "object" && address ? address.port : 0));
      });
    });
    const { db, emulator } = t;
    const url = `http://127.0.0.1:${port}/telegram`;
    const bot = spawnBot({
      BOT_TOKEN: "77:WEBHOOK",
      BOT_MODE: "webhook",
      WEBHOOK_URL: url,
      WEBHOOK_SECRET: "s3cret-token_1",
      PORT: String(port),
      BOT_API_ROOT: emulator.apiRoot,
      MONGODB_URI: db.server.uri,
      MONGODB_DB: "webhook",
    });
    try {
      await bot.waitForLog("bot started");
      expect(emulator.webhookInfo().url).toBe(url);
      const user = emulator.createUser({ firstName: "Вебхук", languageCode: "ru" });
      await user.start();
      await user.waitForText(/Главное меню/, { timeoutMs: 10_000 });
      const forged = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "wrong" }, body: JSON.stringify({ update_id: 999, message: { message_id: 1, date: 0, chat: { id: user.id, type: "private" }, from: { id: user.id, is_bot: false, first_name: "X" }, text: "/menu" } }) });
      expect(forged.status).toBe(401);
      await user.expectNoEvent(300);
    } finally {
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toBe(0);
    }
  });
});

describe("npm start", () => {
  it("builds, starts its own embedded database and runs the bot against a Bot API server", { timeout: 180_000 }, async () => {
    const emulator = new BotApiEmulator();
    await emulator.start();
    const dataDir = await mkdtemp(join(tmpdir(), "mentorship-start-"));
    const bot = spawnBot({ BOT_TOKEN: "x", BOT_API_ROOT: emulator.apiRoot, DATA_DIR: dataDir }, "npm-start");
    try {
      await bot.waitForLog("bot started", 150_000);
      expect(bot.output()).toMatch(/started (ferretdb|mongod) .* files in /);
      const user = emulator.createUser({ firstName: "Старт", languageCode: "ru" });
      await user.start();
      await user.waitForText(/Главное меню/, { timeoutMs: 10_000 });
      expect((await readdir(dataDir)).length).toBeGreaterThan(0);
    } finally {
      process.kill(-bot.child.pid!, "SIGTERM");
      await bot.exited;
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
