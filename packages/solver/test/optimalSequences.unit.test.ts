/**
 * The local search skips the intra-route walk of a route whose sequence it already found
 * optimal in the same search (search/optimalSequences.ts). That is exact only if (1) the memo
 * answers for the very sequence of the very route it recorded, and (2) or-opt and 2-opt read
 * nothing but the route's own sequence: two plans that hold one sequence on a route, whatever
 * their other routes, get the same moves there.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { OptimalSequences } from "../src/search/optimalSequences.js";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { orOpt } from "../src/search/operators/orOpt.js";
import { twoOpt } from "../src/search/operators/twoOpt.js";
import type { SearchContext } from "../src/search/operators/operator.js";
import { createRng } from "../src/random.js";
import { arbTinyInstance } from "../src/testing/arbTinyInstance.js";
import { randomToptwText } from "../src/testing/randomToptw.js";
import { readToptw } from "../src/io/toptw.js";
import type { Instance } from "../src/instance/instance.js";

const sequence = fc.array(fc.nat({ max: 5_000 }), { minLength: 0, maxLength: 60 });

describe("the memo of intra-route optimal sequences", () => {
  test("knows a recorded sequence of a route, and no other order, stop, length or route", () =>
    fc.assert(
      fc.property(fc.nat({ max: 600 }), sequence, sequence, (r, a, b) => {
        const memo = new OptimalSequences();
        expect(memo.has(r, a)).toBe(false);
        memo.add(r, a);
        expect(memo.has(r, a)).toBe(true);
        expect(memo.has(r, [...a])).toBe(true);
        expect(memo.has(r + 1, a)).toBe(false);
        if (b.length !== a.length || b.some((x, k) => x !== a[k])) expect(memo.has(r, b)).toBe(false);
        if (a.length > 1 && a[0] !== a[a.length - 1]) expect(memo.has(r, [...a].reverse())).toBe(false);
        expect(memo.has(r, a.concat(a.length))).toBe(false);
      }),
      { numRuns: 2_000, seed: 5 },
    ));

  test("keeps many sequences at once", () => {
    const memo = new OptimalSequences();
    const seqs = Array.from({ length: 2_000 }, (_, k) => [k % 7, k, 3 * k + 1]);
    for (const s of seqs) memo.add(4, s);
    // a direct-mapped table of 65,536 slots: a few may be overwritten, almost all remain
    expect(seqs.filter((s) => memo.has(4, s)).length).toBeGreaterThan(1_950);
  });
});

describe("or-opt and 2-opt read only the route's own sequence", () => {
  let moves = 0;

  /** the moves at every position of route 0 of two plans that share only that route */
  const compare = (
    inst: Instance,
    order: readonly number[],
    otherOrder: readonly number[],
    symmetric: boolean,
  ): void => {
    const p = new Problem(inst);
    const ctx: SearchContext = {
      rng: createRng(1),
      symmetric,
      isPinned: () => false,
      shouldStop: () => false,
      alpha: 2,
    };
    const first = new Solution(p);
    fill(first, order, -1);
    const second = new Solution(p);
    second.setRoute(0, first.seq[0]!);
    fill(second, otherOrder, 0);
    expect(second.seq[0]).toEqual(first.seq[0]);
    for (let k = 0; k < first.seq[0]!.length; k++) {
      for (const op of [orOpt, twoOpt]) {
        const here = op.evaluate(first, 0, k, ctx);
        expect(op.evaluate(second, 0, k, ctx)).toEqual(here);
        if (here) moves++;
      }
    }
  };
  const orders = (n: number) =>
    fc.tuple(fc.array(fc.nat(), { minLength: n, maxLength: n }), fc.array(fc.nat(), { minLength: n, maxLength: n }));

  test("on tiny instances with every rule in play", () =>
    fc.assert(
      fc.property(arbTinyInstance(), orders(16), fc.boolean(), (inst, [order, other], symmetric) =>
        compare(inst, order, other, symmetric),
      ),
      { numRuns: 300, seed: 23 },
    ));

  test("on random literature instances of 20 to 50 customers", () =>
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 50 }),
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        orders(60),
        (n, seed, vehicles, [order, other]) =>
          compare(readToptw(randomToptwText(n, seed), { name: "random", vehicles }), order, other, true),
      ),
      { numRuns: 100, seed: 29 },
    ));

  test("the plans above offer moves (the comparison is not only of nulls)", () => {
    expect(moves).toBeGreaterThan(100);
  });
});

/**
 * A feasible plan, route `skip` left as it is: stops in the given order, each in the first route
 * where it fits, at the first feasible place from one the order picks (not the best, so that
 * the routes leave moves to find).
 */
function fill(sol: Solution, order: readonly number[], skip: number): void {
  const p = sol.p;
  const one = new Int32Array(1);
  for (const x of order) {
    const s = x % p.nStops;
    if (!p.servable[s] || sol.visitRoutes[s]!.length >= p.inst.maxVisits[s]!) continue;
    one[0] = s;
    placing: for (let r = 0; r < p.nRoutes; r++) {
      if (r === skip || !sol.canVisit(s, r)) continue;
      const n = sol.seq[r]!.length;
      for (let q = 0; q <= n; q++) {
        const idx = (q + x) % (n + 1);
        if (sol.fits(r, idx, idx + 1, one, 1) >= 0) {
          sol.insert(r, idx, s);
          break placing;
        }
      }
    }
  }
}
