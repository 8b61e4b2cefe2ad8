/**
 * A sufficient test that a stop can be served at all: some bus of an allowed kind, on a weekday
 * both work, can leave its depot at the start of its shift, drive there, set up, serve the
 * whole dwell, pack up inside one of the stop's windows, take its lunch break afterwards and be
 * back before the shift ends. Travel is the estimate provider's rule (straight line × detour
 * factor at the urban speed, or the rural speed when the stop is rural, plus access minutes).
 *
 * It is deliberately conservative (set-up and pack-up inside the window, lunch after the
 * visit), so a stop that passes is servable under any reading of the model; a stop that fails
 * might still be servable by a cleverer schedule. The builder uses it to reject synthetic
 * candidate stops; the tests use it to check the committed scenario.
 */
import { parseClock, type Bus, type Depot, type Stop } from "@carebus/model";
import { distanceKm } from "./geometry.js";

/** The travel figures the check needs (the `estimate` form of a scenario's travel settings). */
export interface TravelEstimate {
  urbanSpeedKmh: number;
  ruralSpeedKmh: number;
  detourFactor: number;
  accessMinutes: number;
}

/** Driving minutes from a depot to a stop under the estimate rule. */
export function legMinutes(depot: Depot, stop: Stop, travel: TravelEstimate): number {
  const km = distanceKm(depot, stop) * travel.detourFactor;
  if (km === 0) return 0;
  const speed = stop.zone === "rural" ? travel.ruralSpeedKmh : travel.urbanSpeedKmh;
  return (km / speed) * 60 + travel.accessMinutes;
}

/** True when `bus` can serve `stop` on some common weekday, as described in the file header. */
export function canBusServe(
  bus: Bus,
  depot: Depot,
  stop: Stop,
  travel: TravelEstimate,
  serviceWeekdays: readonly string[],
): boolean {
  if (!stop.busKinds.includes(bus.kind)) return false;
  const days = (bus.days ?? serviceWeekdays).filter((d) => (stop.weekdays ?? serviceWeekdays).includes(d));
  const t = legMinutes(depot, stop, travel);
  const handling = (bus.setupMinutes ?? 0) + stop.dwellMinutes + (bus.packupMinutes ?? 0);
  return days.some((day) => {
    const shift = bus.shifts?.[day] ?? bus.shift;
    const shiftStart = parseClock(shift.start);
    const shiftEnd = parseClock(shift.end);
    return stop.timeWindows.some((w) => {
      const visitEnd = Math.max(shiftStart + t, parseClock(w.start)) + handling;
      if (visitEnd > parseClock(w.end)) return false;
      let free = visitEnd;
      if (bus.lunch) {
        const lunchEnd = Math.max(visitEnd, parseClock(bus.lunch.start)) + bus.lunch.minutes;
        if (lunchEnd > parseClock(bus.lunch.end)) return false;
        free = lunchEnd;
      }
      const back = free + t;
      return (
        back <= shiftEnd &&
        back - shiftStart <= (bus.maxWorkMinutes ?? Infinity) &&
        2 * t <= (bus.maxDriveMinutes ?? Infinity)
      );
    });
  });
}

/** True when at least one bus of the fleet passes `canBusServe` for the stop. */
export function isStopServable(
  stop: Stop,
  buses: readonly Bus[],
  depots: readonly Depot[],
  travel: TravelEstimate,
  serviceWeekdays: readonly string[],
): boolean {
  return buses.some((bus) => {
    const depot = depots.find((d) => d.id === bus.depotId);
    return depot !== undefined && canBusServe(bus, depot, stop, travel, serviceWeekdays);
  });
}
