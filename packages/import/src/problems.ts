/**
 * What the importer reports: every problem of every input file at once, each tied to the file,
 * the line and the column (or settings field) a planner has to fix, printed as
 * `file:line: column "x": message`. The importer either returns a whole scenario or throws
 * ImportError with all the problems: never a partial scenario.
 */
import { CarebusError } from "@carebus/model";

/** One problem in one input file. */
export interface ImportProblem {
  /** the file as the planner named it */
  file: string;
  /** 1-based line in the file, when the problem sits on one */
  line?: number;
  /** the column header (CSV), property (GeoJSON) or settings field the problem is about */
  column?: string;
  /** "column" for tables, "field" for the settings file */
  columnKind?: "column" | "field";
  message: string;
}

/** `file:line: column "x": message`, leaving out the parts a problem does not have. */
export function formatProblem(problem: ImportProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const column =
    problem.column === undefined ? "" : ` ${problem.columnKind ?? "column"} ${JSON.stringify(problem.column)}:`;
  return `${where}:${column} ${problem.message}`;
}

/** Input files that cannot make a valid scenario; `problems` lists every one, in file order. */
export class ImportError extends CarebusError {
  readonly problems: readonly ImportProblem[];
  constructor(problems: readonly ImportProblem[]) {
    super("CAREBUS_IMPORT_INVALID", `cannot import:\n${problems.map(formatProblem).join("\n")}`);
    this.problems = problems;
  }
}

/** A cell that cannot be read; the caller adds the file, line and column. */
export class CellProblem extends Error {}
