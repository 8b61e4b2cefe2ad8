/**
 * The one place that loads HiGHS (the `highs` package: HiGHS compiled to WebAssembly). Loading
 * is asynchronous and costs tens of milliseconds, so it happens once per process; `solve` on the
 * loaded module is synchronous, which lets the synchronous search engine call it.
 */

import type { Highs } from "highs";

/** HiGHS's one-shot API: CPLEX LP text in, status and column values out. */
export interface MipSolver {
  solve(
    problem: string,
    options?: Record<string, unknown>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> };
}

/**
 * A 7-cycle of conflicting routes plus one free route: presolve cannot settle it (its LP optimum
 * is fractional), so solving it runs the branch-and-bound code once.
 */
const WARM_UP = [
  "Maximize",
  " obj: x0 + x1 + x2 + x3 + x4 + x5 + x6 + 2 x7",
  "Subject To",
  ...Array.from({ length: 7 }, (_, i) => ` c${i}: x${i} + x${(i + 1) % 7} <= 1`),
  " c7: x0 + x2 + x4 + x7 <= 2",
  "Binary",
  ...Array.from({ length: 8 }, (_, i) => ` x${i}`),
  "End",
].join("\n");

/** A number as the LP text HiGHS reads: integers as they are, others to 15 significant digits. */
export const lpNumber = (x: number): string =>
  Number.isInteger(x) ? String(x) : x.toPrecision(15).replace(/\.?0+(e|$)/, "$1");

let highsPromise: Promise<Highs> | null = null;
let warmPromise: Promise<MipSolver> | null = null;

/**
 * The loaded HiGHS runtime (cached), with its persistent models (`createModel`: add columns
 * and re-solve from the last basis); rejects when the WebAssembly cannot be loaded.
 */
export function loadHighsRuntime(): Promise<Highs> {
  highsPromise ??= import("highs").then((m) => (m.default as unknown as () => Promise<Highs>)());
  return highsPromise;
}

/** The loaded HiGHS module's one-shot API (cached); rejects when the WebAssembly cannot be loaded. */
export function loadHighs(): Promise<MipSolver> {
  return loadHighsRuntime() as unknown as Promise<MipSolver>;
}

/**
 * HiGHS ready for MIPs inside a time budget (cached): the first MIP compiles most of HiGHS's
 * WebAssembly (hundreds of milliseconds on a busy machine, beyond any `time_limit`), so this
 * solves a small one before handing the module out.
 * @example const mipSolver = await loadMipSolver(); solve(instance, { mipSolver });
 */
export function loadMipSolver(): Promise<MipSolver> {
  warmPromise ??= loadHighs().then((highs) => {
    highs.solve(WARM_UP, { output_flag: false });
    return highs;
  });
  return warmPromise;
}
