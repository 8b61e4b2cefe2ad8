/**
 * `carebus geojson <plan.json> [--scenario scenario.json]`: prints a plan as one GeoJSON
 * FeatureCollection (stops visited or not with their coverage, depots, one line per bus-day)
 * for any map tool. A plan names its scenario only by id and hash, so the scenario comes from
 * --scenario or, by default, the bundled data/bogota/scenario.json; its hash must match.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CarebusError } from "@carebus/model";
import { GeoError, planToGeoJson } from "@carebus/geo";
import { InputFileError, PROCESS_IO, readPlanAndScenario, type CommandIo } from "../commandIo.js";

const USAGE = "usage: carebus geojson <plan.json> [--scenario scenario.json] [--pretty]";

/** The bundled scenario, found from this file's place in the repository (src/ or dist/). */
export const DEFAULT_SCENARIO_PATH = fileURLToPath(new URL("../../../../data/bogota/scenario.json", import.meta.url));

/**
 * Runs `carebus geojson`.
 * @returns 0 with the FeatureCollection on stdout; 2 for bad arguments, files, or a scenario
 *   that does not match the plan; 3 when geography fails; 1 otherwise
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  let values: { scenario?: string | undefined; pretty?: boolean | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { scenario: { type: "string" }, pretty: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    io.stderr(`carebus geojson: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const [planPath, ...extra] = positionals;
  if (planPath === undefined || extra.length > 0) {
    io.stderr(`carebus geojson: expected exactly one plan file, got ${positionals.length}\n${USAGE}\n`);
    return 2;
  }
  try {
    const { plan, scenario } = await readPlanAndScenario(planPath, values.scenario ?? DEFAULT_SCENARIO_PATH);
    const collection = planToGeoJson(plan, scenario);
    io.stdout(`${values.pretty ? JSON.stringify(collection, null, 2) : JSON.stringify(collection)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputFileError) {
      io.stderr(`carebus geojson: ${error.message}\n`);
      return 2;
    }
    if (error instanceof GeoError) {
      io.stderr(`carebus geojson: ${error.code}: ${error.message}\n`);
      return 3;
    }
    if (error instanceof CarebusError) {
      io.stderr(`carebus geojson: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
