/**
 * `carebus validate <file>`: checks a scenario (or a plan, told apart by its `format` field)
 * and prints either every problem, one `path: message` line each on stdout, or the short
 * summary of a valid scenario. `carebus validate --schema [scenario|plan]` prints the
 * published JSON Schema. Reading and parsing the file is the only work done here; the rules
 * live in @carebus/model.
 */
import { parseArgs } from "node:util";
import {
  PLAN_FORMAT,
  formatSummary,
  planJsonSchema,
  scenarioJsonSchema,
  summarizeScenario,
  validatePlan,
  validateScenario,
  type Issue,
  type Plan,
  type Scenario,
} from "@carebus/model";
import { InputFileError, PROCESS_IO, readJsonFile, type CommandIo } from "../commandIo.js";

export type { CommandIo } from "../commandIo.js";

const USAGE = "usage: carebus validate <scenario.json | plan.json>  |  carebus validate --schema [scenario|plan]";

/**
 * Runs `carebus validate`.
 * @returns 0 when the file is valid (or a schema was printed), 2 on any problem with the input
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  let parsed: ReturnType<typeof parseValidateArgs>;
  try {
    parsed = parseValidateArgs(args);
  } catch (error) {
    io.stderr(`carebus validate: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed.values.schema) return printSchema(parsed.positionals, io);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    io.stderr(`carebus validate: expected exactly one file, got ${parsed.positionals.length}\n${USAGE}\n`);
    return 2;
  }

  let value: unknown;
  try {
    value = await readJsonFile(file);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    io.stderr(`carebus validate: ${error.message}\n`);
    return 2;
  }

  const isPlan = typeof value === "object" && value !== null && (value as { format?: unknown }).format === PLAN_FORMAT;
  const issues: Issue[] = isPlan ? validatePlan(value) : validateScenario(value);
  if (issues.length > 0) {
    io.stdout(issues.map((i) => `${i.path}: ${i.message}\n`).join(""));
    io.stderr(`carebus validate: ${file}: ${issues.length} problem${issues.length === 1 ? "" : "s"} found\n`);
    return 2;
  }
  io.stdout(`${isPlan ? describePlan(value as Plan) : formatSummary(summarizeScenario(value as Scenario))}\n`);
  return 0;
}

function parseValidateArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { schema: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
}

function printSchema(positionals: readonly string[], io: CommandIo): number {
  const [which = "scenario", ...extra] = positionals;
  if (extra.length > 0 || (which !== "scenario" && which !== "plan")) {
    io.stderr(`carebus validate: --schema takes "scenario" or "plan", got ${JSON.stringify(positionals.join(" "))}\n`);
    return 2;
  }
  io.stdout(`${JSON.stringify(which === "plan" ? planJsonSchema : scenarioJsonSchema, null, 2)}\n`);
  return 0;
}

function describePlan(plan: Plan): string {
  const visits = plan.routes.reduce((n, r) => n + r.visits.length, 0);
  return `plan for scenario ${plan.scenario.id}: valid; ${plan.routes.length} routes, ${visits} visits, ${plan.unvisited.length} stops unvisited, value ${plan.stats.value}`;
}
