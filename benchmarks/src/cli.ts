#!/usr/bin/env node
/**
 * `pnpm bench`: runs the benchmark suites, writes result.json + report.md + charts/ into
 * benchmarks/results/<date>-<sha>/ (or --out), and with --compare prints each metric's ratio
 * to an earlier run with regressions beyond the noise flagged. Suites load lazily, so one whose
 * package is not built is recorded as skipped while the others run. Benchmarks never assert:
 * the exit code is 2 for bad flags, 1 when a suite crashed, 0 otherwise whatever the figures.
 */
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compareResults, formatComparison } from "./compare.js";
import {
  captureEnvironment,
  parseResult,
  RESULT_FORMAT,
  RESULT_VERSION,
  type BenchResult,
  type SuiteStatus,
} from "./result.js";
import { writeRun } from "./report/writeReport.js";
import { SuiteSkipped, type Suite, type SuiteContext } from "./suite.js";
import { parseNameList } from "./listArgs.js";

const SUITES: Record<string, () => Promise<Suite>> = {
  toptw: async () => (await import("./quality/toptwSuite.js")).toptwSuite,
  bogota: async () => (await import("./speed/bogotaSuite.js")).bogotaSuite,
  scaling: async () => (await import("./speed/scalingSuite.js")).scalingSuite,
  components: async () => (await import("./speed/componentsSuite.js")).componentsSuite,
  server: async () => (await import("./serverSuite.js")).serverSuite,
  cluster: async () => (await import("./clusterSuite.js")).clusterSuite,
};

const USAGE = `usage: pnpm bench [--quick] [--out DIR] [--compare old.json] [--suite toptw,bogota,scaling,components,server,cluster]
  --quick                 a small slice of every suite (about 1–2 minutes)
  --out DIR               results folder (default benchmarks/results/<date>-<sha>)
  --compare FILE          compare with an earlier result.json; regressions beyond noise are flagged
  --result FILE           with --compare: compare this result instead of running the suites
  --suite LIST            suites to run (default all: ${Object.keys(SUITES).join(",")})
  --toptw-dir DIR         TOPTW data folder (default ../shared/benchdata/toptw next to the repository)
  --toptw-profile P       quick | full (default) | complete | cold — see benchmarks/README.md
  --toptw-sets LIST       set folder names; --toptw-instances LIST instance names
  --toptw-m LIST          vehicles, e.g. 1..4; --toptw-limits LIST seconds or none; --toptw-iterations LIST or none
  --toptw-seeds LIST      seeds, e.g. 1..3
  --toptw-cold            each TOPTW solve in its own \`carebus toptw\` process (profile cold: issue 11's protocol)
  --scaling-sizes LIST    stops per generated scenario (default 50,200,1000,5000; quick 50,200)
  --bound-cap-seconds S   stop a size's LP bound job after S seconds (default 180; quick 60)
  --bogota-scenario FILE  scenario of the bogota suite (default data/bogota/scenario.json)
  --bogota-seconds S      its time limit (default 60; quick 3)
  --server-seconds S      server load duration (also the cluster suite's feed windows)
  --cluster-jobs N        solves per cluster batch (default 12; the cluster suite is skipped with --quick)
  --cluster-seconds S     time limit of each cluster solve (default 10)
`;

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  quick: { type: "boolean" },
  out: { type: "string" },
  compare: { type: "string" },
  result: { type: "string" },
  suite: { type: "string" },
  "toptw-dir": { type: "string" },
  "toptw-profile": { type: "string" },
  "toptw-sets": { type: "string" },
  "toptw-instances": { type: "string" },
  "toptw-m": { type: "string" },
  "toptw-limits": { type: "string" },
  "toptw-iterations": { type: "string" },
  "toptw-seeds": { type: "string" },
  "toptw-cold": { type: "boolean" },
  "scaling-sizes": { type: "string" },
  "bogota-scenario": { type: "string" },
  "bogota-seconds": { type: "string" },
  "bound-cap-seconds": { type: "string" },
  "server-seconds": { type: "string" },
  "cluster-jobs": { type: "string" },
  "cluster-seconds": { type: "string" },
} as const;

/** Repository root: benchmarks/dist/cli.js → ../.. */
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** @throws Error naming the flag when the file cannot be read */
function readText(file: string, flag: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function defaultOutDir(result: BenchResult): string {
  const stamp = result.env.date.slice(0, 19).replace(/:/g, "").replace("T", "-");
  return path.join(
    REPO_ROOT,
    "benchmarks",
    "results",
    `${stamp}-${result.env.commit.slice(0, 7)}${result.quick ? "-quick" : ""}`,
  );
}

async function runSuites(names: string[], context: SuiteContext, result: BenchResult): Promise<void> {
  for (const name of names) {
    const started = performance.now();
    const status: SuiteStatus = { name, status: "ok", elapsedMs: 0 };
    let suite: Suite;
    try {
      suite = await SUITES[name]!();
    } catch (error) {
      status.status = "skipped";
      status.reason = `cannot load (is everything built? run pnpm build): ${error instanceof Error ? error.message : String(error)}`;
      log(`${name}: ${status.reason}`);
      result.suites.push(status);
      continue;
    }
    log(`== ${name}: ${suite.description}`);
    try {
      const output = await suite.run(context);
      result.metrics.push(...output.metrics);
      result.details[name] = output.details;
    } catch (error) {
      status.status = error instanceof SuiteSkipped ? "skipped" : "failed";
      status.reason = error instanceof Error ? error.message : String(error);
      log(`${name}: ${status.status}: ${status.reason}`);
      if (status.status === "failed" && error instanceof Error && error.stack) log(error.stack);
    }
    status.elapsedMs = performance.now() - started;
    result.suites.push(status);
    log(`== ${name}: ${status.status} in ${(status.elapsedMs / 1000).toFixed(1)} s`);
  }
}

const parseBenchArgs = (argv: string[]) =>
  parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true });

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseBenchArgs>;
  try {
    parsed = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const values = parsed.values;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  let names: string[];
  let oldResult: BenchResult | null = null;
  try {
    names = values.suite ? parseNameList(values.suite, "--suite") : Object.keys(SUITES);
    const unknown = names.filter((n) => !Object.hasOwn(SUITES, n));
    if (unknown.length)
      throw new Error(`--suite: unknown suite(s) ${unknown.join(", ")} (known: ${Object.keys(SUITES).join(", ")})`);
    if (values.compare) oldResult = parseResult(readText(values.compare, "--compare"), values.compare);
    if (values.result && !values.compare) throw new Error("--result: only meaningful with --compare");
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }

  let result: BenchResult;
  let outDir: string | null = null;
  if (values.result) {
    try {
      result = parseResult(readText(values.result, "--result"), values.result);
    } catch (error) {
      process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  } else {
    result = {
      format: RESULT_FORMAT,
      version: RESULT_VERSION,
      env: captureEnvironment(REPO_ROOT),
      quick: values.quick ?? false,
      args: argv,
      suites: [],
      metrics: [],
      details: {},
    };
    const flags: Record<string, string | undefined> = {};
    for (const [key, value] of Object.entries(values)) if (typeof value === "string") flags[key] = value;
    if (values["toptw-cold"]) flags["toptw-cold"] = "yes";
    const context: SuiteContext = { quick: result.quick, repoRoot: REPO_ROOT, flags, log };
    log(
      `bench: ${result.env.commit.slice(0, 10)}${result.env.dirty ? " (dirty)" : ""}, ${result.env.node}, ${result.env.cpu} × ${result.env.cores}${result.quick ? ", quick" : ""}`,
    );
    await runSuites(names, context, result);
    result.env.loadAverage.end = os.loadavg()[0] ?? null;
    outDir = path.resolve(values.out ?? defaultOutDir(result));
    const written = writeRun(result, outDir);
    log(`bench: wrote ${written.resultFile} and ${written.reportFile}`);
  }

  if (oldResult) {
    const text = formatComparison(compareResults(oldResult, result), oldResult, result);
    process.stdout.write(`${text}\n`);
    if (outDir) writeFileSync(path.join(outDir, "comparison.txt"), `${text}\n`);
  }
  const bad = result.suites.filter((s) => s.status === "failed");
  if (!values.result && bad.length) {
    log(`bench: ${bad.length} suite(s) crashed: ${bad.map((s) => s.name).join(", ")}`);
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
