/**
 * 2-opt (Croes 1958) inside a route: reverse the segment that starts at the anchor when that
 * shortens the drive. O(1) travel delta on symmetric matrices (O(segment) otherwise), then the
 * reversed segment is checked against the caches in O(segment).
 */
import type { Solution } from "../../solution/solution.js";
import { applySegment, MOVE_EPS, type Operator, type SearchContext, type SegmentMove } from "./operator.js";

const buf: number[] = [];

export const twoOpt: Operator<SegmentMove> = {
  name: "2-opt",
  evaluate(sol: Solution, r: number, a: number, ctx: SearchContext): SegmentMove | null {
    const p = sol.p;
    const seq = sol.seq[r]!;
    const n = seq.length;
    const ct = sol.ct[r]!;
    const before = sol.loc(r, a);
    for (let b = a + 1; b < n; b++) {
      const after = sol.loc(r, b + 2);
      let delta = p.t(before, seq[b]!) + p.t(seq[a]!, after) - p.t(before, seq[a]!) - p.t(seq[b]!, after);
      if (!ctx.symmetric) {
        for (let k = a; k < b; k++) delta += p.t(seq[k + 1]!, seq[k]!) - p.t(seq[k]!, seq[k + 1]!);
      }
      if (delta >= -MOVE_EPS) continue;
      buf.length = 0;
      for (let k = b; k >= a; k--) buf.push(seq[k]!);
      const part = sol.fits(r, a, b + 2, buf, buf.length);
      if (part < 0 || part - (ct[b + 2]! - ct[a]!) >= -MOVE_EPS) continue;
      return { route: r, i: a, j: b + 2, mid: buf.slice() };
    }
    return null;
  },
  apply: applySegment,
};
