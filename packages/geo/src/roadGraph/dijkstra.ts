/**
 * Single-source shortest paths by travel time over a compiled graph: Dijkstra (1959) with a
 * binary heap on typed arrays and lazy deletion (a node may sit in the heap several times; stale
 * entries are skipped when popped). It records the path (`predEdge`), so routes and directions
 * use it, and walking coverage for its `maxSeconds` bound; matrices use the bucket queue of
 * travelRows.ts, which keeps only times and metres. The caller reuses one `DijkstraWorkspace`
 * across runs.
 */
import type { CompiledGraph } from "./compileGraph.js";
import { MinHeap } from "./minHeap.js";

/** Per-run results and scratch space, sized for one graph. */
export interface DijkstraWorkspace {
  /** seconds from the source; Infinity when unreached */
  seconds: Float64Array;
  /** metres along the chosen (fastest) path */
  metres: Float64Array;
  /** edge into each node on its fastest path; -1 for the source and unreached nodes */
  predEdge: Int32Array;
  heap: MinHeap;
}

/** Allocate a workspace for `graph`. */
export function createDijkstraWorkspace(graph: CompiledGraph): DijkstraWorkspace {
  const n = graph.nodeCount;
  return {
    seconds: new Float64Array(n),
    metres: new Float64Array(n),
    predEdge: new Int32Array(n),
    heap: new MinHeap(graph.edgeCount + 1), // each edge is relaxed at most once per run
  };
}

/**
 * Fastest paths from `source` to every node, into `ws`. With `targets`, the search stops once
 * all of them are settled; with `maxSeconds`, once every node within that time is settled.
 * Values of the nodes it did not settle are not final (but never below the true time).
 */
export function dijkstra(
  graph: CompiledGraph,
  source: number,
  ws: DijkstraWorkspace,
  targets?: ArrayLike<number>,
  maxSeconds = Infinity,
): void {
  const { offsets, target, seconds: w, metres: len } = graph;
  const { seconds, metres, predEdge, heap } = ws;
  seconds.fill(Infinity);
  metres.fill(Infinity);
  predEdge.fill(-1);
  let pending = 0;
  let isTarget: Uint8Array | undefined;
  if (targets) {
    isTarget = new Uint8Array(graph.nodeCount);
    for (let k = 0; k < targets.length; k++) {
      const t = targets[k]!;
      if (!isTarget[t]) {
        isTarget[t] = 1;
        pending++;
      }
    }
  }
  seconds[source] = 0;
  metres[source] = 0;
  heap.clear();
  heap.push(0, source);
  while (heap.size > 0) {
    const u = heap.pop();
    const key = heap.poppedKey;
    if (key > seconds[u]!) continue; // stale entry
    if (key > maxSeconds) return;
    if (isTarget?.[u]) {
      isTarget[u] = 0;
      if (--pending === 0) return;
    }
    for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
      const v = target[e]!;
      const candidate = key + w[e]!;
      if (candidate < seconds[v]!) {
        seconds[v] = candidate;
        metres[v] = metres[u]! + len[e]!;
        predEdge[v] = e;
        heap.push(candidate, v);
      }
    }
  }
}

/** Edges of the fastest path to `node` found by the last run, in travel order ([] if none). */
export function pathEdges(graph: CompiledGraph, ws: DijkstraWorkspace, node: number): number[] {
  const edges: number[] = [];
  for (let e = ws.predEdge[node]!; e >= 0; e = ws.predEdge[graph.source[e]!]!) edges.push(e);
  return edges.reverse();
}
