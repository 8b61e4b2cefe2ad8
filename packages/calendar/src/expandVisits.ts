/**
 * Turns a published plan (one horizon, usually a week) into the dated visits people see in
 * their calendars: the plan's pattern repeats every pattern length over the horizon's cycle
 * (`cycleWeeks`, default 1), and any expanded date that the horizon rules do not serve
 * (weekday off, excluded date, public holiday of the horizon's calendar) is dropped. The served/not-served decision is
 * `horizonDays` from @carebus/model, so calendars and the solver can never disagree about a
 * holiday. A weekday that was a holiday in the planned week has no pattern and so stays empty
 * in later weeks: the plan is the only source of visits.
 */
import { addDaysIso, dayNumber, horizonDays, type Horizon, type Plan } from "@carebus/model";

/** One dated visit of a bus to a stop, in local wall-clock minutes of the plan's time zone. */
export interface ExpandedVisit {
  stopId: string;
  busId: string;
  /** YYYY-MM-DD */
  date: string;
  /** minutes after local midnight */
  startMinute: number;
  endMinute: number;
}

/** Minutes after local midnight of a plan date-time such as 2026-11-24T08:30:00-05:00. */
export function localMinuteOf(localDateTime: string): number {
  const hours = Number(localDateTime.slice(11, 13));
  const minutes = Number(localDateTime.slice(14, 16));
  return hours * 60 + minutes;
}

/** Number of days one repetition of the plan's pattern spans: whole weeks covering the horizon. */
export function patternDays(horizon: Horizon): number {
  const days = horizonDays(horizon);
  if (days.length === 0) return 7;
  const span = dayNumber(days[days.length - 1]!.date) - dayNumber(days[0]!.date) + 1;
  return 7 * Math.max(1, Math.ceil(span / 7));
}

/** Days covered by the expanded calendar: the cycle, and at least one pattern. */
export function cycleDays(horizon: Horizon): number {
  return Math.max(patternDays(horizon), 7 * (horizon.cycleWeeks ?? 1));
}

/**
 * Every dated visit of `plan` over the horizon's cycle, sorted by date, start, bus and stop.
 * @example expandVisits(plan, scenario.horizon).filter((v) => v.stopId === "s1")
 */
export function expandVisits(plan: Plan, horizon: Horizon): ExpandedVisit[] {
  const { dates: _explicit, days: _days, ...rules } = horizon;
  const first = horizonDays(horizon)[0]?.date ?? horizon.startDate;
  const rangeDays = cycleDays(horizon);
  const served = new Set(
    horizonDays({ ...rules, startDate: first, days: rangeDays })
      .filter((d) => d.served)
      .map((d) => d.date),
  );
  const step = patternDays(horizon);
  const out: ExpandedVisit[] = [];
  for (const route of plan.routes) {
    const offset = dayNumber(route.date) - dayNumber(first);
    for (let shift = 0; offset + shift < rangeDays; shift += step) {
      if (offset + shift < 0) continue;
      const date = addDaysIso(route.date, shift);
      if (!served.has(date)) continue;
      for (const visit of route.visits) {
        out.push({
          stopId: visit.stopId,
          busId: route.busId,
          date,
          startMinute: localMinuteOf(visit.serviceStart),
          endMinute:
            localMinuteOf(visit.serviceEnd) +
            1440 * (dayNumber(visit.serviceEnd.slice(0, 10)) - dayNumber(visit.serviceStart.slice(0, 10))),
        });
      }
    }
  }
  return out.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      a.startMinute - b.startMinute ||
      a.busId.localeCompare(b.busId) ||
      a.stopId.localeCompare(b.stopId),
  );
}
