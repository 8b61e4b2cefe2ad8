/**
 * Number formatting shared by the Markdown report and the console output, so a figure reads
 * the same everywhere.
 */

/** Four significant digits, thousands unseparated; "—" for null or non-finite values. */
export function formatValue(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(2);
  if (Math.abs(value) >= 10 ** digits) return String(Math.round(value));
  return String(Number(value.toPrecision(digits)));
}

/** A relative spread as "±3.1%". */
export function formatSpread(spread: number): string {
  return Number.isFinite(spread) ? `±${(spread * 100).toFixed(1)}%` : "—";
}

/** A Markdown table from a header and rows (cells already formatted). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, "\\|");
  const lines = [`| ${header.map(escapeCell).join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.map(escapeCell).join(" | ")} |`);
  return lines.join("\n");
}
