/**
 * The solver's errors: a broken invariant or an unusable input (SolverError) and an unreadable
 * literature TOPTW file (ToptwFormatError, naming the line). Callers match on `code`.
 */
import { CarebusError } from "@carebus/model";

/** Codes: CAREBUS_SOLVER_INTERNAL, CAREBUS_SOLVER_INSTANCE_TOO_LARGE, CAREBUS_SOLVER_INFEASIBLE_START. */
export class SolverError extends CarebusError {}

/** A TOPTW text file that cannot be read; the message names the line and what is wrong. */
export class ToptwFormatError extends CarebusError {
  /** 1-based line number of the problem (0 when it concerns the whole file) */
  readonly line: number;
  constructor(line: number, message: string) {
    super("CAREBUS_TOPTW_INVALID", line > 0 ? `line ${line}: ${message}` : message);
    this.line = line;
  }
}
