/**
 * What changes if a new plan replaces the published one: the objective difference and the
 * stops gained or lost (a stop counts as visited when at least one route visits it).
 */
import type { Plan } from "../shared/types.js";

/** The difference between a candidate plan and a reference (usually the published one). */
export interface PlanComparison {
  valueDelta: number;
  candidateValue: number;
  referenceValue: number;
  /** Stops the candidate visits and the reference does not, sorted by id. */
  added: string[];
  /** Stops the reference visits and the candidate does not, sorted by id. */
  removed: string[];
}

/** The set of stop ids a plan visits at least once. */
export function visitedStops(plan: Pick<Plan, "routes">): Set<string> {
  const visited = new Set<string>();
  for (const route of plan.routes) for (const visit of route.visits) visited.add(visit.stopId);
  return visited;
}

/** Compares `candidate` with `reference`. */
export function comparePlans(
  candidate: Pick<Plan, "routes" | "totals">,
  reference: Pick<Plan, "routes" | "totals">,
): PlanComparison {
  const a = visitedStops(candidate);
  const b = visitedStops(reference);
  return {
    candidateValue: candidate.totals.value,
    referenceValue: reference.totals.value,
    valueDelta: candidate.totals.value - reference.totals.value,
    added: [...a].filter((id) => !b.has(id)).sort(),
    removed: [...b].filter((id) => !a.has(id)).sort(),
  };
}
