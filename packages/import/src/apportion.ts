/**
 * Splitting a whole number into whole parts in proportion to weights (the largest-remainder
 * method), so that totals are met exactly after rounding: a census polygon's caregivers over
 * its points here, and caregivers, points and stops over places in the data builders.
 */

/**
 * Integers, one per weight, that sum to `total`, each at least `minimum`, the rest shared in
 * proportion to `weights`. Ties in the remainders go to the earlier index, so the result is
 * deterministic.
 * @throws RangeError when `total` cannot give every part its minimum, or a weight is negative
 * @example apportion(10, [1, 1, 2]) // [3, 2, 5]
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const n = weights.length;
  if (!Number.isInteger(total) || total < n * minimum)
    throw new RangeError(`cannot split ${total} into ${n} parts of at least ${minimum}`);
  if (weights.some((w) => !(w >= 0))) throw new RangeError("weights must be non-negative numbers");
  const rest = total - n * minimum;
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => (sum > 0 ? (rest * w) / sum : rest / n));
  const parts = quotas.map((q) => minimum + Math.floor(q));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, frac: q - Math.floor(q) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]!.i]! += 1;
  return parts;
}
