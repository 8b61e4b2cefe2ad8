import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MinHeap } from "../src/roadGraph/minHeap.js";

describe("MinHeap", () => {
  it("pops entries in nondecreasing key order, whatever the order of pushes and pops", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ push: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
            fc.constant({ pop: true as const }),
          ),
          { maxLength: 400 },
        ),
        (ops) => {
          const heap = new MinHeap(2); // small on purpose: exercises growth
          const model: number[] = [];
          let id = 0;
          for (const op of ops) {
            if ("push" in op) {
              heap.push(op.push, id++);
              model.push(op.push);
            } else if (model.length > 0) {
              heap.pop();
              model.sort((a, b) => a - b);
              expect(heap.poppedKey).toBe(model.shift());
            }
            expect(heap.size).toBe(model.length);
          }
          let last = -Infinity;
          while (heap.size > 0) {
            heap.pop();
            expect(heap.poppedKey).toBeGreaterThanOrEqual(last);
            last = heap.poppedKey;
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
