/**
 * Simulated-annealing acceptance (Kirkpatrick et al. 1983) with cyclic cooling counted in
 * iterations, so it stays deterministic: the temperature falls linearly from `t0` to 0 over each
 * cycle, then reheats. Gunawan, Lau, Vansteenwegen & Lu (2017) anneal inside an ILS for the TOPTW
 * (SAILS) in the same spirit. Late acceptance (Burke & Bykov 2017) was tried first and measured
 * worse on the Solomon TOPTW sets: once the list fills with equal values it stops accepting any
 * worsening, and the search sat in deep basins (rc104, rc108).
 */
export class CyclicAnnealing {
  private i = 0;

  /** @param t0 hottest temperature, in objective units; @param cycle iterations per cooling cycle */
  constructor(
    private readonly t0: number,
    private readonly cycle: number,
  ) {}

  /** decides on a candidate (higher is better) against the current fitness; `u` uniform in [0, 1) */
  accept(candidate: number, current: number, u: number): boolean {
    const phase = this.i++ % this.cycle;
    if (candidate >= current) return true;
    const temperature = this.t0 * (1 - phase / this.cycle);
    return temperature > 0 && u < Math.exp((candidate - current) / temperature);
  }
}
