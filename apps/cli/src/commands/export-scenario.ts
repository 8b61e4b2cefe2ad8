/**
 * `carebus export-scenario <scenario.json> --out-dir DIR`: writes a scenario as the files a
 * planner edits (stops.csv, depots.csv, buses.csv, demand.csv, care-blocks.csv, settings.json),
 * which `carebus import` turns back into the same scenario.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exportScenario, formatProblem, ImportError } from "@carebus/import";
import { validateScenario, type Scenario } from "@carebus/model";
import { InputFileError, PROCESS_IO, readJsonFile, type CommandIo } from "../commandIo.js";
import { UsageError, exactPositionals, readCommandArgs, stringValue } from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";

const SPEC = COMMAND_SPECS["export-scenario"]!;

/**
 * Runs `carebus export-scenario`.
 * @returns 0 when the files were written, 2 on a bad scenario or a value no file can hold
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const read = readCommandArgs(SPEC, args, io, (parsed) => {
    const file = exactPositionals(parsed, 1, "scenario file")[0]!;
    const outDir = stringValue(parsed, "out-dir");
    if (outDir === undefined) throw new UsageError("--out-dir is required: the folder to write the files in");
    return { file, outDir };
  });
  if ("exitCode" in read) return read.exitCode;
  const { file, outDir } = read.args;
  let value: unknown;
  try {
    value = await readJsonFile(file, "scenario");
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    io.stderr(`carebus export-scenario: ${error.message}\n`);
    return 2;
  }
  const issues = validateScenario(value);
  if (issues.length > 0) {
    io.stderr(
      `${issues.map((i) => `${file}: ${i.path}: ${i.message}`).join("\n")}\ncarebus export-scenario: the scenario is invalid; run carebus validate\n`,
    );
    return 2;
  }
  let files: Record<string, string>;
  try {
    files = exportScenario(value as Scenario);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.stderr(`${error.problems.map(formatProblem).join("\n")}\ncarebus export-scenario: nothing written\n`);
    return 2;
  }
  await mkdir(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(outDir, name), text);
  io.stdout(
    `${Object.keys(files)
      .map((name) => join(outDir, name))
      .join("\n")}\n`,
  );
  return 0;
}
