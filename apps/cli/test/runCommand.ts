/**
 * What the command tests share: a command run in-process with its output captured, and a
 * plan of the small example solved once into a temporary folder for the commands that read one.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect } from "vitest";
import type { Plan } from "@carebus/model";
import type { CommandIo } from "../src/commandIo.js";
import { run as solve } from "../src/commands/solve.js";

/** The repository's root folder. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** The small example scenario (two buses, three days). */
export const SMALL = join(ROOT, "data/examples/small.json");

/** A command's entry point, as every commands/<name>.ts exports it. */
export type CommandRun = (args: string[], io: CommandIo) => Promise<number>;

/** What a command run left: its exit code and everything it wrote. */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** `run` as a function of its arguments that captures what it writes. */
export function captured(run: CommandRun): (args: string[]) => Promise<Captured> {
  return async (args) => {
    let stdout = "";
    let stderr = "";
    const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  };
}

/** A temporary folder holding `plan.json`, the small example solved (100 iterations, seed 4). */
export interface SolvedSmallPlan {
  dir: string;
  planFile: string;
  plan: Plan;
}

/**
 * Solves the small example before the file's tests (in a new temporary folder, removed after
 * them); read the fields inside the tests, once the hook has run.
 */
export function solvedSmallPlan(prefix: string): SolvedSmallPlan {
  const fixture = {} as SolvedSmallPlan;
  beforeAll(async () => {
    fixture.dir = await mkdtemp(join(tmpdir(), `carebus-${prefix}-`));
    fixture.planFile = join(fixture.dir, "plan.json");
    const solved = await captured(solve)([SMALL, "--iterations", "100", "--seed", "4", "--out", fixture.planFile]);
    expect(solved.code, solved.stderr).toBe(0);
    fixture.plan = JSON.parse(await readFile(fixture.planFile, "utf8")) as Plan;
  });
  afterAll(async () => {
    await rm(fixture.dir, { recursive: true, force: true });
  });
  return fixture;
}
