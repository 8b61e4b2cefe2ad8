/**
 * `carebus geojson <plan.json> [--scenario scenario.json]`: prints a plan as one GeoJSON
 * FeatureCollection (stops visited or not with their coverage, depots, one line per bus-day)
 * for any map tool. A plan names its scenario only by id and hash, so the scenario comes from
 * --scenario or, by default, the bundled data/bogota/scenario.json; its hash must match.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CarebusError, parsePlan, parseScenario, scenarioHash, type Plan, type Scenario } from "@carebus/model";
import { GeoError, planToGeoJson } from "@carebus/geo";
import { InputFileError, PROCESS_IO, readJsonFile, type CommandIo } from "../commandIo.js";

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
    const plan: Plan = parsePlan(await readJsonFile(planPath, "plan"));
    const scenarioPath = values.scenario ?? DEFAULT_SCENARIO_PATH;
    const scenario: Scenario = parseScenario(await readJsonFile(scenarioPath, "scenario"));
    const hash = scenarioHash(scenario);
    if (hash !== plan.scenario.hash) {
      throw new InputFileError(
        `--scenario: ${scenarioPath} (id ${scenario.id}, hash ${hash.slice(0, 12)}…) is not the scenario of plan ${planPath} ` +
          `(id ${plan.scenario.id}, hash ${plan.scenario.hash.slice(0, 12)}…); pass the scenario the plan was made from`,
      );
    }
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
