/**
 * Turn OSRM-shaped steps into sentences with osrm-text-instructions. Spanish uses the package's
 * `es-ES` table, which reads more naturally than its `es` one ("Dirígete al este por Calle 3"
 * rather than "Ve a este en Calle 3").
 */
import osrmTextInstructions from "osrm-text-instructions";
import type { ManeuverStep } from "../types.js";

/** Languages carebus writes directions in. */
export type DirectionsLanguage = "es" | "en";

const LANGUAGE_TABLE: Record<DirectionsLanguage, string> = { es: "es-ES", en: "en" };
const compiler = osrmTextInstructions("v5");

/**
 * One instruction sentence for `step`, the `legIndex`-th of `legCount` legs; `waypointName`
 * names the place an `arrive` step reaches.
 * @example instructionText("en", { maneuver: { type: "turn", modifier: "left", ... }, name: "Carrera 7", ... }, 0, 1) // "Turn left onto Carrera 7"
 */
export function instructionText(
  lang: DirectionsLanguage,
  step: ManeuverStep,
  legIndex: number,
  legCount: number,
  waypointName?: string,
): string {
  const options = waypointName ? { legIndex, legCount, waypointName } : { legIndex, legCount };
  return compiler.compile(LANGUAGE_TABLE[lang], step, options);
}
