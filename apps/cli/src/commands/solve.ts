/**
 * `carebus solve <scenario.json>`: validates the scenario, plans it, writes the plan JSON
 * (to --out, else stdout) and a short summary (to stdout when the plan goes to a file, else
 * stderr, so stdout stays pure JSON). Progress goes to stderr, one line per improvement.
 * With --from, --pin or --exclude-* it re-plans under that change set (see @carebus/solver's
 * replan), and the summary says how many visits of the --from plan moved.
 * Exit codes: 0 ok, 1 internal error, 2 bad input, 3 geography/routing unavailable.
 */
import { dirname, resolve } from "node:path";
import {
  CarebusError,
  ChangeSetError,
  PLAN_WORDS,
  PlanError,
  ScenarioError,
  formatFigure,
  formatGap,
  formatRatio,
  languageOf,
  localeForLanguage,
  localeOf,
  WEEKDAYS,
  isEmptyChangeSet,
  isIsoDate,
  parsePlan,
  parseScenario,
  type ChangeSet,
  type Language,
  type Plan,
  type Scenario,
  type Weekday,
} from "@carebus/model";
import { GeoError, addDirections } from "@carebus/geo";
import { describeSwallowed, FailureLog, meetsBound } from "@carebus/solver";
import { replan, solveScenario, type ScenarioProgress } from "@carebus/planner";
import { InputFileError, PROCESS_IO, readJsonFile, writeOutFile, type CommandIo } from "../commandIo.js";
import {
  UsageError,
  nonNegativeInteger,
  oneOf,
  exactPositionals,
  positiveNumber,
  readCommandArgs,
  stringValue,
  stringValues,
  type ParsedArgs,
} from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";

export type { CommandIo } from "../commandIo.js";

const SPEC = COMMAND_SPECS.solve!;

interface SolveArgs {
  file: string;
  timeLimitSeconds?: number;
  iterationLimit?: number;
  seed?: number;
  out?: string;
  directions?: "es" | "en";
  /** language of the summary (default: the scenario's locale, else Spanish) */
  lang?: Language;
  from?: string;
  changes: ChangeSet;
  /** issue path prefix → the argument it came from, for messages in the user's own terms */
  flagOf: Map<string, string>;
}

/**
 * Runs `carebus solve`.
 * @returns the exit code (0 ok, 1 internal, 2 bad input, 3 geography unavailable)
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const read = readCommandArgs(SPEC, args, io, readSolveArgs);
  if ("exitCode" in read) return read.exitCode;
  const parsed = read.args;
  const scenario = await readScenario(parsed.file, io);
  if (typeof scenario === "number") return scenario;
  const baseDir = dirname(resolve(parsed.file));
  const lang = parsed.lang ?? languageOf(localeOf(scenario));
  const words = { lang, locale: localeForLanguage(lang, localeOf(scenario)) };
  const basePlan = parsed.from === undefined ? undefined : await readPlan(parsed.from, io);
  if (typeof basePlan === "number") return basePlan;

  let plan: Plan;
  const failures = new FailureLog();
  try {
    let best = -Infinity;
    const changes = parsed.changes;
    const replanning = basePlan !== undefined || !isEmptyChangeSet(changes);
    const solveWith = (options: Parameters<typeof solveScenario>[1]) =>
      replanning
        ? replan(scenario, changes, { ...options, ...(basePlan ? { basePlan } : {}) })
        : solveScenario(scenario, options);
    plan = await solveWith({
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
    return reportError(error, io, parsed.flagOf);
  }
  for (const f of failures.list()) io.stderr(`carebus solve: ${describeSwallowed(f)}\n`);

  const json = `${JSON.stringify(plan, null, 2)}\n`;
  if (parsed.out) {
    const failed = await writeOutFile(parsed.out, json);
    if (failed) {
      io.stderr(`carebus solve: ${failed}\n`);
      return 2;
    }
    io.stdout(summary(plan, words));
  } else {
    io.stdout(json);
    io.stderr(summary(plan, words));
  }
  return 0;
}

function readSolveArgs(parsed: ParsedArgs): SolveArgs {
  const out: SolveArgs = { file: exactPositionals(parsed, 1, "scenario file")[0]!, changes: {}, flagOf: new Map() };
  const timeLimit = stringValue(parsed, "time-limit");
  if (timeLimit !== undefined) out.timeLimitSeconds = positiveNumber("time-limit", timeLimit);
  const iterations = stringValue(parsed, "iterations");
  if (iterations !== undefined) out.iterationLimit = nonNegativeInteger("iterations", iterations);
  const seed = stringValue(parsed, "seed");
  if (seed !== undefined) out.seed = nonNegativeInteger("seed", seed);
  const file = stringValue(parsed, "out");
  if (file !== undefined) {
    if (file === "") throw new UsageError("--out needs a file name");
    out.out = file;
  }
  const directions = stringValue(parsed, "directions");
  if (directions !== undefined) out.directions = oneOf("directions", directions, ["es", "en"] as const);
  const lang = stringValue(parsed, "lang");
  if (lang !== undefined) out.lang = oneOf("lang", lang, ["es", "en"] as const);
  const from = stringValue(parsed, "from");
  if (from !== undefined) {
    if (from === "") throw new UsageError("--from needs a plan file");
    out.from = from;
  }
  const pins = stringValues(parsed, "pin").map((text, i) => {
    out.flagOf.set(`pins[${i}]`, `--pin ${text}`);
    return parsePin(text);
  });
  const stops = stringValues(parsed, "exclude-stop");
  stops.forEach((text, i) => {
    out.flagOf.set(`exclude.stops[${i}]`, `--exclude-stop ${text}`);
  });
  const buses: string[] = [];
  const busDays: Array<{ busId: string; date: string }> = [];
  for (const text of stringValues(parsed, "exclude-bus")) {
    const at = text.lastIndexOf("@");
    if (at < 0) {
      out.flagOf.set(`exclude.buses[${buses.length}]`, `--exclude-bus ${text}`);
      buses.push(text);
      continue;
    }
    const date = text.slice(at + 1);
    if (!isIsoDate(date))
      throw new UsageError(`--exclude-bus ${text}: ${JSON.stringify(date)} is not a date YYYY-MM-DD`);
    out.flagOf.set(`exclude.busDays[${busDays.length}]`, `--exclude-bus ${text}`);
    busDays.push({ busId: text.slice(0, at), date });
  }
  out.changes = {
    ...(pins.length > 0 ? { pins } : {}),
    ...(stops.length + buses.length + busDays.length > 0
      ? {
          exclude: {
            ...(stops.length > 0 ? { stops } : {}),
            ...(buses.length > 0 ? { buses } : {}),
            ...(busDays.length > 0 ? { busDays } : {}),
          },
        }
      : {}),
  };
  return out;
}

/** `STOP@DATE|WEEKDAY[/BUS]` → a pin; the stop id may itself hold "@" (the last one splits). */
export function parsePin(text: string): NonNullable<ChangeSet["pins"]>[number] {
  const at = text.lastIndexOf("@");
  if (at <= 0) throw new UsageError(`--pin ${text}: expected STOP@DATE or STOP@WEEKDAY, optionally /BUS`);
  const stopId = text.slice(0, at);
  const rest = text.slice(at + 1);
  const slash = rest.indexOf("/");
  const when = slash < 0 ? rest : rest.slice(0, slash);
  const busId = slash < 0 ? undefined : rest.slice(slash + 1);
  if (busId === "") throw new UsageError(`--pin ${text}: a bus id must follow "/"`);
  const bus = busId === undefined ? {} : { busId };
  if (isIsoDate(when)) return { stopId, date: when, ...bus };
  const weekday = when.toLowerCase();
  if ((WEEKDAYS as readonly string[]).includes(weekday)) return { stopId, weekday: weekday as Weekday, ...bus };
  throw new UsageError(
    `--pin ${text}: ${JSON.stringify(when)} is neither a date YYYY-MM-DD nor a weekday (${WEEKDAYS.join(", ")})`,
  );
}

/** The plan to re-plan from, or the exit code after printing why it cannot be used. */
async function readPlan(file: string, io: CommandIo): Promise<Plan | number> {
  try {
    return parsePlan(await readJsonFile(file, "plan"));
  } catch (error) {
    if (error instanceof InputFileError) io.stderr(`carebus solve: --from: ${error.message}\n`);
    else if (error instanceof PlanError)
      io.stderr(
        `${error.issues.map((i) => `${i.path}: ${i.message}\n`).join("")}carebus solve: --from ${file}: not a plan\n`,
      );
    else throw error;
    return 2;
  }
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

function reportError(error: unknown, io: CommandIo, flagOf: Map<string, string>): number {
  if (error instanceof ChangeSetError) {
    for (const issue of error.issues) {
      const prefix = /^[a-zA-Z.]+\[\d+\]/.exec(issue.path)?.[0];
      const flag = prefix === undefined ? undefined : flagOf.get(prefix);
      io.stderr(`carebus solve: ${flag ?? issue.path}: ${issue.message}\n`);
    }
    return 2;
  }
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

/** The re-plan's line of the summary. */
const MOVED: Record<Language, (n: number) => string> = {
  es: (n) => `visitas movidas respecto al plan --from: ${n}`,
  en: (n) => `visits moved from the --from plan: ${n}`,
};

/** The summary's language and the locale its figures are written in. */
export interface SummaryWords {
  lang: Language;
  locale: string;
}

const SPANISH: SummaryWords = { lang: "es", locale: "es-CO" };

const fmt = (x: number, locale: string, digits = 1) =>
  formatFigure(Math.round(x * 10 ** digits) / 10 ** digits, locale, digits);

function progressLine(p: ScenarioProgress, { lang, locale }: SummaryWords): string {
  const w = PLAN_WORDS[lang];
  const gap =
    p.bound !== null && meetsBound(p.value, p.bound)
      ? null
      : p.bound !== null && p.bound > 0
        ? (p.bound - p.value) / p.bound
        : undefined;
  const bound =
    p.bound === null ? null : `${fmt(p.bound, locale)}${p.boundKind === "quick" ? ` (${w.quickBound})` : ""}`;
  return PROGRESS[lang]({
    value: fmt(p.value, locale),
    bound,
    gap,
    optimal: w.optimal,
    seconds: fmt(p.elapsedMs / 1000, locale, 2),
    iterations: p.iterations,
    locale,
  });
}

/** The figures of one progress line, written in the summary's locale. */
interface ProgressFigures {
  value: string;
  /** null before any bound is known */
  bound: string | null;
  /** the gap as a ratio; null when the plan meets the bound, undefined with no bound */
  gap: number | null | undefined;
  optimal: string;
  seconds: string;
  iterations: number;
  locale: string;
}

/** A line on stderr for each better plan or bound, in the summary's words (English as it always was). */
const PROGRESS: Record<Language, (f: ProgressFigures) => string> = {
  es: (f) =>
    `valor ${f.value}  máximo posible ${f.bound ?? "aún sin calcular"}  ${f.gap === null ? f.optimal : f.gap === undefined ? "brecha desconocida" : `a lo sumo ${formatGap(f.gap, f.locale)} por debajo`}  ${f.seconds} s  ${formatFigure(f.iterations, f.locale, 0)} iteraciones`,
  en: (f) =>
    `value ${f.value}  bound ${f.bound ?? "n/a"}  gap ${f.gap === null ? `0 (${f.optimal})` : f.gap === undefined ? "n/a" : formatRatio(f.gap, f.locale, 2)}  ${f.seconds} s  ${f.iterations} iterations`,
};

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
              .map((band) =>
                w.priorityBand(w.priorityBands[band.band], fmt(band.caregivers, locale, 0), fmt(band.total, locale, 0)),
              )
              .join(", "),
          ),
        ]
      : []),
    `${w.bound}${quick}: ${fmt(plan.stats.bound, locale)}; ${
      meetsBound(plan.totals.value, plan.stats.bound) ? w.optimal : w.gap(formatGap(plan.stats.gap, locale))
    }`,
    `${w.visits(visits, plan.routes.length)}; ${w.driving.toLowerCase()} ${fmt(plan.totals.travelMinutes, locale, 0)} min`,
    `${w.leftOut}: ${plan.unvisited.length}`,
    ...byReason,
    w.run(fmt(plan.stats.iterations, locale, 0), fmt(plan.stats.elapsedMs / 1000, locale, 2), plan.stats.seed),
    ...(plan.stats.movedVisits !== undefined ? [MOVED[lang](plan.stats.movedVisits)] : []),
  ].join("\n")}\n`;
}
