/**
 * issue #11: failures the solver survives are counted and reported, not hidden in an empty
 * catch — here a MIP solver that throws on every recombination: the search goes on, its plan
 * passes the checker, and the result says how often HiGHS failed and why.
 */
import { describe, expect, it } from "vitest";
import { randomToptwText } from "@carebus/solver/testing";
import { checkSolution, FailureLog, readToptw, solve, type MipSolver } from "@carebus/solver";

describe("issue #11: swallowed failures are counted", () => {
  it("counts every recombination MIP that throws and still returns a checked plan", () => {
    const inst = readToptw(randomToptwText(40, 8), { name: "random", vehicles: 3 });
    let calls = 0;
    const broken: MipSolver = {
      solve: () => {
        calls++;
        throw new Error("wasm trap");
      },
    };
    const r = solve(inst, { seed: 1, iterationLimit: 1000, timeLimitMs: 1e12, mipSolver: broken });
    expect(calls).toBeGreaterThan(0);
    expect(r.swallowed).toEqual([{ where: "recombination: HiGHS", count: calls, message: "wasm trap" }]);
    expect(checkSolution(inst, r.routes).violations).toEqual([]);
  });

  it("keeps one entry per place with its count and first message", () => {
    const log = new FailureLog();
    log.record("a", new Error("first"));
    log.record("b", "plain");
    log.record("a", new Error("second"));
    expect(log.total).toBe(3);
    expect(log.list()).toEqual([
      { where: "a", count: 2, message: "first" },
      { where: "b", count: 1, message: "plain" },
    ]);
  });

  it("adds another log's counts (a worker thread's) to its own places, keeping its first messages", () => {
    const log = new FailureLog();
    log.record("a", new Error("here"));
    const worker = new FailureLog();
    worker.record("a", new Error("there"));
    worker.record("a", new Error("there again"));
    worker.record("c", new Error("only there"));
    log.merge(worker.list());
    expect(log.list()).toEqual([
      { where: "a", count: 3, message: "here" },
      { where: "c", count: 1, message: "only there" },
    ]);
  });
});
