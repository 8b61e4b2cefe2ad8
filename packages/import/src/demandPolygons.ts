/**
 * Demand given as areas (census blocks, grid cells, communes) with a population or caregiver
 * count, turned into weighted points the coverage model can use. The points are the centres
 * of a regular grid (`pointSpacingKm`, default 1 km) that fall inside the polygon, anchored at
 * its bounding box, so the same file always gives the same points; a polygon smaller than one
 * cell gets finer grids, halving the spacing up to ten times, then its first vertex. The
 * caregivers are split over the points by largest remainder, so the polygon's total is exact.
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { DemandPoint } from "@carebus/model";
import { apportion } from "./apportion.js";
import { readNumber } from "./cellValues.js";
import { CellProblem } from "./problems.js";
import type { Geometry } from "./readTable.js";

/** How the importer turns polygons into points (the settings file's `demandPolygons`). */
export interface DemandPolygonSettings {
  /** caregivers per inhabitant, used when a polygon gives `population` instead of `caregivers` */
  caregiversPerInhabitant?: number;
  /** distance between grid points, km (default 1) */
  pointSpacingKm?: number;
}

/** The default grid spacing, km. */
export const DEFAULT_POINT_SPACING_KM = 1;

const KM_PER_DEGREE = 111.32;

type Ring = [number, number][];

/** The polygons of a Polygon or MultiPolygon geometry, each as rings of [lon, lat]. */
function polygonsOf(geometry: Geometry): Ring[][] {
  const ok = (rings: unknown): rings is Ring[] =>
    Array.isArray(rings) &&
    rings.length > 0 &&
    rings.every(
      (ring) =>
        Array.isArray(ring) &&
        ring.length >= 4 &&
        ring.every((p) => Array.isArray(p) && typeof p[0] === "number" && typeof p[1] === "number"),
    );
  if (geometry.type === "Polygon" && ok(geometry.coordinates)) return [geometry.coordinates];
  if (geometry.type === "MultiPolygon" && Array.isArray(geometry.coordinates) && geometry.coordinates.every(ok)) {
    return geometry.coordinates as Ring[][];
  }
  throw new CellProblem(
    `expected a Polygon or MultiPolygon with rings of at least 4 [lon, lat] positions, got a ${geometry.type}`,
  );
}

/**
 * Grid points inside the geometry, [lon, lat], in row-major order from the south-west.
 * @throws CellProblem when the geometry is not a usable (Multi)Polygon
 */
export function gridPointsInside(geometry: Geometry, spacingKm: number): [number, number][] {
  const polygons = polygonsOf(geometry);
  const feature = { type: "MultiPolygon" as const, coordinates: polygons };
  const all = polygons.flat(2);
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const midLat = (south + north) / 2;
  for (let spacing = spacingKm, attempt = 0; attempt <= 10; attempt++, spacing /= 2) {
    const dLat = spacing / KM_PER_DEGREE;
    const dLon = spacing / (KM_PER_DEGREE * Math.cos((midLat * Math.PI) / 180));
    const inside: [number, number][] = [];
    for (let lat = south + dLat / 2; lat < north; lat += dLat) {
      for (let lon = west + dLon / 2; lon < east; lon += dLon) {
        if (booleanPointInPolygon([lon, lat], feature)) inside.push([round(lon), round(lat)]);
      }
    }
    if (inside.length > 0) return inside;
  }
  const first = polygons[0]![0]![0]!;
  return [[round(first[0]), round(first[1])]];
}

/** Rounded to 6 decimals (about 10 cm): enough, and stable in files. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * The demand points of one polygon feature.
 * @param base the point fields read from the feature's properties (locality, zone, weight, indicators, id)
 * @param caregivers the polygon's caregivers (already derived from its population when needed)
 */
export function pointsOfPolygon(
  geometry: Geometry,
  base: Omit<DemandPoint, "lat" | "lon" | "caregivers">,
  caregivers: number,
  spacingKm: number,
): DemandPoint[] {
  const grid = gridPointsInside(geometry, spacingKm);
  const shares = Number.isInteger(caregivers)
    ? apportion(
        caregivers,
        grid.map(() => 1),
      )
    : grid.map(() => caregivers / grid.length);
  return grid.map(([lon, lat], k) => {
    const { id, ...rest } = base;
    return { ...(id === undefined ? {} : { id: `${id}-${k + 1}` }), lat, lon, caregivers: shares[k]!, ...rest };
  });
}

/** caregivers = population × rate, rounded to a whole person. */
export function caregiversOfPopulation(population: string, rate: number, decimalComma: boolean): number {
  return Math.round(readNumber(population, decimalComma) * rate);
}
