/**
 * The upper bound of a scenario solve, anytime: the LP relaxation (MODEL.md, quick to solve) and
 * then the route relaxation by column generation, which replaces it as soon as one of its rounds
 * is lower. The same steps run in a worker thread beside the search (boundThread.ts) or, from
 * TypeScript sources, before it in the calling thread.
 */
import {
  meetsBound,
  ratedUpperBound,
  routeBound,
  type FailureLog,
  type Instance,
  type SolvedRoute,
} from "@carebus/solver";

/** quick: the trivial bound (nothing better was ready); strong: an LP or route relaxation's. */
export type BoundKind = "quick" | "strong";

/** A bound and where it came from. */
export interface RatedScenarioBound {
  bound: number;
  boundKind: BoundKind;
}

/** How long the bound may run, in seconds from its start. */
export interface BoundBudget {
  /** the LP relaxation's share (HiGHS's time limit) */
  lpSeconds: number;
  /** the LP and the route relaxation together */
  totalSeconds: number;
}

/** The budget that keeps the bound from slowing the search much: a quarter of it, at most 15 s. */
export function boundBudget(timeLimitSeconds: number): BoundBudget {
  const totalSeconds = Math.min(15, timeLimitSeconds / 4);
  // the LP needs ~1 s on the Bogotá week, loading HiGHS included
  return { lpSeconds: Math.min(10, totalSeconds), totalSeconds };
}

/** What the bound reads from and reports to the run around it. */
export interface ScenarioBoundOptions {
  /** the best plan's value so far: once the bound meets it, nothing is left to prove */
  planValue: () => number;
  isCancelled?: () => boolean;
  /** every lower bound, as it comes */
  onBound?: (bound: RatedScenarioBound) => void;
  /** the LP relaxation has answered (or failed): what follows watches `isCancelled` */
  onLpDone?: () => void;
}

/**
 * The lowest bound the budget reaches, starting from `quick` (the trivial bound). The route
 * relaxation starts from `initial`, the first plan's routes. Failures of HiGHS are counted in
 * `failures`.
 */
export async function boundScenario(
  instance: Instance,
  initial: readonly SolvedRoute[],
  quick: number,
  budget: BoundBudget,
  failures: FailureLog,
  options: ScenarioBoundOptions,
): Promise<RatedScenarioBound> {
  const started = performance.now();
  let best: RatedScenarioBound = { bound: quick, boundKind: "quick" };
  const lower = (bound: number, boundKind: BoundKind) => {
    if (bound >= best.bound) return;
    best = { bound, boundKind };
    options.onBound?.(best);
  };
  const rated = await ratedUpperBound(instance, { timeLimitSeconds: budget.lpSeconds, failures });
  lower(rated.value, rated.kind);
  options.onLpDone?.();
  const done = () => options.isCancelled?.() === true || meetsBound(options.planValue(), best.bound);
  const left = budget.totalSeconds - (performance.now() - started) / 1000;
  if (left > 0 && !done()) {
    await routeBound(instance, {
      timeLimitSeconds: left,
      initial,
      failures,
      isCancelled: done,
      onBound: (value) => lower(value, "strong"),
    });
  }
  return best;
}
