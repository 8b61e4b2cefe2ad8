/**
 * Builds data/bogota/scenario.json, the bundled Bogotá planning scenario, from the public facts
 * in bogotaFacts.ts (sources in data/README.md). Deterministic: every random choice comes from
 * seeded generators, so the same code always writes the same bytes, and a test rebuilds the
 * scenario in-process and compares it with the committed file (which is never edited by hand).
 *
 * What it makes: caregivers per locality from population × women × full-time carers × able to
 * leave home; several thousand demand points carrying exactly those caregivers, scattered over
 * each locality's urban disc or around its rural settlements; the identified Care Blocks;
 * urban candidate stops in the periphery (away from Care Blocks) and rural stops at named
 * veredas; a modest fleet of urban and rural buses. Candidate stops that no bus could serve
 * are rejected while generating, so nearly every stop is servable.
 *
 * Run: `pnpm --filter @carebus/data build:scenario`.
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import {
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type Bus,
  type CoverageRules,
  type DemandPoint,
  type Depot,
  type Horizon,
  type Scenario,
  type Stop,
  type Weekday,
} from "@carebus/model";
import {
  CAREGIVERS_PER_INHABITANT,
  CARE_BLOCKS,
  CORE_SERVICES,
  EXTRA_RURAL_AREAS,
  LOCALITIES,
  NAMED_URBAN_SITES,
  OPTIONAL_SERVICES,
  URBAN_AREA_KM2,
  URBAN_STOP_LOCALITIES,
  VEREDAS,
  type Locality,
} from "./bogotaFacts.js";
import { apportion, formatJson } from "@carebus/import";
import { distanceKm, offsetKm, type LatLon } from "./geometry.js";
import { createRng, type Rng } from "./rng.js";
import { isStopServable, type TravelEstimate } from "./servability.js";
import { UPZ_REFERENCE_POINTS } from "./upzReferencePoints.js";

/** Seed of the generators (the horizon's start date). */
export const BOGOTA_SEED = 20261130;
/** Synthetic urban candidate stops, shared over URBAN_STOP_LOCALITIES by caregivers (assumption). */
export const URBAN_CANDIDATE_STOPS = 270;
/** Demand points in the urban parts, shared by caregivers (assumption: a point ≈ a few blocks). */
export const URBAN_DEMAND_POINTS = 4600;
/** Demand points in the modelled rural parts, at least RURAL_MIN_POINTS per locality (assumption). */
export const RURAL_DEMAND_POINTS = 400;
const RURAL_MIN_POINTS = 40;
/** assumption: rural homes lie within this distance of their vereda's centre */
const RURAL_SPREAD_KM = 3;
/** assumption: two candidate stops are at least this far apart */
const URBAN_STOP_SPACING_KM = 0.5;
const RURAL_STOP_SPACING_KM = 1.5;
/** assumption: share of urban stops whose public space is available only three days a week */
const RESTRICTED_WEEKDAY_SHARE = 0.2;
/** assumption: share of urban stops served as one long morning-to-afternoon visit */
const FULL_DAY_SHARE = 0.3;

const SERVICE_WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat"];

/** Horizon: the week starting Monday 2026-11-30, Monday–Saturday, Colombian holidays, 20-week (≈ 5-month) cycle. */
export const BOGOTA_HORIZON: Horizon = {
  startDate: "2026-11-30",
  days: 7,
  timeZone: "America/Bogota",
  weekdays: SERVICE_WEEKDAYS,
  holidays: "CO",
  cycleWeeks: 20,
};

/** Walking coverage: see data/README.md for the source or assumption behind each figure. */
export const BOGOTA_COVERAGE: CoverageRules = {
  catchmentMinutes: { urban: 20, rural: 45 },
  walkingSpeedKmh: 4,
  detourFactor: 1.3,
  visitValues: [1, 0.5, 0.25],
  careBlockMinutes: 20,
  careBlockDiscount: 0.5,
};

/** Estimate travel settings (urban speed assumption; rural speed within the 20–40 km/h implied by 120 km in 3–6 h). */
export const BOGOTA_TRAVEL: TravelEstimate & { provider: "estimate" } = {
  provider: "estimate",
  urbanSpeedKmh: 20,
  ruralSpeedKmh: 25,
  detourFactor: 1.3,
  accessMinutes: 5,
};

/** Depots (assumption: the facts give no garage locations). */
export const BOGOTA_DEPOTS: Depot[] = [
  { id: "d-sur", name: "Base Sur (Tunjuelito, junto al Portal Tunal)", lat: 4.577, lon: -74.131 },
  { id: "d-noroccidente", name: "Base Noroccidente (Engativá)", lat: 4.705, lon: -74.11 },
  { id: "d-usme", name: "Base rural Usme pueblo", lat: 4.473, lon: -74.125 },
  { id: "d-nazareth", name: "Base rural Nazareth (Sumapaz)", lat: 4.24, lon: -74.15 },
];

function urbanBus(n: number, depotId: string): Bus {
  return {
    id: `bus-urbano-${n}`,
    name: `Bus del Cuidado urbano ${n}`,
    kind: "urban",
    depotId,
    days: SERVICE_WEEKDAYS,
    shift: { start: "07:00", end: "17:00" },
    maxWorkMinutes: 600,
    maxDriveMinutes: 240,
    setupMinutes: 20,
    packupMinutes: 20,
    lunch: { start: "11:30", end: "14:00", minutes: 45 },
  };
}

function ruralBus(n: number, depotId: string): Bus {
  return {
    id: `bus-rural-${n}`,
    name: `Bus del Cuidado rural ${n}`,
    kind: "rural",
    depotId,
    days: SERVICE_WEEKDAYS,
    shift: { start: "06:30", end: "17:30" },
    maxWorkMinutes: 660,
    maxDriveMinutes: 360,
    setupMinutes: 20,
    packupMinutes: 20,
    lunch: { start: "11:30", end: "15:00", minutes: 45 },
  };
}

/** The fleet: 4 urban + 2 rural buses (assumption; the real programme runs 2). */
export const BOGOTA_BUSES: Bus[] = [
  urbanBus(1, "d-sur"),
  urbanBus(2, "d-sur"),
  urbanBus(3, "d-sur"),
  urbanBus(4, "d-noroccidente"),
  ruralBus(1, "d-usme"),
  ruralBus(2, "d-nazareth"),
];

/** One part (urban or rural) of a locality and the caregivers the facts imply for it. */
export interface CaregiverTarget {
  locality: Locality;
  zone: "urban" | "rural";
  population: number;
  caregivers: number;
}

/** Caregivers per locality part: round(population × CAREGIVERS_PER_INHABITANT), parts with no population left out. */
export function caregiverTargets(): CaregiverTarget[] {
  const parts: CaregiverTarget[] = [];
  for (const locality of LOCALITIES) {
    for (const zone of ["urban", "rural"] as const) {
      const population = zone === "urban" ? locality.urbanPopulation : locality.ruralPopulation;
      if (population > 0)
        parts.push({ locality, zone, population, caregivers: Math.round(population * CAREGIVERS_PER_INHABITANT) });
    }
  }
  return parts;
}

/** Urban population per km², from the localities' urban populations over the urban area. */
function urbanDensityPerKm2(): number {
  return LOCALITIES.reduce((sum, l) => sum + l.urbanPopulation, 0) / URBAN_AREA_KM2;
}

/** Radius (km) of the disc that holds a locality's urban population at the city's average density. */
export function urbanRadiusKm(locality: Locality): number {
  return Math.sqrt(locality.urbanPopulation / urbanDensityPerKm2() / Math.PI);
}

/** A uniformly random place within `radiusKm` of `centre`. */
function pointInDisc(rng: Rng, centre: LatLon, radiusKm: number): LatLon {
  for (;;) {
    const x = rng.next() * 2 - 1;
    const y = rng.next() * 2 - 1;
    if (x * x + y * y <= 1) return offsetKm(centre, x * radiusKm, y * radiusKm);
  }
}

function localityBySlug(slug: string): Locality {
  const found = LOCALITIES.find((l) => l.slug === slug);
  if (!found) throw new Error(`bogotaFacts: unknown locality slug ${slug}`);
  return found;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function drawServices(rng: Rng): string[] {
  return [...CORE_SERVICES, ...OPTIONAL_SERVICES.filter(() => rng.next() < 0.5)];
}

/** Walking reach in straight-line km of `minutes` under the coverage rules. */
function walkReachKm(minutes: number): number {
  return ((minutes / 60) * BOGOTA_COVERAGE.walkingSpeedKmh) / BOGOTA_COVERAGE.detourFactor;
}

const servable = (stop: Stop): boolean =>
  isStopServable(stop, BOGOTA_BUSES, BOGOTA_DEPOTS, BOGOTA_TRAVEL, SERVICE_WEEKDAYS);

function urbanStops(rng: Rng): Stop[] {
  const localities = URBAN_STOP_LOCALITIES.map(localityBySlug);
  const counts = apportion(
    URBAN_CANDIDATE_STOPS,
    localities.map((l) => l.urbanPopulation),
  );
  const blockReachKm = walkReachKm(BOGOTA_COVERAGE.careBlockMinutes ?? 20);
  const placed: Stop[] = [];
  localities.forEach((locality, k) => {
    const radiusKm = urbanRadiusKm(locality);
    for (let n = 1; n <= counts[k]!; n++) {
      for (let attempt = 0; ; attempt++) {
        if (attempt > 5000) throw new Error(`buildBogota: cannot place urban stop ${n} in ${locality.name}`);
        const at = pointInDisc(rng, locality, radiusKm);
        if (CARE_BLOCKS.some((b) => distanceKm(b, at) < blockReachKm)) continue;
        if (placed.some((s) => distanceKm(s, at) < URBAN_STOP_SPACING_KM)) continue;
        const fullDay = rng.next() < FULL_DAY_SHARE;
        const restricted = rng.next() < RESTRICTED_WEEKDAY_SHARE;
        const stop: Stop = {
          id: `u-${locality.slug}-${pad(n, 2)}`,
          name: `${locality.name} — punto ${pad(n, 2)}`,
          lat: at.lat,
          lon: at.lon,
          zone: "urban",
          locality: locality.name,
          neighbourhood: nearestUpz(locality.slug, at),
          services: drawServices(rng),
          busKinds: ["urban"],
          weekdays: restricted ? (rng.next() < 0.5 ? ["mon", "wed", "fri"] : ["tue", "thu", "sat"]) : SERVICE_WEEKDAYS,
          timeWindows: fullDay
            ? [{ start: "08:00", end: "16:00" }]
            : [
                { start: "08:00", end: "12:00" },
                { start: "12:30", end: "16:30" },
              ],
          dwellMinutes: fullDay ? 240 : 180,
          maxVisits: 2,
          minDaysBetween: 1,
        };
        if (!servable(stop)) continue;
        placed.push(stop);
        break;
      }
    }
  });
  for (const site of NAMED_URBAN_SITES) {
    placed.push({
      id: site.id,
      name: site.name,
      lat: site.lat,
      lon: site.lon,
      zone: "urban",
      locality: localityBySlug(site.locality).name,
      neighbourhood: site.neighbourhood,
      address: site.address,
      services: drawServices(rng),
      busKinds: [...site.busKinds],
      weekdays: site.weekdays ? [...site.weekdays] : SERVICE_WEEKDAYS,
      timeWindows: [
        { start: "08:00", end: "12:00" },
        { start: "12:30", end: "16:30" },
      ],
      dwellMinutes: 180,
      maxVisits: 2,
      minDaysBetween: 1,
    });
  }
  return placed;
}

/** The name of the UPZ whose reference point is nearest to `at` among its locality's. */
function nearestUpz(localitySlug: string, at: LatLon): string {
  let best: { name: string; km: number } | null = null;
  for (const upz of UPZ_REFERENCE_POINTS) {
    if (upz.locality !== localitySlug) continue;
    const km = distanceKm(upz, at);
    if (!best || km < best.km) best = { name: upz.name, km };
  }
  if (!best) throw new Error(`upzReferencePoints: no UPZ listed for locality ${localitySlug}`);
  return best.name;
}

function ruralStop(rng: Rng, id: string, name: string, at: LatLon, localitySlug: string, neighbourhood?: string): Stop {
  return {
    id,
    name,
    lat: at.lat,
    lon: at.lon,
    zone: "rural",
    locality: localityBySlug(localitySlug).name,
    ...(neighbourhood ? { neighbourhood } : {}),
    services: drawServices(rng),
    busKinds: ["rural"],
    weekdays: SERVICE_WEEKDAYS,
    timeWindows: [{ start: "09:00", end: "15:00" }],
    dwellMinutes: 240,
    maxVisits: 2,
    minDaysBetween: 1,
  };
}

function ruralStops(rng: Rng): Stop[] {
  const stops = VEREDAS.map((v) =>
    ruralStop(
      rng,
      `r-${v.locality}-${v.slug}`,
      `${v.name} (${localityBySlug(v.locality).name})`,
      v,
      v.locality,
      `vereda ${v.name}`,
    ),
  );
  for (const area of EXTRA_RURAL_AREAS) {
    const around = VEREDAS.find((v) => v.slug === area.around);
    if (!around) throw new Error(`bogotaFacts: unknown vereda ${area.around}`);
    const locality = localityBySlug(area.locality);
    const already = stops.filter((s) => s.id.startsWith(`r-${area.locality}-`) && /-\d+$/.test(s.id)).length;
    for (let k = 1; k <= area.count; k++) {
      const n = already + k;
      for (let attempt = 0; ; attempt++) {
        if (attempt > 5000) throw new Error(`buildBogota: cannot place rural stop ${n} in ${locality.name}`);
        const at = pointInDisc(rng, around, area.radiusKm);
        if (stops.some((s) => distanceKm(s, at) < RURAL_STOP_SPACING_KM)) continue;
        const stop = ruralStop(
          rng,
          `r-${area.locality}-${pad(n, 2)}`,
          `${locality.name} — punto rural ${pad(n, 2)} (${area.label})`,
          at,
          area.locality,
          area.label,
        );
        if (!servable(stop)) continue;
        stops.push(stop);
        break;
      }
    }
  }
  return stops;
}

function demandPoints(rng: Rng, rural: readonly Stop[]): DemandPoint[] {
  const targets = caregiverTargets();
  const urbanTargets = targets.filter((t) => t.zone === "urban");
  const ruralTargets = targets.filter((t) => t.zone === "rural");
  const urbanCounts = apportion(
    URBAN_DEMAND_POINTS,
    urbanTargets.map((t) => t.caregivers),
    1,
  );
  const ruralCounts = apportion(
    RURAL_DEMAND_POINTS,
    ruralTargets.map((t) => t.caregivers),
    RURAL_MIN_POINTS,
  );
  const points: DemandPoint[] = [];
  const emit = (target: CaregiverTarget, places: LatLon[]) => {
    const shares = apportion(
      target.caregivers,
      places.map(() => 0.5 + rng.next()),
    );
    places.forEach((at, i) => {
      points.push({
        id: `p-${target.locality.slug}-${target.zone[0]}${pad(i + 1, 4)}`,
        lat: at.lat,
        lon: at.lon,
        caregivers: shares[i]!,
        locality: target.locality.name,
        zone: target.zone,
      });
    });
  };
  urbanTargets.forEach((target, k) => {
    const radiusKm = urbanRadiusKm(target.locality);
    emit(
      target,
      Array.from({ length: urbanCounts[k]! }, () => pointInDisc(rng, target.locality, radiusKm)),
    );
  });
  ruralTargets.forEach((target, k) => {
    const centres = rural.filter((s) => s.locality === target.locality.name);
    if (centres.length === 0) throw new Error(`buildBogota: no rural settlement in ${target.locality.name}`);
    emit(
      target,
      Array.from({ length: ruralCounts[k]! }, () =>
        pointInDisc(rng, centres[rng.int(centres.length)]!, RURAL_SPREAD_KM),
      ),
    );
  });
  return points;
}

/**
 * Build the Bogotá scenario. Pure and deterministic: two calls return deep-equal values.
 * @example const scenario = buildBogotaScenario(); scenario.stops.length; // ≈ 300
 */
export function buildBogotaScenario(): Scenario {
  const urban = urbanStops(createRng(BOGOTA_SEED + 1));
  const rural = ruralStops(createRng(BOGOTA_SEED + 2));
  const points = demandPoints(createRng(BOGOTA_SEED + 3), rural);
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    id: "bogota-2026-11-30",
    name: "Buses del Cuidado, Bogotá — semana del 30 de noviembre de 2026",
    description:
      "Generated by data/scripts/buildBogota.ts from the public facts and assumptions listed in data/README.md; do not edit by hand. " +
      "Caregivers = population × 52.2 % women × 30 % full-time carers × 86 % able to leave home.",
    locale: "es-CO",
    horizon: BOGOTA_HORIZON,
    depots: BOGOTA_DEPOTS,
    buses: BOGOTA_BUSES,
    stops: [...urban, ...rural],
    demand: {
      kind: "points",
      points,
      coverage: BOGOTA_COVERAGE,
      careBlocks: CARE_BLOCKS.map((b) => ({ id: b.id, name: b.name, lat: b.lat, lon: b.lon, locality: b.locality })),
    },
    travel: BOGOTA_TRAVEL,
    options: { timeLimitSeconds: 60, seed: 1, objective: ["coverage", "travel"], timeGrid: 15 },
  };
}

/** The scenario as the committed file's text. */
export function bogotaScenarioText(): string {
  return formatJson(buildBogotaScenario());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const target = new URL("../bogota/scenario.json", import.meta.url);
  const scenario = buildBogotaScenario();
  writeFileSync(target, formatJson(scenario));
  const byZone = (zone: string) => scenario.stops.filter((s) => s.zone === zone).length;
  const demand = scenario.demand.kind === "points" ? scenario.demand.points : [];
  const unservable = scenario.stops.filter((s) => !servable(s)).map((s) => s.id);
  console.log(`wrote ${target.pathname}`);
  console.log(
    `stops: ${scenario.stops.length} (urban ${byZone("urban")}, rural ${byZone("rural")}); unservable: ${unservable.join(", ") || "none"}`,
  );
  console.log(`demand points: ${demand.length}; caregivers: ${demand.reduce((a, p) => a + p.caregivers, 0)}`);
  console.log(`buses: ${scenario.buses.map((b) => `${b.id} (${b.kind})`).join(", ")}`);
}
