/**
 * The service calendar of a horizon: which dates the buses run, after weekdays, holidays and
 * explicit exclusions. Every consumer (solver, calendars, API) asks this one function so that
 * a holiday can never be skipped in one place and served in another.
 */
import type { Horizon, Weekday } from "./scenario.js";
import { addDaysIso, weekdayOf } from "./time.js";
import { DEFAULT_HOLIDAYS, isPublicHoliday } from "./holidays.js";

export const DEFAULT_TIME_ZONE = "America/Bogota";
export const DEFAULT_SERVICE_WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat"];

/** A calendar date of the horizon and why it is or is not served. */
export interface HorizonDay {
  date: string;
  weekday: Weekday;
  served: boolean;
  /** why the date is not served: "weekday", "holiday" or "excluded" */
  skipped?: "weekday" | "holiday" | "excluded";
}

/** Every calendar date of the horizon, served or not, in order. */
export function horizonDays(horizon: Horizon): HorizonDay[] {
  const dates = horizon.dates
    ? [...new Set(horizon.dates)].sort()
    : Array.from({ length: horizon.days ?? 7 }, (_, i) => addDaysIso(horizon.startDate, i));
  const weekdays = new Set(horizon.weekdays ?? DEFAULT_SERVICE_WEEKDAYS);
  const excluded = new Set(horizon.excludedDates ?? []);
  const included = new Set(horizon.includedDates ?? []);
  const holidays = horizon.holidays ?? DEFAULT_HOLIDAYS;
  return dates.map((date) => {
    const weekday = weekdayOf(date);
    if (!weekdays.has(weekday)) return { date, weekday, served: false, skipped: "weekday" };
    if (excluded.has(date)) return { date, weekday, served: false, skipped: "excluded" };
    if (!included.has(date) && isPublicHoliday(holidays, date))
      return { date, weekday, served: false, skipped: "holiday" };
    return { date, weekday, served: true };
  });
}

/** The dates the service runs, in order. */
export function serviceDates(horizon: Horizon): string[] {
  return horizonDays(horizon)
    .filter((d) => d.served)
    .map((d) => d.date);
}
