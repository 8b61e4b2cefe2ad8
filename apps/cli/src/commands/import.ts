/**
 * `carebus import --stops FILE --demand FILE [--care-blocks FILE] [--buses FILE] [--depots FILE]
 * [--settings FILE] [--out scenario.json]`: builds a scenario from a planner's CSV and GeoJSON
 * files with @carebus/import and writes it (to --out, else stdout). Every problem of every
 * file is printed at once as `file:line: column "x": message`, exit 2, and no file is written.
 */
import { readFile } from "node:fs/promises";
import { formatJson, formatProblem, ImportError, importScenario, type InputFile } from "@carebus/import";
import { PROCESS_IO, writeOutFile, type CommandIo } from "../commandIo.js";
import { UsageError, optionsOnly, readCommandArgs, stringValue } from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";

const SPEC = COMMAND_SPECS.import!;

const FILE_OPTIONS = ["stops", "demand", "care-blocks", "buses", "depots", "settings"] as const;

/**
 * Runs `carebus import`.
 * @returns 0 when the scenario was written, 2 on any problem with the input files
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const read = readCommandArgs(SPEC, args, io, (parsed) => {
    const values = Object.fromEntries(
      [...FILE_OPTIONS, "out"].map((name) => [name, stringValue(optionsOnly(parsed), name)]),
    );
    const missing = (["stops", "demand"] as const).filter((name) => values[name] === undefined);
    if (missing.length > 0) throw new UsageError(`${missing.map((m) => `--${m}`).join(" and ")} required`);
    return values;
  });
  if ("exitCode" in read) return read.exitCode;
  const values = read.args;
  const files: Partial<Record<(typeof FILE_OPTIONS)[number], InputFile>> = {};
  const unreadable: string[] = [];
  for (const name of FILE_OPTIONS) {
    const path = values[name];
    if (typeof path !== "string") continue;
    try {
      files[name] = { name: path, text: await readFile(path, "utf8") };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      unreadable.push(
        `${path}: cannot read --${name} file: ${code === "ENOENT" ? "no such file" : (error as Error).message}`,
      );
    }
  }
  if (unreadable.length > 0) {
    io.stderr(`${unreadable.join("\n")}\n`);
    return 2;
  }
  let text: string;
  try {
    const { "care-blocks": careBlocks, stops, demand, ...rest } = files;
    text = formatJson(
      importScenario({ stops: stops!, demand: demand!, ...rest, ...(careBlocks ? { careBlocks } : {}) }),
    );
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    io.stderr(
      `${error.problems.map(formatProblem).join("\n")}\ncarebus import: ${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} found; no scenario written\n`,
    );
    return 2;
  }
  if (typeof values.out === "string") {
    const failed = await writeOutFile(values.out, text);
    if (failed) {
      io.stderr(`carebus import: ${failed}\n`);
      return 2;
    }
    io.stdout(`scenario written to ${values.out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}
