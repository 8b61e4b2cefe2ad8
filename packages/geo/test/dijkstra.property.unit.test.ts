import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DirectedGraph } from "graphology";
import { singleSource } from "graphology-shortest-path/dijkstra.js";
import {
  compileGraph,
  createDijkstraWorkspace,
  dijkstra,
  pathEdges,
  type CompiledGraph,
  type RoadEdgeAttributes,
  type RoadNodeAttributes,
} from "@carebus/geo";
import { bucketWidth, fillTravelRows } from "../src/roadGraph/travelRows.js";
import { runInWorker, travelRows } from "../src/roadGraph/parallelTravelRows.js";

/**
 * Random directed graphs: a few clusters with no edges between some of them (disconnected
 * parts), and edges in one direction only unless the generator adds the reverse (one-ways).
 */
const randomGraphOf = (maxNodes: number, maxEdges: number, fractional = false) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: maxNodes }),
      edges: fc.array(
        fc.record({
          from: fc.nat(),
          to: fc.nat(),
          // whole seconds make many equal-time paths; fractions make them rare
          seconds: fractional ? fc.double({ min: 0.01, max: 1000, noNaN: true }) : fc.integer({ min: 1, max: 1000 }),
          metres: fc.double({ min: 1, max: 5000, noNaN: true }),
          bothWays: fc.boolean(),
        }),
        { maxLength: maxEdges },
      ),
      clusters: fc.integer({ min: 1, max: 3 }),
    })
    .map(({ n, edges, clusters }) => {
      const graph = new DirectedGraph<RoadNodeAttributes, RoadEdgeAttributes>();
      for (let i = 0; i < n; i++) graph.addNode(String(i), { lat: 0, lon: i });
      for (const e of edges) {
        const from = e.from % n;
        const to = e.to % n;
        if (from === to || from % clusters !== to % clusters) continue; // no edges across clusters
        const add = (a: number, b: number) => {
          // with whole seconds, metres follow time so that every fastest path has the same metres
          const attrs = {
            durationS: e.seconds,
            lengthM: fractional ? e.metres : e.seconds * 3,
            name: "",
            highway: "",
            roundabout: false,
          };
          const existing = graph.edge(String(a), String(b));
          if (existing === undefined) graph.addDirectedEdge(String(a), String(b), attrs);
          else if (graph.getEdgeAttribute(existing, "durationS") > e.seconds)
            graph.replaceEdgeAttributes(existing, attrs);
        };
        add(from, to);
        if (e.bothWays) add(to, from);
      }
      return graph;
    });
const randomGraph = randomGraphOf(40, 120);

describe("typed-array Dijkstra", () => {
  it("finds the same shortest times as graphology-shortest-path, with Infinity where no path exists", () => {
    fc.assert(
      fc.property(randomGraph, fc.nat(), (graph, s) => {
        const compiled = compileGraph(graph);
        const source = s % graph.order;
        const ws = createDijkstraWorkspace(compiled);
        dijkstra(compiled, source, ws);
        const paths = singleSource(graph, compiled.keys[source]!, "durationS");
        for (let v = 0; v < compiled.nodeCount; v++) {
          const path = paths[compiled.keys[v]!];
          if (!path) {
            expect(ws.seconds[v]).toBe(Infinity);
            expect(pathEdges(compiled, ws, v)).toEqual([]);
            continue;
          }
          let expected = 0;
          for (let k = 0; k + 1 < path.length; k++)
            expected += graph.getEdgeAttribute(graph.edge(path[k], path[k + 1])!, "durationS");
          expect(ws.seconds[v]).toBe(expected);
          // the recorded path is a real path of that length, and metres follow it
          const edges = pathEdges(compiled, ws, v);
          let seconds = 0;
          let metres = 0;
          let at = source;
          for (const e of edges) {
            expect(compiled.source[e]).toBe(at);
            at = compiled.target[e]!;
            seconds += compiled.seconds[e]!;
            metres += compiled.metres[e]!;
          }
          expect(at).toBe(v);
          expect(seconds).toBe(expected);
          expect(ws.metres[v]).toBe(metres);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("gives final values for the targets when it stops early", () => {
    fc.assert(
      // larger graphs: stopping early is only right if nodes leave the heap in order of time
      fc.property(
        randomGraphOf(300, 1500),
        fc.nat(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
        (graph, s, ts) => {
          const compiled = compileGraph(graph);
          const source = s % graph.order;
          const targets = ts.map((t) => t % graph.order);
          const full = createDijkstraWorkspace(compiled);
          dijkstra(compiled, source, full);
          const early = createDijkstraWorkspace(compiled);
          dijkstra(compiled, source, early, targets);
          for (const t of targets) expect(early.seconds[t]).toBe(full.seconds[t]);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});

/** Rows of `dijkstra` for each source, as `fillTravelRows` lays them out. */
function dijkstraRows(compiled: CompiledGraph, sources: Int32Array, targets: Int32Array) {
  const ws = createDijkstraWorkspace(compiled);
  const seconds: number[] = [];
  const metres: number[] = [];
  for (const s of sources) {
    dijkstra(compiled, s, ws);
    for (const t of targets) {
      seconds.push(ws.seconds[t]!);
      metres.push(ws.seconds[t] === Infinity ? Infinity : ws.metres[t]!);
    }
  }
  return { seconds, metres };
}

function bucketRows(compiled: CompiledGraph, sources: Int32Array, targets: Int32Array, width: number) {
  const seconds = new Float64Array(sources.length * targets.length);
  const metres = new Float64Array(sources.length * targets.length);
  const { offsets, target, seconds: w, metres: len } = compiled;
  fillTravelRows(offsets, target, w, len, width, sources, targets, new Int32Array(1), seconds, metres);
  return { seconds: Array.from(seconds), metres: Array.from(metres) };
}

const nodesOf = (graph: { order: number }, picks: number[]) => Int32Array.from(picks, (p) => p % graph.order);
const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 6 });
const anyGraph = fc
  .tuple(fc.boolean(), fc.boolean())
  .chain(([fractional, large]) => randomGraphOf(large ? 300 : 40, large ? 1500 : 120, fractional));

describe("bucket-queue travel rows", () => {
  it("equal dijkstra's times and metres: one-way streets, disconnected parts, repeated targets", () => {
    fc.assert(
      fc.property(anyGraph, picks, picks, (graph, s, t) => {
        const compiled = compileGraph(graph);
        const sources = nodesOf(graph, s);
        const targets = nodesOf(graph, t);
        expect(bucketRows(compiled, sources, targets, bucketWidth(compiled))).toEqual(
          dijkstraRows(compiled, sources, targets),
        );
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it("keep the times when buckets are wider than light edges (nodes searched again within a bucket)", () => {
    fc.assert(
      fc.property(
        randomGraphOf(200, 1000, true),
        picks,
        picks,
        fc.double({ min: 1, max: 3000, noNaN: true }),
        (graph, s, t, width) => {
          const compiled = compileGraph(graph);
          const sources = nodesOf(graph, s);
          const targets = nodesOf(graph, t);
          const rows = bucketRows(compiled, sources, targets, width);
          const expected = dijkstraRows(compiled, sources, targets);
          expect(rows.seconds).toEqual(expected.seconds);
          // metres may come from another path of the same time, but exist exactly when a path does
          rows.metres.forEach((m, k) => {
            expect(Number.isFinite(m)).toBe(Number.isFinite(expected.metres[k]!));
          });
        },
      ),
      { seed: 12, numRuns: 200 },
    );
  });

  it("keep the times when one wide bucket makes nodes improve many times (more entries than edges)", () => {
    // the source reaches a hub through k branches, the costliest popped first (the bucket is a
    // stack), so the hub and the chain behind it improve k times: about k × chain entries
    const graph = new DirectedGraph<RoadNodeAttributes, RoadEdgeAttributes>();
    const k = 10;
    const chain = 50;
    const edge = (a: string, b: string, seconds: number) =>
      graph.addDirectedEdge(a, b, { durationS: seconds, lengthM: seconds, name: "", highway: "", roundabout: false });
    for (const id of [
      "source",
      "hub",
      ...Array.from({ length: k }, (_, i) => `branch${i}`),
      ...Array.from({ length: chain }, (_, i) => `chain${i}`),
    ])
      graph.addNode(id, { lat: 0, lon: 0 });
    for (let i = 0; i < k; i++) {
      edge("source", `branch${i}`, 10 * (i + 1));
      edge(`branch${i}`, "hub", 1);
    }
    edge("hub", "chain0", 1);
    for (let i = 1; i < chain; i++) edge(`chain${i - 1}`, `chain${i}`, 1);
    const compiled = compileGraph(graph);
    const sources = Int32Array.of(0);
    const targets = Int32Array.from({ length: compiled.nodeCount }, (_, v) => v);
    expect(bucketRows(compiled, sources, targets, 1e9)).toEqual(dijkstraRows(compiled, sources, targets));
  });

  it("are filled by a worker thread from the function's source text", async () => {
    const graph = fc.sample(randomGraphOf(300, 1500, true), { seed: 14, numRuns: 1 })[0]!;
    const compiled = compileGraph(graph);
    const sources = Int32Array.from({ length: 10 }, (_, k) => k % graph.order);
    const targets = Int32Array.from({ length: 7 }, (_, k) => (k * 13) % graph.order);
    const shared = (length: number) => new Float64Array(new SharedArrayBuffer(length * 8));
    const shareInts = (a: Int32Array) => {
      const copy = new Int32Array(new SharedArrayBuffer(a.byteLength));
      copy.set(a);
      return copy;
    };
    const seconds = shared(70);
    const metres = shared(70);
    const { offsets, target, seconds: w, metres: len } = compiled;
    await runInWorker([
      offsets,
      target,
      w,
      len,
      bucketWidth(compiled),
      shareInts(sources),
      shareInts(targets),
      shareInts(new Int32Array(1)),
      seconds,
      metres,
    ]);
    expect({ seconds: Array.from(seconds), metres: Array.from(metres) }).toEqual(
      dijkstraRows(compiled, sources, targets),
    );
  });

  it("give the same rows from worker threads as from one thread", async () => {
    await fc.assert(
      fc.asyncProperty(
        randomGraphOf(300, 1500, true),
        fc.array(fc.nat(), { minLength: 8, maxLength: 40 }),
        picks,
        async (graph, s, t) => {
          const compiled = compileGraph(graph);
          const sources = nodesOf(graph, s);
          const targets = nodesOf(graph, t);
          const parallel = await travelRows(compiled, sources, targets, 3);
          const single = await travelRows(compiled, sources, targets, 1);
          expect(parallel).toEqual(single);
          expect({ seconds: Array.from(single.seconds), metres: Array.from(single.metres) }).toEqual(
            dijkstraRows(compiled, sources, targets),
          );
        },
      ),
      { seed: 13, numRuns: 5 },
    );
  });
});
