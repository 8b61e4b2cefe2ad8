/**
 * An input file as rows of named cells, whatever its form: a CSV (comma or semicolon, with or
 * without a UTF-8 BOM) or a GeoJSON FeatureCollection (one row per feature, its properties as
 * cells, its geometry kept). Headers are matched to a column's English or Spanish names without
 * regard to case, accents, spaces or hyphens. Unknown CSV columns are problems (a misspelt
 * header must not silently drop data); unknown GeoJSON properties are ignored, because files
 * from a GIS carry many attributes the scenario does not need.
 */
import { parse } from "csv-parse/sync";
import { CellProblem, type ImportProblem } from "./problems.js";
import { fold } from "./cellValues.js";

/** A file given to the importer: the name reported in problems, and its text. */
export interface InputFile {
  name: string;
  text: string;
}

/** One column a table may have: its key, and the header names accepted (English first, then Spanish). */
export interface ColumnSpec {
  key: string;
  names: readonly string[];
}

/** A GeoJSON geometry as read (only its type and coordinates are used). */
export interface Geometry {
  type: string;
  coordinates: unknown;
}

/** One row (CSV record or GeoJSON feature). */
export interface TableRow {
  /** 1-based line of the record, or of the feature's opening brace */
  line: number;
  /** non-empty cells by column key */
  cells: Map<string, string>;
  /** indicator cells (headers starting with `ind_`), by indicator name */
  indicators: Map<string, string>;
  geometry?: Geometry;
}

/** A read table. */
export interface Table {
  file: string;
  rows: TableRow[];
  /** the header text each key was found under (for problems), else the key's first name */
  headerOf(key: string): string;
  /** true when the header (CSV) or some feature (GeoJSON) has the column */
  has(key: string): boolean;
  /** true for semicolon-separated files, where a comma is the decimal mark */
  decimalComma: boolean;
  geojson: boolean;
}

/** Header prefix of indicator columns (demand): `ind_olderAdultsShare`. */
export const INDICATOR_PREFIX = "ind_";

/** Options of `readTable`. */
export interface ReadTableOptions {
  /** accept `ind_*` columns as indicators */
  indicators?: boolean;
}

/**
 * The rows of `file`; problems found (unreadable CSV, unknown or repeated columns, a GeoJSON
 * that is not a FeatureCollection) are appended to `problems`.
 */
export function readTable(
  file: InputFile,
  columns: readonly ColumnSpec[],
  problems: ImportProblem[],
  options: ReadTableOptions = {},
): Table {
  const byName = new Map<string, string>();
  for (const column of columns) for (const name of column.names) byName.set(fold(name), column.key);
  const found = new Map<string, string>();
  const table: Table = {
    file: file.name,
    rows: [],
    headerOf: (key) => found.get(key) ?? columns.find((c) => c.key === key)?.names[0] ?? key,
    has: (key) => found.has(key),
    decimalComma: false,
    geojson: isGeoJson(file),
  };
  const text = file.text.replace(/^\uFEFF/, "");
  const reading: Reading = { name: file.name, text, byName, found, table, problems, options };
  if (table.geojson) readGeoJsonRows(reading);
  else readCsvRows(reading, columns);
  return table;
}

function isGeoJson(file: InputFile): boolean {
  return (
    /\.(geo)?json$/i.test(file.name) ||
    file.text
      .replace(/^\uFEFF/, "")
      .trimStart()
      .startsWith("{")
  );
}

/** One file being read: its name and text, the header lookup, and where results go. */
interface Reading {
  name: string;
  text: string;
  /** folded header name → column key */
  byName: Map<string, string>;
  /** column key → the header it was found under */
  found: Map<string, string>;
  table: Table;
  problems: ImportProblem[];
  options: ReadTableOptions;
}

function readCsvRows(reading: Reading, columns: readonly ColumnSpec[]): void {
  const { name, text, byName, found, table, problems, options } = reading;
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = count(firstLine, ";") > count(firstLine, ",") ? ";" : ",";
  table.decimalComma = delimiter === ";";
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    problems.push({
      file: name,
      ...(lines === undefined ? {} : { line: lines }),
      message: `not a readable CSV file: ${(error as Error).message.replace(/^.*?: /, "")}`,
    });
    return;
  }
  const [header, ...data] = records;
  if (!header) {
    problems.push({
      file: name,
      message: `is empty: expected a header line (${columns.map((c) => c.names[0]).join(", ")})`,
    });
    return;
  }
  const keys: (string | null)[] = header.record.map((raw) => {
    const heading = raw.trim();
    const key = byName.get(fold(heading));
    if (key !== undefined) {
      if (found.has(key)) {
        problems.push({
          file: name,
          line: header.info.lines,
          column: heading,
          message: `repeats column "${found.get(key)}"`,
        });
        return null;
      }
      found.set(key, heading);
      return key;
    }
    if (options.indicators && fold(heading).startsWith(INDICATOR_PREFIX) && heading.length > INDICATOR_PREFIX.length) {
      return `${INDICATOR_PREFIX}${heading.slice(INDICATOR_PREFIX.length)}`;
    }
    if (heading === "") return null;
    problems.push({
      file: name,
      line: header.info.lines,
      column: heading,
      message: `unknown column; known columns: ${columns.map((c) => c.names.join("/")).join(", ")}${options.indicators ? `, ${INDICATOR_PREFIX}<indicator>` : ""}`,
    });
    return null;
  });
  for (const { record, info } of data) {
    const row: TableRow = { line: info.lines, cells: new Map(), indicators: new Map() };
    if (record.length > header.record.length && record.slice(header.record.length).some((v) => v.trim() !== "")) {
      problems.push({
        file: name,
        line: info.lines,
        message: `has ${record.length} cells but the header has ${header.record.length} columns`,
      });
    }
    record.forEach((value, i) => {
      const key = keys[i];
      if (!key || value.trim() === "") return;
      if (key.startsWith(INDICATOR_PREFIX)) row.indicators.set(key.slice(INDICATOR_PREFIX.length), value);
      else row.cells.set(key, value);
    });
    table.rows.push(row);
  }
}

function readGeoJsonRows(reading: Reading): void {
  const { name, text, byName, found, table, problems, options } = reading;
  let doc: { type?: unknown; features?: unknown };
  try {
    doc = JSON.parse(text) as typeof doc;
  } catch (error) {
    problems.push({
      file: name,
      line: jsonErrorLine(text, error),
      message: `not valid JSON: ${(error as Error).message}`,
    });
    return;
  }
  if (doc?.type !== "FeatureCollection" || !Array.isArray(doc.features)) {
    problems.push({ file: name, line: 1, message: 'expected a GeoJSON FeatureCollection with a "features" array' });
    return;
  }
  const lines = featureLines(text);
  doc.features.forEach((feature: unknown, i: number) => {
    const f = feature as { geometry?: Geometry | null; properties?: Record<string, unknown> | null };
    const row: TableRow = { line: lines[i] ?? 1, cells: new Map(), indicators: new Map() };
    for (const [property, value] of Object.entries(f?.properties ?? {})) {
      if (value === null || value === undefined || value === "") continue;
      const cell =
        typeof value === "string" ? value : typeof value === "number" ? String(value) : JSON.stringify(value);
      const key = byName.get(fold(property));
      if (key !== undefined) {
        if (!found.has(key)) found.set(key, property);
        row.cells.set(key, cell);
      } else if (options.indicators && fold(property).startsWith(INDICATOR_PREFIX)) {
        row.indicators.set(property.slice(INDICATOR_PREFIX.length), cell);
      }
    }
    if (f?.geometry && typeof f.geometry.type === "string") row.geometry = f.geometry;
    table.rows.push(row);
  });
}

/** 1-based line of each element of the document's top-level "features" array. */
function featureLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastKey = "";
  let keyStart = -1;
  let featuresDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') {
        inString = false;
        lastKey = text.slice(keyStart, i);
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      keyStart = i + 1;
    } else if (c === "{" || c === "[") {
      if (c === "[" && depth === 1 && lastKey === "features") featuresDepth = depth + 1;
      depth++;
      if (c === "{" && depth === featuresDepth + 1) lines.push(line);
    } else if (c === "}" || c === "]") {
      depth--;
      if (depth < featuresDepth) featuresDepth = -1;
    }
  }
  return lines;
}

/** The 1-based line a JSON.parse error points at (1 when it names no position). */
export function jsonErrorLine(text: string, error: unknown): number {
  const position = /position (\d+)/.exec((error as Error).message);
  return position ? text.slice(0, Number(position[1])).split("\n").length : 1;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * Reads the cells of one row with typed readers, reporting every unreadable or missing cell as
 * a problem at the row's line and column. A failed read returns undefined; the caller still
 * finishes the row, so one pass finds every problem.
 */
export class RowReader {
  constructor(
    private readonly table: Table,
    readonly row: TableRow,
    private readonly problems: ImportProblem[],
  ) {}

  /** True when a comma is this file's decimal mark. */
  get decimalComma(): boolean {
    return this.table.decimalComma;
  }

  /** The cell read with `read`, or undefined when empty or unreadable. */
  optional<T>(key: string, read: (text: string, decimalComma: boolean) => T): T | undefined {
    const text = this.row.cells.get(key);
    if (text === undefined) return undefined;
    try {
      return read(text, this.table.decimalComma);
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      this.problem(key, error.message);
      return undefined;
    }
  }

  /** The cell read with `read`; an empty cell is a problem. */
  required<T>(key: string, read: (text: string, decimalComma: boolean) => T): T | undefined {
    if (!this.row.cells.has(key)) {
      // a column missing from the whole file is reported once, by requireColumns
      if (this.table.has(key) || this.table.geojson) this.problem(key, "is empty: a value is required");
      return undefined;
    }
    return this.optional(key, read);
  }

  /** Records a problem at this row and the column of `key`. */
  problem(key: string, message: string): void {
    this.problems.push({ file: this.table.file, line: this.row.line, column: this.table.headerOf(key), message });
  }
}

/** Reports, once per file, each required column its header lacks (CSV only: GeoJSON rows report per feature). */
export function requireColumns(
  table: Table,
  columns: readonly ColumnSpec[],
  keys: readonly string[],
  problems: ImportProblem[],
): void {
  if (table.geojson) return;
  for (const key of keys) {
    if (table.has(key)) continue;
    const names = columns.find((c) => c.key === key)?.names ?? [key];
    problems.push({
      file: table.file,
      line: 1,
      column: names[0]!,
      message: `is missing: add a column named ${names.join(" or ")}`,
    });
  }
}
