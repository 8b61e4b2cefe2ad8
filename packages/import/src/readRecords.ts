/**
 * Rows → scenario records, one reader per input file kind. Each returns the records in file
 * order with the line each came from, and appends every problem found; a record with a
 * problem is still returned (with the readable fields), so validation after assembly cannot
 * raise a second complaint about a field already reported: the importer stops before it.
 */
import type { Bus, CareBlock, DemandPoint, Depot, Stop } from "@carebus/model";
import {
  readClock,
  readInteger,
  readList,
  readNumber,
  readPinned,
  readWeekday,
  readWeekdays,
  readWindow,
  readZone,
} from "./cellValues.js";
import { BUS_COLUMNS, CARE_BLOCK_COLUMNS, DEPOT_COLUMNS, SCORE_COLUMNS, STOP_COLUMNS } from "./columns.js";
import { CellProblem, type ImportProblem } from "./problems.js";
import { type InputFile, requireColumns, RowReader, readTable, type Table, type TableRow } from "./readTable.js";

/** Records read from one file, each with its line, and the table (for column names). */
export interface ReadRecords<T> {
  table: Table;
  records: T[];
  lines: number[];
}

function readAll<T>(
  file: InputFile,
  columns: typeof STOP_COLUMNS,
  required: readonly string[],
  problems: ImportProblem[],
  build: (r: RowReader) => T,
): ReadRecords<T> {
  const table = readTable(file, columns, problems);
  requireColumns(table, columns, required, problems);
  const records: T[] = [];
  const lines: number[] = [];
  for (const row of table.rows) {
    records.push(build(new RowReader(table, row, problems)));
    lines.push(row.line);
  }
  if (table.rows.length === 0 && !problems.some((p) => p.file === file.name)) {
    problems.push({ file: file.name, message: "has no rows" });
  }
  return { table, records, lines };
}

/** Keeps only the defined fields, in the given order (absent cells stay absent). */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

const text = (t: string): string => t.trim();

/** Latitude and longitude from the columns, or from a GeoJSON Point geometry. */
function position(r: RowReader): { lat?: number; lon?: number } {
  const geometry = r.row.geometry;
  if (geometry && !r.row.cells.has("lat") && !r.row.cells.has("lon")) {
    const c = geometry.coordinates;
    if (geometry.type === "Point" && Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number") {
      return { lon: c[0], lat: c[1] };
    }
    r.problem("lat", `expected a Point geometry or lat and lon properties, got a ${geometry.type}`);
    return {};
  }
  return { lat: r.required("lat", readNumber), lon: r.required("lon", readNumber) };
}

/** The id, name and position every place file has. */
function placeFields(r: RowReader) {
  return { id: r.required("id", text), name: r.required("name", text), ...position(r) };
}

/** The stops file. */
export function readStops(file: InputFile, problems: ImportProblem[]): ReadRecords<Stop> {
  const required = ["id", "name", "lat", "lon", "zone", "locality", "bus_kinds", "time_windows", "dwell_minutes"];
  return readAll(
    file,
    STOP_COLUMNS,
    required,
    problems,
    (r) =>
      defined({
        id: r.required("id", text),
        name: r.required("name", text),
        ...position(r),
        zone: r.required("zone", readZone),
        locality: r.required("locality", text),
        neighbourhood: r.optional("neighbourhood", text),
        address: r.optional("address", text),
        services: r.optional("services", readList),
        busKinds: r.required("bus_kinds", nonEmptyList),
        weekdays: r.optional("weekdays", readWeekdays),
        timeWindows: r.required("time_windows", (t) => nonEmptyList(t).map(readWindow)),
        dwellMinutes: r.required("dwell_minutes", readInteger),
        maxVisits: r.optional("max_visits", readInteger),
        minDaysBetween: r.optional("min_days_between", readInteger),
        pinned: r.optional("pinned", (t) => readList(t).map(readPinned)),
      }) as Stop,
  );
}

/** The depots file. */
export function readDepots(file: InputFile, problems: ImportProblem[]): ReadRecords<Depot> {
  return readAll(file, DEPOT_COLUMNS, ["id", "name", "lat", "lon"], problems, (r) => defined(placeFields(r)) as Depot);
}

/** The Care Blocks file. */
export function readCareBlocks(file: InputFile, problems: ImportProblem[]): ReadRecords<CareBlock> {
  return readAll(
    file,
    CARE_BLOCK_COLUMNS,
    ["id", "name", "lat", "lon"],
    problems,
    (r) => defined({ ...placeFields(r), locality: r.optional("locality", text) }) as CareBlock,
  );
}

/** The buses file. */
export function readBuses(file: InputFile, problems: ImportProblem[]): ReadRecords<Bus> {
  const required = ["id", "name", "kind", "depot_id", "shift_start", "shift_end"];
  return readAll(file, BUS_COLUMNS, required, problems, (r) => {
    const lunch = [
      r.optional("lunch_start", readClock),
      r.optional("lunch_end", readClock),
      r.optional("lunch_minutes", readInteger),
    ];
    if (lunch.some((v) => v !== undefined) && lunch.some((v) => v === undefined)) {
      r.problem("lunch_start", "a lunch break needs all three of lunch_start, lunch_end and lunch_minutes");
    }
    return defined({
      id: r.required("id", text),
      name: r.required("name", text),
      kind: r.required("kind", text),
      depotId: r.required("depot_id", text),
      days: r.optional("days", readWeekdays),
      shift: { start: r.required("shift_start", readClock) ?? "", end: r.required("shift_end", readClock) ?? "" },
      shifts: r.optional("shifts_by_day", readShifts),
      maxWorkMinutes: r.optional("max_work_minutes", readNumber),
      maxDriveMinutes: r.optional("max_drive_minutes", readNumber),
      setupMinutes: r.optional("setup_minutes", readInteger),
      packupMinutes: r.optional("packup_minutes", readInteger),
      lunch: lunch.every((v) => v !== undefined)
        ? { start: lunch[0] as string, end: lunch[1] as string, minutes: lunch[2] as number }
        : undefined,
    }) as Bus;
  });
}

/** The scores form of the demand file: one score per stop id. */
export function readScores(table: Table, problems: ImportProblem[]): ReadRecords<{ stopId: string; score: number }> {
  requireColumns(table, SCORE_COLUMNS, ["stop_id", "score"], problems);
  const records = table.rows.map((row) => {
    const r = new RowReader(table, row, problems);
    return { stopId: r.required("stop_id", text) ?? "", score: r.required("score", readNumber) ?? 0 };
  });
  return { table, records, lines: table.rows.map((row) => row.line) };
}

/**
 * One demand point from a row of the points form (a CSV line or a GeoJSON Point feature);
 * `caregivers` were read by the caller (from the caregivers or the population cell).
 */
export function readDemandPoint(r: RowReader, caregivers: number | undefined): DemandPoint {
  return defined({
    id: r.optional("id", text),
    ...position(r),
    caregivers,
    weight: r.optional("weight", readNumber),
    locality: r.required("locality", text),
    zone: r.required("zone", readZone),
    indicators: readIndicators(r.row, r),
  }) as DemandPoint;
}

/** The `ind_*` cells of a row as numbers, or undefined when it has none. */
export function readIndicators(row: TableRow, r: RowReader): Record<string, number> | undefined {
  if (row.indicators.size === 0) return undefined;
  const out: Record<string, number> = {};
  for (const [name, value] of row.indicators) {
    try {
      out[name] = readNumber(value, r.decimalComma);
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      r.problem(`ind_${name}`, error.message);
    }
  }
  return out;
}

function nonEmptyList(t: string): string[] {
  const list = readList(t);
  if (list.length === 0) throw new CellProblem("needs at least one item");
  return list;
}

/** "mon 07:00-15:00|sat 08:00-12:00" → per-weekday shifts. */
function readShifts(t: string): Record<string, { start: string; end: string }> {
  const out: Record<string, { start: string; end: string }> = {};
  for (const item of readList(t)) {
    const [day, window, ...rest] = item.split(/\s+/);
    if (!day || !window || rest.length > 0)
      throw new CellProblem(`expected "weekday HH:MM-HH:MM", got ${JSON.stringify(item)}`);
    out[readWeekday(day)] = readWindow(window);
  }
  return out;
}
