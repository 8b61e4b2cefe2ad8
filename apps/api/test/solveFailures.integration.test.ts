/**
 * Failures a solve survives (HiGHS that cannot load or errs) reach the server log, as
 * `carebus solve` prints them: a real server process from the build runs with its worker
 * threads deprived of WebAssembly (fixtures/noWasmInWorkers.cjs), so HiGHS cannot load in the
 * solve worker and in the bound's worker; the plan is still made (javascript-lp-solver's bound, no recombination) and
 * the log has one warning per place, naming the plan.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pollUntil } from "./poll.js";

const TOKEN = "solve-failures-token-0123456789";
// The tiny week with a shift too short for every stop: its first plan does not meet the quick
// bound, so the bound's LP runs (in the bound's own worker thread, also without WebAssembly).
const tiny = JSON.parse(readFileSync(new URL("./fixtures/tiny.json", import.meta.url), "utf8"));
tiny.buses[0].shift.end = "12:00";

let dir: string;
let child: ChildProcess;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "carebus-failures-"));
  child = spawn(
    process.execPath,
    [
      "--require",
      fileURLToPath(new URL("./fixtures/noWasmInWorkers.cjs", import.meta.url)),
      fileURLToPath(new URL("./fixtures/logServer.mjs", import.meta.url)),
      dir,
      TOKEN,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let pending = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split("\n");
      pending = complete.pop()!;
      for (const line of complete) {
        lines.push(line);
        if (line.startsWith("http://")) resolve(line);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

it("logs each place where the solve survived a failure, with the plan id, and still makes the plan", async () => {
  const auth = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
  const scenario = await fetch(`${url}/api/v1/scenarios`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify(tiny),
  });
  expect(scenario.status).toBe(201);
  const { id: scenarioId } = (await scenario.json()) as { id: string };
  const started = await fetch(`${url}/api/v1/plans`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ scenarioId, options: { timeLimitSeconds: 1, seed: 1 } }),
  });
  expect(started.status).toBe(202);
  const { id: planId } = (await started.json()) as { id: string };
  let status = "queued";
  for (let i = 0; i < 600 && (status === "queued" || status === "running"); i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = ((await (await fetch(`${url}/api/v1/plans/${planId}`)).json()) as { status: string }).status;
  }
  expect(status).toBe("done");

  const warningsOfPlan = () =>
    lines
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { level: number; planId?: string; msg: string })
      .filter((entry) => entry.level === 40 && entry.planId === planId)
      .map((entry) => entry.msg);
  // The server logs before it stores the plan as done, but its log reaches this process through a
  // pipe, possibly after the status did: wait for the lines (bounded), then compare them all.
  const warnings = await pollUntil(warningsOfPlan, (found) => found.length >= 2, 100, 50);
  expect(warnings).toEqual([
    // the bound's failures come back when it ends, after the search's
    "the solve survived a failure: loading HiGHS for recombination failed 1 time(s), the plan was made without it: WebAssembly is not defined",
    "the solve survived a failure: upper bound: HiGHS failed 1 time(s), the plan was made without it: WebAssembly is not defined",
  ]);
}, 90_000);
