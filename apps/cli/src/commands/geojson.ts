/**
 * `carebus geojson <plan.json> [--scenario scenario.json]`: prints a plan as one GeoJSON
 * FeatureCollection (stops visited or not with their coverage, depots, one line per bus-day)
 * for any map tool. A plan names its scenario only by id and hash, so the scenario comes from
 * --scenario or, by default, the bundled data/bogota/scenario.json; its hash must match.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CarebusError, parsePlan, parseScenario, scenarioHash, type Plan, type Scenario } from "@carebus/model";
import { GeoError, planToGeoJson } from "@carebus/geo";
import type { CommandIo } from "./validate.js";

const PROCESS_IO: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const USAGE = "usage: carebus geojson <plan.json> [--scenario scenario.json] [--pretty]";

/** The bundled scenario, found from this file's place in the repository (src/ or dist/). */
export const DEFAULT_SCENARIO_PATH = fileURLToPath(new URL("../../../../data/bogota/scenario.json", import.meta.url));

class InputError extends Error {}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new InputError(`cannot read ${what} ${path}: ${reason}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} ${path} is not valid JSON: ${(error as Error).message}`);
  }
}

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
    const plan: Plan = parsePlan(await readJson(planPath, "plan"));
    const scenarioPath = values.scenario ?? DEFAULT_SCENARIO_PATH;
    const scenario: Scenario = parseScenario(await readJson(scenarioPath, "scenario"));
    const hash = scenarioHash(scenario);
    if (hash !== plan.scenario.hash) {
      throw new InputError(
        `--scenario: ${scenarioPath} (id ${scenario.id}, hash ${hash.slice(0, 12)}…) is not the scenario of plan ${planPath} ` +
          `(id ${plan.scenario.id}, hash ${plan.scenario.hash.slice(0, 12)}…); pass the scenario the plan was made from`,
      );
    }
    const collection = planToGeoJson(plan, scenario);
    io.stdout(`${values.pretty ? JSON.stringify(collection, null, 2) : JSON.stringify(collection)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
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
