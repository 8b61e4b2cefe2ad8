/**
 * What the page tests share: the built pages on the real server (buildApp from @carebus/api on
 * a temporary SQLite store, listening on loopback), Debian's chromium (playwright-core), the
 * API called with the write token, and a scenario stored, solved with a seed and an iteration
 * limit (the same plan on every run) and published before the browser opens a page.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { buildApp, openSqliteStore, type Store } from "@carebus/api";
import type { Plan, Scenario } from "@carebus/model";
import { webRoot } from "../index.js";

/**
 * Debian's chromium-headless-shell first: the same Chromium build (Blink, V8, Skia) as the
 * `chromium` package, without the desktop browser around it, as Playwright itself runs headless
 * pages. It spent 7.0 CPU seconds on pages.e2e where the full browser spent 16.6 (its own
 * browser pages, --top-chrome-webui, took a renderer each in every context). The full browser
 * serves when it is the only one installed.
 */
const CHROMIUM = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));
/** Whether Debian's chromium is here (.ci/run installs it); the page tests are skipped without. */
export const haveChromium = CHROMIUM !== undefined;
if (!haveChromium)
  console.warn("page tests skipped: no chromium (apt-get install -y chromium-headless-shell fonts-liberation)");
/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** A plan job as GET /api/v1/plans/:id answers it. */
export interface PlanJob {
  status: string;
  plan?: Plan;
  error?: string;
}

/** The running server and browser; read the fields inside tests, once the hooks have run. */
export interface PagesServer {
  /** the write token the server was started with */
  readonly token: string;
  /** http://127.0.0.1:port */
  base: string;
  browser: Browser;
  api<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Waits for a plan job to end (bounded number of polls, not a timing assertion). */
  waitForPlan(id: string): Promise<PlanJob>;
  /** Stores `scenario`, solves it (50 iterations, seed 1) and publishes the plan. */
  solveAndPublish(scenario: Scenario): Promise<{ planId: string; plan: Plan }>;
}

/**
 * Starts the server on the built pages and chromium before the tests of the calling
 * `describe` (its own hooks run after these), and stops them after.
 */
export function servePages(name: string): PagesServer {
  let dir: string | undefined;
  let store: Store | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const server: PagesServer = {
    token: `web-e2e-${name}-0123456789`,
    base: "",
    browser: undefined as unknown as Browser,
    async api<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${server.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${server.token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    async waitForPlan(id) {
      for (let i = 0; i < 600; i++) {
        const { body } = await server.api<PlanJob>("GET", `/api/v1/plans/${id}`);
        if (body.status === "done" || body.status === "failed" || body.status === "cancelled") return body;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`plan ${id} did not finish`);
    },
    async solveAndPublish(scenario) {
      expect((await server.api("POST", "/api/v1/scenarios", scenario)).status).toBe(201);
      const job = await server.api<{ id: string }>("POST", "/api/v1/plans", {
        scenarioId: scenario.id,
        options: { iterationLimit: 50, seed: 1 },
      });
      expect(job.status).toBe(202);
      const done = await server.waitForPlan(job.body.id);
      expect(done.status, `solve ended ${done.status}: ${done.error ?? ""}`).toBe("done");
      expect((await server.api("POST", `/api/v1/plans/${job.body.id}/publish`)).status).toBe(201);
      return { planId: job.body.id, plan: done.plan! };
    },
  };

  beforeAll(async () => {
    // The pages as built (pnpm test builds first): rebuilding here raced with the other page
    // tests' browsers, which met a dist/ emptied under them.
    if (!existsSync(join(webRoot, "index.html")))
      throw new Error(`${webRoot} has no pages: run pnpm build (or node apps/web/build.mjs) first`);
    dir = mkdtempSync(join(tmpdir(), `carebus-web-${name}-`));
    store = openSqliteStore(dir);
    app = await buildApp({
      store,
      apiToken: server.token,
      webRoot,
      config: { dataDir: dir, writeRateLimitPerMinute: 10_000 },
    });
    server.base = await app.listen({ host: "127.0.0.1", port: 0 });
    server.browser = await chromium.launch({
      // servePages runs inside describe blocks skipped when there is no chromium
      executablePath: CHROMIUM!,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await server.browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  return server;
}

/** How many pixels of the map canvas under `selector` are painted (a layer drawn or not). */
export function canvasInk(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
}
