/**
 * `carebus worker` as a process: the built CLI on a fresh PostgreSQL database runs a job queued
 * by an API server and exits 0 on SIGTERM. Flag errors and an unreachable database are in
 * worker.unit.test.ts.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { loadConfig, startServer } from "@carebus/api";
import { createTestDatabase } from "../../../api/test/postgres/testDatabase.js";

const tiny = fileURLToPath(new URL("../../../api/test/fixtures/tiny.json", import.meta.url));
const TOKEN = "worker-test-token-0123456789";
const dataDir = mkdtempSync(join(tmpdir(), "carebus-worker-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it("runs a job queued by a server on the same database, then stops on SIGTERM", async () => {
  const database = await createTestDatabase();
  const server = await startServer(
    loadConfig({ port: 0, host: "127.0.0.1", dataDir, apiToken: TOKEN, databaseUrl: database.url }, {}),
    { webRoot: null },
  );
  const cli = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
  const child = spawn(process.execPath, [cli, "worker", "--database", database.url], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const scenario = JSON.parse(readFileSync(tiny, "utf8")) as { id: string };
    expect(
      (await server.app.inject({ method: "POST", url: "/api/v1/scenarios", headers, payload: scenario })).statusCode,
    ).toBe(201);
    const started = await server.app.inject({
      method: "POST",
      url: "/api/v1/plans",
      headers,
      payload: { scenarioId: scenario.id, options: { iterationLimit: 20, seed: 1 } },
    });
    const { id } = started.json() as { id: string };
    let status = "queued";
    for (let i = 0; i < 1200 && (status === "queued" || status === "running"); i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      status = ((await server.app.inject(`/api/v1/plans/${id}`)).json() as { status: string }).status;
    }
    expect(status, out).toBe("done");
    expect(out).toContain("taking solve jobs from postgresql://postgres@127.0.0.1:");
    // The worker logs the end after announcing it; give the line a moment.
    for (let i = 0; i < 100 && !out.includes(`plan ${id}: run 1 ended`); i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(out).toContain(`plan ${id}: run 1 ended`);
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await server.close();
    await database.drop();
  }
});
