/**
 * Server load test: stop-feed requests per second and latency over loopback, alone and while
 * a solve runs, side by side with a bare Fastify hello-world route measured in the same run.
 * The server (the real carebus app on the Bogotá scenario, plus the bare hello-world app) runs
 * in a child process, so the load generator (autocannon, in this process) does not share its
 * event loop; the solve runs in the server's worker thread as in production. Targets from the
 * server issue: the feed at ≥ 50% of the hello-world rate, and p99 ≤ 50 ms during a solve.
 * Issue 17 adds a cache-busting flood: four connections ask for the stop's feed with a new
 * percent-encoding of its id and a new Host on every request while two connections measure
 * `/health` (target p99 < 50 ms); the feed renders the flood caused are read from `/health`.
 * Everything is bounded in time; nothing here asserts.
 *
 * Run `node benchmarks/dist/serverLoad.js` (after `pnpm build`) for a one-off run printing
 * JSON; `pnpm bench` runs it through serverSuite.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

/** Options of `runServerLoad`. */
export interface ServerLoadOptions {
  /** length of each load window, seconds */
  seconds: number;
  /** minimum length of the background solve, seconds (it is stretched to cover both windows run during it) */
  solveSeconds: number;
  /** concurrent connections of the load generator (default 10) */
  connections?: number;
  /** scenario file (default: data/bogota/scenario.json) */
  scenarioFile?: string;
  /** seconds spent planning the scenario before the feed can be published (default 5) */
  planSeconds?: number;
}

/** Figures of one load window. */
export interface LoadFigures {
  rps: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  maxLatencyMs: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** Result of `runServerLoad`. */
export interface ServerLoadResult {
  seconds: number;
  connections: number;
  solveSecondsUsed: number;
  stopId: string;
  feedBytes: number;
  alone: { hello: LoadFigures; feed: LoadFigures };
  duringSolve: { feed: LoadFigures; hello: LoadFigures };
  /** feed rate / hello-world rate, with no solve running (target ≥ 0.5) */
  feedToHelloRatio: number;
  /** feed p99 during the solve (target ≤ 50) */
  feedP99DuringSolveMs: number;
  /** 1 when the solve was still running after both during-solve windows, else 0 */
  solveCoveredWindows: number;
  /** `/health` alone, then during a flood of distinct feed encodings and Host values */
  cacheBustFlood: { healthAlone: LoadFigures; flood: LoadFigures; healthDuringFlood: LoadFigures; renders: number };
  /** `/health` p99 during the flood (target < 50) */
  healthP99DuringFloodMs: number;
}

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

interface TargetInfo {
  appUrl: string;
  helloUrl: string;
  token: string;
  stopId: string;
}

/** The child side: the carebus app with a published plan and a bare Fastify app, both listening. */
async function runTarget(scenarioFile: string, planSeconds: number): Promise<void> {
  const [{ buildApp, openSqliteStore }, { default: Fastify }, { parseScenario, scenarioHash }] = await Promise.all([
    import("@carebus/api"),
    import("fastify"),
    import("@carebus/model"),
  ]);
  const dir = mkdtempSync(join(tmpdir(), "carebus-load-"));
  const token = "load-test-token-0123456789";
  const store = openSqliteStore(dir);
  const scenario = parseScenario(JSON.parse(readFileSync(scenarioFile, "utf8")));
  await store.insertScenario({
    id: scenario.id,
    name: scenario.name,
    hash: scenarioHash(scenario),
    scenario,
    baseDir: dirname(scenarioFile),
    createdAt: new Date().toISOString(),
  });
  const app = await buildApp({
    store,
    apiToken: token,
    webRoot: null,
    defaultScenarioId: scenario.id,
    config: { dataDir: dir, writeRateLimitPerMinute: 1_000_000, maxSolveSeconds: 3600 },
  });
  const auth = { authorization: `Bearer ${token}` };
  const started = await app.inject({
    method: "POST",
    url: "/api/v1/plans",
    headers: auth,
    payload: { scenarioId: scenario.id, options: { timeLimitSeconds: planSeconds, seed: 1 } },
  });
  const planId = (started.json() as { id: string }).id;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const job = (await app.inject(`/api/v1/plans/${planId}`)).json() as {
      status: string;
      error?: string;
      plan?: { routes: Array<{ visits: Array<{ stopId: string }> }> };
    };
    if (job.status === "queued" || job.status === "running") continue;
    if (job.status !== "done" || !job.plan) throw new Error(`planning ${job.status}: ${job.error ?? ""}`);
    await app.inject({ method: "POST", url: `/api/v1/plans/${planId}/publish`, headers: auth });
    const stopId = job.plan.routes.find((r) => r.visits.length > 0)?.visits[0]?.stopId;
    if (!stopId) throw new Error("the plan visits no stop");
    const hello = Fastify();
    hello.get("/hello", async () => ({ hello: "world" }));
    await app.listen({ host: "127.0.0.1", port: 0 });
    await hello.listen({ host: "127.0.0.1", port: 0 });
    const info: TargetInfo = {
      appUrl: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`,
      helloUrl: `http://127.0.0.1:${(hello.server.address() as { port: number }).port}/hello`,
      token,
      stopId,
    };
    process.stdout.write(`${JSON.stringify(info)}\n`);
    const stop = () => {
      void Promise.all([app.close(), hello.close()]).then(async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
    return;
  }
}

function startTarget(scenarioFile: string, planSeconds: number): { child: ChildProcess; info: Promise<TargetInfo> } {
  const child = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), "--target", scenarioFile, String(planSeconds)],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const info = new Promise<TargetInfo>((resolveInfo, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolveInfo(JSON.parse(line) as TargetInfo);
    });
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`load target exited (${code}): ${err.slice(-2000)}`)));
  });
  return { child, info };
}

/**
 * Each connection reconnects after this many requests, below the server's default
 * `maxRequestsPerSocket` (1,000): past it Node answers every further request on the socket
 * with a 503, and the figures would time those instead of the routes.
 */
const RECONNECT_RATE = 500;

async function load(url: string, seconds: number, connections: number): Promise<LoadFigures> {
  return figures(
    await autocannon({ url, connections, duration: seconds, pipelining: 1, reconnectRate: RECONNECT_RATE }),
  );
}

/** `id` with the characters whose bit is set in `n` percent-encoded (2^length spellings). */
function spelling(id: string, n: number): string {
  return [...id]
    .map((c, i) => ((n >> i) & 1 ? `%${c.charCodeAt(0).toString(16).padStart(2, "0")}` : encodeURIComponent(c)))
    .join("");
}

/** The stop's feed with a new spelling of its id and a new Host on every request. */
async function cacheBust(appUrl: string, stopId: string, seconds: number, connections: number): Promise<LoadFigures> {
  let n = 0;
  const result = await autocannon({
    url: appUrl,
    connections,
    duration: seconds,
    pipelining: 1,
    reconnectRate: RECONNECT_RATE,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => {
          n += 1;
          return {
            ...request,
            path: `/calendars/stops/${spelling(stopId, n)}.ics`,
            headers: { ...request.headers, host: `h${n}.example` },
          };
        },
      },
    ],
  });
  return figures(result);
}

async function feedRenders(appUrl: string): Promise<number> {
  return ((await (await fetch(`${appUrl}/health`)).json()) as { feedCache: { renders: number } }).feedCache.renders;
}

function figures(result: autocannon.Result): LoadFigures {
  return {
    rps: Math.round(result.requests.average),
    p50LatencyMs: result.latency.p50,
    p99LatencyMs: result.latency.p99,
    maxLatencyMs: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Runs the load test and returns its figures (bounded: about 6 × `seconds` plus the planning
 * time and start-up).
 * @example const r = await runServerLoad({ seconds: 10, solveSeconds: 30 }); r.feedToHelloRatio
 */
export async function runServerLoad(options: ServerLoadOptions): Promise<ServerLoadResult> {
  const connections = options.connections ?? 10;
  const scenarioFile = options.scenarioFile ?? join(REPOSITORY_ROOT, "data/bogota/scenario.json");
  const { child, info: infoPromise } = startTarget(scenarioFile, options.planSeconds ?? 5);
  try {
    const info = await infoPromise;
    const feedUrl = `${info.appUrl}/calendars/stops/${encodeURIComponent(info.stopId)}.ics`;
    const feedBytes = (await (await fetch(feedUrl)).text()).length;
    // Warm both servers' code paths before measuring.
    await load(info.helloUrl, 1, connections);
    await load(feedUrl, 1, connections);
    const helloAlone = await load(info.helloUrl, options.seconds, connections);
    const feedAlone = await load(feedUrl, options.seconds, connections);

    const healthUrl = `${info.appUrl}/health`;
    const healthAlone = await load(healthUrl, options.seconds, 2);
    const rendersBefore = await feedRenders(info.appUrl);
    const [flood, healthDuringFlood] = await Promise.all([
      cacheBust(info.appUrl, info.stopId, options.seconds, 4),
      load(healthUrl, options.seconds, 2),
    ]);
    const renders = (await feedRenders(info.appUrl)) - rendersBefore;

    const solveSecondsUsed = Math.max(options.solveSeconds, 2 * options.seconds + 5);
    const scenarioId = ((await (await fetch(`${info.appUrl}/api/v1/config`)).json()) as { defaultScenarioId: string })
      .defaultScenarioId;
    const started = await fetch(`${info.appUrl}/api/v1/plans`, {
      method: "POST",
      headers: { authorization: `Bearer ${info.token}`, "content-type": "application/json" },
      body: JSON.stringify({ scenarioId, options: { timeLimitSeconds: solveSecondsUsed, seed: 2 } }),
    });
    const { id: solveId } = (await started.json()) as { id: string };
    // Let the worker get past start-up so the windows see the search itself.
    await new Promise((r) => setTimeout(r, 1000));
    const feedDuring = await load(feedUrl, options.seconds, connections);
    const helloDuring = await load(info.helloUrl, options.seconds, connections);
    const status = ((await (await fetch(`${info.appUrl}/api/v1/plans/${solveId}`)).json()) as { status: string })
      .status;
    await fetch(`${info.appUrl}/api/v1/plans/${solveId}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${info.token}` },
    });

    return {
      seconds: options.seconds,
      connections,
      solveSecondsUsed,
      stopId: info.stopId,
      feedBytes,
      alone: { hello: helloAlone, feed: feedAlone },
      duringSolve: { feed: feedDuring, hello: helloDuring },
      feedToHelloRatio: Math.round((feedAlone.rps / Math.max(1, helloAlone.rps)) * 1000) / 1000,
      feedP99DuringSolveMs: feedDuring.p99LatencyMs,
      solveCoveredWindows: status === "running" ? 1 : 0,
      cacheBustFlood: { healthAlone, flood, healthDuringFlood, renders },
      healthP99DuringFloodMs: healthDuringFlood.p99LatencyMs,
    };
  } finally {
    child.kill("SIGTERM");
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === "--target") {
    runTarget(process.argv[3]!, Number(process.argv[4])).catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
  } else {
    const seconds = Number(process.argv[2] ?? 10);
    const solveSeconds = Number(process.argv[3] ?? 60);
    runServerLoad({ seconds, solveSeconds }).then(
      (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
      (error: unknown) => {
        process.stderr.write(`${(error as Error).message}\n`);
        process.exitCode = 1;
      },
    );
  }
}
