/**
 * Builds the Los Lagos (Chile) scenario the way a planner would: it writes the planner-style
 * input files (stops CSV with semicolons and decimal commas, demand as census-style polygons in
 * GeoJSON, depots and buses CSV, a settings JSON) from the facts in losLagosFacts.ts, and the
 * scenario is then made from those files by `carebus import` — the same importer a planner
 * runs. Everything is deterministic: no random numbers, coordinates rounded to 5 decimals.
 *
 * Run: `pnpm --filter @carebus/data build:los-lagos` (needs `pnpm build` first for the CLI).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { apportion, formatJson } from "@carebus/import";
import { offsetKm, round5, type LatLon } from "./geometry.js";
import {
  busKindOf,
  CARER_SHARE_OF_WOMEN_15_PLUS,
  COMMUNES,
  type Commune,
  DEPOTS,
  FERRIES,
  INNER_ISLAND_COMMUNES,
  REGION_WOMEN_15_PLUS_2024,
  REGION_WOMEN_2024,
  TOWN_SECTORS,
} from "./losLagosFacts.js";

/** The input files, relative to data/los-lagos/. */
export const LOS_LAGOS_INPUTS = {
  stops: "inputs/paradas.csv",
  demand: "inputs/demanda-censo.geojson",
  depots: "inputs/bases.csv",
  buses: "inputs/buses.csv",
  settings: "inputs/ajustes.json",
} as const;

/** Urban density used to size each town's demand cell, inhabitants per km² (assumption). */
const URBAN_DENSITY_PER_KM2 = 4000;
/** Side of the square around each seat holding a commune's rural demand, km (assumption). */
const RURAL_SQUARE_KM = 12;

/** Compass bearings of the extra town stops, chosen to stay on land (assumption). */
const SECTOR_BEARINGS: Readonly<Record<string, readonly number[]>> = {
  "Puerto Montt": [270, 315, 0, 45, 90],
  Osorno: [0, 90, 180, 270],
  "Puerto Varas": [180, 270],
  Castro: [315, 225],
  Ancud: [180, 135],
};
const COMPASS = ["norte", "noreste", "este", "sureste", "sur", "suroeste", "oeste", "noroeste"];

/** Service window and dwell (assumption, facts B: winter daylight bounds 10:00–16:00 on both sides of the April change). */
const WINDOW = "10:00-16:00";

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "");
}

/** Decimal comma, as a Chilean spreadsheet writes it. */
const comma = (x: number) => String(x).replace(".", ",");

/** Stops of a commune: its seat, plus ring sectors in the largest towns; none on the inner islands. */
function communeStops(commune: Commune): string[][] {
  if (INNER_ISLAND_COMMUNES.has(commune.name)) return [];
  const zone = commune.ruralShare < 0.5 ? "urbana" : "rural";
  const seatName = commune.seat ?? commune.name;
  const kind = busKindOf(commune);
  const row = (id: string, name: string, at: LatLon, sector: string) => [
    id,
    name,
    comma(at.lat),
    comma(at.lon),
    zone,
    commune.name,
    sector,
    kind,
    "lun|mar|mié|jue|vie|sáb",
    WINDOW,
    zone === "urbana" ? "180" : "240",
    "2",
    "5",
  ];
  const rows = [row(slug(seatName), `${seatName} – centro`, { lat: commune.lat, lon: commune.lon }, "centro")];
  const sectors = TOWN_SECTORS[commune.name];
  for (const bearing of sectors ? SECTOR_BEARINGS[commune.name]! : []) {
    const rad = (bearing * Math.PI) / 180;
    const at = offsetKm(commune, sectors!.radiusKm * Math.sin(rad), sectors!.radiusKm * Math.cos(rad));
    const word = COMPASS[Math.round(bearing / 45) % 8]!;
    rows.push(row(`${slug(seatName)}-${word}`, `${seatName} – sector ${word}`, at, `sector ${word}`));
  }
  return rows;
}

/** A closed square ring of side `sideKm` centred on `centre`, [lon, lat]. */
function square(centre: LatLon, sideKm: number): [number, number][] {
  const h = sideKm / 2;
  const corners = [offsetKm(centre, -h, -h), offsetKm(centre, h, -h), offsetKm(centre, h, h), offsetKm(centre, -h, h)];
  return [...corners, corners[0]!].map((p) => [p.lon, p.lat]);
}

/**
 * A commune's caregivers: its women × the region's share of women aged 15+ × the carer share
 * of women aged 15+ (derived, facts B(b)), rounded.
 */
export function communeCaregivers(commune: Commune): number {
  return Math.round(commune.women2024 * (REGION_WOMEN_15_PLUS_2024 / REGION_WOMEN_2024) * CARER_SHARE_OF_WOMEN_15_PLUS);
}

/** Demand as two census-style areas per commune: the town's cell and the rural square around it. */
function demandFeatures(commune: Commune): object[] {
  const caregivers = communeCaregivers(commune);
  const [urban, rural] = apportion(caregivers, [1 - commune.ruralShare, commune.ruralShare]);
  const townKm = Math.max(
    1,
    round5(Math.sqrt((commune.population2024 * (1 - commune.ruralShare)) / URBAN_DENSITY_PER_KM2)),
  );
  const town = square(commune, townKm);
  const indicators = {
    ind_mayores65: commune.olderAdultsShare,
    ind_ruralidad: commune.ruralShare,
    ind_minutos_cesfam: commune.healthCentreMinutes ?? 0,
  };
  const feature = (id: string, zone: string, count: number, rings: [number, number][][]) => ({
    type: "Feature",
    properties: { id, comuna: commune.name, zona: zone, cuidadoras: count, ...indicators },
    geometry: { type: "Polygon", coordinates: rings },
  });
  const features = [];
  if (urban! > 0) features.push(feature(`${commune.cut}-u`, "urbana", urban!, [town]));
  if (rural! > 0)
    features.push(
      feature(`${commune.cut}-r`, "rural", rural!, [square(commune, RURAL_SQUARE_KM), [...town].reverse()]),
    );
  return features;
}

function csv(rows: readonly (readonly string[])[], separator: string): string {
  return `${rows.map((r) => r.join(separator)).join("\n")}\n`;
}

/** The input files' texts, by path relative to data/los-lagos/. */
export function losLagosInputFiles(): Record<string, string> {
  const stopHeader = [
    "id",
    "nombre",
    "latitud",
    "longitud",
    "zona",
    "comuna",
    "barrio",
    "tipos_bus",
    "dias",
    "ventanas",
    "permanencia_min",
    "visitas_max",
    "dias_entre_visitas",
  ];
  const seat = (name: string) => COMMUNES.find((c) => c.name === name)!;
  const buses = DEPOTS.flatMap((d) =>
    Array.from({ length: d.buses }, (_, i) => [
      `bus-${d.busKind}-${i + 1}`,
      `Bus ${seat(d.commune).name} ${i + 1}`,
      d.busKind,
      d.id,
      "lun|mar|mié|jue|vie|sáb",
      "08:00",
      "18:00",
      "600",
      "300",
      "20",
      "20",
      "12:00",
      "15:30",
      "45",
    ]),
  );
  const settings = {
    id: "los-lagos",
    name: "Región de Los Lagos: dos semanas con cambio de hora",
    description:
      "Generated by data/scripts/buildLosLagos.ts through `carebus import` from the facts listed in data/README.md; do not edit by hand. " +
      "Caregivers = women × 82.9 % aged 15+ × 13.0 % carers (broad estimate).",
    locale: "es-CL",
    horizon: {
      startDate: "2026-03-30",
      days: 14,
      timeZone: "America/Santiago",
      weekdays: ["mon", "tue", "wed", "thu", "fri", "sat"],
      holidays: "CL-LL",
      cycleWeeks: 2,
    },
    coverage: {
      catchmentMinutes: { urban: 20, rural: 45 },
      walkingSpeedKmh: 4,
      detourFactor: 1.3,
      visitValues: [1, 0.5],
    },
    priority: { weights: { mayores65: 0.4, ruralidad: 0.3, minutos_cesfam: 0.3 }, minWeight: 1, maxWeight: 2 },
    demandPolygons: { pointSpacingKm: 1.5 },
    travel: {
      provider: "estimate",
      urbanSpeedKmh: 45,
      ruralSpeedKmh: 40,
      detourFactor: 1.3,
      accessMinutes: 5,
      ferries: FERRIES,
    },
    options: { timeLimitSeconds: 30, seed: 1, objective: ["coverage", "travel"] },
  };
  return {
    [LOS_LAGOS_INPUTS.stops]: csv([stopHeader, ...COMMUNES.flatMap(communeStops)], ";"),
    [LOS_LAGOS_INPUTS.depots]: csv(
      [
        ["id", "nombre", "latitud", "longitud"],
        ...DEPOTS.map((d) => [d.id, d.name, String(seat(d.commune).lat), String(seat(d.commune).lon)]),
      ],
      ",",
    ),
    [LOS_LAGOS_INPUTS.buses]: csv(
      [
        [
          "id",
          "nombre",
          "tipo",
          "base",
          "dias",
          "inicio_turno",
          "fin_turno",
          "max_trabajo_min",
          "max_conduccion_min",
          "montaje_min",
          "desmontaje_min",
          "almuerzo_inicio",
          "almuerzo_fin",
          "almuerzo_min",
        ],
        ...buses,
      ],
      ",",
    ),
    [LOS_LAGOS_INPUTS.demand]: formatJson({ type: "FeatureCollection", features: COMMUNES.flatMap(demandFeatures) }),
    [LOS_LAGOS_INPUTS.settings]: formatJson(settings),
  };
}

/** The `carebus import` arguments that turn the inputs into the scenario. */
export function losLagosImportArgs(dir: string): string[] {
  const at = (path: string) => `${dir}/${path}`;
  return [
    "import",
    "--stops",
    at(LOS_LAGOS_INPUTS.stops),
    "--demand",
    at(LOS_LAGOS_INPUTS.demand),
    "--depots",
    at(LOS_LAGOS_INPUTS.depots),
    "--buses",
    at(LOS_LAGOS_INPUTS.buses),
    "--settings",
    at(LOS_LAGOS_INPUTS.settings),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = fileURLToPath(new URL("../los-lagos", import.meta.url));
  mkdirSync(`${dir}/inputs`, { recursive: true });
  for (const [path, text] of Object.entries(losLagosInputFiles())) writeFileSync(`${dir}/${path}`, text);
  const cli = fileURLToPath(new URL("../../apps/cli/dist/main.js", import.meta.url));
  // relative paths, so the problems a planner would see name the files as they are in the repository
  execFileSync(
    process.execPath,
    [cli, ...losLagosImportArgs("data/los-lagos"), "--out", "data/los-lagos/scenario.json"],
    {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      stdio: "inherit",
    },
  );
}
