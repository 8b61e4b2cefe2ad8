/**
 * Plan routes: job requests and their errors, reading a finished plan, GeoJSON, directions,
 * cancel on a finished job, and the SSE stream of a finished job. Real solves (worker thread,
 * iteration-limited, so deterministic) are in solve.unit.test.ts.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../src/index.js";
import { AUTH, WEEK, createTestApp, storeTinyWithPlan, type TestApp } from "./helpers.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await storeTinyWithPlan(t, WEEK, "done-plan");
  await t.store.insertPlan({
    id: "failed-plan",
    scenarioId: "api-tiny",
    scenarioHash: "x",
    options: {},
    status: "failed",
    error: "boom",
    plan: null,
    createdAt: "2026-07-01T00:00:00.000Z",
    finishedAt: "2026-07-01T00:00:01.000Z",
  });
});
afterAll(async () => t.close());

const postPlan = (payload: unknown, headers: Record<string, string> = AUTH) =>
  t.app.inject({ method: "POST", url: "/api/v1/plans", headers, payload: payload as object });

describe("POST /api/v1/plans", () => {
  it("rejects bad bodies with 400 and the offending path", async () => {
    const cases: Array<[unknown, string]> = [
      [{}, "body.scenarioId"],
      [{ scenarioId: "api-tiny", options: { timeLimitSeconds: -1 } }, "body.options.timeLimitSeconds"],
      [{ scenarioId: "api-tiny", options: { iterationLimit: 1.5 } }, "body.options.iterationLimit"],
      [{ scenarioId: "api-tiny", options: { turbo: true } }, "body.options.turbo"],
      [{ scenarioId: "api-tiny", extra: 1 }, "body.extra"],
    ];
    for (const [body, path] of cases) {
      const res = await postPlan(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res.json().issues.map((i: { path: string }) => i.path),
        JSON.stringify(body),
      ).toContain(path);
    }
  });

  it("answers every malformed body with a 4xx and never queues a job", async () => {
    const countPlans = () => {
      const db = new Database(join(t.dir, DATABASE_FILE), { readonly: true });
      try {
        return (db.prepare("SELECT COUNT(*) AS n FROM plans").get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const plansBefore = countPlans();
    const body = fc.oneof(
      fc.anything(),
      fc.record({ scenarioId: fc.oneof(fc.string(), fc.anything()), options: fc.anything() }, { requiredKeys: [] }),
      fc.record({
        scenarioId: fc.constant("no-such-scenario"),
        options: fc.record(
          {
            timeLimitSeconds: fc.oneof(fc.double(), fc.string()),
            iterationLimit: fc.oneof(fc.integer(), fc.double()),
            seed: fc.anything(),
          },
          { requiredKeys: [] },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const res = await t.app.inject({
          method: "POST",
          url: "/api/v1/plans",
          headers: { ...AUTH, "content-type": "application/json" },
          payload: JSON.stringify(payload) ?? "null",
        });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.json().message.length).toBeGreaterThan(0);
      }),
      { seed: 42, numRuns: 150 },
    );
    expect(countPlans()).toBe(plansBefore);
  });

  it("404s an unknown scenario and 401s without the token", async () => {
    expect((await postPlan({ scenarioId: "nope" })).json().code).toBe("CAREBUS_ERR_SCENARIO_NOT_FOUND");
    expect((await postPlan({ scenarioId: "api-tiny" }, {})).statusCode).toBe(401);
  });
});

describe("reading plans", () => {
  it("returns a done plan with its status and progress from the plan's stats", async () => {
    const res = await t.app.inject("/api/v1/plans/done-plan");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: "done-plan",
      scenarioId: "api-tiny",
      status: "done",
      progress: { value: 30, bound: 40, iterations: 10 },
    });
    expect(body.plan.routes).toHaveLength(2);
  });

  it("returns a failed job's error and no plan; 404s unknown ids", async () => {
    const body = (await t.app.inject("/api/v1/plans/failed-plan")).json();
    expect(body).toMatchObject({ status: "failed", error: "boom", progress: null });
    expect(body.plan).toBeUndefined();
    expect((await t.app.inject("/api/v1/plans/nope")).json().code).toBe("CAREBUS_ERR_PLAN_NOT_FOUND");
  });

  it("draws a done plan as GeoJSON and refuses one that is not done", async () => {
    const res = await t.app.inject("/api/v1/plans/done-plan/geojson");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/geo\+json/);
    const geo = res.json();
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.length).toBeGreaterThan(0);
    expect((await t.app.inject("/api/v1/plans/failed-plan/geojson")).json().code).toBe("CAREBUS_ERR_PLAN_NOT_DONE");
  });

  it("gives directions of one bus-day in Spanish and English", async () => {
    const es = await t.app.inject("/api/v1/plans/done-plan/directions/b1/2026-07-06");
    expect(es.statusCode).toBe(200);
    const route = es.json().route;
    expect(route.visits.map((v: { stopId: string }) => v.stopId)).toEqual(["s-usme", "s-tunal"]);
    expect(route.directions).toHaveLength(3);
    const en = await t.app.inject("/api/v1/plans/done-plan/directions/b1/2026-07-06?lang=en");
    expect(en.json().lang).toBe("en");
    expect(JSON.stringify(en.json().route.directions)).not.toBe(JSON.stringify(route.directions));
  });

  it("400s a bad date or language and 404s a bus-day without a route", async () => {
    expect((await t.app.inject("/api/v1/plans/done-plan/directions/b1/2026-02-30")).statusCode).toBe(400);
    expect((await t.app.inject("/api/v1/plans/done-plan/directions/b1/2026-07-06?lang=fr")).statusCode).toBe(400);
    expect((await t.app.inject("/api/v1/plans/done-plan/directions/b1/2026-07-07")).json().code).toBe(
      "CAREBUS_ERR_ROUTE_NOT_FOUND",
    );
  });
});

describe("cancel and events of finished jobs", () => {
  it("409s cancelling a finished job, 404s an unknown one, 401s without the token", async () => {
    const del = (id: string, headers = AUTH) => t.app.inject({ method: "DELETE", url: `/api/v1/plans/${id}`, headers });
    expect((await del("done-plan")).json().code).toBe("CAREBUS_ERR_JOB_FINISHED");
    expect((await del("nope")).statusCode).toBe(404);
    expect((await del("done-plan", {} as typeof AUTH)).statusCode).toBe(401);
  });

  it("streams the final status of a finished job and ends", async () => {
    const res = await t.app.inject("/api/v1/plans/done-plan/events");
    expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
    expect(res.body).toContain('event: progress\ndata: {"value":30');
    expect(res.body).toContain('event: status\ndata: {"status":"done"}');
  });

  it("404s the events of an unknown plan", async () => {
    expect((await t.app.inject("/api/v1/plans/nope/events")).statusCode).toBe(404);
  });

  it("refuses to publish a plan that is not done", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/plans/failed-plan/publish", headers: AUTH });
    expect(res.statusCode).toBe(409);
  });
});
