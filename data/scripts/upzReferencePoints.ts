/**
 * The UPZ (Unidades de Planeamiento Zonal) of the 11 localities where the scenario places urban
 * candidate stops, each with a reference point, so every synthetic stop carries the name of the
 * part of its locality people know it by and the community page finds it ("Patio Bonito",
 * "El Porvenir").
 *
 * Names and the UPZ each locality holds: Secretaría Distrital de Planeación, series "Conociendo
 * la localidad de …: diagnóstico de los aspectos físicos, demográficos y socioeconómicos" (2009),
 * §2.3.3 "Unidades de Planeamiento Zonal – UPZ" of each locality's volume (Decreto 190 de 2004).
 * Coordinates are an **assumption**: approximate centres (±1–2 km) placed by hand, not polygon
 * centroids (the IDECA UPZ layer is not available offline). A stop takes the UPZ whose reference
 * point is nearest among its own locality's, so near a UPZ border the name may be the
 * neighbouring one.
 */

/** A UPZ: number, name and approximate reference point. */
export interface UpzReference {
  /** UPZ number in Decreto 190 de 2004 */
  number: number;
  name: string;
  /** locality slug (bogotaFacts.ts) */
  locality: string;
  lat: number;
  lon: number;
}

export const UPZ_REFERENCE_POINTS: readonly UpzReference[] = [
  { number: 49, name: "Apogeo", locality: "bosa", lat: 4.603, lon: -74.163 },
  { number: 84, name: "Bosa Occidental", locality: "bosa", lat: 4.62, lon: -74.205 },
  { number: 85, name: "Bosa Central", locality: "bosa", lat: 4.624, lon: -74.19 },
  { number: 86, name: "El Porvenir", locality: "bosa", lat: 4.638, lon: -74.2 },
  { number: 87, name: "Tintal Sur", locality: "bosa", lat: 4.635, lon: -74.18 },
  { number: 44, name: "Américas", locality: "kennedy", lat: 4.625, lon: -74.135 },
  { number: 45, name: "Carvajal", locality: "kennedy", lat: 4.608, lon: -74.14 },
  { number: 46, name: "Castilla", locality: "kennedy", lat: 4.65, lon: -74.14 },
  { number: 47, name: "Kennedy Central", locality: "kennedy", lat: 4.625, lon: -74.15 },
  { number: 48, name: "Timiza", locality: "kennedy", lat: 4.61, lon: -74.155 },
  { number: 78, name: "Tintal Norte", locality: "kennedy", lat: 4.65, lon: -74.16 },
  { number: 79, name: "Calandaima", locality: "kennedy", lat: 4.655, lon: -74.17 },
  { number: 80, name: "Corabastos", locality: "kennedy", lat: 4.63, lon: -74.16 },
  { number: 81, name: "Gran Britalia", locality: "kennedy", lat: 4.615, lon: -74.17 },
  { number: 82, name: "Patio Bonito", locality: "kennedy", lat: 4.635, lon: -74.175 },
  { number: 83, name: "Las Margaritas", locality: "kennedy", lat: 4.645, lon: -74.185 },
  { number: 113, name: "Bavaria", locality: "kennedy", lat: 4.635, lon: -74.12 },
  { number: 63, name: "El Mochuelo", locality: "ciudadbolivar", lat: 4.52, lon: -74.15 },
  { number: 64, name: "Monte Blanco", locality: "ciudadbolivar", lat: 4.525, lon: -74.135 },
  { number: 65, name: "Arborizadora", locality: "ciudadbolivar", lat: 4.57, lon: -74.145 },
  { number: 66, name: "San Francisco", locality: "ciudadbolivar", lat: 4.56, lon: -74.153 },
  { number: 67, name: "Lucero", locality: "ciudadbolivar", lat: 4.55, lon: -74.16 },
  { number: 68, name: "El Tesoro", locality: "ciudadbolivar", lat: 4.545, lon: -74.14 },
  { number: 69, name: "Ismael Perdomo", locality: "ciudadbolivar", lat: 4.582, lon: -74.16 },
  { number: 70, name: "Jerusalén", locality: "ciudadbolivar", lat: 4.565, lon: -74.168 },
  { number: 52, name: "La Flora", locality: "usme", lat: 4.52, lon: -74.095 },
  { number: 56, name: "Danubio", locality: "usme", lat: 4.54, lon: -74.11 },
  { number: 57, name: "Gran Yomasa", locality: "usme", lat: 4.525, lon: -74.115 },
  { number: 58, name: "Comuneros", locality: "usme", lat: 4.505, lon: -74.12 },
  { number: 59, name: "Alfonso López", locality: "usme", lat: 4.495, lon: -74.105 },
  { number: 60, name: "Parque Entrenubes", locality: "usme", lat: 4.545, lon: -74.1 },
  { number: 61, name: "Ciudad Usme", locality: "usme", lat: 4.475, lon: -74.125 },
  { number: 32, name: "San Blas", locality: "sancristobal", lat: 4.565, lon: -74.075 },
  { number: 33, name: "Sosiego", locality: "sancristobal", lat: 4.58, lon: -74.085 },
  { number: 34, name: "20 de Julio", locality: "sancristobal", lat: 4.57, lon: -74.095 },
  { number: 50, name: "La Gloria", locality: "sancristobal", lat: 4.55, lon: -74.09 },
  { number: 51, name: "Los Libertadores", locality: "sancristobal", lat: 4.535, lon: -74.085 },
  { number: 2, name: "La Academia", locality: "suba", lat: 4.79, lon: -74.06 },
  { number: 3, name: "Guaymaral", locality: "suba", lat: 4.805, lon: -74.045 },
  { number: 17, name: "San José de Bavaria", locality: "suba", lat: 4.765, lon: -74.045 },
  { number: 18, name: "Britalia", locality: "suba", lat: 4.745, lon: -74.05 },
  { number: 19, name: "El Prado", locality: "suba", lat: 4.735, lon: -74.05 },
  { number: 20, name: "La Alhambra", locality: "suba", lat: 4.705, lon: -74.06 },
  { number: 23, name: "Casa Blanca Suba", locality: "suba", lat: 4.72, lon: -74.065 },
  { number: 24, name: "Niza", locality: "suba", lat: 4.715, lon: -74.075 },
  { number: 25, name: "La Floresta", locality: "suba", lat: 4.695, lon: -74.075 },
  { number: 27, name: "Suba", locality: "suba", lat: 4.745, lon: -74.085 },
  { number: 28, name: "El Rincón", locality: "suba", lat: 4.725, lon: -74.1 },
  { number: 71, name: "Tibabuyes", locality: "suba", lat: 4.74, lon: -74.115 },
  { number: 26, name: "Las Ferias", locality: "engativa", lat: 4.69, lon: -74.085 },
  { number: 29, name: "Minuto de Dios", locality: "engativa", lat: 4.7, lon: -74.09 },
  { number: 30, name: "Boyacá Real", locality: "engativa", lat: 4.685, lon: -74.105 },
  { number: 31, name: "Santa Cecilia", locality: "engativa", lat: 4.68, lon: -74.115 },
  { number: 72, name: "Bolivia", locality: "engativa", lat: 4.725, lon: -74.12 },
  { number: 73, name: "Garcés Navas", locality: "engativa", lat: 4.71, lon: -74.115 },
  { number: 74, name: "Engativá", locality: "engativa", lat: 4.71, lon: -74.135 },
  { number: 105, name: "Jardín Botánico", locality: "engativa", lat: 4.67, lon: -74.1 },
  { number: 116, name: "Álamos", locality: "engativa", lat: 4.69, lon: -74.125 },
  { number: 36, name: "San José", locality: "rafaeluribeuribe", lat: 4.585, lon: -74.11 },
  { number: 39, name: "Quiroga", locality: "rafaeluribeuribe", lat: 4.58, lon: -74.12 },
  { number: 53, name: "Marco Fidel Suárez", locality: "rafaeluribeuribe", lat: 4.57, lon: -74.11 },
  { number: 54, name: "Marruecos", locality: "rafaeluribeuribe", lat: 4.56, lon: -74.115 },
  { number: 55, name: "Diana Turbay", locality: "rafaeluribeuribe", lat: 4.555, lon: -74.105 },
  { number: 42, name: "Venecia", locality: "tunjuelito", lat: 4.59, lon: -74.14 },
  { number: 62, name: "Tunjuelito", locality: "tunjuelito", lat: 4.57, lon: -74.13 },
  { number: 1, name: "Paseo de los Libertadores", locality: "usaquen", lat: 4.79, lon: -74.03 },
  { number: 9, name: "Verbenal", locality: "usaquen", lat: 4.77, lon: -74.03 },
  { number: 10, name: "La Uribe", locality: "usaquen", lat: 4.76, lon: -74.045 },
  { number: 11, name: "San Cristóbal Norte", locality: "usaquen", lat: 4.74, lon: -74.03 },
  { number: 12, name: "Toberín", locality: "usaquen", lat: 4.745, lon: -74.045 },
  { number: 13, name: "Los Cedros", locality: "usaquen", lat: 4.725, lon: -74.04 },
  { number: 14, name: "Usaquén", locality: "usaquen", lat: 4.7, lon: -74.03 },
  { number: 15, name: "Country Club", locality: "usaquen", lat: 4.695, lon: -74.045 },
  { number: 16, name: "Santa Bárbara", locality: "usaquen", lat: 4.695, lon: -74.04 },
  { number: 75, name: "Fontibón", locality: "fontibon", lat: 4.675, lon: -74.145 },
  { number: 76, name: "Fontibón San Pablo", locality: "fontibon", lat: 4.685, lon: -74.16 },
  { number: 77, name: "Zona Franca", locality: "fontibon", lat: 4.66, lon: -74.155 },
  { number: 110, name: "Ciudad Salitre Occidental", locality: "fontibon", lat: 4.655, lon: -74.11 },
  { number: 112, name: "Granjas de Techo", locality: "fontibon", lat: 4.645, lon: -74.12 },
  { number: 114, name: "Modelia", locality: "fontibon", lat: 4.67, lon: -74.12 },
  { number: 115, name: "Capellanía", locality: "fontibon", lat: 4.675, lon: -74.13 },
  { number: 117, name: "Aeropuerto El Dorado", locality: "fontibon", lat: 4.7, lon: -74.14 },
];
