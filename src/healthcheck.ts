import { MongoClient } from "mongodb";
import { parseConfig, readEnvironment } from "./config.js";

// Container health check: the configuration is valid and the database answers a ping.

async function check(): Promise<void> {
  const config = parseConfig(readEnvironment());
  if (!config.mongodb.uri) return;
  const client = new MongoClient(config.mongodb.uri, { serverSelectionTimeoutMS: 3000 });
  try {
    await client.db(config.mongodb.dbName).command({ ping: 1 });
  } finally {
    await client.close();
  }
}

check().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`unhealthy: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
