/**
 * What a planner already knows, as a change set that lies beside a scenario instead of inside
 * it: visits she wants kept (pins: "Kennedy 43 keeps its Tuesdays") and what is not available
 * this time (a stop, a bus-day in the workshop, a whole bus). The same document is accepted by
 * the API, built by the CLI's flags and by the planner page, and applied by the solver's
 * re-planning. The schema states the shape; `changeSetIssues` checks it against a scenario.
 */
import { Type, type Static } from "@sinclair/typebox";
import type { Issue } from "./errors.js";
import { DEFAULT_SERVICE_WEEKDAYS, serviceDates } from "./horizon.js";
import { childPath } from "./issuePath.js";
import { IsoDate, WeekdaySchema, type Scenario, type Weekday } from "./scenario.js";
import { weekdayOf } from "./time.js";

const Id = Type.String({ minLength: 1, maxLength: 200 });

export const ChangePinSchema = Type.Object(
  {
    stopId: Id,
    date: Type.Optional(IsoDate),
    weekday: Type.Optional(WeekdaySchema),
    busId: Type.Optional(Id),
  },
  {
    additionalProperties: false,
    description: "the stop is visited on this date (or on every service date of this weekday), by this bus if given",
  },
);
export type ChangePin = Static<typeof ChangePinSchema>;

export const ChangeExcludeSchema = Type.Object(
  {
    stops: Type.Optional(Type.Array(Id, { maxItems: 10000, description: "stops not visited" })),
    busDays: Type.Optional(
      Type.Array(Type.Object({ busId: Id, date: IsoDate }, { additionalProperties: false }), {
        maxItems: 10000,
        description: "a bus that does not work on a date",
      }),
    ),
    buses: Type.Optional(Type.Array(Id, { maxItems: 1000, description: "buses that do not work at all" })),
  },
  { additionalProperties: false },
);
export type ChangeExclude = Static<typeof ChangeExcludeSchema>;

export const ChangeSetSchema = Type.Object(
  {
    pins: Type.Optional(Type.Array(ChangePinSchema, { maxItems: 10000 })),
    exclude: Type.Optional(ChangeExcludeSchema),
  },
  { additionalProperties: false },
);
export type ChangeSet = Static<typeof ChangeSetSchema>;

/** Whether a change set asks for nothing. */
export function isEmptyChangeSet(changes: ChangeSet): boolean {
  const x = changes.exclude;
  return !changes.pins?.length && !x?.stops?.length && !x?.busDays?.length && !x?.buses?.length;
}

/** One bus on one date that a pin asks for: `busId` undefined = any bus. */
export interface PinnedDay {
  stopId: string;
  date: string;
  busId?: string;
  /** index of the pin in `changes.pins` */
  pin: number;
}

/** The service dates a pin names: its date, or every service date of its weekday. */
export function pinnedDays(changes: ChangeSet, scenario: Scenario): PinnedDay[] {
  const dates = serviceDates(scenario.horizon);
  return (changes.pins ?? []).flatMap((pin, i) => {
    const days = pin.date !== undefined ? [pin.date] : dates.filter((d) => weekdayOf(d) === pin.weekday);
    return days.map((date) => ({ stopId: pin.stopId, date, pin: i, ...(pin.busId ? { busId: pin.busId } : {}) }));
  });
}

/**
 * Every problem of `changes` against `scenario` (assumed valid), each at its path under
 * `base` (e.g. `body` gives `body.pins[2].stopId`): unknown ids, dates outside the service
 * calendar, a pin on a bus that does not work that day or whose kind the stop does not take,
 * a pin with both or neither of date and weekday, a pinned stop or bus-day that is excluded.
 */
export function changeSetIssues(changes: ChangeSet, scenario: Scenario, base = ""): Issue[] {
  const issues: Issue[] = [];
  const at = (...keys: Array<string | number>) => keys.reduce<string>((p, k) => childPath(p, k), base);
  const stops = new Map(scenario.stops.map((s) => [s.id, s]));
  const buses = new Map(scenario.buses.map((b) => [b.id, b]));
  const dates = new Set(serviceDates(scenario.horizon));
  const horizonWeekdays = (scenario.horizon.weekdays ?? DEFAULT_SERVICE_WEEKDAYS) as readonly Weekday[];
  const busWorks = (busId: string, date: string) =>
    ((buses.get(busId)?.days as readonly Weekday[] | undefined) ?? horizonWeekdays).includes(weekdayOf(date));
  const exclude = changes.exclude ?? {};
  const excludedStops = new Set(exclude.stops ?? []);
  const excludedBuses = new Set(exclude.buses ?? []);
  const excludedBusDays = new Set((exclude.busDays ?? []).map((d) => `${d.busId}@${d.date}`));

  exclude.stops?.forEach((id, i) => {
    if (!stops.has(id)) issues.push({ path: at("exclude", "stops", i), message: `unknown stop ${JSON.stringify(id)}` });
  });
  exclude.buses?.forEach((id, i) => {
    if (!buses.has(id)) issues.push({ path: at("exclude", "buses", i), message: `unknown bus ${JSON.stringify(id)}` });
  });
  exclude.busDays?.forEach((d, i) => {
    if (!buses.has(d.busId))
      issues.push({ path: at("exclude", "busDays", i, "busId"), message: `unknown bus ${JSON.stringify(d.busId)}` });
    if (!dates.has(d.date))
      issues.push({
        path: at("exclude", "busDays", i, "date"),
        message: `${d.date} is not a service date of the horizon`,
      });
  });

  changes.pins?.forEach((pin, i) => {
    const stop = stops.get(pin.stopId);
    if (!stop) issues.push({ path: at("pins", i, "stopId"), message: `unknown stop ${JSON.stringify(pin.stopId)}` });
    else if (excludedStops.has(pin.stopId))
      issues.push({ path: at("pins", i, "stopId"), message: `stop ${JSON.stringify(pin.stopId)} is also excluded` });
    const bus = pin.busId === undefined ? undefined : buses.get(pin.busId);
    if (pin.busId !== undefined && !bus)
      issues.push({ path: at("pins", i, "busId"), message: `unknown bus ${JSON.stringify(pin.busId)}` });
    else if (pin.busId !== undefined && excludedBuses.has(pin.busId))
      issues.push({ path: at("pins", i, "busId"), message: `bus ${JSON.stringify(pin.busId)} is also excluded` });
    else if (bus && stop && !stop.busKinds.includes(bus.kind))
      issues.push({
        path: at("pins", i, "busId"),
        message: `stop ${JSON.stringify(stop.id)} takes ${stop.busKinds.join(", ")} buses, not ${bus.kind}`,
      });
    if ((pin.date === undefined) === (pin.weekday === undefined)) {
      issues.push({ path: at("pins", i), message: "give either a date or a weekday" });
      return;
    }
    const days =
      pin.date !== undefined ? [pin.date] : [...dates].filter((d) => weekdayOf(d) === (pin.weekday as Weekday));
    const field = pin.date !== undefined ? "date" : "weekday";
    if (pin.date !== undefined && !dates.has(pin.date)) {
      issues.push({ path: at("pins", i, "date"), message: `${pin.date} is not a service date of the horizon` });
      return;
    }
    if (days.length === 0) {
      issues.push({ path: at("pins", i, "weekday"), message: `the horizon has no service date on ${pin.weekday}` });
      return;
    }
    if (stop?.weekdays && days.some((d) => !stop.weekdays!.includes(weekdayOf(d))))
      issues.push({
        path: at("pins", i, field),
        message: `stop ${JSON.stringify(stop.id)} is not served that weekday`,
      });
    if (bus) {
      const off = days.find((d) => !busWorks(bus.id, d) || excludedBusDays.has(`${bus.id}@${d}`));
      if (off)
        issues.push({
          path: at("pins", i, field),
          message: `bus ${JSON.stringify(bus.id)} does not work on ${off}${excludedBusDays.has(`${bus.id}@${off}`) ? " (excluded)" : ""}`,
        });
    }
  });
  return issues;
}
