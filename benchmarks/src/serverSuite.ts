/**
 * Server load: runs the feed load test that the server work provides in serverLoad.ts
 * (`runServerLoad({ seconds, solveSeconds })`), when that module exists in this build. Its
 * result shape belongs to the server work, so its numeric fields are recorded generically:
 * each becomes a metric whose direction is read from its name (latencies and errors lower,
 * throughput higher, anything else informational).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createMetric, type Better, type Metric } from "./result.js";
import { SuiteSkipped, type Suite, type SuiteContext, type SuiteOutput } from "./suite.js";
import { parsePositive } from "./listArgs.js";

type RunServerLoad = (options: { seconds: number; solveSeconds: number }) => Promise<unknown>;

/** Direction of a server figure, from its name. */
export function directionOf(key: string): Better {
  const k = key.toLowerCase();
  if (/(error|fail|timeout|non2xx|dropped)/.test(k)) return "lower";
  if (/(rps|throughput|persecond|per_second|ratio)/.test(k)) return "higher";
  if (/(latency|ms$|p50|p90|p95|p99|rss|mb$)/.test(k)) return "lower";
  return "none";
}

/** Numeric leaves of a plain object, with dotted paths (arrays are skipped). */
export function numericLeaves(value: unknown, prefix = ""): Array<[string, number]> {
  if (typeof value === "number") return Number.isFinite(value) ? [[prefix, value]] : [];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    numericLeaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

async function runServer(context: SuiteContext): Promise<SuiteOutput> {
  const modulePath = fileURLToPath(new URL("./serverLoad.js", import.meta.url));
  if (!existsSync(modulePath)) throw new SuiteSkipped("benchmarks/src/serverLoad.ts is not in this build yet");
  const loaded = (await import(modulePath)) as { runServerLoad?: RunServerLoad };
  if (typeof loaded.runServerLoad !== "function") throw new SuiteSkipped("serverLoad.js does not export runServerLoad");
  const seconds = context.flags["server-seconds"]
    ? parsePositive(context.flags["server-seconds"], "--server-seconds")
    : context.quick
      ? 3
      : 10;
  const solveSeconds = context.quick ? 1 : 5;
  context.log(`server: load for ${seconds} s (solve ${solveSeconds} s)`);
  const result = await loaded.runServerLoad({ seconds, solveSeconds });
  const metrics: Metric[] = numericLeaves(result).map(([key, value]) =>
    createMetric(
      {
        id: `server/${key}`,
        suite: "server",
        unit: /ms$/i.test(key) ? "ms" : "",
        better: directionOf(key),
        budget: "time",
      },
      [value],
    ),
  );
  return { metrics, details: { seconds, solveSeconds, result } };
}

/** The server load suite. */
export const serverSuite: Suite = {
  name: "server",
  description: "feed load test against the running server (runServerLoad)",
  run: runServer,
};
