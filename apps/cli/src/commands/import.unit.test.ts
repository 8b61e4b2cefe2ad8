import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateScenario } from "@carebus/model";
import { run as runImport } from "./import.js";
import { run as runExport } from "./export-scenario.js";
import { ROOT, captured } from "../../test/runCommand.js";

const T = (name: string) => join(ROOT, "data/templates", name);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "carebus-import-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const templateArgs = (demand: string) => [
  "--stops",
  T("paradas.csv"),
  "--demand",
  T(demand),
  "--depots",
  T("bases.csv"),
  "--buses",
  T("buses.csv"),
  "--care-blocks",
  T("manzanas.csv"),
  "--settings",
  T("ajustes.json"),
];

describe("carebus import and export-scenario (issue 14)", () => {
  it("writes a valid scenario from the templates", async () => {
    const out = join(dir, "scenario.json");
    const { code, stderr } = await captured(runImport)([...templateArgs("demanda-poligonos.geojson"), "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(validateScenario(JSON.parse(await readFile(out, "utf8")))).toEqual([]);
  });

  it("says why it cannot write --out, exit 2", async () => {
    const inFile = join(ROOT, "data/templates/paradas.csv", "scenario.json"); // a file is not a folder
    const { code, stderr } = await captured(runImport)([...templateArgs("demanda-poligonos.geojson"), "--out", inFile]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^carebus import: --out: cannot write .*paradas\.csv\/scenario\.json: /);
  });

  it("prints every problem as file:line: column, exits 2 and writes nothing", async () => {
    const stops = join(dir, "broken.csv");
    await writeFile(
      stops,
      "id;nombre;latitud;longitud;zona;comuna;tipos_bus;ventanas;permanencia_min\na;Uno;x;-72,9;urbana;PM;urbano;10:00-16:00;60\nb;Dos;-41,4;-72,9;lunar;PM;urbano;10:00-16:00;60\n",
    );
    const out = join(dir, "never.json");
    const args = templateArgs("demanda.csv");
    args[1] = stops;
    const { code, stderr } = await captured(runImport)([...args, "--out", out]);
    expect(code).toBe(2);
    expect(stderr.split("\n").slice(0, 2)).toEqual([
      `${stops}:2: column "latitud": expected a number, got "x"`,
      `${stops}:3: column "zona": expected urban or rural (urbana, rural), got "lunar"`,
    ]);
    expect(stderr).toMatch(/2 problems found; no scenario written/);
    expect(existsSync(out)).toBe(false);
  });

  it("exports the small example to files that import back to the same scenario", async () => {
    const outDir = join(dir, "exported");
    const source = join(ROOT, "data/examples/small.json");
    expect((await captured(runExport)([source, "--out-dir", outDir])).code).toBe(0);
    const back = join(dir, "back.json");
    const f = (n: string) => join(outDir, n);
    const args = [
      "--stops",
      f("stops.csv"),
      "--demand",
      f("demand.csv"),
      "--depots",
      f("depots.csv"),
      "--buses",
      f("buses.csv"),
      "--settings",
      f("settings.json"),
    ];
    if (existsSync(f("care-blocks.csv"))) args.push("--care-blocks", f("care-blocks.csv"));
    const imported = await captured(runImport)([...args, "--out", back]);
    expect(imported.stderr).toBe("");
    expect(JSON.parse(await readFile(back, "utf8"))).toEqual(JSON.parse(await readFile(source, "utf8")));
  });

  it("refuses an invalid scenario with exit 2", async () => {
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ format: "carebus-scenario" }));
    const { code, stderr } = await captured(runExport)([bad, "--out-dir", join(dir, "x")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/the scenario is invalid/);
  });
});
