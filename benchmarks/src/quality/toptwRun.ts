/**
 * One literature solve as the toptw suite records it, whether it ran in the suite's process or
 * in its own `carebus toptw` process: the budget it had, the score the independent checker
 * recomputes for the routes it returned, and every violation or value the solver claims but
 * the checker does not confirm, counted.
 */
import { checkSolution, type Instance, type SolvedRoute } from "@carebus/solver";
import type { ToptwFile } from "./toptwFiles.js";

/** A solve budget: a wall-clock limit or an iteration count. */
export type Budget = { kind: "time"; seconds: number } | { kind: "iterations"; count: number };

/** Label used in metric ids: "t1s", "t0.2s", "i2000". */
export function budgetLabel(budget: Budget): string {
  return budget.kind === "time" ? `t${budget.seconds}s` : `i${budget.count}`;
}

/** One solve of one instance. */
export interface ToptwRun {
  set: string;
  instance: string;
  m: number;
  budget: string;
  seed: number;
  /** the checker's recomputed score (null when the solve failed) */
  score: number | null;
  /** what the solver claimed */
  solverValue: number | null;
  bks: number | null;
  /** total score of all customers (instance-stats.csv), the trivial bound; null when unknown */
  allCustomers: number | null;
  gapPct: number | null;
  elapsedMs: number | null;
  timeToBestMs: number | null;
  iterations: number | null;
  constructionValue: number | null;
  violations: number;
  /** why the solver stopped (time, iterations, bound, cancelled) */
  stoppedBy: string | null;
  /** improvements reported by onProgress: [elapsedMs, value] */
  trace: Array<[number, number]>;
  error?: string;
}

/** What one solve is asked: the file, the vehicles, the budget and seed, and its reference values. */
export interface SolveSpec {
  file: ToptwFile;
  m: number;
  budget: Budget;
  seed: number;
  bks: number | null;
  /** total score of all customers, null when unknown */
  allCustomers: number | null;
}

/** A run with nothing measured yet. */
export function newRun({ file, m, budget, seed, bks, allCustomers }: SolveSpec): ToptwRun {
  return {
    set: file.set,
    instance: file.instance,
    m,
    budget: budgetLabel(budget),
    seed,
    score: null,
    solverValue: null,
    bks,
    allCustomers,
    gapPct: null,
    elapsedMs: null,
    timeToBestMs: null,
    iterations: null,
    constructionValue: null,
    violations: 0,
    stoppedBy: null,
    trace: [],
  };
}

/** Re-checks `routes` and records the checker's score, the gap and every disagreement on `run`. */
export function recordCheck(run: ToptwRun, instance: Instance, routes: readonly SolvedRoute[], claimed: number): void {
  const check = checkSolution(instance, routes);
  run.score = check.value;
  run.solverValue = claimed;
  const mismatch = Math.abs(check.value - claimed) > 1e-6;
  run.violations = check.violations.length + (mismatch ? 1 : 0);
  const problems = check.violations.slice(0, 3).map((v) => `${v.kind}: ${v.detail}`);
  if (mismatch) problems.push(`solver claims ${claimed}, checker recomputes ${check.value}`);
  if (problems.length) run.error = problems.join("; ");
  if (run.bks !== null && run.bks > 0) run.gapPct = (100 * (run.bks - check.value)) / run.bks;
}
