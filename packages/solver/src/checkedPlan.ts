/**
 * Checked answers: the search engine's routes become clock times (schedule.ts) and then pass
 * through the independent checker before anyone sees them. `solve` keeps the last plan that
 * passed, so a bug in the engine's incremental caches costs value, never a broken plan. This is
 * wiring between the engine and the referee; it adds no rule of its own.
 */
import type { Instance, SolvedRoute } from "./instance/instance.js";
import { checkSolution, type CheckResult } from "./feasibility/checkSolution.js";
import type { Violation } from "./feasibility/violations.js";
import type { Problem } from "./solution/problem.js";
import { scheduleRoute } from "./solution/schedule.js";

/** The checker, as solve calls it (tests pass a stricter one to exercise the fall-back). */
export type PlanChecker = (instance: Instance, routes: readonly SolvedRoute[]) => CheckResult;

/** A plan that passed the checker, with the checker's own totals. */
export interface CheckedPlan {
  routes: SolvedRoute[];
  value: number;
  travelMinutes: number;
}

/** A plan the checker rejected (or the scheduler could not time). */
export interface RejectedPlan {
  violations: Violation[];
}

/**
 * Clock times of `sequences` (one per route) checked by `checker` against `instance` (the one
 * the caller was given, whatever form of it the engine's Problem holds).
 * @returns the checked plan, or the reasons it was rejected
 */
export function checkSequences(
  p: Problem,
  sequences: readonly (readonly number[])[],
  instance: Instance,
  checker: PlanChecker = checkSolution,
): CheckedPlan | RejectedPlan {
  let routes: SolvedRoute[];
  try {
    routes = sequences.map((seq, r) => scheduleRoute(p, r, seq));
  } catch (error) {
    // the scheduler throws only for a sequence it cannot time: a broken engine invariant
    const detail = error instanceof Error ? error.message : String(error);
    return { violations: [{ kind: "return-after-shift", detail: `could not be timed: ${detail}` }] };
  }
  const check = checker(instance, routes);
  if (check.violations.length > 0) return { violations: check.violations };
  return { routes, value: check.value, travelMinutes: check.travelMinutes };
}

/** Whether `x` is a checked plan. */
export function isChecked(x: CheckedPlan | RejectedPlan): x is CheckedPlan {
  return "routes" in x;
}
