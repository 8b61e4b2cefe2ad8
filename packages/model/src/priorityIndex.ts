/**
 * The needs index that decides which caregivers count more, in the spirit of the index Bogotá
 * used to choose where Care Blocks go (caregivers and people who need care). Each demand point
 * may carry indicators; the scenario's `demand.priority` weighs them into an index in 0–1 and
 * the index into a priority weight. Coverage multiplies each point's caregivers by this weight,
 * and plan summaries group caregivers by priority band, so both read the one definition here.
 */
import type { DemandPoint, PointsDemand, PriorityIndex } from "./scenario.js";

/** Priority bands: an index below 1/3 is "low", below 2/3 "medium", else "high". */
export type PriorityBand = "low" | "medium" | "high";
export const PRIORITY_BANDS: readonly PriorityBand[] = ["low", "medium", "high"];

/**
 * The needs index of every point, in 0–1 and in point order: Σ wₖ · xₖ / maxₖ ÷ Σ wₖ, where
 * xₖ is the point's indicator k (0 when missing) and maxₖ its largest value over the points.
 * An indicator that is 0 everywhere adds nothing. Without a priority index every point is 0.
 * @example priorityIndexValues({ ...demand, priority: { weights: { ruralShare: 1 } } })
 */
export function priorityIndexValues(demand: Pick<PointsDemand, "points" | "priority">): number[] {
  const priority = demand.priority;
  if (!priority) return demand.points.map(() => 0);
  const names = Object.keys(priority.weights).filter((name) => priority.weights[name]! > 0);
  const total = names.reduce((sum, name) => sum + priority.weights[name]!, 0);
  const largest = new Map(names.map((name) => [name, Math.max(0, ...demand.points.map((p) => indicator(p, name)))]));
  return demand.points.map((point) => {
    if (total === 0) return 0;
    let sum = 0;
    for (const name of names) {
      const max = largest.get(name)!;
      if (max > 0) sum += (priority.weights[name]! * indicator(point, name)) / max;
    }
    return sum / total;
  });
}

/**
 * What each point's caregivers are multiplied by in coverage: its own `weight` (default 1)
 * times minWeight + index × (maxWeight − minWeight) when the scenario has a priority index.
 */
export function pointWeights(demand: Pick<PointsDemand, "points" | "priority">): number[] {
  const priority = demand.priority;
  const index = priorityIndexValues(demand);
  return demand.points.map((point, i) => (point.weight ?? 1) * (priority ? priorityWeight(priority, index[i]!) : 1));
}

/** The band an index value falls in. */
export function priorityBand(index: number): PriorityBand {
  return index < 1 / 3 ? "low" : index < 2 / 3 ? "medium" : "high";
}

function priorityWeight(priority: PriorityIndex, index: number): number {
  const min = priority.minWeight ?? 1;
  const max = priority.maxWeight ?? 2;
  return min + index * (max - min);
}

function indicator(point: DemandPoint, name: string): number {
  return point.indicators?.[name] ?? 0;
}
