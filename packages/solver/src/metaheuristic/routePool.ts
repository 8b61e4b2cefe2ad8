/**
 * Route-pool recombination, the set-partitioning step of ILS-SP (Subramanian, Uchoa & Ochi 2013,
 * "A hybrid algorithm for a class of vehicle routing problems") over an adaptive memory of
 * routes (Rochat & Taillard 1995). The search keeps the distinct routes of the solutions it
 * walks through; from time to time a MIP picks the best compatible subset of them, which can
 * join good routes that were never together in one solution.
 *
 * A pool route belongs to a class of interchangeable routes (Problem.routeClass: same depot, day,
 * shift, limits and allowed stops), so a route found on one bus-day can be placed on any bus-day
 * of its class. The model (CPLEX LP text, solved by HiGHS):
 *   max  Σ_g Σ_k groupValue[g]·visitValues[k]·y[g,k]  −  travelWeight · Σ_e travel[e]·x[e]
 *   Σ_{e in class c} x[e] ≤ routes in c        (= 1 for a route with pinned visits)
 *   Σ_k y[g,k] ≤ Σ_e (visits of stops covering g in e)·x[e]     (coverage is a union)
 *   per stop: at most once per day, at most maxVisits in all, and at most once in any
 *   minDaysBetween consecutive day numbers (the conflicts of that rule are intervals, so these
 *   window rows are exactly the pairwise rule)
 *   x binary, 0 ≤ y[g,k] ≤ 1 (the tail y, for visits past the end of visitValues, is unbounded)
 * With non-increasing visit values the y fill the most valuable visits first, so the model's
 * optimum is the plan's true value; other visit values are not recombined. Whatever the MIP
 * returns is rebuilt as a Solution through the same checks as a warm start before it is used.
 */
import type { Problem } from "../solution/problem.js";
import type { Solution } from "../solution/solution.js";
import { lpNumber, type MipSolver } from "../exact/highs.js";

/** One stored route: its class (Problem.routeClass), its stops in order and its travel minutes. */
export interface PoolRoute {
  readonly routeClass: number;
  readonly stops: readonly number[];
  readonly travel: number;
}

/**
 * The distinct routes seen, at most `capacity`, keyed by class and stop sequence. Seeing a route
 * again makes it the most recent; the least recently seen route is dropped first, so routes the
 * search keeps returning to stay while one-off detours leave.
 */
export class RoutePool {
  readonly capacity: number;
  private readonly entries = new Map<string, PoolRoute>();
  /** routes added that were not in the pool (a counter for triggering recombination) */
  added = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.entries.size;
  }

  /** stores route `r` of `sol` as it stands (empty routes are not stored); true if it was new */
  addRoute(sol: Solution, r: number): boolean {
    const stops = sol.seq[r]!;
    if (stops.length === 0) return false;
    return this.add({ routeClass: sol.p.routeClass[r]!, stops: stops.slice(), travel: sol.routeTravel(r) });
  }

  /** stores a route; true if it was new */
  add(route: PoolRoute): boolean {
    const key = `${route.routeClass}:${route.stops.join(",")}`;
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return false;
    }
    this.entries.set(key, route);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.added++;
    return true;
  }

  /** the stored routes, least recently seen first */
  routes(): PoolRoute[] {
    return [...this.entries.values()];
  }
}

/** The set-packing model of a pool: LP text and the pool routes its columns x0.. stand for. */
export interface PackingModel {
  lpText: string;
  routes: readonly PoolRoute[];
}

/** whether the objective has the form the model is exact for (non-increasing, non-negative visit values) */
export function canRecombine(p: Problem): boolean {
  const vv = p.inst.visitValues;
  if (vv.length === 0 || vv[vv.length - 1]! < 0) return false;
  for (let k = 1; k < vv.length; k++) if (vv[k]! > vv[k - 1]!) return false;
  return true;
}

/** Builds the set-packing MIP over `routes` (see the file comment). */
export function buildPackingModel(p: Problem, routes: readonly PoolRoute[]): PackingModel {
  const inst = p.inst;
  const classSize = new Map<number, number>();
  const classDay = new Map<number, number>();
  for (let r = 0; r < p.nRoutes; r++) {
    const c = p.routeClass[r]!;
    classSize.set(c, (classSize.get(c) ?? 0) + 1);
    classDay.set(c, inst.routes[r]!.day);
  }
  const pinnedClasses = new Set<number>();
  for (const key of p.pinnedStart.keys()) pinnedClasses.add(p.routeClass[key % p.nRoutes]!);

  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const byClass = new Map<number, number[]>();
  const byStop = new Map<number, number[]>();
  const coverage = new Map<number, Map<number, number>>();
  routes.forEach((route, e) => {
    append(byClass, route.routeClass, e);
    for (const s of route.stops) {
      append(byStop, s, e);
      for (let k = inst.stopGroupOffset[s]!; k < inst.stopGroupOffset[s + 1]!; k++) {
        const g = inst.stopGroups[k]!;
        const perRoute = coverage.get(g) ?? new Map<number, number>();
        perRoute.set(e, (perRoute.get(e) ?? 0) + 1);
        coverage.set(g, perRoute);
      }
    }
    if (route.travel > 0) objective.push(`- ${lpNumber(p.travelWeight * route.travel)} x${e}`);
  });

  for (const [c, list] of [...byClass].sort((a, b) => a[0] - b[0])) {
    if (pinnedClasses.has(c)) rows.push(`${sum(list)} = 1`);
    else if (list.length > classSize.get(c)!) rows.push(`${sum(list)} <= ${classSize.get(c)!}`);
  }

  for (const [s, list] of [...byStop].sort((a, b) => a[0] - b[0])) {
    const perDay = new Map<number, number[]>();
    for (const e of list) append(perDay, classDay.get(routes[e]!.routeClass)!, e);
    for (const same of perDay.values()) if (same.length > 1) rows.push(`${sum(same)} <= 1`);
    const gap = inst.minDaysBetween[s]!;
    if (gap >= 2 && perDay.size > 1) {
      const dayNumber = (e: number) => inst.dayNumbers[classDay.get(routes[e]!.routeClass)!]!;
      const starts = [...new Set(list.map(dayNumber))].sort((a, b) => a - b);
      for (const from of starts) {
        const inWindow = list.filter((e) => dayNumber(e) >= from && dayNumber(e) < from + gap);
        if (new Set(inWindow.map(dayNumber)).size > 1) rows.push(`${sum(inWindow)} <= 1`);
      }
    }
    if (perDay.size > inst.maxVisits[s]!) rows.push(`${sum(list)} <= ${inst.maxVisits[s]!}`);
  }

  const vv = inst.visitValues;
  const last = vv.length - 1;
  let y = 0;
  for (const [g, perRoute] of [...coverage].sort((a, b) => a[0] - b[0])) {
    const value = inst.groupValue[g]!;
    if (value <= 0) continue;
    let cap = 0;
    for (const n of perRoute.values()) cap += n;
    const slots: string[] = [];
    for (let k = 0; k < Math.min(cap, last); k++) {
      if (vv[k]! <= 0) break;
      objective.push(`+ ${lpNumber(value * vv[k]!)} y${y}`);
      bounds.push(` 0 <= y${y} <= 1`);
      slots.push(`+ y${y++}`);
    }
    if (cap > last && vv[last]! > 0) {
      objective.push(`+ ${lpNumber(value * vv[last]!)} y${y}`);
      bounds.push(` 0 <= y${y} <= ${cap - last}`);
      slots.push(`+ y${y++}`);
    }
    if (slots.length === 0) continue;
    const covering = [...perRoute].map(([e, n]) => `- ${n} x${e}`);
    rows.push(`${slots.join(" ")} ${covering.join(" ")} <= 0`);
  }

  const lines = ["Maximize", ` obj: ${objective.length > 0 ? objective.join(" ") : "0 x0"}`, "Subject To"];
  rows.forEach((row, i) => {
    lines.push(` c${i}: ${row}`);
  });
  lines.push("Bounds", ...bounds, "Binary", ...routes.map((_, e) => ` x${e}`), "End");
  return { lpText: lines.join("\n"), routes };
}

/** Outcome of {@link recombine}: a word, or the error HiGHS threw (the caller counts it). */
export type RecombineOutcome = "rebuilt" | "not-better" | "no-answer" | "out-of-time" | { error: unknown };

/**
 * Solves the packing model of `pool` and, when HiGHS proves an optimum, writes the chosen routes
 * into `target` (each class's routes filled in index order) after checking every stop against the
 * horizon rules and every route with `fits`. "out-of-time" when HiGHS stopped at
 * `timeLimitSeconds`; "no-answer" when it gave no optimum otherwise or the answer failed a check
 * (then `target` holds a partial state and must be overwritten); "not-better" when the answer is
 * not worth more than `reference`; `{ error }` when HiGHS threw.
 */
export function recombine(
  pool: RoutePool,
  target: Solution,
  reference: number,
  mip: MipSolver,
  timeLimitSeconds: number,
): RecombineOutcome {
  const p = target.p;
  const model = buildPackingModel(p, pool.routes());
  let answer: ReturnType<MipSolver["solve"]>;
  try {
    // symmetry detection and primal heuristics took a third of the time on pools of ~100 routes
    // and found nothing branch and bound did not
    answer = mip.solve(model.lpText, {
      output_flag: false,
      time_limit: timeLimitSeconds,
      mip_rel_gap: 0,
      mip_detect_symmetry: false,
      mip_heuristic_effort: 0,
    });
  } catch (error) {
    return { error };
  }
  if (answer.Status === "Time limit reached") return "out-of-time";
  if (answer.Status !== "Optimal") return "no-answer";
  if (answer.ObjectiveValue <= reference + 1e-9 * Math.max(1, Math.abs(reference))) return "not-better";
  const chosen = new Map<number, PoolRoute[]>();
  model.routes.forEach((route, e) => {
    if ((answer.Columns[`x${e}`]?.Primal ?? 0) > 0.5) append(chosen, route.routeClass, route);
  });
  for (let r = 0; r < p.nRoutes; r++) if (target.seq[r]!.length > 0) target.setRoute(r, []);
  for (let r = 0; r < p.nRoutes; r++) {
    const route = chosen.get(p.routeClass[r]!)?.shift();
    if (!route) continue;
    for (const s of route.stops) if (!target.canVisit(s, r) || target.visitRoutes[s]!.includes(r)) return "no-answer";
    target.setRoute(r, route.stops);
    if (target.fits(r, 0, 1, [], 0) < 0) return "no-answer";
  }
  for (const left of chosen.values()) if (left.length > 0) return "no-answer";
  return "rebuilt";
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const sum = (columns: readonly number[]) => columns.map((e) => `+ x${e}`).join(" ");
