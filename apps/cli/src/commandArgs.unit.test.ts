/**
 * The one argument parser every command uses (commandArgs.ts over commandSpecs.ts): --help
 * prints the spec's help, and a bad command line gets the tool's own message, the command's
 * usage line and exit 2, the same way in every command.
 */
import { describe, expect, it } from "vitest";
import { captured, SMALL, type CommandRun } from "../test/runCommand.js";
import { usageLine } from "./commandArgs.js";
import { COMMAND_SPECS, commandHelp } from "./commandSpecs.js";
import { run as diff } from "./commands/diff.js";
import { run as exportPlan } from "./commands/export.js";
import { run as exportScenario } from "./commands/export-scenario.js";
import { run as geojson } from "./commands/geojson.js";
import { run as importScenario } from "./commands/import.js";
import { run as solve } from "./commands/solve.js";
import { run as validate } from "./commands/validate.js";

const IN_PROCESS: Record<string, CommandRun> = {
  validate,
  solve,
  diff,
  export: exportPlan,
  geojson,
  import: importScenario,
  "export-scenario": exportScenario,
};

/** What a usage error of `command` prints: the message, then the command's usage line. */
const usageError = (command: string, message: string) =>
  `carebus ${command}: ${message}\n${usageLine(COMMAND_SPECS[command]!)}\n`;

describe("the commands' shared argument parser", () => {
  it.each(Object.keys(IN_PROCESS))("%s --help prints every option of its spec and exits 0", async (name) => {
    const result = await captured(IN_PROCESS[name]!)(["--help"]);
    expect(result).toEqual({ code: 0, stdout: commandHelp(COMMAND_SPECS[name]!), stderr: "" });
    for (const option of COMMAND_SPECS[name]!.options) expect(result.stdout).toContain(`--${option.name}`);
  });

  it.each(Object.keys(IN_PROCESS))("%s names an unknown option and its help, exit 2", async (name) => {
    const result = await captured(IN_PROCESS[name]!)(["--bogus"]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: usageError(name, `unknown option --bogus (see carebus ${name} --help)`),
    });
  });

  it("validate: its own messages for a value given to a flag, file counts and --schema", async () => {
    const run = captured(validate);
    expect((await run(["--schema=plan"])).stderr).toBe(usageError("validate", "--schema takes no value"));
    expect((await run([])).stderr).toBe(usageError("validate", "expected exactly one file, got 0"));
    expect((await run([SMALL, SMALL])).stderr).toBe(usageError("validate", "expected exactly one file, got 2"));
    const schema = await run(["--schema", "timetable"]);
    expect(schema).toEqual({
      code: 2,
      stdout: "",
      stderr: usageError("validate", '--schema takes "scenario" or "plan", got "timetable"'),
    });
  });

  it("geojson: a missing value, a value that looks like an option, and file counts", async () => {
    const run = captured(geojson);
    expect((await run(["plan.json", "--scenario"])).stderr).toBe(usageError("geojson", "--scenario needs a value"));
    // "-odd.json" is the value of --scenario, not an option: the file is then looked for
    const dashed = await run(["nope.json", "--scenario", "-odd.json"]);
    expect(dashed.code).toBe(2);
    expect(dashed.stderr).toBe("carebus geojson: cannot read plan nope.json: no such file\n");
    expect((await run(["a.json", "b.json"])).stderr).toBe(
      usageError("geojson", "expected exactly one plan file, got 2"),
    );
  });

  it("import and export-scenario: required options and stray arguments", async () => {
    expect((await captured(importScenario)(["--stops", "s.csv"])).stderr).toBe(
      usageError("import", "--demand required"),
    );
    expect((await captured(importScenario)(["stops.csv"])).stderr).toBe(
      usageError("import", 'unexpected argument "stops.csv"'),
    );
    expect((await captured(exportScenario)([SMALL])).stderr).toBe(
      usageError("export-scenario", "--out-dir is required: the folder to write the files in"),
    );
  });

  it("shares each common option's definition between commands", () => {
    const option = (command: string, name: string) => COMMAND_SPECS[command]!.options.find((o) => o.name === name);
    expect(option("export", "scenario")).toBe(option("geojson", "scenario"));
    expect(option("serve", "scenario")).toMatchObject({ value: "FILE", default: "data/bogota/scenario.json" });
    for (const command of ["solve", "export", "import"])
      expect(option(command, "out")).toMatchObject({ value: "FILE", default: "stdout" });
    expect(option("solve", "lang")?.default).toBe("the scenario's locale, else es");
    expect(option("export", "lang")?.default).toBe("es");
    for (const spec of Object.values(COMMAND_SPECS)) expect(spec.options.at(-1)?.name).toBe("help");
  });
});
