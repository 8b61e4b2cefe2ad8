/**
 * Attaches places to the road graph: each place goes to a nearby node, preferring the largest
 * strongly connected component unless that is much further away than the nearest node (then
 * the place really lies on a separate network and being unreachable is the honest answer).
 */
import KDBush from "kdbush";
import { around } from "geokdbush";
import { haversineKmRaw } from "../haversineKm.js";
import type { LatLon } from "../types.js";
import type { CompiledGraph } from "./compileGraph.js";

/** How much further (km) a main-component node may be than the nearest node and still win. */
export const MAIN_COMPONENT_SLACK_KM = 0.3;

/** A place's road node and the straight-line km from the place to it. */
export interface Snap {
  node: number;
  km: number;
}

/** Spatial index of a compiled graph's nodes, built once per graph. */
export function indexNodes(graph: CompiledGraph): KDBush {
  const index = new KDBush(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) index.add(graph.lon[i]!, graph.lat[i]!);
  return index.finish();
}

/** Snap one position (see file header). `main` marks the largest component's nodes. */
export function snapPosition(graph: CompiledGraph, index: KDBush, main: Uint8Array, lat: number, lon: number): Snap {
  const nearest = around(index, lon, lat, 1)[0]!;
  const nearestKm = haversineKmRaw(lat, lon, graph.lat[nearest]!, graph.lon[nearest]!);
  if (main[nearest]) return { node: nearest, km: nearestKm };
  const inMain = around(index, lon, lat, 1, nearestKm + MAIN_COMPONENT_SLACK_KM, (id) => main[id] === 1)[0];
  if (inMain === undefined) return { node: nearest, km: nearestKm };
  return { node: inMain, km: haversineKmRaw(lat, lon, graph.lat[inMain]!, graph.lon[inMain]!) };
}

/** Snap each place (see file header). */
export function snapPlaces(graph: CompiledGraph, index: KDBush, main: Uint8Array, places: readonly LatLon[]): Snap[] {
  return places.map((p) => snapPosition(graph, index, main, p.lat, p.lon));
}
