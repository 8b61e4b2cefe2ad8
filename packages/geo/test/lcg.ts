/**
 * Deterministic pseudo-random numbers in [0, 1) from a linear congruential generator, for
 * scattering test and measurement points reproducibly (not a statistical-quality generator).
 */
export function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
