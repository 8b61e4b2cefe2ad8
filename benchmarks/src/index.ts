/**
 * @carebus/benchmarks: the pieces of the benchmark harness that other tools may reuse (reading
 * and comparing result files, the statistics, the SVG charts, the scenario generator). The
 * command line is cli.ts (`pnpm bench`).
 */
export { summarize, median, quantile, mean, fitPowerLaw, type Summary, type PowerLawFit } from "./stats.js";
export {
  createMetric,
  captureEnvironment,
  parseResult,
  RESULT_FORMAT,
  RESULT_VERSION,
  type BenchResult,
  type Metric,
  type Environment,
  type SuiteStatus,
  type Better,
} from "./result.js";
export {
  compareResults,
  compareMetric,
  formatComparison,
  noiseThreshold,
  MIN_RELATIVE_CHANGE,
  SPREAD_MULTIPLE,
  type Comparison,
  type ComparisonRow,
  type Verdict,
} from "./compare.js";
export { renderChart, linearTicks, logTicks, type ChartOptions, type ChartSeries } from "./report/svgChart.js";
export { generateScenario, type GenerateScenarioOptions, type UniformSource } from "./speed/generateScenario.js";
export { generateGridNetwork, gridBounds, type GridNetworkOptions } from "./speed/generateGridNetwork.js";
export { parseBks, readBks, listToptwFiles, bksKey, type BestKnown, type ToptwFile } from "./quality/toptwFiles.js";
