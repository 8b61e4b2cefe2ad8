/**
 * Cluster: the deployment with several processes on one PostgreSQL database, run as operators
 * run it (`carebus serve --database` and `carebus worker --database`, built CLI, a throwaway
 * PostgreSQL from Debian's binaries). For 1 and then 2 worker processes (one solve each), it
 * posts the same batch of Bogotá-week solves (default 12 at 10 s) and records jobs per minute
 * and the time from the first post to the last result. Then, with a published plan, it measures
 * the stop-feed rate of one API process and of two (autocannon in this process, loopback).
 * Too slow for --quick (minutes of solving): skipped there.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { parsePositive } from "./listArgs.js";
import { createMetric, type Metric } from "./result.js";
import { SuiteSkipped, type Suite, type SuiteContext, type SuiteOutput } from "./suite.js";

const TOKEN = "cluster-bench-token-0123456789";

interface Member {
  child: ChildProcess;
  /** resolves with the first stdout line matching */
  line(pattern: RegExp): Promise<string>;
}

interface BatchResult {
  workers: number;
  jobs: number;
  solveSeconds: number;
  done: number;
  failed: number;
  timeToLastResultSeconds: number;
  jobsPerMinute: number;
}

interface FeedResult {
  apis: number;
  rps: number;
  p99LatencyMs: number;
  errors: number;
}

function spawnCli(repoRoot: string, args: string[], databaseUrl: string): Member {
  const child = spawn(process.execPath, [join(repoRoot, "apps/cli/dist/main.js"), ...args], {
    env: { ...process.env, CAREBUS_API_TOKEN: TOKEN, CAREBUS_DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let pending = "";
  let errors = "";
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.on("exit", (code, signal) =>
      reject(new Error(`carebus ${args[0]} exited (${code ?? signal}): ${errors.slice(-1500)}`)),
    ),
  );
  exited.catch(() => undefined);
  return {
    child,
    line: (pattern) =>
      Promise.race([
        new Promise<string>((resolve) => {
          const seen = lines.find((l) => pattern.test(l));
          if (seen !== undefined) resolve(seen);
          else waiters.push({ pattern, resolve });
        }),
        exited,
      ]),
  };
}

async function stopAll(members: Member[]): Promise<void> {
  await Promise.all(
    members.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill("SIGKILL"), 30_000);
          child.once("exit", () => {
            clearTimeout(force);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}

/** Starts `carebus serve` on the database and waits until its scenario is published. */
async function startApi(repoRoot: string, databaseUrl: string): Promise<{ member: Member; url: string; feed: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "carebus-cluster-bench-"));
  const member = spawnCli(
    repoRoot,
    ["serve", "--port", "0", "--data-dir", dataDir, "--plan-seconds", "10"],
    databaseUrl,
  );
  member.child.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  const listening = await member.line(/^carebus listening on /);
  const feed = (await member.line(/^stop calendar: /)).replace(/^stop calendar:\s+/, "").trim();
  await member.line(/Press Ctrl\+C to stop/);
  return { member, url: listening.split(" ")[3]!, feed };
}

async function runBatch(
  context: SuiteContext,
  apiUrl: string,
  workers: number,
  jobs: number,
  solveSeconds: number,
): Promise<BatchResult> {
  const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
  const { defaultScenarioId } = (await (await fetch(`${apiUrl}/api/v1/config`)).json()) as {
    defaultScenarioId: string;
  };
  const started = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < jobs; i += 1) {
    const res = await fetch(`${apiUrl}/api/v1/plans`, {
      method: "POST",
      headers,
      body: JSON.stringify({ scenarioId: defaultScenarioId, options: { timeLimitSeconds: solveSeconds, seed: i + 1 } }),
    });
    if (res.status !== 202) throw new Error(`could not queue a solve: ${res.status} ${await res.text()}`);
    ids.push(((await res.json()) as { id: string }).id);
  }
  const finished = new Map<string, string>();
  let last = started;
  while (finished.size < ids.length) {
    await new Promise((r) => setTimeout(r, 250));
    for (const id of ids) {
      if (finished.has(id)) continue;
      const { status } = (await (await fetch(`${apiUrl}/api/v1/plans/${id}`)).json()) as { status: string };
      if (status === "queued" || status === "running") continue;
      finished.set(id, status);
      last = performance.now();
      context.log(`cluster: ${workers} worker(s): ${finished.size}/${ids.length} (${status})`);
    }
  }
  const seconds = (last - started) / 1000;
  const statuses = [...finished.values()];
  return {
    workers,
    jobs,
    solveSeconds,
    done: statuses.filter((s) => s === "done").length,
    failed: statuses.filter((s) => s !== "done").length,
    timeToLastResultSeconds: Math.round(seconds * 10) / 10,
    jobsPerMinute: Math.round((jobs / seconds) * 60 * 100) / 100,
  };
}

async function feedRate(urls: string[], seconds: number, connections: number): Promise<FeedResult> {
  const share = Math.max(1, Math.round(connections / urls.length));
  const results = await Promise.all(
    urls.map((url) => autocannon({ url, connections: share, duration: seconds, pipelining: 1 })),
  );
  return {
    apis: urls.length,
    rps: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    p99LatencyMs: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
  };
}

async function runCluster(context: SuiteContext): Promise<SuiteOutput> {
  if (context.quick) throw new SuiteSkipped("minutes of solving: run it with --suite cluster (not in --quick)");
  const jobs = context.flags["cluster-jobs"] ? parsePositive(context.flags["cluster-jobs"], "--cluster-jobs") : 12;
  const solveSeconds = context.flags["cluster-seconds"]
    ? parsePositive(context.flags["cluster-seconds"], "--cluster-seconds")
    : 10;
  const feedSeconds = context.flags["server-seconds"]
    ? parsePositive(context.flags["server-seconds"], "--server-seconds")
    : 10;
  const { startThrowawayPostgres } = await import("@carebus/api");
  let server: Awaited<ReturnType<typeof startThrowawayPostgres>>;
  try {
    server = await startThrowawayPostgres();
  } catch (error) {
    throw new SuiteSkipped((error as Error).message);
  }
  const batches: BatchResult[] = [];
  const feeds: FeedResult[] = [];
  try {
    for (const workers of [1, 2]) {
      const databaseUrl = await server.createDatabase(`cluster_${workers}`);
      const members: Member[] = [];
      try {
        for (let i = 0; i < workers; i += 1) members.push(spawnCli(context.repoRoot, ["worker"], databaseUrl));
        await Promise.all(members.map((m) => m.line(/^carebus worker: taking solve jobs/)));
        context.log(`cluster: ${workers} worker(s): publishing the Bogotá week first (10 s solve)`);
        const api = await startApi(context.repoRoot, databaseUrl);
        members.push(api.member);
        context.log(`cluster: ${workers} worker(s): ${jobs} solves of ${solveSeconds} s`);
        batches.push(await runBatch(context, api.url, workers, jobs, solveSeconds));
        if (workers === 2) {
          const second = await startApi(context.repoRoot, databaseUrl);
          members.push(second.member);
          const feedOnSecond = new URL(new URL(api.feed).pathname, second.url).toString();
          context.log(`cluster: stop feed, one API process then two, ${feedSeconds} s each`);
          feeds.push(await feedRate([api.feed], feedSeconds, 10));
          feeds.push(await feedRate([api.feed, feedOnSecond], feedSeconds, 10));
        }
      } finally {
        await stopAll(members);
      }
    }
  } finally {
    server.stop();
  }
  const metrics: Metric[] = [];
  for (const batch of batches) {
    const at = `cluster/workers-${batch.workers}`;
    metrics.push(
      createMetric(
        { id: `${at}/jobsPerMinute`, suite: "cluster", unit: "jobs/min", better: "higher", budget: "time" },
        [batch.jobsPerMinute],
      ),
      createMetric({ id: `${at}/timeToLastResult`, suite: "cluster", unit: "s", better: "lower", budget: "time" }, [
        batch.timeToLastResultSeconds,
      ]),
      createMetric({ id: `${at}/failedJobs`, suite: "cluster", unit: "", better: "lower", tolerance: 0 }, [
        batch.failed,
      ]),
    );
  }
  for (const feed of feeds) {
    const at = `cluster/feed-${feed.apis}-api`;
    metrics.push(
      createMetric({ id: `${at}/rps`, suite: "cluster", unit: "req/s", better: "higher", budget: "time" }, [feed.rps]),
      createMetric({ id: `${at}/p99`, suite: "cluster", unit: "ms", better: "lower", budget: "time" }, [
        feed.p99LatencyMs,
      ]),
    );
  }
  return { metrics, details: { jobs, solveSeconds, feedSeconds, batches, feeds } };
}

/** The cluster suite. */
export const clusterSuite: Suite = {
  name: "cluster",
  description: "PostgreSQL deployment: Bogotá solves with 1 and 2 workers, feed rate of 1 and 2 API processes",
  run: runCluster,
};
