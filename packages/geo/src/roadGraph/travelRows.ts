/**
 * Rows of a travel matrix: for each source node, the fastest seconds and the metres along that
 * path to every target node. One search per source over the compiled graph with a bucket queue
 * (Dial 1969) instead of a heap: keys fall into buckets `width` seconds wide, kept in a circular
 * array of linked lists, so a push and a pop cost O(1).
 *
 * When `width` is at most half the lightest edge, no edge leads from a bucket back into itself,
 * every node of the current bucket is final and the search is plain Dijkstra. With lighter
 * edges (`bucketWidth` allows a few) nodes may re-enter the current bucket; they are then
 * searched again until the bucket empties (as in Δ-stepping, Meyer & Sanders 2003), which still
 * ends on the same times. Either way, with positive edge
 * times, every time is the unique fixed point of "min over in-edges of (time of tail + edge
 * seconds)" in floating point, so rows equal `dijkstra`'s to the last bit. Among paths of
 * equal time the metres may be those of another fastest path than the heap's, always the same
 * one for the same graph.
 *
 * `fillTravelRows` uses no imports and no outer variables: workers run it from its source text
 * (see parallelTravelRows.ts).
 */
import type { CompiledGraph } from "./compileGraph.js";

/** At most this many buckets span the heaviest edge: bounds memory and empty-bucket scans. */
export const MAX_BUCKETS_PER_EDGE = 32768;

/**
 * Bucket width for `graph`: half its lightest edge on regular graphs. One very short segment (a
 * few centimetres between two OSM vertices) would make buckets so narrow that scanning empty ones
 * costs more than the search, so the width is at least a sixteenth of the median edge time (from
 * an even sample of edges) and the heaviest edge over `MAX_BUCKETS_PER_EDGE`; lighter edges are
 * then searched again within their bucket (README.md, "Figures": 25 ms per source instead of
 * 36 on a grid with shape points a few centimetres apart).
 */
export function bucketWidth(graph: CompiledGraph): number {
  const w = graph.seconds;
  const m = graph.edgeCount;
  let lightest = Infinity;
  let heaviest = 0;
  for (let e = 0; e < m; e++) {
    const s = w[e]!;
    if (s < lightest) lightest = s;
    if (s > heaviest) heaviest = s;
  }
  const stride = Math.max(1, Math.ceil(m / 1024));
  const sample = new Float64Array(Math.ceil(m / stride));
  for (let k = 0; k < sample.length; k++) sample[k] = w[k * stride]!;
  sample.sort();
  const median = sample.length > 0 ? sample[sample.length >> 1]! : 0;
  const width = Math.max(lightest / 2, median / 16, heaviest / MAX_BUCKETS_PER_EDGE);
  // no edges, or none that takes time: any width will do
  return width > 0 && Number.isFinite(width) ? width : 1;
}

/**
 * Fill rows `i` of `outSeconds`/`outMetres` (row-major, `targets.length` wide) for the sources
 * whose index `i` it takes from the shared counter `next[0]`, until none is left: several
 * threads can share one set of outputs. Unreached targets get Infinity in both.
 */
export function fillTravelRows(
  offsets: Int32Array,
  target: Int32Array,
  seconds: Float64Array,
  metres: Float64Array,
  width: number,
  sources: Int32Array,
  targets: Int32Array,
  next: Int32Array,
  outSeconds: Float64Array,
  outMetres: Float64Array,
): void {
  const n = offsets.length - 1;
  const inv = 1 / width;
  let heaviest = 0;
  for (let e = 0; e < seconds.length; e++) if (seconds[e]! > heaviest) heaviest = seconds[e]!;
  // a push lands at most ceil(heaviest / width) + 1 buckets ahead, so slots never alias
  const slots = Math.ceil(heaviest * inv) + 2;
  const head = new Int32Array(slots).fill(-1);
  // lazy deletion: an improved node is pushed again and its old entry skipped. Plain Dijkstra
  // relaxes each edge once, so one entry per edge plus the source is enough there; re-searched
  // light edges can push more, and then the entry arrays grow
  let entryNode = new Int32Array(seconds.length + 1);
  let entryNext = new Int32Array(seconds.length + 1);
  const time = new Float64Array(n);
  const length = new Float64Array(n);
  const isTarget = new Uint8Array(n);
  const columns = targets.length;
  for (let row = Atomics.add(next, 0, 1); row < sources.length; row = Atomics.add(next, 0, 1)) {
    time.fill(Infinity);
    let pending = 0;
    for (let j = 0; j < columns; j++) {
      const t = targets[j]!;
      if (isTarget[t] === 0) {
        isTarget[t] = 1;
        pending++;
      }
    }
    const source = sources[row]!;
    time[source] = 0;
    length[source] = 0;
    entryNode[0] = source;
    entryNext[0] = -1;
    head[0] = 0;
    let used = 1;
    let live = 1;
    let bucket = 0;
    let slot = 0;
    // stop after the bucket that settled the last target: with light edges a node of the
    // current bucket is final only once the bucket is empty
    while (live > 0 && pending > 0) {
      while (head[slot] === -1) {
        bucket++;
        if (++slot === slots) slot = 0;
      }
      for (let k = head[slot]!; k !== -1; k = head[slot]!) {
        head[slot] = entryNext[k]!;
        live--;
        const u = entryNode[k]!;
        const tu = time[u]!;
        if (Math.floor(tu * inv) !== bucket) continue; // improved since: a stale entry
        if (isTarget[u] === 1) {
          isTarget[u] = 0;
          pending--;
        }
        const lu = length[u]!;
        for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
          const v = target[e]!;
          const candidate = tu + seconds[e]!;
          if (candidate >= time[v]!) continue;
          time[v] = candidate;
          length[v] = lu + metres[e]!;
          const s = Math.floor(candidate * inv) % slots;
          if (used === entryNode.length) {
            const grownNode = new Int32Array(2 * used);
            const grownNext = new Int32Array(2 * used);
            grownNode.set(entryNode);
            grownNext.set(entryNext);
            entryNode = grownNode;
            entryNext = grownNext;
          }
          entryNode[used] = v;
          entryNext[used] = head[s]!;
          head[s] = used++;
          live++;
        }
      }
      bucket++;
      if (++slot === slots) slot = 0;
    }
    if (live > 0) head.fill(-1);
    if (pending > 0) isTarget.fill(0);
    const base = row * columns;
    for (let j = 0; j < columns; j++) {
      const t = targets[j]!;
      const tt = time[t]!;
      outSeconds[base + j] = tt;
      outMetres[base + j] = tt === Infinity ? Infinity : length[t]!;
    }
  }
}
