/**
 * Issue 11's command-line quality targets, read off a cold toptw run (one process per solve,
 * 1 s): per seed, the 100 set at m = 1 with every instance within 1% of its best known and a
 * mean gap ≤ 0.3%; the 200 set at m = 2 with a total ≥ 39,853 (VROOM 1.14's 39,458 + 1%); and,
 * for every set and m = 2–4, a total at least VROOM's.
 */
import type { ToptwRun } from "../quality/toptwRun.js";
import { SET_100, SET_200, VROOM_TOTALS } from "../quality/references.js";
import { mean } from "../stats.js";
import { formatValue, markdownTable } from "./format.js";

/** Largest gap to the best known any single 100-set m = 1 solve may leave (percent). */
const WORST_GAP_PCT = 1;
/** Mean gap of the 100 set at m = 1 (percent). */
const MEAN_GAP_PCT = 0.3;
/** The 200 set's total at m = 2. */
const SET_200_M2_TOTAL = 39_853;

const verdict = (ok: boolean): string => (ok ? "met" : "**not met**");

/** Markdown lines: one table row per target and seed. */
export function coldTargetLines(runs: readonly ToptwRun[], budget: string): string[] {
  const timed = runs.filter((r) => r.budget === budget);
  const seeds = [...new Set(timed.map((r) => r.seed))].sort((a, b) => a - b);
  const rows: string[][] = [];
  for (const seed of seeds) {
    const mine = timed.filter((r) => r.seed === seed);
    const m1 = mine.filter((r) => r.set === SET_100 && r.m === 1 && r.gapPct !== null);
    if (m1.length) {
      const worst = m1.reduce((a, b) => (b.gapPct! > a.gapPct! ? b : a));
      const gap = mean(m1.map((r) => r.gapPct!));
      rows.push([
        String(seed),
        "100 set, m = 1: every instance within 1%",
        `worst ${formatValue(worst.gapPct, 3)}% (${worst.instance}: ${worst.score}/${worst.bks})`,
        verdict(worst.gapPct! <= WORST_GAP_PCT),
      ]);
      rows.push([
        String(seed),
        "100 set, m = 1: mean gap ≤ 0.3%",
        `${formatValue(gap, 3)}%`,
        verdict(gap <= MEAN_GAP_PCT),
      ]);
    }
    for (const set of [SET_100, SET_200]) {
      for (const m of [1, 2, 3, 4]) {
        const group = mine.filter((r) => r.set === set && r.m === m);
        if (group.length === 0) continue;
        const failed = group.filter((r) => r.score === null || r.violations > 0).length;
        const total = group.reduce((s, r) => s + (r.score ?? 0), 0);
        const short = set === SET_100 ? "100" : "200";
        const note = failed ? ` (${failed} failed or broke a rule)` : "";
        const vroom = VROOM_TOTALS[set]?.[m];
        if (set === SET_200 && m === 2)
          rows.push([
            String(seed),
            "200 set, m = 2: total ≥ 39,853",
            `${total}${note}`,
            verdict(!failed && total >= SET_200_M2_TOTAL),
          ]);
        if (vroom !== undefined)
          rows.push([
            String(seed),
            `${short} set, m = ${m}: total ≥ VROOM's ${vroom}`,
            `${total}${note}`,
            verdict(!failed && total >= vroom),
          ]);
        else rows.push([String(seed), `${short} set, m = ${m}: total (no VROOM figure)`, `${total}${note}`, "—"]);
      }
    }
  }
  if (rows.length === 0) return [];
  return [
    `Issue 11's command-line targets (${budget}, one process per solve):`,
    "",
    markdownTable(["seed", "target", "measured", "verdict"], rows),
  ];
}
