/**
 * The server over a real loopback socket: `startServer` on a free port, called with fetch.
 * Also the generated write token: created at first start with mode 0600, reused afterwards.
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_FILE, loadConfig, startServer, type RunningServer } from "../src/index.js";
import { WEEK, tinyPlan, tinyScenario } from "./helpers.js";
import { scenarioHash } from "@carebus/model";

let dir: string;
let server: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "carebus-listen-"));
  chmodSync(dir, 0o755); // as a data directory made by hand might be: the server tightens it
  server = await startServer(loadConfig({ port: 0, host: "127.0.0.1", dataDir: dir }, {}), {
    webRoot: null,
    logger: false,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a listening server", () => {
  it("generates a write token readable by its owner only", () => {
    expect(server.token.source).toBe("generated");
    expect(server.token.token.length).toBeGreaterThanOrEqual(32);
    expect(statSync(server.token.path!).mode & 0o777).toBe(0o600);
  });

  it("issue 17: keeps the database files 0600 in a 0700 data directory", () => {
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`])
      expect(statSync(join(dir, file)).mode & 0o777, file).toBe(0o600);
  });

  it("serves writes, reads, feeds and SSE over HTTP", async () => {
    const auth = { authorization: `Bearer ${server.token.token}`, "content-type": "application/json" };
    const noToken = await fetch(`${server.url}/api/v1/scenarios`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(tinyScenario),
    });
    expect(noToken.status).toBe(401);
    const created = await fetch(`${server.url}/api/v1/scenarios`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify(tinyScenario),
    });
    expect(created.status).toBe(201);
    await server.store.insertPlan({
      id: "p1",
      scenarioId: tinyScenario.id,
      scenarioHash: scenarioHash(tinyScenario),
      options: {},
      status: "done",
      error: null,
      plan: tinyPlan(WEEK),
      createdAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
    });
    expect(
      (
        await fetch(`${server.url}/api/v1/plans/p1/publish`, {
          method: "POST",
          headers: { authorization: auth.authorization },
        })
      ).status,
    ).toBe(201);

    const stops = (await (await fetch(`${server.url}/api/v1/stops?q=usme`)).json()) as {
      stops: Array<{ feeds: { ics: string } }>;
    };
    const feedUrl: string = stops.stops[0]!.feeds.ics;
    expect(feedUrl.startsWith(server.url)).toBe(true);
    const feed = await fetch(feedUrl);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VEVENT");
    const cached = await fetch(feedUrl, { headers: { "if-none-match": feed.headers.get("etag")! } });
    expect(cached.status).toBe(304);

    const events = await fetch(`${server.url}/api/v1/plans/p1/events`);
    expect(events.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(await events.text()).toContain('event: status\ndata: {"status":"done"}');
  });

  it("reuses the stored token after a restart", async () => {
    const again = await startServer(loadConfig({ port: 0, host: "127.0.0.1", dataDir: join(dir, "second") }, {}), {
      webRoot: null,
      logger: false,
    });
    const token = again.token.token;
    await again.close();
    const third = await startServer(loadConfig({ port: 0, host: "127.0.0.1", dataDir: join(dir, "second") }, {}), {
      webRoot: null,
      logger: false,
    });
    try {
      expect(third.token).toMatchObject({ source: "file", token });
    } finally {
      await third.close();
    }
  });
});

describe("loadConfig", () => {
  it("reads CAREBUS_* variables and names the bad one", () => {
    const config = loadConfig(
      {},
      { CAREBUS_PORT: "8080", CAREBUS_TILE_URL: "https://t/{z}/{x}/{y}.png", CAREBUS_CORS_ORIGIN: "https://a.example" },
    );
    expect(config).toMatchObject({
      port: 8080,
      tileUrl: "https://t/{z}/{x}/{y}.png",
      corsOrigin: "https://a.example",
      host: "127.0.0.1",
    });
    expect(() => loadConfig({}, { CAREBUS_PORT: "eighty" })).toThrow(/CAREBUS_PORT/);
    expect(() => loadConfig({}, { CAREBUS_API_TOKEN: "short" })).toThrow(/CAREBUS_API_TOKEN/);
    expect(() => loadConfig({}, { CAREBUS_SOLVE_CONCURRENCY: "0" })).toThrow(/CAREBUS_SOLVE_CONCURRENCY/);
  });

  it("reads the PostgreSQL settings: SQLite unless a postgresql:// URL is given", () => {
    expect(loadConfig({}, {})).toMatchObject({ databaseUrl: null, jobLeaseGraceSeconds: null });
    expect(
      loadConfig(
        {},
        { CAREBUS_DATABASE_URL: "postgresql://carebus@db:5432/carebus", CAREBUS_JOB_LEASE_GRACE_SECONDS: "30" },
      ),
    ).toMatchObject({ databaseUrl: "postgresql://carebus@db:5432/carebus", jobLeaseGraceSeconds: 30 });
    expect(() => loadConfig({}, { CAREBUS_DATABASE_URL: "mysql://db/carebus" })).toThrow(/CAREBUS_DATABASE_URL/);
    expect(() => loadConfig({ databaseUrl: "not a url" }, {})).toThrow(/--database/);
    expect(() => loadConfig({}, { CAREBUS_JOB_LEASE_GRACE_SECONDS: "soon" })).toThrow(
      /CAREBUS_JOB_LEASE_GRACE_SECONDS/,
    );
  });
});
