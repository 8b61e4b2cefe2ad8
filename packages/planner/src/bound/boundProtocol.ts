/**
 * What the search and the bound's worker thread share: the worker's start data and the slots of
 * their shared numbers. Its own module, so the worker loads only what it runs.
 */
import type { Instance, SolvedRoute, SwallowedFailure } from "@carebus/solver";
import type { BoundBudget } from "./scenarioBound.js";

/** The shared numbers between the search and the bound's thread. */
export const Slot = {
  /** the lowest bound so far (the worker writes) */
  bound: 0,
  /** 1 once that bound is an LP or route relaxation's (the worker writes) */
  strong: 1,
  /** the best plan's value so far (the search writes) */
  planValue: 2,
  /** 1: stop now (the search writes) */
  stop: 3,
  /** 1 once the LP relaxation has answered or failed (the worker writes) */
  lpDone: 4,
} as const;

/** What the worker is handed. */
export interface BoundWorkerData {
  instance: Instance;
  initial: readonly SolvedRoute[];
  quick: number;
  budget: BoundBudget;
  shared: SharedArrayBuffer;
}

/**
 * What the worker posts: every failure it has counted so far, after each new one and once more
 * when it ends (`final`). The latest list is the one that counts, so a worker stopped in its
 * grace time loses none of the failures it had already counted.
 */
export interface BoundMessage {
  failures: SwallowedFailure[];
  final: boolean;
}
