import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DirectedGraph } from "graphology";
import { singleSource } from "graphology-shortest-path/dijkstra";
import { compileGraph, createDijkstraWorkspace, dijkstra, pathEdges, type RoadEdgeAttributes, type RoadNodeAttributes } from "@carebus/geo";

/**
 * Random directed graphs: a few clusters with no edges between some of them (disconnected
 * parts), and edges in one direction only unless the generator adds the reverse (one-ways).
 */
const randomGraphOf = (maxNodes: number, maxEdges: number) => fc
  .record({
    n: fc.integer({ min: 1, max: maxNodes }),
    edges: fc.array(
      fc.record({ from: fc.nat(), to: fc.nat(), seconds: fc.integer({ min: 1, max: 1000 }), bothWays: fc.boolean() }),
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
        const attrs = { durationS: e.seconds, lengthM: e.seconds * 3, name: "", highway: "", roundabout: false };
        const existing = graph.edge(String(a), String(b));
        if (existing === undefined) graph.addDirectedEdge(String(a), String(b), attrs);
        else if (graph.getEdgeAttribute(existing, "durationS") > e.seconds) graph.replaceEdgeAttributes(existing, attrs);
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
          for (let k = 0; k + 1 < path.length; k++) expected += graph.getEdgeAttribute(graph.edge(path[k], path[k + 1])!, "durationS");
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
      fc.property(randomGraphOf(300, 1500), fc.nat(), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (graph, s, ts) => {
        const compiled = compileGraph(graph);
        const source = s % graph.order;
        const targets = ts.map((t) => t % graph.order);
        const full = createDijkstraWorkspace(compiled);
        dijkstra(compiled, source, full);
        const early = createDijkstraWorkspace(compiled);
        dijkstra(compiled, source, early, targets);
        for (const t of targets) expect(early.seconds[t]).toBe(full.seconds[t]);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
