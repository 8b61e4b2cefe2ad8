/**
 * The few figures that tell a reader what a scenario holds: stops by zone and locality,
 * buses by kind, caregivers, service days and the holidays skipped. `carebus validate`
 * prints them, and the Bogotá data tests compare them with the facts the scenario was built
 * from. It assumes a valid scenario (see validateScenario).
 */
import type { Scenario, Zone } from "./scenario.js";
import { DEFAULT_TIME_ZONE, horizonDays } from "./horizon.js";
import { DEFAULT_HOLIDAYS, publicHolidays } from "./holidays.js";

/** What `summarizeScenario` counts. Records are keyed and sorted by name. */
export interface ScenarioSummary {
  id: string;
  name: string;
  timeZone: string;
  /** first and last calendar date of the horizon, and how many calendar dates it spans */
  firstDate: string;
  lastDate: string;
  calendarDays: number;
  /** the dates the service runs (serviceDates of the horizon) */
  serviceDates: string[];
  /** public holidays that fall on a service weekday and are therefore skipped */
  holidaysSkipped: { date: string; name: string }[];
  /** dates skipped because the scenario excludes them */
  excludedSkipped: string[];
  depots: number;
  stops: number;
  stopsByZone: Record<Zone, number>;
  stopsByLocality: Record<string, number>;
  buses: number;
  busesByKind: Record<string, number>;
  demandKind: "points" | "scores";
  /** number of demand points (0 in the scores form) */
  demandPoints: number;
  /** points form: sum of caregivers over the demand points; scores form: total score */
  caregivers: number;
  /** points form: caregivers per locality; scores form: empty */
  caregiversByLocality: Record<string, number>;
  /** Care Blocks listed (points form), 0 otherwise */
  careBlocks: number;
}

/**
 * Counts a valid scenario.
 * @example summarizeScenario(scenario).stopsByZone.rural // 42
 */
export function summarizeScenario(scenario: Scenario): ScenarioSummary {
  const days = horizonDays(scenario.horizon);
  const holidayNames = new Map<string, string>();
  for (const year of new Set(days.map((d) => Number(d.date.slice(0, 4))))) {
    for (const h of publicHolidays(scenario.horizon.holidays ?? DEFAULT_HOLIDAYS, year)) {
      const known = holidayNames.get(h.date);
      holidayNames.set(h.date, known ? `${known}; ${h.name}` : h.name);
    }
  }
  const demand = scenario.demand;
  const points = demand.kind === "points" ? demand.points : [];
  return {
    id: scenario.id,
    name: scenario.name,
    timeZone: scenario.horizon.timeZone ?? DEFAULT_TIME_ZONE,
    firstDate: days[0]?.date ?? scenario.horizon.startDate,
    lastDate: days[days.length - 1]?.date ?? scenario.horizon.startDate,
    calendarDays: days.length,
    serviceDates: days.filter((d) => d.served).map((d) => d.date),
    holidaysSkipped: days
      .filter((d) => d.skipped === "holiday")
      .map((d) => ({ date: d.date, name: holidayNames.get(d.date) ?? "" })),
    excludedSkipped: days.filter((d) => d.skipped === "excluded").map((d) => d.date),
    depots: scenario.depots.length,
    stops: scenario.stops.length,
    stopsByZone: {
      urban: scenario.stops.filter((s) => s.zone === "urban").length,
      rural: scenario.stops.filter((s) => s.zone === "rural").length,
    },
    stopsByLocality: tally(scenario.stops.map((s) => [s.locality, 1])),
    buses: scenario.buses.length,
    busesByKind: tally(scenario.buses.map((b) => [b.kind, 1])),
    demandKind: demand.kind,
    demandPoints: points.length,
    caregivers:
      demand.kind === "points" ? sum(points.map((p) => p.caregivers)) : sum(demand.scores.map((s) => s.score)),
    caregiversByLocality: tally(points.map((p) => [p.locality, p.caregivers])),
    careBlocks: demand.kind === "points" ? (demand.careBlocks?.length ?? 0) : 0,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Adds up amounts per key; keys come out sorted. */
function tally(entries: readonly [string, number][]): Record<string, number> {
  const totals = new Map<string, number>();
  for (const [key, amount] of entries) totals.set(key, (totals.get(key) ?? 0) + amount);
  return Object.fromEntries([...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The short human summary `carebus validate` prints for a valid scenario, a few lines.
 * @example
 * formatSummary(summary)
 * // scenario small-example "Small example": valid
 * // horizon: 2026-11-23 … 2026-11-25 (America/Bogota), 3 service days; holidays skipped: none
 * // stops: 12 (urban 9, rural 3) in 4 localities
 * // buses: 2 (rural 1, urban 1) from 1 depot
 * // demand: 40 points, 1,234 caregivers
 */
export function formatSummary(summary: ScenarioSummary): string {
  const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
  const plural = (n: number, word: string, words = `${word}s`) => `${number.format(n)} ${n === 1 ? word : words}`;
  const kinds = Object.entries(summary.busesByKind)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  const holidays =
    summary.holidaysSkipped.length === 0
      ? "none"
      : summary.holidaysSkipped.map((h) => `${h.date} ${h.name}`.trim()).join(", ");
  const excluded = summary.excludedSkipped.length > 0 ? `; excluded: ${summary.excludedSkipped.join(", ")}` : "";
  const demand =
    summary.demandKind === "points"
      ? `${plural(summary.demandPoints, "point")}, ${plural(summary.caregivers, "caregiver")}${summary.careBlocks > 0 ? `, ${plural(summary.careBlocks, "Care Block")}` : ""}`
      : `scores for the stops, total score ${number.format(summary.caregivers)}`;
  return [
    `scenario ${summary.id} ${JSON.stringify(summary.name)}: valid`,
    `horizon: ${summary.firstDate} … ${summary.lastDate} (${summary.timeZone}), ${plural(summary.serviceDates.length, "service day")}; holidays skipped: ${holidays}${excluded}`,
    `stops: ${summary.stops} (urban ${summary.stopsByZone.urban}, rural ${summary.stopsByZone.rural}) in ${plural(Object.keys(summary.stopsByLocality).length, "locality", "localities")}`,
    `buses: ${summary.buses} (${kinds}) from ${plural(summary.depots, "depot")}`,
    `demand: ${demand}`,
  ].join("\n");
}
