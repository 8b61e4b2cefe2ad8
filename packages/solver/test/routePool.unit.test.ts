/**
 * Route-pool recombination (metaheuristic/routePool.ts): the pool's deduplication and bound, the
 * set-packing model on hand-built pools whose best combination is known (score per stop, a
 * coverage union with repeat values, min days between visits), and solve() with HiGHS passed in:
 * plans pass the independent checker and repeat for the same seed and iteration limit.
 */
import { beforeAll, describe, expect, it, test } from "vitest";
import fc from "fast-check";
import { arbTinyInstance, makeInstance } from "@carebus/solver/testing";
import {
  checkSolution,
  createRng,
  loadMipSolver,
  readToptw,
  solve,
  type Instance,
  type MipSolver,
  type RouteSpec,
} from "@carebus/solver";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { scheduleRoute } from "../src/solution/schedule.js";
import {
  buildPackingModel,
  canRecombine,
  recombine,
  RoutePool,
  type PoolRoute,
} from "../src/metaheuristic/routePool.js";

let mip: MipSolver;
beforeAll(async () => {
  mip = await loadMipSolver();
});

/** stops on a line at 1, 2, 3, ... (travel = distance), depot at 0, wide windows; `groups[s]` are the groups stop s covers */
function lineInstance(opts: {
  scores?: number[];
  groups?: number[][];
  groupValue?: number[];
  visitValues?: number[];
  routes: Partial<RouteSpec>[];
  dayNumbers?: number[];
  maxVisits?: number[];
  minDaysBetween?: number[];
}): Instance {
  const coveredBy = opts.groups ?? opts.scores!.map((_, s) => [s]);
  const n = coveredBy.length;
  const at = [...Array.from({ length: n }, (_, s) => s + 1), 0];
  const values = opts.groupValue ?? opts.scores!;
  return makeInstance({
    name: "line",
    travel: at.map((a) => at.map((b) => Math.abs(a - b))),
    dwell: new Array<number>(n).fill(0),
    windows: Array.from({ length: n }, () => [[0, 200]]),
    routes: opts.routes.map((r, k) => ({ bus: k, shiftEnd: 200, ...r })),
    groups: values.map((value, g) => ({ value, stops: coveredBy.flatMap((gs, s) => (gs.includes(g) ? [s] : [])) })),
    ...(opts.dayNumbers ? { dayNumbers: opts.dayNumbers } : {}),
    ...(opts.maxVisits ? { maxVisits: opts.maxVisits } : {}),
    ...(opts.minDaysBetween ? { minDaysBetween: opts.minDaysBetween } : {}),
    ...(opts.visitValues ? { visitValues: opts.visitValues } : {}),
  });
}

function poolRoute(p: Problem, routeClass: number, stops: number[]): PoolRoute {
  let travel = 0;
  const depot = p.nStops;
  let prev = depot;
  for (const s of [...stops, depot]) {
    travel += p.t(prev, s);
    prev = s;
  }
  return { routeClass, stops, travel };
}

/** recombines `pools` (stop lists of class `classOf(route)`) into an empty plan; the chosen stop sets, sorted */
function bestCombination(inst: Instance, pools: { routeClass: number; stops: number[] }[]) {
  const p = new Problem(inst);
  const pool = new RoutePool(100);
  for (const r of pools) pool.add(poolRoute(p, r.routeClass, r.stops));
  const target = new Solution(p);
  const outcome = recombine(pool, target, 0, mip, 30);
  const routes = target.seq
    .map((s) => s.join(","))
    .filter((s) => s.length > 0)
    .sort();
  return { outcome, routes, value: target.value, p };
}

describe("RoutePool", () => {
  it("keeps one copy of each (class, stop sequence) and counts only new routes", () => {
    const pool = new RoutePool(10);
    expect(pool.add({ routeClass: 0, stops: [1, 2], travel: 5 })).toBe(true);
    expect(pool.add({ routeClass: 0, stops: [1, 2], travel: 5 })).toBe(false);
    expect(pool.add({ routeClass: 1, stops: [1, 2], travel: 5 })).toBe(true);
    expect(pool.add({ routeClass: 0, stops: [2, 1], travel: 5 })).toBe(true);
    expect(pool.size).toBe(3);
    expect(pool.added).toBe(3);
  });

  it("holds at most its capacity, dropping the route seen least recently", () => {
    const pool = new RoutePool(3);
    for (const s of [1, 2, 3]) pool.add({ routeClass: 0, stops: [s], travel: 1 });
    pool.add({ routeClass: 0, stops: [1], travel: 1 });
    pool.add({ routeClass: 0, stops: [4], travel: 1 });
    pool.add({ routeClass: 0, stops: [5], travel: 1 });
    expect(pool.size).toBe(3);
    expect(pool.routes().map((r) => r.stops[0])).toEqual([1, 4, 5]);
  });

  it("stores a solution's non-empty routes with their class and travel", () => {
    const inst = lineInstance({ scores: [1, 1, 1], routes: [{}, {}] });
    const p = new Problem(inst);
    const sol = new Solution(p);
    sol.setRoute(0, [0, 2]);
    const pool = new RoutePool(5);
    expect(pool.addRoute(sol, 0)).toBe(true);
    expect(pool.addRoute(sol, 1)).toBe(false);
    expect(pool.routes()).toEqual([{ routeClass: p.routeClass[0], stops: [0, 2], travel: 6 }]);
  });
});

describe("set-packing recombination", () => {
  it("picks the best disjoint pair of routes for two interchangeable buses", () => {
    // scores 6 5 4 3 2 1: A+E covers everything (21); C+D 20, B+F 20, A+D+G would need 3 buses
    const inst = lineInstance({ scores: [6, 5, 4, 3, 2, 1], routes: [{}, {}] });
    const pools = [
      [0, 1], // A 11
      [1, 2, 3], // B 12
      [0, 1, 2], // C 15
      [3, 4], // D 5
      [2, 3, 4, 5], // E 10
      [0, 4], // F 8
      [2], // G 4
    ].map((stops) => ({ routeClass: 0, stops }));
    const { outcome, routes, value } = bestCombination(inst, pools);
    expect(outcome).toBe("rebuilt");
    expect(routes).toEqual(["0,1", "2,3,4,5"]);
    expect(value).toBe(21);
  });

  it("between equal values, takes the shorter routes", () => {
    const inst = lineInstance({ scores: [1, 1, 1, 1], routes: [{}] });
    const { routes } = bestCombination(inst, [
      { routeClass: 0, stops: [3, 0] }, // value 2, travel 4 + 3 + 1 = 8
      { routeClass: 0, stops: [0, 1] }, // value 2, travel 4
    ]);
    expect(routes).toEqual(["0,1"]);
  });

  it("values coverage as a union: two stops of one group with visit values [1, 0] count once", () => {
    // stops 0 and 1 cover group 0 (10), stop 2 covers group 1 (3)
    const inst = lineInstance({ groups: [[0], [0], [1]], groupValue: [10, 3], visitValues: [1, 0], routes: [{}, {}] });
    const { routes, value } = bestCombination(inst, [
      { routeClass: 0, stops: [0] },
      { routeClass: 0, stops: [1] },
      { routeClass: 0, stops: [2] },
    ]);
    expect(value).toBe(13);
    expect(routes).toContain("2");
  });

  it("respects min days between visits across days", () => {
    // stop 0 (score 5) may be visited twice but not on day numbers 0 and 1; days 0 and 2 are fine
    const inst = lineInstance({
      scores: [5, 1],
      maxVisits: [3, 1],
      minDaysBetween: [2, 0],
      dayNumbers: [0, 1, 2],
      routes: [{ day: 0 }, { day: 1 }, { day: 2 }],
    });
    const p = new Problem(inst);
    const cls = (day: number) => p.routeClass[day]!;
    const { routes, value } = bestCombination(inst, [
      { routeClass: cls(0), stops: [0] },
      { routeClass: cls(1), stops: [0] },
      { routeClass: cls(2), stops: [0] },
      { routeClass: cls(1), stops: [1] },
    ]);
    expect(value).toBe(5 + 5 + 1);
    expect(routes).toEqual(["0", "0", "1"]);
  });

  it("keeps a route with pinned visits on its own bus and fills it from its own routes", () => {
    // stop 0 is pinned on route 0 at minute 1 (its travel from the depot)
    const inst = {
      ...lineInstance({ scores: [1, 1, 1, 1], routes: [{}, {}] }),
      pinned: [{ stop: 0, route: 0, start: 1 }],
    };
    const p = new Problem(inst);
    const [pinnedClass, freeClass] = [p.routeClass[0]!, p.routeClass[1]!];
    expect(pinnedClass).not.toBe(freeClass);
    const pool = new RoutePool(10);
    for (const stops of [[0], [0, 1]]) pool.add(poolRoute(p, pinnedClass, stops));
    for (const stops of [
      [1, 2],
      [2, 3],
      [0, 1, 2, 3],
    ])
      pool.add(poolRoute(p, freeClass, stops));
    const target = new Solution(p);
    expect(recombine(pool, target, -Infinity, mip, 30)).toBe("rebuilt");
    expect(target.seq).toEqual([
      [0, 1],
      [2, 3],
    ]);
    const routes = target.seq.map((seq, r) => scheduleRoute(p, r, seq));
    expect(checkSolution(inst, routes).violations).toEqual([]);
  });

  it("reports not-better when the pool cannot beat the reference", () => {
    const inst = lineInstance({ scores: [1, 1], routes: [{}] });
    const p = new Problem(inst);
    const pool = new RoutePool(5);
    pool.add(poolRoute(p, 0, [0, 1]));
    expect(recombine(pool, new Solution(p), 2, mip, 30)).toBe("not-better");
  });

  it("writes a valid CPLEX LP model with one binary per pool route", () => {
    const inst = lineInstance({ scores: [1, 2], routes: [{}] });
    const p = new Problem(inst);
    const model = buildPackingModel(p, [poolRoute(p, 0, [0]), poolRoute(p, 0, [1]), poolRoute(p, 0, [0, 1])]);
    const answer = mip.solve(model.lpText, { output_flag: false });
    expect(answer.Status).toBe("Optimal");
    expect(answer.Columns.x2?.Primal).toBeCloseTo(1, 6);
    expect(model.lpText).toMatch(/Binary\n x0\n x1\n x2\nEnd$/);
  });
});

describe("recombining the routes of several plans", () => {
  test("the model's answer rebuilds, passes the checker and is worth at least each plan it came from", () =>
    fc.assert(
      fc.property(
        arbTinyInstance({ maxStops: 12, maxRoutes: 4 }),
        fc.integer({ min: 1, max: 1000 }),
        (instance, seed) => {
          const p = new Problem(instance);
          fc.pre(canRecombine(p));
          const pool = new RoutePool(500);
          let bestInput = -Infinity;
          for (let k = 0; k < 4; k++) {
            const plan = solve(instance, { iterationLimit: 5 * k, timeLimitMs: 1e9, seed: seed + k });
            const sol = new Solution(p);
            plan.routes.forEach((route, r) => {
              sol.setRoute(
                r,
                route.visits.map((v) => v.stop),
              );
            });
            plan.routes.forEach((_, r) => {
              pool.addRoute(sol, r);
            });
            bestInput = Math.max(bestInput, plan.value);
          }
          if (pool.size === 0) return;
          const target = new Solution(p);
          expect(recombine(pool, target, -Infinity, mip, 30)).toBe("rebuilt");
          const routes = target.seq.map((seq, r) => scheduleRoute(p, r, seq));
          const check = checkSolution(instance, routes);
          expect(check.violations).toEqual([]);
          expect(check.value).toBeCloseTo(target.value, 6);
          expect(target.value).toBeGreaterThanOrEqual(bestInput - 1e-6);
        },
      ),
      {
        seed: 5,
        numRuns: 60,
      },
    ));
});

/** a seeded random TOPTW text: `n` customers with windows around a depot */
function toptwText(n: number, seed: number): string {
  const rng = createRng(seed);
  const lines = [`4 3 ${n} 1`, "0 100", " 0 35 35 0 0 0 0 0 300"];
  for (let i = 1; i <= n; i++) {
    const open = rng.int(200);
    lines.push(
      `${i} ${rng.int(70)} ${rng.int(70)} ${5 + rng.int(10)} ${1 + rng.int(30)} 1 1 1 ${open} ${open + 20 + rng.int(80)}`,
    );
  }
  return lines.join("\n");
}

describe("solve with recombination", () => {
  const limits = { iterationLimit: 400, timeLimitMs: 1e9 };

  it("returns plans the checker accepts, the same for the same seed and iteration limit", () => {
    for (const seed of [1, 2, 3]) {
      const inst = readToptw(toptwText(40, seed), { name: `random${seed}`, vehicles: 3 });
      const a = solve(inst, { ...limits, seed, mipSolver: mip });
      const check = checkSolution(inst, a.routes);
      expect(check.violations).toEqual([]);
      expect(a.value).toBeCloseTo(check.value, 9);
      expect(a.travelMinutes).toBeCloseTo(check.travelMinutes, 9);
      expect(a.iterations).toBe(400);
      expect(solve(inst, { ...limits, seed, mipSolver: mip }).routes).toEqual(a.routes);
    }
  });

  test("on random tiny instances (days, coverage, horizon rules) every plan passes the checker and repeats", () =>
    fc.assert(
      fc.property(
        arbTinyInstance({ maxStops: 12, maxRoutes: 4 }),
        fc.integer({ min: 1, max: 1000 }),
        (instance, seed) => {
          const a = solve(instance, { iterationLimit: 300, timeLimitMs: 1e9, seed, mipSolver: mip });
          const check = checkSolution(instance, a.routes);
          expect(check.violations).toEqual([]);
          expect(a.value).toBeCloseTo(check.value, 6);
          expect(solve(instance, { iterationLimit: 300, timeLimitMs: 1e9, seed, mipSolver: mip }).routes).toEqual(
            a.routes,
          );
        },
      ),
      {
        seed: 11,
        numRuns: 40,
      },
    ));
});
