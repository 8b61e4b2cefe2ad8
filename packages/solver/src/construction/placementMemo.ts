/**
 * Insertion costs that persist across iterations: the best placement of a stop in a route is a
 * function of the stop and the route's sequence alone, so it is kept in flat typed arrays keyed
 * by (stop, route) and tagged with the route's version (Solution.version: every change of a
 * sequence draws a new, never reused number, and copies carry it along). An entry is valid
 * exactly while its tag equals the route's current version; nothing is ever cleared. Between
 * two iterations of the search only the routes the perturbation touched change, so every other
 * evaluation is a lookup. Memory: 24 bytes per (stop, route) pair, allocated on first use.
 */

/** Flat per-(stop, route) cache of bestPlacementInRoute answers, tagged by route version. */
export class PlacementMemo {
  private readonly nRoutes: number;
  private readonly size: number;
  /** route version the entry was computed for (0 = never) */
  private tag: Float64Array | null = null;
  /** index of the stop in the route, -1 when no position is feasible */
  private idx: Int32Array | null = null;
  private shift: Float64Array | null = null;
  private dTravel: Float64Array | null = null;
  /** lookups answered from the memo and evaluations done, for the benchmarks */
  hits = 0;
  misses = 0;

  constructor(nStops: number, nRoutes: number) {
    this.nRoutes = nRoutes;
    this.size = nStops * nRoutes;
  }

  /**
   * The cached answer for `stop` in `route` at `version` into `out`: true when found (then
   * `out.idx` < 0 means infeasible), false when it must be evaluated.
   */
  get(stop: number, route: number, version: number, out: { idx: number; shift: number; dTravel: number }): boolean {
    if (!this.tag) return false;
    const key = stop * this.nRoutes + route;
    if (this.tag[key] !== version) {
      this.misses++;
      return false;
    }
    this.hits++;
    out.idx = this.idx![key]!;
    out.shift = this.shift![key]!;
    out.dTravel = this.dTravel![key]!;
    return true;
  }

  /** store an answer (idx -1 for infeasible) */
  set(stop: number, route: number, version: number, idx: number, shift: number, dTravel: number): void {
    if (!this.tag) {
      this.tag = new Float64Array(this.size);
      this.idx = new Int32Array(this.size);
      this.shift = new Float64Array(this.size);
      this.dTravel = new Float64Array(this.size);
    }
    const key = stop * this.nRoutes + route;
    this.tag[key] = version;
    this.idx![key] = idx;
    this.shift![key] = shift;
    this.dTravel![key] = dTravel;
  }
}
