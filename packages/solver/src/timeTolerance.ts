/**
 * The one table of time tolerances (minutes). Times are floats (the literature files truncate to
 * tenths or hundredths, scenarios to seconds, and sums of those are not exact in binary), so
 * every comparison that can meet float dust uses one of these, never a literal. Their order is
 * the contract: the engine's decisions are the tightest, the scheduler's adjustments sit above
 * them, and the checker tolerates more than the scheduler can move a time — so a plan the engine
 * accepts is timed by the scheduler and passed by the checker, and no two layers tie.
 * The checker imports this table and nothing else of the engine.
 */

/** A table of time tolerances, in minutes, from the tightest (engine) to the loosest (checker). */
export interface TimeTolerances {
  /** engine: a backward bound this close below a window opening counts as reaching it */
  engineDust: number;
  /** scheduler: slack added between backward bounds and forward times */
  scheduleSlack: number;
  /** scheduler: reported departures sit on this grid; a start this far past a close is inside */
  scheduleGrid: number;
  /** checker: the absolute tolerance on every time it compares */
  checker: number;
}

/** The tolerances every part of the solver uses. */
export const TIME_TOLERANCES: Readonly<TimeTolerances> = Object.freeze({
  engineDust: 1e-9,
  scheduleSlack: 1e-8,
  scheduleGrid: 1e-7,
  checker: 1e-6,
});

/** Each layer's tolerance is at least this many times the one below it. */
export const TOLERANCE_STEP = 10;

/**
 * Throws when the table breaks its order (engine < slack < grid < checker, each at least
 * TOLERANCE_STEP times the one before): a tie between two layers is how a plan the engine
 * accepts can fail the checker.
 */
export function assertToleranceOrder(t: TimeTolerances): void {
  const chain: [keyof TimeTolerances, number][] = [
    ["engineDust", t.engineDust],
    ["scheduleSlack", t.scheduleSlack],
    ["scheduleGrid", t.scheduleGrid],
    ["checker", t.checker],
  ];
  for (let k = 1; k < chain.length; k++) {
    const [lowName, low] = chain[k - 1]!;
    const [highName, high] = chain[k]!;
    if (!(low > 0 && high >= TOLERANCE_STEP * low))
      throw new RangeError(
        `time tolerance ${highName} (${high}) must be at least ${TOLERANCE_STEP}× ${lowName} (${low})`,
      );
  }
}

assertToleranceOrder(TIME_TOLERANCES);
