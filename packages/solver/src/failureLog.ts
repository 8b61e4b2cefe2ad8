/**
 * Failures a caller chose to survive (HiGHS that cannot load or errs, an LP round that throws)
 * are counted here instead of vanishing in an empty catch: the run goes on with a weaker
 * fall-back, and whoever owns the log (the CLI, the server, a benchmark) can say what was
 * swallowed and how often.
 */

/** One place that swallowed failures: how often, and the first message. */
export interface SwallowedFailure {
  /** where it happened, e.g. "upper bound: HiGHS" */
  where: string;
  count: number;
  message: string;
}

/** A counter of swallowed failures, keyed by where they happened. */
export class FailureLog {
  private readonly byPlace = new Map<string, SwallowedFailure>();

  /** count one failure at `where` (the first message is kept) */
  record(where: string, error: unknown): void {
    const known = this.byPlace.get(where);
    if (known) known.count++;
    else this.byPlace.set(where, { where, count: 1, message: error instanceof Error ? error.message : String(error) });
  }

  /** add what another log counted (a worker thread's, sent back as its `list()`) */
  merge(failures: readonly SwallowedFailure[]): void {
    for (const f of failures) {
      const known = this.byPlace.get(f.where);
      if (known) known.count += f.count;
      else this.byPlace.set(f.where, { ...f });
    }
  }

  /** failures counted so far, all places together */
  get total(): number {
    let n = 0;
    for (const f of this.byPlace.values()) n += f.count;
    return n;
  }

  /** one entry per place, in the order they first failed */
  list(): SwallowedFailure[] {
    return [...this.byPlace.values()].map((f) => ({ ...f }));
  }
}

/** "upper bound: HiGHS failed 2 time(s), the plan was made without it: wasm trap" (CLI and server logs). */
export function describeSwallowed(failure: SwallowedFailure): string {
  return `${failure.where} failed ${failure.count} time(s), the plan was made without it: ${failure.message}`;
}
