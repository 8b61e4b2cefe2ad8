/**
 * The cluster on one PostgreSQL database, as deployed: two API processes and two worker
 * processes (the built dist, fixtures/clusterProcess.mjs). Scenarios and plans are posted through both APIs; one worker
 * is SIGKILLed in the middle of a solve. Afterwards every job is done, each has one stored
 * plan (the killed job's written by the run that replaced it), each publish through both APIs
 * at once made one publication, and both APIs serve identical feeds.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TOKEN, tinyScenario } from "./helpers.js";
import { pollUntil } from "./poll.js";
import { createTestDatabase, type TestDatabase } from "./postgres/testDatabase.js";

interface Member {
  child: ChildProcessWithoutNullStreams;
  output: string[];
  /** resolves with the first stdout line matching */
  line(pattern: RegExp): Promise<string>;
}

let database: TestDatabase;
let dir: string;
const members: Member[] = [];

function spawnMember(args: string[]): Member {
  const script = fileURLToPath(new URL("./fixtures/clusterProcess.mjs", import.meta.url));
  const child = spawn(process.execPath, [script, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const output: string[] = [];
  let pending = "";
  let errors = "";
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  child.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      output.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  child.on("exit", (code, signal) => {
    for (const waiter of waiters.splice(0))
      waiter.reject(new Error(`${args[0]} exited (${code ?? signal}) before printing ${waiter.pattern}: ${errors}`));
  });
  const member: Member = {
    child,
    output,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = output.find((l) => pattern.test(l));
        if (seen !== undefined) resolve(seen);
        else waiters.push({ pattern, resolve, reject });
      }),
  };
  members.push(member);
  return member;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), "carebus-cluster-"));
});

afterAll(async () => {
  for (const { child } of members) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await Promise.all(
    members.map(({ child }) =>
      child.exitCode === null && child.signalCode === null
        ? new Promise((resolve) => child.once("exit", resolve))
        : null,
    ),
  );
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };

async function postJson(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function planState(api: string, id: string): Promise<{ status: string; progress: unknown }> {
  return (await (await fetch(`${api}/api/v1/plans/${id}`)).json()) as { status: string; progress: unknown };
}

it("survives a worker killed mid-solve: every job done once, one publication per publish, same feeds", async () => {
  const apis = [spawnMember(["api", database.url, dir, TOKEN]), spawnMember(["api", database.url, dir, TOKEN])];
  const [api1, api2] = await Promise.all(apis.map((m) => m.line(/^http:\/\//)));
  const workers = [spawnMember(["worker", database.url]), spawnMember(["worker", database.url])];
  await Promise.all(workers.map((w) => w.line(/^ready$/)));

  const second = { ...tinyScenario, id: "api-tiny-2", name: "API test, second copy" };
  expect((await postJson(`${api1}/api/v1/scenarios`, tinyScenario)).status).toBe(201);
  expect((await postJson(`${api2}/api/v1/scenarios`, second)).status).toBe(201);

  // Two longer solves first (one of them is killed), then four short ones; through both APIs.
  const requests = [5, 5, 2, 2, 2, 2].map((seconds, i) => ({
    api: i % 2 === 0 ? api1! : api2!,
    body: { scenarioId: i < 3 ? "api-tiny" : "api-tiny-2", options: { timeLimitSeconds: seconds, seed: i + 1 } },
  }));
  const ids: string[] = [];
  for (const { api, body } of requests) {
    const res = await postJson(`${api}/api/v1/plans`, body);
    expect(res.status).toBe(202);
    ids.push(res.json.id as string);
  }

  // Kill whichever worker starts a job first, once its solve reports progress.
  const started = await Promise.race(
    workers.map((w) =>
      w.line(/^plan \S+: run 1 started$/).then((line) => ({ worker: w, planId: line.split(" ")[1]!.slice(0, -1) })),
    ),
  );
  for (let i = 0; i < 200; i += 1) {
    if ((await planState(api1!, started.planId)).progress !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect((await planState(api2!, started.planId)).status).toBe("running");
  started.worker.child.kill("SIGKILL");

  // Every job finishes, followed through the API that did not start it.
  for (const [i, id] of ids.entries()) {
    const other = i % 2 === 0 ? api2! : api1!;
    for (let tries = 0; ; tries += 1) {
      const { status } = await planState(other, id);
      if (status === "done") break;
      if (!["queued", "running"].includes(status) || tries > 1200)
        throw new Error(
          `plan ${id} is ${status}; workers said:\n${workers.map((w) => w.output.join("\n")).join("\n--\n")}`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  try {
    const plans = await db.query<{ id: string; status: string; attempt: number; has_plan: boolean }>(
      "SELECT id, status, attempt, plan IS NOT NULL AS has_plan FROM plans ORDER BY created_at",
    );
    expect(plans.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(plans.rows.every((r) => r.status === "done" && r.has_plan)).toBe(true);
    // The killed job ran again on the other worker, which wrote its plan.
    expect(plans.rows.find((r) => r.id === started.planId)?.attempt).toBe(2);
    // pg-boss marks a job completed after its handler returns, which is after the plan is stored
    // as done, so the queue may trail the plans table by a moment (bounded polls).
    const solveJobs = () =>
      db.query<{ id: string; state: string }>("SELECT id::text, state FROM pgboss.job WHERE name = 'carebus-solve'");
    const jobs = await pollUntil(solveJobs, (j) => j.rows.every((row) => row.state === "completed"), 100, 100);
    expect(jobs.rows.map((j) => j.id).sort()).toEqual([...ids].sort());
    expect(jobs.rows.map((j) => j.state)).toEqual(ids.map(() => "completed"));
  } finally {
    await db.end();
  }
  const survivor = workers.find((w) => w !== started.worker)!;
  expect(survivor.output).toContain(`plan ${started.planId}: run 2 started`);

  // Each plan of the first scenario published through both APIs at once: one publication each.
  for (const id of ids.slice(0, 3).filter((_, i) => requests[i]!.body.scenarioId === "api-tiny")) {
    const results = await Promise.all([api1, api2].map((api) => postJson(`${api}/api/v1/plans/${id}/publish`, {})));
    expect(results.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(results[0]!.json.publicationId).toBe(results[1]!.json.publicationId);
  }
  const published = (await (await fetch(`${api2}/api/v1/scenarios/api-tiny/published`)).json()) as {
    planId: string;
  };
  expect(published.planId).toBe(ids[2]);

  for (const stop of tinyScenario.stops) {
    const [one, two] = await Promise.all(
      [api1, api2].map(async (api) => {
        const res = await fetch(`${api}/calendars/stops/${stop.id}.ics?scenarioId=api-tiny`);
        return { status: res.status, etag: res.headers.get("etag"), body: await res.text() };
      }),
    );
    expect(one!.status).toBe(200);
    expect(two).toEqual(one);
  }
}, 240_000);
