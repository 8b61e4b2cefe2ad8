/**
 * `carebus diff`: a plan against itself reports no change; against a copy whose one bus-day
 * was handed to another bus, exactly that bus-day's visits moved (worked out from the file).
 * The text is Spanish by default and English with --lang en.
 */
import { describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { captured, solvedSmallPlan } from "../../test/runCommand.js";
import { run } from "./diff.js";
import { formatCalendarDate } from "@carebus/model";

const solved = solvedSmallPlan("diff");
const runCaptured = captured(run);

describe("carebus diff", () => {
  it("reports no change between a plan and itself", async () => {
    const text = await runCaptured([solved.planFile, solved.planFile]);
    expect(text).toEqual({
      code: 0,
      stdout: "los planes son iguales: ninguna visita cambió y los totales coinciden\n",
      stderr: "",
    });
    const english = await runCaptured([solved.planFile, solved.planFile, "--lang", "en"]);
    expect(english.stdout).toBe("the plans are the same: no visit moved, same totals\n");
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
    const first = expected[0]!;
    // Spanish by default: the day as people say it, figures the Colombian way
    const text = (await runCaptured([planFile, otherFile])).stdout;
    const day = formatCalendarDate(route.date, "es-CO");
    expect(day).toMatch(/^(lun|mar|mié|jue|vie|sáb|dom) \d+ \w+/);
    expect(text).toContain(
      `  ${first.stopId}: ${route.busId} ${day} ${first.from.start} → bus-spare ${day} ${first.to.start}`,
    );
    expect(text).toMatch(/^visitas movidas \(\d+ del primer plan; — = ninguna\):$/m);
    expect(text).toMatch(/^cuidadoras alcanzadas +[\d.]+ → [\d.]+ \(0\)$/m);
    const english = (await runCaptured([planFile, otherFile, "--lang", "en"])).stdout;
    expect(english).toContain(
      `  ${first.stopId}: ${route.busId} ${route.date} ${first.from.start} → bus-spare ${route.date} ${first.to.start}`,
    );
    expect(english).toMatch(/^visits moved \(\d+ of the first plan's; — = none\):$/m);
  });

  it("exits 2 with one file or an unreadable one", async () => {
    const { planFile, dir } = solved;
    expect((await runCaptured([planFile])).code).toBe(2);
    const missing = await runCaptured([planFile, join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read plan .*nope\.json: no such file/);
    const badLang = await runCaptured([planFile, planFile, "--lang", "fr"]);
    expect(badLang.code).toBe(2);
    expect(badLang.stderr).toMatch(/--lang must be es or en, got "fr"/);
  });
});
