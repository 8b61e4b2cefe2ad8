/**
 * Colombian public holidays. date-holidays is the one package that knows the holiday added
 * by Ley 2578 de 2026 (Virgen de Chiquinquirá, moved to a Monday); we keep only the public
 * days off and drop its Easter Sunday entry, which is not a day off in Colombia.
 */
import { createRequire } from "node:module";

type HolidayCalendar = { getHolidays(year: number): { date: string; name: string; type: string; rule: string }[] };

// date-holidays takes ~0.7 s to load: load it on first use, so commands that never ask for a
// holiday (and every import of @carebus/model) start fast.
let colombia: HolidayCalendar | undefined;
function colombianCalendar(): HolidayCalendar {
  if (!colombia) {
    const Holidays = createRequire(import.meta.url)("date-holidays") as new (country: string) => HolidayCalendar;
    colombia = new Holidays("CO");
  }
  return colombia;
}
const cache = new Map<number, readonly { date: string; name: string }[]>();

/** Public holidays of `year` in Colombia, sorted, as `{date: "YYYY-MM-DD", name}`. */
export function colombianHolidays(year: number): readonly { date: string; name: string }[] {
  let found = cache.get(year);
  if (!found) {
    found = colombianCalendar()
      .getHolidays(year)
      .filter((h) => h.type === "public" && h.rule !== "easter")
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
      .sort((a, b) => a.date.localeCompare(b.date));
    cache.set(year, found);
  }
  return found;
}

/** True when `date` (YYYY-MM-DD) is a Colombian public holiday. */
export function isColombianHoliday(date: string): boolean {
  return colombianHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}
