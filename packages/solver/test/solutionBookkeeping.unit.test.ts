/**
 * The Solution keeps its value, group counts and visit lists incrementally; `setRoute` touches
 * only the visits that leave or join a route. After random sequences of whole-route rewrites
 * (reorderings, swaps with other routes, new and dropped stops, repeated stops), insertions and
 * removals on random instances with overlapping groups, everything must equal what it is when
 * computed from the sequences alone.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { arbTinyInstance } from "../src/testing/arbTinyInstance.js";

const arbSteps = fc.array(
  fc.record({
    kind: fc.constantFrom("rewrite", "insert", "remove"),
    route: fc.nat(),
    stops: fc.array(fc.nat(), { maxLength: 5 }),
    at: fc.nat(),
  }),
  { maxLength: 25 },
);

describe("solution bookkeeping", () => {
  test("value, counts and visit lists follow the sequences", () =>
    fc.assert(
      fc.property(arbTinyInstance(), arbSteps, (inst, steps) => {
        const p = new Problem(inst);
        const sol = new Solution(p);
        for (const step of steps) {
          const r = step.route % p.nRoutes;
          const seq = sol.seq[r]!;
          if (step.kind === "rewrite") {
            // keep some of the route, shuffled by the step's numbers, plus new stops
            const kept = seq.filter((_, k) => (step.at >> k) & 1);
            const order = kept.map((v, k) => [step.stops[k] ?? k, v] as const).sort((a, b) => a[0] - b[0]);
            const fresh = step.stops.slice(kept.length).map((x) => x % p.nStops);
            sol.setRoute(r, order.map(([, v]) => v).concat(fresh));
          } else if (step.kind === "insert") {
            sol.insert(r, step.at % (seq.length + 1), (step.stops[0] ?? 0) % p.nStops);
          } else if (seq.length > 0) {
            sol.removeAt(r, step.at % seq.length);
          }
        }
        const counts = new Int32Array(inst.groupValue.length);
        const routesOf: number[][] = Array.from({ length: p.nStops }, () => []);
        sol.seq.forEach((seq, r) => {
          for (const v of seq) {
            routesOf[v]!.push(r);
            for (let k = inst.stopGroupOffset[v]!; k < inst.stopGroupOffset[v + 1]!; k++)
              counts[inst.stopGroups[k]!]!++;
          }
        });
        expect([...sol.counts]).toEqual([...counts]);
        for (let s = 0; s < p.nStops; s++) expect([...sol.visitRoutes[s]!].sort()).toEqual(routesOf[s]!.sort());
        expect(sol.value).toBeCloseTo(sol.recomputeValue(), 9);
      }),
      { numRuns: 300, seed: 23 },
    ));
});
