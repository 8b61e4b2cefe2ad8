/**
 * What a deployment agrees to plan: scenarios no larger than the operator's limits (one solve
 * of 12,000 stops took 2.5 GiB and a minute), and travel times only from the OSRM servers the
 * operator named, so a token holder cannot make the server fetch an address of their choosing.
 * Both are checked when a scenario is posted, and the size again when a plan is asked for
 * (limits may have been lowered since), always before any solve starts.
 */
import { serviceDates, type Scenario } from "@carebus/model";
import { normalizeBaseUrl, type ServerConfig } from "./config.js";
import { ApiError } from "./errors.js";

type Limits = Pick<ServerConfig, "maxStops" | "maxDemandPoints" | "maxBusDays">;

/** Stops, demand points and bus-days (buses × service dates) of a scenario. */
export function scenarioSize(scenario: Scenario): { stops: number; demandPoints: number; busDays: number } {
  return {
    stops: scenario.stops.length,
    demandPoints: scenario.demand.kind === "points" ? scenario.demand.points.length : 0,
    busDays: scenario.buses.length * serviceDates(scenario.horizon).length,
  };
}

/** @throws ApiError 400 CAREBUS_ERR_SCENARIO_TOO_LARGE naming each limit passed */
export function checkScenarioLimits(scenario: Scenario, limits: Limits): void {
  const size = scenarioSize(scenario);
  const issues = [
    { path: "stops", count: size.stops, limit: limits.maxStops, what: "stops", variable: "CAREBUS_MAX_STOPS" },
    {
      path: "demand.points",
      count: size.demandPoints,
      limit: limits.maxDemandPoints,
      what: "demand points",
      variable: "CAREBUS_MAX_DEMAND_POINTS",
    },
    {
      path: "buses",
      count: size.busDays,
      limit: limits.maxBusDays,
      what: "bus-days (buses × service dates)",
      variable: "CAREBUS_MAX_BUS_DAYS",
    },
  ]
    .filter((check) => check.count > check.limit)
    .map((check) => ({
      path: check.path,
      message: `has ${check.count} ${check.what}; this server plans at most ${check.limit} (${check.variable})`,
    }));
  if (issues.length > 0) {
    throw new ApiError(
      400,
      "CAREBUS_ERR_SCENARIO_TOO_LARGE",
      `the scenario is larger than this server plans: ${issues.map((i) => `${i.path} ${i.message}`).join("; ")}`,
      issues,
    );
  }
}

/** @throws ApiError 400 CAREBUS_ERR_TRAVEL_URL_NOT_ALLOWED when an OSRM URL is not configured */
export function checkTravelUrl(scenario: Scenario, osrmUrls: readonly string[]): void {
  if (scenario.travel?.provider !== "osrm") return;
  if (osrmUrls.includes(normalizeBaseUrl(scenario.travel.url))) return;
  const allowed =
    osrmUrls.length === 0
      ? "this server allows no OSRM server (the operator sets CAREBUS_OSRM_URLS)"
      : `allowed: ${osrmUrls.join(", ")}`;
  throw new ApiError(
    400,
    "CAREBUS_ERR_TRAVEL_URL_NOT_ALLOWED",
    `travel.url: is not an OSRM server of this deployment; ${allowed}`,
    [{ path: "travel.url", message: `is not an OSRM server of this deployment; ${allowed}` }],
  );
}
