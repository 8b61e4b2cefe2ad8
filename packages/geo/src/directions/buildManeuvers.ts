/**
 * Steps in OSRM's shape from a path over the compiled road graph, so the same
 * osrm-text-instructions tables speak for the road-graph provider as for a real OSRM server.
 * A new step starts where the road name changes, where the path enters a roundabout, or at a
 * junction where the path turns by more than `TURN_SPLIT_DEGREES`; the turn's modifier comes
 * from the bearings of the edges on either side (bearings.ts). A roundabout step counts the
 * exits passed and carries the name of the road it leaves by, as OSRM's does.
 */
import type { CompiledGraph } from "../roadGraph/compileGraph.js";
import type { ManeuverStep, Place } from "../types.js";
import { initialBearing, turnModifier } from "./bearings.js";

/** A bend at a junction sharper than this starts a new step even when the name stays. */
export const TURN_SPLIT_DEGREES = 40;

interface Group {
  edges: number[];
  roundabout: boolean;
}

/** Extra straight travel from a place onto the network (or off it), added to the end steps. */
export interface Connector {
  metres: number;
  seconds: number;
}

function point(g: CompiledGraph, node: number): [number, number] {
  return [g.lon[node]!, g.lat[node]!];
}

function edgeBearing(g: CompiledGraph, e: number): number {
  return initialBearing(point(g, g.source[e]!), point(g, g.target[e]!));
}

function angleBetween(a: number, b: number): number {
  return Math.abs(((b - a + 540) % 360) - 180);
}

/** True when a node offers a choice of way other than going back to `cameFrom`. */
function isJunction(g: CompiledGraph, node: number, cameFrom: number): boolean {
  let choices = 0;
  for (let e = g.offsets[node]!; e < g.offsets[node + 1]!; e++) if (g.target[e] !== cameFrom) choices++;
  return choices >= 2;
}

function hasExit(g: CompiledGraph, node: number): boolean {
  for (let e = g.offsets[node]!; e < g.offsets[node + 1]!; e++) if (!g.roundabout[e]) return true;
  return false;
}

function groupEdges(g: CompiledGraph, edges: readonly number[]): Group[] {
  const groups: Group[] = [];
  for (let k = 0; k < edges.length; k++) {
    const e = edges[k]!;
    const last = groups[groups.length - 1];
    const prev = edges[k - 1];
    const split =
      !last ||
      prev === undefined ||
      g.roundabout[e] !== g.roundabout[prev] ||
      (!g.roundabout[e] &&
        (g.nameIndex[e] !== g.nameIndex[prev] ||
          (isJunction(g, g.source[e]!, g.source[prev]!) &&
            angleBetween(edgeBearing(g, prev), edgeBearing(g, e)) > TURN_SPLIT_DEGREES)));
    if (split) groups.push({ edges: [e], roundabout: g.roundabout[e] === 1 });
    else last.edges.push(e);
  }
  return groups;
}

function sum(values: Float64Array, edges: readonly number[]): number {
  let s = 0;
  for (const e of edges) s += values[e]!;
  return s;
}

/**
 * OSRM-style steps (depart, turns, roundabouts, arrive) for driving `edges` from `from` to `to`.
 * `start`/`end` are the straight connectors between the places and the network.
 */
export function buildManeuvers(
  g: CompiledGraph,
  edges: readonly number[],
  from: Place,
  to: Place,
  start: Connector,
  end: Connector,
): ManeuverStep[] {
  const steps: ManeuverStep[] = [];
  const groups = groupEdges(g, edges);
  const fromPoint: [number, number] = [from.lon, from.lat];
  const toPoint: [number, number] = [to.lon, to.lat];
  const firstEdge = edges[0];
  const departBearing = firstEdge !== undefined ? edgeBearing(g, firstEdge) : initialBearing(fromPoint, toPoint);
  const nameOf = (group: Group | undefined) => (group ? g.names[g.nameIndex[group.edges[0]!]!]! : "");
  steps.push({
    maneuver: {
      type: "depart",
      bearing_before: 0,
      bearing_after: Math.round(departBearing),
      location: firstEdge !== undefined ? point(g, g.source[firstEdge]!) : fromPoint,
    },
    name: nameOf(groups[0]),
    distance: start.metres + (groups[0] ? sum(g.metres, groups[0].edges) : 0),
    duration: start.seconds + (groups[0] ? sum(g.seconds, groups[0].edges) : 0),
    mode: "driving",
  });
  for (let k = 1; k < groups.length; k++) {
    const group = groups[k]!;
    const before = edgeBearing(g, groups[k - 1]!.edges[groups[k - 1]!.edges.length - 1]!);
    const entry = group.edges[0]!;
    const location = point(g, g.source[entry]!);
    if (group.roundabout) {
      const exitGroup = groups[k + 1];
      let exits = 0;
      for (const e of group.edges.slice(0, -1)) if (hasExit(g, g.target[e]!)) exits++;
      const after = exitGroup
        ? edgeBearing(g, exitGroup.edges[0]!)
        : edgeBearing(g, group.edges[group.edges.length - 1]!);
      const used = exitGroup ? [...group.edges, ...exitGroup.edges] : group.edges;
      steps.push({
        maneuver: {
          type: "roundabout",
          modifier: turnModifier(before, after),
          exit: exits + 1,
          bearing_before: Math.round(before),
          bearing_after: Math.round(after),
          location,
        },
        name: exitGroup ? nameOf(exitGroup) : nameOf(group),
        distance: sum(g.metres, used),
        duration: sum(g.seconds, used),
        mode: "driving",
      });
      if (exitGroup) k++;
      continue;
    }
    const after = edgeBearing(g, entry);
    const modifier = turnModifier(before, after);
    steps.push({
      maneuver: {
        type: modifier === "straight" ? "new name" : "turn",
        modifier,
        bearing_before: Math.round(before),
        bearing_after: Math.round(after),
        location,
      },
      name: nameOf(group),
      distance: sum(g.metres, group.edges),
      duration: sum(g.seconds, group.edges),
      mode: "driving",
    });
  }
  const lastStep = steps[steps.length - 1]!;
  lastStep.distance += end.metres;
  lastStep.duration += end.seconds;
  const lastEdge = edges[edges.length - 1];
  const arriveFrom = lastEdge !== undefined ? point(g, g.target[lastEdge]!) : fromPoint;
  const heading = lastEdge !== undefined ? edgeBearing(g, lastEdge) : departBearing;
  const side = end.metres < 5 ? "straight" : turnModifier(heading, initialBearing(arriveFrom, toPoint));
  steps.push({
    maneuver: {
      type: "arrive",
      modifier: side.endsWith("left") ? "left" : side.endsWith("right") ? "right" : "straight",
      bearing_before: Math.round(heading),
      bearing_after: 0,
      location: toPoint,
    },
    name: to.name ?? "",
    distance: 0,
    duration: 0,
    mode: "driving",
  });
  return steps;
}
