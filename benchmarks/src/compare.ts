/**
 * `--compare old.json`: for every metric present in both runs, the ratio of the new median to
 * the old one, and a verdict. A change counts as a regression only beyond the noise: the new
 * median must be worse by more than max(5%, 2 × the larger relative spread of the two runs)
 * of the old median, and by more than the metric's absolute tolerance (1 ms for timings).
 * Time-budgeted figures from a different CPU are labelled, since only iteration-budgeted
 * quality compares across machines.
 */
import type { BenchResult, Metric } from "./result.js";

/** Smallest relative change ever considered a real difference. */
export const MIN_RELATIVE_CHANGE = 0.05;
/** Multiple of the recorded relative spread treated as noise. */
export const SPREAD_MULTIPLE = 2;
/** Timing changes below this many milliseconds are never flagged: timer and scheduler noise. */
export const MIN_ABSOLUTE_MS = 1;

export type Verdict = "regression" | "improvement" | "unchanged" | "info" | "added" | "removed";

export interface ComparisonRow {
  id: string;
  unit: string;
  oldMedian: number | null;
  newMedian: number | null;
  /** new / old (null when either is missing, NaN when old is 0 and new is not) */
  ratio: number | null;
  /** relative change beyond which the metric is flagged */
  threshold: number;
  verdict: Verdict;
}

export interface Comparison {
  rows: ComparisonRow[];
  regressions: number;
  improvements: number;
  /** true when the two runs were on different CPU models */
  differentMachine: boolean;
}

/** The relative threshold for one pair of measurements of a metric. */
export function noiseThreshold(oldMetric: Metric, newMetric: Metric): number {
  return Math.max(MIN_RELATIVE_CHANGE, SPREAD_MULTIPLE * Math.max(oldMetric.spread || 0, newMetric.spread || 0));
}

/** Verdict for one metric measured in both runs. */
export function compareMetric(oldMetric: Metric, newMetric: Metric): ComparisonRow {
  const threshold = noiseThreshold(oldMetric, newMetric);
  const oldMedian = oldMetric.median;
  const newMedian = newMetric.median;
  const ratio = oldMedian === 0 ? (newMedian === 0 ? 1 : Number.NaN) : newMedian / oldMedian;
  const row: ComparisonRow = {
    id: newMetric.id,
    unit: newMetric.unit,
    oldMedian,
    newMedian,
    ratio,
    threshold,
    verdict: "unchanged",
  };
  if (!Number.isFinite(oldMedian) || !Number.isFinite(newMedian) || newMetric.better === "none") {
    row.verdict = "info";
    return row;
  }
  // Positive `worsening` means the new run is worse, in the metric's own unit.
  const worsening = newMetric.better === "lower" ? newMedian - oldMedian : oldMedian - newMedian;
  const allowed = Math.max(
    threshold * Math.abs(oldMedian),
    newMetric.tolerance ?? oldMetric.tolerance ?? 0,
    newMetric.unit === "ms" ? MIN_ABSOLUTE_MS : 0,
  );
  if (worsening > allowed) row.verdict = "regression";
  else if (-worsening > allowed) row.verdict = "improvement";
  return row;
}

/** Compares every metric of two runs by id. */
export function compareResults(oldResult: BenchResult, newResult: BenchResult): Comparison {
  const oldById = new Map(oldResult.metrics.map((m) => [m.id, m]));
  const newIds = new Set(newResult.metrics.map((m) => m.id));
  const rows: ComparisonRow[] = [];
  for (const metric of newResult.metrics) {
    const previous = oldById.get(metric.id);
    if (previous) rows.push(compareMetric(previous, metric));
    else
      rows.push({
        id: metric.id,
        unit: metric.unit,
        oldMedian: null,
        newMedian: metric.median,
        ratio: null,
        threshold: 0,
        verdict: "added",
      });
  }
  for (const metric of oldResult.metrics) {
    if (!newIds.has(metric.id))
      rows.push({
        id: metric.id,
        unit: metric.unit,
        oldMedian: metric.median,
        newMedian: null,
        ratio: null,
        threshold: 0,
        verdict: "removed",
      });
  }
  return {
    rows,
    regressions: rows.filter((r) => r.verdict === "regression").length,
    improvements: rows.filter((r) => r.verdict === "improvement").length,
    differentMachine: oldResult.env.cpu !== newResult.env.cpu,
  };
}

function formatNumber(value: number | null): string {
  if (value === null) return "—";
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(3);
  return Number(value.toPrecision(4)).toString();
}

const MARK: Record<Verdict, string> = {
  regression: "REGRESSION",
  improvement: "better",
  unchanged: "",
  info: "info",
  added: "new",
  removed: "gone",
};

/** Plain-text table of a comparison, one metric per line, regressions marked. */
export function formatComparison(comparison: Comparison, oldResult: BenchResult, newResult: BenchResult): string {
  const lines: string[] = [];
  lines.push(
    `compare: old ${oldResult.env.commit.slice(0, 10)} (${oldResult.env.date}, ${oldResult.env.cpu}${oldResult.quick ? ", quick" : ""})`,
  );
  lines.push(
    `         new ${newResult.env.commit.slice(0, 10)} (${newResult.env.date}, ${newResult.env.cpu}${newResult.quick ? ", quick" : ""})`,
  );
  if (comparison.differentMachine)
    lines.push("note: different CPU models; only iteration-budgeted quality metrics [iter] compare across machines");
  const width = Math.max(10, ...comparison.rows.map((r) => r.id.length)) + 2;
  lines.push(
    `${"metric".padEnd(width)}${"old".padStart(12)}${"new".padStart(12)}${"new/old".padStart(10)}  noise  verdict`,
  );
  const newById = new Map(newResult.metrics.map((m) => [m.id, m]));
  for (const row of comparison.rows) {
    const budget = newById.get(row.id)?.budget === "iterations" ? " [iter]" : "";
    const ratio = row.ratio === null ? "—" : Number.isNaN(row.ratio) ? "n/a" : row.ratio.toFixed(3);
    const noise = row.threshold > 0 ? `±${Math.round(row.threshold * 100)}%`.padStart(5) : "     ";
    lines.push(
      `${row.id.padEnd(width)}${formatNumber(row.oldMedian).padStart(12)}${formatNumber(row.newMedian).padStart(12)}${ratio.padStart(10)}  ${noise}  ${MARK[row.verdict]}${budget}`,
    );
  }
  lines.push(
    `${comparison.regressions} regression(s), ${comparison.improvements} improvement(s) beyond noise over ${comparison.rows.length} metric(s)`,
  );
  return lines.join("\n");
}
