/**
 * `carebus worker --database postgresql://… [--concurrency N]`: runs solve jobs from the
 * PostgreSQL queue that `carebus serve --database` processes fill, on this host, until SIGINT
 * or SIGTERM. The first signal stops taking jobs and lets running solves finish (they are
 * time-limited); a second one exits at once, and the jobs it held go to another worker when
 * their leases run out. CAREBUS_DATABASE_URL and CAREBUS_MAX_SOLVE_SECONDS apply as for serve.
 */
import { checkDatabaseUrl, loadConfig, startSolveWorkers, type SolveWorkers } from "@carebus/api";
import { PROCESS_IO } from "../commandIo.js";
import { optionsOnly, readCommandArgs, stringValue, usageLine } from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";
import { databaseProblem, redactedDatabase } from "../databaseIo.js";

const SPEC = COMMAND_SPECS.worker!;

function fail(message: string): number {
  process.stderr.write(`carebus worker: ${message}\n${usageLine(SPEC)}\n`);
  return 2;
}

/** Runs `carebus worker`; resolves with the exit code after SIGINT/SIGTERM. */
export async function run(args: string[]): Promise<number> {
  const read = readCommandArgs(SPEC, args, PROCESS_IO, (parsed) => ({
    database: stringValue(optionsOnly(parsed), "database"),
    concurrency: stringValue(parsed, "concurrency"),
  }));
  if ("exitCode" in read) return read.exitCode;
  const values = read.args;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(values.database !== undefined ? { databaseUrl: values.database } : {});
    if (config.databaseUrl === null)
      return fail("--database (or CAREBUS_DATABASE_URL) is required: the PostgreSQL database the servers use");
    checkDatabaseUrl(config.databaseUrl);
  } catch (error) {
    return fail((error as Error).message);
  }
  const concurrencyText = values.concurrency ?? "1";
  const concurrency = Number(concurrencyText);
  if (!/^\d+$/.test(concurrencyText) || concurrency < 1 || concurrency > 64)
    return fail(`--concurrency must be a whole number 1-64, got ${JSON.stringify(concurrencyText)}`);

  const databaseUrl = config.databaseUrl;
  let workers: SolveWorkers;
  try {
    workers = await startSolveWorkers({
      databaseUrl,
      concurrency,
      maxSolveSeconds: config.maxSolveSeconds,
      log: (message) => process.stdout.write(`${new Date().toISOString()} ${message}\n`),
    });
  } catch (error) {
    const problem = databaseProblem(error, databaseUrl);
    if (!problem) throw error;
    process.stderr.write(`carebus worker: ${problem}\n`);
    return 1;
  }
  process.stdout.write(
    `carebus worker: taking solve jobs from ${redactedDatabase(databaseUrl)}, ${concurrency} at a time. Ctrl+C stops.\n`,
  );
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        process.stdout.write(`${signal} again: exiting now; other workers rerun the unfinished jobs\n`);
        process.exit(1);
      }
      stopping = true;
      process.stdout.write(`${signal}: finishing ${workers.running()} running job(s), taking no more…\n`);
      workers.close().then(resolve, (error: unknown) => {
        process.stderr.write(`carebus worker: error while stopping: ${(error as Error).message}\n`);
        resolve();
      });
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
  });
  return 0;
}
