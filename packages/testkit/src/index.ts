/**
 * @carebus/testkit: named tiny fixtures with hand-computed answers, hand-built instances and
 * fast-check arbitraries shared by the tests of every package. Never imported by product code.
 */
export { makeInstance, euclideanMinutes, type InstanceSpec } from "./makeInstance.js";
export {
  SCENARIO_FIXTURES,
  fixtureInstance,
  holiday,
  lateWindow,
  lunchSplit,
  minDaysBetween,
  pinnedVisit,
  ruralOnly,
  uniformMatrix,
  type ScenarioFixture,
} from "./fixtures.js";
export { arbTinyInstance, arbSmallScenario, type TinyInstanceOptions } from "./arbitraries.js";
export { handMadeRoute, type HandMadeVisit } from "./handMadeRoute.js";
export { benchdataPath, benchdataRequired, describeWithBenchdata, repositoryRoot } from "./benchdata.js";
export { randomToptwText } from "./randomToptw.js";
