// Benchmark of the matching engine: a seeded city-sized instance (5,000 mentees × 2,000 mentors),
// the exact engine against the greedy baseline. A script, not a test: `npx tsx bench/matching.bench.ts`.
// The last line printed is one JSON object; the exit code is 1 when the target is missed.
// The exact engine prunes its candidates for speed and then proves the optimum on all of them
// (lossless). `--unpruned` also runs the plain unpruned solve, for comparison, and asserts that
// both reach the same total fit.

import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import {
  DEFAULT_CANDIDATES_PER_MENTEE,
  DEFAULT_CANDIDATES_PER_MENTOR,
  greedyAssignment,
  proposePairs,
  totalFit,
  type MatchingInput,
  type MatchingResult,
  type MatchMentee,
  type MatchMentor,
  type MeetingFormat,
  type RankedChoice,
} from "../src/domain/matching/index.js";
import type { Category } from "../src/domain/programme.js";
import { mulberry32 } from "../test/support/random.js";

const MENTEES = 5_000;
const MENTORS = 2_000;
const SEED = 20_250_901;
const RUNS = 3;
const TARGET_MS = 2_000;


// The default topic list of QUESTIONNAIRES.md: 13 for teachers, 8 for students, 4 for careers.
const TEACHER_TOPICS = [
  "lesson-planning", "paperwork", "discipline", "low-motivation", "special-needs", "gifted", "parents",
  "colleagues", "certification", "digital-tools", "class-teacher", "burnout", "subject-knowledge",
];
const STUDENT_TOPICS = ["subject-help", "adaptation", "communication", "self-organisation", "olympiads", "projects", "leadership", "creative-sports"];
const CAREER_TOPICS = ["professions", "internships", "soft-skills", "education-path"];
const SLOTS = ["mon", "tue", "wed", "thu", "fri", "sat"].flatMap((d) => ["am", "pm", "eve"].map((p) => `${d}-${p}`));

/** A seeded instance: exported for experiments (`await import("./matching.bench.ts")` runs nothing). */
export function generate(seed: number, menteeCount = MENTEES, mentorCount = MENTORS): MatchingInput {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[], lo: number, hi: number): T[] => {
    const k = Math.min(xs.length, int(lo, hi));
    const out = new Set<T>();
    while (out.size < k) out.add(pick(xs));
    return [...out];
  };
  const format = (): MeetingFormat => {
    const r = rnd();
    return r < 0.5 ? "any" : r < 0.8 ? "offline" : "online";
  };

  const mentees: MatchMentee[] = [];
  for (let k = 0; k < menteeCount; k++) {
    const id = `e${String(k).padStart(5, "0")}`;
    if (rnd() < 0.8) {
      const grade = int(1, 11);
      const pool = grade >= 8 ? [...STUDENT_TOPICS, ...CAREER_TOPICS] : STUDENT_TOPICS;
      mentees.push({ id, category: "student", grade, requests: some(pool, 1, 4), format: format(), availability: some(SLOTS, 1, 5) });
    } else {
      const experienceYears = rnd() < 0.8 ? int(0, 3) : int(4, 15);
      mentees.push({ id, category: "teacher", experienceYears, requests: some(TEACHER_TOPICS, 1, 4), format: format(), availability: some(SLOTS, 1, 5) });
    }
  }
  const mentors: MatchMentor[] = [];
  for (let k = 0; k < mentorCount; k++) {
    const id = `r${String(k).padStart(5, "0")}`;
    const r = rnd();
    const category: Category = r < 0.4 ? "student" : r < 0.75 ? "teacher" : r < 0.9 ? "employer" : "university";
    const base = { id, category, freeCapacity: int(1, 3), format: format(), availability: some(SLOTS, 1, 5) };
    switch (category) {
      case "student":
        mentors.push({ ...base, grade: int(7, 11), competencies: some(STUDENT_TOPICS, 1, 4) });
        break;
      case "teacher":
        mentors.push({ ...base, experienceYears: int(2, 35), competencies: some(rnd() < 0.7 ? TEACHER_TOPICS : STUDENT_TOPICS, 1, 4) });
        break;
      default:
        mentors.push({ ...base, experienceYears: int(5, 30), competencies: some(rnd() < 0.7 ? CAREER_TOPICS : [...CAREER_TOPICS, ...STUDENT_TOPICS], 1, 4) });
    }
  }
  // Sparse choices: about 30% of people name 1–3 people of the other side.
  const preferences: RankedChoice[] = [];
  const studentMentors = mentors.filter((p) => p.category !== "teacher" || rnd() < 0.5);
  const teacherMentors = mentors.filter((p) => p.category === "teacher");
  for (const e of mentees) {
    if (rnd() >= 0.3) continue;
    const pool = e.category === "student" ? studentMentors : teacherMentors;
    preferences.push({ side: "mentee", chooserId: e.id, ranked: some(pool, 1, 3).map((p) => p.id) });
  }
  const studentMentees = mentees.filter((p) => p.category === "student");
  const teacherMentees = mentees.filter((p) => p.category === "teacher");
  for (const r of mentors) {
    if (rnd() >= 0.3) continue;
    const pool = r.category === "teacher" && rnd() < 0.5 ? teacherMentees : studentMentees;
    preferences.push({ side: "mentor", chooserId: r.id, ranked: some(pool, 1, 3).map((p) => p.id) });
  }
  return {
    mentees,
    mentors,
    forms: ["student-student", "teacher-teacher", "teacher-student", "employer-student", "university-student"],
    preferences,
    existingPairs: [],
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function main(): void {
  let peakHeap = 0;
  function timed(run: () => MatchingResult): { ms: number; result: MatchingResult } {
    const times: number[] = [];
    let result = run(); // warm-up
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    for (let k = 0; k < RUNS; k++) {
      const t0 = performance.now();
      result = run();
      times.push(performance.now() - t0);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    return { ms: median(times), result };
  }

  const t0 = performance.now();
  const input = generate(SEED);
  const genMs = performance.now() - t0;

  const exact = timed(() => proposePairs(input));
  const greedy = timed(() => greedyAssignment(input));
  const exactFit = totalFit(exact.result);
  const greedyFit = totalFit(greedy.result);

  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const byReason = (r: MatchingResult): string => {
    const counts = new Map<string, number>();
    for (const u of r.unmatched) counts.set(u.reason, (counts.get(u.reason) ?? 0) + 1);
    return [...counts].map(([k, v]) => `${k} ${v}`).join(", ") || "none";
  };
  const places = input.mentors.reduce((s, p) => s + p.freeCapacity, 0);

  console.log(`matching benchmark: ${MENTEES} mentees × ${MENTORS} mentors (${places} places), seed ${SEED}, generated in ${genMs.toFixed(0)} ms`);
  console.log(
    `candidate edges: ${exact.result.stats.candidateEdges}, kept by the exact engine: ${exact.result.stats.edgesUsed} (K = ${DEFAULT_CANDIDATES_PER_MENTEE}, L = ${DEFAULT_CANDIDATES_PER_MENTOR}), ` +
      `Dijkstra phases: ${exact.result.stats.phases}, pruned edges added back by the optimality check: ${exact.result.stats.repaired}`,
  );
  console.log(`exact : ${exact.ms.toFixed(1)} ms (median of ${RUNS}), total fit ${exactFit}, matched ${exact.result.proposals.length}, unmatched ${exact.result.unmatched.length} (${byReason(exact.result)})`);
  console.log(`greedy: ${greedy.ms.toFixed(1)} ms (median of ${RUNS}), total fit ${greedyFit}, matched ${greedy.result.proposals.length}, unmatched ${greedy.result.unmatched.length} (${byReason(greedy.result)})`);
  console.log(`exact / greedy: time ×${(exact.ms / greedy.ms).toFixed(2)}, fit ×${(exactFit / greedyFit).toFixed(4)} (+${exactFit - greedyFit})`);
  console.log(`peak heap used (sampled after each run): ${mb(peakHeap)}`);

  let unprunedFit: number | undefined;
  let unprunedMs: number | undefined;
  if (process.argv.includes("--unpruned")) {
    // The plain unpruned solve, for comparison (slower; on request only). The default run prunes
    // and then checks optimality on every candidate, so its fit must be the same optimum.
    const t = performance.now();
    const full = proposePairs(input, { candidatesPerMentee: Infinity });
    unprunedMs = performance.now() - t;
    unprunedFit = totalFit(full);
    console.log(`unpruned exact: ${unprunedMs.toFixed(0)} ms (one run), total fit ${unprunedFit}, Dijkstra phases ${full.stats.phases}`);
  }

  const failures: string[] = [];
  if (exact.ms >= TARGET_MS) failures.push(`exact engine took ${exact.ms.toFixed(0)} ms, target < ${TARGET_MS} ms`);
  if (exactFit < greedyFit) failures.push(`exact total fit ${exactFit} is below greedy ${greedyFit}`);
  if (unprunedFit !== undefined && exactFit !== unprunedFit) failures.push(`exact total fit ${exactFit} differs from the unpruned optimum ${unprunedFit}`);
  if (failures.length > 0) console.error(`TARGET MISSED: ${failures.join("; ")}`);
  else console.log(`target met: exact < ${TARGET_MS} ms and exact fit ≥ greedy fit${unprunedFit === undefined ? "" : " and = the unpruned optimum"}`);

  console.log(
    JSON.stringify({
      bench: "matching",
      mentees: MENTEES,
      mentors: MENTORS,
      places,
      candidate_edges: exact.result.stats.candidateEdges,
      kept_edges: exact.result.stats.edgesUsed,
      exact_ms: Number(exact.ms.toFixed(1)),
      greedy_ms: Number(greedy.ms.toFixed(1)),
      exact_fit: exactFit,
      greedy_fit: greedyFit,
      matched: exact.result.proposals.length,
      unmatched: exact.result.unmatched.length,
      greedy_unmatched: greedy.result.unmatched.length,
      peak_heap_mb: Number((peakHeap / 1024 / 1024).toFixed(1)),
      ...(unprunedFit === undefined ? {} : { unpruned_fit: unprunedFit, unpruned_ms: Number(unprunedMs!.toFixed(1)) }),
      ok: failures.length === 0,
    }),
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
