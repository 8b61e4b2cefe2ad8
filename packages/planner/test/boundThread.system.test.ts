/**
 * The bound in its worker thread, as the built package runs it (the CLI, the server): it
 * improves while the calling thread is busy searching, the search stops once its plan meets
 * the bound, and a cancelled run does not wait for it.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parseScenario, validatePlan } from "@carebus/model";
import { FailureLog, solve, trivialBound } from "@carebus/solver";
import { prepareScenario, solveScenario } from "../src/index.js";
import { startBound } from "../src/bound/boundThread.js";
import { boundBudget, boundScenario } from "../src/bound/scenarioBound.js";

const small = parseScenario(
  JSON.parse(readFileSync(new URL("../../../data/examples/small.json", import.meta.url), "utf8")),
);
// the bundled example stops after 2,000 iterations; these runs stop on the clock or the bound
const unlimited = { ...small, options: { ...small.options, iterationLimit: undefined } };

it("turns strong while the calling thread never yields, at the bound the calling thread computes alone", async () => {
  const { instance } = await prepareScenario(small);
  const first = solve(instance, { iterationLimit: 0, seed: 3 });
  const quick = trivialBound(instance);
  const running = await startBound({
    instance,
    first,
    quick,
    timeLimitSeconds: 20,
    elapsedSeconds: 0,
    failures: new FailureLog(),
  });
  expect(running.current()).toEqual({ bound: quick, boundKind: "quick" });
  // a synchronous loop, as the search is: only another thread can change what it reads
  const deadline = performance.now() + 30_000;
  while (running.current().boundKind === "quick" && performance.now() < deadline);
  const seen = running.current();
  expect(seen.boundKind).toBe("strong");
  expect(seen.bound).toBeLessThan(quick);
  const final = await running.finish(false);
  const alone = await boundScenario(instance, first.routes, quick, boundBudget(20), new FailureLog(), {
    planValue: () => first.value,
  });
  expect(final.boundKind).toBe("strong");
  expect(final.bound).toBeLessThanOrEqual(seen.bound);
  expect(final.bound).toBeCloseTo(alone.bound, 6);
});

it("stops the search once its plan meets the bound, long before the time limit", async () => {
  const plan = await solveScenario(unlimited, { timeLimitSeconds: 120, seed: 3 });
  expect(validatePlan(plan)).toEqual([]);
  expect(plan.stats.boundKind).toBe("strong");
  expect(plan.stats.gap).toBe(0);
  expect(plan.stats.elapsedMs).toBeLessThan(60_000);
});

it("ends a cancelled run without waiting for the bound", async () => {
  let searching = false;
  const plan = await solveScenario(unlimited, {
    timeLimitSeconds: 120,
    seed: 3,
    onProgress: (p) => {
      searching ||= p.iterations > 0;
    },
    isCancelled: () => searching,
  });
  expect(validatePlan(plan)).toEqual([]);
  expect(plan.stats.bound).toBeGreaterThanOrEqual(plan.stats.value);
  expect(plan.stats.elapsedMs).toBeLessThan(60_000);
});
