/**
 * Real solve jobs: the solver runs in a worker thread (the built dist), stopped by an
 * iteration limit so the result is deterministic. Covers progress and status over SSE, the
 * stored plan, cancelling queued and running jobs, and jobs interrupted by a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "@carebus/model";
import { buildApp } from "../src/index.js";
import { JobQueue } from "../src/jobs/jobQueue.js";
import { AUTH, TOKEN, createTestApp, longRunningScenario, tinyScenario, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (const payload of [tinyScenario, longRunningScenario]) {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/scenarios", headers: AUTH, payload });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => t.close());

async function waitForStatus(id: string, wanted: string[]): Promise<Record<string, unknown>> {
  for (let i = 0; i < 600; i += 1) {
    const body = (await t.app.inject(`/api/v1/plans/${id}`)).json();
    if (wanted.includes(body.status)) return body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`plan ${id} never reached ${wanted.join("/")}`);
}

describe("solve jobs in a worker thread", () => {
  it("solves with an iteration limit, streams status over SSE, stores the plan and publishes it", async () => {
    const started = await t.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      headers: AUTH,
      payload: { scenarioId: "api-tiny", options: { iterationLimit: 50, seed: 1 } },
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json();
    // inject resolves when the stream ends, i.e. after the terminal status event
    const events = await t.app.inject(`/api/v1/plans/${id}/events`);
    expect(events.body).toMatch(/event: status\ndata: \{"status":"done"\}/);
    const done = await waitForStatus(id, ["done"]);
    const plan = done.plan as { scenario: { id: string }; stats: { iterations: number } };
    expect(plan.scenario.id).toBe("api-tiny");
    expect(done.progress).toMatchObject({ iterations: plan.stats.iterations });
    expect((await t.app.inject({ method: "POST", url: `/api/v1/plans/${id}/publish`, headers: AUTH })).statusCode).toBe(
      201,
    );
  });

  it("cancels a queued job at once and a running one at its next check", async () => {
    const long = { scenarioId: longRunningScenario.id, options: { timeLimitSeconds: 30 } };
    const first = (await t.app.inject({ method: "POST", url: "/api/v1/plans", headers: AUTH, payload: long })).json()
      .id as string;
    const second = (await t.app.inject({ method: "POST", url: "/api/v1/plans", headers: AUTH, payload: long })).json()
      .id as string;
    expect((await t.app.inject(`/api/v1/plans/${second}`)).json().status).toBe("queued");
    const cancelQueued = await t.app.inject({ method: "DELETE", url: `/api/v1/plans/${second}`, headers: AUTH });
    expect(cancelQueued.json()).toEqual({ id: second, status: "cancelled" });
    await waitForStatus(first, ["running"]);
    const cancelRunning = await t.app.inject({ method: "DELETE", url: `/api/v1/plans/${first}`, headers: AUTH });
    expect(cancelRunning.statusCode).toBe(202);
    const ended = await waitForStatus(first, ["cancelled"]);
    expect(ended.status).toBe("cancelled");
  });

  it("keeps the first plan of a running job it has to stop before the solve returns", async () => {
    // No grace: the worker is stopped as soon as the cancel is asked, long before a Bogotá week's
    // solve could return its best plan, as when a busy machine keeps it in the bound's LP.
    const queue = new JobQueue({
      store: t.store,
      concurrency: 1,
      maxSolveSeconds: 600,
      defaultSolveSeconds: 10,
      graceSeconds: 0,
    });
    const scenario = (await t.store.getScenario(longRunningScenario.id))!;
    await t.store.insertPlan({
      id: "stopped-early",
      scenarioId: scenario.id,
      scenarioHash: scenario.hash,
      options: { timeLimitSeconds: 8 },
      status: "queued",
      error: null,
      plan: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    });
    const ended = new Promise<string>((resolve) =>
      queue.subscribe("stopped-early", (event) => {
        // the search has started, so the first plan was handed over before this progress
        if (event.type === "progress" && event.progress.iterations > 0) void queue.cancel("stopped-early");
        if (event.type === "status" && event.status !== "running") resolve(event.status);
      }),
    );
    await queue.submit("stopped-early", scenario, { timeLimitSeconds: 8 });
    expect(await ended).toBe("cancelled");
    const stored = await t.store.getPlan("stopped-early");
    expect(stored?.status).toBe("cancelled");
    const plan = stored?.plan as Plan | null;
    expect(plan?.scenario.id).toBe(longRunningScenario.id);
    expect(plan?.routes.some((route) => route.visits.length > 0)).toBe(true);
    await queue.close();
  });
});

describe("jobs across restarts", () => {
  it("marks jobs a previous process left running as failed", async () => {
    await t.store.insertPlan({
      id: "orphan",
      scenarioId: "api-tiny",
      scenarioHash: "x",
      options: {},
      status: "running",
      error: null,
      plan: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    });
    const restarted = await buildApp({ store: t.store, apiToken: TOKEN, webRoot: null, config: { dataDir: t.dir } });
    try {
      const body = (await restarted.inject("/api/v1/plans/orphan")).json();
      expect(body.status).toBe("failed");
      expect(body.error).toMatch(/interrupted/);
    } finally {
      await restarted.close();
    }
  });
});

describe("re-planning jobs", () => {
  it("re-plans from a done plan with a pin and an excluded bus-day, keeping the pin and counting moves", async () => {
    const post = (payload: object) => t.app.inject({ method: "POST", url: "/api/v1/plans", headers: AUTH, payload });
    const base = (await post({ scenarioId: "api-tiny", options: { iterationLimit: 50, seed: 1 } })).json().id as string;
    const basePlan = (await waitForStatus(base, ["done"])).plan as {
      routes: Array<{ busId: string; date: string; visits: Array<{ stopId: string }> }>;
    };
    const excluded = basePlan.routes[0]!;
    const pinDate = ["2026-07-06", "2026-07-07", "2026-07-08"].find((d) => d !== excluded.date)!;
    const started = await post({
      scenarioId: "api-tiny",
      basePlanId: base,
      pins: [{ stopId: "s-tunal", date: pinDate, busId: "b1" }],
      exclude: { busDays: [{ busId: excluded.busId, date: excluded.date }] },
      options: { iterationLimit: 50, seed: 1 },
    });
    expect(started.statusCode).toBe(202);
    const done = await waitForStatus(started.json().id, ["done", "failed"]);
    expect(done.status).toBe("done");
    const plan = done.plan as typeof basePlan & { stats: { movedVisits?: number } };
    expect(plan.routes.some((r) => r.date === pinDate && r.visits.some((v) => v.stopId === "s-tunal"))).toBe(true);
    expect(plan.routes.some((r) => r.busId === excluded.busId && r.date === excluded.date)).toBe(false);
    expect(plan.stats.movedVisits).toBeGreaterThanOrEqual(excluded.visits.length);
    const diff = (await t.app.inject(`/api/v1/plans/${base}/diff/${started.json().id}`)).json();
    expect(diff.movedVisits).toBe(plan.stats.movedVisits);
  });
});
