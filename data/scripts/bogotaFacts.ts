/**
 * The public facts the Bogotá scenario is built from, transcribed from
 * ../shared/design/bogota-facts.md, each with its source, plus the modelling assumptions that
 * fill the gaps (marked `assumption`). data/README.md lists the same figures with their
 * citations; keep the two in step. Nothing here is random: buildBogota.ts turns these tables
 * into a scenario with a seeded generator.
 */

/** A locality (localidad) of Bogotá. */
export interface Locality {
  /** lower-case ASCII id used in stop ids, e.g. "ciudadbolivar" */
  slug: string;
  name: string;
  /** DANE CNPV 2018, urban part only, as republished by citypopulation.de */
  urbanPopulation: number;
  /** rural inhabitants modelled as rural demand (0 when the rural part is not modelled) */
  ruralPopulation: number;
  /** reference point of the urban core (Wikipedia infobox or an approximate point, see README) */
  lat: number;
  lon: number;
}

/** Rural inhabitants of Bogotá (ambientebogota.gov.co/ruralidad-sda). */
export const RURAL_INHABITANTS = 51_203;
/** Usme holds 34 % of Bogotá's campesinos (ambientebogota.gov.co/ruralidad-sda). */
export const USME_RURAL_SHARE = 0.34;
/** Campesinos of Ciudad Bolívar and Sumapaz (ambientebogota.gov.co/ruralidad-sda). */
export const CIUDAD_BOLIVAR_RURAL = 11_100;
export const SUMAPAZ_RURAL_AMBIENTE = 11_600;
/** Sumapaz population, DANE 2007 (en.wikipedia Sumapaz); chosen over 2,478 (2005) and 3,500–4,000 (2022). */
export const SUMAPAZ_POPULATION = 5_667;
/** Localities with rural land (ambientebogota.gov.co/ruralidad-sda). */
export const RURAL_LAND_LOCALITIES = 9;

const usmeRural = Math.round(RURAL_INHABITANTS * USME_RURAL_SHARE);
/**
 * assumption: the rural inhabitants not counted for Usme, Ciudad Bolívar and Sumapaz are shared
 * equally by the other six localities with rural land; only Chapinero's and Santa Fe's share is
 * modelled (El Verjón), the others' rural edges are left out.
 */
export const OTHER_RURAL_SHARE = Math.round(
  (RURAL_INHABITANTS - usmeRural - CIUDAD_BOLIVAR_RURAL - SUMAPAZ_RURAL_AMBIENTE) / (RURAL_LAND_LOCALITIES - 3),
);

/** The 20 localities, in their official order. */
export const LOCALITIES: readonly Locality[] = [
  { slug: "usaquen", name: "Usaquén", urbanPopulation: 518_625, ruralPopulation: 0, lat: 4.715, lon: -74.03 },
  {
    slug: "chapinero",
    name: "Chapinero",
    urbanPopulation: 151_024,
    ruralPopulation: OTHER_RURAL_SHARE,
    lat: 4.645,
    lon: -74.06,
  },
  {
    slug: "santafe",
    name: "Santa Fe",
    urbanPopulation: 99_798,
    ruralPopulation: OTHER_RURAL_SHARE,
    lat: 4.6,
    lon: -74.065,
  },
  {
    slug: "sancristobal",
    name: "San Cristóbal",
    urbanPopulation: 371_857,
    ruralPopulation: 0,
    lat: 4.555,
    lon: -74.085,
  },
  { slug: "usme", name: "Usme", urbanPopulation: 343_423, ruralPopulation: usmeRural, lat: 4.5, lon: -74.1 },
  { slug: "tunjuelito", name: "Tunjuelito", urbanPopulation: 165_891, ruralPopulation: 0, lat: 4.575, lon: -74.135 },
  { slug: "bosa", name: "Bosa", urbanPopulation: 671_181, ruralPopulation: 0, lat: 4.615, lon: -74.19 },
  { slug: "kennedy", name: "Kennedy", urbanPopulation: 987_731, ruralPopulation: 0, lat: 4.63, lon: -74.15 },
  { slug: "fontibon", name: "Fontibón", urbanPopulation: 354_322, ruralPopulation: 0, lat: 4.675, lon: -74.145 },
  { slug: "engativa", name: "Engativá", urbanPopulation: 768_777, ruralPopulation: 0, lat: 4.705, lon: -74.11 },
  { slug: "suba", name: "Suba", urbanPopulation: 1_113_416, ruralPopulation: 0, lat: 4.74, lon: -74.085 },
  {
    slug: "barriosunidos",
    name: "Barrios Unidos",
    urbanPopulation: 126_294,
    ruralPopulation: 0,
    lat: 4.67,
    lon: -74.075,
  },
  { slug: "teusaquillo", name: "Teusaquillo", urbanPopulation: 139_643, ruralPopulation: 0, lat: 4.64, lon: -74.09 },
  { slug: "losmartires", name: "Los Mártires", urbanPopulation: 69_966, ruralPopulation: 0, lat: 4.605, lon: -74.09 },
  { slug: "antonionarino", name: "Antonio Nariño", urbanPopulation: 76_646, ruralPopulation: 0, lat: 4.59, lon: -74.1 },
  {
    slug: "puentearanda",
    name: "Puente Aranda",
    urbanPopulation: 231_090,
    ruralPopulation: 0,
    lat: 4.615,
    lon: -74.115,
  },
  {
    slug: "lacandelaria",
    name: "La Candelaria",
    urbanPopulation: 15_959,
    ruralPopulation: 0,
    lat: 4.597,
    lon: -74.072,
  },
  {
    slug: "rafaeluribeuribe",
    name: "Rafael Uribe Uribe",
    urbanPopulation: 344_769,
    ruralPopulation: 0,
    lat: 4.57,
    lon: -74.115,
  },
  {
    slug: "ciudadbolivar",
    name: "Ciudad Bolívar",
    urbanPopulation: 584_030,
    ruralPopulation: CIUDAD_BOLIVAR_RURAL,
    lat: 4.536,
    lon: -74.139,
  },
  {
    slug: "sumapaz",
    name: "Sumapaz",
    urbanPopulation: 0,
    ruralPopulation: SUMAPAZ_POPULATION,
    lat: 4.26,
    lon: -74.178,
  },
];

/** Share of women in Bogotá's population, CNPV 2018 (wikiwand "Demografía de Bogotá"). */
export const WOMEN_SHARE = 0.522;
/** Women for whom care is the main, full-time activity: 1.2 M = 30 % (citieschange.org; dalberg.com; Bloomberg Cities). */
export const FULL_TIME_CARE_SHARE = 0.3;
/** Full-time caregivers who cannot leave home and need home care, not a bus (bloombergcities.jhu.edu). */
export const HOMEBOUND_SHARE = 0.14;
/** Caregivers a bus can reach per inhabitant: women × full-time carers × able to leave home. */
export const CAREGIVERS_PER_INHABITANT = WOMEN_SHARE * FULL_TIME_CARE_SHARE * (1 - HOMEBOUND_SHARE);

/**
 * Urban area of Bogotá: 163,000 ha in all minus 122,000 ha rural (ambientebogota.gov.co), used
 * with the urban population to size each locality's disc of demand points.
 */
export const URBAN_AREA_KM2 = (163_000 - 122_000) / 100;

/** A Care Block (Manzana del Cuidado) whose site is identified in the facts. */
export interface CareBlockFact {
  id: string;
  name: string;
  locality: string;
  /** assumption: approximate coordinates of the named site, or the locality's reference point when no site is named */
  lat: number;
  lon: number;
}

/** Care Blocks identified in bogota-facts.md §A4 (of 27 opened by Dec 2025). */
export const CARE_BLOCKS: readonly CareBlockFact[] = [
  {
    id: "mc-ciudadbolivar-manitas",
    name: "Manzana del Cuidado SuperCADE Manitas",
    locality: "Ciudad Bolívar",
    lat: 4.561,
    lon: -74.149,
  },
  { id: "mc-bosa-centro", name: "Manzana del Cuidado Bosa (Nov 2020)", locality: "Bosa", lat: 4.615, lon: -74.19 },
  { id: "mc-usme", name: "Manzana del Cuidado Usme", locality: "Usme", lat: 4.5, lon: -74.1 },
  { id: "mc-losmartires", name: "Manzana del Cuidado Los Mártires", locality: "Los Mártires", lat: 4.605, lon: -74.09 },
  { id: "mc-kennedy-timiza", name: "Manzana del Cuidado Timiza", locality: "Kennedy", lat: 4.607, lon: -74.154 },
  { id: "mc-usaquen", name: "Manzana del Cuidado Usaquén", locality: "Usaquén", lat: 4.715, lon: -74.03 },
  {
    id: "mc-santafe-centro",
    name: "Manzana del Cuidado Santa Fe–La Candelaria (centro)",
    locality: "Santa Fe",
    lat: 4.598,
    lon: -74.076,
  },
  { id: "mc-engativa", name: "Manzana del Cuidado Engativá", locality: "Engativá", lat: 4.705, lon: -74.11 },
  {
    id: "mc-rafaeluribeuribe",
    name: "Manzana del Cuidado Rafael Uribe Uribe",
    locality: "Rafael Uribe Uribe",
    lat: 4.57,
    lon: -74.115,
  },
  {
    id: "mc-ciudadbolivar-mochuelo",
    name: "Manzana del Cuidado El Mochuelo",
    locality: "Ciudad Bolívar",
    lat: 4.525,
    lon: -74.155,
  },
  { id: "mc-bosa-campoverde", name: "Manzana del Cuidado Campo Verde", locality: "Bosa", lat: 4.628, lon: -74.208 },
  {
    id: "mc-sancristobal-entrenubes",
    name: "Manzana del Cuidado Parque Entrenubes",
    locality: "San Cristóbal",
    lat: 4.545,
    lon: -74.1,
  },
  {
    id: "mc-tunjuelito-molinos",
    name: "Manzana del Cuidado Molinos",
    locality: "Tunjuelito",
    lat: 4.567,
    lon: -74.127,
  },
  {
    id: "mc-fontibon-giralda",
    name: "Manzana del Cuidado CDC La Giralda",
    locality: "Fontibón",
    lat: 4.675,
    lon: -74.14,
  },
  { id: "mc-suba", name: "Manzana del Cuidado Suba", locality: "Suba", lat: 4.74, lon: -74.085 },
  {
    id: "mc-barriosunidos",
    name: "Manzana del Cuidado Barrios Unidos",
    locality: "Barrios Unidos",
    lat: 4.67,
    lon: -74.075,
  },
  {
    id: "mc-sancristobal-20dejulio",
    name: "Manzana del Cuidado SuperCADE 20 de Julio",
    locality: "San Cristóbal",
    lat: 4.571,
    lon: -74.096,
  },
];

/** A rural settlement named in the facts (a vereda or corregimiento centre). */
export interface VeredaFact {
  slug: string;
  name: string;
  /** locality slug */
  locality: string;
  /** assumption: approximate coordinates (±2–3 km); the facts name the place, not its position, except El Verjón */
  lat: number;
  lon: number;
}

/** Veredas and corregimiento centres named in bogota-facts.md §A6. */
export const VEREDAS: readonly VeredaFact[] = [
  { slug: "nazareth", name: "Nazareth", locality: "sumapaz", lat: 4.24, lon: -74.15 },
  { slug: "betania", name: "Betania", locality: "sumapaz", lat: 4.29, lon: -74.16 },
  { slug: "sanjuan", name: "San Juan", locality: "sumapaz", lat: 4.005, lon: -74.28 },
  { slug: "elraizal", name: "El Raizal", locality: "sumapaz", lat: 4.215, lon: -74.13 },
  { slug: "launion", name: "La Unión", locality: "sumapaz", lat: 4.05, lon: -74.25 },
  { slug: "altocaicedo", name: "Alto Caicedo", locality: "sumapaz", lat: 4.13, lon: -74.2 },
  { slug: "losarrayanes", name: "Los Arrayanes", locality: "usme", lat: 4.37, lon: -74.14 },
  { slug: "chisaca", name: "Chisacá", locality: "usme", lat: 4.33, lon: -74.16 },
  { slug: "santarosa", name: "Santa Rosa", locality: "usme", lat: 4.42, lon: -74.13 },
  { slug: "veredasbajas", name: "Usme Veredas Bajas", locality: "usme", lat: 4.455, lon: -74.11 },
  { slug: "quibabaja", name: "Quiba Baja", locality: "ciudadbolivar", lat: 4.555, lon: -74.175 },
  { slug: "quibaalta", name: "Quiba Alta", locality: "ciudadbolivar", lat: 4.54, lon: -74.19 },
  { slug: "mochuelobajo", name: "Mochuelo Bajo", locality: "ciudadbolivar", lat: 4.52, lon: -74.15 },
  { slug: "mochueloalto", name: "Mochuelo Alto", locality: "ciudadbolivar", lat: 4.505, lon: -74.165 },
  { slug: "pasquilla", name: "Pasquilla", locality: "ciudadbolivar", lat: 4.465, lon: -74.175 },
  { slug: "pasquillita", name: "Pasquillita", locality: "ciudadbolivar", lat: 4.48, lon: -74.16 },
  { slug: "lasmercedes", name: "Las Mercedes", locality: "ciudadbolivar", lat: 4.45, lon: -74.19 },
  { slug: "elverjon", name: "El Verjón", locality: "chapinero", lat: 4.64, lon: -74.0 },
  { slug: "elverjonbajo", name: "El Verjón Bajo", locality: "santafe", lat: 4.59, lon: -74.02 },
];

/**
 * Unnamed rural candidate points added around the corregimiento centres, because the facts name
 * only 6 of Sumapaz's 29 veredas (15 in the río Blanco basin, 14 in the río Sumapaz basin,
 * noticiascaracol.com 2025) and only 4 places in rural Usme (34 % of the campesinos).
 * `count` points are scattered within `radiusKm` of `around` (assumption).
 */
export const EXTRA_RURAL_AREAS: readonly {
  locality: string;
  label: string;
  around: string;
  count: number;
  radiusKm: number;
}[] = [
  { locality: "sumapaz", label: "cuenca río Blanco", around: "nazareth", count: 6, radiusKm: 9 },
  { locality: "sumapaz", label: "cuenca río Sumapaz", around: "sanjuan", count: 6, radiusKm: 9 },
  { locality: "usme", label: "UPR río Tunjuelo", around: "losarrayanes", count: 4, radiusKm: 6 },
];

/** Named urban sites where the Care Bus has actually parked (bogota-facts.md §A5). */
export const NAMED_URBAN_SITES: readonly {
  id: string;
  name: string;
  locality: string;
  neighbourhood: string;
  /** the landmark the source names, for people finding the bus */
  address: string;
  /** assumption: approximate coordinates of the site */
  lat: number;
  lon: number;
  /** bus kinds that have served it */
  busKinds: readonly string[];
  /** weekdays it was served, when the facts say */
  weekdays?: readonly ("mon" | "tue" | "wed" | "thu" | "fri" | "sat")[];
}[] = [
  {
    id: "u-sancristobal-lacecilia",
    name: "La Cecilia, frente al Mirador del Duende",
    locality: "sancristobal",
    neighbourhood: "La Cecilia",
    address: "Frente al Mirador del Duende",
    lat: 4.556,
    lon: -74.074,
    // the rural bus served it on Fridays and Saturdays (bogota.gov.co, San Cristóbal story)
    busKinds: ["urban", "rural"],
    weekdays: ["fri", "sat"],
  },
  {
    id: "u-fontibon-parquecentral",
    name: "Parque Fontibón Central – Plazoleta",
    locality: "fontibon",
    neighbourhood: "Fontibón Centro",
    address: "Plazoleta del Parque Fontibón Central",
    lat: 4.6735,
    lon: -74.1435,
    busKinds: ["urban"],
  },
];

/** Localities where urban candidate stops are placed: the underserved periphery, plus two the bus has visited (Usaquén 2023 cycle, Fontibón 2022). */
export const URBAN_STOP_LOCALITIES: readonly string[] = [
  "bosa",
  "kennedy",
  "ciudadbolivar",
  "usme",
  "sancristobal",
  "suba",
  "engativa",
  "rafaeluribeuribe",
  "tunjuelito",
  "usaquen",
  "fontibon",
];

/** Localities with rural candidate stops (issue 2; bogota-facts.md §A6). */
export const RURAL_STOP_LOCALITIES: readonly string[] = ["sumapaz", "usme", "ciudadbolivar", "chapinero", "santafe"];

/**
 * Services offered at a bus stop (19 services in 2025: radiosantafe.com 2025-12-04; unounomujer
 * blog 2023; manzanasdelcuidado.gov.co). Every stop offers the core ones; which of the others a
 * stop offers is drawn by the builder (assumption — the real offer varies by cycle).
 */
export const CORE_SERVICES: readonly string[] = ["respite", "legal-psychological", "child-care", "health-promotion"];
export const OPTIONAL_SERVICES: readonly string[] = [
  "school-completion",
  "sena-training",
  "employment",
  "physical-activity",
  "nature-therapy",
  "animal-welfare",
  "elderly-disability-care",
];
