/**
 * Plan routes: job requests and their errors, reading a finished plan, GeoJSON, directions,
 * cancel on a finished job, and the SSE stream of a finished job. Real solves (worker thread,
 * iteration-limited, so deterministic) are in solve.integration.test.ts.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_FILE } from "../src/index.js";
import { AUTH, WEEK, createTestApp, storeTinyWithPlan, tinyRoute, tinyScenario, type TestApp } from "./helpers.js";

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

describe("POST /api/v1/plans with a change set", () => {
  it("names every bad pin, exclusion and base plan by its path, and queues nothing", async () => {
    const res = await postPlan({
      scenarioId: "api-tiny",
      basePlanId: "failed-plan",
      pins: [
        { stopId: "s-usme", date: "2026-07-06" },
        { stopId: "s-bosa", weekday: "tue", busId: "b1" },
        { stopId: "x", date: "2026-07-06" },
        { stopId: "s-tunal", date: "2026-07-09" },
      ],
      exclude: { busDays: [{ busId: "b9", date: "2026-07-07" }], stops: ["s-usme"] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe("CAREBUS_CHANGES_INVALID");
    expect(body.issues).toEqual([
      { path: "body.basePlanId", message: 'plan "failed-plan" is failed, not done' },
      { path: "body.exclude.busDays[0].busId", message: 'unknown bus "b9"' },
      { path: "body.pins[0].stopId", message: 'stop "s-usme" is also excluded' },
      { path: "body.pins[2].stopId", message: 'unknown stop "x"' },
      { path: "body.pins[3].date", message: "2026-07-09 is not a service date of the horizon" },
    ]);
    expect(body.message).toMatch(/^5 problem\(s\): body\.basePlanId: /);
  });

  it("rejects a pin of the wrong shape through the schema, with its path", async () => {
    const res = await postPlan({ scenarioId: "api-tiny", pins: [{ stopId: "s-usme", when: "monday" }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain("body.pins[0].when");
  });
});

describe("GET /api/v1/plans/:a/diff/:b and the plan list", () => {
  beforeAll(async () => {
    // the same week with Bosa moved from Wednesday to Tuesday, same time
    await storeTinyWithPlan(t, [WEEK[0]!, tinyRoute("2026-07-07", [["s-bosa", "09:00", 120]])], "moved-plan");
  });

  it("reports the hand-made move and nothing for a plan against itself", async () => {
    const diff = (await t.app.inject("/api/v1/plans/done-plan/diff/moved-plan")).json();
    expect(diff).toMatchObject({
      a: "done-plan",
      b: "moved-plan",
      scenarioId: "api-tiny",
      same: false,
      movedVisits: 1,
    });
    expect(diff.moves).toEqual([
      {
        stopId: "s-bosa",
        from: { busId: "b1", date: "2026-07-08", start: "09:00" },
        to: { busId: "b1", date: "2026-07-07", start: "09:00" },
      },
    ]);
    expect(diff.stopsAdded).toEqual([]);
    const self = (await t.app.inject("/api/v1/plans/done-plan/diff/done-plan")).json();
    expect(self).toMatchObject({ same: true, moves: [], movedVisits: 0 });
  });

  it("answers 404 for an unknown plan and 409 for one not done", async () => {
    expect((await t.app.inject("/api/v1/plans/done-plan/diff/nope")).statusCode).toBe(404);
    expect((await t.app.inject("/api/v1/plans/failed-plan/diff/done-plan")).statusCode).toBe(409);
  });

  it("lists the scenario's plans, newest first, with their values", async () => {
    const list = (await t.app.inject("/api/v1/plans?scenarioId=api-tiny")).json();
    expect(list.scenarioId).toBe("api-tiny");
    const ids = list.plans.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining(["done-plan", "moved-plan", "failed-plan"]));
    expect(list.plans.find((p: { id: string }) => p.id === "done-plan")).toMatchObject({
      status: "done",
      value: 30,
      visits: 3,
      basePlanId: null,
    });
    expect((await t.app.inject("/api/v1/plans?scenarioId=nope")).statusCode).toBe(404);
    expect((await t.app.inject("/api/v1/plans")).statusCode).toBe(400);
  });
});

describe("GET /api/v1/plans/:id/export.{csv,xlsx,pdf}", () => {
  it("sends the visit table as CSV, Spanish by default, one row per visit in order", async () => {
    const res = await t.app.inject("/api/v1/plans/done-plan/export.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="plan-done-plan.csv"');
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]!.startsWith("fecha,bus_id,bus,orden,parada_id,")).toBe(true);
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 5).join(","))).toEqual([
      "2026-07-06,b1,Bus Uno,1,s-usme",
      "2026-07-06,b1,Bus Uno,2,s-tunal",
      "2026-07-08,b1,Bus Uno,1,s-bosa",
    ]);
    const en = await t.app.inject("/api/v1/plans/done-plan/export.csv?lang=en");
    expect(en.body.replace(/^\uFEFF/, "").startsWith("date,bus_id,bus,order,stop_id,")).toBe(true);
  });

  it("sends an XLSX workbook and PDF driver sheets naming the stops in order", async () => {
    const xlsx = await t.app.inject("/api/v1/plans/done-plan/export.xlsx");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const pdf = await t.app.inject("/api/v1/plans/done-plan/export.pdf");
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const file = join(t.dir, "sheets.pdf");
    writeFileSync(file, pdf.rawPayload);
    const pages = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).split("\f");
    const names = Object.fromEntries(tinyScenario.stops.map((s) => [s.id, s.name]));
    expect(pages[0]!.indexOf(`1. ${names["s-usme"]}`)).toBeGreaterThan(0);
    expect(pages[0]!.indexOf(`2. ${names["s-tunal"]}`)).toBeGreaterThan(pages[0]!.indexOf(`1. ${names["s-usme"]}`));
    expect(pages[1]).toContain(`1. ${names["s-bosa"]}`);
  });

  it("answers 400 for an unknown format, 404 for an unknown plan, 409 for one not done", async () => {
    expect((await t.app.inject("/api/v1/plans/done-plan/export.doc")).statusCode).toBe(400);
    expect((await t.app.inject("/api/v1/plans/nope/export.csv")).statusCode).toBe(404);
    expect((await t.app.inject("/api/v1/plans/failed-plan/export.pdf")).statusCode).toBe(409);
  });
});
