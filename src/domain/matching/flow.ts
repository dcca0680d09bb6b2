import { DEFAULT_CANDIDATES_PER_MENTEE, DEFAULT_CANDIDATES_PER_MENTOR, type MatchingInput, type MatchingOptions, type MatchingResult } from "./rules.js";
import { EdgeList, GrowableInt32, buildResult, prepare } from "./preparation.js";

// The exact engine: min-cost flow on source → mentee (cap 1) → mentor (cap = free places) → sink,
// cost = −fit, by successive shortest paths with potentials (Dijkstra on reduced costs). Paths
// of the same length are augmented together (a blocking flow on the zero-reduced-cost edges, as in
// the primal–dual method), so the number of Dijkstra runs is bounded by the number of distinct
// path costs (≤ the largest fit), not by the number of mentees. Augmenting stops as soon as the
// cheapest path costs ≥ 0: the total fit is maximised, not the number of pairs.

/**
 * Proposes pairs that maximise the total fit under the mentors' free places (min-cost flow, see
 * the top of this file), with the reasons for every pair and every mentee left without one.
 */
export function proposePairs(input: MatchingInput, options: MatchingOptions = {}): MatchingResult {
  const prep = prepare(input);
  const { n, m, cap, scan, scratchMentor, scratchFit, scratchChoice } = prep;
  const k = options.candidatesPerMentee ?? DEFAULT_CANDIDATES_PER_MENTEE;
  const K = Number.isNaN(k) ? DEFAULT_CANDIDATES_PER_MENTEE : Math.max(1, k);
  const l = options.candidatesPerMentor ?? DEFAULT_CANDIDATES_PER_MENTOR;
  const L = Number.isNaN(l) ? DEFAULT_CANDIDATES_PER_MENTOR : Math.min(n, Math.max(0, Math.floor(l)));

  // Kept edges: each mentee's best K, every edge named in a choice, and each mentor's best L
  // among the rest (a bounded min-heap per mentor; mentees come in index order, so on equal fit
  // the earlier one stays). Every candidate is also kept aside (mentee by mentee) for the
  // optimality check after the flow.
  const edges = new EdgeList();
  const best = { mentor: new Int32Array(n).fill(-1), fit: new Int32Array(n) };
  const heapSize = new Int32Array(m);
  const heapFit = new Int32Array(m * L);
  const heapMentee = new Int32Array(m * L);
  const allStart = new Int32Array(n + 1);
  const allMentor = new GrowableInt32();
  const allFit = new GrowableInt32();
  let candidateEdges = 0;
  for (let i = 0; i < n; i++) {
    const count = scan(i);
    candidateEdges += count;
    allStart[i] = allMentor.length;
    if (count > 0) {
      best.mentor[i] = scratchMentor[0]!;
      best.fit[i] = scratchFit[0]!;
    }
    for (let c = 0; c < count; c++) {
      const j = scratchMentor[c]!;
      const fit = scratchFit[c]!;
      allMentor.push(j);
      allFit.push(fit);
      if (c < K || scratchChoice[c] === 1) {
        edges.push(i, j, fit);
        continue;
      }
      if (L === 0) continue;
      const base = j * L;
      const size = heapSize[j]!;
      if (size < L) {
        // sift up: the root holds the lowest fit (the latest mentee among equals)
        let p = size;
        while (p > 0) {
          const q = (p - 1) >> 1;
          if (heapFit[base + q]! <= fit) break;
          heapFit[base + p] = heapFit[base + q]!;
          heapMentee[base + p] = heapMentee[base + q]!;
          p = q;
        }
        heapFit[base + p] = fit;
        heapMentee[base + p] = i;
        heapSize[j] = size + 1;
      } else if (fit > heapFit[base]!) {
        let p = 0;
        for (;;) {
          let q = 2 * p + 1;
          if (q >= L) break;
          if (q + 1 < L && heapFit[base + q + 1]! < heapFit[base + q]!) q++;
          if (heapFit[base + q]! >= fit) break;
          heapFit[base + p] = heapFit[base + q]!;
          heapMentee[base + p] = heapMentee[base + q]!;
          p = q;
        }
        heapFit[base + p] = fit;
        heapMentee[base + p] = i;
      }
    }
  }
  allStart[n] = allMentor.length;
  for (let j = 0; j < m; j++) {
    for (let h = 0; h < heapSize[j]!; h++) edges.push(heapMentee[j * L + h]!, j, heapFit[j * L + h]!);
  }

  const flow = maxFitFlow(n, m, cap, edges);
  let { assigned, potMentee, potMentor } = flow;
  let phases = flow.phases;

  // Optimality on the full graph (the pruning is lossless): the flow is optimal on the kept edges
  // and the potentials prove it (every residual arc has a reduced cost ≥ 0, π(S) = π(T) = 0). They
  // prove it for every candidate too unless some pruned edge u → v (unused, so in the residual
  // graph) has −fit + π(u) − π(v) < 0. Such edges are added, saturated, and the flow is rebalanced
  // by shortest paths from the current optimum; repeated until no candidate violates.
  let repaired = 0;
  const allM = allMentor.view();
  const allF = allFit.view();
  for (;;) {
    const firstNew = edges.length;
    for (let i = 0; i < n; i++) {
      const pu = potMentee[i]!;
      const own = assigned[i]!;
      for (let c = allStart[i]!, end = allStart[i + 1]!; c < end; c++) {
        const j = allM[c]!;
        if (pu - allF[c]! - potMentor[j]! < 0 && j !== own) edges.push(i, j, allF[c]!);
      }
    }
    if (edges.length === firstNew) break;
    repaired += edges.length - firstNew;
    const next = restoreOptimality(n, m, cap, edges, firstNew, assigned, potMentee, potMentor);
    ({ assigned, potMentee, potMentor } = next);
    phases += next.phases;
  }

  const stats = { candidateEdges, edgesUsed: edges.length, phases, repaired };
  return buildResult(prep, "exact", assigned, best, stats, options);
}

/** A binary min-heap of (node, key) pairs on typed arrays, shared by the Dijkstra runs. */
class MinHeap {
  private readonly keys: Int32Array;
  private readonly nodes: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Int32Array(capacity);
    this.nodes = new Int32Array(capacity);
  }
  clear(): void {
    this.size = 0;
  }
  minKey(): number {
    return this.keys[0]!;
  }
  push(node: number, key: number): void {
    const { keys, nodes } = this;
    let p = this.size++;
    while (p > 0) {
      const q = (p - 1) >> 1;
      if (keys[q]! <= key) break;
      keys[p] = keys[q]!;
      nodes[p] = nodes[q]!;
      p = q;
    }
    keys[p] = key;
    nodes[p] = node;
  }
  /** Removes and returns the node with the smallest key. */
  pop(): number {
    const { keys, nodes } = this;
    const top = nodes[0]!;
    const n = --this.size;
    if (n > 0) {
      const lk = keys[n]!;
      const ln = nodes[n]!;
      let p = 0;
      for (;;) {
        let c = 2 * p + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
        if (keys[c]! >= lk) break;
        keys[p] = keys[c]!;
        nodes[p] = nodes[c]!;
        p = c;
      }
      keys[p] = lk;
      nodes[p] = ln;
    }
    return top;
  }
}

/**
 * The residual graph of arcs (with their current flow, or none) in CSR form: edge e and its
 * reverse are linked through eRev; arcEdge maps an arc to its forward edge.
 */
function residualGraph(N: number, from: Int32Array, to: Int32Array, arcCap: Int32Array, arcFlow: Int32Array | null, arcCost: Int32Array) {
  const arcs = from.length;
  const E = 2 * arcs;
  const adjStart = new Int32Array(N + 1);
  for (let x = 0; x < arcs; x++) {
    adjStart[from[x]! + 1]!++;
    adjStart[to[x]! + 1]!++;
  }
  for (let v = 0; v < N; v++) adjStart[v + 1]! += adjStart[v]!;
  const eTo = new Int32Array(E);
  const eCap = new Int32Array(E);
  const eCost = new Int32Array(E);
  const eRev = new Int32Array(E);
  const arcEdge = new Int32Array(arcs);
  const fill = adjStart.slice(0, N);
  for (let x = 0; x < arcs; x++) {
    const u = from[x]!;
    const v = to[x]!;
    const flow = arcFlow ? arcFlow[x]! : 0;
    const e = fill[u]!++;
    const r = fill[v]!++;
    eTo[e] = v;
    eCap[e] = arcCap[x]! - flow;
    eCost[e] = arcCost[x]!;
    eRev[e] = r;
    eTo[r] = u;
    eCap[r] = flow;
    eCost[r] = -arcCost[x]!;
    eRev[r] = e;
    arcEdge[x] = e;
  }
  return { adjStart, eTo, eCap, eCost, eRev, arcEdge };
}

/**
 * Back to an optimum after edges `firstNew`… were added to the edges of an optimal `assigned`
 * with potentials proving it (π(S) = π(T) = 0, so S and T are one node here: the amount of flow is
 * free). Each new edge of negative reduced cost is saturated, which leaves its mentee one unit
 * short and its mentor one unit over; every arc's reduced cost is then ≥ 0, and shortest paths
 * (Dijkstra with potentials, from all nodes with a surplus to the nearest with a shortage) move
 * the units back at least cost. Returns the new optimum and its potentials.
 */
function restoreOptimality(
  n: number,
  m: number,
  cap: Int32Array,
  edges: EdgeList,
  firstNew: number,
  assigned0: Int32Array,
  potMentee: Int32Array,
  potMentor: Int32Array,
): { assigned: Int32Array; phases: number; potMentee: Int32Array; potMentor: Int32Array } {
  const eMentee = edges.mentee.view();
  const eMentor = edges.mentor.view();
  const eFit = edges.fit.view();
  const count = edges.length;
  // Nodes: ST = 0, mentee i = 1 + i, mentor j = 1 + n + j.
  const N = 1 + n + m;
  const load = new Int32Array(m);
  for (let i = 0; i < n; i++) if (assigned0[i]! >= 0) load[assigned0[i]!]!++;
  const hasEdge = new Uint8Array(m);
  for (let k = 0; k < count; k++) hasEdge[eMentor[k]!] = 1;
  let arcs = n + count;
  for (let j = 0; j < m; j++) if (cap[j]! > 0) arcs++;
  const from = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const arcCap = new Int32Array(arcs);
  const arcFlow = new Int32Array(arcs);
  const arcCost = new Int32Array(arcs);
  let a = 0;
  for (let i = 0; i < n; i++, a++) {
    to[a] = 1 + i;
    arcCap[a] = 1;
    arcFlow[a] = assigned0[i]! >= 0 ? 1 : 0;
  }
  const firstPair = a;
  for (let k = 0; k < count; k++, a++) {
    from[a] = 1 + eMentee[k]!;
    to[a] = 1 + n + eMentor[k]!;
    arcCap[a] = 1;
    arcCost[a] = -eFit[k]!;
    arcFlow[a] = assigned0[eMentee[k]!] === eMentor[k]! ? 1 : 0;
  }
  for (let j = 0; j < m; j++) {
    if (cap[j]! <= 0) continue;
    from[a] = 1 + n + j;
    arcCap[a] = cap[j]!;
    arcFlow[a] = load[j]!;
    a++;
  }
  const pot = new Int32Array(N);
  for (let i = 0; i < n; i++) pot[1 + i] = potMentee[i]!;
  for (let j = 0; j < m; j++) pot[1 + n + j] = potMentor[j]!;
  const excess = new Int32Array(N);
  let unbalanced = 0;
  for (let x = firstPair + firstNew; x < firstPair + count; x++) {
    const u = from[x]!;
    const v = to[x]!;
    if (arcFlow[x]! === 0 && arcCost[x]! + pot[u]! - pot[v]! < 0) {
      arcFlow[x] = 1;
      excess[u]!--;
      excess[v]!++;
      unbalanced++;
    }
  }

  const E = 2 * arcs;
  const { adjStart, eTo, eCap, eCost, eRev, arcEdge } = residualGraph(N, from, to, arcCap, arcFlow, arcCost);

  const INF = 0x3fffffff;
  const dist = new Int32Array(N);
  const done = new Uint8Array(N);
  const via = new Int32Array(N);
  const heap = new MinHeap(E + N + 1);
  const levelOf = new Int32Array(N);
  const queue = new Int32Array(N);
  const iter = new Int32Array(N);
  const pathEdges = new Int32Array(N);
  let phases = 0;
  while (unbalanced > 0) {
    phases++;
    dist.fill(INF);
    done.fill(0);
    heap.clear();
    const push = (v: number, nd: number): void => heap.push(v, nd);
    for (let v = 0; v < N; v++) {
      if (excess[v]! > 0) {
        dist[v] = 0;
        via[v] = -1;
        push(v, 0);
      }
    }
    let sink = -1;
    while (heap.size > 0) {
      const d = heap.minKey();
      const u = heap.pop();
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      if (excess[u]! < 0) {
        sink = u;
        break;
      }
      const pu = pot[u]! + d;
      for (let e: number = adjStart[u]!, end: number = adjStart[u + 1]!; e < end; e++) {
        if (eCap[e]! <= 0) continue;
        const v = eTo[e]!;
        if (done[v]) continue;
        const nd = pu + eCost[e]! - pot[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          via[v] = e;
          push(v, nd);
        }
      }
    }
    // The reverse of a saturated new edge always leads from its surplus back to its shortage.
    if (sink < 0) throw new Error("matching: internal error, no path to rebalance the flow");
    const D = dist[sink]!;
    for (let v = 0; v < N; v++) pot[v]! += done[v] ? dist[v]! : D;
    // Blocking flows on the arcs of zero reduced cost, from the surpluses to the shortages.
    for (;;) {
      levelOf.fill(-1);
      let qt = 0;
      for (let v = 0; v < N; v++) {
        if (excess[v]! > 0) {
          levelOf[v] = 0;
          queue[qt++] = v;
        }
      }
      let reached = false;
      for (let qh = 0; qh < qt; qh++) {
        const u = queue[qh]!;
        if (excess[u]! < 0) {
          reached = true;
          continue;
        }
        const pu = pot[u]!;
        for (let e = adjStart[u]!, end = adjStart[u + 1]!; e < end; e++) {
          const v = eTo[e]!;
          if (eCap[e]! > 0 && levelOf[v]! < 0 && eCost[e]! + pu - pot[v]! === 0) {
            levelOf[v] = levelOf[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      if (!reached) break;
      iter.set(adjStart.subarray(0, N));
      for (let s = 0; s < N; s++) {
        let depth = 0;
        let u = s;
        while (excess[s]! > 0 && levelOf[s] === 0) {
          if (excess[u]! < 0 && u !== s) {
            for (let k = 0; k < depth; k++) {
              const e = pathEdges[k]!;
              eCap[e]!--;
              eCap[eRev[e]!]!++;
            }
            excess[s]!--;
            excess[u]!++;
            unbalanced--;
            depth = 0;
            u = s;
            continue;
          }
          let advanced = false;
          const pu = pot[u]!;
          for (let e = iter[u]!, end = adjStart[u + 1]!; e < end; e++) {
            const v = eTo[e]!;
            if (eCap[e]! > 0 && levelOf[v] === levelOf[u]! + 1 && eCost[e]! + pu - pot[v]! === 0) {
              iter[u] = e;
              pathEdges[depth++] = e;
              u = v;
              advanced = true;
              break;
            }
          }
          if (advanced) continue;
          iter[u] = adjStart[u + 1]!;
          levelOf[u] = -1; // a dead end for this round
          if (u === s) break;
          const back: number = pathEdges[--depth]!;
          u = eTo[eRev[back]!]!;
          iter[u]!++;
        }
      }
    }
  }

  const assigned = new Int32Array(n).fill(-1);
  for (let k = 0; k < count; k++) if (eCap[arcEdge[firstPair + k]!] === 0) assigned[eMentee[k]!] = eMentor[k]!;
  const outMentee = new Int32Array(n);
  const outMentor = new Int32Array(m);
  for (let i = 0; i < n; i++) outMentee[i] = pot[1 + i]! - pot[0]!;
  // A mentor without edges only has its arc to ST: π = π(ST) is the lowest it may have.
  for (let j = 0; j < m; j++) outMentor[j] = hasEdge[j] ? pot[1 + n + j]! - pot[0]! : 0;
  return { assigned, phases, potMentee: outMentee, potMentor: outMentor };
}

/**
 * Maximum-fit assignment on the given edges: min-cost flow S → mentee (1) → mentor (cap) → T,
 * cost −fit, primal–dual: Dijkstra with potentials, then a blocking flow on the edges of zero
 * reduced cost, until the cheapest path no longer has negative cost.
 */
function maxFitFlow(
  n: number,
  m: number,
  cap: Int32Array,
  edges: EdgeList,
): { assigned: Int32Array; phases: number; potMentee: Int32Array; potMentor: Int32Array } {
  const eMentee = edges.mentee.view();
  const eMentor = edges.mentor.view();
  const eFit = edges.fit.view();
  const count = edges.length;
  // Nodes: S = 0, mentee i = 1 + i, mentor j = 1 + n + j, T = 1 + n + m.
  const S = 0;
  const Tn = 1 + n + m;
  const N = n + m + 2;
  const menteeUsed = new Uint8Array(n);
  const mentorUsed = new Uint8Array(m);
  for (let k = 0; k < count; k++) {
    menteeUsed[eMentee[k]!] = 1;
    if (cap[eMentor[k]!]! > 0) mentorUsed[eMentor[k]!] = 1;
  }
  let arcs = 0;
  for (let i = 0; i < n; i++) arcs += menteeUsed[i]!;
  for (let j = 0; j < m; j++) arcs += mentorUsed[j]!;
  arcs += count;
  const from = new Int32Array(arcs);
  const to = new Int32Array(arcs);
  const arcCap = new Int32Array(arcs);
  const arcCost = new Int32Array(arcs);
  let a = 0;
  for (let i = 0; i < n; i++) {
    if (!menteeUsed[i]) continue;
    from[a] = S;
    to[a] = 1 + i;
    arcCap[a] = 1;
    a++;
  }
  const firstPair = a;
  for (let k = 0; k < count; k++) {
    from[a] = 1 + eMentee[k]!;
    to[a] = 1 + n + eMentor[k]!;
    arcCap[a] = 1;
    arcCost[a] = -eFit[k]!;
    a++;
  }
  for (let j = 0; j < m; j++) {
    if (!mentorUsed[j]) continue;
    from[a] = 1 + n + j;
    to[a] = Tn;
    arcCap[a] = cap[j]!;
    a++;
  }

  const E = 2 * arcs;
  const { adjStart, eTo, eCap, eCost, eRev, arcEdge } = residualGraph(N, from, to, arcCap, null, arcCost);

  // Initial potentials (S → mentees → mentors → T is a DAG): all reduced costs ≥ 0.
  const pot = new Int32Array(N);
  for (let x = firstPair; x < firstPair + count; x++) {
    const v = to[x]!;
    if (arcCost[x]! < pot[v]!) pot[v] = arcCost[x]!;
  }
  for (let x = firstPair + count; x < arcs; x++) if (pot[from[x]!]! < pot[Tn]!) pot[Tn] = pot[from[x]!]!;

  const INF = 0x3fffffff;
  const dist = new Int32Array(N);
  const done = new Uint8Array(N);
  const heap = new MinHeap(E + N + 2);
  // The admissible graph of a phase: edges of zero reduced cost (both directions), CSR.
  const zStart = new Int32Array(N + 1);
  let zEdge = new Int32Array(1024);
  const levelOf = new Int32Array(N);
  const queue = new Int32Array(N);
  const iter = new Int32Array(N);
  const pathEdges = new Int32Array(N);
  let phases = 0;

  for (;;) {
    // Dijkstra on reduced costs, stopping once T is settled.
    phases++;
    dist.fill(INF);
    done.fill(0);
    dist[S] = 0;
    heap.clear();
    heap.push(S, 0);
    while (heap.size > 0) {
      const d = heap.minKey();
      const u = heap.pop();
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      if (u === Tn) break;
      const pu = pot[u]! + d;
      for (let e: number = adjStart[u]!, end: number = adjStart[u + 1]!; e < end; e++) {
        if (eCap[e]! <= 0) continue;
        const v = eTo[e]!;
        if (done[v]) continue;
        const nd = pu + eCost[e]! - pot[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          heap.push(v, nd);
        }
      }
    }
    if (!done[Tn]) break;
    // New potentials: settled nodes by their distance, the rest by T's (their distance is ≥ it).
    const D = dist[Tn]!;
    for (let v = 0; v < N; v++) pot[v]! += done[v] ? dist[v]! : D;
    if (pot[Tn]! - pot[S]! >= 0) break; // the cheapest path no longer adds fit

    // Collect the admissible graph once per phase: augmenting along zero-reduced-cost edges
    // only opens their reverses, which have zero reduced cost too.
    let zCount = 0;
    for (let u = 0; u < N; u++) {
      zStart[u] = zCount;
      const pu = pot[u]!;
      for (let e = adjStart[u]!, end = adjStart[u + 1]!; e < end; e++) {
        if (eCost[e]! + pu - pot[eTo[e]!]! !== 0) continue;
        if (zCount === zEdge.length) {
          const next = new Int32Array(zEdge.length * 2);
          next.set(zEdge);
          zEdge = next;
        }
        zEdge[zCount++] = e;
      }
    }
    zStart[N] = zCount;

    // Blocking flows (Dinic) on it until T is unreachable.
    for (;;) {
      levelOf.fill(-1);
      levelOf[S] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = S;
      while (qh < qt) {
        const u = queue[qh++]!;
        for (let z = zStart[u]!, end = zStart[u + 1]!; z < end; z++) {
          const e = zEdge[z]!;
          const v = eTo[e]!;
          if (eCap[e]! > 0 && levelOf[v]! < 0) {
            levelOf[v] = levelOf[u]! + 1;
            queue[qt++] = v;
          }
        }
      }
      if (levelOf[Tn]! < 0) break;
      iter.set(zStart.subarray(0, N));
      let depth = 0;
      let u = S;
      for (;;) {
        if (u === Tn) {
          for (let k = 0; k < depth; k++) {
            const e = pathEdges[k]!;
            eCap[e]!--;
            eCap[eRev[e]!]!++;
          }
          depth = 0;
          u = S;
          continue;
        }
        let advanced = false;
        for (let z = iter[u]!, end = zStart[u + 1]!; z < end; z++) {
          const e = zEdge[z]!;
          const v = eTo[e]!;
          if (eCap[e]! > 0 && levelOf[v] === levelOf[u]! + 1) {
            iter[u] = z;
            pathEdges[depth++] = e;
            u = v;
            advanced = true;
            break;
          }
        }
        if (advanced) continue;
        iter[u] = zStart[u + 1]!;
        levelOf[u] = -1; // a dead end for this round
        if (u === S) break;
        const back: number = pathEdges[--depth]!;
        u = eTo[eRev[back]!]!;
        iter[u]!++;
      }
    }
  }

  // The assignment is on the saturated mentee → mentor arcs.
  const assigned = new Int32Array(n).fill(-1);
  for (let k = 0; k < count; k++) if (eCap[arcEdge[firstPair + k]!] === 0) assigned[eMentee[k]!] = eMentor[k]!;

  // Dual certificate. Every residual arc has a reduced cost ≥ 0 under `pot`, but S and T differ;
  // the flow's amount is free (an arc T → S of cost 0), so potentials with π(S) = π(T) are needed.
  // First make π(T) ≥ π(S) (the loop may have stopped with T unreachable: the unsettled nodes
  // then move by a bound M ≥ every settled distance), then one Dijkstra from S at 0 and T at
  // π(S) − π(T) ≤ 0: the distances (capped) keep every reduced cost ≥ 0 and end with π(S) = π(T).
  const settle = (): number => {
    heap.clear();
    const push = (v: number, nd: number): void => heap.push(v, nd);
    for (let v = 0; v < N; v++) if (dist[v]! < INF) push(v, dist[v]!);
    let maxD = 0;
    while (heap.size > 0) {
      const d = heap.minKey();
      const u = heap.pop();
      if (done[u] || d > dist[u]!) continue;
      done[u] = 1;
      if (d > maxD) maxD = d;
      const pu = pot[u]! + d;
      for (let e: number = adjStart[u]!, end: number = adjStart[u + 1]!; e < end; e++) {
        if (eCap[e]! <= 0) continue;
        const v = eTo[e]!;
        if (done[v]) continue;
        const nd = pu + eCost[e]! - pot[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          push(v, nd);
        }
      }
    }
    return maxD;
  };
  if (pot[Tn]! < pot[S]!) {
    dist.fill(INF);
    done.fill(0);
    dist[S] = 0;
    const M = Math.max(settle(), pot[S]! - pot[Tn]!);
    for (let v = 0; v < N; v++) pot[v]! += done[v] ? dist[v]! : M;
  }
  dist.fill(INF);
  done.fill(0);
  dist[S] = 0;
  dist[Tn] = pot[S]! - pot[Tn]!;
  const M = settle();
  for (let v = 0; v < N; v++) pot[v]! += done[v] ? dist[v]! : M;
  const base = pot[S]!;
  const potMentee = new Int32Array(n);
  const potMentor = new Int32Array(m);
  // Outside the network: a mentee without edges, a mentor without edges (its arc to T is free, so
  // π = π(T) is the lowest it may have) — both at π(S) = π(T).
  for (let i = 0; i < n; i++) potMentee[i] = menteeUsed[i] ? pot[1 + i]! - base : 0;
  for (let j = 0; j < m; j++) potMentor[j] = mentorUsed[j] ? pot[1 + n + j]! - base : 0;
  return { assigned, phases, potMentee, potMentor };
}
