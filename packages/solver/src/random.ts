/**
 * The solver's only source of randomness: a small seeded generator (SplitMix32 seeding into
 * xoshiro128**, Blackman & Vigna 2018), so that a seed and an iteration limit always give the
 * same plan. `Math.random` is never used anywhere in the solver.
 */

/** A seeded pseudo-random generator. */
export interface Rng {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [0, n) (n >= 1) */
  int(n: number): number;
}

/**
 * Creates a deterministic generator from an integer seed.
 * @example const rng = createRng(1); rng.int(10); // same value on every run
 */
export function createRng(seed: number): Rng {
  let x = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  if ((a | b | c | d) === 0) a = 1;
  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  return {
    next: () => nextU32() / 4294967296,
    int: (n: number) => Math.floor((nextU32() / 4294967296) * n),
  };
}

function rotl(v: number, k: number): number {
  return ((v << k) | (v >>> (32 - k))) >>> 0;
}
