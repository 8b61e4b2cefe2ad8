/**
 * Formatting of the plan's dates, times and figures for people. Dates, instants and numbers go
 * through the model's locale helpers (one place for every surface; pass the scenario's locale,
 * e.g. es-CO). Times in a plan are local ISO strings with the scenario's offset
 * (2026-11-24T08:30:00-05:00), so the wall-clock part is read straight from the text:
 * converting through Date would apply the browser's zone.
 */
import { formatCalendarDate, formatFigure, formatGap, formatInstant, localeForLanguage } from "@carebus/model/locale";

export { formatCalendarDate as formatDate, formatFigure as formatNumber, formatGap, formatInstant };

/**
 * The locale dates and numbers are written in: the scenario's own (es-CL in Los Lagos, es-CO in
 * Bogotá) while the page speaks its language, else the page's language.
 * @example displayLocale("es", "es-CL") // "es-CL"; displayLocale("en", "es-CL") // "en"
 */
export function displayLocale(lang: "es" | "en", scenarioLocale: string | null | undefined): string {
  return localeForLanguage(lang, scenarioLocale ?? lang);
}

/** "2026-11-24T08:30:00-05:00" or "08:30" → "08:30"; anything else is returned unchanged. */
export function clockOf(text: string): string {
  const match = /(?:T|^)(\d{2}:\d{2})/.exec(text);
  return match ? match[1]! : text;
}

/** The calendar date part of a local ISO date-time ("2026-11-24T08:30…" → "2026-11-24"). */
export function dateOf(text: string): string {
  return text.slice(0, 10);
}

/** Minutes as "1 h 05 min" or "35 min". */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** Metres as "350 m" or "2,4 km" (in the locale's decimals). */
export function formatDistance(metres: number, locale: string): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${formatFigure(metres / 1000, locale)} km`;
}
