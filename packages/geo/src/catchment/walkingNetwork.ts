/**
 * Walking distances over a street and path network, for coverage when the detoured straight
 * line is not good enough (rivers, highways and hills that walkers must go around). Every way
 * is walkable both ways; edge weights are metres. A query is one Dijkstra from the place's node,
 * bounded by the longest walk asked for, so its cost depends on the catchment, not the city.
 */
import type KDBush from "kdbush";
import { buildRoadGraph } from "../roadGraph/buildRoadGraph.js";
import { compileGraph, type CompiledGraph } from "../roadGraph/compileGraph.js";
import { createDijkstraWorkspace, dijkstra, type DijkstraWorkspace } from "../roadGraph/dijkstra.js";
import { largestComponent } from "../roadGraph/largestComponent.js";
import type { RoadWay } from "../roadGraph/roadWay.js";
import { indexNodes, snapPosition, type Snap } from "../roadGraph/snapPlaces.js";

/** A walking network: build once, then ask for walking metres from a place to many positions. */
export class WalkingNetwork {
  readonly graph: CompiledGraph;
  private readonly index: KDBush;
  private readonly main: Uint8Array;
  private readonly ws: DijkstraWorkspace;

  /** Build from ways (read them with `WALKABLE_HIGHWAYS` to keep footways and paths). */
  constructor(ways: readonly RoadWay[]) {
    // at 1 m/s the graph's seconds are metres; class speeds and limits do not apply to walkers
    const twoWay = ways.map((w) => ({ ...w, oneway: 0 as const, highway: "", maxspeedKmh: undefined }));
    this.graph = compileGraph(buildRoadGraph(twoWay, { defaultSpeedKmh: 3.6 }));
    this.index = indexNodes(this.graph);
    this.main = largestComponent(this.graph);
    this.ws = createDijkstraWorkspace(this.graph);
  }

  /** Where a position joins the network, and how far off it is. */
  snap(lat: number, lon: number): Snap {
    return snapPosition(this.graph, this.index, this.main, lat, lon);
  }

  /**
   * Walk from (lat, lon) over the network, up to `maxMetres`. The returned function gives the
   * walking metres to a position already snapped (`to`), or Infinity beyond `maxMetres`. It
   * stays valid until the next call of `walkFrom`.
   */
  walkFrom(lat: number, lon: number, maxMetres: number): (to: Snap) => number {
    const from = this.snap(lat, lon);
    const startM = from.km * 1000;
    dijkstra(this.graph, from.node, this.ws, undefined, maxMetres - startM);
    const metres = this.ws.seconds;
    return (to) => {
      const d = startM + metres[to.node]! + to.km * 1000;
      return d <= maxMetres ? d : Infinity;
    };
  }
}
