/**
 * `carebus diff`: a plan against itself reports no change; against a copy whose one bus-day
 * was handed to another bus, exactly that bus-day's visits moved (worked out from the file).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plan } from "@carebus/model";
import { run as solve } from "./solve.js";
import { run } from "./diff.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const SMALL = join(ROOT, "data/examples/small.json");

let dir: string;
let planFile: string;
let plan: Plan;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "carebus-diff-"));
  planFile = join(dir, "a.json");
  const quiet = { stdout: () => {}, stderr: () => {} };
  expect(await solve([SMALL, "--iterations", "100", "--seed", "4", "--out", planFile], quiet)).toBe(0);
  plan = JSON.parse(await readFile(planFile, "utf8"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runCaptured(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("carebus diff", () => {
  it("reports no change between a plan and itself", async () => {
    const text = await runCaptured([planFile, planFile]);
    expect(text).toEqual({ code: 0, stdout: "the plans are the same: no visit moved, same totals\n", stderr: "" });
    const json = JSON.parse((await runCaptured([planFile, planFile, "--json"])).stdout);
    expect(json.same).toBe(true);
    expect(json.moves).toEqual([]);
    expect(json.value.delta).toBe(0);
  });

  it("lists exactly the visits of a bus-day handed to another bus as moved, same day and time", async () => {
    const route = plan.routes[0]!;
    const other = { ...plan, routes: plan.routes.map((r, i) => (i === 0 ? { ...r, busId: "bus-spare" } : r)) };
    const otherFile = join(dir, "b.json");
    await writeFile(otherFile, JSON.stringify(other));
    const diff = JSON.parse((await runCaptured([planFile, otherFile, "--json"])).stdout);
    const expected = route.visits
      .map((v) => ({
        stopId: v.stopId,
        from: { busId: route.busId, date: route.date, start: v.serviceStart.slice(11, 16) },
        to: { busId: "bus-spare", date: route.date, start: v.serviceStart.slice(11, 16) },
      }))
      .sort((a, b) => a.stopId.localeCompare(b.stopId));
    expect(diff.moves).toEqual(expected);
    expect(diff.movedVisits).toBe(route.visits.length);
    expect(diff.stopsAdded).toEqual([]);
    expect(diff.stopsRemoved).toEqual([]);
    const text = (await runCaptured([planFile, otherFile])).stdout;
    const first = expected[0]!;
    expect(text).toContain(
      `  ${first.stopId}: ${route.busId} ${route.date} ${first.from.start} → bus-spare ${route.date} ${first.to.start}`,
    );
  });

  it("exits 2 with one file or an unreadable one", async () => {
    expect((await runCaptured([planFile])).code).toBe(2);
    const missing = await runCaptured([planFile, join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read plan .*nope\.json: no such file/);
  });
});
