/**
 * The semantic rules of a scenario: what a JSON Schema cannot say. Real calendar dates,
 * known time zones, cross-references (depots, bus kinds, pinned buses), duplicate ids, time
 * windows against dwell times, shifts and lunch breaks, stops no bus can ever serve, pinned
 * visits the calendar or the bus cannot honour. Each rule looks only at parts the schema
 * accepted (RuleContext.clean), so a broken field yields one issue, not a cascade, and no
 * rule ever meets a value of the wrong type. Stops the solver merely fails to reach are not
 * errors: the plan reports them as unvisited with a reason.
 */
import type { Bus, Horizon, PinnedVisit, PriorityIndex, Shift, Stop, TimeWindow } from "./scenario.js";
import { WEEKDAYS } from "./scenario.js";
import type { Issue } from "./errors.js";
import { DEFAULT_SERVICE_WEEKDAYS, horizonDays, type HorizonDay } from "./horizon.js";
import { holidayCodeProblem } from "./holidays.js";
import { dayNumber, isIsoDate, isTimeZone, parseClock, weekdayOf } from "./time.js";
import { childPath, isRecord } from "./issuePath.js";
import { cleanItems, indexIds, reportRepeats, RuleContext, type IdIndex } from "./ruleContext.js";

/** The years a horizon may start in: far enough for any real plan, and safely inside ISO dates. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/** What the horizon rules learned, for the rules of buses and stops. */
interface HorizonFacts {
  /** every calendar date of the horizon, or null when the horizon is too broken to compute */
  calendar: HorizonDay[] | null;
  /** the weekdays the service runs, or null when unknown */
  weekdays: ReadonlySet<string> | null;
  /** how to say that a date is not in the horizon: outside its span, or not among its listed dates */
  notInHorizon: string;
}

/** What the bus rules learned, for the stop rules. */
interface FleetFacts {
  ids: IdIndex;
  /** buses the schema accepted, by id */
  byId: Map<string, Bus>;
  /** every bus kind, or null when some bus has no valid kind */
  kinds: ReadonlySet<string> | null;
  /** true when every bus passed the schema */
  complete: boolean;
}

/**
 * Semantic issues of a scenario document, given the issues its schema check found.
 * @param doc the document (any object; parts the schema rejected are skipped)
 */
export function scenarioRuleIssues(doc: Record<string, unknown>, schemaFailures: readonly Issue[]): Issue[] {
  const ctx = new RuleContext(schemaFailures);
  const horizon = checkHorizon(doc.horizon, ctx);
  const depots = indexIds(doc.depots, "depots", "id", ctx);
  const fleet = checkBuses(doc.buses, depots, horizon, ctx);
  const stops = checkStops(doc.stops, fleet, horizon, ctx);
  checkDemand(doc.demand, stops, ctx);
  checkOptions(doc.options, ctx);
  checkLocale(doc.locale, ctx);
  return ctx.issues;
}

function checkHorizon(value: unknown, ctx: RuleContext): HorizonFacts {
  if (!isRecord(value)) return { calendar: null, weekdays: null, notInHorizon: "" };
  const h = value as Partial<Horizon>;
  const p = "horizon";
  let datesOk = true;
  const realDate = (date: unknown, path: string): void => {
    if (ctx.clean(path) && typeof date === "string" && !isIsoDate(date)) {
      ctx.add(path, `${date} is not a real calendar date`);
      datesOk = false;
    }
  };
  // The horizon's own dates must also lie in the years the calendar code handles.
  const horizonDate = (date: unknown, path: string): void => {
    realDate(date, path);
    if (ctx.clean(path) && typeof date === "string" && isIsoDate(date)) {
      const year = Number(date.slice(0, 4));
      if (year < FIRST_YEAR || year > LAST_YEAR) {
        ctx.add(path, `${date} is outside the years carebus plans (${FIRST_YEAR}–${LAST_YEAR})`);
        datesOk = false;
      }
    }
  };
  horizonDate(h.startDate, `${p}.startDate`);
  if (ctx.clean(`${p}.dates`) && Array.isArray(h.dates)) {
    h.dates.forEach((d, i) => {
      horizonDate(d, `${p}.dates[${i}]`);
    });
    reportRepeats(h.dates, `${p}.dates`, ctx);
  }
  if (ctx.clean(`${p}.days`) && ctx.clean(`${p}.dates`)) {
    if (h.days !== undefined && h.dates !== undefined) {
      ctx.add(p, "gives both days and dates: give days (a count from startDate) or dates (a list), not both");
      datesOk = false;
    } else if (h.days === undefined && h.dates === undefined) {
      ctx.add(p, "needs days (a count of days from startDate) or dates (a list of dates)");
      datesOk = false;
    }
  }
  if (ctx.clean(`${p}.holidays`) && typeof h.holidays === "string") {
    const problem = holidayCodeProblem(h.holidays);
    if (problem) {
      ctx.add(`${p}.holidays`, problem);
      datesOk = false;
    }
  }
  if (ctx.clean(`${p}.timeZone`) && typeof h.timeZone === "string" && !isTimeZone(h.timeZone)) {
    ctx.add(`${p}.timeZone`, `unknown IANA time zone ${JSON.stringify(h.timeZone)} (e.g. America/Bogota)`);
  }
  if (ctx.clean(`${p}.weekdays`) && Array.isArray(h.weekdays)) reportRepeats(h.weekdays, `${p}.weekdays`, ctx);
  const weekdays = ctx.clean(`${p}.weekdays`) ? new Set<string>(h.weekdays ?? DEFAULT_SERVICE_WEEKDAYS) : null;

  for (const field of ["excludedDates", "includedDates"] as const) {
    const list = h[field];
    if (ctx.clean(`${p}.${field}`) && Array.isArray(list))
      list.forEach((d, i) => {
        realDate(d, `${p}.${field}[${i}]`);
      });
  }
  const calendar = ctx.clean(p) && datesOk ? horizonDays(h as Horizon) : null;
  const notInHorizon = Array.isArray(h.dates) ? "is not one of the horizon's dates" : "is outside the horizon";
  if (calendar) {
    const inHorizon = new Set(calendar.map((d) => d.date));
    const span = calendar.length > 0 ? `${calendar[0]!.date} … ${calendar[calendar.length - 1]!.date}` : "empty";
    for (const field of ["excludedDates", "includedDates"] as const) {
      h[field]?.forEach((d, i) => {
        if (!inHorizon.has(d)) ctx.add(`${p}.${field}[${i}]`, `${d} ${notInHorizon} (${span})`);
      });
    }
    if (!calendar.some((d) => d.served)) {
      ctx.add(p, "has no service dates: every date falls on a weekday without service, a holiday or an excluded date");
    }
  }
  return { calendar, weekdays, notInHorizon };
}

function checkBuses(value: unknown, depots: IdIndex, horizon: HorizonFacts, ctx: RuleContext): FleetFacts {
  const ids = indexIds(value, "buses", "id", ctx);
  const byId = new Map<string, Bus>();
  const buses = cleanItems<Bus>(value, "buses", ctx);
  for (const { item: bus, path } of buses) {
    if (!byId.has(bus.id)) byId.set(bus.id, bus);
    if (depots.complete && !depots.ids.has(bus.depotId)) {
      ctx.add(`${path}.depotId`, `unknown depot ${JSON.stringify(bus.depotId)} (depots: ${listOf(depots.ids)})`);
    }
    if (bus.days) reportRepeats(bus.days, `${path}.days`, ctx);
    checkInterval(bus.shift, `${path}.shift`, ctx);
    const shifts: { label: string; shift: Shift }[] = [];
    const days = new Set(bus.days ?? horizon.weekdays ?? WEEKDAYS);
    const overrides = bus.shifts ?? {};
    if ([...days].some((d) => !Object.hasOwn(overrides, d))) shifts.push({ label: "shift", shift: bus.shift });
    for (const [key, shift] of Object.entries(overrides)) {
      const shiftPath = childPath(`${path}.shifts`, key);
      if (!(WEEKDAYS as readonly string[]).includes(key)) {
        ctx.add(shiftPath, `${JSON.stringify(key)} is not a weekday (use ${WEEKDAYS.join(", ")})`);
        continue;
      }
      // A shift for a day off is checked on its own but does not constrain the lunch break.
      if (checkInterval(shift, shiftPath, ctx) && days.has(key)) shifts.push({ label: `${key} shift`, shift });
    }
    if (bus.lunch && checkInterval(bus.lunch, `${path}.lunch`, ctx)) {
      const window = minutesOf(bus.lunch);
      if (window < bus.lunch.minutes) {
        ctx.add(
          `${path}.lunch.minutes`,
          `a ${bus.lunch.minutes}-minute break does not fit in its window ${bus.lunch.start}–${bus.lunch.end} (${window} minutes)`,
        );
      } else {
        for (const { label, shift } of shifts) {
          if (minutesOf(shift) <= 0) continue;
          const overlap =
            Math.min(parseClock(shift.end), parseClock(bus.lunch.end)) -
            Math.max(parseClock(shift.start), parseClock(bus.lunch.start));
          if (overlap < bus.lunch.minutes) {
            ctx.add(
              `${path}.lunch`,
              `the ${bus.lunch.minutes}-minute break does not fit where its window ${bus.lunch.start}–${bus.lunch.end} meets the ${label} ${shift.start}–${shift.end}`,
            );
          }
        }
      }
    }
  }
  const kinds =
    Array.isArray(value) &&
    value.every((_, i) => ctx.clean(`buses[${i}].kind`) && isRecord(value[i]) && typeof value[i].kind === "string")
      ? new Set((value as Bus[]).map((b) => b.kind))
      : null;
  return { ids, byId, kinds, complete: ctx.clean("buses") && Array.isArray(value) };
}

/** Reports an interval that ends at or before its start; true when the interval is sound. */
function checkInterval(interval: { start: string; end: string }, path: string, ctx: RuleContext): boolean {
  const length = minutesOf(interval);
  if (length > 0) return true;
  ctx.add(
    path,
    length === 0
      ? `ends ${interval.end}, when it starts: it is empty`
      : `ends ${interval.end}, before it starts ${interval.start}`,
  );
  return false;
}

function minutesOf(interval: { start: string; end: string }): number {
  return parseClock(interval.end) - parseClock(interval.start);
}

function checkStops(value: unknown, fleet: FleetFacts, horizon: HorizonFacts, ctx: RuleContext): IdIndex {
  const ids = indexIds(value, "stops", "id", ctx);
  for (const { item: stop, path } of cleanItems<Stop>(value, "stops", ctx)) {
    if (stop.weekdays) reportRepeats(stop.weekdays, `${path}.weekdays`, ctx);
    if (fleet.kinds) {
      const kinds = fleet.kinds;
      stop.busKinds.forEach((kind, i) => {
        if (!kinds.has(kind))
          ctx.add(`${path}.busKinds[${i}]`, `no bus has kind ${JSON.stringify(kind)} (bus kinds: ${listOf(kinds)})`);
      });
    }
    checkWindows(stop, path, ctx);
    if (fleet.complete && horizon.weekdays) checkServable(stop, path, fleet, horizon.weekdays, ctx);
    if (stop.pinned) checkPinned(stop, path, fleet, horizon, ctx);
  }
  return ids;
}

function checkWindows(stop: Stop, path: string, ctx: RuleContext): void {
  const sound: { index: number; window: TimeWindow }[] = [];
  stop.timeWindows.forEach((window, index) => {
    const windowPath = `${path}.timeWindows[${index}]`;
    if (!checkInterval(window, windowPath, ctx)) return;
    const length = minutesOf(window);
    if (length < stop.dwellMinutes) {
      ctx.add(
        windowPath,
        `lasts ${length} minutes (${window.start}–${window.end}), less than the stop's dwell of ${stop.dwellMinutes} minutes`,
      );
    }
    const other = sound.find(
      ({ window: w }) => parseClock(w.start) < parseClock(window.end) && parseClock(window.start) < parseClock(w.end),
    );
    if (other) ctx.add(windowPath, `overlaps timeWindows[${other.index}] (${other.window.start}–${other.window.end})`);
    sound.push({ index, window });
  });
}

/** A stop no bus can ever serve: no bus of its kinds, or no weekday it, a bus and the service share. */
function checkServable(
  stop: Stop,
  path: string,
  fleet: FleetFacts,
  serviceWeekdays: ReadonlySet<string>,
  ctx: RuleContext,
): void {
  const compatible = [...fleet.byId.values()].filter((b) => stop.busKinds.includes(b.kind));
  if (compatible.length === 0) {
    ctx.add(path, `no bus can ever serve this stop: no bus is of kind ${stop.busKinds.join(" or ")}`);
    return;
  }
  const stopDays = new Set<string>(stop.weekdays ?? WEEKDAYS);
  const shared = compatible.some((bus) =>
    (bus.days ?? [...serviceWeekdays]).some((d) => stopDays.has(d) && serviceWeekdays.has(d)),
  );
  if (!shared) {
    ctx.add(
      path,
      `no bus can ever serve this stop: no weekday is shared by the stop (${listOf(stopDays)}), its buses of kind ${stop.busKinds.join(" or ")} and the service (${listOf(serviceWeekdays)})`,
    );
  }
}

function checkPinned(stop: Stop, path: string, fleet: FleetFacts, horizon: HorizonFacts, ctx: RuleContext): void {
  const pinned = stop.pinned ?? [];
  const maxVisits = stop.maxVisits ?? 1;
  if (pinned.length > maxVisits)
    ctx.add(`${path}.pinned`, `has ${pinned.length} pinned visits, more than the stop's maxVisits (${maxVisits})`);
  const calendar = horizon.calendar ? new Map(horizon.calendar.map((d) => [d.date, d])) : null;
  const span =
    horizon.calendar && horizon.calendar.length > 0
      ? `${horizon.calendar[0]!.date} … ${horizon.calendar[horizon.calendar.length - 1]!.date}`
      : "";
  const dated: { index: number; day: number; date: string }[] = [];
  pinned.forEach((visit, index) => {
    const p = `${path}.pinned[${index}]`;
    const bus = fleet.byId.get(visit.busId);
    if (!bus) {
      if (fleet.ids.complete && !fleet.ids.ids.has(visit.busId))
        ctx.add(`${p}.busId`, `unknown bus ${JSON.stringify(visit.busId)}`);
    } else if (!stop.busKinds.includes(bus.kind)) {
      ctx.add(
        `${p}.busId`,
        `bus ${JSON.stringify(bus.id)} is of kind ${bus.kind}, which this stop does not allow (${stop.busKinds.join(", ")})`,
      );
    }
    if (!isIsoDate(visit.date)) {
      ctx.add(`${p}.date`, `${visit.date} is not a real calendar date`);
    } else {
      dated.push({ index, day: dayNumber(visit.date), date: visit.date });
      checkPinnedDay(
        visit,
        `${p}.date`,
        stop,
        bus,
        calendar,
        `${horizon.notInHorizon} (${span})`,
        horizon.weekdays,
        ctx,
      );
    }
    checkPinnedStart(visit, `${p}.start`, stop, bus, ctx);
  });
  const minGap = stop.minDaysBetween ?? 0;
  dated.sort((a, b) => a.day - b.day);
  for (let i = 1; i < dated.length; i++) {
    const gap = dated[i]!.day - dated[i - 1]!.day;
    if (gap < minGap) {
      ctx.add(
        `${path}.pinned[${dated[i]!.index}].date`,
        `is ${gap} day(s) after pinned[${dated[i - 1]!.index}] (${dated[i - 1]!.date}), but the stop's minDaysBetween is ${minGap}`,
      );
    }
  }
}

function checkPinnedDay(
  visit: PinnedVisit,
  path: string,
  stop: Stop,
  bus: Bus | undefined,
  calendar: Map<string, HorizonDay> | null,
  notInHorizon: string,
  serviceWeekdays: ReadonlySet<string> | null,
  ctx: RuleContext,
): void {
  const weekday = weekdayOf(visit.date);
  if (calendar) {
    const day = calendar.get(visit.date);
    if (!day) {
      ctx.add(path, `${visit.date} ${notInHorizon}`);
      return;
    }
    if (!day.served) {
      const why =
        day.skipped === "holiday"
          ? "it is a public holiday"
          : day.skipped === "excluded"
            ? "it is an excluded date"
            : `the service does not run on ${weekday}`;
      ctx.add(path, `${visit.date} is not a service date: ${why}`);
      return;
    }
  }
  const busDays = bus ? (bus.days ?? (serviceWeekdays ? [...serviceWeekdays] : null)) : null;
  if (bus && busDays && !busDays.includes(weekday)) {
    ctx.add(
      path,
      `bus ${JSON.stringify(bus.id)} does not work on ${weekday} (${visit.date}); it works on ${listOf(busDays)}`,
    );
  }
  if (stop.weekdays && !stop.weekdays.includes(weekday)) {
    ctx.add(path, `the stop is not served on ${weekday} (${visit.date}); its weekdays are ${listOf(stop.weekdays)}`);
  }
}

function checkPinnedStart(visit: PinnedVisit, path: string, stop: Stop, bus: Bus | undefined, ctx: RuleContext): void {
  const start = parseClock(visit.start);
  const end = start + stop.dwellMinutes;
  const fits = stop.timeWindows.some((w) => start >= parseClock(w.start) && end <= parseClock(w.end));
  if (!fits) {
    const windows = stop.timeWindows.map((w) => `${w.start}–${w.end}`).join(", ");
    ctx.add(
      path,
      `a visit starting ${visit.start} does not fit the stop's windows (${windows}) with its ${stop.dwellMinutes}-minute dwell`,
    );
    return;
  }
  if (!bus || !isIsoDate(visit.date)) return;
  const weekday = weekdayOf(visit.date);
  const shift = bus.shifts?.[weekday] ?? bus.shift;
  if (start < parseClock(shift.start) || end > parseClock(shift.end)) {
    ctx.add(
      path,
      `a visit starting ${visit.start} for ${stop.dwellMinutes} minutes falls outside bus ${JSON.stringify(bus.id)}'s ${weekday} shift ${shift.start}–${shift.end}`,
    );
  }
}

function checkDemand(value: unknown, stops: IdIndex, ctx: RuleContext): void {
  if (!isRecord(value)) return;
  if (value.kind === "scores") {
    indexIds(value.scores, "demand.scores", "stopId", ctx);
    if (!stops.complete) return;
    for (const { item, path } of cleanItems<{ stopId: string }>(value.scores, "demand.scores", ctx)) {
      if (!stops.ids.has(item.stopId)) ctx.add(`${path}.stopId`, `unknown stop ${JSON.stringify(item.stopId)}`);
    }
  } else if (value.kind === "points") {
    // Point ids are optional: only the ids given must be distinct.
    indexIds(value.points, "demand.points", "id", ctx);
    indexIds(value.careBlocks, "demand.careBlocks", "id", ctx);
    const coverage = value.coverage;
    if (isRecord(coverage) && ctx.clean("demand.coverage.visitValues") && Array.isArray(coverage.visitValues)) {
      const values = coverage.visitValues as number[];
      for (let i = 1; i < values.length; i++) {
        if (values[i]! > values[i - 1]!) {
          ctx.add(
            `demand.coverage.visitValues[${i}]`,
            `${values[i]} is more than the previous visit's ${values[i - 1]}: a later visit must not be worth more than an earlier one`,
          );
        }
      }
    }
    checkPriority(value.priority, value.points, ctx);
  }
}

function checkPriority(priority: unknown, points: unknown, ctx: RuleContext): void {
  const p = "demand.priority";
  if (!isRecord(priority) || !ctx.clean(p)) return;
  const index = priority as PriorityIndex;
  const names = Object.keys(index.weights);
  if (!names.some((name) => index.weights[name]! > 0)) {
    ctx.add(`${p}.weights`, "needs at least one indicator with a weight above 0");
  }
  if ((index.minWeight ?? 1) > (index.maxWeight ?? 2)) {
    ctx.add(p, `minWeight ${index.minWeight ?? 1} is more than maxWeight ${index.maxWeight ?? 2}`);
  }
  if (!Array.isArray(points) || !ctx.clean("demand.points")) return;
  for (const name of names) {
    if (
      !points.some((point) => isRecord(point) && isRecord(point.indicators) && point.indicators[name] !== undefined)
    ) {
      ctx.add(`${p}.weights.${name}`, `no demand point carries the indicator ${JSON.stringify(name)}`);
    }
  }
}

function checkLocale(value: unknown, ctx: RuleContext): void {
  if (typeof value !== "string" || !ctx.clean("locale")) return;
  try {
    Intl.getCanonicalLocales(value);
  } catch {
    ctx.add("locale", `${JSON.stringify(value)} is not a BCP 47 language tag (e.g. "es-CO", "es-CL", "en")`);
  }
}

function checkOptions(value: unknown, ctx: RuleContext): void {
  if (isRecord(value) && ctx.clean("options.objective") && Array.isArray(value.objective)) {
    reportRepeats(value.objective, "options.objective", ctx);
  }
}

/** "a, b, c" in weekday order for weekdays, sorted otherwise. */
function listOf(values: Iterable<string>): string {
  const list = [...new Set(values)];
  const order = (v: string) => (WEEKDAYS as readonly string[]).indexOf(v);
  return list.every((v) => order(v) >= 0)
    ? list.sort((a, b) => order(a) - order(b)).join(", ")
    : list.sort().join(", ");
}
