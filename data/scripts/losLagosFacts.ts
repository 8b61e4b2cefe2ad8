/**
 * The facts behind the Los Lagos scenario, as tables, from ../shared/design/los-lagos-facts.md
 * (section in brackets). Every figure is cited in data/README.md; rows and constants marked
 * "assumption" are modelling choices.
 */

/** A commune of Región de Los Lagos [A1]. */
export interface Commune {
  cut: string;
  name: string;
  province: "Llanquihue" | "Chiloé" | "Osorno" | "Palena";
  /** seat (cabecera) name when it differs from the commune's */
  seat?: string;
  /** Census 2024 (INE D1) */
  population2024: number;
  women2024: number;
  /** 65+ share, Census 2024 (INE D1, derived) */
  olderAdultsShare: number;
  /** rural share, Census 2017 (SUBDERE localities ÷ INE commune total, derived) */
  ruralShare: number;
  /** Odepa PNDR 2024: urban, mixed or rural commune */
  pndr: "U" | "M" | "R";
  /** seat coordinates (GeoNames, Wikipedia or country-state-city; see A1's Src column) */
  lat: number;
  lon: number;
  /** SICVIR average minutes from rural entities to the nearest primary health centre (bs21); null where not covered (urban) [A3] */
  healthCentreMinutes: number | null;
}

const c = (
  cut: string,
  name: string,
  province: Commune["province"],
  population2024: number,
  women2024: number,
  olderAdultsPct: number,
  ruralPct: number,
  pndr: Commune["pndr"],
  lat: number,
  lon: number,
  healthCentreMinutes: number | null,
  seat?: string,
): Commune => ({
  cut,
  name,
  province,
  population2024,
  women2024,
  olderAdultsShare: olderAdultsPct / 100,
  ruralShare: ruralPct / 100,
  pndr,
  lat,
  lon,
  healthCentreMinutes,
  ...(seat ? { seat } : {}),
});

/** The 30 communes [A1; SICVIR in A3]. */
export const COMMUNES: readonly Commune[] = [
  c("10101", "Puerto Montt", "Llanquihue", 277040, 140496, 10.3, 10.5, "U", -41.4693, -72.9424, null),
  c("10102", "Calbuco", "Llanquihue", 36474, 18100, 14.8, 52.9, "M", -41.7734, -73.1305, 7.1),
  c("10103", "Cochamó", "Llanquihue", 4199, 1986, 19.7, 99.9, "R", -41.4975, -72.3079, 31.0),
  c("10104", "Fresia", "Llanquihue", 12320, 6218, 17.8, 40.2, "R", -41.1536, -73.421, 20.8),
  c("10105", "Frutillar", "Llanquihue", 22554, 11520, 13.8, 29.7, "R", -41.1216, -73.0581, 13.6),
  c("10106", "Los Muermos", "Llanquihue", 17162, 8542, 18.0, 52.5, "R", -41.3956, -73.4624, 12.6),
  c("10107", "Llanquihue", "Llanquihue", 18088, 9262, 14.9, 19.2, "R", -41.256, -73.0065, 7.7),
  c("10108", "Maullín", "Llanquihue", 15063, 7412, 18.8, 53.4, "R", -41.6178, -73.5983, 15.1),
  c("10109", "Puerto Varas", "Llanquihue", 52942, 27128, 11.9, 27.7, "M", -41.3195, -72.9854, 10.5),
  c("10201", "Castro", "Chiloé", 46997, 24165, 12.5, 22.3, "M", -42.4721, -73.7732, 3.4),
  c("10202", "Ancud", "Chiloé", 40949, 20968, 16.2, 27.5, "M", -41.8707, -73.8162, 7.4),
  c("10203", "Chonchi", "Chiloé", 16078, 8182, 13.5, 61.5, "R", -42.6239, -73.775, 8.2),
  c("10204", "Curaco de Vélez", "Chiloé", 3662, 1888, 18.2, 71.1, "R", -42.4397, -73.6029, 4.8),
  c("10205", "Dalcahue", "Chiloé", 14894, 7491, 13.0, 47.7, "R", -42.3785, -73.6501, 8.0),
  c("10206", "Puqueldón", "Chiloé", 4048, 2027, 18.3, 100.0, "R", -42.6, -73.6746, 8.7),
  c("10207", "Queilén", "Chiloé", 5690, 2831, 15.7, 56.9, "R", -42.8557, -73.5644, 27.9),
  c("10208", "Quellón", "Chiloé", 28460, 14121, 9.3, 34.5, "M", -43.1182, -73.6166, 6.6),
  c("10209", "Quemchi", "Chiloé", 8409, 4170, 18.2, 69.9, "R", -42.1333, -73.5167, 12.1),
  c("10210", "Quinchao", "Chiloé", 7678, 3951, 18.2, 60.3, "R", -42.4708, -73.4917, 19.4, "Achao"),
  c("10301", "Osorno", "Osorno", 166455, 86971, 14.5, 8.4, "U", -40.574, -73.1335, null),
  c("10302", "Puerto Octay", "Osorno", 8865, 4348, 16.7, 77.2, "R", -40.9667, -72.9, 21.9),
  c("10303", "Purranque", "Osorno", 19542, 10027, 18.0, 29.3, "R", -40.9131, -73.1591, 11.4),
  c("10304", "Puyehue", "Osorno", 11712, 5930, 16.7, 57.2, "R", -40.6856, -72.6025, 18.0, "Entre Lagos"),
  c("10305", "Río Negro", "Osorno", 13874, 7034, 18.6, 50.4, "R", -40.7964, -73.2155, 15.6),
  c("10306", "San Juan de la Costa", "Osorno", 7776, 3734, 21.7, 84.4, "R", -40.5167, -73.4, 24.3, "Puaucho"),
  c("10307", "San Pablo", "Osorno", 10883, 5526, 18.9, 54.0, "R", -40.4135, -73.0109, 15.4),
  c("10401", "Chaitén", "Palena", 4025, 1940, 15.5, 67.6, "R", -42.916, -72.7063, 52.6),
  c("10402", "Futaleufú", "Palena", 3062, 1520, 13.4, 29.2, "R", -43.1849, -71.8672, 20.4),
  c("10403", "Hualaihué", "Palena", 9480, 4570, 13.7, 59.3, "R", -41.9662, -72.4706, 15.7, "Hornopirén"),
  c("10404", "Palena", "Palena", 1903, 957, 18.9, 37.2, "R", -43.6188, -71.8043, 14.2),
];

/** Women aged 15+ in the region, 2024 (derived, INE D1 sheet 4) [key numbers]. */
export const REGION_WOMEN_15_PLUS_2024 = 375741;
/** All women in the region, 2024 (INE D1) [key numbers]. */
export const REGION_WOMEN_2024 = 453015;
/** Carers as a share of women aged 15+ (derived "broad" estimate: 1.2 M × 85.9 % ÷ 7,907,281) [B]. */
export const CARER_SHARE_OF_WOMEN_15_PLUS = 0.13;

/** Communes on the small islands reached by inner Chiloé ferries, which the model does not route (assumption: no stop there). */
export const INNER_ISLAND_COMMUNES: ReadonlySet<string> = new Set(["Curaco de Vélez", "Puqueldón", "Quinchao"]);

/**
 * Extra urban stops in the largest towns: how many sectors around the seat, and at what
 * distance (assumption: sectors on a ring, not surveyed sites).
 */
export const TOWN_SECTORS: Readonly<Record<string, { count: number; radiusKm: number }>> = {
  "Puerto Montt": { count: 5, radiusKm: 3 },
  Osorno: { count: 4, radiusKm: 2.5 },
  "Puerto Varas": { count: 2, radiusKm: 1.5 },
  Castro: { count: 2, radiusKm: 1.5 },
  Ancud: { count: 2, radiusKm: 1.5 },
};

/** Depots: one per province capital, and Chaitén for southern Palena (assumption, facts B). */
export const DEPOTS = [
  { id: "base-puerto-montt", name: "Base Puerto Montt", commune: "Puerto Montt", busKind: "llanquihue", buses: 2 },
  { id: "base-osorno", name: "Base Osorno", commune: "Osorno", busKind: "osorno", buses: 1 },
  { id: "base-castro", name: "Base Castro", commune: "Castro", busKind: "chiloe", buses: 1 },
  { id: "base-chaiten", name: "Base Chaitén", commune: "Chaitén", busKind: "palena", buses: 1 },
] as const;

/** Which bus kind serves a province's stops (Hualaihué is reached from Puerto Montt by the La Arena–Puelche ferry). */
export function busKindOf(commune: Commune): string {
  if (commune.name === "Hualaihué") return "llanquihue";
  return { Llanquihue: "llanquihue", Osorno: "osorno", Chiloé: "chiloe", Palena: "palena" }[commune.province];
}

/**
 * Ferries the estimate provider must use [A3, B]. Ramp coordinates are assumptions (±2 km);
 * crossing and wait minutes are the facts file's proposals: Chacao 35 min + 15 min wait;
 * La Arena–Puelche 30 min + 15 min wait.
 */
export const FERRIES = [
  {
    name: "Canal de Chacao (Pargua – Chacao)",
    // Chiloé island: everything south of the channel and west of the Gulf of Ancud (assumption)
    area: [
      [-74.6, -41.81],
      [-73.25, -41.81],
      [-73.25, -43.6],
      [-74.6, -43.6],
      [-74.6, -41.81],
    ],
    mainlandRamp: { lat: -41.795, lon: -73.43 },
    islandRamp: { lat: -41.83, lon: -73.52 },
    crossingMinutes: 35,
    waitMinutes: 15,
  },
  {
    name: "La Arena – Caleta Puelche",
    // Hualaihué: south of the Reloncaví estuary's mouth, north of the Comau fjord (assumption)
    area: [
      [-72.95, -41.72],
      [-72.2, -41.72],
      [-72.2, -42.3],
      [-72.95, -42.3],
      [-72.95, -41.72],
    ],
    mainlandRamp: { lat: -41.69, lon: -72.64 },
    islandRamp: { lat: -41.73, lon: -72.62 },
    crossingMinutes: 30,
    waitMinutes: 15,
  },
];
