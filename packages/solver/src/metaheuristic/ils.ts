/**
 * The improvement loop: iterated local search with ruin-and-recreate perturbation (Schrimpf et
 * al. 2000) and simulated-annealing acceptance. Each iteration copies the current solution,
 * ruins a few visits (ruin.ts), recreates with noisy greedy insertion (greedyInsertion.ts; noise
 * as in Ropke & Pisinger 2006, and a randomly chosen weight of value against time), runs the
 * local search on the touched routes (localSearch.ts), and accepts by cyclic annealing
 * (acceptance.ts) on value minus a tiny travel weight (value always dominates travel, as the
 * objective is lexicographic). After 1,000 iterations without a new best it restarts, alternating
 * a fresh noisy construction (to leave deep basins) and a return to the best (as Vansteenwegen
 * et al. 2009 reset their perturbation). The ruin size grows while the search stalls.
 *
 * Decisions depend only on the seeded Rng and the iteration count; the clock is consulted only
 * through `shouldStop`, so a seed and an iteration limit always give the same result.
 */
import type { Rng } from "../random.js";
import type { Solution } from "../solution/solution.js";
import { greedyInsert } from "../construction/greedyInsertion.js";
import { localSearch, type SearchContext } from "../search/localSearch.js";
import { CyclicAnnealing } from "./acceptance.js";
import { ruin } from "./ruin.js";
import { canRecombine, recombine, RoutePool } from "./routePool.js";
import type { MipSolver } from "../exact/highs.js";
import type { FailureLog } from "../failureLog.js";

/**
 * The largest ruin starts at this share of the visits (and grows while the search stalls): 0.1
 * where routes are short, 0.3 where they hold {@link LONG_ROUTE_VISITS} or more visits on average.
 * A long route only changes shape when a large part of it is rebuilt at once: on the Solomon 200
 * set at m = 2 (about 50 visits a route) 0.3 gave 39,721 / 39,693 / 39,687 against 39,647 /
 * 39,614 / 39,680 in cold 1 s runs, seeds 1–3; on the Bogotá week (1.5 visits a route) it lost
 * 900–1,400 at 800 iterations (benchmarks/README.md, "Issue 11: larger ruins on long routes").
 */
const RUIN_SHARE = { short: 0.1, long: 0.3 } as const;
const LONG_ROUTE_VISITS = 10;

/**
 * The annealing's hottest temperature, from the average value of a visit and the number of
 * routes. With a few routes (the literature's 1–4 vehicles) a worsening by about one average
 * visit is accepted with probability ~e^-1/3 at the hottest point: a long route only changes
 * shape through such steps. With many routes each iteration rebuilds a small part of the plan,
 * and worsenings accepted in many places at once add up, so the current plan drifts far below
 * the best and the search stops finding better ones: on the Bogotá week (36 routes, 20 s in
 * process, seed 1) 3× the average visit gave 501,923 and 0.03× gave 504,080; on generated weeks
 * of 1,000 and 5,000 stops (120 and 600 routes, 25 s) 257,685 against 264,573 and 3,037,805
 * against 3,102,453 (benchmarks/README.md, "Issue 11: merged coverage, a sharper replace, and a cooler search on
 * many routes"). The
 * factor falls with the square of the routes past {@link HOT_ROUTES} down to that 0.01 × 3.
 */
export function hottestTemperature(averageVisitValue: number, routes: number): number {
  const cooling = Math.max(MIN_COOLING, Math.min(1, (HOT_ROUTES / Math.max(1, routes)) ** 2));
  return 3 * averageVisitValue * cooling;
}
const HOT_ROUTES = 4;
const MIN_COOLING = 0.01;

/** Seconds the recombination MIP leaves unused at the end of the budget. */
const MIP_MARGIN_SECONDS = 0.1;

/**
 * Longest single recombination MIP, in seconds: on the Bogotá week they take 0.1–0.4 s, but on
 * a generated 50-stop week with 1,000 demand points 0.4–2.3 s, which starved the search. A MIP
 * stopped here counts as one that found nothing. This makes a run depend on the clock, which
 * is why solveScenario recombines only in runs without an iteration limit.
 */
const MIP_CAP_SECONDS = 0.5;

/** Routes kept for recombination: with 200 the MIP took long enough to cost more than it found at 5 s. */
const POOL_CAPACITY = 60;
/**
 * Recombine after every this many iterations without a new best (counted, not timed, so runs stay
 * repeatable): a search that still improves on its own is left alone, as each MIP costs tens of
 * milliseconds of HiGHS.
 */
const RECOMBINE_EVERY = 100;

/** Callbacks and limits of {@link iteratedLocalSearch}. */
export interface IlsOptions {
  ctx: SearchContext;
  rng: Rng;
  /** max iterations (Infinity = until shouldStop) */
  maxIterations: number;
  /** called when a new best solution is found */
  onBest: (best: Solution, iteration: number) => void;
  /** called once per iteration (cheap; used for periodic progress) */
  onIteration: (iteration: number) => void;
  /** true when the target value is reached */
  reachedBound: (value: number) => boolean;
  /** a loaded MIP solver: enables route-pool recombination */
  mipSolver?: MipSolver;
  /** seconds left in the budget (the recombination MIP's time limit) */
  secondsLeft: () => number;
  /** where errors HiGHS throws during recombination are counted (the search goes on without that MIP) */
  failures: FailureLog;
}

/** Result: the best solution (the `start` object is left as the current one) and iterations done. */
export interface IlsResult {
  best: Solution;
  iterations: number;
  /** the recombination MIP used up the time left */
  outOfTime: boolean;
}

/** Runs the loop from `start` (which must be feasible and locally optimal). */
export function iteratedLocalSearch(start: Solution, options: IlsOptions): IlsResult {
  const { ctx, rng } = options;
  const p = start.p;
  const fitness = (s: Solution): number => s.value - p.travelWeight * s.travel;
  let current = start;
  let candidate = start.clone();
  const best = start.clone();
  let bestFitness = fitness(best);
  const visitsNow = Math.max(
    1,
    current.seq.reduce((a, s) => a + s.length, 0),
  );
  const acceptance = new CyclicAnnealing(hottestTemperature(current.value / visitsNow, p.nRoutes), 1_000);
  let sinceBest = 0;
  let restarts = 0;
  let iteration = 0;
  /** visits of the current solution, and the ruin's starting share for its routes' length */
  const ruinBase = (): { visits: number; share: number } => {
    let visits = 0;
    let used = 0;
    for (const s of current.seq) {
      visits += s.length;
      if (s.length > 0) used++;
    }
    const long = used > 0 && visits >= LONG_ROUTE_VISITS * used;
    return { visits, share: long ? RUIN_SHARE.long : RUIN_SHARE.short };
  };
  const restartAfter = 1_000;
  const pool = options.mipSolver && p.nRoutes > 1 && canRecombine(p) ? new RoutePool(POOL_CAPACITY) : null;
  const remember = (s: Solution, routes: Iterable<number>): void => {
    if (pool) for (const r of routes) pool.addRoute(s, r);
  };
  const all = Array.from({ length: p.nRoutes }, (_, r) => r);
  remember(best, all);
  let addedAtLastRecombine = 0;
  // a MIP that finds nothing doubles the wait for the next one, so recombination costs little
  // where it does not pay (iterations, not the clock, so a seed and iteration limit still repeat)
  let recombineEvery = RECOMBINE_EVERY;
  let outOfTime = false;
  while (iteration < options.maxIterations) {
    if (ctx.shouldStop() || options.reachedBound(best.value)) break;
    iteration++;
    candidate.copyFrom(current);
    let touchedNow: Iterable<number> = [];
    const { visits, share } = ruinBase();
    const maxSize = Math.max(2, Math.min(30, Math.ceil(visits * (share + Math.min(0.3, sinceBest / 5_000)))));
    const size = 1 + rng.int(maxSize);
    const { removed, touched } = ruin(candidate, rng, size, ctx.isPinned);
    if (removed.length > 0) {
      const small = p.nRoutes <= 8 || p.nStops <= 400;
      // varying noise and the weight of value against time diversifies the recreate
      greedyInsert(candidate, small ? allOpen(candidate) : removed, {
        rng,
        noise: 0.1 + 0.5 * rng.next(),
        alpha: 1 + 0.5 * rng.int(3),
        shouldStop: ctx.shouldStop,
      });
      const routes = new Set(touched);
      for (const s of removed) for (const r of candidate.visitRoutes[s]!) routes.add(r);
      localSearch(candidate, [...routes], removed, ctx);
      touchedNow = routes;
    }
    if (acceptance.accept(fitness(candidate), fitness(current), rng.next())) {
      [current, candidate] = [candidate, current];
      remember(current, touchedNow);
    }
    if (pool && sinceBest > 0 && sinceBest % recombineEvery === 0 && pool.added > addedAtLastRecombine) {
      addedAtLastRecombine = pool.added;
      remember(best, all);
      // the MIP must beat the best plan, so an answer is never a step back
      // HiGHS notices its time limit late (tens of ms in WebAssembly), so it stops a margin early
      const left = Math.max(0.001, options.secondsLeft() - MIP_MARGIN_SECONDS);
      const outcome = recombine(pool, candidate, bestFitness, options.mipSolver!, Math.min(left, MIP_CAP_SECONDS));
      // a MIP stopped by the rest of the budget ends the search like the clock does
      if (outcome === "out-of-time" && left <= MIP_CAP_SECONDS) {
        outOfTime = true;
        break;
      }
      if (outcome === "rebuilt") {
        recombineEvery = RECOMBINE_EVERY;
        localSearch(candidate, all, allOpen(candidate), ctx);
        remember(candidate, all);
        if (fitness(candidate) > fitness(current)) [current, candidate] = [candidate, current];
      } else {
        if (typeof outcome === "object") options.failures.record("recombination: HiGHS", outcome.error);
        recombineEvery *= 2;
      }
    }
    const now = fitness(current);
    if (now > bestFitness + 1e-12) {
      best.copyFrom(current);
      bestFitness = now;
      sinceBest = 0;
      options.onBest(best, iteration);
    } else if (++sinceBest % restartAfter === 0) {
      restarts++;
      // alternate a fresh noisy rebuild (escapes deep basins) with a return to the best
      if (restarts % 2 === 1) {
        rebuild(current, rng, ctx);
      } else {
        current.copyFrom(best);
      }
    }
    options.onIteration(iteration);
  }
  if (current !== start) start.copyFrom(current);
  return { best, iterations: iteration, outOfTime };
}

function allOpen(sol: Solution): number[] {
  const p = sol.p;
  const out: number[] = [];
  for (let s = 0; s < p.nStops; s++)
    if (p.servable[s] && sol.visitRoutes[s]!.length < p.inst.maxVisits[s]!) out.push(s);
  return out;
}

/** a fresh start: keep pinned visits only, rebuild with a very noisy greedy, then local search */
function rebuild(sol: Solution, rng: Rng, ctx: SearchContext): void {
  const p = sol.p;
  const touched: number[] = [];
  for (let r = 0; r < p.nRoutes; r++) {
    const keep = sol.seq[r]!.filter((v) => ctx.isPinned(v, r));
    if (keep.length !== sol.seq[r]!.length) {
      sol.setRoute(r, keep);
      touched.push(r);
    }
  }
  greedyInsert(sol, allOpen(sol), { rng, noise: 0.9, alpha: 1 + rng.int(2), shouldStop: ctx.shouldStop });
  localSearch(sol, touched, [], ctx);
}
