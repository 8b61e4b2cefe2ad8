/**
 * Travel-reducing moves inside one route: or-opt (move a string of 1–3 stops elsewhere in the
 * route, Or 1976) and 2-opt (reverse a segment, Croes 1958). Fewer minutes on the road leave
 * room for more visits, which is how the value grows in an orienteering problem. A move is tried
 * only when its travel delta is negative (O(1) for or-opt and symmetric 2-opt), then checked
 * for feasibility in O(length of the changed part) from the route's timing caches.
 */
import type { Solution } from "../solution/solution.js";

const EPS = 1e-9;
const MAX_STRING = 3;

/** Applies improving or-opt and 2-opt moves on route r until none is left; returns whether it changed. */
export function improveRoute(
  sol: Solution,
  r: number,
  symmetric: boolean,
  pinned: (stop: number, r: number) => boolean,
): boolean {
  let changed = false;
  let again = true;
  let guard = 0;
  while (again && guard++ < 50) {
    again = orOpt(sol, r, pinned) || twoOpt(sol, r, symmetric);
    if (again) changed = true;
  }
  return changed;
}

const buf: number[] = [];

function orOpt(sol: Solution, r: number, pinned: (stop: number, r: number) => boolean): boolean {
  const p = sol.p;
  const seq = sol.seq[r]!;
  const n = seq.length;
  const ct = sol.ct[r]!;
  for (let len = 1; len <= MAX_STRING && len < n; len++) {
    for (let a = 0; a + len <= n; a++) {
      const first = seq[a]!;
      const last = seq[a + len - 1]!;
      if (len === 1 && pinned(first, r)) continue;
      const before = sol.loc(r, a);
      const after = sol.loc(r, a + len + 1);
      const removeGain = p.t(before, first) + p.t(last, after) - p.t(before, after);
      if (removeGain <= EPS) continue;
      // insert between positions x and x+1 (outside the string)
      for (let x = 0; x <= n; x++) {
        if (x >= a && x <= a + len) continue;
        const u = sol.loc(r, x);
        const w = sol.loc(r, x + 1);
        const add = p.t(u, first) + p.t(last, w) - p.t(u, w);
        if (add - removeGain >= -EPS) continue;
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
        if (part < 0 || part - (ct[j]! - ct[i]!) >= -EPS) continue;
        const next = seq.slice(0, i).concat(buf, seq.slice(j - 1));
        sol.setRoute(r, next);
        return true;
      }
    }
  }
  return false;
}

function twoOpt(sol: Solution, r: number, symmetric: boolean): boolean {
  const p = sol.p;
  const seq = sol.seq[r]!;
  const n = seq.length;
  const ct = sol.ct[r]!;
  for (let a = 0; a < n - 1; a++) {
    const before = sol.loc(r, a);
    for (let b = a + 1; b < n; b++) {
      const after = sol.loc(r, b + 2);
      let delta = p.t(before, seq[b]!) + p.t(seq[a]!, after) - p.t(before, seq[a]!) - p.t(seq[b]!, after);
      if (!symmetric) {
        for (let k = a; k < b; k++) delta += p.t(seq[k + 1]!, seq[k]!) - p.t(seq[k]!, seq[k + 1]!);
      }
      if (delta >= -EPS) continue;
      buf.length = 0;
      for (let k = b; k >= a; k--) buf.push(seq[k]!);
      const part = sol.fits(r, a, b + 2, buf, buf.length);
      if (part < 0 || part - (ct[b + 2]! - ct[a]!) >= -EPS) continue;
      sol.setRoute(r, seq.slice(0, a).concat(buf, seq.slice(b + 1)));
      return true;
    }
  }
  return false;
}
