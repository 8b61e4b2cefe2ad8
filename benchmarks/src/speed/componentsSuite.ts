/**
 * Components: micro-benchmarks (tinybench) of the pieces a plan is made of, each timed in
 * isolation so that a slowdown can be traced to its module: walking coverage, travel matrices
 * (straight-line estimate and road graph), construction and a fixed number of search
 * iterations, the independent checker, an iCalendar feed render, and the command line's
 * start-up (cold processes of `carebus --help` and `carebus validate`).
 *
 * Each component is guarded on its own: when one cannot run (its package not built yet, a
 * provider missing) it is recorded as skipped with the reason and the others still run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMetric, type Metric } from "../result.js";
import { SuiteSkipped, type Suite, type SuiteContext, type SuiteOutput } from "../suite.js";
import { defaultToptwDir } from "../quality/toptwSuite.js";
import { generateScenario } from "./generateScenario.js";
import { generateGridNetwork, gridBounds } from "./generateGridNetwork.js";
import { measure } from "./measure.js";
import { cliStartupCases, measureCliStartup } from "./cliStartup.js";

/** Sizes of the component inputs, full and quick. */
export function componentSizes(quick: boolean) {
  return quick
    ? {
        coverageStops: 400,
        coveragePoints: 20_000,
        estimatePlaces: 500,
        gridSide: 100,
        gridPlaces: 100,
        solveIterations: 100,
        heavyRepeats: 2,
      }
    : {
        coverageStops: 400,
        coveragePoints: 200_000,
        estimatePlaces: 500,
        gridSide: 317,
        gridPlaces: 500,
        solveIterations: 1000,
        heavyRepeats: 5,
      };
}

interface ComponentStatus {
  name: string;
  status: "ok" | "skipped";
  reason?: string;
}

async function runComponents(context: SuiteContext): Promise<SuiteOutput> {
  const sizes = componentSizes(context.quick);
  const metrics: Metric[] = [];
  const statuses: ComponentStatus[] = [];
  const geo = await import("@carebus/geo");
  const solver = await import("@carebus/solver");
  const planner = await import("@carebus/planner");

  const guarded = async (name: string, body: () => Promise<void>) => {
    context.log(`components: ${name}`);
    try {
      await body();
      statuses.push({ name, status: "ok" });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      statuses.push({ name, status: "skipped", reason });
      context.log(`  skipped: ${reason}`);
    }
  };

  await guarded("cli-startup", async () => {
    const cases = cliStartupCases(context.repoRoot);
    const main = cases[1]!.args[0]!;
    if (!existsSync(main)) throw new Error(`${main} is not built`);
    const figures = measureCliStartup(cases, context.quick ? 5 : 15);
    const load = `load average ${figures.loadBefore[0]!.toFixed(2)} → ${figures.loadAfter[0]!.toFixed(2)}`;
    for (const c of cases) {
      metrics.push(
        createMetric(
          {
            id: `components/cli-startup/${c.name}`,
            suite: "components",
            unit: "ms",
            better: "lower",
            budget: "time",
            note: `${c.note}; cold processes, interleaved; ${load}`,
          },
          figures.samples[c.name]!,
        ),
      );
    }
  });

  await guarded("coverage", async () => {
    const scenario = generateScenario(
      { stops: sizes.coverageStops, points: sizes.coveragePoints },
      solver.createRng(11),
    );
    metrics.push(
      await measure(
        `components/coverage/${sizes.coverageStops}x${sizes.coveragePoints}`,
        "components",
        () => geo.computeCoverage(scenario),
        { iterations: sizes.heavyRepeats, note: "computeCoverage: stops × demand points" },
      ),
    );
  });

  await guarded("matrix-estimate", async () => {
    const scenario = generateScenario({ stops: sizes.estimatePlaces, points: 1 }, solver.createRng(12));
    const places = scenario.stops.map((s) => ({ lat: s.lat, lon: s.lon }));
    const provider = geo.createTravelProvider({ provider: "estimate" });
    metrics.push(
      await measure(`components/matrix-estimate/${places.length}`, "components", () => provider.matrix(places), {
        iterations: 5,
        timeMs: 1000,
        note: "estimate provider, n × n",
      }),
    );
  });

  await guarded("matrix-road-graph", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "carebus-bench-"));
    try {
      const grid = { side: sizes.gridSide };
      writeFileSync(path.join(dir, "grid.geojson"), JSON.stringify(generateGridNetwork(grid)));
      const box = gridBounds(grid);
      const rng = solver.createRng(13);
      const places = Array.from({ length: sizes.gridPlaces }, () => ({
        lat: box.latMin + (box.latMax - box.latMin) * rng.next(),
        lon: box.lonMin + (box.lonMax - box.lonMin) * rng.next(),
      }));
      const settings = { provider: "road-graph" as const, file: "grid.geojson" };
      const nodes = sizes.gridSide * sizes.gridSide;
      metrics.push(
        await measure(
          `components/road-graph-load+matrix/${nodes}n-${places.length}`,
          "components",
          () => geo.createTravelProvider(settings, { baseDir: dir }).matrix(places),
          {
            iterations: Math.min(3, sizes.heavyRepeats),
            warmupIterations: 0,
            note: "new provider: read GeoJSON, build and compile graph, snap, n × n matrix",
          },
        ),
      );
      const provider = geo.createTravelProvider(settings, { baseDir: dir });
      await provider.matrix(places.slice(0, 2));
      metrics.push(
        await measure(
          `components/road-graph-matrix/${nodes}n-${places.length}`,
          "components",
          () => provider.matrix(places),
          { iterations: sizes.heavyRepeats, warmupIterations: 0, note: "loaded provider: n × n matrix only" },
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  await guarded("solve-toptw", async () => {
    const file = path.join(
      context.flags["toptw-dir"] ?? defaultToptwDir(context.repoRoot),
      "solomon-100-righini-salani",
      "c101.txt",
    );
    if (!existsSync(file)) throw new SuiteSkipped(`${file} not found`);
    const instance = solver.readToptw(readFileSync(file, "utf8"), { name: "c101", vehicles: 2, distance: "trunc1" });
    metrics.push(
      await measure(
        "components/construction/c101-m2",
        "components",
        () => solver.solve(instance, { seed: 1, iterationLimit: 0, timeLimitMs: 600_000 }),
        { iterations: 20, timeMs: 500, note: "solve with iterationLimit 0" },
      ),
    );
    metrics.push(
      await measure(
        `components/solve-iterations/c101-m2-i${sizes.solveIterations}`,
        "components",
        () => solver.solve(instance, { seed: 1, iterationLimit: sizes.solveIterations, timeLimitMs: 600_000 }),
        { iterations: 3, note: `${sizes.solveIterations} search iterations from scratch` },
      ),
    );
    const routes = solver.solve(instance, {
      seed: 1,
      iterationLimit: sizes.solveIterations,
      timeLimitMs: 600_000,
    }).routes;
    metrics.push(
      await measure("components/check-solution/c101-m2", "components", () => solver.checkSolution(instance, routes), {
        iterations: 100,
        timeMs: 500,
      }),
    );
  });

  const scenario = generateScenario({ stops: 200 }, solver.createRng(14));
  await guarded("solve-generated", async () => {
    const { instance } = await planner.prepareScenario(scenario);
    metrics.push(
      await measure(
        "components/construction/generated-200",
        "components",
        () => solver.solve(instance, { seed: 1, iterationLimit: 0, timeLimitMs: 600_000 }),
        { iterations: 5, timeMs: 500, note: "4 buses × 6 days" },
      ),
    );
    const iterations = Math.round(sizes.solveIterations / 5);
    metrics.push(
      await measure(
        `components/solve-iterations/generated-200-i${iterations}`,
        "components",
        () => solver.solve(instance, { seed: 1, iterationLimit: iterations, timeLimitMs: 600_000 }),
        { iterations: 3 },
      ),
    );
    const routes = solver.solve(instance, { seed: 1, iterationLimit: iterations, timeLimitMs: 600_000 }).routes;
    metrics.push(
      await measure(
        "components/check-solution/generated-200",
        "components",
        () => solver.checkSolution(instance, routes),
        { iterations: 50, timeMs: 500 },
      ),
    );
  });

  await guarded("feed-render", async () => {
    const solved = await planner.solveScenario(scenario, { seed: 1, iterationLimit: 20, timeLimitSeconds: 600 });
    const calendar = await import("@carebus/calendar");
    const source = { scenario, publications: [{ id: "p1", publishedAt: "2026-11-20T12:00:00.000Z", plan: solved }] };
    const busy = solved.routes.flatMap((r) => r.visits.map((v) => v.stopId))[0] ?? scenario.stops[0]!.id;
    metrics.push(
      await measure(
        "components/feed-render/stop",
        "components",
        () => calendar.buildStopCalendar(source, busy, { today: "2026-11-21" }),
        { iterations: 50, timeMs: 500, note: "one stop's iCalendar feed" },
      ),
    );
    metrics.push(
      await measure(
        "components/feed-render/bus",
        "components",
        () => calendar.buildBusCalendar(source, scenario.buses[0]!.id, { today: "2026-11-21" }),
        { iterations: 20, timeMs: 500, note: "one bus's feed" },
      ),
    );
  });

  if (statuses.every((s) => s.status === "skipped"))
    throw new SuiteSkipped(`every component skipped: ${statuses.map((s) => `${s.name}: ${s.reason}`).join("; ")}`);
  return { metrics, details: { sizes, statuses } };
}

/** The components suite. */
export const componentsSuite: Suite = {
  name: "components",
  description: "micro-benchmarks: coverage, travel matrices, construction, search iterations, checker, feed render",
  run: runComponents,
};
