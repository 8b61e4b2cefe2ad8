/**
 * The bound's worker thread (started by boundThread.ts): runs `boundScenario` on the instance it
 * is handed and writes every lower bound into the shared numbers the search reads; at the end it
 * posts the failures it counted.
 */
import { parentPort, workerData } from "node:worker_threads";
import { FailureLog } from "@carebus/solver";
import { boundScenario } from "./scenarioBound.js";
import { type BoundWorkerData, Slot } from "./boundProtocol.js";
import { SharedNumbers } from "./sharedNumbers.js";

const { instance, initial, quick, budget, shared } = workerData as BoundWorkerData;
const numbers = new SharedNumbers(shared);
const failures = new FailureLog();
await boundScenario(instance, initial, quick, budget, failures, {
  planValue: () => numbers.get(Slot.planValue),
  isCancelled: () => numbers.get(Slot.stop) !== 0,
  onBound: ({ bound, boundKind }) => {
    // the bound before its kind: a reader that sees the new kind sees the new bound
    numbers.set(Slot.bound, bound);
    numbers.set(Slot.strong, boundKind === "strong" ? 1 : 0);
  },
  onLpDone: () => numbers.set(Slot.lpDone, 1),
});
parentPort!.postMessage(failures.list());
