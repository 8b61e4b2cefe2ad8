/**
 * `carebus diff`: a plan against itself reports no change; against a copy whose one bus-day
 * was handed to another bus, exactly that bus-day's visits moved (worked out from the file).
 */
import { describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { captured, solvedSmallPlan } from "../../test/runCommand.js";
import { run } from "./diff.js";

const solved = solvedSmallPlan("diff");
const runCaptured = captured(run);

describe("carebus diff", () => {
  it("reports no change between a plan and itself", async () => {
    const text = await runCaptured([solved.planFile, solved.planFile]);
    expect(text).toEqual({ code: 0, stdout: "the plans are the same: no visit moved, same totals\n", stderr: "" });
    const json = JSON.parse((await runCaptured([solved.planFile, solved.planFile, "--json"])).stdout);
    expect(json.same).toBe(true);
    expect(json.moves).toEqual([]);
    expect(json.value.delta).toBe(0);
  });

  it("lists exactly the visits of a bus-day handed to another bus as moved, same day and time", async () => {
    const { plan, planFile, dir } = solved;
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
    const { planFile, dir } = solved;
    expect((await runCaptured([planFile])).code).toBe(2);
    const missing = await runCaptured([planFile, join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read plan .*nope\.json: no such file/);
  });
});
