/**
 * Reads a literature TOPTW text file (Solomon-based sets of Righini & Salani and Montemanni &
 * Gambardella, in the KU Leuven format described in ../shared/benchdata/toptw/README.md) into an
 * Instance: one route per vehicle on day 0, the depot as the last location, the depot's window as
 * the shift, and one coverage group per customer carrying its score. It deliberately knows nothing
 * of the search.
 */
import type { Instance, RouteSpec } from "../instance/instance.js";
import { ToptwFormatError } from "../errors.js";

/**
 * How travel times derive from coordinates: `trunc1` = floor(10·d)/10 (the Solomon-based
 * sets' convention), `trunc2` = floor(100·d)/100 (Cordeau-based sets), `round2` = rounded to two
 * decimals, `exact` = unrounded Euclidean distance.
 */
export type DistanceConvention = "trunc1" | "trunc2" | "round2" | "exact";

/** Options of {@link readToptw}. */
export interface ReadToptwOptions {
  /** instance name, usually the file's base name */
  name: string;
  /** number of vehicles m (not stored in the files) */
  vehicles: number;
  /** travel-time convention; default `trunc1` */
  distance?: DistanceConvention;
}

/**
 * Parses a TOPTW file. Node lines are `i x y d S f a list... O C`: O and C are always the last
 * two tokens, whatever the length of the day-combination list.
 * @throws ToptwFormatError (CAREBUS_TOPTW_INVALID) naming the offending line
 * @example readToptw(text, { name: "c101", vehicles: 1 }).nStops // 100
 */
export function readToptw(text: string, options: ReadToptwOptions): Instance {
  const { name, vehicles } = options;
  const convention = options.distance ?? "trunc1";
  if (!Number.isInteger(vehicles) || vehicles < 1) {
    throw new ToptwFormatError(0, `vehicles must be a positive integer, got ${vehicles}`);
  }
  const lines = text.split(/\r?\n/);
  const rows: { line: number; tokens: string[] }[] = [];
  lines.forEach((raw, index) => {
    const tokens = raw
      .trim()
      .split(/\s+/)
      .filter((t) => t.length > 0);
    if (tokens.length > 0) rows.push({ line: index + 1, tokens });
  });
  const header = rows[0];
  if (!header || header.tokens.length < 3) {
    throw new ToptwFormatError(header?.line ?? 1, "expected a header `k v N t` with at least 3 numbers");
  }
  const n = toNumber(header.tokens[2], header.line, "N (number of customers)");
  if (!Number.isInteger(n) || n < 1)
    throw new ToptwFormatError(header.line, `N must be a positive integer, got ${header.tokens[2]}`);
  // line 2 (D Q) is ignored; the depot line follows
  const nodeRows = rows.slice(2);
  if (nodeRows.length < n + 1) {
    throw new ToptwFormatError(
      nodeRows.at(-1)?.line ?? header.line,
      `expected ${n + 1} vertex lines (depot + ${n} customers), found ${nodeRows.length}`,
    );
  }
  const x = new Float64Array(n + 1);
  const y = new Float64Array(n + 1);
  const dwellAll = new Float64Array(n + 1);
  const score = new Float64Array(n + 1);
  const open = new Float64Array(n + 1);
  const close = new Float64Array(n + 1);
  const ids = new Int32Array(n + 1);
  for (let v = 0; v <= n; v++) {
    const row = nodeRows[v]!;
    const t = row.tokens;
    if (t.length < 7)
      throw new ToptwFormatError(
        row.line,
        `a vertex line needs at least 7 tokens (i x y d S ... O C), found ${t.length}`,
      );
    ids[v] = toNumber(t[0], row.line, "i (vertex number)");
    if (ids[v] !== v) throw new ToptwFormatError(row.line, `vertex number ${t[0]} out of order (expected ${v})`);
    x[v] = toNumber(t[1], row.line, "x");
    y[v] = toNumber(t[2], row.line, "y");
    dwellAll[v] = toNumber(t[3], row.line, "d (service duration)");
    score[v] = toNumber(t[4], row.line, "S (score)");
    open[v] = toNumber(t[t.length - 2], row.line, "O (window opening)");
    close[v] = toNumber(t[t.length - 1], row.line, "C (window closing)");
    if (dwellAll[v]! < 0) throw new ToptwFormatError(row.line, `d must be >= 0, got ${t[3]}`);
    if (close[v]! < open[v]!)
      throw new ToptwFormatError(row.line, `window closing ${close[v]} is before its opening ${open[v]}`);
  }
  const nLocations = n + 1;
  const depot = n;
  // location l < n is customer l+1; location n is the depot (vertex 0)
  const vertexOf = (l: number): number => (l === depot ? 0 : l + 1);
  const travel = new Float64Array(nLocations * nLocations);
  for (let a = 0; a < nLocations; a++) {
    const va = vertexOf(a);
    for (let b = 0; b < nLocations; b++) {
      if (a === b) continue;
      const vb = vertexOf(b);
      travel[a * nLocations + b] = distance(x[va]! - x[vb]!, y[va]! - y[vb]!, convention);
    }
  }
  const dwell = new Float64Array(n);
  const windowOffset = new Int32Array(n + 1);
  const windowOpen = new Float64Array(n);
  const windowClose = new Float64Array(n);
  const groupValue = new Float64Array(n);
  const stopGroupOffset = new Int32Array(n + 1);
  const stopGroups = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    dwell[s] = dwellAll[s + 1]!;
    windowOffset[s + 1] = s + 1;
    windowOpen[s] = open[s + 1]!;
    windowClose[s] = close[s + 1]!;
    groupValue[s] = score[s + 1]!;
    stopGroupOffset[s + 1] = s + 1;
    stopGroups[s] = s;
  }
  const routes: RouteSpec[] = [];
  for (let r = 0; r < vehicles; r++) {
    routes.push({
      bus: r,
      day: 0,
      depot,
      shiftStart: open[0]!,
      shiftEnd: close[0]!,
      maxWorkMinutes: Infinity,
      maxDriveMinutes: Infinity,
      setupMinutes: 0,
      packupMinutes: 0,
      lunch: null,
    });
  }
  return {
    name,
    nStops: n,
    nLocations,
    travel,
    km: travel,
    dwell,
    windowOffset,
    windowOpen,
    windowClose,
    maxVisits: new Int32Array(n).fill(1),
    minDaysBetween: new Int32Array(n),
    routes,
    dayNumbers: new Int32Array([0]),
    allowed: new Uint8Array(n * vehicles).fill(1),
    groupValue,
    stopGroupOffset,
    stopGroups,
    visitValues: new Float64Array([1]),
    pinned: [],
  };
}

function distance(dx: number, dy: number, convention: DistanceConvention): number {
  const d = Math.hypot(dx, dy);
  switch (convention) {
    case "trunc1":
      return Math.floor(10 * d + 1e-9) / 10;
    case "trunc2":
      return Math.floor(100 * d + 1e-9) / 100;
    case "round2":
      return Math.round(100 * d) / 100;
    case "exact":
      return d;
  }
}

function toNumber(token: string | undefined, line: number, field: string): number {
  const value = token === undefined ? Number.NaN : Number(token);
  if (!Number.isFinite(value))
    throw new ToptwFormatError(line, `${field} is not a number: ${JSON.stringify(token ?? "")}`);
  return value;
}
