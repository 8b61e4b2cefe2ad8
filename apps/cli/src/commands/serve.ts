/**
 * `carebus serve`: starts the server on a scenario. On the first start with a scenario (not
 * stored yet) it stores it, plans it for a bounded time through the server's own job queue,
 * publishes the plan, and prints where to look: the planner page, the API docs and one stop's
 * calendar feed (and the write token when it was just generated). It runs until SIGINT or
 * SIGTERM and then closes jobs, socket and store. With --plan FILE (a plan of this scenario, as
 * `carebus solve --out` writes it) it publishes that plan instead of planning again. The server
 * log (pino JSON lines on stdout: one per request, every 5xx and failed job with its cause) is on
 * at `info` unless `--log-level` or CAREBUS_LOG_LEVEL says otherwise. Flags override CAREBUS_*
 * variables.
 */
import { dirname, resolve } from "node:path";
import { loadConfig, startServer, type RunningServer, type ServerConfig } from "@carebus/api";
import { randomUUID } from "node:crypto";
import { PlanError, parseScenario, scenarioHash, ScenarioError, type Plan, type Scenario } from "@carebus/model";
import { DEFAULT_SCENARIO_PATH, InputFileError, PROCESS_IO, readJsonFile, readPlanAndScenario } from "../commandIo.js";
import { databaseProblem, redactedDatabase } from "../databaseIo.js";
import { optionsOnly, positiveNumber, readCommandArgs, stringValue, usageLine } from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";

const SPEC = COMMAND_SPECS.serve!;

const DEFAULT_PLAN_SECONDS = 20;
/** With PostgreSQL, solves wait for a `carebus worker`: say so when none took the job this soon. */
const QUEUED_HINT_MS = 10_000;

function fail(message: string): number {
  process.stderr.write(`carebus serve: ${message}\n${usageLine(SPEC)}\n`);
  return 2;
}

/**
 * Stores `plan` (made from this scenario, e.g. by `carebus solve --out`) as a done plan and
 * publishes it through the app's own route, instead of planning again.
 */
async function storeAndPublish(server: RunningServer, scenarioId: string, plan: Plan): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await server.store.insertPlan({
    id,
    scenarioId,
    scenarioHash: plan.scenario.hash,
    options: {},
    status: "done",
    error: null,
    plan,
    createdAt: now,
    finishedAt: now,
  });
  const headers = { authorization: `Bearer ${server.token.token}` };
  const published = await server.app.inject({ method: "POST", url: `/api/v1/plans/${id}/publish`, headers });
  if (published.statusCode !== 201) throw new Error(`could not publish: ${published.body}`);
  process.stdout.write(
    `published plan ${id} from the plan file: ${plan.totals.visits} visits, value ${plan.totals.value.toFixed(1)}\n`,
  );
  return id;
}

/** Plans and publishes the scenario through the app's own routes (its own queue, or the workers of its database). */
async function planAndPublish(
  server: RunningServer,
  scenarioId: string,
  planSeconds: number,
  databaseUrl: string | null,
): Promise<string | null> {
  const headers = { authorization: `Bearer ${server.token.token}` };
  const started = await server.app.inject({
    method: "POST",
    url: "/api/v1/plans",
    headers,
    payload: { scenarioId, options: { timeLimitSeconds: planSeconds } },
  });
  if (started.statusCode !== 202) throw new Error(`could not start planning: ${started.body}`);
  const { id } = started.json() as { id: string };
  process.stdout.write(`planning ${scenarioId} for up to ${planSeconds} s (plan ${id})…\n`);
  let hintAt = Date.now() + QUEUED_HINT_MS;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const job = (await server.app.inject(`/api/v1/plans/${id}`)).json() as {
      status: string;
      error?: string;
      plan?: { totals: { value: number; visits: number } };
    };
    if (job.status === "queued" && databaseUrl && Date.now() > hintAt) {
      process.stdout.write(
        `no worker has taken the job yet: start one with carebus worker --database ${redactedDatabase(databaseUrl)}\n`,
      );
      hintAt = Number.POSITIVE_INFINITY;
    }
    if (job.status === "queued" || job.status === "running") continue;
    if (job.status !== "done" || !job.plan) {
      process.stderr.write(
        `carebus serve: planning ${job.status}${job.error ? `: ${job.error}` : ""}; serving without a published plan\n`,
      );
      return null;
    }
    const published = await server.app.inject({ method: "POST", url: `/api/v1/plans/${id}/publish`, headers });
    if (published.statusCode !== 201) throw new Error(`could not publish: ${published.body}`);
    process.stdout.write(
      `published plan ${id}: ${job.plan.totals.visits} visits, value ${job.plan.totals.value.toFixed(1)}\n`,
    );
    return id;
  }
}

/** The feed links of the first visited stop of the published plan, if any. */
async function firstStopFeed(
  server: RunningServer,
  scenarioId: string,
): Promise<{ ics: string; webcal: string } | null> {
  const published = await server.app.inject(`/api/v1/scenarios/${encodeURIComponent(scenarioId)}/published`);
  if (published.statusCode !== 200) return null;
  const { plan } = published.json() as { plan: { routes: Array<{ visits: Array<{ stopId: string }> }> } };
  const stopId = plan.routes.find((r) => r.visits.length > 0)?.visits[0]?.stopId;
  if (stopId === undefined) return null;
  const stop = await server.app.inject({
    url: `/api/v1/stops/${encodeURIComponent(stopId)}`,
    headers: { host: new URL(server.url).host },
  });
  return stop.statusCode === 200 ? (stop.json() as { feeds: { ics: string; webcal: string } }).feeds : null;
}

/** Runs `carebus serve`; resolves with the exit code after SIGINT/SIGTERM. */
export async function run(args: string[]): Promise<number> {
  const read = readCommandArgs(SPEC, args, PROCESS_IO, optionsOnly);
  if ("exitCode" in read) return read.exitCode;
  const parsed = read.args;
  const values = Object.fromEntries(
    ["port", "host", "data-dir", "database", "scenario", "plan", "plan-seconds", "log-level"].map((name) => [
      name,
      stringValue(parsed, name),
    ]),
  );
  const overrides: Partial<ServerConfig> = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535)
      return fail(`--port must be a port number 0-65535, got ${JSON.stringify(values.port)}`);
    overrides.port = port;
  }
  if (values.host !== undefined) overrides.host = values.host;
  if (values["data-dir"] !== undefined) overrides.dataDir = values["data-dir"];
  if (values["log-level"] !== undefined) overrides.logLevel = values["log-level"];
  if (values.database !== undefined) overrides.databaseUrl = values.database;
  let planSeconds = DEFAULT_PLAN_SECONDS;
  try {
    if (values["plan-seconds"] !== undefined) planSeconds = positiveNumber("plan-seconds", values["plan-seconds"]);
  } catch (error) {
    return fail((error as Error).message);
  }

  let config: ServerConfig;
  try {
    config = loadConfig(overrides);
  } catch (error) {
    return fail((error as Error).message);
  }
  const scenarioFile = resolve(values.scenario ?? DEFAULT_SCENARIO_PATH);
  let scenario: Scenario;
  let planFromFile: Plan | undefined;
  try {
    if (values.plan !== undefined) {
      ({ scenario, plan: planFromFile } = await readPlanAndScenario(values.plan, scenarioFile));
    } else scenario = parseScenario(await readJsonFile(scenarioFile, "scenario"));
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof PlanError) {
      process.stderr.write(error.issues.map((i) => `${i.path}: ${i.message}\n`).join(""));
      return fail(`${error instanceof PlanError ? values.plan : scenarioFile}: ${error.issues.length} problem(s)`);
    }
    if (error instanceof InputFileError) {
      // the message names the file ("plan x.json is …", "cannot read scenario y.json …"); say which flag gave it
      const flag = /^(cannot read )?plan /.test(error.message) ? "--plan" : "--scenario";
      return fail(error.message.startsWith("--") ? error.message : `${flag}: ${error.message}`);
    }
    throw error;
  }

  let server: RunningServer;
  try {
    server = await startServer(config, { defaultScenarioId: scenario.id });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES")
      return fail(`cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
    const problem = config.databaseUrl ? databaseProblem(error, config.databaseUrl) : null;
    if (problem) {
      process.stderr.write(`carebus serve: ${problem}\n`);
      return 1;
    }
    throw error;
  }
  const stopped = new Promise<void>((resolveStop) => {
    let stopping = false;
    // Ctrl-C reaches every process of the terminal's group, and `pnpm run` forwards it again:
    // the repeats must not kill the server halfway through its clean stop
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`\n${signal}: stopping…\n`);
      server.close().then(
        () => resolveStop(),
        (error: unknown) => {
          process.stderr.write(`carebus serve: error while stopping: ${(error as Error).message}\n`);
          resolveStop();
        },
      );
    };
    process.on("SIGINT", () => stop("SIGINT"));
    process.on("SIGTERM", () => stop("SIGTERM"));
  });

  try {
    const storage = config.databaseUrl
      ? `data in PostgreSQL at ${redactedDatabase(config.databaseUrl)}; solves run by carebus worker`
      : `data in ${config.dataDir}`;
    process.stdout.write(`carebus listening on ${server.url} (${storage})\n`);
    let storedDiffers = false;
    const created = await server.store
      .insertScenario({
        id: scenario.id,
        name: scenario.name,
        hash: scenarioHash(scenario),
        scenario,
        baseDir: dirname(scenarioFile),
        createdAt: new Date().toISOString(),
      })
      .catch((error: unknown) => {
        process.stderr.write(
          `carebus serve: ${(error as Error).message}; serving the stored version of ${scenario.id}\n`,
        );
        storedDiffers = true;
        return false;
      });
    const publications = await server.store.listPublications(scenario.id);
    if (planFromFile && storedDiffers)
      process.stderr.write(
        `carebus serve: --plan ${values.plan} is not a plan of the stored scenario; not published\n`,
      );
    else if (planFromFile) await storeAndPublish(server, scenario.id, planFromFile);
    else if (created || publications.length === 0)
      await planAndPublish(server, scenario.id, planSeconds, config.databaseUrl);
    const feed = await firstStopFeed(server, scenario.id);
    const lines = [
      `planner page:   ${server.url}/`,
      `community page: ${server.url}/community`,
      `API docs:       ${server.url}/docs`,
    ];
    if (feed) lines.push(`stop calendar:  ${feed.ics}`, `  subscribe:    ${feed.webcal}`);
    if (server.token.source === "generated")
      lines.push(`write token (saved in ${server.token.path}): ${server.token.token}`);
    else if (server.token.source === "file") lines.push(`write token: in ${server.token.path}`);
    process.stdout.write(`${lines.join("\n")}\nPress Ctrl+C to stop.\n`);
  } catch (error) {
    process.stderr.write(`carebus serve: ${(error as Error).message}\n`);
    await server.close();
    return 1;
  }
  await stopped;
  return 0;
}
