/**
 * Hand-made scenario and plans for the calendar tests: two stops, one bus, a week starting
 * Monday 2026-07-06 repeated over two weeks, so the second Monday (2026-07-13, Virgen de
 * Chiquinquirá) is a holiday the feed must skip.
 */
import type { Plan, PlanRoute } from "@carebus/model";
import { handMadeRoute, type HandMadeVisit } from "@carebus/testkit";
import type { CalendarScenario, CalendarPublication } from "../src/index.js";

export const scenario: CalendarScenario = {
  id: "cal-test",
  name: "calendar test",
  horizon: { startDate: "2026-07-06", days: 7, cycleWeeks: 2 },
  buses: [{ id: "b1", name: "Bus Uno", kind: "urban", depotId: "d", shift: { start: "07:00", end: "17:00" } }],
  stops: [
    {
      id: "s1",
      name: "Parque Usme",
      lat: 4.47,
      lon: -74.12,
      zone: "urban",
      locality: "Usme",
      neighbourhood: "Centro",
      address: "Salón comunal del parque",
      services: ["respite", "legal-psychological"],
      busKinds: ["urban"],
      timeWindows: [{ start: "08:00", end: "12:00" }],
      dwellMinutes: 60,
    },
    {
      id: "s2",
      name: "Salón Comunal Bosa",
      lat: 4.61,
      lon: -74.19,
      zone: "urban",
      locality: "Bosa",
      busKinds: ["urban"],
      timeWindows: [{ start: "08:00", end: "16:00" }],
      dwellMinutes: 90,
    },
  ],
};

/** A route of bus b1 on `date` visiting [stopId, "HH:MM" start, minutes] in order. */
export const route = (date: string, visits: HandMadeVisit[]): PlanRoute =>
  handMadeRoute({ busId: "b1", depotId: "d", value: 1 }, date, visits);

export function plan(routes: PlanRoute[]): Plan {
  return {
    format: "carebus-plan",
    version: 1,
    scenario: { id: scenario.id, hash: "x" },
    timeZone: "America/Bogota",
    dates: ["2026-07-06", "2026-07-07", "2026-07-08", "2026-07-09", "2026-07-10", "2026-07-11"],
    routes,
    totals: {
      value: 0,
      caregiversReached: 0,
      visits: 0,
      stopsVisited: 0,
      travelMinutes: 0,
      km: 0,
      byLocality: [],
      byZone: [],
    },
    unvisited: [],
    stats: { value: 0, bound: 0, gap: 0, travelMinutes: 0, iterations: 0, elapsedMs: 0, seed: 1 },
  };
}

export function publication(id: string, publishedAt: string, routes: PlanRoute[]): CalendarPublication {
  return { id, publishedAt, plan: plan(routes) };
}
