/**
 * `carebus geojson <plan.json> [--scenario scenario.json]`: prints a plan as one GeoJSON
 * FeatureCollection (stops visited or not with their coverage, depots, one line per bus-day)
 * for any map tool. A plan names its scenario only by id and hash, so the scenario comes from
 * --scenario or, by default, the bundled data/bogota/scenario.json; its hash must match.
 */
import { CarebusError } from "@carebus/model";
import { GeoError, planToGeoJson } from "@carebus/geo";
import {
  DEFAULT_SCENARIO_PATH,
  InputFileError,
  PROCESS_IO,
  readPlanAndScenario,
  type CommandIo,
} from "../commandIo.js";
import { exactPositionals, readCommandArgs, stringValue } from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";

const SPEC = COMMAND_SPECS.geojson!;

/**
 * Runs `carebus geojson`.
 * @returns 0 with the FeatureCollection on stdout; 2 for bad arguments, files, or a scenario
 *   that does not match the plan; 3 when geography fails; 1 otherwise
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const read = readCommandArgs(SPEC, args, io, (parsed) => ({
    planPath: exactPositionals(parsed, 1, "plan file")[0]!,
    scenarioPath: stringValue(parsed, "scenario") ?? DEFAULT_SCENARIO_PATH,
    pretty: parsed.values.pretty === true,
  }));
  if ("exitCode" in read) return read.exitCode;
  const { planPath, scenarioPath, pretty } = read.args;
  try {
    const { plan, scenario } = await readPlanAndScenario(planPath, scenarioPath);
    const collection = planToGeoJson(plan, scenario);
    io.stdout(`${pretty ? JSON.stringify(collection, null, 2) : JSON.stringify(collection)}\n`);
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
