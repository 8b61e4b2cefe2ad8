/**
 * Plain geometry for the planner's context layers, kept free of Leaflet so it can be unit
 * tested: locality outlines (the convex hull of a locality's stops and demand points, as the
 * scenario carries no boundaries) and the demand density grid (caregivers summed per cell).
 */

/** A point in degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/**
 * The convex hull of the points, counter-clockwise, without repeating the first point
 * (Andrew's monotone chain, O(n log n)). Fewer than three distinct points come back as-is.
 */
export function convexHull(points: readonly LatLon[]): LatLon[] {
  const sorted = [...points].sort((a, b) => a.lon - b.lon || a.lat - b.lat);
  const unique = sorted.filter((p, i) => i === 0 || p.lon !== sorted[i - 1]!.lon || p.lat !== sorted[i - 1]!.lat);
  if (unique.length < 3) return unique;
  const cross = (o: LatLon, a: LatLon, b: LatLon) =>
    (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);
  const lower: LatLon[] = [];
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: LatLon[] = [];
  for (let i = unique.length - 1; i >= 0; i--) {
    const p = unique[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** One cell of the demand grid: its bounds in degrees and the caregivers inside. */
export interface DemandCell {
  south: number;
  west: number;
  north: number;
  east: number;
  caregivers: number;
}

/**
 * Sums caregivers per square cell of `cellDeg` degrees (cells are aligned on multiples of
 * `cellDeg`, so the grid does not move when points are added). Empty cells are omitted.
 */
export function aggregateDemand(points: readonly (LatLon & { caregivers: number })[], cellDeg: number): DemandCell[] {
  if (!(cellDeg > 0)) throw new RangeError(`cellDeg must be positive, got ${cellDeg}`);
  const cells = new Map<string, DemandCell>();
  for (const p of points) {
    const row = Math.floor(p.lat / cellDeg);
    const col = Math.floor(p.lon / cellDeg);
    const key = `${row}:${col}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        south: row * cellDeg,
        west: col * cellDeg,
        north: (row + 1) * cellDeg,
        east: (col + 1) * cellDeg,
        caregivers: 0,
      };
      cells.set(key, cell);
    }
    cell.caregivers += p.caregivers;
  }
  return [...cells.values()].filter((c) => c.caregivers > 0);
}

/**
 * Marker radius in pixels for a stop covering `value` caregivers when the largest covers
 * `maxValue`: area grows with the value (radius with its square root), from 3 to 11 px, small
 * enough that a whole city's stops stay apart at the zoom that shows them all.
 */
export function stopRadius(value: number, maxValue: number): number {
  if (!(maxValue > 0) || !(value > 0)) return 3;
  return 3 + 8 * Math.sqrt(Math.min(value, maxValue) / maxValue);
}
