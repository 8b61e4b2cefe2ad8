/**
 * Nothing lost or half-written when the server is killed: a real server process (the built
 * dist) receives a stream of concurrent scenario writes and is SIGKILLed while requests are
 * still in flight. Reopening the database must pass SQLite's integrity check, and every write
 * the server acknowledged (201) must be there, whole.
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

it("keeps every acknowledged write and an intact database after SIGKILL mid-write", async () => {
  const { child, url: urlPromise } = startServerProcess();
  const url = await urlPromise;
  const acknowledged: string[] = [];
  let next = 0;
  let killed = false;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));

  async function writer(): Promise<void> {
    while (!killed) {
      const id = `kill-${next++}`;
      try {
        const res = await fetch(`${url}/api/v1/scenarios`, {
          method: "POST",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          body: JSON.stringify({ ...tinyScenario, id, name: `write ${id}` }),
        });
        if (res.status === 201) acknowledged.push(id);
        else throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        if (acknowledged.length >= 40 && !killed) {
          killed = true;
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
  expect(next).toBeGreaterThan(acknowledged.length);

  const db = new Database(join(dir, DATABASE_FILE));
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  db.close();
  const store = openSqliteStore(dir);
  try {
    for (const id of acknowledged) {
      const record = await store.getScenario(id);
      expect(record?.scenario.stops, id).toEqual(tinyScenario.stops);
      expect(record?.name).toBe(`write ${id}`);
    }
    const stored = (await store.listScenarios()).map((s) => s.id);
    // anything stored beyond the acknowledged writes is whole too (written, then killed before the reply)
    for (const id of stored) expect((await store.getScenario(id))?.scenario.id).toBe(id);
  } finally {
    await store.close();
  }
}, 60_000);
