/**
 * `carebus export <plan.json> [--scenario scenario.json] [--format csv|xlsx|pdf] [--out FILE]
 * [--lang es|en]`: a plan as a visit table (CSV, XLSX with a sheet per bus) or as driver
 * sheets (PDF, one page per bus-day), Spanish by default. The scenario supplies names,
 * neighbourhoods, services and places; its hash must match the plan's.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CarebusError } from "@carebus/model";
import { EXPORT_LANGS, planToCsv, planToPdf, planToXlsx } from "@carebus/export";
import { InputFileError, PROCESS_IO, readPlanAndScenario, type CommandIo } from "../commandIo.js";
import { UsageError, oneOf, parseCommandArgs, stringValue } from "../commandArgs.js";
import { COMMAND_SPECS, commandHelp } from "../commandSpecs.js";

const SPEC = COMMAND_SPECS.export!;
const USAGE = "usage: carebus export <plan.json> [options]  (carebus export --help lists them)";
const FORMATS = ["csv", "xlsx", "pdf"] as const;
const DEFAULT_SCENARIO = fileURLToPath(new URL("../../../../data/bogota/scenario.json", import.meta.url));

/**
 * Runs `carebus export`.
 * @returns 0 with the document written; 2 for bad arguments, files or a scenario not the plan's
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  let options: {
    planPath: string;
    scenario: string;
    format: (typeof FORMATS)[number];
    out?: string;
    lang: "es" | "en";
  };
  try {
    const parsed = parseCommandArgs(SPEC, args);
    if (parsed.values.help) {
      io.stdout(commandHelp(SPEC));
      return 0;
    }
    if (parsed.positionals.length !== 1)
      throw new UsageError(`expected exactly one plan file, got ${parsed.positionals.length}`);
    const out = stringValue(parsed, "out");
    if (out === "") throw new UsageError("--out needs a file name");
    options = {
      planPath: parsed.positionals[0]!,
      scenario: stringValue(parsed, "scenario") ?? DEFAULT_SCENARIO,
      format: oneOf("format", stringValue(parsed, "format") ?? "csv", FORMATS),
      lang: oneOf("lang", stringValue(parsed, "lang") ?? "es", EXPORT_LANGS),
      ...(out !== undefined ? { out } : {}),
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`carebus export: ${error.message}\n${USAGE}\n`);
    return 2;
  }
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
  try {
    await mkdir(dirname(resolve(options.out)), { recursive: true });
    await writeFile(options.out, document);
  } catch (error) {
    io.stderr(`carebus export: --out: cannot write ${options.out}: ${(error as Error).message}\n`);
    return 2;
  }
  io.stderr(`wrote ${options.out}\n`);
  return 0;
}
