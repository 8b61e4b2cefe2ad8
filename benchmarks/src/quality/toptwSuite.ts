/**
 * Literature quality: the Solomon-based TOPTW sets solved with m = 1..4 vehicles at fixed time
 * limits (what a user gets on this machine) and at a fixed iteration count (what the algorithm
 * gets, comparable across machines). Every solution is re-checked by the solver's independent
 * checker; the score reported is the checker's, and every violation or value mismatch is
 * counted, never hidden. Gap = (bks − score) / bks over the instances that have a best-known
 * value; totals per set and m compare with VROOM's totals quoted in issue 3.
 *
 * Solves run in this process, sequentially, on one core, after one warm-up solve so that the
 * first instance does not pay for JIT compilation.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readToptw, solve } from "@carebus/solver";
import { createMetric, type Metric } from "../result.js";
import { mean } from "../stats.js";
import { SuiteSkipped, type Suite, type SuiteContext, type SuiteOutput } from "../suite.js";
import { parseNameList, parseNumberList } from "../listArgs.js";
import { bksKey, listToptwFiles, readBks, readTotalScores } from "./toptwFiles.js";
import { SET_100, SET_200 } from "./references.js";
import { newRun, recordCheck, type Budget, type SolveSpec, type ToptwRun } from "./toptwRun.js";
import { solveCold } from "./toptwCold.js";

export { budgetLabel, type Budget, type ToptwRun } from "./toptwRun.js";

/** Which solves to run: each (instance, m, budget, seed) combination listed. */
export interface ToptwPlan {
  profile: string;
  sets: string[] | null;
  instances: string[] | null;
  /** per m, the budgets to run */
  budgets: Array<{ m: number; budget: Budget }>;
  seeds: number[];
  /** each solve in its own `carebus toptw` process (what a user gets from the command line) */
  cold: boolean;
}

/** Aggregate of one (set, m, budget, seed). */
export interface ToptwAggregate {
  set: string;
  m: number;
  budget: string;
  seed: number;
  instances: number;
  failed: number;
  totalScore: number;
  /** sum of every instance's all-customers score (null when any is unknown): no total can exceed it */
  allCustomersTotal: number | null;
  withBks: number;
  meanGapPct: number | null;
  atBks: number;
  meanTimeToBestMs: number;
  meanElapsedMs: number;
  violations: number;
}

/** Time limit of iteration-budgeted solves: only a safety net, never meant to bind. */
export const ITERATION_RUN_TIME_LIMIT_MS = 600_000;

const QUICK_INSTANCES = ["c101", "r101", "rc101", "c201"];

function timeBudgets(ms: number[], seconds: number[]): Array<{ m: number; budget: Budget }> {
  return ms.flatMap((m) => seconds.map((s) => ({ m, budget: { kind: "time", seconds: s } as Budget })));
}
function iterationBudgets(ms: number[], counts: number[]): Array<{ m: number; budget: Budget }> {
  return ms.flatMap((m) => counts.map((n) => ({ m, budget: { kind: "iterations", count: n } as Budget })));
}

/**
 * The solve plan from the profile and the `--toptw-*` flags.
 * Profiles: quick (4 instances, m 1–2, 0.2 s and 500 iterations, seed 1); full (the default:
 * the 100 and 200 sets, m 1–4 at 1 s plus 0.2 s for m = 1, 2,000 iterations, seed 1);
 * complete (every set, m 1–4, 0.2/1/5 s, 2,000 iterations, seeds 1–3); cold (the 100 and 200
 * sets, m 1–4, 1 s, seeds 1–3, one `carebus toptw` process per solve). `--toptw-cold` runs any
 * plan as cold processes.
 * @throws Error naming the flag on a bad value
 */
export function planToptw(context: Pick<SuiteContext, "quick" | "flags">): ToptwPlan {
  const flags = context.flags;
  const profile = flags["toptw-profile"] ?? (context.quick ? "quick" : "full");
  let plan: ToptwPlan;
  switch (profile) {
    case "quick":
      plan = {
        profile,
        sets: null,
        instances: QUICK_INSTANCES,
        budgets: [...timeBudgets([1, 2], [0.2]), ...iterationBudgets([1, 2], [500])],
        seeds: [1],
        cold: false,
      };
      break;
    case "full":
      plan = {
        profile,
        sets: [SET_100, SET_200],
        instances: null,
        budgets: [
          ...timeBudgets([1], [0.2]),
          ...timeBudgets([1, 2, 3, 4], [1]),
          ...iterationBudgets([1, 2, 3, 4], [2000]),
        ],
        seeds: [1],
        cold: false,
      };
      break;
    case "complete":
      plan = {
        profile,
        sets: null,
        instances: null,
        budgets: [...timeBudgets([1, 2, 3, 4], [0.2, 1, 5]), ...iterationBudgets([1, 2, 3, 4], [2000])],
        seeds: [1, 2, 3],
        cold: false,
      };
      break;
    case "cold":
      // issue 11's command-line protocol: one process per solve, 1 s, seeds 1–3
      plan = {
        profile,
        sets: [SET_100, SET_200],
        instances: null,
        budgets: timeBudgets([1, 2, 3, 4], [1]),
        seeds: [1, 2, 3],
        cold: true,
      };
      break;
    default:
      throw new Error(`--toptw-profile: must be quick, full, complete or cold, got "${profile}"`);
  }
  if (flags["toptw-cold"] !== undefined) plan.cold = true;
  if (flags["toptw-sets"]) plan.sets = parseNameList(flags["toptw-sets"], "--toptw-sets");
  if (flags["toptw-instances"]) plan.instances = parseNameList(flags["toptw-instances"], "--toptw-instances");
  if (flags["toptw-seeds"]) plan.seeds = parseNumberList(flags["toptw-seeds"], "--toptw-seeds");
  if (flags["toptw-m"] || flags["toptw-limits"] || flags["toptw-iterations"]) {
    const ms = flags["toptw-m"]
      ? parseNumberList(flags["toptw-m"], "--toptw-m")
      : [...new Set(plan.budgets.map((b) => b.m))];
    if (ms.some((m) => !Number.isInteger(m) || m < 1))
      throw new Error(`--toptw-m: vehicles must be positive integers, got "${flags["toptw-m"] ?? ""}"`);
    const limits =
      flags["toptw-limits"] !== undefined
        ? flags["toptw-limits"] === "none"
          ? []
          : parseNumberList(flags["toptw-limits"], "--toptw-limits")
        : [context.quick ? 0.2 : 1];
    const counts =
      flags["toptw-iterations"] !== undefined
        ? flags["toptw-iterations"] === "none"
          ? []
          : parseNumberList(flags["toptw-iterations"], "--toptw-iterations")
        : [context.quick ? 500 : 2000];
    if (limits.some((s) => s <= 0)) throw new Error("--toptw-limits: time limits must be positive seconds");
    if (counts.some((n) => !Number.isInteger(n) || n < 0))
      throw new Error("--toptw-iterations: iteration counts must be non-negative integers");
    plan.budgets = [...timeBudgets(ms, limits), ...iterationBudgets(ms, counts)];
  }
  return plan;
}

/** Default data folder: ../shared/benchdata/toptw next to the repository. */
export function defaultToptwDir(repoRoot: string): string {
  return path.resolve(repoRoot, "..", "shared", "benchdata", "toptw");
}

function solveOne(spec: SolveSpec, text: string): ToptwRun {
  const { file, m, budget, seed } = spec;
  const run = newRun(spec);
  try {
    const instance = readToptw(text, { name: file.instance, vehicles: m, distance: "trunc1" });
    let lastValue = Number.NEGATIVE_INFINITY;
    const result = solve(instance, {
      seed,
      // An iteration budget must be the binding stop, so its time limit is set far out of reach.
      ...(budget.kind === "time"
        ? { timeLimitMs: budget.seconds * 1000 }
        : { iterationLimit: budget.count, timeLimitMs: ITERATION_RUN_TIME_LIMIT_MS }),
      onProgress: (p) => {
        if (p.value > lastValue) {
          lastValue = p.value;
          run.trace.push([Math.round(p.elapsedMs * 10) / 10, p.value]);
        }
      },
    });
    recordCheck(run, instance, result.routes, result.value);
    run.elapsedMs = result.elapsedMs;
    run.timeToBestMs = result.timeToBestMs;
    run.iterations = result.iterations;
    run.constructionValue = result.constructionValue;
    run.stoppedBy = result.stoppedBy;
  } catch (error) {
    run.error = error instanceof Error ? error.message : String(error);
  }
  return run;
}

/** Aggregates the runs of one (set, m, budget, seed). */
export function aggregateRuns(runs: readonly ToptwRun[]): ToptwAggregate {
  const first = runs[0]!;
  const ok = runs.filter((r) => r.score !== null);
  const gaps = ok.filter((r) => r.gapPct !== null).map((r) => r.gapPct!);
  return {
    set: first.set,
    m: first.m,
    budget: first.budget,
    seed: first.seed,
    instances: runs.length,
    failed: runs.length - ok.length,
    totalScore: ok.reduce((s, r) => s + r.score!, 0),
    allCustomersTotal: runs.every((r) => r.allCustomers !== null)
      ? runs.reduce((s, r) => s + r.allCustomers!, 0)
      : null,
    withBks: gaps.length,
    meanGapPct: gaps.length ? mean(gaps) : null,
    atBks: ok.filter((r) => r.bks !== null && r.score! >= r.bks - 1e-9).length,
    meanTimeToBestMs: mean(ok.map((r) => r.timeToBestMs ?? Number.NaN)),
    meanElapsedMs: mean(ok.map((r) => r.elapsedMs ?? Number.NaN)),
    violations: runs.reduce((s, r) => s + r.violations, 0),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Metrics from aggregates: one per (set, m, budget) and figure, seeds as repeats. */
export function toptwMetrics(aggregates: readonly ToptwAggregate[]): Metric[] {
  const metrics: Metric[] = [];
  for (const [key, group] of groupBy(aggregates, (a) => `${a.set}/m${a.m}/${a.budget}`)) {
    const id = (name: string) => `toptw/${key}/${name}`;
    const budget = group[0]!.budget.startsWith("i") ? "iterations" : "time";
    const note = `${group[0]!.instances} instances, ${group.length} seed(s)`;
    if (group.some((a) => a.meanGapPct !== null)) {
      metrics.push(
        createMetric(
          {
            id: id("meanGapPct"),
            suite: "toptw",
            unit: "%",
            better: "lower",
            budget,
            tolerance: 0.05,
            note: `${group[0]!.withBks} with bks, ${group.length} seed(s)`,
          },
          group.map((a) => a.meanGapPct ?? Number.NaN),
        ),
      );
    }
    metrics.push(
      createMetric(
        { id: id("totalScore"), suite: "toptw", unit: "score", better: "higher", budget, note },
        group.map((a) => a.totalScore),
      ),
    );
    metrics.push(
      createMetric(
        { id: id("meanTimeToBestMs"), suite: "toptw", unit: "ms", better: "none", budget: "time", note },
        group.map((a) => a.meanTimeToBestMs),
      ),
    );
    if (budget === "iterations") {
      metrics.push(
        createMetric(
          { id: id("meanElapsedMs"), suite: "toptw", unit: "ms", better: "lower", budget: "time", note },
          group.map((a) => a.meanElapsedMs),
        ),
      );
    }
    metrics.push(
      createMetric(
        {
          id: id("violations"),
          suite: "toptw",
          unit: "count",
          better: "lower",
          tolerance: 0,
          note: "checker violations + value mismatches + failed solves",
        },
        group.map((a) => a.violations + a.failed),
      ),
    );
  }
  return metrics;
}

async function runToptw(context: SuiteContext): Promise<SuiteOutput> {
  const dir = path.resolve(context.flags["toptw-dir"] ?? defaultToptwDir(context.repoRoot));
  if (!existsSync(dir)) throw new SuiteSkipped(`no TOPTW data folder at ${dir} (use --toptw-dir)`);
  const plan = planToptw(context);
  const bks = readBks(dir);
  const totals = readTotalScores(dir);
  const files = listToptwFiles(dir).filter(
    (f) =>
      (plan.sets === null || plan.sets.includes(f.set)) &&
      (plan.instances === null || plan.instances.includes(f.instance)),
  );
  if (files.length === 0) throw new SuiteSkipped(`no instance files matched in ${dir}`);
  const texts = new Map(files.map((f) => [f.file, readFileSync(f.file, "utf8")]));

  const cliMain = path.join(context.repoRoot, "apps", "cli", "dist", "main.js");
  if (plan.cold && !existsSync(cliMain)) throw new SuiteSkipped(`no command-line build at ${cliMain} (pnpm build)`);
  // Warm-up: compile the hot paths once before anything is timed (a cold process has no such luck).
  const warm = files[0]!;
  const warmUp: SolveSpec = {
    file: warm,
    m: 2,
    budget: { kind: "iterations", count: 200 },
    seed: 0,
    bks: null,
    allCustomers: null,
  };
  if (!plan.cold) solveOne(warmUp, texts.get(warm.file)!);

  const total = files.length * plan.budgets.length * plan.seeds.length;
  context.log(
    `toptw: profile ${plan.profile}${plan.cold ? " (one process per solve)" : ""}, ${files.length} instance file(s) × ${plan.budgets.length} (m, budget) × ${plan.seeds.length} seed(s) = ${total} solves`,
  );
  const runs: ToptwRun[] = [];
  for (const { m, budget } of plan.budgets) {
    for (const seed of plan.seeds) {
      for (const file of files) {
        const best = bks.get(bksKey(file.set, file.instance, m))?.bks ?? null;
        const spec: SolveSpec = {
          file,
          m,
          budget,
          seed,
          bks: best,
          allCustomers: totals.get(`${file.set}/${file.instance}`) ?? null,
        };
        const text = texts.get(file.file)!;
        const run = plan.cold ? solveCold(cliMain, spec, text) : solveOne(spec, text);
        runs.push(run);
        const gap = run.gapPct === null ? "" : ` gap ${run.gapPct.toFixed(2)}%`;
        const problem = run.error ? ` ERROR: ${run.error}` : run.violations ? ` ${run.violations} violation(s)` : "";
        context.log(
          `  [${runs.length}/${total}] ${file.set}/${file.instance} m=${m} ${run.budget} seed ${seed}: score ${run.score ?? "—"}${best !== null ? `/${best}` : ""}${gap} in ${run.elapsedMs?.toFixed(0) ?? "—"} ms${problem}`,
        );
      }
    }
  }
  const aggregates = [...groupBy(runs, (r) => `${r.set}/${r.m}/${r.budget}/${r.seed}`).values()].map(aggregateRuns);
  return { metrics: toptwMetrics(aggregates), details: { dir, plan, runs, aggregates } };
}

/** The literature quality suite. */
export const toptwSuite: Suite = {
  name: "toptw",
  description: "literature TOPTW quality (score, gap to bks, time to best, checker violations)",
  run: runToptw,
};
