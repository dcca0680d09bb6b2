import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config.js";

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("fills defaults in polling mode", () => {
    const config = parseConfig({ BOT_TOKEN: "1:abc" });
    expect(config).toMatchObject({
      mode: "polling",
      apiRoot: "https://api.telegram.org",
      timeZone: "Europe/Moscow",
      defaultLocale: "ru",
      operatorIds: [],
      mongodb: { uri: undefined, dbName: "mentorship" },
    });
  });

  it("parses webhook mode as its own variant", () => {
    const config = parseConfig({ BOT_TOKEN: "1:abc", BOT_MODE: "webhook", WEBHOOK_URL: "https://bot.example.org/hook", WEBHOOK_SECRET: "s3cr3t_", PORT: "8080" });
    expect(config.mode).toBe("webhook");
    if (config.mode === "webhook") expect(config.webhook).toEqual({ url: "https://bot.example.org/hook", secret: "s3cr3t_", port: 8080 });
  });

  it("lists every problem at once", () => {
    const list = problems({ BOT_MODE: "webhook", TZ: "Mars/Olympus", OPERATOR_IDS: "12,abc", LOG_LEVEL: "loud", MONGODB_URI: "postgres://x" });
    const keys = list.map((p) => p.split(" ")[0]);
    expect(keys).toEqual(expect.arrayContaining(["BOT_TOKEN", "TZ", "OPERATOR_IDS", "LOG_LEVEL", "MONGODB_URI", "WEBHOOK_URL", "WEBHOOK_SECRET", "PORT"]));
  });

  it("reports an unknown mode together with the other problems", () => {
    const list = problems({ BOT_MODE: "carrier-pigeon", BOT_API_ROOT: "not a url" });
    expect(list.some((p) => p.startsWith("BOT_MODE"))).toBe(true);
    expect(list.some((p) => p.startsWith("BOT_TOKEN"))).toBe(true);
    expect(list.some((p) => p.startsWith("BOT_API_ROOT"))).toBe(true);
  });

  it("parses operator ids and trims the API root", () => {
    const config = parseConfig({ BOT_TOKEN: "t", OPERATOR_IDS: " 101, 202 ", BOT_API_ROOT: "http://127.0.0.1:9000/" });
    expect(config.operatorIds).toEqual([101, 202]);
    expect(config.apiRoot).toBe("http://127.0.0.1:9000");
  });
});
