/**
 * issue #11: checked answers. `solve` hands back only plans the independent checker passed and
 * reports the checker's value; when its best plan fails the check it falls back to the last plan
 * that passed and says so; progress reports the best value, which never drops; and the
 * tight-chain float case (a window opening of 0.1 reached by 10.4 − 0.3 − 10) stays feasible.
 */
import { describe, expect, it } from "vitest";
import { makeInstance, randomToptwText } from "@carebus/solver/testing";
import { checkSolution, readToptw, solve, type Instance } from "@carebus/solver";
import { solveChecked } from "../src/solve.js";

/** a seeded random TOPTW instance (Solomon-like layout) where the search beats the construction */
function randomInstance(n: number, seed: number, vehicles: number): Instance {
  return readToptw(randomToptwText(n, seed), { name: `random-${seed}`, vehicles });
}

const LIMITS = { iterationLimit: 300, timeLimitMs: 1e12 };

describe("issue #11: solve returns checked answers", () => {
  it("reports the checker's value and travel of the plan it returns", () => {
    const inst = randomInstance(40, 3, 2);
    const r = solve(inst, { ...LIMITS, seed: 1 });
    const check = checkSolution(inst, r.routes);
    expect(check.violations).toEqual([]);
    expect(r.check.failure).toBeNull();
    expect(r.value).toBe(check.value);
    expect(r.travelMinutes).toBe(check.travelMinutes);
    expect(r.check.value).toBe(check.value);
  });

  it("falls back to the last plan that passed when the best one fails, and records why", () => {
    const inst = randomInstance(40, 3, 2);
    const plain = solve(inst, { ...LIMITS, seed: 1 });
    expect(plain.value).toBeGreaterThan(plain.constructionValue);
    // a referee that rejects anything better than the first plan: only the construction passes
    const strict = (i: Instance, routes: Parameters<typeof checkSolution>[1]) => {
      const check = checkSolution(i, routes);
      return check.value > plain.constructionValue
        ? { ...check, violations: [{ kind: "max-visits" as const, detail: "rejected by the test" }] }
        : check;
    };
    const r = solveChecked(inst, { ...LIMITS, seed: 1 }, strict);
    expect(r.value).toBe(plain.constructionValue);
    expect(checkSolution(inst, r.routes).violations).toEqual([]);
    expect(r.check.failure).not.toBeNull();
    expect(r.check.failure!.engineValue).toBe(plain.value);
    expect(r.check.failure!.violations.map((v) => v.detail)).toEqual(["rejected by the test"]);
  });

  it("throws CAREBUS_SOLVER_INTERNAL when no plan of the run passes", () => {
    const inst = randomInstance(10, 4, 1);
    const never = (i: Instance, routes: Parameters<typeof checkSolution>[1]) => ({
      ...checkSolution(i, routes),
      violations: [{ kind: "max-visits" as const, detail: "rejected by the test" }],
    });
    expect(() => solveChecked(inst, { ...LIMITS, seed: 1 }, never)).toThrow(
      expect.objectContaining({ code: "CAREBUS_SOLVER_INTERNAL" }),
    );
  });
});

describe("issue #11: progress reports the best value", () => {
  it("never reports a lower value than before, with a clock that makes every 16th iteration report", () => {
    const inst = randomInstance(60, 5, 3);
    // each reading of the clock moves it 100 ms on, so the periodic report fires as often as it can
    let now = 0;
    const clock = () => (now += 100);
    const reports: { value: number; iterations: number }[] = [];
    const r = solve(inst, {
      seed: 2,
      iterationLimit: 3000,
      timeLimitMs: 1e12,
      clock,
      onProgress: (p) => reports.push({ value: p.value, iterations: p.iterations }),
    });
    // the periodic reports (not only those of new bests) are exercised
    expect(reports.length).toBeGreaterThan(150);
    for (let k = 1; k < reports.length; k++) expect(reports[k]!.value).toBeGreaterThanOrEqual(reports[k - 1]!.value);
    expect(reports.at(-1)!.value).toBe(r.value);
  });
});

describe("issue #11: the tight-chain float case", () => {
  it("keeps a window opening of 0.1 reached by 10.4 − 0.3 − 10 feasible", () => {
    // stop 0 opens at 0.1 and takes 10 minutes, stop 1 is 0.3 away and its window closes at 10.4:
    // forward 0.1 + 10 + 0.3 = 10.4 exactly, backward 10.4 − 0.3 − 10 = 0.09999999999999964
    const inst = makeInstance({
      travel: [
        [0, 0.3, 0],
        [0.3, 0, 0.3],
        [0, 0.3, 0],
      ],
      dwell: [10, 0],
      windows: [[[0.1, 0.1]], [[0, 10.4]]],
      routes: [{ shiftStart: 0, shiftEnd: 100 }],
    });
    expect(10.4 - 0.3 - 10).toBeLessThan(0.1);
    const r = solve(inst, LIMITS);
    expect(r.value).toBe(2);
    expect(r.routes[0]!.visits.map((v) => v.stop)).toEqual([0, 1]);
    expect(r.routes[0]!.visits[0]!.start).toBe(0.1);
    expect(checkSolution(inst, r.routes).violations).toEqual([]);
    // as a warm start (re-planning) the whole route is tested from the backward bounds
    const warm = solve(inst, { ...LIMITS, initial: r.routes });
    expect(warm.value).toBe(2);
    expect(checkSolution(inst, warm.routes).violations).toEqual([]);
  });
});
