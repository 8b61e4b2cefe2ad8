/**
 * Solve jobs through PostgreSQL, in one test process: two API servers (each with its own
 * connection pool and LISTEN connection, as two processes would have) and one worker pool on
 * a fresh database of the run's throwaway PostgreSQL. Progress and status reach the SSE
 * stream of the server that did not start the job, cancel works from either server, publishing
 * one plan through both at once gives one publication, and both serve the same feeds.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioHash } from "@carebus/model";
import {
  loadConfig,
  startServer,
  startSolveWorkers,
  type PostgresStore,
  type RunningServer,
  type SolveWorkers,
} from "../src/index.js";
import { ABANDONED_QUEUE, createBoss, SOLVE_QUEUE } from "../src/jobs/pgQueue.js";
import { AUTH, TOKEN, longRunningScenario, tinyScenario } from "./helpers.js";
import { createTestDatabase, type TestDatabase } from "./postgres/testDatabase.js";

let database: TestDatabase;
let dir: string;
let a: RunningServer;
let b: RunningServer;
let workers: SolveWorkers;

const start = () =>
  startServer(
    loadConfig(
      {
        port: 0,
        host: "127.0.0.1",
        dataDir: dir,
        apiToken: TOKEN,
        databaseUrl: database.url,
        writeRateLimitPerMinute: 100_000,
        // Behind one load balancer both processes build links from the same public address.
        publicUrl: "https://carebus.example",
      },
      {},
    ),
    { webRoot: null },
  );

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "carebus-pgjobs-"));
  a = await start();
  b = await start();
  workers = await startSolveWorkers({
    databaseUrl: database.url,
    concurrency: 1,
    pollingIntervalSeconds: 0.5,
    heartbeatMs: 200,
  });
  for (const payload of [tinyScenario, longRunningScenario]) {
    const res = await a.app.inject({ method: "POST", url: "/api/v1/scenarios", headers: AUTH, payload });
    expect(res.statusCode).toBe(201);
  }
});

afterAll(async () => {
  await workers?.close();
  await a?.close();
  await b?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const post = (server: RunningServer, options: Record<string, number>, scenarioId = tinyScenario.id) =>
  server.app.inject({
    method: "POST",
    url: "/api/v1/plans",
    headers: AUTH,
    payload: { scenarioId, options },
  });

/** A job that runs until it is cancelled (a minute at most). */
const postLong = (server: RunningServer) => post(server, { timeLimitSeconds: 60 }, longRunningScenario.id);

async function waitFor(server: RunningServer, id: string, wanted: (body: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 600; i += 1) {
    const body = (await server.app.inject(`/api/v1/plans/${id}`)).json() as Record<string, unknown>;
    if (wanted(body)) return body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`plan ${id} never reached the wanted state`);
}

// Each wait below allows 60 s on its own; the test's budget covers two of them, so a slow run on a
// busy machine fails with the wait that was not met instead of the global 60 s timeout.
describe("solve jobs through PostgreSQL", { timeout: 150_000 }, () => {
  it("runs a job queued by one server in the worker and streams it on the other", async () => {
    const started = await post(a, { timeLimitSeconds: 2, seed: 3 });
    expect(started.statusCode).toBe(202);
    const { id, status } = started.json() as { id: string; status: string };
    expect(status).toBe("queued");
    const events = await b.app.inject(`/api/v1/plans/${id}/events`);
    expect(events.body).toMatch(/event: progress\ndata: \{"value":/);
    expect(events.body).toMatch(/event: status\ndata: \{"status":"done"\}\n\n$/);
    const done = await waitFor(b, id, (body) => body.status === "done");
    const plan = done.plan as { scenario: { id: string }; stats: { iterations: number } };
    expect(plan.scenario.id).toBe("api-tiny");
    expect(done.progress).toMatchObject({ iterations: plan.stats.iterations });
    expect((await a.app.inject(`/api/v1/plans/${id}`)).json()).toEqual(done);
  });

  it("cancels a running job from the server that did not start it, keeping its best plan", async () => {
    const { id } = (await postLong(a)).json() as { id: string };
    await waitFor(a, id, (body) => body.status === "running" && body.progress !== null);
    const cancel = await b.app.inject({ method: "DELETE", url: `/api/v1/plans/${id}`, headers: AUTH });
    expect(cancel.statusCode).toBe(202);
    expect(cancel.json()).toEqual({ id, status: "running" });
    const cancelled = await waitFor(a, id, (body) => body.status === "cancelled");
    expect(cancelled.plan).toBeDefined();
    const again = await a.app.inject({ method: "DELETE", url: `/api/v1/plans/${id}`, headers: AUTH });
    expect(again.statusCode).toBe(409);
  });

  it("cancels a queued job at once; the worker skips it", async () => {
    // The one worker slot is busy with the first job, so the second waits in the queue.
    const busy = (await postLong(a)).json().id as string;
    await waitFor(a, busy, (body) => body.status === "running");
    const queued = (await postLong(b)).json().id as string;
    const cancel = await a.app.inject({ method: "DELETE", url: `/api/v1/plans/${queued}`, headers: AUTH });
    expect(cancel.json()).toEqual({ id: queued, status: "cancelled" });
    const events = await b.app.inject(`/api/v1/plans/${queued}/events`);
    expect(events.body).toBe('event: status\ndata: {"status":"cancelled"}\n\n');
    await b.app.inject({ method: "DELETE", url: `/api/v1/plans/${busy}`, headers: AUTH });
    await waitFor(a, busy, (body) => body.status === "cancelled");
    expect((await a.app.inject(`/api/v1/plans/${queued}`)).json()).toMatchObject({ status: "cancelled" });
    expect((await a.store.getPlan(queued))?.plan).toBeNull();
  });

  it("publishes once when both servers publish the same plan at once, and both serve the same feeds", async () => {
    const { id } = (await post(b, { iterationLimit: 30, seed: 5 })).json() as { id: string };
    await waitFor(a, id, (body) => body.status === "done");
    const [fromA, fromB] = await Promise.all(
      [a, b].map((server) => server.app.inject({ method: "POST", url: `/api/v1/plans/${id}/publish`, headers: AUTH })),
    );
    expect([fromA!.statusCode, fromB!.statusCode].sort()).toEqual([200, 201]);
    expect(fromA!.json().publicationId).toBe(fromB!.json().publicationId);
    expect((await a.store.listPublications("api-tiny")).filter((p) => p.planId === id)).toHaveLength(1);
    const stopId = tinyScenario.stops[0]!.id;
    const feeds = await Promise.all(
      [a, b].map((server) =>
        server.app.inject({ url: `/calendars/stops/${stopId}.ics`, headers: { host: "feeds.test" } }),
      ),
    );
    expect(feeds[0]!.statusCode).toBe(200);
    expect(feeds[0]!.body).toContain("BEGIN:VCALENDAR");
    expect(feeds[1]!.body).toBe(feeds[0]!.body);
    expect(feeds[1]!.headers.etag).toBe(feeds[0]!.headers.etag);
  });

  it("ends the event streams of a closing server (clients reconnect elsewhere) without waiting for the job", async () => {
    const c = await start();
    const { id } = (await postLong(a)).json() as { id: string };
    await waitFor(a, id, (body) => body.status === "running");
    const res = await fetch(`${c.url}/api/v1/plans/${id}/events`);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("event: ");
    await c.close();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).not.toContain('"status":"done"');
    expect((await a.app.inject(`/api/v1/plans/${id}`)).json().status).toBe("running");
    await a.app.inject({ method: "DELETE", url: `/api/v1/plans/${id}`, headers: AUTH });
    await waitFor(a, id, (body) => body.status === "cancelled");
  });

  it("marks a job failed, with the reason, when pg-boss gives it up after every run died", async () => {
    const store = a.store as PostgresStore;
    const queue = await store.pool.query<{ dead_letter: string }>(
      "SELECT dead_letter FROM pgboss.queue WHERE name = $1",
      [SOLVE_QUEUE],
    );
    expect(queue.rows[0]?.dead_letter).toBe(ABANDONED_QUEUE);
    // A plan whose last run died mid-solve, as pg-boss hands it to the dead-letter queue.
    const id = randomUUID();
    await store.insertPlan({
      id,
      scenarioId: tinyScenario.id,
      scenarioHash: scenarioHash(tinyScenario),
      options: { timeLimitSeconds: 5 },
      status: "running",
      error: null,
      plan: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    });
    const boss = createBoss(store, { supervise: false, migrate: false });
    await boss.start();
    await boss.send(ABANDONED_QUEUE, { planId: id, options: { timeLimitSeconds: 5 }, leaseSeconds: 65 });
    await boss.stop({ graceful: false, close: false });
    const failed = await waitFor(b, id, (body) => body.status !== "running");
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/^no worker finished the job: 3 runs stopped/);
  });
});
