/**
 * The one interface of the local-search neighbourhoods (VROOM's one operator per file; PyVRP's
 * split of `evaluate` from `apply`). `evaluate` answers "is there an improving move anchored at
 * this visit?" from the route caches alone — the `fits` segment test, O(1) for swaps and
 * insertions, O(|segment|) for relocations inside a route — and never changes the solution;
 * `apply` performs only the move the search takes. The driver (localSearch.ts) walks a route's
 * positions once and, after a move, goes on from the same position instead of starting over.
 */
import type { Rng } from "../../random.js";
import type { Solution } from "../../solution/solution.js";

/** Minimum improvement a move must bring (value or travel minutes): float dust is not a gain. */
export const MOVE_EPS = 1e-9;

/** Context shared by the local search calls of one solve. */
export interface SearchContext {
  rng: Rng;
  symmetric: boolean;
  isPinned: (stop: number, route: number) => boolean;
  shouldStop: () => boolean;
  /** gain exponent used by insertion */
  alpha: number;
}

/** A neighbourhood: moves anchored at one position of one route. */
export interface Operator<Move> {
  readonly name: string;
  /**
   * An improving move anchored at index `k` of route r's sequence, evaluated on the unchanged
   * caches, or null when there is none. Never changes `sol`.
   */
  evaluate(sol: Solution, r: number, k: number, ctx: SearchContext): Move | null;
  /** Performs `move` (found by `evaluate` on this very state); returns the routes it changed. */
  apply(sol: Solution, move: Move): readonly number[];
}

/** A move that replaces positions i+1..j-1 of route r by `mid` (or-opt, 2-opt). */
export interface SegmentMove {
  route: number;
  i: number;
  j: number;
  mid: number[];
}

/** Apply a {@link SegmentMove}. */
export function applySegment(sol: Solution, move: SegmentMove): readonly number[] {
  const seq = sol.seq[move.route]!;
  sol.setRoute(move.route, seq.slice(0, move.i).concat(move.mid, seq.slice(move.j - 1)));
  return [move.route];
}
