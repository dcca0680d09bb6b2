// Runs every bench/*.bench.ts in turn, each in its own Node process (so that one benchmark's heap
// and JIT state do not colour the next), and exits non-zero if any of them failed.
// `npm run bench` or `npx tsx bench/run-all.ts`.

import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();

const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== ${file}`);
  const t0 = performance.now();
  // `--import tsx` is resolved from the working directory: run from the project's root.
  const run = spawnSync(process.execPath, ["--import", "tsx", join(benchDir, file)], { cwd: root, stdio: "inherit" });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
    console.error(`=== ${file}: FAILED (${why}) after ${seconds} s`);
    failed.push(file);
  } else {
    console.log(`=== ${file}: ok in ${seconds} s`);
  }
}

if (files.length === 0) console.log("no benchmarks found");
console.log(`\n${files.length - failed.length}/${files.length} benchmarks passed${failed.length ? `; failed: ${failed.join(", ")}` : ""}`);
process.exitCode = failed.length === 0 ? 0 : 1;
