/**
 * `importScenario`: the files a planner has (stops, demand, and optionally Care Blocks, buses,
 * depots and a settings file) → one valid scenario, or ImportError listing every problem of
 * every file at once as `file:line: column "x": message`. Reading problems (a cell that is not
 * a number, a missing column) are collected over all files first; when there are none, the
 * assembled scenario goes through the model's own validation and each of its issues is traced
 * back to the file, line and column it came from. Nothing half-read is ever returned.
 */
import {
  type Bus,
  type CareBlock,
  type Depot,
  type PointsDemand,
  type PriorityIndex,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  type Scenario,
  validateScenario,
} from "@carebus/model";
import { readNumber, readZone } from "./cellValues.js";
import { DEMAND_COLUMNS, SCORE_COLUMNS } from "./columns.js";
import {
  caregiversOfPopulation,
  DEFAULT_POINT_SPACING_KM,
  type DemandPolygonSettings,
  pointsOfPolygon,
} from "./demandPolygons.js";
import { CellProblem, ImportError, type ImportProblem } from "./problems.js";
import {
  type ReadRecords,
  readBuses,
  readCareBlocks,
  readDemandPoint,
  readDepots,
  readIndicators,
  readScores,
  readStops,
} from "./readRecords.js";
import { type InputFile, RowReader, readTable, requireColumns, type Table } from "./readTable.js";
import { fieldLine, readSettings, type ScenarioSettings } from "./settingsFile.js";

/** The input files of an import. */
export interface ImportFiles {
  stops: InputFile;
  demand: InputFile;
  careBlocks?: InputFile;
  buses?: InputFile;
  depots?: InputFile;
  /** JSON: id, name, horizon, coverage, … (see data/templates/settings.json) */
  settings?: InputFile;
}

/** Where each list of the scenario came from, to trace validation issues back to lines. */
interface Origins {
  lists: Map<string, { table: Table; lines: number[] }>;
  settings?: InputFile;
}

/**
 * The scenario the files describe.
 * @throws ImportError (code CAREBUS_IMPORT_INVALID) with every problem found
 * @example importScenario({ stops: { name: "stops.csv", text }, demand: { name: "demand.csv", text: demandText }, settings })
 */
export function importScenario(files: ImportFiles): Scenario {
  const problems: ImportProblem[] = [];
  const settings: ScenarioSettings = files.settings ? readSettings(files.settings, problems) : {};
  if (!files.settings) {
    problems.push({
      file: files.stops.name,
      message:
        "no settings file: give one with at least id, name, horizon and coverage (see data/templates/settings.json)",
    });
  }
  const origins: Origins = { lists: new Map(), ...(files.settings ? { settings: files.settings } : {}) };
  const stops = readStops(files.stops, problems);
  origins.lists.set("stops", stops);
  const depots = listFrom<Depot>(
    "depots",
    files.depots,
    settings.depots,
    readDepots,
    origins,
    problems,
    files.settings,
  );
  const buses = listFrom<Bus>("buses", files.buses, settings.buses, readBuses, origins, problems, files.settings);
  const careBlocks = files.careBlocks ? readCareBlocks(files.careBlocks, problems) : undefined;
  if (careBlocks) origins.lists.set("demand.careBlocks", careBlocks);
  const demand = readDemand(files.demand, settings, careBlocks?.records, origins, problems);
  if (problems.length > 0) throw new ImportError(problems);

  const { demandPolygons: _, depots: _d, buses: _b, coverage: _c, priority: _p, ...scenarioFields } = settings;
  const scenario = {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    ...scenarioFields,
    depots,
    buses,
    stops: stops.records,
    demand,
  } as Scenario;
  const issues = validateScenario(scenario);
  if (issues.length > 0)
    throw new ImportError(issues.map((issue) => traceIssue(issue.path, issue.message, origins, files)));
  return orderKeys(scenario);
}

function listFrom<T>(
  name: "depots" | "buses",
  file: InputFile | undefined,
  fromSettings: unknown[] | undefined,
  read: (file: InputFile, problems: ImportProblem[]) => ReadRecords<T>,
  origins: Origins,
  problems: ImportProblem[],
  settingsFile: InputFile | undefined,
): T[] {
  if (file) {
    if (fromSettings && settingsFile) {
      problems.push({
        file: settingsFile.name,
        line: fieldLine(settingsFile.text, name),
        column: name,
        columnKind: "field",
        message: `given both here and in ${file.name}: give them in one place`,
      });
    }
    const list = read(file, problems);
    origins.lists.set(name, list);
    return list.records;
  }
  if (fromSettings) return fromSettings as T[];
  if (settingsFile) {
    problems.push({
      file: settingsFile.name,
      message: `no ${name}: give a ${name} file (--${name}) or a "${name}" list here`,
    });
  }
  return [];
}

function readDemand(
  file: InputFile,
  settings: ScenarioSettings,
  careBlocks: CareBlock[] | undefined,
  origins: Origins,
  problems: ImportProblem[],
): Scenario["demand"] {
  const table = readTable(file, [...DEMAND_COLUMNS, ...SCORE_COLUMNS], problems, { indicators: true });
  if (table.has("stop_id") || table.has("score")) {
    const scores = readScores(table, problems);
    origins.lists.set("demand.scores", scores);
    return { kind: "scores", scores: scores.records };
  }
  requireColumns(table, DEMAND_COLUMNS, table.geojson ? [] : ["lat", "lon", "locality", "zone"], problems);
  if (!table.geojson && !table.has("caregivers") && !table.has("population")) {
    problems.push({
      file: file.name,
      line: 1,
      column: "caregivers",
      message: "is missing: add a caregivers (cuidadoras) or population (poblacion) column",
    });
  }
  const polygons = settings.demandPolygons ?? {};
  const points: PointsDemand["points"] = [];
  const lines: number[] = [];
  for (const row of table.rows) {
    const r = new RowReader(table, row, problems);
    const caregivers = caregiversOf(r, polygons);
    const isArea = row.geometry !== undefined && row.geometry.type !== "Point";
    if (isArea) {
      const locality = r.required("locality", (t) => t.trim());
      const zone = r.required("zone", readZone);
      const weight = r.optional("weight", readNumber);
      const indicators = readIndicators(row, r);
      const id = r.optional("id", (t) => t.trim());
      if (caregivers === undefined || locality === undefined || zone === undefined) continue;
      try {
        const base = {
          ...(id === undefined ? {} : { id }),
          locality,
          zone,
          ...(weight === undefined ? {} : { weight }),
          ...(indicators ? { indicators } : {}),
        };
        for (const point of pointsOfPolygon(
          row.geometry!,
          base,
          caregivers,
          polygons.pointSpacingKm ?? DEFAULT_POINT_SPACING_KM,
        )) {
          points.push(point);
          lines.push(row.line);
        }
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        problems.push({ file: file.name, line: row.line, column: "geometry", message: error.message });
      }
      continue;
    }
    points.push(readDemandPoint(r, caregivers));
    lines.push(row.line);
  }
  if (table.rows.length === 0 && !problems.some((p) => p.file === file.name))
    problems.push({ file: file.name, message: "has no rows" });
  origins.lists.set("demand.points", { table, lines });
  return {
    kind: "points",
    points,
    coverage: settings.coverage as PointsDemand["coverage"],
    ...(careBlocks ? { careBlocks } : {}),
    ...(settings.priority ? { priority: settings.priority as PriorityIndex } : {}),
  };
}

/** A row's caregivers: its caregivers cell, or its population × the settings' rate. */
function caregiversOf(r: RowReader, polygons: DemandPolygonSettings): number | undefined {
  if (r.row.cells.has("caregivers")) return r.optional("caregivers", readNumber);
  if (!r.row.cells.has("population")) {
    r.problem(
      "caregivers",
      "is empty: give caregivers, or population and demandPolygons.caregiversPerInhabitant in the settings",
    );
    return undefined;
  }
  const rate = polygons.caregiversPerInhabitant;
  if (rate === undefined) {
    r.problem("population", "needs demandPolygons.caregiversPerInhabitant in the settings file to become caregivers");
    return undefined;
  }
  return r.optional("population", (t, comma) => caregiversOfPopulation(t, rate, comma));
}

const LIST_PATH = /^(stops|buses|depots|demand\.points|demand\.careBlocks|demand\.scores)\[(\d+)\](?:\.([A-Za-z]+))?/;

/** Scenario field → the column it is read from, where the names differ beyond camelCase. */
const FIELD_COLUMNS: Record<string, string> = {
  shift: "shift_start",
  shifts: "shifts_by_day",
  lunch: "lunch_start",
  stopId: "stop_id",
  depotId: "depot_id",
};

/** A validation issue of the assembled scenario, at the file, line and column it came from. */
function traceIssue(path: string, message: string, origins: Origins, files: ImportFiles): ImportProblem {
  const match = LIST_PATH.exec(path);
  const list = match ? origins.lists.get(match[1]!) : undefined;
  if (match && list) {
    const field = match[3];
    const key =
      field === undefined ? undefined : (FIELD_COLUMNS[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    const rest = path.slice(match[0].length);
    return {
      file: list.table.file,
      line: list.lines[Number(match[2])]!,
      ...(key === undefined
        ? {}
        : { column: key === "indicators" ? `ind_${rest.replace(/^\./, "")}` : list.table.headerOf(key) }),
      message: rest && key !== "indicators" ? `${readablePath(rest)}: ${message}` : message,
    };
  }
  const settings = origins.settings ?? files.stops;
  const field = path.replace(/^demand\.(coverage|priority)/, "$1");
  return {
    file: settings.name,
    ...(origins.settings ? { line: fieldLine(origins.settings.text, field) } : {}),
    ...(path === "(root)" ? {} : { column: field, columnKind: "field" as const }),
    message,
  };
}

/** "[0].end" → "item 1 end": the part of a cell an issue is about, in words. */
function readablePath(rest: string): string {
  return rest
    .replace(/\[(\d+)\]/g, (_, i: string) => ` item ${Number(i) + 1}`)
    .replace(/\./g, " ")
    .trim();
}

/** The scenario with its keys in the documented order (so exported files and diffs read the same). */
function orderKeys(s: Scenario): Scenario {
  const order = [
    "format",
    "version",
    "id",
    "name",
    "description",
    "locale",
    "horizon",
    "depots",
    "buses",
    "stops",
    "demand",
    "travel",
    "options",
  ];
  return Object.fromEntries(order.filter((k) => k in s).map((k) => [k, s[k as keyof Scenario]])) as Scenario;
}
