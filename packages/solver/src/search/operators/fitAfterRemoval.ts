/**
 * A necessary test, O(1) per question, for "can stop u be inserted somewhere in route r once the
 * visit at index k leaves it?" — the question the replace operator asks for every visit and every
 * candidate, which otherwise costs a rebuilt route and a scan of its positions per candidate.
 *
 * Why it holds: with one window per stop, no lunch, no pins and no time grid, every step of the
 * timing propagation (wait for the window, serve, drive) is monotone and moves its output by at
 * most as much as its input (nonexpansive). Removing the visit at position q = k+1 lowers the
 * earliest times after it by at most D_fwd (what the visit cost on the forward pass at q+1) and
 * raises the latest times before it by at most D_bwd (the same on the backward pass at q−1); the
 * other side of each is unchanged. So u fits between positions x and x+1 of the shortened route
 * only if its "need" there — by how much the unchanged caches miss the fit — is at most D_bwd
 * (x before the visit), D_fwd (x after it), or, for the slot the visit leaves (both neighbours'
 * caches unchanged), the exact O(1) `fits` test passes. Needs are computed once per stop and route
 * version, O(route length), and kept as prefix minima (before) and suffix minima (after).
 * The test only rules candidates out; a candidate it lets through is placed exactly as before.
 */
import type { Problem } from "../../solution/problem.js";
import type { Solution } from "../../solution/solution.js";

/** Minutes of float rounding tolerated before a need counts as missing the fit. */
const MARGIN = 1e-6;

const one = new Int32Array(1);

/** Whether the nonexpansive timing argument holds for this problem (see the file comment). */
export function removalBoundsApply(p: Problem): boolean {
  if (p.pinnedStart.size > 0 || p.inst.timeGrid) return false;
  for (const spec of p.inst.routes) if (spec.lunch) return false;
  const offset = p.windows.offset;
  for (let s = 0; s < p.nStops; s++) if (offset[s + 1]! - offset[s]! > 1) return false;
  return true;
}

/** The necessary fit test for one route at a time; rows are recomputed when the route's version moves on. */
export class FitAfterRemoval {
  private readonly p: Problem;
  /** route version each stop's row was computed for (0 = never; versions name one route's one sequence) */
  private readonly tag: Float64Array;
  /** per stop, row of length `width`: prefix minima of the before-needs, then suffix minima of the after-needs */
  private before = new Float64Array(0);
  private after = new Float64Array(0);
  private width = 0;

  constructor(p: Problem) {
    this.p = p;
    this.tag = new Float64Array(p.nStops);
  }

  /** false only when `u` cannot fit anywhere in route r without its visit at index k */
  mayFit(sol: Solution, r: number, k: number, u: number): boolean {
    const n = sol.seq[r]!.length;
    if (n + 2 > this.width) this.grow(n + 2);
    if (this.tag[u] !== sol.version[r]) this.fill(sol, r, u);
    const row = u * this.width;
    const p = this.p;
    const ef = sol.ef0[r]!;
    const la = sol.la0[r]!;
    const a = sol.loc(r, k);
    const v = sol.loc(r, k + 1);
    const b = sol.loc(r, k + 2);
    if (k >= 1) {
      const dBwd = Math.max(0, la[k + 2]! - p.t(a, b) - (la[k + 1]! - p.t(a, v)));
      if (this.before[row + k - 1]! <= dBwd + MARGIN) return true;
    }
    if (k + 2 <= n) {
      const dFwd = Math.max(0, ef[k + 1]! + p.t(v, b) - (ef[k]! + p.t(a, b)));
      if (this.after[row + k + 2]! <= dFwd + MARGIN) return true;
    }
    one[0] = u;
    return sol.fits(r, k, k + 2, one, 1) >= 0;
  }

  private grow(width: number): void {
    this.width = Math.max(width, 2 * this.width);
    this.before = new Float64Array(this.p.nStops * this.width);
    this.after = new Float64Array(this.p.nStops * this.width);
    this.tag.fill(0);
  }

  /** needs of `u` at every edge x → x+1 of route r (the unchanged caches) */
  private fill(sol: Solution, r: number, u: number): void {
    const p = this.p;
    const spec = p.inst.routes[r]!;
    const n = sol.seq[r]!.length;
    const ef = sol.ef0[r]!;
    const la = sol.la0[r]!;
    const w = p.windows.offset[u]!;
    const windowless = p.windows.offset[u + 1] === w;
    const open = windowless ? Infinity : p.windows.open[w]!;
    const close = windowless ? -Infinity : p.windows.close[w]!;
    const service = p.inst.dwell[u]! + spec.packupMinutes;
    const row = u * this.width;
    let prefix = Infinity;
    for (let x = 0; x <= n; x++) {
      const here = sol.loc(r, x);
      const arrive = ef[x]! + p.t(here, u) + spec.setupMinutes;
      const late = Math.max(open, arrive) + service + p.t(u, sol.loc(r, x + 1)) - la[x + 1]!;
      // before the leaving visit the arrival does not move, so a closed window stays closed
      prefix = Math.min(prefix, arrive > close ? Infinity : late);
      this.before[row + x] = prefix;
      // after it the arrival may come earlier, by as much as the need allows
      this.after[row + x] = Math.max(arrive - close, late);
    }
    for (let x = n - 1; x >= 0; x--) this.after[row + x] = Math.min(this.after[row + x]!, this.after[row + x + 1]!);
    this.tag[u] = sol.version[r]!;
  }
}
