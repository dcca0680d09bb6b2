import { z } from "zod";

// The only module that reads the environment. Parsed once in main; tests build their own Config.

const DEFAULT_API_ROOT = "https://api.telegram.org";

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const csvIds = z
  .string()
  .default("")
  .transform((raw, ctx) => {
    const ids: number[] = [];
    for (const part of raw.split(",").map((s) => s.trim()).filter(Boolean)) {
      if (!/^\d{1,15}$/.test(part)) {
        ctx.addIssue({ code: "custom", message: `"${part}" is not a Telegram user id (digits only, comma-separated)` });
        return z.NEVER;
      }
      ids.push(Number(part));
    }
    return ids;
  });

const common = z.object({
  BOT_TOKEN: z
    .string({ error: "is required: get one from @BotFather in Telegram (/newbot)" })
    .min(1, "is required: get one from @BotFather in Telegram (/newbot)"),
  BOT_API_ROOT: z.url({ error: "must be a URL such as https://api.telegram.org" }).default(DEFAULT_API_ROOT),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://")
    .optional(),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, "must be 1–63 letters, digits, _ or -").default("mentorship"),
  TZ: z.string().refine(isTimeZone, "must be an IANA time zone such as Europe/Moscow").default("Europe/Moscow"),
  DEFAULT_LOCALE: z.enum(["ru", "en"], { error: "must be ru or en" }).default("ru"),
  OPERATOR_IDS: csvIds,
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  DATA_DIR: z.string().min(1).default("./data"),
  RATE_LIMIT_UPDATES: z.coerce.number({ error: "must be a whole number from 1 to 1000" }).int().min(1).max(1000).default(20),
  RATE_LIMIT_WINDOW_MS: z.coerce.number({ error: "must be a whole number of milliseconds from 100 to 600000" }).int().min(100).max(600_000).default(5000),
  OUTBOX_PER_SECOND: z.coerce.number({ error: "must be a number of messages a second from 1 to 1000" }).min(1).max(1000).default(30),
  OUTBOX_PER_CHAT_PER_SECOND: z.coerce.number({ error: "must be a number of messages a second from 0.01 to 100" }).min(0.01).max(100).default(1),
});

const polling = common.extend({ BOT_MODE: z.literal("polling") });
const webhook = common.extend({
  BOT_MODE: z.literal("webhook"),
  WEBHOOK_URL: z.url({ error: "is required in webhook mode: the public https URL Telegram posts to" }),
  WEBHOOK_SECRET: z
    .string({ error: "is required in webhook mode: 1–256 characters A–Z, a–z, 0–9, _ or -" })
    .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1–256 characters A–Z, a–z, 0–9, _ or -"),
  PORT: z.coerce
    .number({ error: "is required in webhook mode: the port to listen on" })
    .int()
    .min(1, "must be a port number 1–65535")
    .max(65535, "must be a port number 1–65535"),
});

const envSchema = z.discriminatedUnion("BOT_MODE", [polling, webhook], {
  error: "must be polling or webhook",
});

type Env = z.infer<typeof envSchema>;

export interface BaseConfig {
  botToken: string;
  apiRoot: string;
  mongodb: { uri: string | undefined; dbName: string };
  timeZone: string;
  defaultLocale: "ru" | "en";
  operatorIds: readonly number[];
  logLevel: Env["LOG_LEVEL"];
  dataDir: string;
  /** At most `updates` updates from one person per `windowMs`; the rest are ignored. */
  rateLimit: { updates: number; windowMs: number };
  /** The outbox's sender: messages a second overall and to one chat (Telegram's limits: 30 and 1). */
  outbox: { perSecond: number; perChatPerSecond: number };
}

export type Config =
  | (BaseConfig & { mode: "polling" })
  | (BaseConfig & { mode: "webhook"; webhook: { url: string; secret: string; port: number } });

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      "Configuration is not valid:\n" +
        problems.map((p) => `  - ${p}`).join("\n") +
        "\nSet these environment variables (see README, section Configuration) and start again.",
    );
    this.name = "ConfigError";
  }
}

/** Parses the environment into a typed Config; throws ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as unset, as they do in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const input = { BOT_MODE: "polling", ...cleaned };
  const parsed = envSchema.safeParse(input);
  if (!parsed.success) {
    // An unknown BOT_MODE stops the union at the discriminator; check the common part too,
    // so that one run lists every problem.
    const issues = [...parsed.error.issues, ...(common.safeParse(input).error?.issues ?? [])];
    const problems = issues.map((issue) => `${issue.path.join(".") || "BOT_MODE"} ${issue.message}`);
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  const base: BaseConfig = {
    botToken: e.BOT_TOKEN,
    apiRoot: e.BOT_API_ROOT.replace(/\/+$/, ""),
    mongodb: { uri: e.MONGODB_URI, dbName: e.MONGODB_DB },
    timeZone: e.TZ,
    defaultLocale: e.DEFAULT_LOCALE,
    operatorIds: e.OPERATOR_IDS,
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    rateLimit: { updates: e.RATE_LIMIT_UPDATES, windowMs: e.RATE_LIMIT_WINDOW_MS },
    outbox: { perSecond: e.OUTBOX_PER_SECOND, perChatPerSecond: e.OUTBOX_PER_CHAT_PER_SECOND },
  };
  return e.BOT_MODE === "webhook"
    ? { ...base, mode: "webhook", webhook: { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.PORT } }
    : { ...base, mode: "polling" };
}

/** The process environment, read here only. */
export function readEnvironment(): Record<string, string | undefined> {
  return process.env;
}
