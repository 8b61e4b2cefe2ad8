/**
 * Replays one solved route from its own data — departure, visit starts and lunch — and
 * derives every moment the plan needs: arrival, pack-up end, the moment the bus leaves each
 * place, where the lunch break is taken and when the bus is back. It judges nothing: the
 * checker compares these moments with the rules, and toPlan prints them. It deliberately
 * shares no code with the search engine's incremental route caches, so that the two
 * feasibility paths can disagree and a test can notice.
 */
import type { Instance, SolvedRoute } from "../instance/instance.js";

/** Where a lunch break is taken. */
export type LunchPlace = "depot-before" | "stop" | "depot-after";

/** Moments of one visit, in minutes of the route's day. */
export interface VisitTimes {
  stop: number;
  /** location the bus drove from (a stop or the depot) */
  from: number;
  travelMinutes: number;
  km: number;
  arrival: number;
  start: number;
  /** start + dwell: service ends */
  serviceEnd: number;
  /** serviceEnd + pack-up: the bus may leave (or take lunch) */
  packupEnd: number;
  /** when the bus drives off: packupEnd, or the end of a lunch taken here */
  leave: number;
}

/** The replayed route. */
export interface RouteTimeline {
  departure: number;
  visits: VisitTimes[];
  returnTravelMinutes: number;
  returnKm: number;
  /** arrival back at the depot */
  return: number;
  travelMinutes: number;
  km: number;
  lunch: { start: number; end: number; afterVisits: number; place: LunchPlace } | null;
  /** working span: from the earlier of departure and a depot lunch to the later of return and lunch end */
  workMinutes: number;
}

/**
 * Replay `route` on route spec `r`. Stops are assumed to be valid indices (the checker tests
 * that first). A lunch after the last visit is taken at the depot when the bus can be back
 * before it starts, otherwise parked at the last stop. An empty route does not work: its
 * span and travel are 0 whatever its departure says.
 */
export function replayRoute(instance: Instance, r: number, route: SolvedRoute): RouteTimeline {
  const spec = instance.routes[r]!;
  const n = instance.nLocations;
  const lunch = route.lunch;
  const lunchMinutes = spec.lunch?.minutes ?? 0;
  const visits: VisitTimes[] = [];
  let place = spec.depot;
  let free = route.departure;
  let travelSum = 0;
  let kmSum = 0;
  let lunchPlace: LunchPlace | null = null;
  if (lunch && lunch.afterVisits === 0 && route.visits.length > 0) lunchPlace = "depot-before";
  route.visits.forEach((visit, i) => {
    const travelMinutes = instance.travel[place * n + visit.stop]!;
    const km = instance.km[place * n + visit.stop]!;
    travelSum += travelMinutes;
    kmSum += km;
    const arrival = free + travelMinutes;
    const serviceEnd = visit.start + instance.dwell[visit.stop]!;
    const packupEnd = serviceEnd + spec.packupMinutes;
    let leave = packupEnd;
    if (lunch && lunch.afterVisits === i + 1) {
      const atDepotLater =
        i === route.visits.length - 1 && lunch.start >= packupEnd + instance.travel[visit.stop * n + spec.depot]!;
      if (!atDepotLater) {
        lunchPlace = "stop";
        leave = Math.max(packupEnd, lunch.start + lunchMinutes);
      } else lunchPlace = "depot-after";
    }
    visits.push({
      stop: visit.stop,
      from: place,
      travelMinutes,
      km,
      arrival,
      start: visit.start,
      serviceEnd,
      packupEnd,
      leave,
    });
    place = visit.stop;
    free = leave;
  });
  const returnTravelMinutes = route.visits.length > 0 ? instance.travel[place * n + spec.depot]! : 0;
  const returnKm = route.visits.length > 0 ? instance.km[place * n + spec.depot]! : 0;
  travelSum += returnTravelMinutes;
  kmSum += returnKm;
  const back = free + returnTravelMinutes;
  if (lunch && lunchPlace === null) lunchPlace = lunch.start < route.departure ? "depot-before" : "depot-after";
  let spanStart = route.departure;
  let spanEnd = back;
  if (lunch) {
    spanStart = Math.min(spanStart, lunch.start);
    spanEnd = Math.max(spanEnd, lunch.start + lunchMinutes);
  }
  return {
    departure: route.departure,
    visits,
    returnTravelMinutes,
    returnKm,
    return: back,
    travelMinutes: travelSum,
    km: kmSum,
    lunch: lunch
      ? { start: lunch.start, end: lunch.start + lunchMinutes, afterVisits: lunch.afterVisits, place: lunchPlace! }
      : null,
    workMinutes: route.visits.length > 0 ? spanEnd - spanStart : 0,
  };
}
