import { webhookCallback } from "grammy";
import { createServer, type Server } from "node:http";
import type { AppBot } from "./index.js";

/** Webhook mode: Telegram's secret token header is checked by grammY on every request. */
export async function startWebhook(app: AppBot, opts: { url: string; secret: string; port: number }): Promise<Server> {
  const { bot } = app;
  await bot.init();
  const handle = webhookCallback(bot, "http", { secretToken: opts.secret, onTimeout: "return", timeoutMilliseconds: 55_000 });
  const server = createServer((req, res) => {
    if (req.method !== "POST") {
      res.writeHead(405).end();
      return;
    }
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port, resolve));
  await bot.api.setWebhook(opts.url, { secret_token: opts.secret, allowed_updates: ["message", "callback_query", "my_chat_member"] });
  return server;
}
