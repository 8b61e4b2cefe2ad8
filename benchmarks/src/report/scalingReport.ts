/**
 * The scaling section of the report: a table per size, time and memory versus size on log-log
 * axes with the fitted power laws, and the value reached over time (relative to each size's
 * final value). Types only from the suite, so it renders wherever the result exists.
 */
import type { ScalingFits, ScalingRow } from "../speed/scalingSuite.js";
import type { PowerLawFit } from "../stats.js";
import { median } from "../stats.js";
import { formatValue, markdownTable } from "./format.js";
import type { ReportSection } from "./reportSection.js";
import { renderChart, type ChartSeries } from "./svgChart.js";

interface ScalingDetails {
  rows: ScalingRow[];
  fits: ScalingFits;
}

function fitLine(name: string, fit: PowerLawFit, sizes: number[]): ChartSeries | null {
  if (!Number.isFinite(fit.exponent) || sizes.length < 2) return null;
  const lo = Math.min(...sizes);
  const hi = Math.max(...sizes);
  return {
    name: `${name} ∝ n^${fit.exponent.toFixed(2)}`,
    points: [
      [lo, fit.coefficient * lo ** fit.exponent],
      [hi, fit.coefficient * hi ** fit.exponent],
    ],
    dashed: true,
    markers: false,
  };
}

/** Markdown and charts for the scaling details. */
export function scalingReport(details: ScalingDetails): ReportSection {
  const lines: string[] = [];
  const rows = details.rows.map((r) => {
    const s = r.sample;
    const b = r.bound;
    const boundCell = b
      ? `${formatValue(b.boundMs, 3)} ms → ${formatValue(b.bound, 6)}${s && b.bound > 0 ? ` (gap ${((100 * (b.bound - s.finalValue)) / b.bound).toFixed(2)}%)` : ""}`
      : `— (${r.boundError ?? "not run"})`;
    if (!s)
      return [String(r.stops), "—", "—", "—", "—", "—", "—", "—", boundCell, "—", "—", `failed: ${r.error ?? ""}`];
    const first = s.prepMs + median(s.constructionMs);
    return [
      String(s.stops),
      `${s.buses} / ${s.busDays}`,
      String(s.points),
      formatValue(s.prepMs, 3),
      formatValue(median(s.constructionMs), 3),
      formatValue(first, 3),
      formatValue(s.constructionValue, 6),
      `${formatValue(s.finalValue, 6)} @ ${s.timeLimitMs / 1000} s (${s.iterations} it.)`,
      boundCell,
      formatValue(s.maxRssMB, 4),
      String(s.violations),
      "",
    ];
  });
  lines.push(
    markdownTable(
      [
        "stops",
        "buses / bus-days",
        "demand points",
        "prep ms",
        "construction ms",
        "first plan ms",
        "construction value",
        "value at limit",
        "LP bound (time → value)",
        "peak RSS MB",
        "violations",
        "note",
      ],
      rows,
    ),
  );
  lines.push("");
  lines.push(
    "prep = travel matrix + walking coverage + instance; first plan = prep + construction (solveScenario computes the LP bound after its first plan).",
  );
  lines.push("");
  const f = details.fits;
  const describe = (name: string, fit: PowerLawFit) =>
    Number.isFinite(fit.exponent)
      ? `${name} ∝ n^${fit.exponent.toFixed(2)} (r² ${fit.r2.toFixed(3)}, ${fit.points} sizes)`
      : `${name}: not enough sizes`;
  lines.push(
    `Growth exponents (least squares in log-log space): ${describe("first plan", f.firstPlan)}; ${describe("preparation", f.prep)}; ${describe("construction", f.construction)}; ${describe("LP bound", f.bound)}; ${describe("peak RSS", f.memory)}.`,
  );
  lines.push("");
  lines.push("Issue 3 target: 5,000 stops × 100 buses × 6 days, first plan ≤ 10 s, peak memory ≤ 2 GB.");
  const broken = details.rows.filter((r) => r.sample && r.sample.violations > 0);
  for (const r of broken) {
    lines.push("");
    lines.push(`**${r.stops} stops: the final plan has ${r.sample!.violations} checker violation(s)**, e.g.:`);
    for (const v of r.sample!.violationSamples ?? []) lines.push(`- ${v}`);
  }

  const ok = details.rows.filter((r) => r.sample).map((r) => r.sample!);
  const sizes = ok.map((s) => s.stops);
  const charts: ReportSection["charts"] = [];
  const timeSeries: ChartSeries[] = [
    { name: "first plan", points: ok.map((s) => [s.stops, s.prepMs + median(s.constructionMs)]) },
    { name: "preparation", points: ok.map((s) => [s.stops, s.prepMs]) },
    { name: "construction", points: ok.map((s) => [s.stops, median(s.constructionMs)]) },
    {
      name: "LP bound",
      points: details.rows.filter((r) => r.bound).map((r) => [r.stops, r.bound!.boundMs] as [number, number]),
    },
  ];
  const firstFit = fitLine("first plan", f.firstPlan, sizes);
  if (firstFit) timeSeries.push(firstFit);
  charts.push({
    file: "scaling-time.svg",
    title: "Time to first plan vs size",
    svg: renderChart({
      title: "Time to first plan vs number of stops",
      xLabel: "stops",
      yLabel: "ms",
      series: timeSeries,
      logX: true,
      logY: true,
    }),
  });
  const memorySeries: ChartSeries[] = [{ name: "peak RSS", points: ok.map((s) => [s.stops, s.maxRssMB]) }];
  const memoryFit = fitLine("peak RSS", f.memory, sizes);
  if (memoryFit) memorySeries.push(memoryFit);
  charts.push({
    file: "scaling-memory.svg",
    title: "Peak memory vs size",
    svg: renderChart({
      title: "Peak resident memory vs number of stops",
      xLabel: "stops",
      yLabel: "MB",
      series: memorySeries,
      logX: true,
      logY: true,
    }),
  });
  const valueSeries: ChartSeries[] = ok
    .filter((s) => s.trace.length > 0 && s.finalValue > 0)
    .map((s) => ({
      name: `${s.stops} stops`,
      points: [
        ...s.trace.map(([ms, v]) => [Math.max(ms, 1), v / s.finalValue] as [number, number]),
        [s.solveMs, 1] as [number, number],
      ],
      style: "step" as const,
    }));
  charts.push({
    file: "scaling-value-over-time.svg",
    title: "Value over time",
    svg: renderChart({
      title: "Value over time (relative to the final value)",
      xLabel: "elapsed in solve (ms)",
      yLabel: "value / final value",
      series: valueSeries,
      logX: true,
    }),
  });
  return { title: "Scaling (generated Bogotá-like scenarios)", markdown: lines.join("\n"), charts };
}
