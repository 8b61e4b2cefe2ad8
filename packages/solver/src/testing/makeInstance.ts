/**
 * Hand-written instances without typed-array bookkeeping: tests describe stops, windows,
 * routes and demand groups as plain arrays and get a well-formed Instance back. Defaults follow
 * the scenario mapping (no limits, no set-up, one visit per stop, one group per stop).
 */
import type { Instance, PinnedVisit, RouteSpec } from "../instance/instance.js";

/** A readable description of an instance; every omitted field takes a neutral default. */
export interface InstanceSpec {
  name?: string;
  /** travel minutes between locations: stops first, then depots (square) */
  travel: number[][];
  /** km between locations (default: the travel minutes) */
  km?: number[][];
  dwell: number[];
  /** per stop, its [open, close] service-start windows */
  windows: Array<Array<[number, number]>>;
  /** routes; `depot` defaults to the first depot, times to 0 and 1440 */
  routes: Array<Partial<RouteSpec>>;
  /** per day index its day number (default one day, 0) */
  dayNumbers?: number[];
  /** may route r serve stop s? (default yes) */
  allowed?: (stop: number, route: number) => boolean;
  maxVisits?: number[];
  minDaysBetween?: number[];
  /** demand groups: value and the stops that cover it (default one per stop, value 1) */
  groups?: Array<{ value: number; stops: number[] }>;
  visitValues?: number[];
  pinned?: PinnedVisit[];
}

/** Build the Instance that `spec` describes. */
export function makeInstance(spec: InstanceSpec): Instance {
  const nStops = spec.dwell.length;
  const nLocations = spec.travel.length;
  const flat = (m: number[][]) => Float64Array.from(m.flat());
  const routes: RouteSpec[] = spec.routes.map((r) => ({
    bus: r.bus ?? 0,
    day: r.day ?? 0,
    depot: r.depot ?? nStops,
    shiftStart: r.shiftStart ?? 0,
    shiftEnd: r.shiftEnd ?? 1440,
    maxWorkMinutes: r.maxWorkMinutes ?? Infinity,
    maxDriveMinutes: r.maxDriveMinutes ?? Infinity,
    setupMinutes: r.setupMinutes ?? 0,
    packupMinutes: r.packupMinutes ?? 0,
    lunch: r.lunch ?? null,
  }));
  const R = routes.length;
  const windowOffset = new Int32Array(nStops + 1);
  const open: number[] = [];
  const close: number[] = [];
  spec.windows.forEach((ws, s) => {
    windowOffset[s] = open.length;
    for (const [o, c] of [...ws].sort((a, b) => a[0] - b[0])) {
      open.push(o);
      close.push(c);
    }
  });
  windowOffset[nStops] = open.length;
  const allowed = new Uint8Array(nStops * R);
  for (let s = 0; s < nStops; s++)
    for (let r = 0; r < R; r++) allowed[s * R + r] = !spec.allowed || spec.allowed(s, r) ? 1 : 0;
  const groups = spec.groups ?? spec.dwell.map((_, s) => ({ value: 1, stops: [s] }));
  const perStop: number[][] = Array.from({ length: nStops }, () => []);
  groups.forEach((g, i) => {
    for (const s of g.stops) perStop[s]!.push(i);
  });
  const stopGroupOffset = new Int32Array(nStops + 1);
  let total = 0;
  perStop.forEach((gs, s) => {
    stopGroupOffset[s] = total;
    total += gs.length;
  });
  stopGroupOffset[nStops] = total;
  return {
    name: spec.name ?? "hand-made",
    nStops,
    nLocations,
    travel: flat(spec.travel),
    km: flat(spec.km ?? spec.travel),
    dwell: Float64Array.from(spec.dwell),
    windowOffset,
    windowOpen: Float64Array.from(open),
    windowClose: Float64Array.from(close),
    maxVisits: Int32Array.from(spec.maxVisits ?? spec.dwell.map(() => 1)),
    minDaysBetween: Int32Array.from(spec.minDaysBetween ?? spec.dwell.map(() => 0)),
    routes,
    dayNumbers: Int32Array.from(spec.dayNumbers ?? [0]),
    allowed,
    groupValue: Float64Array.from(groups, (g) => g.value),
    stopGroupOffset,
    stopGroups: Int32Array.from(perStop.flat()),
    visitValues: Float64Array.from(spec.visitValues ?? [1]),
    pinned: spec.pinned ?? [],
  };
}

/** Square matrix of rounded Euclidean distances between points (integer minutes). */
export function euclideanMinutes(points: ReadonlyArray<readonly [number, number]>): number[][] {
  return points.map(([x1, y1]) => points.map(([x2, y2]) => Math.round(Math.hypot(x1 - x2, y1 - y2))));
}
