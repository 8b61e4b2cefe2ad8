/**
 * Which demand points each stop covers, and what each point is worth. A point is covered when
 * the walk from it to the stop — straight line × detour factor at the walking speed — takes
 * no longer than its zone's catchment. A spatial index keeps this near-linear: each stop only
 * looks at points inside the largest catchment's radius.
 *
 * With a `WalkingNetwork` the walk follows streets and paths instead (no detour factor); the
 * straight-line radius still pre-selects candidates, since no walk is shorter than it.
 */
import { pointWeights, type Scenario } from "@carebus/model";
import type { Coverage } from "../types.js";
import type { Snap } from "../roadGraph/snapPlaces.js";
import { PointIndex } from "./pointIndex.js";
import type { WalkingNetwork } from "./walkingNetwork.js";

/** Care Block walking area when the scenario does not say, in minutes (issue 4). */
export const DEFAULT_CARE_BLOCK_MINUTES = 20;

/** Options of `computeCoverage`. */
export interface ComputeCoverageOptions {
  /** walk over this street/path network instead of the detoured straight line */
  walkingNetwork?: WalkingNetwork;
}

/**
 * Coverage sets and point values for the solver.
 *
 * Points form: `stopPoints[i]` are the sorted indices into `scenario.demand.points` covered by
 * `scenario.stops[i]`; `pointValue[p]` = caregivers × weight (its own, default 1, times the priority index weight: see pointWeights in @carebus/model) × (1 − careBlockDiscount)
 * when p lies within `careBlockMinutes` (default 20) walking of any Care Block, else without the
 * discount.
 *
 * Scores form: one pseudo-point per stop, `stopPoints[i] = [i]`, `pointValue[i]` = the stop's
 * score (0 when the scenario lists none).
 *
 * With `options.walkingNetwork`, walking distances follow the network (see walkingNetwork.ts).
 *
 * @example const { stopPoints, pointValue } = computeCoverage(scenario);
 */
export function computeCoverage(scenario: Scenario, options: ComputeCoverageOptions = {}): Coverage {
  const demand = scenario.demand;
  if (demand.kind === "scores") {
    const score = new Map(demand.scores.map((s) => [s.stopId, s.score]));
    return {
      stopPoints: scenario.stops.map((_, i) => Int32Array.of(i)),
      pointValue: Float64Array.from(scenario.stops, (s) => score.get(s.id) ?? 0),
    };
  }
  const points = demand.points;
  const rules = demand.coverage;
  const n = points.length;
  const lats = Float64Array.from(points, (p) => p.lat);
  const lons = Float64Array.from(points, (p) => p.lon);
  const index = new PointIndex(lats, lons);
  const zoneOf = Uint8Array.from(points, (p) => (p.zone === "rural" ? 1 : 0));
  const network = options.walkingNetwork;
  // km walkable in `minutes`: along the network, or as a detoured straight line
  const reachKm = (minutes: number): number =>
    ((minutes / 60) * rules.walkingSpeedKmh) / (network ? 1 : rules.detourFactor);
  const zoneKm = [reachKm(rules.catchmentMinutes.urban), reachKm(rules.catchmentMinutes.rural)];
  const pointSnaps: Array<Snap | undefined> = [];
  /** points within `kms[class]` walking km of (lat, lon); classes are zones, or one class */
  const reachable = (lat: number, lon: number, kms: number[], classOf?: Uint8Array): number[] => {
    const maxKm = Math.max(...kms);
    if (!network) return index.within(lat, lon, maxKm, classOf, kms);
    const walk = network.walkFrom(lat, lon, maxKm * 1000);
    return index.within(lat, lon, maxKm).filter((p) => {
      const snap = pointSnaps[p] ?? network.snap(lats[p]!, lons[p]!);
      pointSnaps[p] = snap;
      return walk(snap) <= kms[classOf ? classOf[p]! : 0]! * 1000;
    });
  };
  const stopPoints = scenario.stops.map((stop) =>
    Int32Array.from(reachable(stop.lat, stop.lon, zoneKm, zoneOf)).sort(),
  );

  const weights = pointWeights(demand);
  const pointValue = Float64Array.from(points, (p, i) => p.caregivers * weights[i]!);
  const discount = rules.careBlockDiscount ?? 0;
  if (discount > 0 && demand.careBlocks && demand.careBlocks.length > 0) {
    const blockKm = reachKm(rules.careBlockMinutes ?? DEFAULT_CARE_BLOCK_MINUTES);
    const inside = new Uint8Array(n);
    for (const block of demand.careBlocks) {
      for (const p of reachable(block.lat, block.lon, [blockKm])) inside[p] = 1;
    }
    for (let p = 0; p < n; p++) if (inside[p]) pointValue[p]! *= 1 - discount;
  }
  return { stopPoints, pointValue };
}
