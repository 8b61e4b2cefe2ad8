/**
 * A small client for a user's OSRM server (the HTTP API v5/v1 paths `/table/v1` and
 * `/route/v1`). Every request has a timeout (AbortController) and a bounded number of retries
 * for failures that may pass — network errors, timeouts, HTTP 5xx — but not for answers that
 * will not change (4xx, `NoRoute`, `InvalidQuery`). Failures become a GeoError naming the URL.
 */
import { GeoError } from "../errors.js";
import type { LatLon } from "../types.js";

/** Connection settings (the `osrm` form of the scenario's `travel`, plus a retry pause). */
export interface OsrmSettings {
  /** server base URL, e.g. http://localhost:5000 */
  url: string;
  /** routing profile in the path (default "driving") */
  profile?: string;
  /** per-request timeout in ms (default 10 000) */
  timeoutMs?: number;
  /** extra attempts after a failure that may pass (default 2) */
  retries?: number;
  /** most coordinates in one /table request (default 100, OSRM's default max-table-size) */
  chunkSize?: number;
  /** pause before the first retry, doubling after each (default 200 ms) */
  retryDelayMs?: number;
}

/** The parts of an OSRM response this package reads. */
export interface OsrmResponse {
  code: string;
  message?: string;
  durations?: Array<Array<number | null>>;
  distances?: Array<Array<number | null>>;
  routes?: Array<{
    distance: number;
    duration: number;
    legs: Array<{
      distance: number;
      duration: number;
      steps: Array<{
        distance: number;
        duration: number;
        name: string;
        ref?: string;
        mode: string;
        geometry: { type: "LineString"; coordinates: Array<[number, number]> };
        maneuver: {
          type: string;
          modifier?: string;
          bearing_before: number;
          bearing_after: number;
          location: [number, number];
          exit?: number;
        };
      }>;
    }>;
  }>;
}

const RETRYABLE_HTTP = (status: number) => status >= 500 || status === 429;

/** Shorten a URL for messages: coordinate lists can be thousands of characters long. */
export function describeUrl(url: string): string {
  return url.length <= 160 ? url : `${url.slice(0, 157)}...`;
}

/** `lon,lat;lon,lat` with 6 decimals (about 0.1 m), OSRM's coordinate list. */
export function coordinateList(places: readonly LatLon[]): string {
  return places.map((p) => `${p.lon.toFixed(6)},${p.lat.toFixed(6)}`).join(";");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * GET `url` from an OSRM server and return its JSON when `code` is "Ok".
 * @throws GeoError CAREBUS_GEO_UNAVAILABLE (down, timing out, bad answer, or an error code other
 *   than NoRoute) or CAREBUS_GEO_UNREACHABLE_STOP (code NoRoute), naming the URL.
 */
export async function osrmGet(url: string, settings: OsrmSettings): Promise<OsrmResponse> {
  const timeoutMs = settings.timeoutMs ?? 10_000;
  const retries = settings.retries ?? 2;
  const baseDelay = settings.retryDelayMs ?? 200;
  let lastProblem = "";
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(baseDelay * 2 ** (attempt - 1));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { accept: "application/json" } });
      status = response.status;
      text = await response.text();
    } catch (error) {
      lastProblem = controller.signal.aborted
        ? `no answer within ${timeoutMs} ms`
        : `cannot connect (${causeText(error)})`;
      continue;
    } finally {
      clearTimeout(timer);
    }
    let body: OsrmResponse | undefined;
    try {
      body = JSON.parse(text) as OsrmResponse;
    } catch {
      body = undefined;
    }
    if (body && typeof body.code === "string" && body.code !== "Ok") {
      const detail = `${body.code}${body.message ? `: ${body.message}` : ""}`;
      if (body.code === "NoRoute")
        throw new GeoError("CAREBUS_GEO_UNREACHABLE_STOP", `OSRM at ${describeUrl(url)} found no route (${detail})`);
      if (RETRYABLE_HTTP(status)) {
        lastProblem = `HTTP ${status} (${detail})`;
        continue;
      }
      throw new GeoError("CAREBUS_GEO_UNAVAILABLE", `OSRM at ${describeUrl(url)} answered ${detail} (HTTP ${status})`);
    }
    if (status !== 200 || !body) {
      lastProblem = `HTTP ${status}${body ? "" : " with a body that is not JSON"}`;
      if (RETRYABLE_HTTP(status)) continue;
      throw new GeoError("CAREBUS_GEO_UNAVAILABLE", `OSRM at ${describeUrl(url)} answered ${lastProblem}`);
    }
    return body;
  }
  throw new GeoError(
    "CAREBUS_GEO_UNAVAILABLE",
    `OSRM at ${describeUrl(url)} is unavailable after ${retries + 1} attempt(s): ${lastProblem}`,
  );
}

function causeText(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
