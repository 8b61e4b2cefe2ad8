/**
 * Re-planning after a bus drops out: from a date on, the bus is gone, and what it was going
 * to serve is re-optimised while every other visit of the published plan stays exactly where
 * it was (same bus, date, stop and start), so nobody else's calendar changes. It is the
 * change set "exclude these bus-days" applied to the published plan.
 */
import { serviceDates, type Plan, type Scenario } from "@carebus/model";
import type { SolveScenarioOptions } from "../solveScenario.js";
import { replan } from "./replan.js";

/** Which bus leaves the plan, and from which date (inclusive). */
export interface BusRemoval {
  removedBusId: string;
  /** ISO date; the bus still works before it */
  fromDate: string;
}

/**
 * The plan repaired after `removal`: the removed bus has no visits from `fromDate` on, every
 * other visit of `plan` is kept unchanged, and the rest is re-optimised.
 *
 * @throws ChangeSetError when the bus is unknown; the errors of `replan`
 * @example const repaired = await repairPlan(scenario, plan, { removedBusId: "bus-3", fromDate: "2026-11-26" });
 */
export async function repairPlan(
  scenario: Scenario,
  plan: Plan,
  removal: BusRemoval,
  options: SolveScenarioOptions = {},
): Promise<Plan> {
  const busDays = serviceDates(scenario.horizon)
    .filter((date) => date >= removal.fromDate)
    .map((date) => ({ busId: removal.removedBusId, date }));
  return replan(scenario, { exclude: { busDays } }, { ...options, basePlan: plan });
}
