/**
 * Seeded Bogotá-like scenarios of any size for the scaling and component suites. The shape
 * follows the real problem (urban localities plus a large rural south, mobile units parked for
 * hours, two daily windows, a lunch break, caregivers clustered around neighbourhoods, some
 * stops visited twice a week) but the figures are synthetic: these scenarios measure how the
 * code scales, not what Bogotá needs. The bundled data/bogota scenario is the real one.
 *
 * Fleet and demand grow with the number of stops: one bus per 50 stops, `pointsPerStop`
 * demand points per stop, one depot per 10 buses.
 */
import type { Bus, DemandPoint, Depot, Scenario, Stop, TimeWindow } from "@carebus/model";

/** A source of uniform numbers in [0, 1), already seeded. */
export interface UniformSource {
  next(): number;
}

export interface GenerateScenarioOptions {
  stops: number;
  /** demand points per stop (default 20) */
  pointsPerStop?: number;
  /** stops per bus (default 50) */
  stopsPerBus?: number;
  /** total demand points, overriding pointsPerStop (for the coverage micro-benchmark) */
  points?: number;
}

// Rough bounding boxes (degrees) of Bogotá's urban area and of its rural south (Usme,
// Ciudad Bolívar rural, Sumapaz), read off a map; only the proportions matter here.
const URBAN = { latMin: 4.5, latMax: 4.78, lonMin: -74.2, lonMax: -74.03 };
const RURAL = { latMin: 3.8, latMax: 4.45, lonMin: -74.3, lonMax: -74.05 };
const LOCALITIES = [
  "Usaquén",
  "Chapinero",
  "Santa Fe",
  "San Cristóbal",
  "Usme",
  "Tunjuelito",
  "Bosa",
  "Kennedy",
  "Fontibón",
  "Engativá",
  "Suba",
  "Barrios Unidos",
  "Teusaquillo",
  "Los Mártires",
  "Antonio Nariño",
  "Puente Aranda",
  "La Candelaria",
  "Rafael Uribe Uribe",
  "Ciudad Bolívar",
  "Sumapaz",
];
const RURAL_LOCALITIES = ["Usme", "Ciudad Bolívar", "Sumapaz"];
const WINDOWS: TimeWindow[][] = [
  [
    { start: "08:00", end: "12:00" },
    { start: "13:00", end: "17:00" },
  ],
  [{ start: "08:00", end: "16:00" }],
  [{ start: "09:00", end: "13:00" }],
  [{ start: "13:00", end: "17:30" }],
];
const KM_PER_DEGREE = 111.32;

/**
 * A valid carebus scenario with `stops` stops, one bus per `stopsPerBus` stops, six service
 * days (Monday 2026-11-23 to Saturday, no holidays) and the estimate travel provider.
 * Deterministic for a given source state.
 * @example generateScenario({ stops: 200 }, createRng(1))
 */
export function generateScenario(options: GenerateScenarioOptions, rng: UniformSource): Scenario {
  const uniform = (a: number, b: number) => a + (b - a) * rng.next();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng.next() * items.length)]!;
  // a normal deviate (Box–Muller), for clustering around neighbourhood centres
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

  const nStops = Math.max(1, Math.floor(options.stops));
  const nBuses = Math.max(1, Math.round(nStops / (options.stopsPerBus ?? 50)));
  const nDepots = Math.max(1, Math.ceil(nBuses / 10));
  const nPoints = options.points ?? nStops * (options.pointsPerStop ?? 20);

  // Neighbourhood centres: the stops and the demand cluster around them.
  const nCentres = Math.max(1, Math.ceil(nStops / 8));
  const centres = Array.from({ length: nCentres }, (_, i) => {
    const rural = i % 7 === 6;
    const box = rural ? RURAL : URBAN;
    return {
      lat: uniform(box.latMin, box.latMax),
      lon: uniform(box.lonMin, box.lonMax),
      rural,
      locality: rural ? pick(RURAL_LOCALITIES) : pick(LOCALITIES),
    };
  });
  const near = (centre: { lat: number; lon: number }, km: number) => ({
    lat: Math.min(89, Math.max(-89, centre.lat + (gauss() * km) / KM_PER_DEGREE)),
    lon: centre.lon + (gauss() * km) / KM_PER_DEGREE,
  });

  const depots: Depot[] = Array.from({ length: nDepots }, (_, i) => ({
    id: `depot-${i + 1}`,
    name: `Base ${i + 1}`,
    lat: uniform(URBAN.latMin + 0.05, URBAN.latMax - 0.05),
    lon: uniform(URBAN.lonMin + 0.03, URBAN.lonMax - 0.03),
  }));

  const buses: Bus[] = Array.from({ length: nBuses }, (_, i) => ({
    id: `bus-${i + 1}`,
    name: `Unidad móvil ${i + 1}`,
    kind: i % 5 === 4 ? "rural" : "urban",
    depotId: depots[i % nDepots]!.id,
    shift: { start: "07:00", end: "17:30" },
    maxWorkMinutes: 600,
    setupMinutes: 15,
    packupMinutes: 15,
    lunch: { start: "12:00", end: "14:00", minutes: 30 },
  }));

  const stops: Stop[] = Array.from({ length: nStops }, (_, i) => {
    const centre = centres[i % nCentres]!;
    const place = near(centre, centre.rural ? 3 : 0.8);
    const twice = rng.next() < 0.15;
    return {
      id: `stop-${i + 1}`,
      name: `Punto ${i + 1}`,
      lat: place.lat,
      lon: place.lon,
      zone: centre.rural ? "rural" : "urban",
      locality: centre.locality,
      busKinds: centre.rural ? ["rural"] : ["urban", "rural"],
      timeWindows: pick(WINDOWS),
      dwellMinutes: pick([90, 120, 180, 240]),
      ...(twice ? { maxVisits: 2, minDaysBetween: 2 } : {}),
    };
  });

  const points: DemandPoint[] = Array.from({ length: nPoints }, (_, i) => {
    const centre = centres[i % nCentres]!;
    const place = near(centre, centre.rural ? 4 : 1);
    return {
      lat: place.lat,
      lon: place.lon,
      caregivers: 1 + Math.floor(rng.next() * 25),
      ...(rng.next() < 0.1 ? { weight: 1.5 } : {}),
      locality: centre.locality,
      zone: centre.rural ? "rural" : "urban",
    };
  });

  return {
    format: "carebus-scenario",
    version: 1,
    id: `generated-${nStops}`,
    name: `Generated Bogotá-like scenario, ${nStops} stops`,
    description: "synthetic, for benchmarks only",
    horizon: {
      startDate: "2026-11-23",
      days: 6,
      weekdays: ["mon", "tue", "wed", "thu", "fri", "sat"],
      holidays: "none",
      timeZone: "America/Bogota",
    },
    depots,
    buses,
    stops,
    demand: {
      kind: "points",
      points,
      coverage: {
        catchmentMinutes: { urban: 15, rural: 30 },
        walkingSpeedKmh: 4,
        detourFactor: 1.3,
        visitValues: [1, 0.5, 0.25],
      },
    },
    travel: { provider: "estimate" },
  };
}
