import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scenarioHash } from "@carebus/model";
import { tinyPlan, tinyScenario } from "../../../../packages/geo/test/tinyScenario.js";
import { DEFAULT_SCENARIO_PATH } from "../commandIo.js";
import { captured } from "../../test/runCommand.js";
import { run } from "./geojson.js";

const dir = mkdtempSync(join(tmpdir(), "carebus-geojson-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runCaptured = captured(run);

const scenario = tinyScenario();
const scenarioPath = join(dir, "scenario.json");
writeFileSync(scenarioPath, JSON.stringify(scenario));
const planPath = join(dir, "plan.json");
writeFileSync(planPath, JSON.stringify(tinyPlan(scenario, scenarioHash(scenario))));

describe("carebus geojson", () => {
  it("prints the plan's FeatureCollection when the scenario's hash matches", async () => {
    const out = await runCaptured([planPath, "--scenario", scenarioPath]);
    expect(out.code).toBe(0);
    const fc = JSON.parse(out.stdout) as { type: string; features: Array<{ properties: { kind: string } }> };
    expect(fc.type).toBe("FeatureCollection");
    expect(fc.features.map((f) => f.properties.kind)).toEqual(["stop", "stop", "depot", "route"]);
    expect(out.stderr).toBe("");
  });

  it("refuses a scenario whose hash differs from the plan's, with exit code 2", async () => {
    const other = join(dir, "other.json");
    writeFileSync(other, JSON.stringify({ ...scenario, name: "changed" }));
    const out = await runCaptured([planPath, "--scenario", other]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--scenario: .*other\.json .* is not the scenario of plan/);
    expect(out.stdout).toBe("");
  });

  it("checks the plan against the bundled Bogotá scenario when --scenario is absent", async () => {
    const out = await runCaptured([planPath]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(DEFAULT_SCENARIO_PATH);
  });

  it("reports a missing file, bad JSON and bad arguments with exit code 2", async () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{");
    for (const args of [[join(dir, "nope.json")], [bad], [], [planPath, "extra.json"], [planPath, "--colour"]]) {
      const out = await runCaptured(args);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/^carebus geojson: /);
    }
  });
});
