/**
 * The default figures of the estimate provider, in one place so that the README, the
 * scenario builder and the tests read the same numbers. Each carries its source or is marked
 * as an assumption.
 */

/** Settings of the estimate provider (the `estimate` form of the scenario's `travel`). */
export interface EstimateSettings {
  /** average driving speed between two urban places, km/h */
  urbanSpeedKmh: number;
  /** average driving speed when either end is rural, km/h */
  ruralSpeedKmh: number;
  /** road distance ÷ straight-line distance */
  detourFactor: number;
  /** fixed minutes added to every journey between two different places (leave, park) */
  accessMinutes: number;
}

/**
 * Bogotá defaults.
 * - `urbanSpeedKmh` 20: the Secretaría Distrital de Movilidad (SDM) measured 23.2 km/h average
 *   on Bogotá's 14 main corridors in early 2023 (El Tiempo, April 2023, quoting the SDM), and
 *   general motorised traffic averaged about 23–24 km/h in 2014–2016 (Bogotá Cómo Vamos,
 *   Informe de Calidad de Vida 2019, movilidad, from SDM data). A bus that also uses local
 *   streets is slower than the corridor average: 20 km/h is an assumption below both figures.
 * - `ruralSpeedKmh` 30: assumption for the paved and unpaved mountain roads of rural Usme,
 *   Ciudad Bolívar and Sumapaz (little congestion, steep and winding).
 * - `detourFactor` 1.3: assumption in the usual range of road circuity factors (about 1.2–1.4
 *   for road travel in most countries; Ballou, Rahardja & Sakai 2002, "Selected country
 *   circuity factors for road travel distance estimation", Transportation Research A 36).
 * - `accessMinutes` 5: assumption — leaving a stop, finding the place to park and set up.
 */
export const DEFAULT_TRAVEL_ESTIMATE: Readonly<EstimateSettings> = Object.freeze({
  urbanSpeedKmh: 20,
  ruralSpeedKmh: 30,
  detourFactor: 1.3,
  accessMinutes: 5,
});
