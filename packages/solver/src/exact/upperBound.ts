/**
 * A valid upper bound on the objective, for the gap of every plan: the optimum of the linear
 * relaxation in boundModel.ts (MODEL.md), or the plain "everything visited as often as it
 * could be" bound when no LP answer can be trusted. Two backends: javascript-lp-solver,
 * synchronous and pure JS, for small models; HiGHS (WebAssembly, asynchronous) for the large
 * ones of real scenarios. Whatever a backend returns is only believed when it says optimal.
 */
import lpSolverModule from "javascript-lp-solver";
import type { Instance } from "../instance/instance.js";
import type { FailureLog } from "../failureLog.js";
import { loadHighsRuntime } from "./highs.js";
import { buildBoundModel, separateWindowCuts, trivialBound, type BoundModel } from "./boundModel.js";

/** Largest model (variables × rows) handed to the synchronous dense-simplex backend. */
export const SYNC_LP_LIMIT = 600_000;

/** Above this many (stop, route) pairs the bound pools each bus's days (buildBoundModel's aggregate). */
export const AGGREGATE_ABOVE = 4000;

/** Largest model handed to HiGHS; past it only the trivial bound is given (time and memory). */
export const MAX_LP_COLUMNS = 300_000;

/** Rounds of time-window cuts (solve, add the violated cuts, solve again). */
const CUT_ROUNDS = 8;

/** An LP answer: the optimum and the value of every column. */
export interface LpSolution {
  objective: number;
  values: Float64Array;
}

/** Safety margin against the LP's round-off: the bound is inflated by this much, relatively. */
const ROUND_OFF = 1e-7;

// The package types describe its CommonJS face; its ES module default export is the solver.
const lpSolver = lpSolverModule as unknown as { Solve(model: unknown): unknown };

const inflate = (lp: number) => lp + Math.abs(lp) * ROUND_OFF + 1e-6;

/**
 * Whether a plan worth `value` is proven optimal by `bound`: they meet up to the safety margin
 * the bound was inflated by (twice it, so a bound met exactly is always recognised).
 * @example if (meetsBound(plan.totals.value, plan.stats.bound)) console.log("optimal");
 */
export function meetsBound(value: number, bound: number): boolean {
  // an infinite bound (none yet) would meet every plan through its infinite margin
  return Number.isFinite(bound) && bound - value <= 2 * (Math.abs(bound) * ROUND_OFF + 1e-6);
}

/**
 * Synchronous upper bound: the LP relaxation through javascript-lp-solver when the model is
 * small enough (SYNC_LP_LIMIT), else the trivial bound. Instances with more than
 * AGGREGATE_ABOVE (stop, route) pairs use the aggregated, per-bus relaxation. Never below any
 * feasible plan's value.
 *
 * @example const bound = upperBound(instance); // ≥ checkSolution(instance, routes).value
 */
export function upperBound(instance: Instance): number {
  // past this many columns, columns × (rows + columns) is past SYNC_LP_LIMIT whatever the rows
  const model = buildBoundModel(
    instance,
    instance.nStops * instance.routes.length > AGGREGATE_ABOVE,
    Math.sqrt(SYNC_LP_LIMIT),
  );
  return model ? boundWithJsLp(model, trivialBound(instance)).value : trivialBound(instance);
}

/**
 * A bound and how it was found: "strong" when a relaxation was solved, "quick" when only the
 * trivial bound could be given (too large a model, or no LP answer in time).
 */
export interface RatedBound {
  value: number;
  kind: "quick" | "strong";
}

function boundWithJsLp(model: BoundModel, trivial: number): RatedBound {
  if (model.names.length === 0) return { value: 0, kind: "strong" };
  if (model.names.length * (model.rows.length + model.names.length) > SYNC_LP_LIMIT)
    return { value: trivial, kind: "quick" };
  let lp: number | null = null;
  for (let round = 0; round < CUT_ROUNDS; round++) {
    const solution = solveBoundModelSync(model);
    if (!solution) break;
    lp = lp === null ? solution.objective : Math.min(lp, solution.objective);
    if (!addCuts(model, solution)) break;
  }
  return lp === null ? { value: trivial, kind: "quick" } : { value: Math.min(trivial, inflate(lp)), kind: "strong" };
}

/** Add the time-window cuts `solution` violates; false when there are none. */
function addCuts(model: BoundModel, solution: LpSolution): boolean {
  if (!model.intervals) return false;
  const cuts = separateWindowCuts(model, solution.values);
  model.rows.push(...cuts);
  return cuts.length > 0;
}

/**
 * Upper bound through HiGHS, for models of any size (aggregated per bus past AGGREGATE_ABOVE,
 * which keeps the 300-stop, 36-bus-day Bogotá week to 0.4–2 s); HiGHS stops after
 * `timeLimitSeconds` (default 5). When HiGHS cannot be loaded or reports no optimum in time,
 * the same model goes to javascript-lp-solver if small, else the trivial bound is returned.
 * An error HiGHS throws is survived that way too, and counted in `options.failures`.
 */
export async function upperBoundAsync(
  instance: Instance,
  options: { timeLimitSeconds?: number; failures?: FailureLog } = {},
): Promise<number> {
  return (await ratedUpperBound(instance, options)).value;
}

/** `upperBoundAsync` with the kind of bound it could give (quick or strong). */
export async function ratedUpperBound(
  instance: Instance,
  options: { timeLimitSeconds?: number; failures?: FailureLog } = {},
): Promise<RatedBound> {
  const trivial = trivialBound(instance);
  const model = buildBoundModel(instance, instance.nStops * instance.routes.length > AGGREGATE_ABOVE, MAX_LP_COLUMNS);
  if (!model) return { value: trivial, kind: "quick" };
  if (model.names.length === 0) return { value: 0, kind: "strong" };
  const deadline = performance.now() + (options.timeLimitSeconds ?? 5) * 1000;
  let lp: number | null = null;
  try {
    for (let round = 0; round < CUT_ROUNDS; round++) {
      const left = (deadline - performance.now()) / 1000;
      if (left <= 0) break;
      const solution = await solveWithHighs(model, left);
      if (!solution) break;
      lp = lp === null ? solution.objective : Math.min(lp, solution.objective);
      if (!addCuts(model, solution)) break;
    }
  } catch (error) {
    // an unloadable or failing HiGHS falls back below like a missing answer, but is counted
    options.failures?.record("upper bound: HiGHS", error);
  }
  if (lp === null) return boundWithJsLp(model, trivial);
  return { value: Math.min(trivial, inflate(lp)), kind: "strong" };
}

/** The LP optimum of `model` through javascript-lp-solver, or null when it reports no optimum. */
export function solveBoundModelSync(model: BoundModel): LpSolution | null {
  const constraints: Record<string, { max?: number; min?: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  model.names.forEach((name, v) => {
    const entry: Record<string, number> = { value: model.objective[v]! };
    if (Number.isFinite(model.upper[v]!)) {
      entry[`ub${v}`] = 1;
      constraints[`ub${v}`] = { max: model.upper[v]! };
    }
    if (model.lower[v]! > 0) {
      entry[`lb${v}`] = 1;
      constraints[`lb${v}`] = { min: model.lower[v]! };
    }
    variables[name] = entry;
  });
  model.rows.forEach((row, i) => {
    constraints[`r${i}`] = { max: row.max };
    row.vars.forEach((v, j) => {
      const entry = variables[model.names[v]!]!;
      entry[`r${i}`] = (entry[`r${i}`] ?? 0) + row.coefs[j]!;
    });
  });
  const result = lpSolver.Solve({ optimize: "value", opType: "max", constraints, variables }) as Record<
    string,
    unknown
  >;
  if (
    !result.feasible ||
    result.bounded === false ||
    typeof result.result !== "number" ||
    !Number.isFinite(result.result)
  )
    return null;
  // the solver lists only the non-zero columns
  const values = Float64Array.from(model.names, (name) =>
    typeof result[name] === "number" ? (result[name] as number) : 0,
  );
  return { objective: result.result, values };
}

/**
 * The LP optimum of `model` through HiGHS, or null when it reports no optimum in time. The model
 * goes in as arrays (a HiGHS model), not as LP text: on 5,000 stops the text and the answer's
 * named columns took 2 GB and 7 s of parsing outside HiGHS's time limit.
 */
export async function solveWithHighs(model: BoundModel, timeLimitSeconds: number): Promise<LpSolution | null> {
  const highs = await loadHighsRuntime();
  const nCols = model.names.length;
  const { starts, indices, values } = columnsOf(model);
  const lp = highs.createModel({
    numCols: nCols,
    numRows: model.rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: Float64Array.from(model.objective),
    colLower: Float64Array.from(model.lower),
    colUpper: Float64Array.from(model.upper, (u) => (Number.isFinite(u) ? u : highs.infinity)),
    rowLower: new Float64Array(model.rows.length).fill(-highs.infinity),
    rowUpper: Float64Array.from(model.rows, (row) => row.max),
    matrix: { format: "csc", numRows: model.rows.length, numCols: nCols, starts, indices, values },
  });
  try {
    // primal simplex was the fastest of HiGHS's LP methods on the Bogotá week (0.4 s against
    // 2.7 s for dual simplex and 11 s for interior point, aggregated model, this machine)
    lp.options.set({ output_flag: false, solver: "simplex", simplex_strategy: 4, time_limit: timeLimitSeconds });
    lp.run();
    const status = lp.getModelStatus();
    // a model without columns is "empty", with no solution to read: its optimum is 0
    if (status === highs.constants.modelStatus.empty && nCols === 0)
      return { objective: 0, values: new Float64Array(0) };
    if (status !== highs.constants.modelStatus.optimal) return null;
    const objective = lp.getObjectiveValue();
    if (!Number.isFinite(objective)) return null;
    return { objective, values: Float64Array.from(lp.getSolution().colValue) };
  } finally {
    lp.dispose();
  }
}

/** The model's rows as columns (compressed sparse columns), repeated entries summed. */
function columnsOf(model: BoundModel): { starts: Int32Array; indices: Int32Array; values: Float64Array } {
  const starts = new Int32Array(model.names.length + 1);
  for (const row of model.rows) for (const v of row.vars) starts[v + 1]!++;
  for (let v = 0; v < model.names.length; v++) starts[v + 1]! += starts[v]!;
  const indices = new Int32Array(starts[model.names.length]!);
  const values = new Float64Array(indices.length);
  const end = starts.slice(0, model.names.length);
  model.rows.forEach((row, i) => {
    row.vars.forEach((v, j) => {
      // rows come in order, so a variable repeated in row i sits last in its column so far
      if (end[v]! > starts[v]! && indices[end[v]! - 1] === i) values[end[v]! - 1]! += row.coefs[j]!;
      else {
        indices[end[v]!] = i;
        values[end[v]!] = row.coefs[j]!;
        end[v]!++;
      }
    });
  });
  // repeated entries leave gaps at the ends of their columns: close them
  let out = 0;
  const packedStarts = new Int32Array(starts.length);
  for (let v = 0; v < model.names.length; v++) {
    packedStarts[v] = out;
    for (let k = starts[v]!; k < end[v]!; k++) {
      indices[out] = indices[k]!;
      values[out] = values[k]!;
      out++;
    }
  }
  packedStarts[model.names.length] = out;
  return { starts: packedStarts, indices: indices.subarray(0, out), values: values.subarray(0, out) };
}
