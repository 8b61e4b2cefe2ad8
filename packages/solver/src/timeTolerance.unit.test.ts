import { describe, expect, it } from "vitest";
import { assertToleranceOrder, TIME_TOLERANCES } from "./timeTolerance.js";
import { TIME_TOLERANCE } from "./feasibility/checkSolution.js";

describe("issue #11: one time tolerance table with an enforced order", () => {
  it("orders engine < scheduler slack < scheduler grid < checker, each at least 10× the one before", () => {
    expect(() => assertToleranceOrder(TIME_TOLERANCES)).not.toThrow();
    expect(TIME_TOLERANCE).toBe(TIME_TOLERANCES.checker);
  });

  it("rejects a table where the scheduler's grid ties the checker (the old 1e-6 / 1e-6)", () => {
    expect(() => assertToleranceOrder({ ...TIME_TOLERANCES, scheduleGrid: 1e-6 })).toThrow(/checker/);
  });

  it("rejects a table where the engine is looser than the scheduler", () => {
    expect(() => assertToleranceOrder({ ...TIME_TOLERANCES, engineDust: 1e-8 })).toThrow(/scheduleSlack/);
  });
});
