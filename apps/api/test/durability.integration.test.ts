/**
 * Nothing lost or half-written when the server is killed: a real server process (the built
 * dist) receives concurrent writes of every kind (scenarios, plan jobs, publications) and
 * is SIGKILLed while requests are still in flight, five times over on the same data
 * directory. After each kill the database must pass SQLite's integrity check, and every write
 * the server acknowledged, in this run or an earlier one, must be there, whole.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { DATABASE_FILE, openSqliteStore } from "../src/index.js";
import { TOKEN, tinyScenario } from "./helpers.js";

const KILLS = 5;
const ACKNOWLEDGED_BEFORE_KILL = 30;

const dir = mkdtempSync(join(tmpdir(), "carebus-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startServerProcess() {
  const script = fileURLToPath(new URL("./fixtures/serverProcess.mjs", import.meta.url));
  const child = spawn(process.execPath, [script, dir, TOKEN], { stdio: ["ignore", "pipe", "pipe"] });
  const url = new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("http://"));
      if (line) resolve(line.trim());
    });
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`server exited early (${code}): ${err}`)));
  });
  return { child, url };
}

interface Acknowledged {
  scenarios: string[];
  plans: string[];
  publications: string[];
}

/** Writes until ACKNOWLEDGED_BEFORE_KILL are acknowledged, then SIGKILLs the server mid-stream. */
async function writeAndKill(run: number, acknowledged: Acknowledged): Promise<void> {
  const { child, url: urlPromise } = startServerProcess();
  const url = await urlPromise;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
  let next = 0;
  let acknowledgedNow = 0;
  let killed = false;
  let inFlightAtKill = 0;

  async function write(n: number): Promise<void> {
    const kind = n % 3;
    if (kind === 0) {
      const id = `kill-${run}-${n}`;
      const res = await fetch(`${url}/api/v1/scenarios`, {
        method: "POST",
        headers,
        body: JSON.stringify({ ...tinyScenario, id, name: `write ${id}` }),
      });
      if (res.status !== 201) throw new Error(`scenario: unexpected ${res.status}: ${await res.text()}`);
      acknowledged.scenarios.push(id);
    } else if (kind === 1) {
      const res = await fetch(`${url}/api/v1/plans`, {
        method: "POST",
        headers,
        body: JSON.stringify({ scenarioId: "kill-base", options: { iterationLimit: 1, seed: n } }),
      });
      if (res.status !== 202) throw new Error(`plan: unexpected ${res.status}: ${await res.text()}`);
      acknowledged.plans.push(((await res.json()) as { id: string }).id);
    } else {
      const planId = n % 2 === 0 ? "kill-done" : "kill-done-2";
      const res = await fetch(`${url}/api/v1/plans/${planId}/publish`, {
        method: "POST",
        headers: { authorization: headers.authorization },
      });
      // 200: the plan was already the latest publication (a publish acknowledged or not before a kill).
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`publish: unexpected ${res.status}: ${await res.text()}`);
      acknowledged.publications.push(((await res.json()) as { publicationId: string }).publicationId);
    }
  }

  async function writer(): Promise<void> {
    while (!killed) {
      try {
        await write(next++);
        acknowledgedNow++;
        if (acknowledgedNow >= ACKNOWLEDGED_BEFORE_KILL && !killed) {
          killed = true;
          inFlightAtKill = next - acknowledgedNow;
          child.kill("SIGKILL");
        }
      } catch (error) {
        if (!killed) throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, writer));
  expect(await exited).toBe("SIGKILL");
  // requests were still being sent when the process died
  expect(inFlightAtKill).toBeGreaterThan(0);
}

async function expectAllPresent(acknowledged: Acknowledged): Promise<void> {
  const db = new Database(join(dir, DATABASE_FILE));
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  db.close();
  const store = openSqliteStore(dir);
  try {
    for (const id of acknowledged.scenarios) {
      const record = await store.getScenario(id);
      expect(record?.scenario.stops, id).toEqual(tinyScenario.stops);
      expect(record?.name).toBe(`write ${id}`);
    }
    for (const id of acknowledged.plans) expect((await store.getPlan(id))?.scenarioId, id).toBe("kill-base");
    const published = new Set((await store.listPublications("kill-base")).map((p) => p.id));
    for (const id of acknowledged.publications) expect(published.has(id), id).toBe(true);
    // anything stored beyond the acknowledged writes is whole too (written, then killed before the reply)
    for (const { id } of await store.listScenarios()) expect((await store.getScenario(id))?.scenario.id).toBe(id);
  } finally {
    await store.close();
  }
}

it(`keeps every acknowledged scenario, plan and publication and an intact database over ${KILLS} SIGKILLs`, async () => {
  const acknowledged: Acknowledged = { scenarios: [], plans: [], publications: [] };
  for (let run = 0; run < KILLS; run++) {
    await writeAndKill(run, acknowledged);
    await expectAllPresent(acknowledged);
  }
  expect(acknowledged.scenarios.length).toBeGreaterThanOrEqual(KILLS * 5);
  expect(acknowledged.plans.length).toBeGreaterThanOrEqual(KILLS * 5);
  expect(acknowledged.publications.length).toBeGreaterThanOrEqual(KILLS * 5);
}, 240_000);
