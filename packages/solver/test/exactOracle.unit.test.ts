/**
 * The exact method as an oracle on random tiny instances: the search engine must reach its
 * optimum on at least 95% of them (the rate is printed), nothing may beat it, the upper bound
 * may never fall below it, and every plan involved must pass the independent checker.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { arbTinyInstance } from "@carebus/solver/testing";
import { checkSolution, solve, solveExact, upperBound, upperBoundAsync } from "@carebus/solver";
import { buildBoundModel } from "../src/exact/boundModel.js";
import { solveBoundModelSync, solveWithHighs } from "../src/exact/upperBound.js";

const INSTANCES = fc.sample(arbTinyInstance(), { seed: 42, numRuns: 100 });

describe("exact oracle on 100 random tiny instances", () => {
  const rows = INSTANCES.map((instance) => {
    const exact = solveExact(instance);
    let heuristic: ReturnType<typeof solve> | null = null;
    let error: unknown = null;
    try {
      heuristic = solve(instance, { seed: 7, iterationLimit: 300, timeLimitMs: 1e9 });
    } catch (e) {
      error = e;
    }
    return { instance, exact, heuristic, error, bound: upperBound(instance) };
  });

  it("every exact plan passes the checker with the value it claims", () => {
    for (const { instance, exact } of rows) {
      const check = checkSolution(instance, exact.routes);
      expect(check.violations).toEqual([]);
      expect(check.value).toBeCloseTo(exact.value, 9);
    }
  });

  it("the search engine answers every instance without throwing", () => {
    const failures = rows.flatMap((row, i) => (row.error ? [`instance ${i}: ${String(row.error)}`] : []));
    expect(failures).toEqual([]);
  });

  it("every search plan passes the checker and never beats the optimum", () => {
    for (const { instance, exact, heuristic } of rows) {
      if (!heuristic) continue;
      const check = checkSolution(instance, heuristic.routes);
      expect(check.violations).toEqual([]);
      expect(check.value).toBeCloseTo(heuristic.value, 6);
      expect(check.value).toBeLessThanOrEqual(exact.value + 1e-9);
    }
  });

  it("the upper bound is never below the optimum", () => {
    for (const { exact, bound } of rows) expect(bound).toBeGreaterThanOrEqual(exact.value - 1e-9);
  });

  it("the search reaches the optimum on at least 95% of the instances", () => {
    const hits = rows.filter(({ exact, heuristic }) => heuristic && heuristic.value >= exact.value - 1e-9).length;
    const nonTrivial = rows.filter(({ exact }) => exact.value > 0).length;
    console.log(
      `search reached the exact optimum on ${hits}/${rows.length} tiny instances (${nonTrivial} with a positive optimum)`,
    );
    expect(hits / rows.length).toBeGreaterThanOrEqual(0.95);
  });

  it("HiGHS and javascript-lp-solver agree on the relaxation, and pooling a bus's days only loosens it", async () => {
    for (const { instance, exact } of rows.slice(0, 25)) {
      const model = buildBoundModel(instance, false)!;
      // a caller's column cap: the model as it is up to the cap, none past it
      expect(buildBoundModel(instance, false, model.names.length)).toEqual(model);
      if (model.names.length > 0) expect(buildBoundModel(instance, false, model.names.length - 1)).toBeNull();
      const js = solveBoundModelSync(model)!.objective;
      expect((await solveWithHighs(model, 10))!.objective).toBeCloseTo(js, 4);
      expect(await upperBoundAsync(instance)).toBeGreaterThanOrEqual(exact.value - 1e-9);
      const pooled = solveBoundModelSync(buildBoundModel(instance, true)!)!.objective;
      const full = solveBoundModelSync(buildBoundModel(instance, false)!)!.objective;
      expect(pooled).toBeGreaterThanOrEqual(full - 1e-6);
      expect(full).toBeGreaterThanOrEqual(exact.value - 1e-6);
    }
  });

  it("HiGHS sums a variable a row names twice, as the LP text did, and reads an empty model as 0", async () => {
    const model = {
      names: ["a", "b"],
      objective: [1, 1],
      lower: [0, 0],
      upper: [Number.POSITIVE_INFINITY, 1],
      // 2a + b <= 3, with a written twice; b <= 1: optimum a = 1, b = 1
      rows: [
        { vars: [0, 1, 0], coefs: [1, 1, 1], max: 3 },
        { vars: [1], coefs: [1], max: 1 },
      ],
    };
    const solved = (await solveWithHighs(model, 10))!;
    expect(solved.objective).toBeCloseTo(2, 9);
    expect(Array.from(solved.values)).toEqual([1, 1]);
    expect(solveBoundModelSync(model)!.objective).toBeCloseTo(2, 9);
    const empty = { names: [], objective: [], lower: [], upper: [], rows: [] };
    expect((await solveWithHighs(empty, 10))!.objective).toBe(0);
  });

  it("pinning a visit of an optimal plan keeps the optimum, and the search keeps the pinned visit", () => {
    let pinnedCases = 0;
    for (const { instance, exact } of rows) {
      const r = exact.routes.findIndex((route) => route.visits.length > 0);
      if (r < 0) continue;
      const visit = exact.routes[r]!.visits[exact.routes[r]!.visits.length - 1]!;
      const pinned = { ...instance, pinned: [{ stop: visit.stop, route: r, start: visit.start }] };
      expect(solveExact(pinned).value).toBeCloseTo(exact.value, 9);
      const result = solve(pinned, { seed: 3, iterationLimit: 100, timeLimitMs: 1e9 });
      expect(checkSolution(pinned, result.routes).violations).toEqual([]);
      pinnedCases++;
    }
    expect(pinnedCases).toBeGreaterThan(50);
  });
});
