/**
 * The settings file: what a spreadsheet does not hold — the scenario's id and name, locale,
 * horizon (dates, time zone, holiday calendar), walking coverage, priority index, travel and
 * solve options, how polygons become points, and, for small fleets, the depots and buses
 * themselves. It is JSON; problems name the field and the line it is on.
 */
import type { ImportProblem } from "./problems.js";
import { type InputFile, jsonErrorLine } from "./readTable.js";
import type { DemandPolygonSettings } from "./demandPolygons.js";

/** The settings a file may give. Values are checked by the scenario's validation after assembly. */
export interface ScenarioSettings {
  id?: string;
  name?: string;
  description?: string;
  locale?: string;
  horizon?: unknown;
  travel?: unknown;
  options?: unknown;
  /** becomes demand.coverage */
  coverage?: unknown;
  /** becomes demand.priority */
  priority?: unknown;
  demandPolygons?: DemandPolygonSettings;
  depots?: unknown[];
  buses?: unknown[];
}

/** Every field a settings file may have, in the order `exportScenario` writes them. */
export const SETTINGS_FIELDS = [
  "id",
  "name",
  "description",
  "locale",
  "horizon",
  "coverage",
  "priority",
  "demandPolygons",
  "travel",
  "options",
  "depots",
  "buses",
] as const;

/** The settings of `file`; problems are appended (bad JSON, unknown fields, wrong shapes). */
export function readSettings(file: InputFile, problems: ImportProblem[]): ScenarioSettings {
  const text = file.text.replace(/^\uFEFF/, "");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    problems.push({
      file: file.name,
      line: jsonErrorLine(text, error),
      message: `not valid JSON: ${(error as Error).message}`,
    });
    return {};
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push({ file: file.name, line: 1, message: "expected a JSON object of settings" });
    return {};
  }
  const settings = value as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (key === "format" || key === "version") continue;
    if (!(SETTINGS_FIELDS as readonly string[]).includes(key)) {
      problems.push({
        file: file.name,
        line: fieldLine(text, key),
        column: key,
        columnKind: "field",
        message: `unknown setting; known: ${SETTINGS_FIELDS.join(", ")}`,
      });
    }
  }
  for (const key of ["depots", "buses"] as const) {
    if (settings[key] !== undefined && !Array.isArray(settings[key])) {
      problems.push({
        file: file.name,
        line: fieldLine(text, key),
        column: key,
        columnKind: "field",
        message: "must be a list",
      });
    }
  }
  const polygons = settings.demandPolygons as Record<string, unknown> | undefined;
  if (polygons !== undefined) {
    for (const [key, v] of Object.entries(polygons)) {
      const known = key === "caregiversPerInhabitant" || key === "pointSpacingKm";
      if (!known || typeof v !== "number" || !(v > 0)) {
        problems.push({
          file: file.name,
          line: fieldLine(text, `demandPolygons.${key}`),
          column: `demandPolygons.${key}`,
          columnKind: "field",
          message: known
            ? "must be a number above 0"
            : "unknown setting; known: caregiversPerInhabitant, pointSpacingKm",
        });
      }
    }
  }
  const { format: _f, version: _v, ...rest } = settings;
  return rest as ScenarioSettings;
}

/**
 * The 1-based line of a field such as `horizon.startDate` or `buses[2].shift`: each name is
 * looked for as a JSON key after the previous one (list indices are skipped), which finds the
 * field in any ordinary settings file.
 */
export function fieldLine(text: string, path: string): number {
  let at = 0;
  for (const name of path.split(/[.[\]]+/).filter((part) => part !== "" && !/^\d+$/.test(part))) {
    const found = text.indexOf(`${JSON.stringify(name)}`, at);
    if (found < 0) break;
    at = found;
  }
  return text.slice(0, at).split("\n").length;
}
