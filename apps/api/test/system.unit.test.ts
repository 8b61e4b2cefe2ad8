/**
 * Health, page configuration, the OpenAPI document and docs, the web pages (built and not
 * built), unknown routes, CORS, and the error shape of a plain 404.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, openSqliteStore } from "../src/index.js";
import { TOKEN, createTestApp, makeWebRoot, type TestApp } from "./helpers.js";

let t: TestApp;
let web: string;
beforeAll(async () => {
  web = makeWebRoot();
  t = await createTestApp({ webRoot: web });
});
afterAll(async () => {
  await t.close();
  rmSync(web, { recursive: true, force: true });
});

describe("system routes", () => {
  it("reports health", async () => {
    const res = await t.app.inject("/health");
    expect(res.json()).toEqual({
      status: "ok",
      scenarios: 0,
      feedCache: { renders: 0, hits: 0, entries: 0, bytes: 0 },
    });
  });

  it("gives the pages a null default scenario and no tiles by default", async () => {
    expect((await t.app.inject("/api/v1/config")).json()).toEqual({
      defaultScenarioId: null,
      tileUrl: null,
      tileAttribution: null,
    });
  });

  it("publishes an OpenAPI document in which every API route has a response schema", async () => {
    const doc = (await t.app.inject("/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    const expected = [
      ["get", "/health"],
      ["post", "/api/v1/scenarios"],
      ["get", "/api/v1/scenarios"],
      ["get", "/api/v1/scenarios/{id}"],
      ["get", "/api/v1/scenarios/{id}/published"],
      ["post", "/api/v1/plans"],
      ["get", "/api/v1/plans/{id}"],
      ["delete", "/api/v1/plans/{id}"],
      ["get", "/api/v1/plans/{id}/events"],
      ["get", "/api/v1/plans/{id}/geojson"],
      ["get", "/api/v1/plans/{id}/directions/{busId}/{date}"],
      ["post", "/api/v1/plans/{id}/publish"],
      ["get", "/api/v1/stops"],
      ["get", "/api/v1/stops/{stopId}"],
      ["get", "/calendars/stops/{file}"],
      ["get", "/calendars/buses/{file}"],
      ["get", "/calendars/localities/{file}"],
      ["get", "/api/v1/config"],
    ];
    for (const [method, path] of expected) {
      const operation = doc.paths[path!]?.[method!];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(Object.keys(operation.responses).length, `${method} ${path}`).toBeGreaterThan(0);
    }
    expect(doc.paths["/api/v1/plans"].post.security).toEqual([{ bearerAuth: [] }]);
    expect(
      doc.paths["/api/v1/scenarios"].post.requestBody.content["application/json"].schema.properties.stops,
    ).toBeDefined();
  });

  it("serves the interactive docs locally", async () => {
    const res = await t.app.inject("/docs/");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("swagger");
    expect(res.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);
  });

  it("serves the built pages and assets", async () => {
    expect((await t.app.inject("/")).body).toContain("planner");
    expect((await t.app.inject("/community")).body).toContain("community");
    const asset = await t.app.inject("/assets/app.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain("hi");
    expect((await t.app.inject("/assets/../index.html")).statusCode).not.toBe(500);
  });

  it("answers unknown routes with the JSON error shape", async () => {
    const res = await t.app.inject("/api/v1/nothing");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, code: "CAREBUS_ERR_ROUTE_NOT_FOUND", error: "Not Found" });
  });

  it("sends no CORS headers unless an origin is configured", async () => {
    const res = await t.app.inject({ url: "/health", headers: { origin: "https://elsewhere.example" } });
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("configured apps", () => {
  it("says how to build the pages when they are missing, and allows the configured CORS origin", async () => {
    const dir = mkdtempSync(join(tmpdir(), "carebus-api-"));
    const store = openSqliteStore(dir);
    const app = await buildApp({
      store,
      apiToken: TOKEN,
      webRoot: join(dir, "missing"),
      config: {
        dataDir: dir,
        corsOrigin: "https://maps.example",
        tileUrl: "https://tiles.example/{z}/{x}/{y}.png",
        tileAttribution: "© OSM",
      },
    });
    try {
      const page = await app.inject("/");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("pages not built: run");
      const cors = await app.inject({ url: "/health", headers: { origin: "https://maps.example" } });
      expect(cors.headers["access-control-allow-origin"]).toBe("https://maps.example");
      expect((await app.inject("/api/v1/config")).json()).toEqual({
        defaultScenarioId: null,
        tileUrl: "https://tiles.example/{z}/{x}/{y}.png",
        tileAttribution: "© OSM",
      });
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("rate limits", () => {
  it("answers write bursts beyond the limit with 429 in the JSON error shape", async () => {
    const dir = mkdtempSync(join(tmpdir(), "carebus-api-"));
    const store = openSqliteStore(dir);
    const app = await buildApp({
      store,
      apiToken: TOKEN,
      webRoot: null,
      config: { dataDir: dir, writeRateLimitPerMinute: 2 },
    });
    try {
      const post = () =>
        app.inject({
          method: "POST",
          url: "/api/v1/plans",
          headers: { authorization: `Bearer ${TOKEN}` },
          payload: { scenarioId: "none" },
        });
      expect((await post()).statusCode).toBe(404);
      expect((await post()).statusCode).toBe(404);
      const limited = await post();
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ statusCode: 429, error: "Too Many Requests" });
      expect(limited.headers["retry-after"]).toBeDefined();
      // reads are not limited
      for (let i = 0; i < 5; i += 1) expect((await app.inject("/health")).statusCode).toBe(200);
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
