/**
 * The command line's start-up, as a user meets it: cold `node apps/cli/dist/main.js …`
 * processes, each case once per round and the rounds repeated, so that a change in the
 * machine's load falls on every case alike instead of on whichever case ran last. The load
 * average before and after is part of the result: on a busy machine the figures say little.
 * Run on its own: `node benchmarks/dist/speed/cliStartup.js [rounds] [--compare DIR]` (default
 * 15 rounds) prints a table; with --compare the same commands of another built checkout (e.g.
 * main's worktree) run in the same rounds, for a before/after under the same load. The
 * components suite records the same cases as metrics.
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "../stats.js";

/** One command timed: its name in metric ids, the arguments after `node`, and what it is. */
export interface StartupCase {
  name: string;
  args: string[];
  note: string;
}

export interface StartupFigures {
  /** wall milliseconds of each case, one sample per round */
  samples: Record<string, number[]>;
  loadBefore: number[];
  loadAfter: number[];
}

/**
 * The timed commands: Node's floor, the help screens, and validate on the small example;
 * `label` marks another checkout's commands (and leaves out the floor, which is the same).
 */
export function cliStartupCases(repoRoot: string, label = ""): StartupCase[] {
  const main = path.join(repoRoot, "apps/cli/dist/main.js");
  const small = path.join(repoRoot, "data/examples/small.json");
  const marked = (c: StartupCase) => (label ? { ...c, name: `${c.name}@${label}`, note: `${c.note} [${label}]` } : c);
  return [
    ...(label ? [] : [{ name: "node-baseline", args: ["-e", "0"], note: "node -e 0: the floor every command pays" }]),
    marked({ name: "help", args: [main, "--help"], note: "carebus --help (target ≤ 200 ms)" }),
    marked({ name: "toptw-help", args: [main, "toptw", "--help"], note: "carebus toptw --help" }),
    marked({
      name: "validate-small",
      args: [main, "validate", small],
      note: "carebus validate data/examples/small.json (target ≤ 400 ms)",
    }),
  ];
}

/**
 * Runs every case `rounds` times, interleaved, after one untimed round (disk caches warm).
 * @throws Error when a command fails: a start-up figure of a broken command means nothing
 */
export function measureCliStartup(cases: readonly StartupCase[], rounds: number): StartupFigures {
  const samples: Record<string, number[]> = Object.fromEntries(cases.map((c) => [c.name, []]));
  const loadBefore = os.loadavg();
  for (let round = -1; round < rounds; round++) {
    for (const c of cases) {
      const start = performance.now();
      const result = spawnSync(process.execPath, c.args, { stdio: "ignore" });
      const ms = performance.now() - start;
      if (result.status !== 0) throw new Error(`${c.note}: exit ${String(result.status ?? result.signal)}`);
      if (round >= 0) samples[c.name]!.push(ms);
    }
  }
  return { samples, loadBefore, loadAfter: os.loadavg() };
}

/** The figures as a Markdown table (median and min per case) with the load averages. */
export function formatStartup(cases: readonly StartupCase[], figures: StartupFigures): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  const rows = cases.map((c) => {
    const s = figures.samples[c.name]!;
    return `| ${c.note} | ${Math.round(median(s))} ms | ${Math.round(Math.min(...s))} ms |`;
  });
  return [
    `${figures.samples[cases[0]!.name]!.length} interleaved cold runs; load average (1, 5, 15 min) before ${load(figures.loadBefore)}, after ${load(figures.loadAfter)}`,
    "",
    "| command | wall median | wall min |",
    "|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--compare");
  const other = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const rounds = Number(args[0] ?? 15);
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
  const cases = [
    ...cliStartupCases(repoRoot),
    ...(other ? cliStartupCases(path.resolve(other), path.basename(path.resolve(other))) : []),
  ];
  process.stdout.write(formatStartup(cases, measureCliStartup(cases, rounds)));
}
