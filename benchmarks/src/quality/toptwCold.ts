/**
 * One literature solve as a user runs it from the command line: a fresh Node process
 * (`node apps/cli/dist/main.js toptw <file> --vehicles m --time-limit s --seed k --json`), so
 * module loading and an unwarmed JIT count, as they do for a user. The routes the command
 * prints are rebuilt and re-checked here by the independent checker; the command's own score
 * is what it claims.
 */
import { spawnSync } from "node:child_process";
import { readToptw, type SolvedRoute } from "@carebus/solver";
import { newRun, recordCheck, type SolveSpec, type ToptwRun } from "./toptwRun.js";

/** Time limit of an iteration-budgeted process: a safety net that never binds. */
const ITERATION_RUN_SECONDS = 600;

/** What `carebus toptw --json` prints (the fields read here). */
interface ToptwJson {
  score: number;
  routes: Array<Array<{ id: number; start: number }>>;
  elapsedMs: number;
  iterations: number;
  timeToBestMs: number;
  stoppedBy: string;
}

/** Solves `spec.file` in its own `carebus toptw` process started from `cliMain`. */
export function solveCold(cliMain: string, spec: SolveSpec, text: string): ToptwRun {
  const { file, m, budget, seed } = spec;
  const run = newRun(spec);
  const limit =
    budget.kind === "time"
      ? ["--time-limit", String(budget.seconds)]
      : ["--time-limit", String(ITERATION_RUN_SECONDS), "--iterations", String(budget.count)];
  const child = spawnSync(
    process.execPath,
    [cliMain, "toptw", file.file, "--vehicles", String(m), "--seed", String(seed), ...limit, "--json"],
    { encoding: "utf8" },
  );
  if (child.status !== 0) {
    run.error = `carebus toptw exited ${child.status ?? child.signal}: ${child.stderr.trim().split("\n")[0] ?? ""}`;
    return run;
  }
  try {
    const out = JSON.parse(child.stdout) as ToptwJson;
    const instance = readToptw(text, { name: file.instance, vehicles: m, distance: "trunc1" });
    const routes: SolvedRoute[] = out.routes.map((visits, r) => ({
      departure: instance.routes[r]!.shiftStart,
      visits: visits.map((v) => ({ stop: v.id - 1, start: v.start })),
      lunch: null,
    }));
    recordCheck(run, instance, routes, out.score);
    run.elapsedMs = out.elapsedMs;
    run.timeToBestMs = out.timeToBestMs;
    run.iterations = out.iterations;
    run.stoppedBy = out.stoppedBy;
  } catch (error) {
    run.error = `unreadable output of carebus toptw: ${error instanceof Error ? error.message : String(error)}`;
  }
  return run;
}
