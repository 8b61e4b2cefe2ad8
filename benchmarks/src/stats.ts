/**
 * The few statistics the benchmarks need: robust centre and spread of repeated measurements,
 * and a power-law fit for "how does time grow with size". Medians and median absolute
 * deviations are used rather than means and standard deviations because timing samples on a
 * shared 2-core machine have long right tails (a GC pause, a neighbour's build) that would
 * otherwise dominate. Nothing here asserts: callers record whatever comes out.
 */

/** Centre and spread of a list of repeated measurements of one metric. */
export interface Summary {
  /** number of samples */
  n: number;
  median: number;
  min: number;
  max: number;
  mean: number;
  /**
   * Relative spread: the median absolute deviation divided by |median| (0 when the median
   * is 0 or there is a single sample). Half the range for two samples.
   */
  spread: number;
}

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics; NaN if empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = Math.min(Math.max(q, 0), 1) * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const a = sorted[low]!;
  const b = sorted[high]!;
  return a + (b - a) * (position - low);
}

/** The median (NaN for an empty list). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The arithmetic mean (NaN for an empty list). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

/**
 * Summarises repeated samples of one metric; non-finite samples are dropped first (a failed
 * run is reported elsewhere, never averaged in).
 * @example summarize([10, 12, 11]) // { n: 3, median: 11, spread: 1/11, ... }
 */
export function summarize(samples: readonly number[]): Summary {
  const finite = samples.filter((v) => Number.isFinite(v));
  if (finite.length === 0)
    return { n: 0, median: Number.NaN, min: Number.NaN, max: Number.NaN, mean: Number.NaN, spread: 0 };
  const centre = median(finite);
  const mad = median(finite.map((v) => Math.abs(v - centre)));
  return {
    n: finite.length,
    median: centre,
    min: Math.min(...finite),
    max: Math.max(...finite),
    mean: mean(finite),
    spread: centre === 0 ? 0 : mad / Math.abs(centre),
  };
}

/** A fitted power law y ≈ coefficient · x^exponent. */
export interface PowerLawFit {
  exponent: number;
  coefficient: number;
  /** coefficient of determination of the fit in log-log space (1 = perfect; NaN if undefined) */
  r2: number;
  /** points actually used (positive x and y only) */
  points: number;
}

/**
 * Least-squares line through (log x, log y): the growth exponent of time (or memory) versus
 * problem size. Points with a non-positive or non-finite coordinate cannot be logged and are
 * skipped; fewer than two distinct x values give NaN.
 * @example fitPowerLaw([{ x: 10, y: 1 }, { x: 100, y: 100 }]).exponent // 2
 */
export function fitPowerLaw(points: ReadonlyArray<{ x: number; y: number }>): PowerLawFit {
  const usable = points.filter((p) => p.x > 0 && p.y > 0 && Number.isFinite(p.x) && Number.isFinite(p.y));
  const xs = usable.map((p) => Math.log(p.x));
  const ys = usable.map((p) => Math.log(p.y));
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (usable.length < 2 || sxx === 0)
    return { exponent: Number.NaN, coefficient: Number.NaN, r2: Number.NaN, points: usable.length };
  const exponent = sxy / sxx;
  const intercept = my - exponent * mx;
  const residual = syy - exponent * sxy;
  return {
    exponent,
    coefficient: Math.exp(intercept),
    r2: syy === 0 ? Number.NaN : 1 - residual / syy,
    points: usable.length,
  };
}
