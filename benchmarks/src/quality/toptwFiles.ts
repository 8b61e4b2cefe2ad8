/**
 * Finding the literature TOPTW instances and their best-known values on disk. The data live
 * outside the repository (../shared/benchdata/toptw, see its README) and are read in place,
 * never copied. A set is any sub-folder holding `*.txt` instance files; `bks.csv` maps
 * (set, instance, m) to a best-known score. Any folder in the same layout works.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** One instance file of a set. */
export interface ToptwFile {
  set: string;
  /** file name without `.txt`, as in bks.csv */
  instance: string;
  file: string;
}

/** Best-known score of (set, instance, m) and where it comes from (some are lower bounds, see the source text). */
export interface BestKnown {
  bks: number;
  source: string;
}

/** Key of a best-known value. */
export function bksKey(set: string, instance: string, m: number): string {
  return `${set}/${instance}/m${m}`;
}

/**
 * Parses bks.csv (`set,instance,m,bks,source` with a header; the source text may itself
 * contain commas and is kept whole). Rows with a non-numeric m or bks are rejected with the
 * line number, so a damaged file is never silently half-read.
 * @throws Error naming the line and column
 */
export function parseBks(text: string): Map<string, BestKnown> {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = (lines[0] ?? "").split(",").map((h) => h.trim());
  if (header.slice(0, 4).join(",") !== "set,instance,m,bks") {
    throw new Error(`bks.csv: header must start with set,instance,m,bks (got "${lines[0] ?? ""}")`);
  }
  const result = new Map<string, BestKnown>();
  lines.slice(1).forEach((line, offset) => {
    const cells = line.split(",");
    const m = Number(cells[2]);
    const bks = Number(cells[3]);
    const where = `bks.csv line ${offset + 2}`;
    if (!Number.isInteger(m) || m < 1)
      throw new Error(`${where}: m must be a positive integer (got "${cells[2] ?? ""}")`);
    if (!Number.isFinite(bks) || bks < 0)
      throw new Error(`${where}: bks must be a non-negative number (got "${cells[3] ?? ""}")`);
    result.set(bksKey((cells[0] ?? "").trim(), (cells[1] ?? "").trim(), m), {
      bks,
      source: cells.slice(4).join(",").trim(),
    });
  });
  return result;
}

/** Reads `<dir>/bks.csv` when present (an empty map otherwise: gaps are then simply not reported). */
export function readBks(dir: string): Map<string, BestKnown> {
  const file = path.join(dir, "bks.csv");
  return existsSync(file) ? parseBks(readFileSync(file, "utf8")) : new Map();
}

/** Every `<set>/<instance>.txt` under `dir`, sets and instances in natural order (c101 before c110). */
export function listToptwFiles(dir: string): ToptwFile[] {
  const natural = new Intl.Collator("en", { numeric: true }).compare;
  const files: ToptwFile[] = [];
  for (const set of readdirSync(dir).sort(natural)) {
    const setDir = path.join(dir, set);
    if (!statSync(setDir).isDirectory()) continue;
    for (const name of readdirSync(setDir).sort(natural)) {
      if (name.endsWith(".txt")) files.push({ set, instance: name.slice(0, -4), file: path.join(setDir, name) });
    }
  }
  return files;
}

/**
 * Total score of every customer per `set/instance` from `<dir>/instance-stats.csv` (columns
 * include set, instance and total_score): the trivial upper bound of any m. Empty when absent
 * or unreadable — it only annotates the report.
 */
export function readTotalScores(dir: string): Map<string, number> {
  const file = path.join(dir, "instance-stats.csv");
  const totals = new Map<string, number>();
  if (!existsSync(file)) return totals;
  const [head = "", ...rows] = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = head.split(",").map((h) => h.trim());
  const [iSet, iInstance, iTotal] = [header.indexOf("set"), header.indexOf("instance"), header.indexOf("total_score")];
  if (iSet < 0 || iInstance < 0 || iTotal < 0) return totals;
  for (const row of rows) {
    const cells = row.split(",");
    const total = Number(cells[iTotal]);
    if (Number.isFinite(total)) totals.set(`${(cells[iSet] ?? "").trim()}/${(cells[iInstance] ?? "").trim()}`, total);
  }
  return totals;
}
