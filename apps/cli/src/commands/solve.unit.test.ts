/**
 * `carebus solve` as a user meets it: exit codes for bad flags, unreadable and invalid files,
 * and a plan written to --out with the summary on stdout (progress on stderr).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validatePlan } from "@carebus/model";
import { SMALL, captured } from "../../test/runCommand.js";
import { run } from "./solve.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "carebus-solve-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const runCaptured = captured(run);

describe("carebus solve", () => {
  it("writes a valid plan to --out (creating its folder) and prints the summary on stdout", async () => {
    const out = join(dir, "not-yet", "made", "plan.json"); // the folder is created, as on a fresh clone
    const { code, stdout, stderr } = await runCaptured([SMALL, "--iterations", "100", "--seed", "2", "--out", out]);
    expect(code).toBe(0);
    const plan = JSON.parse(await readFile(out, "utf8"));
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.stats.seed).toBe(2);
    expect(plan.stats.iterationLimit).toBe(100);
    // issue 12: Spanish by default (the scenario has no locale, so es-CO), people first
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^Cuidadoras alcanzadas: [\d.]+ personas distintas$/);
    expect(lines[1]).toMatch(/^Valor ponderado \(lo que el plan maximiza\): [\d.,]+$/);
    // the route bound proves many small plans optimal; otherwise the gap is stated
    expect(lines[2]).toMatch(
      /^Máximo posible: [\d.,]+; (a lo sumo [\d,]+\s?% por debajo del máximo posible|el plan es óptimo: ningún plan puede cubrir más)$/,
    );
    expect(stdout).toMatch(/^Paradas que quedaron por fuera: \d+/m);
    expect(stdout).not.toMatch(/fleet-time|search-stopped/);
    // a line per better plan or bound, in the summary's language
    expect(stderr).toMatch(
      /^valor [\d.,]+ {2}máximo posible \S+.* {2}(a lo sumo [\d,]+% por debajo|el plan es óptimo: ningún plan puede cubrir más|brecha desconocida) {2}[\d,]+ s {2}[\d.]+ iteraciones$/m,
    );
    expect(stderr).not.toMatch(/^value /m);
  });

  it("issue 12: speaks English with --lang en, and the scenario's locale decides otherwise", async () => {
    const en = await runCaptured([SMALL, "--iterations", "50", "--lang", "en", "--out", join(dir, "en.json")]);
    expect(en.code).toBe(0);
    expect(en.stdout.split("\n")[0]).toMatch(/^Caregivers reached: [\d,]+ distinct people$/);
    expect(en.stderr).toMatch(/^value [\d.,]+ {2}bound \S+.* {2}gap .* {2}[\d.]+ s {2}[\d,]+ iterations$/m);
    expect(en.stdout).toMatch(
      /^Maximum possible: [\d,.]+; (at most [\d.]+% below the maximum possible|the plan is optimal: no plan can cover more)$/m,
    );
    const scenario = JSON.parse(await readFile(SMALL, "utf8"));
    scenario.locale = "en-GB";
    const english = join(dir, "english.json");
    await writeFile(english, JSON.stringify(scenario));
    const byLocale = await runCaptured([english, "--iterations", "50", "--out", join(dir, "gb.json")]);
    expect(byLocale.stdout).toMatch(/^Caregivers reached: /);
  });

  it("names the priority bands in the summary's language", async () => {
    const scenario = JSON.parse(await readFile(SMALL, "utf8"));
    // a priority index from one indicator, spread so that every band has points
    scenario.demand.priority = { weights: { need: 1 }, minWeight: 1, maxWeight: 2 };
    scenario.demand.points = scenario.demand.points.map((p: object, i: number, all: object[]) => ({
      ...p,
      indicators: { need: i / Math.max(1, all.length - 1) },
    }));
    const withPriority = join(dir, "priority.json");
    await writeFile(withPriority, JSON.stringify(scenario));
    const es = await runCaptured([withPriority, "--iterations", "50", "--out", join(dir, "priority-plan.json")]);
    expect(es.code).toBe(0);
    expect(es.stdout).toMatch(
      /^Por banda de prioridad: Prioridad alta [\d.]+ de [\d.]+, Prioridad media [\d.]+ de [\d.]+, Prioridad baja [\d.]+ de [\d.]+$/m,
    );
    const en = await runCaptured([
      withPriority,
      "--iterations",
      "50",
      "--lang",
      "en",
      "--out",
      join(dir, "priority-en.json"),
    ]);
    expect(en.stdout).toMatch(/^By priority band: High priority [\d,]+ of [\d,]+, Medium priority /m);
  });

  it("prints the plan JSON on stdout and the summary on stderr without --out", async () => {
    const { code, stdout, stderr } = await runCaptured([SMALL, "--iterations", "50"]);
    expect(code).toBe(0);
    expect(validatePlan(JSON.parse(stdout))).toEqual([]);
    expect(stderr).toMatch(/^Cuidadoras alcanzadas/m);
  });

  it.each([
    [["--iterations", "1.5"], /--iterations must be a whole number/],
    [["--iterations=-3"], /--iterations must be a whole number/],
    [["--time-limit", "0"], /--time-limit must be a number greater than 0, got "0"/],
    [["--time-limit", "-5"], /--time-limit must be a number greater than 0, got "-5"/],
    [["--time-limit"], /--time-limit needs a value/],
    [["--pin", "u-bosa-01"], /--pin u-bosa-01: expected STOP@DATE or STOP@WEEKDAY/],
    [["--pin", "u-bosa-01@someday"], /"someday" is neither a date YYYY-MM-DD nor a weekday/],
    [["--exclude-bus", "bus-urbano@monday"], /--exclude-bus bus-urbano@monday: "monday" is not a date/],
    [["--seed", "x"], /--seed must be a whole number/],
    [["--directions", "fr"], /--directions must be es or en/],
    [["--lang", "fr"], /--lang must be es or en/],
    [["--bogus"], /unknown option --bogus \(see carebus solve --help\)/],
  ])("exits 2 on bad flags %j", async (flags, message) => {
    const { code, stderr } = await runCaptured([SMALL, ...flags]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("exits 2 on a missing file, invalid JSON and an invalid scenario, naming the paths", async () => {
    expect((await runCaptured([join(dir, "nope.json")])).code).toBe(2);
    const notJson = join(dir, "bad.json");
    await writeFile(notJson, "{");
    const badJson = await runCaptured([notJson]);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/not valid JSON: line 1, column 2: /);
    const empty = join(dir, "empty.json");
    await writeFile(empty, "\n");
    const emptyRun = await runCaptured([empty]);
    expect(emptyRun.code).toBe(2);
    expect(emptyRun.stderr).toMatch(/empty\.json: the file is empty/);
    const scenario = JSON.parse(await readFile(SMALL, "utf8"));
    scenario.stops[0].dwellMinutes = -5;
    const invalid = join(dir, "invalid.json");
    await writeFile(invalid, JSON.stringify(scenario));
    const result = await runCaptured([invalid]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^stops\[0\]\.dwellMinutes: /m);
  });
});

describe("carebus solve with a change set", () => {
  it("re-plans from --from with pins and an excluded bus-day, and says how many visits moved", async () => {
    const base = join(dir, "base.json");
    expect((await runCaptured([SMALL, "--iterations", "100", "--seed", "1", "--out", base])).code).toBe(0);
    const basePlan = JSON.parse(await readFile(base, "utf8"));
    // a bus-day the pins below do not need (urban stops pinned on Tuesday and Wednesday)
    const excluded = basePlan.routes.find(
      (r: { busId: string; date: string }) => r.date === "2026-11-30" || r.busId === "bus-rural",
    );
    const out = join(dir, "replanned.json");
    const { code, stdout } = await runCaptured([
      SMALL,
      ...["--iterations", "100", "--from", base, "--out", out],
      ...["--pin", "u-bosa-01@2026-12-02/bus-urbano", "--pin", "u-kennedy-01@tue"],
      ...["--exclude-bus", `${excluded.busId}@${excluded.date}`],
    ]);
    expect(code).toBe(0);
    const plan = JSON.parse(await readFile(out, "utf8"));
    expect(validatePlan(plan)).toEqual([]);
    const has = (stopId: string, date: string, busId?: string) =>
      plan.routes.some(
        (r: { busId: string; date: string; visits: Array<{ stopId: string }> }) =>
          r.date === date && (busId === undefined || r.busId === busId) && r.visits.some((v) => v.stopId === stopId),
      );
    expect(has("u-bosa-01", "2026-12-02", "bus-urbano")).toBe(true);
    expect(has("u-kennedy-01", "2026-12-01")).toBe(true);
    expect(
      plan.routes.some((r: { busId: string; date: string }) => r.busId === excluded.busId && r.date === excluded.date),
    ).toBe(false);
    expect(plan.stats.movedVisits).toBeGreaterThanOrEqual(excluded.visits.length);
    expect(stdout).toMatch(new RegExp(`^visitas movidas respecto al plan --from: ${plan.stats.movedVisits}$`, "m"));
  });

  it("names each bad pin or exclusion by the argument it came from, exit 2", async () => {
    const { code, stderr } = await runCaptured([
      SMALL,
      ...["--pin", "nowhere@2026-12-01", "--pin", "u-bosa-01@sun", "--exclude-stop", "ghost"],
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('carebus solve: --exclude-stop ghost: unknown stop "ghost"');
    expect(stderr).toContain('carebus solve: --pin nowhere@2026-12-01: unknown stop "nowhere"');
    expect(stderr).toContain("carebus solve: --pin u-bosa-01@sun: the horizon has no service date on sun");
  });
});
