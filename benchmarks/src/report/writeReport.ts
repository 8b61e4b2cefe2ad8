/**
 * Writes a run's folder: result.json (machine-readable, what --compare reads), report.md (for
 * people) and charts/*.svg that the report links to. A suite's section is drawn from its
 * details when it ran; a skipped or failed suite is listed with its reason.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BenchResult, Metric } from "../result.js";
import { formatSpread, formatValue, markdownTable } from "./format.js";
import type { ReportSection } from "./reportSection.js";
import { scalingReport } from "./scalingReport.js";
import { renderChart, type ChartSeries } from "./svgChart.js";
import { toptwReport } from "./toptwReport.js";

function metricTable(metrics: readonly Metric[]): string {
  return markdownTable(
    ["metric", "median", "unit", "spread", "n", "min", "max", "note"],
    metrics.map((m) => [
      m.id,
      formatValue(m.median),
      m.unit,
      formatSpread(m.spread),
      String(m.samples.length),
      formatValue(m.min),
      formatValue(m.max),
      m.note ?? "",
    ]),
  );
}

function sectionsOf(result: BenchResult): ReportSection[] {
  const sections: ReportSection[] = [];
  const ran = (name: string) =>
    result.suites.some((s) => s.name === name && s.status === "ok") && result.details[name] !== undefined;
  const safely = (name: string, build: () => ReportSection) => {
    try {
      sections.push(build());
    } catch (error) {
      sections.push({
        title: name,
        markdown: `The ${name} section could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
        charts: [],
      });
    }
  };
  if (ran("toptw")) safely("toptw", () => toptwReport(result.details.toptw as Parameters<typeof toptwReport>[0]));
  if (ran("scaling"))
    safely("scaling", () => scalingReport(result.details.scaling as Parameters<typeof scalingReport>[0]));
  if (ran("bogota")) {
    const metrics = result.metrics.filter((m) => m.suite === "bogota");
    const sample = (
      result.details.bogota as { sample?: { trace: Array<[number, number]>; finalValue: number; solveMs: number } }
    ).sample;
    const charts: ReportSection["charts"] = [];
    if (sample && sample.finalValue > 0 && sample.trace.length) {
      const series: ChartSeries[] = [
        {
          name: "value / final",
          points: [
            ...sample.trace.map(([ms, v]) => [Math.max(ms, 1), v / sample.finalValue] as [number, number]),
            [sample.solveMs, 1],
          ],
          style: "step",
        },
        {
          name: "99% of final",
          points: [
            [1, 0.99],
            [sample.solveMs, 0.99],
          ],
          dashed: true,
          markers: false,
        },
        {
          name: "5 s",
          points: [
            [5000, 0.9],
            [5000, 1],
          ],
          dashed: true,
          markers: false,
        },
      ];
      charts.push({
        file: "bogota-value-over-time.svg",
        title: "Bogotá: value over time",
        svg: renderChart({
          title: "Bogotá scenario: value over time (relative to the final value)",
          xLabel: "elapsed in solve (ms)",
          yLabel: "value / final value",
          series,
          logX: true,
        }),
      });
    }
    sections.push({
      title: "Bogotá scenario",
      markdown: `${metricTable(metrics)}\n\nIssue 3 targets: first feasible plan ≤ 0.5 s; within 5 s, within 1% of the value reached in 60 s.`,
      charts,
    });
  }
  for (const name of ["components", "server"]) {
    if (!ran(name)) continue;
    const metrics = result.metrics.filter((m) => m.suite === name);
    const extra = name === "components" ? componentNotes(result.details[name]) : "";
    sections.push({
      title: name === "components" ? "Components (tinybench)" : "Server load",
      markdown: `${metricTable(metrics)}${extra}`,
      charts: [],
    });
  }
  return sections;
}

function componentNotes(details: unknown): string {
  const statuses =
    (details as { statuses?: Array<{ name: string; status: string; reason?: string }> } | undefined)?.statuses ?? [];
  const skipped = statuses.filter((s) => s.status !== "ok");
  return skipped.length
    ? `\n\nSkipped components: ${skipped.map((s) => `${s.name} (${s.reason ?? ""})`).join("; ")}`
    : "";
}

/** The Markdown report of a run (charts referenced as charts/<file>). */
export function renderReport(result: BenchResult, sections: readonly ReportSection[]): string {
  const env = result.env;
  const lines: string[] = [];
  lines.push(
    `# carebus benchmark ${env.date.slice(0, 10)} ${env.commit.slice(0, 10)}${result.quick ? " (quick)" : ""}`,
  );
  lines.push("");
  const load = env.loadAverage
    ? `${env.loadAverage.start.toFixed(2)} → ${env.loadAverage.end?.toFixed(2) ?? "?"}`
    : "—";
  lines.push(
    markdownTable(
      ["commit", "node", "cpu", "cores", "memory", "load avg", "platform", "date", "args"],
      [
        [
          `${env.commit.slice(0, 12)}${env.dirty ? " (dirty)" : ""}`,
          env.node,
          env.cpu,
          String(env.cores),
          `${env.totalMemoryMB} MB`,
          load,
          env.platform,
          env.date,
          result.args.join(" ") || "(none)",
        ],
      ],
    ),
  );
  lines.push("");
  lines.push(
    markdownTable(
      ["suite", "status", "seconds", "reason"],
      result.suites.map((s) => [s.name, s.status, (s.elapsedMs / 1000).toFixed(1), s.reason ?? ""]),
    ),
  );
  for (const section of sections) {
    lines.push("");
    lines.push(`## ${section.title}`);
    lines.push("");
    lines.push(section.markdown);
    for (const chart of section.charts) {
      lines.push("");
      lines.push(`![${chart.title}](charts/${chart.file})`);
    }
  }
  lines.push("");
  lines.push("## All metrics");
  lines.push("");
  lines.push("Median over repeats; spread = median absolute deviation / median.");
  lines.push("");
  lines.push(metricTable(result.metrics));
  return `${lines.join("\n")}\n`;
}

/** Writes result.json, report.md and charts/ into `dir` (created if needed); returns the report path. */
export function writeRun(result: BenchResult, dir: string): { resultFile: string; reportFile: string } {
  mkdirSync(path.join(dir, "charts"), { recursive: true });
  const resultFile = path.join(dir, "result.json");
  writeFileSync(resultFile, `${JSON.stringify(result, null, 1)}\n`);
  const sections = sectionsOf(result);
  for (const section of sections)
    for (const chart of section.charts) writeFileSync(path.join(dir, "charts", chart.file), chart.svg);
  const reportFile = path.join(dir, "report.md");
  writeFileSync(reportFile, renderReport(result, sections));
  return { resultFile, reportFile };
}
