/**
 * `carebus toptw <instance.txt> --vehicles M [--time-limit S] [--seed K] [--iterations N]
 * [--distance trunc1|trunc2|round2|exact] [--recombine] [--json]`: solves a literature TOPTW file
 * with the same engine as the care-bus plans, for benchmarking against published results. The
 * score printed is the independent checker's, of a plan it passed; when the engine's best plan
 * failed the check, the failure is printed too (and `checkFailure` in JSON). With --json it
 * prints exactly one JSON object on stdout (customer numbers as in the file, service starts).
 * --recombine adds the route-pool recombination through HiGHS (opt-in: it did not pay for itself within 1–5 s on the Solomon sets, see packages/solver/README.md).
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import {
  loadMipSolver,
  readToptw,
  solve,
  ToptwFormatError,
  type DistanceConvention,
  type Instance,
  type MipSolver,
} from "@carebus/solver";

import { PROCESS_IO } from "../commandIo.js";
import { readCommandArgs, stringValue } from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";

const CONVENTIONS: readonly DistanceConvention[] = ["trunc1", "trunc2", "round2", "exact"];

export async function run(args: string[]): Promise<number> {
  const read = readCommandArgs(COMMAND_SPECS.toptw!, args, PROCESS_IO, (parsed) => parsed);
  if ("exitCode" in read) return read.exitCode;
  const parsed = read.args;
  const positionals = parsed.positionals;
  const values = {
    vehicles: stringValue(parsed, "vehicles"),
    "time-limit": stringValue(parsed, "time-limit") ?? "1",
    seed: stringValue(parsed, "seed") ?? "1",
    iterations: stringValue(parsed, "iterations"),
    distance: stringValue(parsed, "distance") ?? "trunc1",
    json: parsed.values.json === true,
    recombine: parsed.values.recombine === true,
  };
  if (positionals.length !== 1)
    return fail("expected exactly one instance file: carebus toptw <instance.txt> --vehicles M");
  const file = positionals[0]!;
  const vehicles = Number(values.vehicles);
  if (values.vehicles === undefined || !Number.isInteger(vehicles) || vehicles < 1)
    return fail(`--vehicles must be a positive integer, got ${JSON.stringify(values.vehicles ?? null)}`);
  const seconds = Number(values["time-limit"]);
  if (!(seconds > 0) || !Number.isFinite(seconds))
    return fail(`--time-limit must be a positive number of seconds, got ${JSON.stringify(values["time-limit"])}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) return fail(`--seed must be an integer, got ${JSON.stringify(values.seed)}`);
  let iterationLimit: number | undefined;
  if (values.iterations !== undefined) {
    iterationLimit = Number(values.iterations);
    if (!Number.isInteger(iterationLimit) || iterationLimit < 0)
      return fail(`--iterations must be a non-negative integer, got ${JSON.stringify(values.iterations)}`);
  }
  const distance = values.distance as DistanceConvention;
  if (!CONVENTIONS.includes(distance))
    return fail(`--distance must be one of ${CONVENTIONS.join(", ")}, got ${JSON.stringify(values.distance)}`);
  const started = performance.now();
  // recombining needs at least two routes; HiGHS loads while the file is read, and its loading
  // counts against the time limit like everything else
  const mipSolver: Promise<MipSolver | null> | null =
    values.recombine && vehicles > 1
      ? loadMipSolver().catch((error: unknown) => {
          process.stderr.write(
            `carebus toptw: HiGHS could not be loaded, solving without recombination: ${error instanceof Error ? error.message : String(error)}\n`,
          );
          return null;
        })
      : null;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    return fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const name = basename(file, extname(file));
  let instance: Instance;
  try {
    instance = readToptw(text, { name, vehicles, distance });
  } catch (error) {
    if (error instanceof ToptwFormatError) return fail(`${file}: ${error.message}`);
    throw error;
  }
  const mip = mipSolver ? await mipSolver : null;
  // leave room for reading the file and printing: the whole command stays within the limit
  const budget = Math.max(1, seconds * 1000 - (performance.now() - started) - 5);
  const result = solve(instance, {
    seed,
    timeLimitMs: budget,
    ...(iterationLimit !== undefined ? { iterationLimit } : {}),
    ...(mip ? { mipSolver: mip } : {}),
  });
  const routes = result.routes.map((route) => route.visits.map((v) => ({ id: v.stop + 1, start: round(v.start) })));
  const elapsedMs = Math.round(performance.now() - started);
  const { check } = result;
  for (const f of result.swallowed)
    process.stderr.write(
      `carebus toptw: ${f.where} failed ${f.count} time(s), the search went on without it: ${f.message}\n`,
    );
  const checkFailure = check.failure
    ? { violations: check.failure.violations.length, engineScore: check.failure.engineValue }
    : null;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ instance: name, vehicles, score: check.value, routes, elapsedMs, ...(checkFailure ? { checkFailure } : {}) })}\n`,
    );
  } else {
    const failed = check.failure
      ? `; the best plan (score ${check.failure.engineValue}) failed the check: ${check.failure.violations[0]!.detail}`
      : "";
    const lines = [
      `${name}: m = ${vehicles}, score ${check.value} (checked${failed}), travel ${round(check.travelMinutes)}, ${result.iterations} iterations, best after ${Math.round(result.timeToBestMs)} ms, ${elapsedMs} ms (stopped by ${result.stoppedBy})`,
      ...routes.map(
        (r, i) => `  route ${i + 1} (${r.length} customers): ${r.map((v) => `${v.id}@${v.start}`).join(" ")}`,
      ),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  }
  return 0;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function fail(message: string): number {
  process.stderr.write(`carebus toptw: ${message}\n`);
  return 2;
}
