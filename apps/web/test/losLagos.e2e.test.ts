/**
 * Issue 14, end to end: the Los Lagos scenario (moved to the weeks around Chile's April 2027
 * clock change, so its visits lie in the future) stored, solved with a seed and an iteration
 * limit, and published on the real server; Debian's chromium then reads the community page
 * (Chilean date format, 10:00 on both sides of the change) and the planner page (priority
 * index layer and caregivers by priority band). Skipped only when no chromium is installed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan, Scenario } from "@carebus/model";
import { canvasInk, haveChromium, repoRoot, servePages } from "./pagesServer.js";

function losLagos(): Scenario {
  const scenario = JSON.parse(readFileSync(join(repoRoot, "data/los-lagos/scenario.json"), "utf8")) as Scenario;
  // Monday 29 March 2027: the clocks go back on Sunday 4 April 2027
  return { ...scenario, id: "los-lagos-e2e", horizon: { ...scenario.horizon, startDate: "2027-03-29" } };
}

describe.skipIf(!haveChromium)("Los Lagos on the pages (issue 14)", () => {
  const server = servePages("los-lagos");
  let plan: Plan;

  beforeAll(async () => {
    ({ plan } = await server.solveAndPublish(losLagos()));
  });

  it("community page writes a stop's visits in Chilean dates, at 10:00 before and after the change", async () => {
    const stopId = ["osorno-norte", "osorno-este", "osorno-sur", "osorno-oeste", "osorno"].find((id) =>
      plan.routes.some((r) => r.date > "2027-04-04" && r.visits.some((v) => v.stopId === id)),
    )!;
    const page = await (await server.browser.newContext({ locale: "es-CL" })).newPage();
    await page.goto(`${server.base}/community?stop=${stopId}`);
    const times = page.locator("#next-visits time");
    await times.first().waitFor();
    const shown = await times.evaluateAll((els) => els.map((e) => [e.getAttribute("datetime")!, e.textContent!]));
    const chilean = new Intl.DateTimeFormat("es-CL", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    for (const [date, text] of shown) expect(text).toBe(chilean.format(Date.parse(`${date}T00:00:00Z`)));
    expect(shown.some(([date]) => date! > "2027-04-04")).toBe(true);
    const hours = await page.locator("#next-visits .visit-hours").allTextContents();
    for (const h of hours) expect(h.startsWith("10:00")).toBe(true);
    await page.context().close();
  });

  it("planner page shows the priority index as a layer and caregivers reached by priority band", async () => {
    const page = await (await server.browser.newContext()).newPage();
    await page.goto(`${server.base}/`);
    await page.locator("#coverage-by-priority tbody tr").first().waitFor();
    const rows = await page.locator("#coverage-by-priority tbody tr th").allTextContents();
    // Spanish by default (issue 12), figures in the scenario's Chilean locale
    expect(rows).toEqual(["Prioridad alta", "Prioridad media", "Prioridad baja"]);
    const reached = plan.totals.byPriority!.map((b) =>
      new Intl.NumberFormat("es-CL", { maximumFractionDigits: 0 }).format(b.caregivers),
    );
    expect(await page.locator("#coverage-by-priority tbody td:nth-child(2)").allTextContents()).toEqual(reached);
    const layer = page.locator('#layer-toggles input[data-layer="priority"]');
    expect(await layer.isChecked()).toBe(false);
    const contextInk = () => canvasInk(page, ".leaflet-carebus-context-pane canvas");
    const before = await contextInk();
    await layer.check();
    await expect.poll(contextInk).toBeGreaterThan(before);
    await page.context().close();
  });
});
