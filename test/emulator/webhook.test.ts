import type { Update, WebhookInfo } from "@grammyjs/types";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator } from "../support/emulator/index.js";
import { callOk, sleep } from "./helpers.js";

interface Received {
  headers: IncomingHttpHeaders;
  update: Update;
}

/** A tiny webhook receiver whose answers the test scripts (status codes, optional JSON body). */
class WebhookReceiver {
  readonly received: Received[] = [];
  /** Status codes to answer, one per request; 200 once exhausted. */
  statuses: number[] = [];
  replyBody: ((update: Update) => object | undefined) | undefined;
  private server: Server | undefined;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const update = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update;
        this.received.push({ headers: req.headers, update });
        const status = this.statuses.shift() ?? 200;
        const body = status === 200 ? this.replyBody?.(update) : undefined;
        res.writeHead(status, { "content-type": "application/json" });
        res.end(body ? JSON.stringify(body) : "");
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/telegram/webhook`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async waitForCount(count: number, timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`webhook received ${this.received.length} of ${count} requests`);
      await sleep(20);
    }
  }
}

describe("Bot API emulator: webhooks", () => {
  let emulator: BotApiEmulator;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    emulator = new BotApiEmulator({ webhookRetry: { delayMs: 50, maxAttempts: 3 } });
    receiver = new WebhookReceiver();
    await Promise.all([emulator.start(), receiver.start()]);
  });
  afterEach(async () => {
    await emulator.stop();
    await receiver.stop();
  });

  it("pushes updates as JSON with the secret token header and confirms them on 2xx", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    expect(await callOk<boolean>(emulator, "setWebhook", { url: receiver.url, secret_token: "s3cr3t_token-1" })).toBe(true);

    await user.sendText("one");
    await user.sendText("two");
    await receiver.waitForCount(2);

    expect(receiver.received.map((r) => r.update.message?.text)).toEqual(["one", "two"]);
    expect(receiver.received.map((r) => r.update.update_id)).toEqual([1, 2]);
    expect(receiver.received[0]?.headers["x-telegram-bot-api-secret-token"]).toBe("s3cr3t_token-1");
    expect(receiver.received[0]?.headers["content-type"]).toBe("application/json");
    await sleep(20);
    expect(emulator.pendingUpdateCount()).toBe(0);

    const info = await callOk<WebhookInfo>(emulator, "getWebhookInfo");
    expect(info).toMatchObject({ url: receiver.url, has_custom_certificate: false, pending_update_count: 0 });
  });

  it("omits the secret header when no secret is set", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    await callOk(emulator, "setWebhook", { url: receiver.url });
    await user.sendText("hi");
    await receiver.waitForCount(1);
    expect(receiver.received[0]?.headers["x-telegram-bot-api-secret-token"]).toBeUndefined();
  });

  it("retries failed deliveries in order before sending later updates", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    receiver.statuses = [500, 502];
    await callOk(emulator, "setWebhook", { url: receiver.url });
    await user.sendText("first");
    await user.sendText("second");
    await receiver.waitForCount(4);

    expect(receiver.received.map((r) => r.update.update_id)).toEqual([1, 1, 1, 2]);
    expect(emulator.webhookFailures.map((f) => f.attempt)).toEqual([1, 2]);
    expect(emulator.webhookInfo().last_error_message).toBe("Wrong response from the webhook: 502 Bad Gateway");
  });

  it("drops an update after the bounded number of attempts", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    receiver.statuses = [500, 500, 500];
    await callOk(emulator, "setWebhook", { url: receiver.url });
    await user.sendText("doomed");
    await user.sendText("fine");
    await receiver.waitForCount(4);
    expect(receiver.received.map((r) => r.update.message?.text)).toEqual(["doomed", "doomed", "doomed", "fine"]);
    expect(emulator.webhookFailures.at(-1)).toMatchObject({ updateId: 1, attempt: 3, dropped: true });
  });

  it("treats connection errors as failed deliveries", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    const gone = new WebhookReceiver();
    await gone.start();
    await gone.stop();
    await callOk(emulator, "setWebhook", { url: gone.url });
    await user.sendText("knock knock");
    const deadline = Date.now() + 3000;
    while (emulator.pendingUpdateCount() > 0 && Date.now() < deadline) await sleep(20);

    expect(emulator.webhookFailures.map((f) => f.attempt)).toEqual([1, 2, 3]);
    expect(emulator.webhookFailures[0]?.error).toMatch(/^Connection error/);
    expect(emulator.pendingUpdateCount()).toBe(0);
  });

  it("drop_pending_updates on setWebhook discards the backlog", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    await user.sendText("stale");
    await callOk(emulator, "setWebhook", { url: receiver.url, drop_pending_updates: true });
    await user.sendText("fresh");
    await receiver.waitForCount(1);
    await sleep(100);
    expect(receiver.received.map((r) => r.update.message?.text)).toEqual(["fresh"]);
  });

  it("executes a method returned in the webhook response (webhook reply)", async () => {
    const user = emulator.createUser({ firstName: "Ann" });
    receiver.replyBody = (update) => ({ method: "sendMessage", chat_id: update.message?.chat.id, text: "pong" });
    await callOk(emulator, "setWebhook", { url: receiver.url });
    await user.sendText("ping");
    expect((await user.nextMessage()).text).toBe("pong");
  });

  it("rejects bad secret tokens", async () => {
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/setWebhook`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: receiver.url, secret_token: "no spaces allowed" }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ description: "Bad Request: secret token contains unallowed characters" });
    expect(emulator.webhookInfo().url).toBe("");
  });
});
