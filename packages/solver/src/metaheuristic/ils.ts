/**
 * The improvement loop: iterated local search with ruin-and-recreate perturbation and late
 * acceptance. Each iteration copies the current solution, ruins a few visits (ruin.ts),
 * recreates with noisy greedy insertion (greedyInsertion.ts; noise as in Ropke & Pisinger 2006),
 * runs the local search on the touched routes (localSearch.ts), and accepts by late acceptance
 * (acceptance.ts) on value minus a tiny travel weight (so value always dominates travel, as the
 * objective is lexicographic). After a long run without a new best it restarts from the best,
 * as Vansteenwegen et al. (2009) reset their perturbation. The ruin size grows while the search
 * stalls and drops back after an improvement (their S/R parameters, in spirit).
 *
 * Decisions depend only on the seeded Rng and the iteration count; the clock is consulted only
 * through `shouldStop`, so a seed and an iteration limit always give the same result.
 */
import type { Rng } from "../random.js";
import type { Solution } from "../solution/solution.js";
import { greedyInsert } from "../construction/greedyInsertion.js";
import { localSearch, type SearchContext } from "../search/localSearch.js";
import { CyclicAnnealing, LateAcceptance } from "./acceptance.js";
import { ruin } from "./ruin.js";

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
}

/** Result: the best solution (the `start` object is left as the current one) and iterations done. */
export interface IlsResult {
  best: Solution;
  iterations: number;
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
  const acceptance = new LateAcceptance(80, fitness(current));
  const visitsNow = Math.max(1, current.seq.reduce((a, s) => a + s.length, 0));
  const annealing = new CyclicAnnealing((Number(process.env.T0 ?? 0.3) * current.value) / visitsNow, Number(process.env.CYCLE ?? 1000));
  const useSA = process.env.ACC !== "la";
  let sinceBest = 0;
  let iteration = 0;
  const totalVisits = (): number => {
    let n = 0;
    for (const s of current.seq) n += s.length;
    return n;
  };
  const restartAfter = Number(process.env.RESTART ?? 2000);
  while (iteration < options.maxIterations) {
    if (ctx.shouldStop() || options.reachedBound(best.value)) break;
    iteration++;
    candidate.copyFrom(current);
    const maxSize = Math.max(2, Math.min(30, Math.ceil(totalVisits() * (0.1 + Math.min(0.3, sinceBest / 5_000)))));
    const size = 1 + rng.int(maxSize);
    const { removed, touched } = ruin(candidate, rng, size, ctx.isPinned);
    if (removed.length > 0) {
      const small = p.nRoutes <= 8 || p.nStops <= 400;
      const mode = Number(process.env.MODE ?? 0);
      greedyInsert(candidate, small ? allOpen(candidate) : removed, {
        rng,
        noise: mode >= 1 ? 0.1 + 0.5 * rng.next() : 0.3,
        alpha: mode >= 2 ? 1 + 0.5 * rng.int(3) : ctx.alpha,
        shouldStop: ctx.shouldStop,
      });
      const routes = new Set(touched);
      for (const s of removed) for (const r of candidate.visitRoutes[s]!) routes.add(r);
      localSearch(candidate, [...routes], removed, ctx);
    }
    const f = fitness(candidate);
    if (useSA ? annealing.accept(f, fitness(current), rng.next()) : acceptance.accept(f, fitness(current))) {
      const swap = current;
      current = candidate;
      candidate = swap;
    }
    if (f > bestFitness + 1e-12) {
      best.copyFrom(current);
      bestFitness = f;
      sinceBest = 0;
      options.onBest(best, iteration);
    } else if (++sinceBest % restartAfter === 0) {
      current.copyFrom(best);
      acceptance.reset(bestFitness);
    }
    options.onIteration(iteration);
  }
  if (current !== start) start.copyFrom(current);
  return { best, iterations: iteration };
}

function allOpen(sol: Solution): number[] {
  const p = sol.p;
  const out: number[] = [];
  for (let s = 0; s < p.nStops; s++) if (p.servable[s] && sol.visitRoutes[s]!.length < p.inst.maxVisits[s]!) out.push(s);
  return out;
}
