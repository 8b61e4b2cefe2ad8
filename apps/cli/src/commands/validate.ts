/**
 * `carebus validate <file>`: checks a scenario (or a plan, told apart by its `format` field)
 * and prints either every problem, one `path: message` line each on stdout, or the short
 * summary of a valid scenario. `carebus validate --schema [scenario|plan]` prints the
 * published JSON Schema. Reading and parsing the file is the only work done here; the rules
 * live in @carebus/model.
 */
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
import { UsageError, exactPositionals, readCommandArgs, type ParsedArgs } from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";

export type { CommandIo } from "../commandIo.js";

const SPEC = COMMAND_SPECS.validate!;
const SCHEMAS = ["scenario", "plan"] as const;

/** What to do: print a schema, or check a file. */
type ValidateArgs = { schema: (typeof SCHEMAS)[number] } | { file: string };

/**
 * Runs `carebus validate`.
 * @returns 0 when the file is valid (or a schema was printed), 2 on any problem with the input
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const read = readCommandArgs(SPEC, args, io, readValidateArgs);
  if ("exitCode" in read) return read.exitCode;
  if ("schema" in read.args) {
    io.stdout(`${JSON.stringify(read.args.schema === "plan" ? planJsonSchema : scenarioJsonSchema, null, 2)}\n`);
    return 0;
  }
  const file = read.args.file;

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

function readValidateArgs(parsed: ParsedArgs): ValidateArgs {
  if (!parsed.values.schema) return { file: exactPositionals(parsed, 1, "file")[0]! };
  const [schema = "scenario", ...extra] = parsed.positionals;
  if (extra.length > 0 || !(SCHEMAS as readonly string[]).includes(schema))
    throw new UsageError(`--schema takes "scenario" or "plan", got ${JSON.stringify(parsed.positionals.join(" "))}`);
  return { schema: schema as (typeof SCHEMAS)[number] };
}

function describePlan(plan: Plan): string {
  const visits = plan.routes.reduce((n, r) => n + r.visits.length, 0);
  return `plan for scenario ${plan.scenario.id}: valid; ${plan.routes.length} routes, ${visits} visits, ${plan.unvisited.length} stops unvisited, value ${plan.stats.value}`;
}
