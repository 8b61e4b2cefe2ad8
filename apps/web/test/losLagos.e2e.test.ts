/**
 * Issue 14, end to end: the Los Lagos scenario (moved to the weeks around Chile's April 2027
 * clock change, so its visits lie in the future) stored, solved with a seed and an iteration
 * limit, and published on the real server; Debian's chromium then reads the community page
 * (Chilean date format, 10:00 on both sides of the change) and the planner page (priority
 * index layer and caregivers by priority band). Skipped only when /usr/bin/chromium is missing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, openSqliteStore, type Store } from "@carebus/api";
import type { Plan, Scenario } from "@carebus/model";
import { webRoot } from "../index.js";

const CHROMIUM = "/usr/bin/chromium";
const TOKEN = "web-e2e-los-lagos-0123456789";
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

function losLagos(): Scenario {
  const scenario = JSON.parse(readFileSync(join(repoRoot, "data/los-lagos/scenario.json"), "utf8")) as Scenario;
  // Monday 29 March 2027: the clocks go back on Sunday 4 April 2027
  return { ...scenario, id: "los-lagos-e2e", horizon: { ...scenario.horizon, startDate: "2027-03-29" } };
}

describe.skipIf(!existsSync(CHROMIUM))("Los Lagos on the pages (issue 14)", () => {
  let dir: string;
  let store: Store;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let base: string;
  let browser: Browser;
  let plan: Plan;

  async function api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  beforeAll(async () => {
    execFileSync(process.execPath, [fileURLToPath(new URL("../build.mjs", import.meta.url))], { stdio: "pipe" });
    dir = mkdtempSync(join(tmpdir(), "carebus-web-ll-"));
    store = openSqliteStore(dir);
    app = await buildApp({
      store,
      apiToken: TOKEN,
      webRoot,
      config: { dataDir: dir, writeRateLimitPerMinute: 10_000 },
    });
    base = await app.listen({ host: "127.0.0.1", port: 0 });
    const scenario = losLagos();
    expect((await api("POST", "/api/v1/scenarios", scenario)).status).toBe(201);
    const job = await api<{ id: string }>("POST", "/api/v1/plans", {
      scenarioId: scenario.id,
      options: { iterationLimit: 50, seed: 1 },
    });
    for (let i = 0; i < 600; i++) {
      const { body } = await api<{ status: string; plan?: Plan }>("GET", `/api/v1/plans/${job.body.id}`);
      if (body.status === "done") {
        plan = body.plan!;
        break;
      }
      expect(["queued", "running"]).toContain(body.status);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await api("POST", `/api/v1/plans/${job.body.id}/publish`)).status).toBe(201);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("community page writes a stop's visits in Chilean dates, at 10:00 before and after the change", async () => {
    const stopId = ["osorno-norte", "osorno-este", "osorno-sur", "osorno-oeste", "osorno"].find((id) =>
      plan.routes.some((r) => r.date > "2027-04-04" && r.visits.some((v) => v.stopId === id)),
    )!;
    const page = await (await browser.newContext({ locale: "es-CL" })).newPage();
    await page.goto(`${base}/community?stop=${stopId}`);
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
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/`);
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
    const contextInk = () =>
      page.locator(".leaflet-carebus-context-pane canvas").evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return painted;
      });
    const before = await contextInk();
    await layer.check();
    await expect.poll(contextInk).toBeGreaterThan(before);
    await page.context().close();
  });
});
