/**
 * Great-circle distance, the measure every straight-line estimate in this package starts
 * from. Written out (rather than calling @turf/distance) because coverage calls it hundreds
 * of thousands of times and turf's argument wrapping costs more than the arithmetic.
 */
import type { LatLon } from "./types.js";

/** Mean Earth radius in km (IUGG), the same value @turf/helpers uses. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Haversine distance from raw degrees, for hot loops. */
export function haversineKmRaw(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Straight-line (great-circle) distance in kilometres.
 * @example haversineKm({ lat: 4.5981, lon: -74.0758 }, { lat: 4.7014, lon: -74.1469 }) // ≈ 13.9
 */
export function haversineKm(a: LatLon, b: LatLon): number {
  return haversineKmRaw(a.lat, a.lon, b.lat, b.lon);
}
