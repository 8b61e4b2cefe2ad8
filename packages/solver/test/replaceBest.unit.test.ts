/**
 * The replace operator ends its scan of candidates early and skips candidates without scoring
 * them (search/operators/replaceVisit.ts: a candidate's gain over a dropped visit is at most its
 * worth plus the most the drop can raise it, overall and through the coverage the two share, and
 * a candidate that shares nothing keeps its worth). Neither may lose the best replacement: on
 * random instances whose demand groups overlap, for every visit of a random feasible plan, the
 * gain of the move the operator returns equals the best gain found by trying every candidate at
 * every place of the shortened route. (It fails with either rise set to 0, or with every
 * candidate's worth taken as it was.)
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { bestPlacementInRoute, type Placement } from "../src/construction/insertion.js";
import { createReplaceVisit } from "../src/search/operators/replaceVisit.js";
import { MOVE_EPS, type SearchContext } from "../src/search/operators/operator.js";
import { createRng } from "../src/random.js";
import { arbTinyInstance } from "../src/testing/arbTinyInstance.js";

const ctx: SearchContext = {
  rng: createRng(1),
  symmetric: false,
  isPinned: () => false,
  shouldStop: () => false,
  alpha: 2,
};

describe("replace: the early end of its scan", () => {
  let improving = 0;

  for (const pooled of [true, false]) {
    test(`finds the best gain over all candidates (${pooled ? "a pool of candidates" : "each visit's neighbours"})`, () =>
      fc.assert(
        fc.property(arbTinyInstance(), fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (inst, order) => {
          const p = new Problem(inst);
          const sol = new Solution(p);
          const out: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };
          // a feasible plan: stops in a random order, each in the first route it fits
          for (const x of order) {
            const s = x % p.nStops;
            if (!p.servable[s] || sol.visitRoutes[s]!.length >= inst.maxVisits[s]!) continue;
            for (let r = 0; r < p.nRoutes; r++) {
              if (!sol.canVisit(s, r)) continue;
              const got = bestPlacementInRoute(sol, s, r, out);
              if (got) {
                sol.insert(r, got.idx, s);
                break;
              }
            }
          }
          const candidates = Array.from({ length: p.nStops }, (_, s) => s).filter(
            (s) => p.servable[s] && sol.visitRoutes[s]!.length < inst.maxVisits[s]!,
          );
          const op = createReplaceVisit(sol, candidates, pooled);
          const probe = new Solution(p, null);
          for (let r = 0; r < p.nRoutes; r++) {
            for (let k = 0; k < sol.seq[r]!.length; k++) {
              const v = sol.seq[r]![k]!;
              if (sol.fits(r, k, k + 2, new Int32Array(0), 0) < 0) continue;
              const without = sol.seq[r]!.filter((_, q) => q !== k);
              probe.probeRoute(r, without, without.length);
              const neighbours = new Set(p.neighbours.subarray(p.neighbourOffset[v]!, p.neighbourOffset[v + 1]!));
              let bestGain = 0;
              for (const u of pooled ? candidates : candidates.filter((u) => neighbours.has(u))) {
                if (u === v || !sol.canVisit(u, r) || !bestPlacementInRoute(probe, u, r, out)) continue;
                const trial = sol.clone();
                trial.removeAt(r, k);
                trial.insert(r, out.idx, u);
                bestGain = Math.max(bestGain, trial.value - sol.value);
              }
              const move = op.evaluate(sol, r, k, ctx);
              if (bestGain > MOVE_EPS) {
                improving++;
                expect(move, `a replacement of ${v} gains ${bestGain}`).not.toBeNull();
                const trial = sol.clone();
                op.apply(trial, move!);
                expect(trial.value - sol.value).toBeCloseTo(bestGain, 9);
              } else if (move) {
                expect(move.stop).not.toBe(v);
              }
            }
          }
        }),
        { numRuns: 300, seed: 17 },
      ));
  }

  test("the instances offer improving replacements (the check above is not empty)", () => {
    expect(improving).toBeGreaterThan(50);
  });
});
