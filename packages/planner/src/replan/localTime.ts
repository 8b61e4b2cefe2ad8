/** Reading a plan's local date-times back into the solver's minutes of a route's day. */
import { dayNumber } from "@carebus/model";
import { SolverError } from "@carebus/solver";

/** Minutes after midnight of `date` of a local ISO date-time such as 2026-11-24T08:30:15-05:00. */
export function minuteOfLocalDateTime(dateTime: string, date: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(dateTime);
  if (!m) throw new SolverError("CAREBUS_SOLVER_INTERNAL", `not a local date-time: ${JSON.stringify(dateTime)}`);
  return (dayNumber(m[1]!) - dayNumber(date)) * 1440 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
}
