/**
 * @carebus/testkit: named tiny scenarios with hand-computed answers, fast-check arbitraries of
 * scenarios, hand-made plan routes and the benchmark-data helpers shared by the tests of every
 * package. It depends only on the model and geo, so any package's tests may use it; instance-level
 * helpers live in @carebus/solver/testing. Never imported by product code.
 */
export {
  SCENARIO_FIXTURES,
  holiday,
  lateWindow,
  lunchSplit,
  minDaysBetween,
  pinnedVisit,
  ruralOnly,
  uniformMatrix,
  type ScenarioFixture,
} from "./fixtures.js";
export { arbSmallScenario } from "./arbitraries.js";
export { handMadeRoute, type HandMadeVisit } from "./handMadeRoute.js";
export { benchdataPath, benchdataRequired, describeWithBenchdata, repositoryRoot } from "./benchdata.js";
