// Which query shapes stay flat on the embedded store (FerretDB 1.24 over SQLite) and which scan:
// each shape timed on a collection of 100 and of 10,000 documents (median of 15 runs).
// A script, not a test: `npx tsx bench/storeShapes.ts` (or `--mongo URI` for a real MongoDB).

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { MongoClient, type Collection } from "mongodb";
import { startLocalServer } from "../src/store/localServer.js";

interface Doc {
  _id: number;
  userId: number;
  programmeId: string;
  role: string;
  n: number;
}

const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: (i: number) => Promise<unknown>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn(i);
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

async function shapes(col: Collection<Doc>, size: number, drop: () => Promise<void>): Promise<Record<string, number>> {
  await col.insertMany(Array.from({ length: size }, (_, i) => ({ _id: i, userId: 1_000_000 + i, programmeId: `p${i % 50}`, role: i % 3 ? "mentee" : "mentor", n: i })));
  await col.createIndex({ userId: 1 });
  await col.createIndex({ programmeId: 1, role: 1 });
  const mid = Math.floor(size / 2);
  const out: Record<string, number> = {};
  out["findOne by _id"] = await time((i) => col.findOne({ _id: (mid + i) % size }));
  out["find _id $in (10 ids)"] = await time((i) => col.find({ _id: { $in: Array.from({ length: 10 }, (_, k) => (mid + i + k * 7) % size) } }).toArray());
  out["insertOne"] = await time((i) => col.insertOne({ _id: size + 10 + i, userId: 0, programmeId: "x", role: "x", n: 0 }));
  out["insertMany (20)"] = await time((i) => col.insertMany(Array.from({ length: 20 }, (_, k) => ({ _id: size * 10 + i * 100 + k, userId: 0, programmeId: "x", role: "x", n: 0 }))));
  out["insertOne duplicate _id (error)"] = await time(() => col.insertOne({ _id: mid, userId: 0, programmeId: "x", role: "x", n: 0 }).catch(() => null));
  out["updateOne by _id $set"] = await time((i) => col.updateOne({ _id: (mid + i) % size }, { $set: { n: i } }));
  out["replaceOne by _id"] = await time((i) => col.replaceOne({ _id: (mid + i) % size }, { userId: 1_000_000 + mid + i, programmeId: "p1", role: "mentee", n: i }));
  out["findOneAndUpdate by _id upsert"] = await time((i) => col.findOneAndUpdate({ _id: (mid + i) % size }, { $set: { n: i } }, { upsert: true }));
  out["updateOne upsert new _id"] = await time((i) => col.updateOne({ _id: size * 20 + i }, { $set: { n: i } }, { upsert: true }));
  out["deleteOne by _id"] = await time((i) => col.deleteOne({ _id: size * 10 + i * 100 }));
  out["findOne by indexed field (userId)"] = await time((i) => col.findOne({ userId: 1_000_000 + ((mid + i) % size) }));
  out["find by indexed field (programmeId, role)"] = await time((i) => col.find({ programmeId: `p${i % 50}`, role: "mentor" }).toArray());
  out["countDocuments by field"] = await time((i) => col.countDocuments({ programmeId: `p${i % 50}` }));
  out["aggregate $match+$group"] = await time((i) => col.aggregate([{ $match: { programmeId: `p${i % 50}` } }, { $group: { _id: "$role", n: { $sum: 1 } } }]).toArray());
  out["find all, _id order, 500 per page"] = await time((i) => col.find({ _id: { $gt: (i * 500) % size } }).sort({ _id: 1 }).limit(500).toArray());
  out["estimatedDocumentCount"] = await time(() => col.estimatedDocumentCount());
  const t0 = performance.now();
  await drop();
  out["drop collection"] = performance.now() - t0;
  return out;
}

interface TextDoc {
  _id: string;
  n: number;
}

// The store keeps its hot documents under text `_id`s: the only filter FerretDB's SQLite backend
// pushes down is `{_id: <string or ObjectId>}` alone, and with scripts/ferretdb.sh's fix it is
// answered from the `_id` index.
async function textIdShapes(col: Collection<TextDoc>, size: number): Promise<Record<string, number>> {
  for (let i = 0; i < size; i += 1000) {
    await col.insertMany(Array.from({ length: Math.min(1000, size - i) }, (_, k) => ({ _id: `u${i + k}`, n: i + k })));
  }
  const mid = Math.floor(size / 2);
  const out: Record<string, number> = {};
  out["text _id: findOne"] = await time((i) => col.findOne({ _id: `u${(mid + i) % size}` }));
  out["text _id: findOne, not there"] = await time((i) => col.findOne({ _id: `none${i}` }));
  out["text _id: updateOne $set"] = await time((i) => col.updateOne({ _id: `u${(mid + i) % size}` }, { $set: { n: i } }));
  out["text _id: replaceOne"] = await time((i) => col.replaceOne({ _id: `u${(mid + i) % size}` }, { n: -i }));
  out["text _id: updateOne upsert new"] = await time((i) => col.updateOne({ _id: `new${i}` }, { $set: { n: i } }, { upsert: true }));
  out["text _id: deleteOne"] = await time((i) => col.deleteOne({ _id: `new${i}` }));
  out["text _id: find $in (10 ids)"] = await time((i) => col.find({ _id: { $in: Array.from({ length: 10 }, (_, k) => `u${(mid + i + k * 7) % size}`) } }).toArray());
  return out;
}

async function main(): Promise<void> {
  const mongoArg = process.argv.indexOf("--mongo");
  let uri: string;
  let stop = async () => {};
  if (mongoArg > 0) uri = process.argv[mongoArg + 1]!;
  else {
    const dir = await mkdtemp(join(tmpdir(), "shapes-"));
    const server = await startLocalServer({ dataDir: dir });
    uri = server.uri;
    stop = async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  const client = await new MongoClient(uri).connect();
  const db = client.db(`shapes_${Date.now()}`);
  const rows: Record<string, Record<string, number>> = {};
  for (const size of [100, 10_000]) {
    const col = db.collection<Doc>(`c${size}`);
    const res = await shapes(col, size, () => col.drop().then(() => undefined));
    for (const [k, v] of Object.entries(res)) (rows[k] ??= {})[size] = v;
    const text = db.collection<TextDoc>(`t${size}`);
    for (const [k, v] of Object.entries(await textIdShapes(text, size))) (rows[k] ??= {})[size] = v;
    await text.drop();
  }
  console.log("| shape | 100 docs | 10,000 docs | ratio |\n|---|---|---|---|");
  for (const [k, v] of Object.entries(rows)) console.log(`| ${k} | ${v[100]!.toFixed(1)} ms | ${v[10_000]!.toFixed(1)} ms | ${(v[10_000]! / v[100]!).toFixed(1)}× |`);
  await db.dropDatabase();
  await client.close();
  await stop();
  console.log(JSON.stringify(rows));
}

await main();
