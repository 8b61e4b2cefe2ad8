/**
 * Public holidays of any country or subdivision, from date-holidays (the one package that
 * knows Colombia's holiday added by Ley 2578 de 2026 and covers ~200 countries). We keep only
 * the public days off, drop Easter Sunday (a Sunday, and not a listed day off in Colombia or
 * in Chile's official lists), and patch the gaps we found for the countries carebus plans:
 * Chile's Sábado Santo is missing from date-holidays 3.37.0 (los-lagos-facts.md §A5).
 * Chilean regions without a regional holiday (all but the four date-holidays lists) take the
 * national list, which is right for them, rather than being refused.
 */
import { createRequire } from "node:module";

/** One public holiday: `{date: "YYYY-MM-DD", name}`. */
export interface Holiday {
  date: string;
  name: string;
}

interface DateHolidaysEntry {
  date: string;
  name: string;
  type: string;
  rule: string;
}
interface DateHolidays {
  init(country: string, state?: string): boolean | undefined;
  getHolidays(year: number): DateHolidaysEntry[];
  getStates(country: string): Record<string, string> | undefined;
  getCountries(): Record<string, string>;
}
type DateHolidaysClass = new (country?: string, state?: string) => DateHolidays;

/** A holiday calendar code: an ISO 3166-1 country, or country-subdivision (ISO 3166-2), or "none". */
export const HOLIDAY_CODE_PATTERN = "^(none|[A-Z]{2}(-[A-Z0-9]{1,3})?)$";

/** The calendar used when a scenario names none. */
export const DEFAULT_HOLIDAYS = "CO";

/**
 * ISO 3166-2 subdivisions known to have no holidays of their own, accepted with the national
 * list. Chile: the 16 regions; regional holidays exist only in Arica y Parinacota (AP) and
 * Ñuble/Biobío (Chillán), which date-holidays lists itself (cnnchile.com 2025-12-26).
 */
const NATIONAL_ONLY_SUBDIVISIONS: Readonly<Record<string, readonly string[]>> = {
  CL: ["AI", "AN", "AR", "AT", "CO", "LI", "LL", "LR", "MA", "ML", "RM", "VS"],
};

/** Days date-holidays misses, as offsets from Easter Sunday, by country. */
const EASTER_PATCHES: Readonly<Record<string, readonly { offsetDays: number; name: string }[]>> = {
  // Ley 2.977 and its successors: Holy Saturday is a public holiday in Chile.
  CL: [{ offsetDays: -1, name: "Sábado Santo" }],
};

// date-holidays takes ~0.7 s to load: load it on first use, so commands that never ask for a
// holiday (and every import of @carebus/model) start fast.
let HolidaysClass: DateHolidaysClass | undefined;
function dateHolidays(): DateHolidaysClass {
  HolidaysClass ??= createRequire(import.meta.url)("date-holidays") as DateHolidaysClass;
  return HolidaysClass;
}

const calendars = new Map<string, DateHolidays>();
const cache = new Map<string, readonly Holiday[]>();

/**
 * Why `code` is not a usable holiday calendar, or null when it is.
 * @example holidayCodeProblem("CL-XX") // 'date-holidays knows no subdivision "XX" of CL (…)'
 */
export function holidayCodeProblem(code: string): string | null {
  if (code === "none") return null;
  if (!new RegExp(HOLIDAY_CODE_PATTERN).test(code)) {
    return `${JSON.stringify(code)} is not a country code (e.g. "CO", "CL") or country-subdivision code (e.g. "CL-LL"), nor "none"`;
  }
  const [country, state] = code.split("-") as [string, string | undefined];
  const probe = new (dateHolidays())();
  if (!Object.hasOwn(probe.getCountries(), country)) return `no holiday calendar is known for country ${country}`;
  if (state === undefined || NATIONAL_ONLY_SUBDIVISIONS[country]?.includes(state)) return null;
  const states = probe.getStates(country) ?? {};
  if (Object.hasOwn(states, state)) return null;
  const known = [...Object.keys(states), ...(NATIONAL_ONLY_SUBDIVISIONS[country] ?? [])].sort();
  return `no holiday calendar is known for subdivision ${state} of ${country}${known.length > 0 ? ` (known: ${known.join(", ")})` : ""}`;
}

function calendarOf(code: string): DateHolidays {
  let calendar = calendars.get(code);
  if (!calendar) {
    const [country, state] = code.split("-") as [string, string | undefined];
    const regional = state !== undefined && !NATIONAL_ONLY_SUBDIVISIONS[country]?.includes(state);
    calendar = regional ? new (dateHolidays())(country, state) : new (dateHolidays())(country);
    calendars.set(code, calendar);
  }
  return calendar;
}

/**
 * Public holidays of `year` under a calendar code ("CO", "CL", "CL-LL", …; "none" gives []),
 * sorted by date. A date with two holidays appears twice.
 * @throws RangeError when the code is unusable (see holidayCodeProblem)
 * @example publicHolidays("CL", 2026).find((h) => h.date === "2026-04-04")?.name // "Sábado Santo"
 */
export function publicHolidays(code: string, year: number): readonly Holiday[] {
  if (code === "none") return [];
  const key = `${code}|${year}`;
  let found = cache.get(key);
  if (!found) {
    const problem = holidayCodeProblem(code);
    if (problem) throw new RangeError(problem);
    const entries = calendarOf(code).getHolidays(year);
    const list = entries
      .filter((h) => h.type === "public" && h.rule !== "easter")
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
    // date-holidays lists Easter Sunday itself (rule "easter") for the patched countries.
    const easter = entries.find((h) => h.rule === "easter")?.date.slice(0, 10);
    for (const patch of easter === undefined ? [] : (EASTER_PATCHES[code.slice(0, 2)] ?? [])) {
      const ms = Date.parse(`${easter}T00:00:00Z`) + patch.offsetDays * 86_400_000;
      const date = new Date(ms).toISOString().slice(0, 10);
      if (!list.some((h) => h.date === date)) list.push({ date, name: patch.name });
    }
    found = list.sort((a, b) => a.date.localeCompare(b.date));
    cache.set(key, found);
  }
  return found;
}

/** True when `date` (YYYY-MM-DD) is a public holiday under the calendar `code`. */
export function isPublicHoliday(code: string, date: string): boolean {
  return publicHolidays(code, Number(date.slice(0, 4))).some((h) => h.date === date);
}

/** Public holidays of `year` in Colombia, sorted, as `{date: "YYYY-MM-DD", name}`. */
export function colombianHolidays(year: number): readonly Holiday[] {
  return publicHolidays("CO", year);
}

/** True when `date` (YYYY-MM-DD) is a Colombian public holiday. */
export function isColombianHoliday(date: string): boolean {
  return isPublicHoliday("CO", date);
}
