/**
 * One-off measurements quoted in README.md ("Figures"): coverage of 400 stops × 200,000 demand
 * points, and a 500 × 500 matrix on a 100k-node road grid. Not a benchmark suite (those live
 * in benchmarks/, which imports this package) and not a test: it asserts nothing.
 * Run: `pnpm exec tsx packages/geo/scripts/measureOnce.ts` (≈ 40 s on a busy 2-core machine).
 */
import { computeCoverage, RoadNetwork, type RoadWay } from "../src/index.js";
import { travelRows } from "../src/roadGraph/parallelTravelRows.js";
import { loadavg } from "node:os";
import type { Scenario } from "@carebus/model";
import { lcg } from "../test/lcg.js";

const rand = lcg(1);

async function measure<T>(label: string, run: () => T | Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `${label}: wall ${(performance.now() - wall).toFixed(0)} ms, cpu ${((used.user + used.system) / 1000).toFixed(0)} ms\n`,
  );
  return result;
}

// coverage: random points and stops over 39 × 22 km around Bogotá, 10 % rural
const inBox = () => ({ lat: 4.45 + rand() * 0.35, lon: -74.22 + rand() * 0.2 });
const points = Array.from({ length: 200_000 }, () => ({
  ...inBox(),
  caregivers: 1 + Math.floor(rand() * 50),
  locality: `L${Math.floor(rand() * 20)}`,
  zone: rand() < 0.1 ? "rural" : "urban",
}));
const stops = Array.from({ length: 400 }, (_, i) => ({ id: `s${i}`, ...inBox() }));
const careBlocks = Array.from({ length: 25 }, (_, i) => ({ id: `mc${i}`, name: "", ...inBox() }));
const coverage = {
  catchmentMinutes: { urban: 20, rural: 45 },
  walkingSpeedKmh: 4,
  detourFactor: 1.3,
  visitValues: [1],
  careBlockDiscount: 0.5,
};
// only the fields computeCoverage reads
const scenario = { stops, demand: { kind: "points", points, careBlocks, coverage } } as unknown as Scenario;
for (let round = 1; round <= 3; round++)
  await measure(`computeCoverage 400 stops × 200,000 points (round ${round})`, () => computeCoverage(scenario));

// road graph: a 317 × 317 grid of 100 m blocks (100,489 nodes), some one-way streets
const N = 317;
const STEP = 0.0009;
const ways: RoadWay[] = [];
for (let i = 0; i < N; i++) {
  const along = (k: number): [number, number] => [-74.2 + k * STEP, 4.4 + i * STEP];
  const across = (k: number): [number, number] => [-74.2 + i * STEP, 4.4 + k * STEP];
  ways.push({
    coordinates: Array.from({ length: N }, (_, k) => along(k)),
    name: `Calle ${i}`,
    highway: "residential",
    oneway: i % 7 === 0 ? 1 : 0,
    roundabout: false,
  });
  ways.push({
    coordinates: Array.from({ length: N }, (_, k) => across(k)),
    name: `Carrera ${i}`,
    highway: i % 10 === 0 ? "primary" : "residential",
    oneway: i % 9 === 0 ? -1 : 0,
    roundabout: false,
  });
}
const network = await measure(
  "RoadNetwork build (graphology, CSR, components, node index)",
  () => new RoadNetwork(ways),
);
process.stdout.write(`graph: ${network.graph.nodeCount} nodes, ${network.graph.edgeCount} edges\n`);
const places = Array.from({ length: 500 }, () => ({
  lat: 4.4 + rand() * (N - 1) * STEP,
  lon: -74.2 + rand() * (N - 1) * STEP,
}));
for (let round = 1; round <= 3; round++) {
  const matrix = await measure(`500 × 500 matrix (round ${round})`, () => network.matrix(places));
  if (round === 1) process.stdout.write(`unreachable pairs: ${matrix.unreachable.length}\n`);
}
// the same searches on the calling thread alone, to tell the search's speed from the threads'
const targets = Int32Array.from(network.snap(places), (s) => s.node);
const sources = Int32Array.from(new Set(targets));
await measure(`${sources.length} × 500 rows, one thread`, () => travelRows(network.graph, sources, targets, 1));
process.stdout.write(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}\n`,
);
