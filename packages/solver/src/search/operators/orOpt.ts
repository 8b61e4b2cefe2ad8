/**
 * Or-opt (Or 1976): move a string of 1–3 consecutive stops, starting at the anchor, elsewhere in
 * its route when that shortens the drive. Fewer minutes on the road leave room for more visits,
 * which is how the value grows in an orienteering problem. The travel delta is O(1); only a
 * shorter move is checked for feasibility, in O(length of the changed part) from the caches.
 */
import type { Solution } from "../../solution/solution.js";
import { applySegment, MOVE_EPS, type Operator, type SearchContext, type SegmentMove } from "./operator.js";

const MAX_STRING = 3;
const buf: number[] = [];

export const orOpt: Operator<SegmentMove> = {
  name: "or-opt",
  evaluate(sol: Solution, r: number, a: number, ctx: SearchContext): SegmentMove | null {
    const p = sol.p;
    const seq = sol.seq[r]!;
    const n = seq.length;
    const depot = p.inst.routes[r]!.depot;
    for (let len = 1; len <= MAX_STRING && len < n && a + len <= n; len++) {
      const first = seq[a]!;
      const last = seq[a + len - 1]!;
      if (len === 1 && ctx.isPinned(first, r)) continue;
      const before = sol.loc(r, a);
      const after = sol.loc(r, a + len + 1);
      const removeGain = p.t(before, first) + p.t(last, after) - p.t(before, after);
      if (removeGain <= MOVE_EPS) continue;
      // insert between positions x and x+1 (outside the string); the hottest loop of the
      // search, so it reads the travel matrix directly
      const travel = p.travel;
      const nl = p.nLoc;
      const fromLast = last * nl;
      let u = depot;
      for (let x = 0; x <= n; x++) {
        const w = x < n ? seq[x]! : depot;
        if (x < a || x > a + len) {
          const add = travel[u * nl + first]! + travel[fromLast + w]! - travel[u * nl + w]!;
          if (add - removeGain < -MOVE_EPS) {
            const move = check(sol, r, a, len, x);
            if (move) return move;
          }
        }
        u = w;
      }
    }
    return null;
  },
  apply: applySegment,
};

/** the move of the string at a..a+len-1 to between positions x and x+1, if feasible and shorter */
function check(sol: Solution, r: number, a: number, len: number, x: number): SegmentMove | null {
  const seq = sol.seq[r]!;
  const ct = sol.ct[r]!;
  buf.length = 0;
  let i: number;
  let j: number;
  if (x > a + len) {
    // string moves later: positions a .. x+1 change
    for (let k = a + len; k < x; k++) buf.push(seq[k]!);
    for (let k = a; k < a + len; k++) buf.push(seq[k]!);
    i = a;
    j = x + 1;
  } else {
    for (let k = a; k < a + len; k++) buf.push(seq[k]!);
    for (let k = x; k < a; k++) buf.push(seq[k]!);
    i = x;
    j = a + len + 1;
  }
  const part = sol.fits(r, i, j, buf, buf.length);
  if (part < 0 || part - (ct[j]! - ct[i]!) >= -MOVE_EPS) return null;
  return { route: r, i, j, mid: buf.slice() };
}
