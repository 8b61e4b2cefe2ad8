/**
 * The error base shared by every package: a stable `code` that callers and tests match on,
 * never the message text. Each package adds a few subclasses.
 */
export class CarebusError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem found in an input, at a JSON path such as `stops[12].timeWindows[0]`. */
export interface Issue {
  path: string;
  message: string;
}

/** An invalid scenario: carries every problem found, not only the first. */
export class ScenarioError extends CarebusError {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super("CAREBUS_SCENARIO_INVALID", `invalid scenario:\n${issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`);
    this.issues = issues;
  }
}

/** An invalid plan document. */
export class PlanError extends CarebusError {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super("CAREBUS_PLAN_INVALID", `invalid plan:\n${issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`);
    this.issues = issues;
  }
}

/** A change set (pins, exclusions) that does not fit its scenario: every problem, with its path. */
export class ChangeSetError extends CarebusError {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super("CAREBUS_CHANGES_INVALID", `invalid changes:\n${issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`);
    this.issues = issues;
  }
}
