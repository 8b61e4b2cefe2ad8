/**
 * The bound's worker thread (started by boundThread.ts): runs `boundScenario` on the instance it
 * is handed and writes every lower bound into the shared numbers the search reads, and posts
 * the failures it counts as they come (BoundMessage).
 */
import { parentPort, workerData } from "node:worker_threads";
import { FailureLog } from "@carebus/solver";
import { boundScenario } from "./scenarioBound.js";
import { type BoundMessage, type BoundWorkerData, Slot } from "./boundProtocol.js";
import { SharedNumbers } from "./sharedNumbers.js";

const { instance, initial, quick, budget, shared } = workerData as BoundWorkerData;
const numbers = new SharedNumbers(shared);
const post = (message: BoundMessage) => parentPort!.postMessage(message);

/** A log that posts its list after every failure: the thread may be stopped before it ends. */
class PostingLog extends FailureLog {
  override record(where: string, error: unknown): void {
    super.record(where, error);
    post({ failures: this.list(), final: false });
  }
}

const failures = new PostingLog();
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
post({ failures: failures.list(), final: true });
