/**
 * `carebus export <plan.json> [--scenario scenario.json] [--format csv|xlsx|pdf] [--out FILE]
 * [--lang es|en]`: a plan as a visit table (CSV, XLSX with a sheet per bus) or as driver
 * sheets (PDF, one page per bus-day), Spanish by default. The scenario supplies names,
 * neighbourhoods, services and places; its hash must match the plan's.
 */
import { CarebusError } from "@carebus/model";
import { EXPORT_LANGS, planToCsv, planToPdf, planToXlsx } from "@carebus/export";
import {
  DEFAULT_SCENARIO_PATH,
  InputFileError,
  PROCESS_IO,
  readPlanAndScenario,
  writeOutFile,
  type CommandIo,
} from "../commandIo.js";
import { UsageError, exactPositionals, oneOf, readCommandArgs, stringValue } from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";

const SPEC = COMMAND_SPECS.export!;
const FORMATS = ["csv", "xlsx", "pdf"] as const;

/**
 * Runs `carebus export`.
 * @returns 0 with the document written; 2 for bad arguments, files or a scenario not the plan's
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const read = readCommandArgs(SPEC, args, io, (parsed) => {
    const planPath = exactPositionals(parsed, 1, "plan file")[0]!;
    const out = stringValue(parsed, "out");
    if (out === "") throw new UsageError("--out needs a file name");
    return {
      planPath,
      scenario: stringValue(parsed, "scenario") ?? DEFAULT_SCENARIO_PATH,
      format: oneOf("format", stringValue(parsed, "format") ?? "csv", FORMATS),
      lang: oneOf("lang", stringValue(parsed, "lang") ?? "es", EXPORT_LANGS),
      ...(out !== undefined ? { out } : {}),
    };
  });
  if ("exitCode" in read) return read.exitCode;
  const options = read.args;
  let document: string | Buffer;
  try {
    const { plan, scenario } = await readPlanAndScenario(options.planPath, options.scenario);
    document =
      options.format === "csv"
        ? planToCsv(plan, scenario, options.lang)
        : options.format === "xlsx"
          ? await planToXlsx(plan, scenario, options.lang)
          : await planToPdf(plan, scenario, options.lang);
  } catch (error) {
    if (error instanceof InputFileError || error instanceof CarebusError) {
      io.stderr(`carebus export: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.out === undefined) {
    if (typeof document === "string") io.stdout(document);
    else process.stdout.write(document);
    return 0;
  }
  const failed = await writeOutFile(options.out, document);
  if (failed) {
    io.stderr(`carebus export: ${failed}\n`);
    return 2;
  }
  io.stderr(`wrote ${options.out}\n`);
  return 0;
}
