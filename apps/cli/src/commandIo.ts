/**
 * What every command shares: where it writes (tests pass their own sinks) and how it reads a
 * JSON input file, so that a missing file and bad JSON read the same in every command.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parsePlan, parseScenario, scenarioHash, type Plan, type Scenario } from "@carebus/model";

/** Where a command writes. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The process's own streams. */
export const PROCESS_IO: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The bundled Bogotá scenario, the default scenario of the commands that read a plan (src/ or dist/). */
export const DEFAULT_SCENARIO_PATH = fileURLToPath(new URL("../../../data/bogota/scenario.json", import.meta.url));

/** An input file that cannot be used; its message names the file and says why. */
export class InputFileError extends Error {}

/**
 * Writes a command's output file (--out), creating its folder first: on a fresh clone
 * `--out .carebus/plan.json` names a folder that does not exist yet.
 * @returns null when written, else the message for the user: `--out: cannot write FILE: why`
 */
export async function writeOutFile(path: string, content: string | Uint8Array): Promise<string | null> {
  try {
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFile(path, content);
    return null;
  } catch (error) {
    return `--out: cannot write ${path}: ${(error as Error).message}`;
  }
}

/**
 * The parsed JSON content of `path`; `what` names it in messages ("plan", "scenario", or "").
 * @throws InputFileError when the file cannot be read or is not JSON
 */
export async function readJsonFile(path: string, what = ""): Promise<unknown> {
  const named = what ? `${what} ${path}` : path;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new InputFileError(`cannot read ${named}: ${reason}`);
  }
  if (text.trim() === "") throw new InputFileError(`${named}: the file is empty`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputFileError(`${named} is not valid JSON: ${await describeSyntaxError(text, error as Error)}`);
  }
}

/** Where and what the first JSON syntax error of `text` is: "line 3, column 14: comma expected". */
async function describeSyntaxError(text: string, error: Error): Promise<string> {
  // only a broken file pays for loading the locating parser
  const { parse, printParseErrorCode } = await import("jsonc-parser");
  const errors: import("jsonc-parser").ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (!first) return error.message;
  const before = text.slice(0, first.offset).split("\n");
  const what = printParseErrorCode(first.error);
  const words = what.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}: ${words}`;
}

/**
 * A plan and the scenario it was made from, read and validated.
 * @throws InputFileError when a file is unusable or the scenario is not the plan's (by hash);
 * PlanError / ScenarioError when one is invalid
 */
export async function readPlanAndScenario(
  planPath: string,
  scenarioPath: string,
): Promise<{ plan: Plan; scenario: Scenario }> {
  const plan = parsePlan(await readJsonFile(planPath, "plan"));
  const scenario = parseScenario(await readJsonFile(scenarioPath, "scenario"));
  const hash = scenarioHash(scenario);
  if (hash !== plan.scenario.hash) {
    throw new InputFileError(
      `--scenario: ${scenarioPath} (id ${scenario.id}, hash ${hash.slice(0, 12)}…) is not the scenario of plan ${planPath} ` +
        `(id ${plan.scenario.id}, hash ${plan.scenario.hash.slice(0, 12)}…); pass the scenario the plan was made from`,
    );
  }
  return { plan, scenario };
}
