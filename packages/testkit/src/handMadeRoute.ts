/**
 * A plan route written by hand, for tests of what consumes plans (feeds, API, pages) without
 * running the solver: one bus, a 07:00–16:40 day, 10-minute 3-km legs, each visit served from
 * its arrival for the minutes given.
 */
import { formatLocalDateTime, type PlanRoute } from "@carebus/model";

/** One visit: [stopId, "HH:MM" service start, minutes of service]. */
export type HandMadeVisit = [stopId: string, start: string, minutes: number];

const clock = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

/** Bus `busId` from depot `depotId` on `date`, visiting `visits` in order, each worth `value`. */
export function handMadeRoute(
  bus: { busId: string; depotId: string; value: number },
  date: string,
  visits: HandMadeVisit[],
): PlanRoute {
  const at = (minute: number) => formatLocalDateTime(date, minute, "America/Bogota");
  return {
    busId: bus.busId,
    date,
    depotId: bus.depotId,
    departure: at(420),
    return: at(1000),
    visits: visits.map(([stopId, start, minutes]) => ({
      stopId,
      arrival: at(clock(start)),
      serviceStart: at(clock(start)),
      serviceEnd: at(clock(start) + minutes),
      departure: at(clock(start) + minutes),
      travelMinutes: 10,
      km: 3,
      value: bus.value,
    })),
    returnTravelMinutes: 10,
    returnKm: 3,
    travelMinutes: 30,
    km: 9,
    workMinutes: 580,
  };
}
