/**
 * The language and regional conventions of the people who read a scenario's plans: the
 * scenario's BCP 47 `locale`, "es-CO" (DEFAULT_LOCALE) when absent. Every surface (pages,
 * feeds, the command-line summary) formats dates, times and numbers with it, and picks its
 * message catalogue from the locale's language. Formatting goes through the helpers below
 * only, so a new region (es-CL, …) changes one field, not code.
 */
import type { Scenario } from "./scenario.js";

/** The locale of a scenario that names none (Bogotá's): 24-hour clock, "lun 30 nov", 1.234.567. */
export const DEFAULT_LOCALE = "es-CO";

/** Languages with message catalogues; any other language falls back to the first. */
export const LANGUAGES = ["es", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** True when `tag` is a well-formed BCP 47 language tag this runtime accepts. */
export function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The locale of a scenario (its `locale`, else es-CO). */
export function localeOf(scenario: Pick<Scenario, "locale">): string {
  return scenario.locale ?? DEFAULT_LOCALE;
}

/** The catalogue language of a locale: "en-GB" → "en", "es-CL" → "es"; unknown languages → "es". */
export function languageOf(locale: string | null | undefined): Language {
  const base = (locale ?? "").toLowerCase().split("-")[0];
  return (LANGUAGES as readonly string[]).includes(base ?? "") ? (base as Language) : "es";
}

/**
 * The locale to format with for a language the reader chose: the scenario's own locale when it
 * speaks that language (es-CO keeps Colombian conventions), else the bare language ("en").
 */
export function localeForLanguage(lang: Language, scenarioLocale: string = DEFAULT_LOCALE): string {
  return languageOf(scenarioLocale) === lang ? scenarioLocale : lang;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** "lun 30 nov" / "Mon 30 Nov": weekday, day and month from the locale's own words, in that order. */
function shortDay(parts: Intl.DateTimeFormatPart[]): string {
  const part = (type: string) => (parts.find((p) => p.type === type)?.value ?? "").replace(/\.$/, "");
  return `${part("weekday")} ${part("day")} ${part("month")}`;
}

/**
 * A calendar date (YYYY-MM-DD) for people: "lun 30 nov" / "Mon 30 Nov" (short), "lunes, 30 de
 * noviembre de 2026" (long). Read as a calendar day, so no zone can shift it.
 */
export function formatCalendarDate(date: string, locale: string, style: "short" | "long" = "short"): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) return date;
  if (style === "short") {
    const format = cached(
      `d|${locale}`,
      () => new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }),
    );
    return shortDay(format.formatToParts(ms));
  }
  const format = cached(
    `l|${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }),
  );
  return format.format(ms);
}

/** An instant (ISO string or ms) as a day and 24-hour time in `timeZone`: "dom 29 nov, 07:49". */
export function formatInstant(instant: string | number, locale: string, timeZone: string): string {
  const ms = typeof instant === "number" ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) return String(instant);
  const format = cached(
    `i|${locale}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: "short",
        day: "numeric",
        month: "short",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
        timeZone,
      }),
  );
  const parts = format.formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${shortDay(parts)}, ${part("hour")}:${part("minute")}`;
}

/** A figure for reading: 1234567.8 → "1.234.567,8" (es-CO) / "1,234,567.8" (en). */
export function formatFigure(value: number, locale: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A ratio as a percentage: 0.0423 → "4,2 %" (es-CO) / "4.2%" (en). */
export function formatRatio(ratio: number, locale: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits }).format(ratio);
}

/**
 * How far below the maximum possible a plan may be, as a percentage that reads 0 only when it
 * is 0: one decimal from 0.1 % up, two significant digits below (a Bogotá week 0.046% below
 * its bound read "a lo sumo 0% por debajo", as if it were proven optimal).
 * @example formatGap(0.0423, "es-CO") // "4,2%"; formatGap(0.00046, "es-CO") // "0,046%"
 */
export function formatGap(ratio: number, locale: string): string {
  if (ratio > 0 && ratio < 0.00095)
    return new Intl.NumberFormat(locale, { style: "percent", maximumSignificantDigits: 2 }).format(ratio);
  return formatRatio(ratio, locale, 1);
}
