/**
 * The literature section of the report: per set, m and budget the mean gap, instances at the
 * best-known value, total score against VROOM's totals, time to best and checker violations;
 * charts of mean gap versus time limit and of the average gap over time during the solves.
 * Imports only types from the suite, so the report renders even where the solver cannot load.
 */
import type { ToptwAggregate, ToptwRun } from "../quality/toptwSuite.js";
import type { ToptwPlan } from "../quality/toptwSuite.js";
import { M1_GAP_REFERENCES, SET_100, TOTALS_MARGIN, VROOM_M1_200, VROOM_TOTALS } from "../quality/references.js";
import { mean } from "../stats.js";
import { formatValue, markdownTable } from "./format.js";
import { renderChart, type ChartSeries } from "./svgChart.js";
import type { ReportSection } from "./reportSection.js";
import { coldTargetLines } from "./coldTargets.js";

interface ToptwDetails {
  dir: string;
  plan: ToptwPlan;
  runs: ToptwRun[];
  aggregates: ToptwAggregate[];
}

function budgetSeconds(label: string): number | null {
  const match = /^t([\d.]+)s$/.exec(label);
  return match ? Number(match[1]) : null;
}

/** Average over instances of the gap at time t, from each run's improvement trace (step functions). */
export function averageGapCurve(runs: readonly ToptwRun[], times: readonly number[]): Array<[number, number]> {
  const usable = runs.filter((r) => r.bks !== null && r.bks > 0 && r.trace.length > 0);
  if (usable.length === 0) return [];
  return times.map((t) => {
    const gaps = usable.map((r) => {
      let value = 0;
      for (const [ms, v] of r.trace) if (ms <= t) value = v;
      return (100 * (r.bks! - value)) / r.bks!;
    });
    return [t, mean(gaps)];
  });
}

/** Markdown and charts for the toptw details. */
export function toptwReport(details: ToptwDetails): ReportSection {
  const lines: string[] = [];
  const charts: ReportSection["charts"] = [];
  lines.push(
    `Data: \`${details.dir}\`, profile **${details.plan.profile}**, seeds ${details.plan.seeds.join(", ")}; distances Euclidean truncated to one decimal (trunc1). Scores are the independent checker's.`,
  );
  lines.push("");

  // Average over seeds of each (set, m, budget).
  const keyOf = (a: ToptwAggregate) => `${a.set}|${a.m}|${a.budget}`;
  const groups = new Map<string, ToptwAggregate[]>();
  for (const a of details.aggregates) groups.set(keyOf(a), [...(groups.get(keyOf(a)) ?? []), a]);
  const rows: string[][] = [];
  for (const group of groups.values()) {
    const a = group[0]!;
    const gap = group.every((g) => g.meanGapPct === null) ? null : mean(group.map((g) => g.meanGapPct ?? Number.NaN));
    const total = mean(group.map((g) => g.totalScore));
    const vroom = VROOM_TOTALS[a.set]?.[a.m];
    const solved = a.instances - a.failed;
    const fullSet = solved === (a.set === SET_100 ? 29 : 27);
    const target = vroom === undefined ? 0 : Math.ceil(vroom * (1 + TOTALS_MARGIN));
    const verdict =
      a.allCustomersTotal !== null && target > a.allCustomersTotal
        ? "out of reach: above the all-customers total"
        : total >= target
          ? "met"
          : "not met";
    const vroomCell =
      vroom === undefined
        ? "—"
        : fullSet
          ? `${vroom} (target ≥ ${target}; ${verdict})`
          : `${vroom} (not comparable: ${a.instances - solved} solve(s) failed)`;
    rows.push([
      a.set,
      String(a.m),
      a.budget,
      String(a.instances - a.failed) + (a.failed ? ` (+${a.failed} failed)` : ""),
      gap === null ? "—" : `${formatValue(gap, 3)}%`,
      a.withBks ? `${mean(group.map((g) => g.atBks)).toFixed(1)}/${a.withBks}` : "—",
      formatValue(total, 6),
      a.allCustomersTotal === null ? "—" : String(a.allCustomersTotal),
      vroomCell,
      formatValue(mean(group.map((g) => g.meanTimeToBestMs)), 3),
      formatValue(mean(group.map((g) => g.meanElapsedMs)), 3),
      String(group.reduce((s, g) => s + g.violations, 0)),
    ]);
  }
  lines.push(
    markdownTable(
      [
        "set",
        "m",
        "budget",
        "solved",
        "mean gap",
        "at bks",
        "total score",
        "all customers",
        "VROOM 1.14 total",
        "time to best ms",
        "elapsed ms",
        "violations",
      ],
      rows,
    ),
  );
  lines.push("");
  lines.push(
    `References (issue 3, not measured here): 100 set m = 1 mean gap target ≤ ${M1_GAP_REFERENCES.targetPct}% at 1 s; VROOM 1.14 ${M1_GAP_REFERENCES.vroomPct}% at ~0.1 s; ILS 2009 ${M1_GAP_REFERENCES.ils2009Pct}%.`,
  );

  if (details.plan.cold) {
    lines.push("");
    lines.push(...coldTargetLines(details.runs, "t1s"));
  }

  const m1On200 = details.runs.filter((r) => r.m === 1 && r.instance in VROOM_M1_200 && r.budget.startsWith("t"));
  if (m1On200.length) {
    lines.push("");
    lines.push("200 set, m = 1 against VROOM 1.14 at ~2 s (issue 3):");
    lines.push("");
    lines.push(
      markdownTable(
        ["instance", "budget", "seed", "score", "bks", "VROOM"],
        m1On200.map((r) => [
          r.instance,
          r.budget,
          String(r.seed),
          formatValue(r.score, 6),
          formatValue(r.bks, 6),
          String(VROOM_M1_200[r.instance]),
        ]),
      ),
    );
  }

  const failures = details.runs.filter((r) => r.error || r.violations);
  if (failures.length) {
    lines.push("");
    lines.push(`**${failures.length} solve(s) failed or broke a rule:**`);
    lines.push("");
    for (const r of failures.slice(0, 30))
      lines.push(
        `- ${r.set}/${r.instance} m=${r.m} ${r.budget} seed ${r.seed}: ${r.error ?? `${r.violations} violation(s)`}`,
      );
    if (failures.length > 30) lines.push(`- … and ${failures.length - 30} more (see result.json)`);
  }

  // Chart: mean gap vs time limit, one series per (set, m) with gaps.
  const series: ChartSeries[] = [];
  const bySetM = new Map<string, Array<[number, number]>>();
  for (const group of groups.values()) {
    const a = group[0]!;
    const seconds = budgetSeconds(a.budget);
    if (seconds === null || group.every((g) => g.meanGapPct === null)) continue;
    const key = `${a.set.split("-").slice(0, 2).join("-")} m=${a.m}`;
    bySetM.set(key, [...(bySetM.get(key) ?? []), [seconds, mean(group.map((g) => g.meanGapPct ?? Number.NaN))]]);
  }
  for (const [name, points] of bySetM) series.push({ name, points: points.sort((p, q) => p[0] - q[0]) });
  if (series.length) {
    series.push({
      name: `target ${M1_GAP_REFERENCES.targetPct}%`,
      points: [
        [0.1, M1_GAP_REFERENCES.targetPct],
        [10, M1_GAP_REFERENCES.targetPct],
      ],
      dashed: true,
      markers: false,
    });
    charts.push({
      file: "toptw-gap-vs-limit.svg",
      title: "Mean gap to best known vs time limit",
      svg: renderChart({
        title: "Mean gap to best known vs time limit",
        xLabel: "time limit per instance (s)",
        yLabel: "mean gap (%)",
        series,
        logX: true,
        yFromZero: true,
      }),
    });
  }

  // Chart: average gap over elapsed time for each time budget of the m = 1 runs with bks.
  const anytime: ChartSeries[] = [];
  const budgets = [
    ...new Set(
      details.runs
        .filter((r) => r.m === 1 && r.bks !== null && budgetSeconds(r.budget) !== null)
        .map((r) => `${r.set}|${r.budget}`),
    ),
  ];
  for (const key of budgets) {
    const [set, budget] = key.split("|") as [string, string];
    const limitMs = budgetSeconds(budget)! * 1000;
    const runs = details.runs.filter((r) => r.m === 1 && r.set === set && r.budget === budget);
    const times = Array.from({ length: 60 }, (_, i) => Math.max(1, limitMs * 10 ** (-3 + (3 * (i + 1)) / 60)));
    const curve = averageGapCurve(runs, times);
    if (curve.length)
      anytime.push({ name: `${set.split("-").slice(0, 2).join("-")} ${budget}`, points: curve, markers: false });
  }
  if (anytime.length) {
    charts.push({
      file: "toptw-gap-over-time.svg",
      title: "m = 1: average gap during the search",
      svg: renderChart({
        title: "m = 1: average gap to best known during the search",
        xLabel: "elapsed (ms)",
        yLabel: "mean gap (%)",
        series: anytime,
        logX: true,
        yFromZero: true,
      }),
    });
  }
  return { title: "Literature quality (TOPTW)", markdown: lines.join("\n"), charts };
}
