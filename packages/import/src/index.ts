/**
 * @carebus/import: scenarios from the files planners have (CSV with comma or semicolon,
 * GeoJSON, a settings JSON) and back (`exportScenario`), every problem reported at its file,
 * line and column. It sits beside validation in the one-way flow: it produces scenarios and
 * hands them to @carebus/model's validation; the CLI calls it.
 */
export { importScenario, type ImportFiles } from "./importScenario.js";
export { exportScenario, type ExportedFiles } from "./exportScenario.js";
export { ImportError, formatProblem, type ImportProblem } from "./problems.js";
export type { InputFile } from "./readTable.js";
export { apportion } from "./apportion.js";
export {
  STOP_COLUMNS,
  DEPOT_COLUMNS,
  CARE_BLOCK_COLUMNS,
  BUS_COLUMNS,
  DEMAND_COLUMNS,
  SCORE_COLUMNS,
} from "./columns.js";
export { DEFAULT_POINT_SPACING_KM, type DemandPolygonSettings } from "./demandPolygons.js";
export { formatJson } from "./formatJson.js";
