/**
 * Marks the nodes of the largest strongly connected component. Real extracts are full of
 * small islands (parking aisles, clipped one-ways); a stop snapped onto one cannot be reached,
 * so snapping prefers the main component. Tarjan's algorithm (Tarjan 1972, "Depth-first search
 * and linear graph algorithms", SIAM J. Comput. 1(2)), iterative to survive deep graphs.
 */
import type { CompiledGraph } from "./compileGraph.js";

/** 1 for nodes in the largest strongly connected component, else 0. */
export function largestComponent(graph: CompiledGraph): Uint8Array {
  const n = graph.nodeCount;
  const { offsets, target } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  let components = 0;
  const sizes: number[] = [];
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = offsets[root]!;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const u = callNode[depth]!;
      const e = callEdge[depth]!;
      if (e < offsets[u + 1]!) {
        callEdge[depth] = e + 1;
        const v = target[e]!;
        if (index[v] === -1) {
          index[v] = low[v] = counter++;
          stack[sp++] = v;
          onStack[v] = 1;
          depth++;
          callNode[depth] = v;
          callEdge[depth] = offsets[v]!;
        } else if (onStack[v]) {
          low[u] = Math.min(low[u]!, index[v]!);
        }
        continue;
      }
      if (low[u] === index[u]) {
        let size = 0;
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          component[w] = components;
          size++;
        } while (w !== u);
        sizes.push(size);
        components++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        low[parent] = Math.min(low[parent]!, low[u]!);
      }
    }
  }
  let best = 0;
  for (let c = 1; c < sizes.length; c++) if (sizes[c]! > sizes[best]!) best = c;
  return Uint8Array.from(component, (c) => (c === best ? 1 : 0));
}
