/**
 * The one source of randomness for the scenario builder: a small seeded generator, so the same
 * seed always yields the same scenario bytes. Math.random is never used. The generator is
 * mulberry32 (a 32-bit state, one multiply-xorshift mix per draw): plenty for scattering
 * points on a map, and trivially reproducible on every JavaScript engine because it only uses
 * 32-bit integer arithmetic.
 */

/** A seeded stream of uniform numbers. */
export interface Rng {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform integer in [0, n) */
  int(n: number): number;
}

/**
 * Create a generator from a 32-bit seed.
 * @example const rng = createRng(42); rng.next(); // always the same first number for seed 42
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}
