/**
 * Late acceptance hill climbing (Burke & Bykov 2017, "The late acceptance hill-climbing
 * heuristic", EJOR 258(1):70–78): a candidate is accepted when it is no worse than the current
 * solution or than the current solution of L iterations ago. One parameter (the list length),
 * no temperature schedule, and it works on iteration counts only, so it stays deterministic.
 */
export class LateAcceptance {
  private readonly history: Float64Array;
  private k = 0;

  constructor(length: number, initial: number) {
    this.history = new Float64Array(Math.max(1, length)).fill(initial);
  }

  /** decides on a candidate of fitness `candidate` (higher is better) against `current` */
  accept(candidate: number, current: number): boolean {
    const slot = this.k;
    this.k = (this.k + 1) % this.history.length;
    const ok = candidate >= current || candidate >= this.history[slot]!;
    const now = ok ? candidate : current;
    // the "improved" variant: a slot only moves up, so the list never accepts a long decline
    if (now > this.history[slot]!) this.history[slot] = now;
    return ok;
  }

  /** forget the history (after a restart from the best solution) */
  reset(value: number): void {
    this.history.fill(value);
  }
}

/**
 * Simulated-annealing acceptance with cyclic cooling by iteration count (deterministic): the
 * temperature falls linearly from `t0` to 0 over each cycle of `cycle` iterations, then reheats.
 * Gunawan et al. (2017)'s SAILS anneals in the same spirit inside an ILS for the TOPTW.
 */
export class CyclicAnnealing {
  private i = 0;
  constructor(
    private readonly t0: number,
    private readonly cycle: number,
  ) {}

  accept(candidate: number, current: number, u: number): boolean {
    const phase = this.i++ % this.cycle;
    if (candidate >= current) return true;
    const temperature = this.t0 * (1 - phase / this.cycle);
    return temperature > 0 && u < Math.exp((candidate - current) / temperature);
  }
}
