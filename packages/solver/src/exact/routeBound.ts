/**
 * The strong upper bound: the linear relaxation of a set-packing model whose columns are whole
 * bus-day routes (MODEL.md, "the route bound"), solved by column generation. HiGHS keeps the
 * restricted master (a persistent model: new columns are added and the LP re-solved from the
 * last basis); routePricing.ts finds, per route class, the feasible routes the master's duals
 * price highest. Every round yields a valid bound (the Lagrangian bound of the round's duals,
 * MODEL.md), so the answer improves while the loop runs and can be stopped at any round: by the
 * time limit, the caller's cancellation or the column cap.
 */
import type { Highs } from "highs";
import type { Instance, SolvedRoute } from "../instance/instance.js";
import type { FailureLog } from "../failureLog.js";
import { Problem } from "../solution/problem.js";
import { Solution } from "../solution/solution.js";
import { mergedGroups } from "../instance/mergeCoverage.js";
import { concaveEnvelope, coverageSlots, spacedDays } from "./boundModel.js";
import { loadHighsRuntime } from "./highs.js";
import { type Ahead, RoutePricer } from "./routePricing.js";

/** Options of {@link routeBound}. */
export interface RouteBoundOptions {
  /** wall-clock budget, loading HiGHS included; default 10 s */
  timeLimitSeconds?: number;
  /** polled between pricing calls; true stops the loop with the best bound so far */
  isCancelled?: () => boolean;
  /** where a HiGHS failure is counted (the loop then stops with what it has) */
  failures?: FailureLog;
  /** a known plan (one route per instance route): its routes are the master's first columns */
  initial?: readonly SolvedRoute[];
  /** where HiGHS comes from (default: the package's, loaded once); tests pass a failing one */
  loadRuntime?: () => Promise<Highs>;
  /** called after every round that improved the bound, with the new bound */
  onBound?: (bound: number) => void;
  /** whether the passes with the completion bound price at smoothed duals (default true; tests compare) */
  smoothing?: boolean;
}

/** What {@link routeBound} found. */
export interface RouteBoundResult {
  /** the best valid bound of any round (inflated against round-off), null when no round gave one */
  value: number | null;
  /** the master's LP optimum was reached: `value` is the relaxation's optimum */
  converged: boolean;
  /**
   * the last restricted master's optimum: the relaxation's optimum is at least this (its
   * columns are a subset), so no bound from it can come lower — null before the first solve
   */
  masterValue: number | null;
  rounds: number;
  columns: number;
}

/** Routes added per route class and round (the best priced ones). */
const COLUMNS_PER_CLASS = 20;
/** Orders of stops a pricing call may examine before it gives up being exact: quick, then long. */
const QUICK_PRICING_NODES = 20_000;
const PRICING_NODES = 2_000_000;
/** Largest master kept: columns of routes, and rows (memory). */
const MAX_COLUMNS = 200_000;
const MAX_ROWS = 400_000;
/** Reduced cost below which a route is not worth adding (relative to its class's dual). */
const PRICE_TOLERANCE = 1e-9;
/** Safety margin against the LP's round-off, as for the LP bound (upperBound.ts). */
const ROUND_OFF = 1e-7;
/**
 * Weight of the best bound's duals in the duals the passes with the completion bound price at
 * (on the 1,000-stop scenario 0.25, 0.4, 0.7 and 0.8 did a little less, and automatic weights by
 * the angle rule no better), and how much less it gets each time such a pass finds nothing that
 * improves the master.
 */
const SMOOTHING = 0.55;
const SMOOTHING_STEP = 0.25;

/** The rows of the master and where each stop's visits enter them. */
interface Master {
  nRows: number;
  nDays: number;
  rowUpper: number[];
  /** per route class: its row (at most as many routes as the class has bus-days) */
  classRow: number[];
  /** per stop and date: the once-a-day / days-between rows a visit that day enters */
  dayRows: Map<number, number[]>;
  /** per stop: its max-visits row, or -1 */
  maxRow: Int32Array;
  /** per stop: the coverage rows of the groups it covers */
  coverRows: number[][];
  /** visit-slot columns: cost, upper bound and coverage row */
  slots: Array<{ value: number; upper: number; row: number }>;
}

/**
 * A valid upper bound on every plan's value from the route relaxation, or null when HiGHS gave
 * no optimum in time (or cannot load: counted in `options.failures`).
 * @example const { value } = await routeBound(instance, { timeLimitSeconds: 5 });
 */
export async function routeBound(instance: Instance, options: RouteBoundOptions = {}): Promise<RouteBoundResult> {
  const started = performance.now();
  const deadline = started + (options.timeLimitSeconds ?? 10) * 1000;
  const outOfTime = () => performance.now() >= deadline || options.isCancelled?.() === true;
  const none: RouteBoundResult = { value: null, converged: false, masterValue: null, rounds: 0, columns: 0 };
  const p = new Problem(instance);
  const probe = new Solution(p, null);
  const classes = routeClasses(p);
  const pricers = classes.map(({ routes }) => new RoutePricer(p, routes[0]!, probe));
  const master = buildMaster(instance, classes, pricers);
  if (master.nRows > MAX_ROWS) return none;
  // no group any route could cover: nothing can be worth anything
  if (master.slots.length === 0) return { ...none, value: 0, converged: true };
  let highs: Highs;
  try {
    highs = await (options.loadRuntime ?? loadHighsRuntime)();
  } catch (error) {
    options.failures?.record("route bound: loading HiGHS", error);
    return none;
  }
  let model: ReturnType<Highs["createModel"]>;
  try {
    model = highs.createModel({
      numCols: master.slots.length,
      numRows: master.nRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(master.slots, (s) => s.value),
      colLower: new Float64Array(master.slots.length),
      colUpper: Float64Array.from(master.slots, (s) => s.upper),
      rowLower: new Float64Array(master.nRows).fill(-highs.infinity),
      rowUpper: Float64Array.from(master.rowUpper),
      matrix: {
        format: "csc",
        numRows: master.nRows,
        numCols: master.slots.length,
        starts: Int32Array.from({ length: master.slots.length + 1 }, (_, j) => j),
        indices: Int32Array.from(master.slots, (s) => s.row),
        values: new Float64Array(master.slots.length).fill(1),
      },
    });
  } catch (error) {
    options.failures?.record("route bound: HiGHS", error);
    return none;
  }
  const result: RouteBoundResult = { ...none };
  const known = new Set<string>();
  const addColumns = (routes: Array<{ c: number; stops: readonly number[] }>): void => {
    const fresh = routes.filter(({ c, stops }) => {
      const key = `${c}:${[...stops].sort((a, b) => a - b).join(",")}`;
      if (stops.length === 0 || known.has(key)) return false;
      known.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const { c, stops } of fresh) {
      for (const [row, coef] of columnEntries(master, classes[c]!.day, c, stops)) {
        indices.push(row);
        values.push(coef);
      }
      starts.push(indices.length);
    }
    model.addCols({
      cost: new Float64Array(fresh.length),
      lower: new Float64Array(fresh.length),
      upper: new Float64Array(fresh.length).fill(highs.infinity),
      matrix: {
        format: "csc",
        numRows: master.nRows,
        numCols: fresh.length,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
    result.columns += fresh.length;
  };
  try {
    model.options.set({ output_flag: false });
    if (options.initial) {
      addColumns(options.initial.map((route, r) => ({ c: p.routeClass[r]!, stops: route.visits.map((v) => v.stop) })));
    }
    const worth = new Float64Array(p.nStops);
    // the classes of each pricing shape (RoutePricer.shape)
    const shapes = new Map<string, number[]>();
    pricers.forEach((pricer, c) => {
      const list = shapes.get(pricer.shape);
      if (list) list.push(c);
      else shapes.set(pricer.shape, [c]);
    });
    const byShape = [...shapes.values()].flat();
    /**
     * One pricing call per class under `duals` (with the completion bound, or the quick search
     * alone); null when time ran out before the last class. `classes` is Infinity when some class
     * has no bound.
     */
    const pricingPass = (duals: ArrayLike<number>, nodes: number, withCompletion: boolean) => {
      let exact = true;
      let bound = 0;
      const priced: Array<{ c: number; stops: number[] }> = [];
      // one shape's tables at a time (the classes go shape by shape): on 5,000 stops, a hundred
      // shapes' tables kept together took over 1 GB
      let shared = null as { shape: string; ahead: Ahead } | null;
      for (const c of byShape) {
        if (outOfTime()) return null;
        const pricer = pricers[c]!;
        let completion: boolean | Ahead = withCompletion;
        if (withCompletion && shapes.get(pricer.shape)!.length > 1) {
          // one completion bound for the classes of a shape (the same routes on other dates):
          // worked out at each stop's largest worth over them, it bounds every one of them, and
          // its tables cost far more than the searches
          if (shared?.shape !== pricer.shape) {
            const most = new Float64Array(p.nStops).fill(-Infinity);
            for (const other of shapes.get(pricer.shape)!) {
              stopWorth(master, classes[other]!.day, duals, pricer.candidates, worth);
              for (const s of pricer.candidates) most[s] = Math.max(most[s]!, worth[s]!);
            }
            shared = { shape: pricer.shape, ahead: pricer.completion(most) };
          }
          completion = shared.ahead;
        }
        stopWorth(master, classes[c]!.day, duals, pricer.candidates, worth);
        const classDual = duals[master.classRow[c]!]!;
        const threshold = classDual + PRICE_TOLERANCE * (1 + classDual);
        let found = pricer.price(worth, threshold, COLUMNS_PER_CLASS, nodes, completion);
        const top = found.routes[0]?.worth;
        if (withCompletion && !found.exact && top !== undefined) {
          // collecting the best twenty keeps the bar at the twentieth and the search may not
          // finish; proving that nothing beats the best found cuts far more, and gives the bound
          const proof = pricer.price(worth, top - PRICE_TOLERANCE * (1 + Math.abs(top)), 1, nodes, completion);
          if (proof.exact) found = { ...found, best: Math.max(proof.best, top), exact: true };
        }
        exact &&= found.exact;
        bound += classes[c]!.routes.length * Math.max(0, found.best);
        for (const route of found.routes) priced.push({ c, stops: route.stops });
      }
      return { exact, classes: bound, priced };
    };
    /**
     * The Lagrangian bound of `duals` but for the route classes: every row's right-hand side at
     * its dual, every slot at its upper bound when its reduced cost is positive (MODEL.md).
     */
    const rowsPart = (duals: ArrayLike<number>) => {
      let sum = 0;
      for (let i = 0; i < master.nRows; i++) sum += master.rowUpper[i]! * duals[i]!;
      for (const i of master.classRow) sum -= master.rowUpper[i]! * duals[i]!;
      for (const slot of master.slots) sum += slot.upper * Math.max(0, slot.value - duals[slot.row]!);
      return sum;
    };
    /** Whether some of `routes` would improve the master: a positive reduced cost under `duals`. */
    const improves = (duals: ArrayLike<number>, routes: ReadonlyArray<{ c: number; stops: readonly number[] }>) =>
      routes.some(({ c, stops }) => {
        let reduced = 0;
        for (const [row, coef] of columnEntries(master, classes[c]!.day, c, stops)) reduced -= coef * duals[row]!;
        return reduced > PRICE_TOLERANCE * (1 + duals[master.classRow[c]!]!);
      });
    let best = Infinity;
    // Smoothing (Wentges): the master's duals jump between extreme points of a degenerate LP, so
    // the Lagrangian bounds of the passes with the completion bound swing (306k, 307k, 303k on the
    // 1,000-stop scenario, where such a pass costs seconds) and are spent far from the optimum.
    // Those passes price at a mix of the duals of the best bound so far (`center`) and the
    // master's: any duals ≥ 0 give a valid bound, and the columns found there are the ones the
    // optimum needs. The quick passes keep the master's duals: they find its columns cheaply.
    const smoothing = options.smoothing ?? true;
    let center: Float64Array | null = null;
    let alpha = SMOOTHING;
    /** Keeps the bound of `duals` when it is the lowest so far, with `duals` as the centre. */
    const improve = (bound: number, duals: Float64Array) => {
      if (bound >= best) return;
      best = bound;
      center = duals;
      result.value = inflate(best);
      options.onBound?.(result.value);
    };
    /** A pass with the completion bound under `duals`, its bound kept; null when out of time. */
    const boundedPass = (duals: Float64Array) => {
      const pass = pricingPass(duals, PRICING_NODES, true);
      if (pass) improve(rowsPart(duals) + pass.classes, duals);
      return pass;
    };
    while (!outOfTime()) {
      // HiGHS counts its time limit over every run of the model: restart its clock each round
      model.zeroAllClocks();
      model.options.set({ time_limit: Math.max(0.001, (deadline - performance.now()) / 1000) });
      model.run();
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) break;
      const rmp = model.getObjectiveValue();
      result.masterValue = rmp;
      const rmpDuals = Float64Array.from(model.getSolution().rowDual, (u) => Math.max(0, u));
      result.rounds++;
      // a short search per class finds good routes quickly, without the completion bound (its
      // tables cost far more than the search). When it does not finish, the long search with the
      // bound follows in the same round: a bound comes only from it, and with smoothing its
      // columns move the master most (every round, not every other by time as before: 293,860
      // against 300,149 at 30 CPU-seconds on the 1,000-stop scenario)
      const quick = pricingPass(rmpDuals, QUICK_PRICING_NODES, false);
      if (!quick) break;
      let { exact, priced } = quick;
      // a quick pass that did not finish gives no bound
      if (quick.exact) improve(rowsPart(rmpDuals) + quick.classes, rmpDuals);
      let smoothed = false;
      if (!quick.exact) {
        const centre: Float64Array | null = center;
        smoothed = smoothing && centre !== null && alpha > 0;
        let full = boundedPass(smoothed ? rmpDuals.map((u, i) => alpha * centre![i]! + (1 - alpha) * u) : rmpDuals);
        if (!full) break;
        priced = [...quick.priced, ...full.priced];
        exact = full.exact;
        if (smoothed && !improves(rmpDuals, priced)) {
          // mispricing: nothing found improves the master, so its optimum is not proven; price
          // at its duals at once (as the plain loop would), and trust the centre less from now
          alpha = Math.max(0, alpha - SMOOTHING_STEP);
          smoothed = false;
          full = boundedPass(rmpDuals);
          if (!full) break;
          priced = [...priced, ...full.priced];
          exact = full.exact;
        }
      }
      // with smoothing, finding nothing at the mixed duals proves nothing about the master's
      if (priced.length === 0 && exact && !smoothed) {
        result.converged = true;
        break;
      }
      if (exact && best - rmp <= ROUND_OFF * Math.abs(rmp)) {
        result.converged = true;
        break;
      }
      if (result.columns + priced.length > MAX_COLUMNS) break;
      addColumns(priced);
    }
  } catch (error) {
    options.failures?.record("route bound: HiGHS", error);
  } finally {
    model.dispose();
  }
  return result;
}

const inflate = (value: number) => value + Math.abs(value) * ROUND_OFF + 1e-6;

/** Route classes (interchangeable bus-days, Problem.routeClass) with their routes and date. */
function routeClasses(p: Problem): Array<{ routes: number[]; day: number }> {
  const byClass = new Map<number, number[]>();
  p.routeClass.forEach((c, r) => {
    const list = byClass.get(c);
    if (list) list.push(r);
    else byClass.set(c, [r]);
  });
  const out: Array<{ routes: number[]; day: number }> = [];
  // in the order of Problem.routeClass's ids, so route r's class is out[routeClass[r]]
  for (let c = 0; c < byClass.size; c++) {
    const routes = byClass.get(c)!;
    out.push({ routes, day: p.inst.routes[routes[0]!]!.day });
  }
  return out;
}

/** Rows of the master: one per route class, per stop's day windows and max visits, per group. */
function buildMaster(
  instance: Instance,
  classes: ReadonlyArray<{ routes: number[]; day: number }>,
  pricers: readonly RoutePricer[],
): Master {
  const rowUpper: number[] = [];
  const row = (upper: number) => rowUpper.push(upper) - 1;
  const classRow = classes.map(({ routes }) => row(routes.length));
  // the dates on which each stop can be served at all
  const daysOf: Array<Set<number>> = Array.from({ length: instance.nStops }, () => new Set());
  pricers.forEach((pricer, c) => {
    for (const s of pricer.candidates) daysOf[s]!.add(classes[c]!.day);
  });
  const dayRows = new Map<number, number[]>();
  const maxRow = new Int32Array(instance.nStops).fill(-1);
  const nDays = instance.dayNumbers.length;
  for (let s = 0; s < instance.nStops; s++) {
    const days = [...daysOf[s]!].sort((a, b) => instance.dayNumbers[a]! - instance.dayNumbers[b]!);
    if (days.length === 0) continue;
    // at most one visit in any minDaysBetween consecutive day numbers (once a day when 0 or 1)
    const gap = Math.max(1, instance.minDaysBetween[s]!);
    const seen = new Set<string>();
    for (const d0 of days) {
      const from = instance.dayNumbers[d0]!;
      const inside = days.filter((d) => instance.dayNumbers[d]! >= from && instance.dayNumbers[d]! < from + gap);
      const key = inside.join(",");
      if (seen.has(key)) continue;
      seen.add(key);
      const i = row(1);
      for (const d of inside) {
        const key2 = s * nDays + d;
        const list = dayRows.get(key2);
        if (list) list.push(i);
        else dayRows.set(key2, [i]);
      }
    }
    const numbers = days.map((d) => instance.dayNumbers[d]!);
    maxRow[s] = row(Math.min(instance.maxVisits[s]!, spacedDays(numbers, gap)));
  }
  const coverRows: number[][] = Array.from({ length: instance.nStops }, () => []);
  const envelope = concaveEnvelope(instance.visitValues);
  const slots: Master["slots"] = [];
  for (const { stops, weight } of mergedGroups(instance, (s) => maxRow[s]! >= 0)) {
    const most = stops.reduce((sum, s) => sum + rowUpper[maxRow[s]!]!, 0);
    const group = coverageSlots(envelope, weight, most);
    if (group.length === 0) continue;
    const i = row(0);
    for (const s of stops) coverRows[s]!.push(i);
    for (const slot of group) slots.push({ ...slot, row: i });
  }
  return { nRows: rowUpper.length, nDays, rowUpper, classRow, dayRows, maxRow, coverRows, slots };
}

/** The once-a-day / days-between rows a visit of `stop` on date `day` enters. */
function dayRowsOf(master: Master, stop: number, day: number): readonly number[] {
  return master.dayRows.get(stop * master.nDays + day) ?? [];
}

/** The master's entries of a route of class `c` on date `day` visiting `stops`. */
function columnEntries(master: Master, day: number, c: number, stops: readonly number[]): Map<number, number> {
  const entries = new Map<number, number>([[master.classRow[c]!, 1]]);
  const add = (row: number, coef: number) => entries.set(row, (entries.get(row) ?? 0) + coef);
  for (const s of stops) {
    for (const row of dayRowsOf(master, s, day)) add(row, 1);
    if (master.maxRow[s]! >= 0) add(master.maxRow[s]!, 1);
    for (const row of master.coverRows[s]!) add(row, -1);
  }
  return entries;
}

/** Each candidate's worth on date `day` under the duals: the reduced cost it adds to a route. */
function stopWorth(
  master: Master,
  day: number,
  duals: ArrayLike<number>,
  candidates: Int32Array,
  worth: Float64Array,
): void {
  for (const s of candidates) {
    let w = master.maxRow[s]! >= 0 ? -duals[master.maxRow[s]!]! : 0;
    for (const row of master.coverRows[s]!) w += duals[row]!;
    for (const row of dayRowsOf(master, s, day)) w -= duals[row]!;
    worth[s] = w;
  }
}
