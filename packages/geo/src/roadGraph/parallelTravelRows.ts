/**
 * Travel-matrix rows spread over worker threads. The compiled graph's arrays live in
 * SharedArrayBuffers (compileGraph.ts), so workers read them without a copy; sources are
 * handed out one at a time through a shared counter, and each thread writes its rows straight
 * into shared outputs. The calling thread works too, so on 2 cores one worker is enough.
 *
 * Workers run `fillTravelRows` from its source text rather than from a module file: the same
 * code then runs from the built package and from TypeScript sources under vitest or tsx, where
 * no compiled worker file exists.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { CompiledGraph } from "./compileGraph.js";
import { sharedCopy } from "../sharedCopy.js";
import { bucketWidth, fillTravelRows } from "./travelRows.js";

/**
 * Work (sources × graph nodes) below which the calling thread does all rows: about half a
 * second on one core, so a worker's start (some 40 ms) is small beside what it takes over.
 */
export const PARALLEL_MIN_WORK = 5_000_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const fillTravelRows = ${fillTravelRows.toString()};
fillTravelRows(...workerData);
parentPort.postMessage("done");
`;

/** The arguments of `fillTravelRows`, all arrays shared. */
export type TravelRowsArgs = Parameters<typeof fillTravelRows>;

/** Run `fillTravelRows(...args)` in a new worker thread; resolves when it has finished. */
export function runInWorker(args: TravelRowsArgs): Promise<void> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: args });
  return new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`travel-matrix worker stopped (exit code ${code})`)));
  });
}

/** Rows of seconds and metres from each of `sources` to each of `targets` (row-major). */
export interface TravelRows {
  seconds: Float64Array;
  metres: Float64Array;
}

/**
 * Rows for `sources` × `targets` (node indices) on `graph`, using up to `threads` threads
 * (default: one per core, only when the work is large enough to pay for them).
 */
export async function travelRows(
  graph: CompiledGraph,
  sources: Int32Array,
  targets: Int32Array,
  threads?: number,
): Promise<TravelRows> {
  const cells = sources.length * targets.length;
  const outSeconds = new Float64Array(new SharedArrayBuffer(cells * 8));
  const outMetres = new Float64Array(new SharedArrayBuffer(cells * 8));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const wanted = threads ?? (sources.length * graph.nodeCount >= PARALLEL_MIN_WORK ? availableParallelism() : 1);
  const workerCount = Math.max(0, Math.min(wanted, sources.length) - 1);
  const args: TravelRowsArgs = [
    sharedCopy(graph.offsets),
    sharedCopy(graph.target),
    sharedCopy(graph.seconds),
    sharedCopy(graph.metres),
    bucketWidth(graph),
    sharedCopy(sources),
    sharedCopy(targets),
    next,
    outSeconds,
    outMetres,
  ];
  const workers = Array.from({ length: workerCount }, () => runInWorker(args));
  fillTravelRows(...args);
  await Promise.all(workers);
  return { seconds: outSeconds, metres: outMetres };
}
