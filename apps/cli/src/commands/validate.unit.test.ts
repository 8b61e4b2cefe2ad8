import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Scenario } from "@carebus/model";
import { ROOT, captured } from "../../test/runCommand.js";
import { run } from "./validate.js";

const FIXTURE = join(ROOT, "packages/model/test/fixtures/valid-small.json");
const PLAN_FIXTURE = join(ROOT, "packages/model/test/fixtures/valid-plan.json");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "carebus-validate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const runCaptured = captured(run);

async function writeScenario(name: string, change: (s: Scenario) => void): Promise<string> {
  const scenario = JSON.parse(await readFile(FIXTURE, "utf8"));
  change(scenario);
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(scenario));
  return file;
}

describe("carebus validate", () => {
  it("prints the summary of a valid scenario and exits 0", async () => {
    const { code, stdout, stderr } = await runCaptured([FIXTURE]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^scenario model-valid-small .*: valid\n/);
    expect(stdout).toMatch(/\nstops: 5 \(urban 3, rural 2\) in 5 localities\n/);
  });

  it("prints every problem as `path: message`, one per line, and exits 2", async () => {
    const file = await writeScenario("broken.json", (s) => {
      s.stops[1]!.timeWindows[0] = { start: "09:00", end: "07:00" };
      s.buses[1]!.depotId = "nowhere";
      s.depots[0]!.lat = 123;
    });
    const { code, stdout, stderr } = await runCaptured([file]);
    expect(code).toBe(2);
    expect(stdout.trimEnd().split("\n").sort()).toEqual([
      'buses[1].depotId: unknown depot "nowhere" (depots: depot-bosa)',
      "depots[0].lat: must be at most 90 (got 123)",
      "stops[1].timeWindows[0]: ends 07:00, before it starts 09:00",
    ]);
    expect(stderr).toMatch(/3 problems found/);
  });

  it("validates a plan file, told apart by its format", async () => {
    const { code, stdout } = await runCaptured([PLAN_FIXTURE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^plan for scenario model-valid-small: valid; 1 routes, 1 visits/);
  });

  it("says so in one line when the file is missing", async () => {
    const { code, stdout, stderr } = await runCaptured([join(dir, "absent.json")]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/cannot read .*absent\.json: no such file/);
  });

  it("says so in one line when the file is not JSON", async () => {
    const file = join(dir, "bad.json");
    await writeFile(file, '{"format": "carebus-scenario",');
    const { code, stderr } = await runCaptured([file]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/bad\.json is not valid JSON/);
  });

  it("wants exactly one file", async () => {
    expect((await runCaptured([])).code).toBe(2);
    expect((await runCaptured([FIXTURE, FIXTURE])).code).toBe(2);
    expect((await runCaptured(["--frobnicate", FIXTURE])).stderr).toMatch(/frobnicate/);
  });

  it("prints the scenario JSON Schema, or the plan's", async () => {
    const scenario = await runCaptured(["--schema"]);
    expect(scenario.code).toBe(0);
    expect(JSON.parse(scenario.stdout)).toMatchObject({ $id: "https://carebus.dev/schemas/scenario-v1.json" });
    const plan = await runCaptured(["--schema", "plan"]);
    expect(JSON.parse(plan.stdout)).toMatchObject({ $id: "https://carebus.dev/schemas/plan-v1.json" });
    expect((await runCaptured(["--schema", "timetable"])).code).toBe(2);
  });
});
