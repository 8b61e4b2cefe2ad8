/**
 * Public holidays of any country or subdivision, from date-holidays (the one package that
 * knows Colombia's holiday added by Ley 2578 de 2026 and covers ~200 countries). We keep only
 * the public days off, drop Easter Sunday (a Sunday, and not a listed day off in Colombia or
 * in Chile's official lists), and patch the gaps we found for the countries carebus plans:
 * Chile's Sábado Santo is missing from date-holidays 3.37.0 (los-lagos-facts.md §A5).
 * Chilean regions without a regional holiday (all but the four date-holidays lists) take the
 * national list, which is right for them, rather than being refused.
 *
 * date-holidays costs ~0.3 s of CPU to load (its parser pulls in moment-timezone and the
 * astronomical calendars), more than the rest of `carebus validate`. So the package build
 * (build.mjs) writes the answers of this module for the countries carebus plans, over a span
 * of years, to dist/holidays/<COUNTRY>.json, and a lookup reads only the scenario country's
 * file; any other country or year goes to date-holidays as before. The table is generated from
 * the installed date-holidays on every build, never kept in the repository.
 */
import { readFileSync } from "node:fs";
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

/** The countries and years the build writes to dist/holidays/ (see build.mjs). */
export const PRECOMPUTED_HOLIDAYS = { countries: ["CO", "CL"], firstYear: 2020, lastYear: 2040 } as const;

/**
 * One country's precomputed holidays: every calendar code accepted for it and, by calendar
 * (the country, or a subdivision with holidays of its own) and year, its public holidays.
 */
export interface HolidayTable {
  country: string;
  codes: string[];
  firstYear: number;
  lastYear: number;
  calendars: Record<string, Record<string, Holiday[]>>;
}

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
  if (tableOf(country)?.codes.includes(code)) return null;
  const probe = new (dateHolidays())();
  if (!Object.hasOwn(probe.getCountries(), country)) return `no holiday calendar is known for country ${country}`;
  if (state === undefined || NATIONAL_ONLY_SUBDIVISIONS[country]?.includes(state)) return null;
  const states = probe.getStates(country) ?? {};
  if (Object.hasOwn(states, state)) return null;
  const known = [...Object.keys(states), ...(NATIONAL_ONLY_SUBDIVISIONS[country] ?? [])].sort();
  return `no holiday calendar is known for subdivision ${state} of ${country}${known.length > 0 ? ` (known: ${known.join(", ")})` : ""}`;
}

/** The calendar a code reads: the subdivision when it has holidays of its own, else the country. */
function calendarKey(code: string): string {
  const [country, state] = code.split("-") as [string, string | undefined];
  return state !== undefined && !NATIONAL_ONLY_SUBDIVISIONS[country]?.includes(state) ? code : country;
}

function calendarOf(code: string): DateHolidays {
  const key = calendarKey(code);
  let calendar = calendars.get(key);
  if (!calendar) {
    const [country, state] = key.split("-") as [string, string | undefined];
    calendar = state !== undefined ? new (dateHolidays())(country, state) : new (dateHolidays())(country);
    calendars.set(key, calendar);
  }
  return calendar;
}

const TABLE_DIR = new URL("./holidays/", import.meta.url);
const tables = new Map<string, HolidayTable | null>();

/** The build's table of `country`, or null when the build wrote none (or this runs from source). */
function tableOf(country: string): HolidayTable | null {
  let table = tables.get(country);
  if (table === undefined) {
    try {
      table = JSON.parse(readFileSync(new URL(`${country}.json`, TABLE_DIR), "utf8")) as HolidayTable;
    } catch {
      table = null;
    }
    tables.set(country, table);
  }
  return table;
}

/** The holidays `table` holds for `code` in `year`, or undefined when it does not cover them. */
export function precomputedHolidays(table: HolidayTable | null, code: string, year: number): Holiday[] | undefined {
  if (table === null || !table.codes.includes(code)) return undefined;
  return table.calendars[calendarKey(code)]?.[String(year)];
}

/**
 * The table of `country` for the build: every accepted code and the holidays of each calendar
 * in `firstYear`…`lastYear`, worked out with date-holidays.
 */
export function buildHolidayTable(country: string, firstYear: number, lastYear: number): HolidayTable {
  const probe = new (dateHolidays())();
  const states = Object.keys(probe.getStates(country) ?? {});
  const codes = [country, ...[...states, ...(NATIONAL_ONLY_SUBDIVISIONS[country] ?? [])].map((s) => `${country}-${s}`)];
  const calendars: HolidayTable["calendars"] = {};
  for (const code of codes) {
    const key = calendarKey(code);
    if (calendars[key]) continue;
    calendars[key] = {};
    for (let year = firstYear; year <= lastYear; year++) calendars[key][String(year)] = computeHolidays(code, year);
  }
  return { country, codes: codes.sort(), firstYear, lastYear, calendars };
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
    found = precomputedHolidays(tableOf(code.slice(0, 2)), code, year);
    if (!found) {
      const problem = holidayCodeProblem(code);
      if (problem) throw new RangeError(problem);
      found = computeHolidays(code, year);
    }
    cache.set(key, found);
  }
  return found;
}

/** The public holidays of `year` under a usable calendar code, worked out with date-holidays. */
function computeHolidays(code: string, year: number): Holiday[] {
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
  return list.sort((a, b) => a.date.localeCompare(b.date));
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
