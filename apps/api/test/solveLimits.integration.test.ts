/**
 * Issue 17, one solve taking the machine and outside answers leaking: real worker-thread
 * solves against fake OSRM servers on loopback. A worker past its memory limit fails the job
 * with a readable reason; a worker stuck past its time limit (an OSRM server that never
 * answers) is terminated at the hard stop; an OSRM server's own error text and paths never
 * reach the plan's public `error` (they go to the log). Waits are bounded polls.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH, createTestApp, tinyScenario, type TestApp } from "./helpers.js";

const SECRET = "SECRET-OSRM-ANSWER at /srv/osrm/bogota.osrm";

let broken: Server;
let silent: Server;
let brokenUrl: string;
let silentUrl: string;
const held: Array<{ destroy(): void }> = [];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  broken = createServer((_req, res) => res.writeHead(500, { "content-type": "text/plain" }).end(SECRET));
  // accepts the request and never answers
  silent = createServer((req) => held.push(req.socket));
  brokenUrl = await listen(broken);
  silentUrl = await listen(silent);
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((r) => broken.close(r));
  await new Promise((r) => silent.close(r));
});

async function planToEnd(t: TestApp, scenario: object, options: object): Promise<{ status: string; error?: string }> {
  const stored = await t.app.inject({ method: "POST", url: "/api/v1/scenarios", headers: AUTH, payload: scenario });
  expect(stored.statusCode, stored.body).toBe(201);
  const started = await t.app.inject({
    method: "POST",
    url: "/api/v1/plans",
    headers: AUTH,
    payload: { scenarioId: (scenario as { id: string }).id, options },
  });
  expect(started.statusCode, started.body).toBe(202);
  const { id } = started.json() as { id: string };
  for (let i = 0; i < 600; i++) {
    const job = (await t.app.inject(`/api/v1/plans/${id}`)).json() as { status: string; error?: string };
    if (job.status !== "queued" && job.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`plan ${id} did not end`);
}

describe("solve workers", () => {
  it("fails a job that runs out of memory with a readable reason", async () => {
    const t = await createTestApp({ config: { solveMemoryMb: 2 } });
    try {
      const job = await planToEnd(t, { ...tinyScenario, id: "oom" }, { iterationLimit: 100 });
      expect(job.status).toBe("failed");
      expect(job.error).toMatch(/ran out of memory \(limit 2 MiB\).*CAREBUS_SOLVE_MEMORY_MB/);
      // the server goes on: a read still works
      expect((await t.app.inject("/health")).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("terminates a worker stuck past its time limit at the hard stop", async () => {
    const t = await createTestApp({ config: { osrmUrls: [silentUrl], solveOverrunSeconds: 0 } });
    try {
      const scenario = { ...tinyScenario, id: "stuck", travel: { provider: "osrm", url: silentUrl } };
      const job = await planToEnd(t, scenario, { timeLimitSeconds: 0.5 });
      expect(job.status).toBe("failed");
      expect(job.error).toMatch(/past its time limit of 0\.5 s/);
    } finally {
      await t.close();
    }
  });

  it("never echoes an outside service's answer or a server path in a failed job", async () => {
    const t = await createTestApp({ config: { osrmUrls: [brokenUrl] } });
    try {
      const scenario = { ...tinyScenario, id: "osrm-broken", travel: { provider: "osrm", url: brokenUrl } };
      const job = await planToEnd(t, scenario, { iterationLimit: 10 });
      expect(job.status).toBe("failed");
      expect(job.error).toMatch(/^CAREBUS_GEO_UNAVAILABLE: /);
      expect(job.error).not.toContain("SECRET");
      expect(job.error).not.toContain("/srv/");
    } finally {
      await t.close();
    }
  });
});
