/**
 * Small self-contained SVG line and scatter charts for the Markdown report: time versus size,
 * gap or value versus time. Written by hand because the report needs only axes, ticks, a few
 * series and a legend, and a chart library would be a heavier dependency than the benchmarks
 * themselves. Output is deterministic text (no random ids, no timestamps), so two runs with
 * the same figures produce identical files.
 */

/** One named series of (x, y) points. */
export interface ChartSeries {
  name: string;
  points: ReadonlyArray<readonly [x: number, y: number]>;
  /** draw straight segments between points (default), or a step function (anytime curves) */
  style?: "line" | "step" | "points";
  /** dashed stroke, e.g. for a fitted line or a target */
  dashed?: boolean;
  /** draw a dot at each point (default true for "line" and "points", false for "step") */
  markers?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  logX?: boolean;
  logY?: boolean;
  width?: number;
  height?: number;
  /** force the y axis to include 0 (linear axes only) */
  yFromZero?: boolean;
}

const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#ff7f0e",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#7f7f7f",
  "#bcbd22",
];

/** Escapes text for an SVG text node or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Round-number ticks covering [min, max] on a linear axis (about `count` of them). */
export function linearTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Powers of ten covering [min, max] on a log axis (with 2 and 5 multiples when the span is short). */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max >= min)) return [];
  const low = Math.floor(Math.log10(min));
  const high = Math.ceil(Math.log10(max));
  const factors = high - low <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = low; e <= high; e++) {
    for (const f of factors) {
      const t = f * 10 ** e;
      if (t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9)) ticks.push(Number(t.toPrecision(12)));
    }
  }
  return ticks;
}

/** Short tick label: 1200 → "1.2k", 0.25 → "0.25". */
export function formatTick(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (abs >= 1e4) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(Number(value.toPrecision(3)));
}

interface Axis {
  toPixel(value: number): number;
  ticks: number[];
}

function buildAxis(values: number[], log: boolean, fromZero: boolean, pixelStart: number, pixelEnd: number): Axis {
  const usable = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  let min = usable.length ? Math.min(...usable) : 0;
  let max = usable.length ? Math.max(...usable) : 1;
  if (!log && fromZero) min = Math.min(0, min);
  if (max === min) {
    if (log) {
      min /= 2;
      max *= 2;
    } else {
      const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.1 : 1;
      min -= pad;
      max += pad;
    }
  }
  let ticks: number[];
  if (log) {
    ticks = logTicks(min, max);
  } else {
    ticks = linearTicks(min, max);
    min = Math.min(min, ticks[0] ?? min);
    max = Math.max(max, ticks[ticks.length - 1] ?? max);
  }
  const f = log ? Math.log10 : (v: number) => v;
  const a = f(min);
  const b = f(max);
  return { ticks, toPixel: (v) => pixelStart + ((f(v) - a) / (b - a)) * (pixelEnd - pixelStart) };
}

/**
 * Renders a line/scatter chart as an SVG document. Points that cannot be drawn (non-finite,
 * or ≤ 0 on a log axis) are skipped; an empty chart still renders its frame and says "no data".
 */
export function renderChart(options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const margin = { left: 70, right: 170, top: 36, bottom: 50 };
  const plotRight = width - margin.right;
  const plotBottom = height - margin.bottom;
  const keep = (x: number, y: number) =>
    Number.isFinite(x) && Number.isFinite(y) && (!options.logX || x > 0) && (!options.logY || y > 0);
  const series = options.series.map((s) => ({ ...s, points: s.points.filter(([x, y]) => keep(x, y)) }));
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y));
  const xAxis = buildAxis(xs, options.logX ?? false, false, margin.left, plotRight);
  const yAxis = buildAxis(ys, options.logY ?? false, options.yFromZero ?? false, plotBottom, margin.top);
  const px = (v: number) => xAxis.toPixel(v).toFixed(1);
  const py = (v: number) => yAxis.toPixel(v).toFixed(1);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
  );
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="white"/>`);
  out.push(
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(options.title)}</text>`,
  );
  for (const t of xAxis.ticks) {
    const x = px(t);
    out.push(`<line x1="${x}" y1="${margin.top}" x2="${x}" y2="${plotBottom}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x}" y="${plotBottom + 15}" text-anchor="middle">${escapeXml(formatTick(t))}</text>`);
  }
  for (const t of yAxis.ticks) {
    const y = py(t);
    out.push(`<line x1="${margin.left}" y1="${y}" x2="${plotRight}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(
      `<text x="${margin.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(formatTick(t))}</text>`,
    );
  }
  out.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotRight - margin.left}" height="${plotBottom - margin.top}" fill="none" stroke="#333"/>`,
  );
  const xLabel = options.xLabel + (options.logX ? " (log)" : "");
  const yLabel = options.yLabel + (options.logY ? " (log)" : "");
  out.push(
    `<text x="${(margin.left + plotRight) / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
  );
  out.push(
    `<text x="16" y="${(margin.top + plotBottom) / 2}" text-anchor="middle" transform="rotate(-90 16 ${(margin.top + plotBottom) / 2})">${escapeXml(yLabel)}</text>`,
  );
  if (xs.length === 0)
    out.push(
      `<text x="${(margin.left + plotRight) / 2}" y="${(margin.top + plotBottom) / 2}" text-anchor="middle" fill="#999">no data</text>`,
    );

  series.forEach((s, index) => {
    const color = PALETTE[index % PALETTE.length]!;
    const style = s.style ?? "line";
    const dash = s.dashed ? ` stroke-dasharray="5 4"` : "";
    if (style !== "points" && s.points.length > 1) {
      const coords: string[] = [];
      s.points.forEach(([x, y], i) => {
        if (style === "step" && i > 0) coords.push(`${px(x)},${py(s.points[i - 1]![1])}`);
        coords.push(`${px(x)},${py(y)}`);
      });
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.8"${dash} points="${coords.join(" ")}"/>`);
    }
    if (s.markers ?? style !== "step") {
      for (const [x, y] of s.points) out.push(`<circle cx="${px(x)}" cy="${py(y)}" r="3" fill="${color}"/>`);
    }
    const ly = margin.top + 8 + index * 16;
    out.push(
      `<line x1="${plotRight + 10}" y1="${ly}" x2="${plotRight + 28}" y2="${ly}" stroke="${color}" stroke-width="2"${dash}/>`,
    );
    out.push(`<text x="${plotRight + 33}" y="${ly}" dominant-baseline="middle">${escapeXml(s.name)}</text>`);
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
