/**
 * The built package as Node loads it (dist/carebus-model.js, the bundle, and the holiday
 * tables in dist/holidays/): the same answers as the source, and the bundled scenarios
 * validated without loading date-holidays (the start-up cost the tables exist to save).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { formatSummary, publicHolidays, summarizeScenario, validateScenario, type Scenario } from "../src/index.js";

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const SCENARIOS = ["bogota/scenario.json", "los-lagos/scenario.json", "examples/small.json"].map((f) =>
  fileURLToPath(new URL(`../../../data/${f}`, import.meta.url)),
);

/** What the built package answers, run in a fresh Node process that imports it by name. */
async function builtAnswers(code: string): Promise<Record<string, unknown>> {
  const script = `
    import { createRequire } from "node:module";
    import { readFileSync } from "node:fs";
    import * as model from "@carebus/model";
    const answers = {};
    ${code}
    answers.entry = import.meta.resolve("@carebus/model");
    answers.dateHolidaysLoaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes("date-holidays"));
    process.stdout.write(JSON.stringify(answers));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
    cwd: PACKAGE_DIR,
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe("the built @carebus/model", () => {
  it("validates and summarizes the bundled scenarios as the source does, without date-holidays", async () => {
    const built = await builtAnswers(`
      for (const file of ${JSON.stringify(SCENARIOS)}) {
        const scenario = JSON.parse(readFileSync(file, "utf8"));
        answers[file] = { issues: model.validateScenario(scenario), summary: model.formatSummary(model.summarizeScenario(scenario)) };
      }`);
    expect(built.entry).toMatch(/\/dist\/carebus-model\.js$/);
    for (const file of SCENARIOS) {
      const scenario = JSON.parse(readFileSync(file, "utf8")) as Scenario;
      expect(built[file]).toEqual({ issues: [], summary: formatSummary(summarizeScenario(scenario)) });
      expect(validateScenario(scenario)).toEqual([]);
    }
    expect(built.dateHolidaysLoaded).toBe(false);
  });

  it("falls back to date-holidays beyond its tables, with the same answer", async () => {
    const built = await builtAnswers(`
      answers.peru = model.publicHolidays("PE", 2026);
      answers.later = model.publicHolidays("CO", 2045);
      answers.unknown = model.holidayCodeProblem("CL-XX");`);
    expect(built.peru).toEqual(publicHolidays("PE", 2026));
    expect(built.later).toEqual(publicHolidays("CO", 2045));
    expect(built.unknown).toMatch(/no holiday calendar is known for subdivision XX of CL/);
    expect(built.dateHolidaysLoaded).toBe(true);
  });
});
