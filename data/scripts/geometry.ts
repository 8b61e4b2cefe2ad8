/**
 * The little plane geometry the scenario builder needs: distances between places and moving a
 * place by a few kilometres. Bogotá spans well under a degree, so an equirectangular offset is
 * accurate to metres there. Kept local (rather than importing @carebus/geo) so the data build
 * depends only on the model package.
 */

const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LAT = 111.32;
const RAD = Math.PI / 180;

/** A place in WGS84 degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** Great-circle distance in km. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The place `eastKm` east and `northKm` north of `origin`, rounded to 5 decimals (about 1 m). */
export function offsetKm(origin: LatLon, eastKm: number, northKm: number): LatLon {
  const lat = origin.lat + northKm / KM_PER_DEGREE_LAT;
  const lon = origin.lon + eastKm / (KM_PER_DEGREE_LAT * Math.cos(origin.lat * RAD));
  return { lat: round5(lat), lon: round5(lon) };
}

/** Round a coordinate to 5 decimals so the JSON stays short and stable. */
export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
