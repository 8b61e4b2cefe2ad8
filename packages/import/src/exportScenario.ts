/**
 * `exportScenario`: a scenario back to the files a planner edits — stops, depots, buses,
 * demand and Care Blocks as comma-separated CSV with the English column names, the rest as a
 * settings JSON — such that importing them gives the same scenario again (a property test
 * checks it). Values a cell cannot hold without loss (an empty name, a list item containing
 * "|") are refused rather than written wrong.
 */
import { stringify } from "csv-stringify/sync";
import type { Bus, CareBlock, DemandPoint, Depot, Scenario, Stop } from "@carebus/model";
import { LIST_SEPARATOR } from "./cellValues.js";
import { INDICATOR_PREFIX } from "./readTable.js";
import { ImportError, type ImportProblem } from "./problems.js";

/** File name → text, e.g. "stops.csv", "settings.json". */
export type ExportedFiles = Record<string, string>;

type Cells = Record<string, string | undefined>;

/**
 * The files of `scenario` (a valid one).
 * @throws ImportError (CAREBUS_IMPORT_INVALID) naming each value that a file cannot hold
 */
export function exportScenario(scenario: Scenario): ExportedFiles {
  const problems: ImportProblem[] = [];
  const check = new CellCheck(problems);
  const files: ExportedFiles = {
    "settings.json": `${JSON.stringify(settingsOf(scenario), null, 2)}\n`,
    "depots.csv": table(scenario.depots.map((d, i) => depotCells(d, check.at("depots.csv", i)))),
    "buses.csv": table(scenario.buses.map((b, i) => busCells(b, check.at("buses.csv", i)))),
    "stops.csv": table(scenario.stops.map((s, i) => stopCells(s, check.at("stops.csv", i)))),
  };
  const demand = scenario.demand;
  if (demand.kind === "scores") {
    files["demand.csv"] = table(
      demand.scores.map((s, i) => ({
        stop_id: check.at("demand.csv", i).text("stop_id", s.stopId),
        score: num(s.score),
      })),
    );
  } else {
    files["demand.csv"] = table(demand.points.map((p, i) => pointCells(p, check.at("demand.csv", i))));
    if (demand.careBlocks)
      files["care-blocks.csv"] = table(
        demand.careBlocks.map((b, i) => careBlockCells(b, check.at("care-blocks.csv", i))),
      );
  }
  if (problems.length > 0) throw new ImportError(problems);
  return files;
}

function settingsOf(s: Scenario): Record<string, unknown> {
  const demand = s.demand;
  return Object.fromEntries(
    Object.entries({
      id: s.id,
      name: s.name,
      description: s.description,
      locale: s.locale,
      horizon: s.horizon,
      coverage: demand.kind === "points" ? demand.coverage : undefined,
      priority: demand.kind === "points" ? demand.priority : undefined,
      travel: s.travel,
      options: s.options,
    }).filter(([, v]) => v !== undefined),
  );
}

/** CSV text with a header of every column some row fills, in first-seen order. */
function table(rows: Cells[]): string {
  const columns: string[] = [];
  for (const row of rows)
    for (const [key, value] of Object.entries(row))
      if (value !== undefined && !columns.includes(key)) columns.push(key);
  return stringify([columns, ...rows.map((row) => columns.map((c) => row[c] ?? ""))], { record_delimiter: "\n" });
}

/** Checks that values survive a cell, recording the ones that cannot. */
class CellCheck {
  constructor(private readonly problems: ImportProblem[]) {}

  at(file: string, index: number) {
    const line = index + 2; // after the header
    const fail = (column: string, message: string) => this.problems.push({ file, line, column, message });
    return {
      text(column: string, value: string): string {
        if (value === "") fail(column, "is empty: a cell cannot tell an empty text from a missing one");
        else if (value.trim() !== value) fail(column, "has spaces at either end, which reading a cell drops");
        return value;
      },
      list(column: string, values: readonly string[] | undefined): string | undefined {
        if (values === undefined) return undefined;
        if (values.length === 0 || values.some((v) => v.trim() !== v || v === "" || v.includes(LIST_SEPARATOR))) {
          fail(
            column,
            `cannot be written as a list: items must be non-empty, without "${LIST_SEPARATOR}" and without spaces at either end`,
          );
        }
        return values.join(LIST_SEPARATOR);
      },
      optionalText(column: string, value: string | undefined): string | undefined {
        return value === undefined ? undefined : this.text(column, value);
      },
    };
  }
}
type Check = ReturnType<CellCheck["at"]>;

/** Shortest text that reads back as the same double (String drops the sign of -0). */
const num = (n: number | undefined): string | undefined =>
  n === undefined ? undefined : Object.is(n, -0) ? "-0" : String(n);

function depotCells(d: Depot, c: Check): Cells {
  return { id: c.text("id", d.id), name: c.text("name", d.name), lat: num(d.lat), lon: num(d.lon) };
}

function careBlockCells(b: CareBlock, c: Check): Cells {
  return { ...depotCells(b, c), locality: c.optionalText("locality", b.locality) };
}

function stopCells(s: Stop, c: Check): Cells {
  return {
    id: c.text("id", s.id),
    name: c.text("name", s.name),
    lat: num(s.lat),
    lon: num(s.lon),
    zone: s.zone,
    locality: c.text("locality", s.locality),
    neighbourhood: c.optionalText("neighbourhood", s.neighbourhood),
    address: c.optionalText("address", s.address),
    services: c.list("services", s.services),
    bus_kinds: c.list("bus_kinds", s.busKinds),
    weekdays: s.weekdays?.join(LIST_SEPARATOR),
    time_windows: s.timeWindows.map((w) => `${w.start}-${w.end}`).join(LIST_SEPARATOR),
    dwell_minutes: num(s.dwellMinutes),
    max_visits: num(s.maxVisits),
    min_days_between: num(s.minDaysBetween),
    pinned: c.list(
      "pinned",
      s.pinned?.map((p) => `${p.busId}@${p.date}@${p.start}`),
    ),
  };
}

function busCells(b: Bus, c: Check): Cells {
  return {
    id: c.text("id", b.id),
    name: c.text("name", b.name),
    kind: c.text("kind", b.kind),
    depot_id: c.text("depot_id", b.depotId),
    days: b.days?.join(LIST_SEPARATOR),
    shift_start: b.shift.start,
    shift_end: b.shift.end,
    shifts_by_day:
      b.shifts === undefined
        ? undefined
        : Object.entries(b.shifts)
            .map(([day, shift]) => `${day} ${shift.start}-${shift.end}`)
            .join(LIST_SEPARATOR),
    max_work_minutes: num(b.maxWorkMinutes),
    max_drive_minutes: num(b.maxDriveMinutes),
    setup_minutes: num(b.setupMinutes),
    packup_minutes: num(b.packupMinutes),
    lunch_start: b.lunch?.start,
    lunch_end: b.lunch?.end,
    lunch_minutes: num(b.lunch?.minutes),
  };
}

function pointCells(p: DemandPoint, c: Check): Cells {
  const indicators = Object.fromEntries(
    Object.entries(p.indicators ?? {}).map(([name, v]) => [`${INDICATOR_PREFIX}${name}`, num(v)]),
  );
  return {
    id: c.optionalText("id", p.id),
    lat: num(p.lat),
    lon: num(p.lon),
    caregivers: num(p.caregivers),
    weight: num(p.weight),
    locality: c.text("locality", p.locality),
    zone: p.zone,
    ...indicators,
  };
}
