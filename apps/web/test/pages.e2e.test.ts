/**
 * End-to-end: the built pages driven by Debian's chromium-headless-shell (playwright-core) against the real
 * server (buildApp from @carebus/api on a temporary SQLite store, listening on loopback).
 * A small southern-Bogotá scenario is stored, solved with an iteration limit and a seed (so the
 * plan is the same on every run) and published through the API before the browser opens.
 * Screenshots of both pages at desktop and phone sizes go to test-artifacts/ at the repo root.
 * Skipped only when no chromium is installed (.ci/run installs chromium-headless-shell).
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SERVICE_LABELS, formatFigure, type Plan, type Scenario } from "@carebus/model";
import { canvasInk, haveChromium, repoRoot, servePages } from "./pagesServer.js";

const artifacts = join(repoRoot, "test-artifacts");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The small example moved to a fixed future week, so "next visits" stay in the future. */
function testScenario(): Scenario {
  const scenario = JSON.parse(readFileSync(join(repoRoot, "data/examples/small.json"), "utf8")) as Scenario;
  return {
    ...scenario,
    id: "web-e2e",
    name: "Web e2e: southern Bogotá",
    horizon: { ...scenario.horizon, startDate: "2030-03-04", days: 3 },
  };
}

function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Text of every heading of the page (h1–h4, captions and legends). */
/** waits until no Leaflet zoom animation runs, so a screenshot shows the map as it rests */
function mapAtRest(page: Page): Promise<unknown> {
  return page.waitForFunction(() => !document.querySelector(".leaflet-zoom-anim"));
}

function headings(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("h1, h2, h3, h4, caption, legend, summary")].map((e) => e.textContent ?? ""),
  );
}

/** Service codes that appear as words in the page's visible text (should be none). */
async function visibleServiceCodes(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is the point; textContent includes hidden nodes
  const text = await page.evaluate(() => document.body.innerText);
  return Object.keys(SERVICE_LABELS).filter((code) => new RegExp(`(^|[^\\w-])${code}([^\\w-]|$)`).test(text));
}

/** Form controls with neither a <label> nor an aria-label (should be none). */
function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>("input, select, textarea")]
      .filter((e) => !e.labels?.length && !e.getAttribute("aria-label"))
      .map((e) => e.id || e.outerHTML.slice(0, 80)),
  );
}

describe.skipIf(!haveChromium)("web pages against the real server", () => {
  const server = servePages("pages");
  const { api } = server;
  let scenario: Scenario;
  let plan: Plan;
  let planId: string;
  const consoleErrors: string[] = [];

  async function newPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    scenario = testScenario();
    ({ planId, plan } = await server.solveAndPublish(scenario));
    expect(plan.routes.some((r) => r.visits.length > 0)).toBe(true);
  });

  it("planner shows the published plan: routes drawn, week grid, coverage, stop details with directions", async () => {
    const context = await server.browser.newContext({ viewport: DESKTOP });
    const page = await newPage(context);
    await page.goto(`${server.base}/`);
    const visitButtons = page.locator(".week-grid button.visit");
    await visitButtons.first().waitFor();
    // issue 12: Spanish by default, plans named for people, services by name
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.locator("#coverage-summary dt").first().textContent()).toBe("Cuidadoras alcanzadas");
    expect(await page.locator("#plan-label").textContent()).toMatch(
      /^Plan n\.º 1 · publicado el \p{L}+ \d+ \p{L}+, \d{2}:\d{2} · /u,
    );
    for (const heading of await headings(page)) expect(heading).not.toMatch(UUID);
    expect(await page.locator(".week-grid thead th time").first().textContent()).toMatch(
      /^(lun|mar|mié|jue|vie|sáb|dom) \d+ \p{L}+$/u,
    );
    expect(await visibleServiceCodes(page)).toEqual([]);
    expect(await page.locator("#plan-details").textContent()).toContain(planId);
    const visitCount = plan.routes.reduce((n, r) => n + r.visits.length, 0);
    expect(await visitButtons.count()).toBe(visitCount);
    expect(await page.locator(".week-grid tbody tr").count()).toBe(scenario.buses.length);
    expect(await page.locator(".week-grid thead th").count()).toBe(plan.dates.length + 1);
    await page.screenshot({ path: join(artifacts, "planner-desktop.png") });

    // Routes are drawn on their own canvas: it must hold painted pixels, and none once every bus is unticked.
    const routeInk = () => canvasInk(page, ".leaflet-carebus-routes-pane canvas");
    expect(await routeInk()).toBeGreaterThan(100);
    const busBoxes = page.locator("#bus-toggles input[type=checkbox]");
    expect(await busBoxes.count()).toBe(scenario.buses.length);
    for (const box of await busBoxes.all()) await box.uncheck();
    await expect.poll(routeInk).toBe(0);
    for (const box of await busBoxes.all()) await box.check();
    await expect.poll(routeInk).toBeGreaterThan(100);
    expect(await page.locator(".leaflet-carebus-stops-pane canvas").count()).toBe(1);

    // Coverage figures are the plan's, and every left-out stop is listed.
    expect(await page.locator("#figure-value").textContent()).toBe(formatFigure(plan.totals.value, "es-CO"));
    expect(await page.locator("#figure-gap").textContent()).toMatch(/^a lo sumo .*% por debajo del máximo posible$/);
    expect(await page.locator("#left-out tbody tr").count()).toBe(plan.unvisited.length);
    expect(await unlabelledControls(page)).toEqual([]);

    // A visit in the grid opens its stop, with focus moved to the details and directions on demand.
    const firstRoute = plan.routes.find((r) => r.visits.length > 0)!;
    const firstVisit = firstRoute.visits[0]!;
    const stop = scenario.stops.find((s) => s.id === firstVisit.stopId)!;
    // Keyboard: focus the visit and press Enter.
    await page.locator(`.week-grid button.visit[data-stop-id="${stop.id}"]`).first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#stop-details-heading").textContent()).toBe(stop.name);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("stop-details-heading");
    if (stop.address) expect(await page.locator("#stop-address").textContent()).toBe(stop.address);
    expect(await page.locator("#stop-details").textContent()).toContain(SERVICE_LABELS[stop.services![0]!]!.es);
    expect(await visibleServiceCodes(page)).toEqual([]);
    // the visits table stays inside the details card (it scrolls there when it is wider)
    const [card, table] = await Promise.all([
      page.locator("section.details").boundingBox(),
      page.locator("#stop-details .table-scroll").boundingBox(),
    ]);
    expect(table!.x + table!.width).toBeLessThanOrEqual(card!.x + card!.width);
    await page.selectOption("#directions-lang", "en");
    await page.locator("#stop-details form button[type=submit]").click();
    const steps = page.locator("#stop-details ol.steps li");
    await steps.first().waitFor();
    expect(await steps.count()).toBeGreaterThan(0);

    await page.screenshot({ path: join(artifacts, "planner-desktop-stop-details-es.png") });
    await page.setViewportSize(PHONE);
    await page.goto(`${server.base}/`);
    await visitButtons.first().waitFor();
    await page.screenshot({ path: join(artifacts, "planner-phone-es.png"), fullPage: false });
    await context.close();
  });

  it("planner switches to English, keeps the choice after a reload, and switches back", async () => {
    const context = await server.browser.newContext({ viewport: DESKTOP });
    const page = await newPage(context);
    await page.goto(`${server.base}/`);
    await page.locator(".week-grid button.visit").first().waitFor();
    expect(await page.locator("#lang-toggle").textContent()).toBe("English");
    // the map's own note (no tile layer in the tests) speaks the page's language too
    const mapNote = page.locator("#map .leaflet-control-attribution");
    expect(await mapNote.textContent()).toBe("Mapa de carebus sin mapa de fondo (no hay uno configurado)");
    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    expect(await mapNote.textContent()).toBe("carebus map without a background map (none configured)");
    expect(await page.locator("#map").getAttribute("aria-label")).toBe(
      "Map of the plan: stops, routes, demand and Care Blocks",
    );
    expect(await page.locator("#coverage-summary dt").first().textContent()).toBe("Caregivers reached");
    expect(await page.locator("#run-heading").textContent()).toBe("Run a new plan");
    expect(await page.locator("#plan-label").textContent()).toMatch(
      /^Plan no\. 1 · published \w+ \d+ \w+, \d{2}:\d{2} · /,
    );
    expect(await page.locator(".week-grid thead th time").first().textContent()).toMatch(
      /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w+$/,
    );
    expect(await page.locator("#figure-gap").textContent()).toMatch(/^at most .*% below the maximum possible$/);
    for (const heading of await headings(page)) expect(heading).not.toMatch(UUID);
    expect(await visibleServiceCodes(page)).toEqual([]);
    await page.screenshot({ path: join(artifacts, "planner-desktop-en.png") });

    await page.reload();
    await page.locator(".week-grid button.visit").first().waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("#coverage-heading").textContent()).toBe("Coverage");
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: join(artifacts, "planner-phone-en.png") });
    await page.setViewportSize(DESKTOP);

    await page.click("#lang-toggle");
    await expect.poll(() => page.locator("#coverage-heading").textContent()).toBe("Cobertura");
    expect(await page.locator("#map .leaflet-control-attribution").textContent()).toBe(
      "Mapa de carebus sin mapa de fondo (no hay uno configurado)",
    );
    await page.screenshot({ path: join(artifacts, "planner-desktop-es.png") });
    await context.close();
  });

  it("planner runs a new plan with visible progress, compares it, publishes it, and cancels another", async () => {
    const context = await server.browser.newContext({ viewport: DESKTOP });
    const page = await newPage(context);
    await page.goto(`${server.base}/`);
    await page.locator(".week-grid button.visit").first().waitFor();
    // Record every text the live progress region shows.
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { statusLog: string[] }).statusLog = log;
      const target = document.getElementById("run-status")!;
      new MutationObserver(() => log.push(target.textContent ?? "")).observe(target, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    await page.fill("#time-limit", "30");
    await page.locator("#run-form details summary").click();
    await page.fill("#iteration-limit", "50");
    await page.fill("#seed", "7");
    await page.click("#run-button");
    // The token is asked for once, in a dialog.
    await page.locator("#token-dialog").waitFor({ state: "visible" });
    await page.fill("#token-input", server.token);
    const started = page.waitForResponse((r) => r.url().endsWith("/api/v1/plans") && r.request().method() === "POST");
    await page.click("#token-dialog button[value=save]");
    const newId = ((await (await started).json()) as { id: string }).id;
    await expect.poll(() => page.locator("#run-status").textContent(), { timeout: 60_000 }).toMatch(/^Plan listo/);
    const log = await page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
    expect(log.some((text) => /iteraciones, valor ponderado/.test(text))).toBe(true);
    expect(await page.locator("#run-status").getAttribute("aria-live")).toBe("polite");
    expect(await page.locator("#compare-value").textContent()).toMatch(/del publicado/);
    expect(await page.locator("#plan-label").textContent()).toMatch(/^Plan n\.º 2 · calculado el .* · sin publicar$/);
    expect(await page.locator("#plan-select").inputValue()).toBe("candidate");

    await page.click("#publish-button");
    await expect.poll(() => page.locator("#run-status").textContent()).toMatch(/quedó publicado/);
    const published = await api<{ planId: string }>("GET", `/api/v1/scenarios/${scenario.id}/published`);
    expect(published.body.planId).toBe(newId);
    // Later tests read the published plan: keep it equal to the one they know.
    plan = (await api<{ plan: Plan }>("GET", `/api/v1/scenarios/${scenario.id}/published`)).body.plan;

    // A run without an iteration limit goes on until cancelled (the token is remembered for the tab).
    await page.fill("#iteration-limit", "");
    await page.fill("#time-limit", "120");
    const second = page.waitForResponse((r) => r.url().endsWith("/api/v1/plans") && r.request().method() === "POST");
    await page.click("#run-button");
    const secondId = ((await (await second).json()) as { id: string }).id;
    await expect.poll(() => page.locator("#cancel-button").isEnabled()).toBe(true);
    await page.click("#cancel-button");
    await expect.poll(() => page.locator("#run-status").textContent(), { timeout: 60_000 }).toMatch(/se canceló/);
    expect((await api<{ status: string }>("GET", `/api/v1/plans/${secondId}`)).body.status).toBe("cancelled");
    expect(await page.locator("#publish-button").isDisabled()).toBe(true);
    await context.close();
  });

  it("planner pins a visit, excludes a bus-day, re-plans from the plan on show keeping the pin, shows what moved, and downloads each export", async () => {
    const onShow = (await api<{ planId: string }>("GET", `/api/v1/scenarios/${scenario.id}/published`)).body.planId;
    const context = await server.browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    const page = await newPage(context);
    await page.goto(`${server.base}/`);
    await page.locator(".week-grid button.pin").first().waitFor();
    // pin the first visit of the grid, and take another bus-day (with visits) out of service
    const pin = page.locator(".week-grid button.pin").first();
    const pinned = {
      stopId: (await pin.getAttribute("data-stop-id"))!,
      busId: (await pin.getAttribute("data-bus-id"))!,
      date: (await pin.getAttribute("data-date"))!,
    };
    await pin.click();
    const pinSelector = `.week-grid button.pin[data-stop-id="${pinned.stopId}"][data-bus-id="${pinned.busId}"][data-date="${pinned.date}"]`;
    expect(await page.locator(pinSelector).getAttribute("aria-pressed")).toBe("true");
    const otherDay = plan.routes.find((r) => r.date !== pinned.date || r.busId !== pinned.busId)!;
    await page.click(`.week-grid button.exclude-day[data-bus-id="${otherDay.busId}"][data-date="${otherDay.date}"]`);
    expect(await page.locator("#changes-list li").count()).toBe(2);

    await page.locator("#run-form details summary").click();
    await page.fill("#iteration-limit", "50");
    await page.fill("#seed", "1");
    const started = page.waitForRequest((r) => r.url().endsWith("/api/v1/plans") && r.method() === "POST");
    await page.click("#replan-button");
    await page.locator("#token-dialog").waitFor({ state: "visible" });
    await page.fill("#token-input", server.token);
    await page.click("#token-dialog button[value=save]");
    const body = (await started).postDataJSON() as Record<string, unknown>;
    expect(body).toMatchObject({
      basePlanId: onShow,
      pins: [pinned],
      exclude: { busDays: [{ busId: otherDay.busId, date: otherDay.date }] },
    });
    await expect
      .poll(() => page.locator("#compare h3").textContent(), { timeout: 90_000 })
      .toBe("Qué cambió respecto al plan de partida");
    // the new plan is on show: the pinned visit is still there and still pinned, the excluded bus-day is empty
    expect(await page.locator("#plan-select").inputValue()).toBe("candidate");
    expect(await page.locator(pinSelector).getAttribute("aria-pressed")).toBe("true");
    const excludedCell = page.locator(
      `.week-grid button.exclude-day[data-bus-id="${otherDay.busId}"][data-date="${otherDay.date}"]`,
    );
    expect(await excludedCell.getAttribute("aria-pressed")).toBe("true");
    expect(await excludedCell.locator("xpath=..").locator("button.visit").count()).toBe(0);
    expect(await page.locator("#compare h4").textContent()).toMatch(/visitas? cambi/);
    expect(await page.locator("#compare ul.moves li").count()).toBeGreaterThanOrEqual(otherDay.visits.length);

    // any two stored plans compare: the starting plan against the re-plan
    const replanId = new URL(page.url()).searchParams.get("plan") ?? (await page.locator("#compare-b").inputValue());
    await page.selectOption("#compare-a", onShow);
    await page.selectOption("#compare-b", replanId);
    await page.click("#compare-button");
    await expect.poll(() => page.locator("#plan-diff h3").textContent()).toBe("Comparación");
    expect(await page.locator("#plan-diff ul.moves li").count()).toBe(
      await page.locator("#compare ul.moves li").count(),
    );

    // each export of the plan on show downloads
    const starts: Record<string, string> = { csv: "\uFEFFfecha,", xlsx: "PK", pdf: "%PDF" };
    for (const format of ["csv", "xlsx", "pdf"]) {
      const download = page.waitForEvent("download");
      await page.click(`#downloads a[data-format="${format}"]`);
      const file = await (await download).path();
      const bytes = readFileSync(file!);
      expect(bytes.length, format).toBeGreaterThan(100);
      expect(bytes.subarray(0, Buffer.byteLength(starts[format]!)).toString(), format).toBe(starts[format]);
    }

    // the change tools speak the page's catalogue: English on the switch
    await page.goto(`${server.base}/?lang=en`);
    await page.locator(".week-grid button.pin").first().waitFor();
    expect(await page.locator("#changes-heading").textContent()).toBe("Changes for re-planning");
    expect(await page.locator("#replan-button").textContent()).toBe("Re-plan from the plan on show");
    expect(await page.locator("#diff-heading").textContent()).toBe("Compare two plans");
    expect(await page.locator("#downloads a[data-format=pdf]").textContent()).toBe("Route sheets (PDF)");
    expect(await page.locator(".week-grid button.pin").first().getAttribute("title")).toMatch(/^(Pin|Unpin) /);
    await context.close();
  });

  it("community page finds a stop by name, shows its next visits and a valid calendar subscription", async () => {
    const context = await server.browser.newContext({ viewport: PHONE, locale: "es-CO" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.base });
    const page = await newPage(context);
    await page.goto(`${server.base}/community`);
    expect(await page.locator("h1").textContent()).toBe("¿Cuándo llega el bus del cuidado?");
    expect(await page.locator("html").getAttribute("lang")).toBe("es");

    const visit = plan.routes.flatMap((r) => r.visits.map((v) => ({ route: r, visit: v })))[0]!;
    const stop = scenario.stops.find((s) => s.id === visit.visit.stopId)!;
    expect(await unlabelledControls(page)).toEqual([]);
    await page.fill("#search-input", stop.name);
    await page.press("#search-input", "Enter");
    const result = page.locator("button.result", { hasText: stop.name });
    if (await page.locator("button.result").count()) await result.first().click();
    await expect.poll(() => page.locator("#stop-card-heading").textContent()).toBe(stop.name);

    const planDates = [
      ...new Set(plan.routes.filter((r) => r.visits.some((v) => v.stopId === stop.id)).map((r) => r.date)),
    ];
    const shownDates = await page
      .locator("#next-visits time")
      .evaluateAll((els) => els.map((e) => e.getAttribute("datetime")));
    for (const date of planDates) expect(shownDates).toContain(date);
    const firstHours = visit.visit.serviceStart.slice(11, 16);
    expect(await page.locator("#next-visits li").first().textContent()).toContain(firstHours);

    const webcal = await page.locator("#subscribe-link").getAttribute("href");
    expect(webcal).toMatch(/^webcal:\/\/.*\.ics$/);
    const ics = await fetch(webcal!.replace(/^webcal:/, "http:"));
    expect(ics.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThanOrEqual(planDates.length);
    const eventDates = events.map((e) => e.startDate.toString().slice(0, 10));
    for (const date of planDates) expect(eventDates).toContain(date);
    expect(await page.locator("#download-link").getAttribute("href")).toBe(webcal!.replace(/^webcal:/, "http:"));
    await page.click("#copy-link");
    await expect.poll(() => page.locator("#card-status").textContent()).toBe("Enlace copiado.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(webcal!.replace(/^webcal:/, "http:"));

    expect(await visibleServiceCodes(page)).toEqual([]);
    expect(await page.locator("#stop-card .services").textContent()).toContain(SERVICE_LABELS[stop.services![0]!]!.es);
    expect(await page.locator("#next-visits time").first().textContent()).toMatch(
      /^(lunes|martes|miércoles|jueves|viernes|sábado|domingo), /,
    );
    for (const heading of await headings(page)) expect(heading).not.toMatch(UUID);
    await mapAtRest(page);
    await page.screenshot({ path: join(artifacts, "community-phone-es.png"), fullPage: true });
    await page.click("#lang-toggle");
    expect(await page.locator("h1").textContent()).toBe("When does the care bus come?");
    // what the card announced follows the switch too
    expect(await page.locator("#card-status").textContent()).toBe("Link copied.");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("#stop-card .services").textContent()).toContain(SERVICE_LABELS[stop.services![0]!]!.en);
    expect(await visibleServiceCodes(page)).toEqual([]);
    await mapAtRest(page);
    await page.screenshot({ path: join(artifacts, "community-phone-en.png"), fullPage: true });
    // the choice is remembered in this browser, on this page and on the planner
    await page.reload();
    expect(await page.locator("h1").textContent()).toBe("When does the care bus come?");
    await page.goto(`${server.base}/`);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await context.close();
  });

  it("community page finds a stop by its neighbourhood (a UPZ of the cited list) and suggests only searches that find one", async () => {
    const context = await server.browser.newContext({ viewport: DESKTOP });
    const page = await newPage(context);
    const overview = page.waitForResponse((r) => r.url().includes("limit=200"));
    await page.goto(`${server.base}/community`);
    await overview;
    // the placeholder names places served stops carry: each of them finds at least one stop
    await expect.poll(() => page.locator("#search-input").getAttribute("placeholder")).toMatch(/^p\. ej\. /);
    const suggested = (await page.locator("#search-input").getAttribute("placeholder"))!.replace(/^p\. ej\. /, "");
    for (const place of suggested.split(", ")) {
      const found = await api<{ stops: unknown[] }>("GET", `/api/v1/stops?q=${encodeURIComponent(place)}`);
      expect(found.body.stops.length, place).toBeGreaterThan(0);
    }
    const visited = new Set(plan.routes.flatMap((r) => r.visits.map((v) => v.stopId)));
    const stop = scenario.stops.find((s) => visited.has(s.id) && s.neighbourhood && s.address)!;
    await page.fill("#search-input", stop.neighbourhood!);
    await page.press("#search-input", "Enter");
    await expect.poll(() => page.locator("#stop-card-heading").textContent()).toBe(stop.name);
    expect(await page.locator("#stop-card .place").textContent()).toContain(stop.neighbourhood);
    expect(await page.locator("#stop-address").textContent()).toContain(stop.address);
    await page.screenshot({ path: join(artifacts, "community-desktop-es.png") });
    expect(await page.locator("#map .leaflet-control-attribution").textContent()).toBe(
      "Mapa de carebus sin mapa de fondo (no hay uno configurado)",
    );
    await page.click("#lang-toggle");
    expect(await page.locator("#stop-address").textContent()).toMatch(/^Where: /);
    expect(await page.locator("#map .leaflet-control-attribution").textContent()).toBe(
      "carebus map without a background map (none configured)",
    );
    await page.screenshot({ path: join(artifacts, "community-desktop-en.png") });
    await context.close();
  });

  it("community page finds the nearest stops to a clicked point and to the person's location", async () => {
    const context = await server.browser.newContext({
      viewport: DESKTOP,
      geolocation: { latitude: 4.62, longitude: -74.19 },
      permissions: ["geolocation"],
    });
    const page = await newPage(context);
    // The map first shows every served stop (one request), then a click asks for the five nearest.
    const overview = page.waitForResponse(
      (r) => r.url().includes("/api/v1/stops?near=") && r.url().includes("limit=200"),
    );
    await page.goto(`${server.base}/community`);
    await overview;
    const visited = scenario.stops.filter((s) => plan.routes.some((r) => r.visits.some((v) => v.stopId === s.id)));

    const nearRequest = page.waitForRequest(
      (r) => r.url().includes("/api/v1/stops?near=") && r.url().endsWith("limit=5"),
    );
    await page.locator("#map").click({ position: { x: 200, y: 300 } });
    const near = new URL((await nearRequest).url()).searchParams.get("near")!.split(",").map(Number) as [
      number,
      number,
    ];
    const nearest = [...visited].sort(
      (a, b) => haversineKm({ lat: near[0], lon: near[1] }, a) - haversineKm({ lat: near[0], lon: near[1] }, b),
    );
    const expectedCount = Math.min(5, visited.length);
    if (expectedCount > 1) {
      await page.locator("button.result").first().waitFor();
      expect(await page.locator("button.result").count()).toBe(expectedCount);
      expect(await page.locator("button.result .result-name").first().textContent()).toBe(nearest[0]!.name);
      await page.locator("button.result").first().click();
    }
    await expect.poll(() => page.locator("#stop-card-heading").textContent()).toBe(nearest[0]!.name);
    expect(await page.locator("#next-visits li").count()).toBeGreaterThan(0);

    const fromLocation = page.waitForRequest((r) => r.url().includes("/api/v1/stops?near=4.620000,-74.190000"));
    await page.click("#near-me");
    await fromLocation;
    await page.locator("button.result").first().waitFor();
    await page.screenshot({ path: join(artifacts, "community-desktop-nearest.png") });
    await context.close();
  });

  it("issue 17: serves the pages and /docs under the security headers, and /docs renders the API", async () => {
    const context = await server.browser.newContext({ viewport: DESKTOP });
    const page = await newPage(context);
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ["/", "/community"]) {
      const response = await page.goto(`${server.base}${path}`);
      expect(response?.headers()["content-security-policy"], path).toContain("default-src 'self'");
      expect(response?.headers()["x-content-type-options"], path).toBe("nosniff");
    }
    const docs = await page.goto(`${server.base}/docs`);
    expect(docs?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await expect.poll(() => page.locator(".opblock").count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.locator(".opblock-summary").first().click();
    await expect.poll(() => page.locator(".opblock-body").count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await context.close();
  });

  it("logged no console errors on any page", () => {
    expect(consoleErrors).toEqual([]);
  });
});
