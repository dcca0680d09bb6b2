import { safeError } from "./bot/logSafe.js";
import { pino } from "pino";
import { createBot } from "./bot/index.js";
import { startPolling } from "./bot/polling.js";
import { startWebhook } from "./bot/webhook.js";
import { ConfigError, parseConfig, readEnvironment, type Config } from "./config.js";
import { startJobs } from "./jobs/index.js";
import { startLocalServer, type LocalServer } from "./store/localServer.js";
import { connectStore } from "./store/index.js";

// Start: config → store → bot → jobs. Shutdown in reverse order.

function loadConfig(): Config {
  try {
    return parseConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: undefined });

  let local: LocalServer | undefined;
  let uri = config.mongodb.uri;
  if (!uri) {
    local = await startLocalServer({ dataDir: config.dataDir, log: (msg) => logger.info(msg) });
    uri = local.uri;
  }
  const { client, store } = await connectStore(uri, config.mongodb.dbName);
  const deps = { config, store, logger, clock: () => new Date() };
  const app = createBot(deps);
  await app.bot.init();
  await app.setCommands().catch((err: unknown) => logger.warn({ error: safeError(err) }, "could not set commands"));

  let stopBot: () => Promise<void>;
  if (config.mode === "polling") {
    const runner = await startPolling(app, deps);
    stopBot = () => runner.stop();
    logger.info({ bot: app.bot.botInfo.username, mode: "polling" }, "bot started");
  } else {
    const server = await startWebhook(app, config.webhook);
    stopBot = () => new Promise((resolve) => server.close(() => resolve()));
    logger.info({ bot: app.bot.botInfo.username, mode: "webhook", port: config.webhook.port }, "bot started");
  }
  const jobs = startJobs(app.deps, config.timeZone, app.sender);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing updates in flight");
    await jobs.stop();
    await stopBot(); // the runner waits for the updates it is handling
    await client.close();
    await local?.stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
