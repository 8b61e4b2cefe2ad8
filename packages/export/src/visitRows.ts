/**
 * A plan as one row per visit, in date, bus and visiting order: the table the CSV and XLSX
 * exports write and that an office can filter, sort and hand out. Times are the plan's own
 * wall-clock times in the scenario's time zone (HH:MM); caregivers are those living within
 * walking reach of the stop.
 */
import { coverageByStop, computeCoverage } from "@carebus/geo";
import type { Plan, Scenario } from "@carebus/model";

/** One visit, in the column order of COLUMN_LABELS. */
export interface VisitRow {
  date: string;
  busId: string;
  bus: string;
  order: number;
  stopId: string;
  stop: string;
  neighbourhood: string;
  arrive: string;
  serveFrom: string;
  serveTo: string;
  leave: string;
  travelMinutes: number;
  caregivers: number;
}

/** HH:MM of a local ISO date-time such as 2026-12-01T08:30:00-05:00. */
export const clock = (dateTime: string): string => dateTime.slice(11, 16);

/** The rows of `plan`, whose scenario is `scenario`. */
export function visitRows(plan: Plan, scenario: Scenario): VisitRow[] {
  const stops = new Map(scenario.stops.map((s) => [s.id, s]));
  const buses = new Map(scenario.buses.map((b) => [b.id, b]));
  const caregivers = new Map(coverageByStop(scenario, computeCoverage(scenario)).map((c) => [c.stopId, c.caregivers]));
  const routes = [...plan.routes].sort((a, b) => a.date.localeCompare(b.date) || a.busId.localeCompare(b.busId));
  return routes.flatMap((route) =>
    route.visits.map((v, i) => {
      const stop = stops.get(v.stopId);
      return {
        date: route.date,
        busId: route.busId,
        bus: buses.get(route.busId)?.name ?? route.busId,
        order: i + 1,
        stopId: v.stopId,
        stop: stop?.name ?? v.stopId,
        neighbourhood: stop?.neighbourhood ?? stop?.locality ?? "",
        arrive: clock(v.arrival),
        serveFrom: clock(v.serviceStart),
        serveTo: clock(v.serviceEnd),
        leave: clock(v.departure),
        travelMinutes: Math.round(v.travelMinutes),
        caregivers: Math.round(caregivers.get(v.stopId) ?? 0),
      };
    }),
  );
}

/** A row as the cells of one line, in column order. */
export function rowCells(row: VisitRow): Array<string | number> {
  return [
    row.date,
    row.busId,
    row.bus,
    row.order,
    row.stopId,
    row.stop,
    row.neighbourhood,
    row.arrive,
    row.serveFrom,
    row.serveTo,
    row.leave,
    row.travelMinutes,
    row.caregivers,
  ];
}
