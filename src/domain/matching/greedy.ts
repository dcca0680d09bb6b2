import type { MatchingInput, MatchingOptions, MatchingResult } from "./rules.js";
import { EdgeList, buildResult, prepare } from "./preparation.js";

// The baseline engine: best fit first, while places last. The exact engine (flow.ts) is measured
// against it in the tests and the benchmark.

/** Positions of the edges ordered by fit desc; ties keep the list's order (a stable counting sort). */
function orderByFit(fit: Int32Array): Int32Array {
  let maxFit = 0;
  for (let k = 0; k < fit.length; k++) if (fit[k]! > maxFit) maxFit = fit[k]!;
  const bucket = new Int32Array(maxFit + 2);
  for (let k = 0; k < fit.length; k++) bucket[maxFit - fit[k]! + 1]!++;
  for (let b = 1; b < bucket.length; b++) bucket[b]! += bucket[b - 1]!;
  const out = new Int32Array(fit.length);
  for (let k = 0; k < fit.length; k++) out[bucket[maxFit - fit[k]!]!++] = k;
  return out;
}

/** Takes edges best fit first while the mentee is free and the mentor has a place; returns how many were taken. */
function takeGreedily(edges: EdgeList, assigned: Int32Array, left: Int32Array): number {
  const mentee = edges.mentee.view();
  const mentor = edges.mentor.view();
  let taken = 0;
  for (const k of orderByFit(edges.fit.view())) {
    const i = mentee[k]!;
    const j = mentor[k]!;
    if (assigned[i]! < 0 && left[j]! > 0) {
      assigned[i] = j;
      left[j]!--;
      taken++;
    }
  }
  return taken;
}

/**
 * The baseline: every candidate edge, best fit first (ties: by mentee id, then in the fixed order
 * of the mentee's candidates), taken while the mentee is free and the mentor has a place.
 */
export function greedyAssignment(input: MatchingInput, options: MatchingOptions = {}): MatchingResult {
  const prep = prepare(input);
  const { n, scan, scratchMentor, scratchFit } = prep;
  const edges = new EdgeList();
  const best = { mentor: new Int32Array(n).fill(-1), fit: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    const count = scan(i);
    if (count > 0) {
      best.mentor[i] = scratchMentor[0]!;
      best.fit[i] = scratchFit[0]!;
    }
    for (let c = 0; c < count; c++) edges.push(i, scratchMentor[c]!, scratchFit[c]!);
  }
  const assigned = new Int32Array(n).fill(-1);
  takeGreedily(edges, assigned, prep.cap.slice());
  const stats = { candidateEdges: edges.length, edgesUsed: edges.length, phases: 0, repaired: 0 };
  return buildResult(prep, "greedy", assigned, best, stats, options);
}
