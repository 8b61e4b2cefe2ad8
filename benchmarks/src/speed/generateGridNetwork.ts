/**
 * A synthetic road network for the road-graph micro-benchmark: a square grid of streets as a
 * GeoJSON FeatureCollection (the format the road-graph provider reads), every fifth street a
 * faster "primary" road, the rest "residential". A 317 × 317 grid has about 100,000 junctions,
 * the order of a large city's drivable network. Deterministic; no randomness needed.
 */

export interface GridNetworkOptions {
  /** junctions per side */
  side: number;
  /** distance between neighbouring junctions, km (default 0.1) */
  spacingKm?: number;
  /** south-west corner (default Bogotá's, roughly) */
  origin?: { lat: number; lon: number };
}

interface LineFeature {
  type: "Feature";
  properties: { highway: string; name: string };
  geometry: { type: "LineString"; coordinates: Array<[number, number]> };
}

/** The grid's bounding box, for placing benchmark places inside it. */
export function gridBounds(options: GridNetworkOptions): {
  latMin: number;
  latMax: number;
  lonMin: number;
  lonMax: number;
} {
  const origin = options.origin ?? { lat: 4.5, lon: -74.2 };
  const step = (options.spacingKm ?? 0.1) / 111.32;
  const span = step * (options.side - 1);
  return {
    latMin: origin.lat,
    latMax: origin.lat + span,
    lonMin: origin.lon,
    lonMax: origin.lon + span / Math.cos((origin.lat * Math.PI) / 180),
  };
}

/**
 * The grid as a GeoJSON FeatureCollection: one LineString per street (row or column) through
 * all its junctions, so streets cross at shared vertices.
 * @example generateGridNetwork({ side: 100 }).features.length // 200
 */
export function generateGridNetwork(options: GridNetworkOptions): {
  type: "FeatureCollection";
  features: LineFeature[];
} {
  const side = Math.max(2, Math.floor(options.side));
  const box = gridBounds({ ...options, side });
  const lat = (i: number) => Number((box.latMin + ((box.latMax - box.latMin) * i) / (side - 1)).toFixed(7));
  const lon = (j: number) => Number((box.lonMin + ((box.lonMax - box.lonMin) * j) / (side - 1)).toFixed(7));
  const features: LineFeature[] = [];
  const highway = (k: number) => (k % 5 === 0 ? "primary" : "residential");
  for (let i = 0; i < side; i++) {
    features.push({
      type: "Feature",
      properties: { highway: highway(i), name: `Calle ${i + 1}` },
      geometry: { type: "LineString", coordinates: Array.from({ length: side }, (_, j) => [lon(j), lat(i)]) },
    });
  }
  for (let j = 0; j < side; j++) {
    features.push({
      type: "Feature",
      properties: { highway: highway(j), name: `Carrera ${j + 1}` },
      geometry: { type: "LineString", coordinates: Array.from({ length: side }, (_, i) => [lon(j), lat(i)]) },
    });
  }
  return { type: "FeatureCollection", features };
}
