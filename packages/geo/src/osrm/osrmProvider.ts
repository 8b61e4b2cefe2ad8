/**
 * The OSRM travel provider: matrices from `/table/v1` in blocks small enough for the server's
 * table size limit, routes and steps from `/route/v1`. OSRM's own steps go straight to the
 * instruction compiler; its `null` table entries become Infinity and are listed.
 */
import { GeoError } from "../errors.js";
import { sharedMatrix } from "../sharedCopy.js";
import type { ManeuverStep, Place, RouteLeg, RoutingProvider, TravelMatrix } from "../types.js";
import { coordinateList, describeUrl, osrmGet, type OsrmSettings } from "./osrmClient.js";

function baseUrl(settings: OsrmSettings, service: "table" | "route"): string {
  return `${settings.url.replace(/\/+$/, "")}/${service}/v1/${encodeURIComponent(settings.profile ?? "driving")}`;
}

/**
 * A provider answering from the OSRM server in `settings.url`.
 * @throws GeoError from its calls (see osrmGet); CAREBUS_GEO_UNAVAILABLE when a table answer has
 *   the wrong shape.
 */
export function createOsrmProvider(settings: OsrmSettings): RoutingProvider {
  const chunk = Math.max(2, settings.chunkSize ?? 100);
  return {
    name: "osrm",
    async matrix(places: readonly Place[]): Promise<TravelMatrix> {
      const n = places.length;
      const minutes = sharedMatrix(n);
      const km = new Float64Array(n * n);
      const unreachable: Array<readonly [number, number]> = [];
      if (n <= 1) return { size: n, minutes, km, unreachable }; // nothing to ask the server
      // sources and destinations each take half of the coordinates a request may carry
      const block = n <= chunk ? n : Math.floor(chunk / 2);
      for (let s0 = 0; s0 < n; s0 += block) {
        for (let d0 = 0; d0 < n; d0 += block) {
          const src = range(s0, Math.min(n, s0 + block));
          const dst = range(d0, Math.min(n, d0 + block));
          const coords = s0 === d0 ? src : [...src, ...dst];
          const sources = src.map((_, k) => k);
          const destinations = s0 === d0 ? sources : dst.map((_, k) => src.length + k);
          const url =
            `${baseUrl(settings, "table")}/${coordinateList(coords.map((i) => places[i]!))}` +
            `?sources=${sources.join(";")}&destinations=${destinations.join(";")}&annotations=duration,distance`;
          const body = await osrmGet(url, settings);
          const durations = body.durations;
          const distances = body.distances;
          if (!isGrid(durations, src.length, dst.length) || !isGrid(distances, src.length, dst.length)) {
            throw new GeoError(
              "CAREBUS_GEO_UNAVAILABLE",
              `OSRM at ${describeUrl(url)} answered a table without ${src.length}×${dst.length} durations and distances`,
            );
          }
          src.forEach((i, a) => {
            dst.forEach((j, b) => {
              if (i === j) return;
              const seconds = durations[a]![b];
              const metres = distances[a]![b];
              const cell = i * n + j;
              if (seconds === null || metres === null || seconds === undefined || metres === undefined) {
                minutes[cell] = Infinity;
                km[cell] = Infinity;
                unreachable.push([i, j]);
              } else {
                minutes[cell] = seconds / 60;
                km[cell] = metres / 1000;
              }
            });
          });
        }
      }
      unreachable.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      return { size: n, minutes, km, unreachable };
    },
    async route(waypoints: readonly Place[]): Promise<RouteLeg[]> {
      const url = `${baseUrl(settings, "route")}/${coordinateList(waypoints)}?steps=true&geometries=geojson&overview=false`;
      const body = await osrmGet(url, settings);
      const legs = body.routes?.[0]?.legs;
      if (!Array.isArray(legs) || legs.length !== waypoints.length - 1) {
        throw new GeoError(
          "CAREBUS_GEO_UNAVAILABLE",
          `OSRM at ${describeUrl(url)} answered a route without ${waypoints.length - 1} legs`,
        );
      }
      return legs.map((leg) => {
        const coordinates: Array<[number, number]> = [];
        const steps: ManeuverStep[] = (leg.steps ?? []).map((step) => {
          for (const c of step.geometry?.coordinates ?? []) {
            const last = coordinates[coordinates.length - 1];
            if (!last || last[0] !== c[0] || last[1] !== c[1]) coordinates.push([c[0], c[1]]);
          }
          const { geometry: _geometry, ...rest } = step;
          return rest as ManeuverStep;
        });
        return { coordinates, distanceM: leg.distance, durationS: leg.duration, steps };
      });
    },
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

function isGrid(value: unknown, rows: number, cols: number): value is Array<Array<number | null>> {
  return Array.isArray(value) && value.length === rows && value.every((r) => Array.isArray(r) && r.length === cols);
}
