/**
 * Issue 17, unbounded memory: the published-plan cache stored an entry for every scenario id
 * it was asked about, unknown ones included (+17.4 MiB per 50,000 ids). A server process
 * forked with --expose-gc (so its heap is measured after full collections) answers 50,000
 * requests over loopback naming distinct unknown ids, spread over the routes that take one;
 * its heap may grow by less than 2 MiB, and every answer must be a 404 saying the scenario is
 * unknown. The client is this process, so its own allocations do not count.
 */
import { fork, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

const COUNT = 50_000;
const WARM_UP = 5_000;
const CONCURRENCY = 8;

let child: ChildProcess;
let base: string;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function next<T>(): Promise<T> {
  return new Promise((resolve) => child.once("message", (m) => resolve(m as T)));
}

beforeAll(async () => {
  child = fork(fileURLToPath(new URL("./fixtures/heapServer.mjs", import.meta.url)), [], {
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  base = await new Promise<string>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`heap server exited early (${code})`)));
  });
}, 60_000);
afterAll(() => {
  agent.destroy();
  child.send("stop");
});

const ROUTES = [
  (id: string) => `/calendars/stops/s-usme.ics?scenarioId=${id}`,
  (id: string) => `/api/v1/stops?q=usme&scenarioId=${id}`,
  (id: string) => `/api/v1/stops/s-usme?scenarioId=${id}`,
  (id: string) => `/api/v1/scenarios/${id}/published`,
];

function get(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request(`${base}${path}`, { agent }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve(`${res.statusCode} ${(JSON.parse(body) as { code?: string }).code}`));
    })
      .on("error", reject)
      .end();
  });
}

/** `n` requests with distinct ids, CONCURRENCY at a time; returns the answers counted. */
async function flood(prefix: string, n: number): Promise<Record<string, number>> {
  const answers: Record<string, number> = {};
  let i = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (i < n) {
        const k = i++;
        const answer = await get(ROUTES[k % ROUTES.length]!(`${prefix}-${k}`));
        answers[answer] = (answers[answer] ?? 0) + 1;
      }
    }),
  );
  return answers;
}

async function heap(): Promise<number> {
  child.send("heap");
  return (await next<{ heap: number }>()).heap;
}

it(`keeps the server's heap within 2 MiB over ${COUNT} unknown scenario ids`, async () => {
  // warm-up: JIT, Fastify's lazily compiled serialisers, SQLite statement caches, sockets
  await flood("warm", WARM_UP);
  const before = await heap();
  const answers = await flood("unknown", COUNT);
  const after = await heap();
  expect(answers).toEqual({ "404 CAREBUS_ERR_SCENARIO_NOT_FOUND": COUNT });
  expect(after - before).toBeLessThan(2 * 1024 * 1024);
}, 180_000);
