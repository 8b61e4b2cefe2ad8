/**
 * Colombian public holidays. date-holidays is the one package that knows the holiday added
 * by Ley 2578 de 2026 (Virgen de Chiquinquirá, moved to a Monday); we keep only the public
 * days off and drop its Easter Sunday entry, which is not a day off in Colombia.
 */
import Holidays from "date-holidays";

const colombia = new Holidays("CO");
const cache = new Map<number, readonly { date: string; name: string }[]>();

/** Public holidays of `year` in Colombia, sorted, as `{date: "YYYY-MM-DD", name}`. */
export function colombianHolidays(year: number): readonly { date: string; name: string }[] {
  let found = cache.get(year);
  if (!found) {
    found = colombia
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
