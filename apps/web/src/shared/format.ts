/**
 * Formatting of the plan's dates, times and figures for people. Times in a plan are local
 * ISO strings with the scenario's offset (2026-11-24T08:30:00-05:00), so the wall-clock part
 * is read straight from the text: converting through Date would apply the browser's zone.
 */

/** "2026-11-24T08:30:00-05:00" or "08:30" → "08:30"; anything else is returned unchanged. */
export function clockOf(text: string): string {
  const match = /(?:T|^)(\d{2}:\d{2})/.exec(text);
  return match ? match[1]! : text;
}

/** The calendar date part of a local ISO date-time ("2026-11-24T08:30…" → "2026-11-24"). */
export function dateOf(text: string): string {
  return text.slice(0, 10);
}

/**
 * The locale dates and numbers are written in: the scenario's own (es-CL in Los Lagos, es-CO in
 * Bogotá) while the page speaks its language, else the page's language.
 * @example displayLocale("es", "es-CL") // "es-CL"; displayLocale("en", "es-CL") // "en"
 */
export function displayLocale(lang: string, scenarioLocale: string | undefined): string {
  return scenarioLocale && scenarioLocale.split("-")[0] === lang ? scenarioLocale : lang;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar date for people: "lun 24 nov" (es) / "Mon 24 Nov" (en); `long` adds the year
 * and the full weekday. Read as a UTC calendar day so no browser zone can shift it.
 */
export function formatDate(date: string, lang: string, style: "short" | "long" = "short"): string {
  const key = `${lang}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      lang,
      style === "short"
        ? { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }
        : { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" },
    );
    dateFormats.set(key, format);
  }
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) ? format.format(ms) : date;
}

/** A figure rounded for reading: 1234.56 → "1,234.6" (en) / "1.234,6" (es). */
export function formatNumber(value: number, lang = "en", maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits }).format(value);
}

/** A ratio as a percentage: 0.0423 → "4.2 %". */
export function formatPercent(ratio: number, lang = "en"): string {
  return new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

/** Minutes as "1 h 05 min" or "35 min". */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

/** Metres as "350 m" or "2.4 km". */
export function formatDistance(metres: number, lang = "en"): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${formatNumber(metres / 1000, lang)} km`;
}
