/**
 * Scratch and derived data kept per Problem and made on first use: the operators hold typed
 * arrays sized to the instance (worths, stamps, tables) that a search reuses at every call.
 */
import type { Problem } from "./problem.js";

/** `make(p)` once per Problem, the same value after that. */
export function perProblem<T>(make: (p: Problem) => T): (p: Problem) => T {
  const made = new WeakMap<Problem, { value: T }>();
  return (p) => {
    let entry = made.get(p);
    if (!entry) {
      entry = { value: make(p) };
      made.set(p, entry);
    }
    return entry.value;
  };
}
