/**
 * Single-source shortest paths by travel time over a compiled graph: Dijkstra with a binary
 * heap on typed arrays and lazy deletion (a node may sit in the heap several times; stale
 * entries are skipped when popped). The caller reuses one `DijkstraWorkspace` across sources so
 * a matrix allocates nothing per row.
 */
import type { CompiledGraph } from "./compileGraph.js";

/** Per-run results and scratch space, sized for one graph. */
export interface DijkstraWorkspace {
  /** seconds from the source; Infinity when unreached */
  seconds: Float64Array;
  /** metres along the chosen (fastest) path */
  metres: Float64Array;
  /** edge into each node on its fastest path; -1 for the source and unreached nodes */
  predEdge: Int32Array;
  heapKeys: Float64Array;
  heapNodes: Int32Array;
}

/** Allocate a workspace for `graph`. */
export function createDijkstraWorkspace(graph: CompiledGraph): DijkstraWorkspace {
  const n = graph.nodeCount;
  const cap = graph.edgeCount + 1; // each relaxation pushes at most once
  return {
    seconds: new Float64Array(n),
    metres: new Float64Array(n),
    predEdge: new Int32Array(n),
    heapKeys: new Float64Array(cap),
    heapNodes: new Int32Array(cap),
  };
}

/**
 * Fastest paths from `source` to every node, into `ws`. With `targets`, the search stops once
 * all of them are settled (their values are then final; others may not be).
 */
export function dijkstra(graph: CompiledGraph, source: number, ws: DijkstraWorkspace, targets?: ArrayLike<number>): void {
  const { offsets, target, seconds: w, metres: len } = graph;
  const { seconds, metres, predEdge, heapKeys, heapNodes } = ws;
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
  let size = 0;
  // push (key, node): sift up
  const push = (key: number, node: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapKeys[parent]! <= key) break;
      heapKeys[i] = heapKeys[parent]!;
      heapNodes[i] = heapNodes[parent]!;
      i = parent;
    }
    heapKeys[i] = key;
    heapNodes[i] = node;
  };
  push(0, source);
  while (size > 0) {
    const key = heapKeys[0]!;
    const u = heapNodes[0]!;
    // pop: move the last entry to the root and sift down
    size--;
    if (size > 0) {
      const lastKey = heapKeys[size]!;
      const lastNode = heapNodes[size]!;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && heapKeys[child + 1]! < heapKeys[child]!) child++;
        if (heapKeys[child]! >= lastKey) break;
        heapKeys[i] = heapKeys[child]!;
        heapNodes[i] = heapNodes[child]!;
        i = child;
      }
      heapKeys[i] = lastKey;
      heapNodes[i] = lastNode;
    }
    if (key > seconds[u]!) continue; // stale entry
    if (isTarget && isTarget[u]) {
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
        push(candidate, v);
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
