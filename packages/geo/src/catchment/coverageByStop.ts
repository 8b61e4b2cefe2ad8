/**
 * Coverage told per stop, for people: how many caregivers (not weighted, not discounted) live
 * within walking reach of each stop, and in which localities.
 */
import type { Scenario } from "@carebus/model";
import type { Coverage } from "../types.js";

/** Caregivers within reach of one stop, in total and by the demand point's locality. */
export interface StopCoverage {
  stopId: string;
  caregivers: number;
  byLocality: Record<string, number>;
}

/**
 * Per stop, in `scenario.stops` order: caregivers covered and their split by locality.
 * In the scores form the stop's score stands in for caregivers, under the stop's locality.
 */
export function coverageByStop(scenario: Scenario, coverage: Coverage): StopCoverage[] {
  const demand = scenario.demand;
  return scenario.stops.map((stop, s) => {
    const byLocality: Record<string, number> = {};
    let caregivers = 0;
    for (const p of coverage.stopPoints[s] ?? []) {
      const [amount, locality] =
        demand.kind === "points"
          ? [demand.points[p]!.caregivers, demand.points[p]!.locality]
          : [coverage.pointValue[p]!, stop.locality];
      caregivers += amount;
      byLocality[locality] = (byLocality[locality] ?? 0) + amount;
    }
    return { stopId: stop.id, caregivers, byLocality };
  });
}
