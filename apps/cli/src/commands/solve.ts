/**
 * `carebus solve <scenario.json>`: validates the scenario, plans it, writes the plan JSON
 * (to --out, else stdout) and a short summary (to stdout when the plan goes to a file, else
 * stderr, so stdout stays pure JSON). Progress goes to stderr, one line per improvement.
 * Exit codes: 0 ok, 1 internal error, 2 bad input, 3 geography/routing unavailable.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  CarebusError,
  PLAN_WORDS,
  ScenarioError,
  formatFigure,
  formatRatio,
  languageOf,
  localeForLanguage,
  localeOf,
  parseScenario,
  type Language,
  type Plan,
  type Scenario,
} from "@carebus/model";
import { GeoError, addDirections } from "@carebus/geo";
import { FailureLog, meetsBound } from "@carebus/solver";
import { solveScenario, type ScenarioProgress } from "@carebus/planner";
import { InputFileError, PROCESS_IO, readJsonFile, type CommandIo } from "../commandIo.js";

export type { CommandIo } from "../commandIo.js";

const USAGE =
  "usage: carebus solve <scenario.json> [--time-limit S] [--iterations N] [--seed K] [--out plan.json] [--directions es|en] [--lang es|en]";

interface SolveArgs {
  file: string;
  timeLimitSeconds?: number;
  iterationLimit?: number;
  seed?: number;
  out?: string;
  directions?: "es" | "en";
  /** language of the summary (default: the scenario's locale, else Spanish) */
  lang?: Language;
}

/**
 * Runs `carebus solve`.
 * @returns the exit code (0 ok, 1 internal, 2 bad input, 3 geography unavailable)
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  let parsed: SolveArgs | "help";
  try {
    parsed = parseSolveArgs(args);
  } catch (error) {
    io.stderr(`carebus solve: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed === "help") {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const scenario = await readScenario(parsed.file, io);
  if (typeof scenario === "number") return scenario;
  const baseDir = dirname(resolve(parsed.file));
  const lang = parsed.lang ?? languageOf(localeOf(scenario));
  const words = { lang, locale: localeForLanguage(lang, localeOf(scenario)) };

  let plan: Plan;
  const failures = new FailureLog();
  try {
    let best = -Infinity;
    plan = await solveScenario(scenario, {
      baseDir,
      failures,
      ...(parsed.timeLimitSeconds !== undefined ? { timeLimitSeconds: parsed.timeLimitSeconds } : {}),
      ...(parsed.iterationLimit !== undefined ? { iterationLimit: parsed.iterationLimit } : {}),
      ...(parsed.seed !== undefined ? { seed: parsed.seed } : {}),
      onProgress: (p) => {
        if (p.value > best) {
          best = p.value;
          io.stderr(`${progressLine(p, words)}\n`);
        }
      },
    });
    if (parsed.directions) plan = await addDirections(plan, scenario, { lang: parsed.directions, baseDir });
  } catch (error) {
    return reportError(error, io);
  }
  for (const f of failures.list())
    io.stderr(`carebus solve: ${f.where} failed ${f.count} time(s), the plan was made without it: ${f.message}\n`);

  const json = `${JSON.stringify(plan, null, 2)}\n`;
  if (parsed.out) {
    try {
      await mkdir(dirname(resolve(parsed.out)), { recursive: true });
      await writeFile(parsed.out, json);
    } catch (error) {
      io.stderr(`carebus solve: --out: cannot write ${parsed.out}: ${(error as Error).message}\n`);
      return 2;
    }
    io.stdout(summary(plan, words));
  } else {
    io.stdout(json);
    io.stderr(summary(plan, words));
  }
  return 0;
}

function parseSolveArgs(args: string[]): SolveArgs | "help" {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "time-limit": { type: "string" },
      iterations: { type: "string" },
      seed: { type: "string" },
      out: { type: "string" },
      directions: { type: "string" },
      lang: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  if (positionals.length !== 1) throw new Error(`expected exactly one scenario file, got ${positionals.length}`);
  const out: SolveArgs = { file: positionals[0]! };
  if (values["time-limit"] !== undefined) {
    const s = Number(values["time-limit"]);
    if (!(s > 0) || !Number.isFinite(s))
      throw new Error(`--time-limit must be a positive number of seconds, got ${JSON.stringify(values["time-limit"])}`);
    out.timeLimitSeconds = s;
  }
  if (values.iterations !== undefined) out.iterationLimit = nonNegativeInteger("--iterations", values.iterations);
  if (values.seed !== undefined) out.seed = nonNegativeInteger("--seed", values.seed);
  if (values.out !== undefined) {
    if (values.out === "") throw new Error("--out needs a file name");
    out.out = values.out;
  }
  if (values.directions !== undefined) {
    if (values.directions !== "es" && values.directions !== "en")
      throw new Error(`--directions must be es or en, got ${JSON.stringify(values.directions)}`);
    out.directions = values.directions;
  }
  if (values.lang !== undefined) {
    if (values.lang !== "es" && values.lang !== "en")
      throw new Error(`--lang must be es or en, got ${JSON.stringify(values.lang)}`);
    out.lang = values.lang;
  }
  return out;
}

function nonNegativeInteger(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`${flag} must be a whole number ≥ 0, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** The scenario, or the exit code after printing why it cannot be used. */
async function readScenario(file: string, io: CommandIo): Promise<Scenario | number> {
  let value: unknown;
  try {
    value = await readJsonFile(file);
  } catch (error) {
    if (!(error instanceof InputFileError)) throw error;
    io.stderr(`carebus solve: ${error.message}\n`);
    return 2;
  }
  try {
    return parseScenario(value);
  } catch (error) {
    if (error instanceof ScenarioError) {
      io.stderr(error.issues.map((i) => `${i.path}: ${i.message}\n`).join(""));
      io.stderr(
        `carebus solve: ${file}: ${error.issues.length} problem${error.issues.length === 1 ? "" : "s"} found\n`,
      );
      return 2;
    }
    throw error;
  }
}

function reportError(error: unknown, io: CommandIo): number {
  if (error instanceof ScenarioError) {
    io.stderr(error.issues.map((i) => `${i.path}: ${i.message}\n`).join(""));
    return 2;
  }
  if (error instanceof GeoError) {
    io.stderr(`carebus solve: travel times unavailable: ${error.message}\n`);
    return 3;
  }
  if (error instanceof CarebusError && error.code === "CAREBUS_SOLVER_INFEASIBLE_START") {
    io.stderr(`carebus solve: ${error.message}\n`);
    return 2;
  }
  io.stderr(`carebus solve: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

/** The summary's language and the locale its figures are written in. */
export interface SummaryWords {
  lang: Language;
  locale: string;
}

const SPANISH: SummaryWords = { lang: "es", locale: "es-CO" };

const fmt = (x: number, locale: string, digits = 1) =>
  formatFigure(Math.round(x * 10 ** digits) / 10 ** digits, locale, digits);

function progressLine(p: ScenarioProgress, { lang, locale }: SummaryWords): string {
  const gap =
    p.bound !== null && meetsBound(p.value, p.bound)
      ? `0 (${PLAN_WORDS[lang].optimal})`
      : p.bound !== null && p.bound > 0
        ? formatRatio((p.bound - p.value) / p.bound, locale, 2)
        : "n/a";
  const bound =
    p.bound === null
      ? "n/a"
      : `${fmt(p.bound, locale)}${p.boundKind === "quick" ? ` (${PLAN_WORDS[lang].quickBound})` : ""}`;
  return `value ${fmt(p.value, locale)}  bound ${bound}  gap ${gap}  ${fmt(p.elapsedMs / 1000, locale, 2)} s  ${p.iterations} iterations`;
}

/**
 * The closing summary, in the planner page's order and words: caregivers reached (people),
 * the weighted value, the maximum possible (marked when only the quick estimate was ready)
 * and how far below it the plan may be, visits and driving, stops left out by reason.
 */
export function summary(plan: Plan, { lang, locale }: SummaryWords = SPANISH): string {
  const w = PLAN_WORDS[lang];
  const visits = plan.routes.reduce((n, r) => n + r.visits.length, 0);
  const reasons = new Map<string, number>();
  for (const u of plan.unvisited) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  const byReason = [...reasons.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([r, n]) => `  ${n}: ${w.reasons[r as keyof typeof w.reasons] ?? r}`);
  const quick = plan.stats.boundKind === "quick" ? ` (${w.quickBound})` : "";
  return `${[
    `${w.caregiversReached}: ${w.distinctPeople(fmt(plan.totals.caregiversReached, locale, 0))}`,
    `${w.weightedValue}: ${fmt(plan.totals.value, locale)}`,
    ...(plan.totals.byPriority
      ? [
          w.byPriority(
            plan.totals.byPriority
              .map((band) => w.priorityBand(band.band, fmt(band.caregivers, locale, 0), fmt(band.total, locale, 0)))
              .join(", "),
          ),
        ]
      : []),
    `${w.bound}${quick}: ${fmt(plan.stats.bound, locale)}; ${
      meetsBound(plan.totals.value, plan.stats.bound) ? w.optimal : w.gap(formatRatio(plan.stats.gap, locale, 1))
    }`,
    `${w.visits(visits, plan.routes.length)}; ${w.driving.toLowerCase()} ${fmt(plan.totals.travelMinutes, locale, 0)} min`,
    `${w.leftOut}: ${plan.unvisited.length}`,
    ...byReason,
    w.run(fmt(plan.stats.iterations, locale, 0), fmt(plan.stats.elapsedMs / 1000, locale, 2), plan.stats.seed),
  ].join("\n")}\n`;
}
