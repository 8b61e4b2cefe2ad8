/**
 * A static spatial index over many points with a "within so many km" query: kdbush over
 * degrees, queried with a degree box that contains the km circle, then an exact great-circle
 * test. Used for demand points (coverage, Care Blocks) and sized for 200,000 points × 400
 * queries: the exact test compares the haversine term itself with a precomputed threshold
 * (no square root or arcsine per candidate), using each point's precomputed cos(latitude).
 */
import KDBush from "kdbush";
import { EARTH_RADIUS_KM } from "../haversineKm.js";

const KM_PER_DEG_LAT = (2 * Math.PI * EARTH_RADIUS_KM) / 360;
const RAD = Math.PI / 180;

/** haversine(d/R) = sin²(d / 2R): the value the haversine term h reaches at distance d km. */
function haversineTermAt(km: number): number {
  return Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM))) ** 2;
}

/** Points indexed for radius queries. */
export class PointIndex {
  private readonly index: KDBush;
  private readonly lats: Float64Array;
  private readonly lons: Float64Array;
  private readonly cosLats: Float64Array;

  /** Index points given as parallel latitude/longitude arrays (degrees). */
  constructor(lats: Float64Array, lons: Float64Array) {
    this.lats = lats;
    this.lons = lons;
    this.cosLats = lats.map((lat) => Math.cos(lat * RAD));
    this.index = new KDBush(Math.max(lats.length, 1));
    for (let i = 0; i < lats.length; i++) this.index.add(lons[i]!, lats[i]!);
    if (lats.length === 0) this.index.add(0, 90); // kdbush needs an item; never returned (see within)
    this.index.finish();
  }

  /**
   * Ids of points within `radiusKm` (great-circle) of (lat, lon), unsorted. With `classOf` and
   * `classRadiusKm`, point p must instead lie within `classRadiusKm[classOf[p]]`, each at most
   * `radiusKm`.
   */
  within(
    lat: number,
    lon: number,
    radiusKm: number,
    classOf?: Uint8Array,
    classRadiusKm?: readonly number[],
  ): number[] {
    if (this.lats.length === 0 || !(radiusKm >= 0)) return [];
    const dLat = radiusKm / KM_PER_DEG_LAT;
    // the circle is widest in longitude at the box edge nearest a pole
    const maxAbsLat = Math.min(89.9, Math.abs(lat) + dLat);
    const dLon = dLat / Math.cos(maxAbsLat * RAD);
    const candidates = this.index.range(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
    const limit = haversineTermAt(radiusKm);
    const classLimit = classRadiusKm?.map(haversineTermAt);
    const cosLat = Math.cos(lat * RAD);
    const out: number[] = [];
    for (const id of candidates) {
      const sLat = Math.sin((this.lats[id]! - lat) * RAD * 0.5);
      const sLon = Math.sin((this.lons[id]! - lon) * RAD * 0.5);
      const h = sLat * sLat + cosLat * this.cosLats[id]! * sLon * sLon;
      if (h <= (classOf && classLimit ? classLimit[classOf[id]!]! : limit)) out.push(id);
    }
    return out;
  }
}
